package testutil

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/apigen"
)

// NewClient returns a product client whose every request goes to hc.
type NewClient func(hc interface {
	Do(*http.Request) (*http.Response, error)
}) (any, error)

// Complete checks a product against its model, operation by operation,
// with no list of its own: the client has the method; a request with every
// parameter set sends each of them (and matches its golden snapshot,
// testdata/<Operation>/request-model.golden, regenerated with -update); an
// answer in which every response member is set decodes with every field of
// the response non-zero, nested ones included; and each parameter left
// out when required, out of its range or length, or not one of its enum's
// values fails validation, before any I/O, naming it.
func Complete(t *testing.T, modelPath string, newClient NewClient) {
	m, err := apigen.Load(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	probe, err := newClient(&Static{Status: 200, Body: []byte(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	if got := OperationMethods(probe); len(got) != len(m.Operations) {
		t.Errorf("*Client has %d operation methods, the model %d operations", len(got), len(m.Operations))
	}
	for i := range m.Operations {
		op := &m.Operations[i]
		t.Run(op.Name, func(t *testing.T) {
			full := &Static{Status: 200, Body: FullAnswer(m, op)}
			capture := &Capture{Next: full}
			client, err := newClient(capture)
			if err != nil {
				t.Fatal(err)
			}
			method := reflect.ValueOf(client).MethodByName(op.Name)
			if !method.IsValid() {
				t.Fatalf("*Client has no method %s", op.Name)
			}
			mt := method.Type()
			if mt.NumIn() != 3 || !mt.IsVariadic() || mt.NumOut() != 2 || mt.In(1).Kind() != reflect.Pointer ||
				mt.In(1).Elem().Name() != op.Name+"Request" || mt.Out(0).Elem().Name() != op.Name+"Response" {
				t.Fatalf("%s has the signature %v", op.Name, mt)
			}
			req := reflect.New(mt.In(1).Elem())
			if err := FillRequest(m, op.Request.Members, req.Elem()); err != nil {
				t.Fatal(err)
			}

			out := method.Call([]reflect.Value{reflect.ValueOf(context.Background()), req})
			if err, _ := out[1].Interface().(error); err != nil {
				t.Fatalf("%s with every parameter set: %v", op.Name, err)
			}
			sent := capture.Last(t)
			if method := op.Method; method != "" && !strings.HasPrefix(sent, method+" ") {
				t.Errorf("the request is not a %s: %s", method, sent[:strings.IndexByte(sent, '\n')])
			}
			CheckPlacement(t, m, op, sent)
			Golden(t, filepath.Join("testdata", op.Name, "request-model.golden"), sent)
			CheckNonZero(t, op.Name+"Response", out[0].Elem())
			CheckAnswered(t, m, op.Response.Members, op.Name+"Response", out[0].Elem())

			for _, mem := range op.Request.Members {
				for _, c := range invalid(m, &mem) {
					bad := reflect.New(req.Elem().Type())
					bad.Elem().Set(req.Elem())
					c.set(bad.Elem().FieldByName(mem.Name))
					before := len(full.Reqs)
					out := method.Call([]reflect.Value{reflect.ValueOf(context.Background()), bad})
					err, _ := out[1].Interface().(error)
					var ve *apierror.ValidationError
					if !errors.As(err, &ve) || !names(ve, mem.Name) {
						t.Errorf("%s %s: got %v, want a *ValidationError naming it", mem.Name, c.what, err)
					}
					if len(full.Reqs) != before {
						t.Errorf("%s %s: a request was sent", mem.Name, c.what)
					}
				}
			}
		})
	}
}

// badValue is a value a parameter must not take, and how to set it.
type badValue struct {
	what string
	set  func(f reflect.Value)
}

// invalid lists the values the model forbids a parameter: absent when it
// is required, out of its range or length, not one of its enum's values.
func invalid(m *apigen.Model, mem *apigen.Member) []badValue {
	var out []badValue
	scalar := func(f reflect.Value) reflect.Value {
		if f.Kind() == reflect.Pointer {
			f.Set(reflect.New(f.Type().Elem()))
			return f.Elem()
		}
		return f
	}
	if mem.Required && !zeroAllowed(mem) {
		out = append(out, badValue{"left out", func(f reflect.Value) { f.SetZero() }})
	}
	// Below the minimum, unless that is 0: an optional number left out, or
	// one the method fills with its default.
	if lo := int64(0); mem.Min != nil {
		if lo = *mem.Min - 1; lo != 0 || mem.Required && mem.Default == "" && mem.ZeroDoc == "" {
			out = append(out, badValue{"below its minimum", func(f reflect.Value) { setNumber(scalar(f), lo) }})
		}
	}
	if mem.Max != nil {
		hi := *mem.Max + 1
		out = append(out, badValue{"above its maximum", func(f reflect.Value) { setNumber(scalar(f), hi) }})
	}
	if mem.Type == "raw" {
		out = append(out, badValue{"not JSON text", func(f reflect.Value) { f.SetBytes([]byte(`{"k":`)) }})
	}
	if mem.MaxLength > 0 {
		long := strings.Repeat("长", mem.MaxLength+1)
		out = append(out, badValue{"too long", func(f reflect.Value) { scalar(f).SetString(long) }})
	}
	if e := m.Enum(mem.Type); e != nil && e.Valid {
		out = append(out, badValue{"not a documented value", func(f reflect.Value) { scalar(f).SetString("not-a-value") }})
	}
	if len(mem.Values) > 0 {
		out = append(out, badValue{"not one of its values", func(f reflect.Value) { setText(scalar(f), outside(mem.Values)) }})
	}
	return out
}

// zeroAllowed reports whether a required parameter's zero value is one it
// may take, so that leaving it out cannot be told from sending it: a bool
// (false), a number whose range or values hold 0.
func zeroAllowed(mem *apigen.Member) bool {
	switch mem.Type {
	case "bool":
		return true
	case "int", "int64", "float64":
		return slices.Contains(mem.Values, "0") || len(mem.Values) == 0 && mem.Min != nil && *mem.Min <= 0 &&
			(mem.Max == nil || *mem.Max >= 0)
	}
	return false
}

// setNumber sets an integer or float field.
func setNumber(f reflect.Value, n int64) {
	if f.Kind() == reflect.Float64 {
		f.SetFloat(float64(n))
		return
	}
	f.SetInt(n)
}

// outside is a value of the same kind as values that none of them is.
func outside(values []string) string {
	if _, err := strconv.ParseInt(values[0], 10, 64); err == nil {
		n := int64(1000003)
		for slices.Contains(values, strconv.FormatInt(n, 10)) {
			n++
		}
		return strconv.FormatInt(n, 10)
	}
	return "not-a-value"
}

// setText sets a string or integer field from its text.
func setText(f reflect.Value, text string) {
	switch f.Kind() {
	case reflect.String:
		f.SetString(text)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			panic("testutil: " + text + " is not an integer")
		}
		f.SetInt(n)
	}
}

// OperationMethods lists the methods of client that are operations: those
// shaped (ctx, *<Name>Request, ...func(*Options)) (*<Name>Response, error).
func OperationMethods(client any) []string {
	var out []string
	t := reflect.TypeOf(client)
	for i := range t.NumMethod() {
		mt := t.Method(i)
		ft := mt.Type // the receiver is In(0)
		if ft.NumIn() == 4 && ft.IsVariadic() && ft.NumOut() == 2 &&
			ft.In(2).Kind() == reflect.Pointer && ft.In(2).Elem().Name() == mt.Name+"Request" &&
			ft.Out(0).Kind() == reflect.Pointer && ft.Out(0).Elem().Name() == mt.Name+"Response" {
			out = append(out, mt.Name)
		}
	}
	return out
}

func names(ve *apierror.ValidationError, field string) bool {
	for _, f := range ve.Fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// FillRequest sets every parameter of a request to a valid, non-zero value
// the model allows. A parameter the Go type lacks (a model changed without
// go generate) is an error.
func FillRequest(m *apigen.Model, members []apigen.Member, v reflect.Value) error {
	for _, mem := range members {
		f := v.FieldByName(mem.Name)
		if !f.IsValid() {
			return errors.New("the model's parameter " + mem.Name + " is not a field of " + v.Type().String() + " (run go generate)")
		}
		if f.Kind() == reflect.Pointer {
			f.Set(reflect.New(f.Type().Elem()))
			f = f.Elem()
		}
		if err := fillValue(m, &mem, f); err != nil {
			return err
		}
	}
	return nil
}

func fillValue(m *apigen.Model, mem *apigen.Member, f reflect.Value) error {
	t := mem.Type
	switch {
	case strings.HasPrefix(t, "[]"):
		f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		elem := *mem
		elem.Type = strings.TrimPrefix(t, "[]")
		if len(mem.Allowed) > 0 {
			f.Index(0).SetString(constant(m, mem.Allowed[0]))
			return nil
		}
		return fillValue(m, &elem, f.Index(0))
	case strings.HasPrefix(t, "map[string]"):
		f.Set(reflect.MakeMap(f.Type()))
		elem := *mem
		elem.Type = strings.TrimPrefix(t, "map[string]")
		v := reflect.New(f.Type().Elem()).Elem()
		if err := fillValue(m, &elem, v); err != nil {
			return err
		}
		f.SetMapIndex(reflect.ValueOf("k"), v)
	case m.Shape(t) != nil:
		return FillRequest(m, m.Shape(t).Members, f)
	case m.Enum(t) != nil:
		f.SetString(m.Enum(t).Values[0].Value)
	case len(mem.Values) > 0:
		setText(f, mem.Values[0])
	case t == "float64":
		x := 1.5
		if mem.Min != nil && x < float64(*mem.Min) {
			x = float64(*mem.Min)
		}
		if mem.Max != nil && x > float64(*mem.Max) {
			x = float64(*mem.Max)
		}
		f.SetFloat(x)
	case t == "raw":
		f.SetBytes([]byte(`"v"`))
	case t == "string":
		f.SetString(strings.Repeat("v", max(mem.MinLength, 1)))
	case t == "int" || t == "int64":
		n := int64(1)
		if mem.Min != nil && *mem.Min > n {
			n = *mem.Min
		}
		f.SetInt(n)
	case t == "bool":
		f.SetBool(true)
	}
	return nil
}

func constant(m *apigen.Model, name string) string {
	for _, c := range m.Constants {
		if c.Name == name {
			if s, err := strconv.Unquote(c.Value); err == nil {
				return s
			}
			return c.Value
		}
	}
	panic("testutil: no constant " + name)
}

// FullAnswer is an answer to op in which every response member the model
// lists is set, in the protocol's envelope.
func FullAnswer(m *apigen.Model, op *apigen.Operation) []byte {
	top := map[string]any{"RequestId": "R"}
	answerObject(m, op.Response.Members, top)
	var body any = top
	if m.Protocol == "tc3" {
		body = map[string]any{"Response": top}
	}
	b, err := json.Marshal(body)
	if err != nil {
		panic(err)
	}
	return b
}

// answerObject sets, in obj, every member an answer holds, each at its
// path.
func answerObject(m *apigen.Model, members []apigen.Member, obj map[string]any) {
	for _, mem := range members {
		if mem.FromRequest != "" {
			continue
		}
		path := mem.Path
		if path == "" {
			path = mem.Wire
		}
		parts := strings.Split(path, ".")
		at := obj
		for _, p := range parts[:len(parts)-1] {
			next, ok := at[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				at[p] = next
			}
			at = next
		}
		at[parts[len(parts)-1]] = answerValue(m, &mem)
	}
}

func answerValue(m *apigen.Model, mem *apigen.Member) any {
	t := mem.Type
	switch {
	case strings.HasPrefix(t, "[]"):
		elem := *mem
		elem.Type = strings.TrimPrefix(t, "[]")
		return []any{answerValue(m, &elem)}
	case strings.HasPrefix(t, "map[string]"):
		elem := *mem
		elem.Type = strings.TrimPrefix(t, "map[string]")
		return map[string]any{"k": answerValue(m, &elem)}
	case m.Shape(t) != nil:
		obj := map[string]any{}
		answerObject(m, m.Shape(t).Members, obj)
		return obj
	case m.Enum(t) != nil:
		return m.Enum(t).Values[0].Value
	case t == "time" && mem.Decode == "millis":
		return 1578469042851
	case t == "time" && mem.Decode == "seconds":
		return 1578469042
	case t == "time" && strings.HasPrefix(mem.Decode, "layout:"):
		return time.Date(2024, 8, 20, 11, 0, 0, 0, time.UTC).Format(strings.TrimPrefix(mem.Decode, "layout:"))
	case t == "float64":
		return 1.5
	case t == "raw":
		return map[string]any{"k": "v"}
	case t == "time":
		return "2024-08-20 11:00:00"
	case t == "int" || t == "int64":
		return 7
	case t == "bool":
		return true
	}
	return "x"
}

// CheckNonZero fails for every field of v (recursively: structs, the
// elements of slices) that is zero.
func CheckNonZero(t testing.TB, path string, v reflect.Value) {
	t.Helper()
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		if v.Interface().(time.Time).IsZero() {
			t.Errorf("%s is zero", path)
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				CheckNonZero(t, path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		}
	case v.Kind() == reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s is empty", path)
			return
		}
		CheckNonZero(t, path+"[0]", v.Index(0))
	case v.Kind() == reflect.Map:
		if v.Len() == 0 {
			t.Errorf("%s is empty", path)
			return
		}
		k := v.MapKeys()[0]
		CheckNonZero(t, path+"["+k.String()+"]", v.MapIndex(k))
	case v.IsZero():
		t.Errorf("%s is zero", path)
	}
}
