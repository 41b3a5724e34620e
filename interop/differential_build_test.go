package interop

// Building the inputs of the differential test (differential_test.go):
// one request of ours and one of the official v1 SDK per operation, both
// filled with the same values, chosen from our model (api/<product>/*.json)
// and the API facts (testdata/facts), never from a list of operations.
//
// Ours is built by reflection from the operation method's parameter type,
// each field found by the wire name in its `url` tag. The v1 request is
// built from the v1 client method's parameter type: its embedded
// *requests.RpcRequest is set and initialised as the SDK's Create<Op>Request
// does, and each field is found by the wire name in its `name` tag.

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// facts is the part of an API facts file (testdata/facts/README.md) the
// differential test reads.
type facts struct {
	Product    string    `json:"product"` // "OutboundBot", "CCC": the v1 SDK's product name
	Version    string    `json:"version"`
	Operations []factsOp `json:"operations"`
}

type factsOp struct {
	Name     string       `json:"name"`
	Method   string       `json:"method"`
	InV1     bool         `json:"inV1"`
	V1Method string       `json:"v1Method"`
	Params   []factsParam `json:"params"`
}

type factsParam struct {
	Name    string        `json:"name"`
	In      string        `json:"in"`
	Type    string        `json:"type"`
	Style   string        `json:"style"`
	Example string        `json:"example"`
	Items   *factsSchema  `json:"items"`
	Fields  []factsSchema `json:"fields"`
	V1      *factsV1      `json:"v1"`
	Diff    string        `json:"diff"`
}

// factsSchema is a nested request field, a list's items or a map's values.
type factsSchema struct {
	Name    string        `json:"name"`
	Type    string        `json:"type"`
	Example string        `json:"example"`
	Items   *factsSchema  `json:"items"`
	Fields  []factsSchema `json:"fields"`
}

type factsV1 struct {
	Name     string `json:"name"`
	Position string `json:"position"`
	Type     string `json:"type"`
	GoType   string `json:"goType"`
}

// v1Only is the diff of a parameter only the v1 SDK has.
const v1Only = "absent in v2 (v1 only)"

func loadFacts(path string) (*facts, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f := new(facts)
	if err := json.Unmarshal(b, f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

func (f *facts) op(name string) *factsOp {
	for i := range f.Operations {
		if f.Operations[i].Name == name {
			return &f.Operations[i]
		}
	}
	return nil
}

func (o *factsOp) param(wire string) *factsParam {
	for i := range o.Params {
		if o.Params[i].Name == wire {
			return &o.Params[i]
		}
	}
	return nil
}

// schema is the facts of a parameter as a nested schema, so top-level and
// nested fields are filled alike.
func (p *factsParam) schema() *factsSchema {
	return &factsSchema{Name: p.Name, Type: p.Type, Example: p.Example, Items: p.Items, Fields: p.Fields}
}

func (s *factsSchema) field(wire string) *factsSchema {
	if s == nil {
		return nil
	}
	for i := range s.Fields {
		if s.Fields[i].Name == wire {
			return &s.Fields[i]
		}
	}
	return nil
}

func (s *factsSchema) items() *factsSchema {
	if s == nil {
		return nil
	}
	return s.Items
}

func (s *factsSchema) example() string {
	if s == nil {
		return ""
	}
	return s.Example
}

// reserved is the text every free-form string parameter is sent: CJK,
// a space and the characters form encoding, RPC percent-encoding and
// signing treat differently.
const reserved = "值 a&b=c+d/e%f"

// filler sets a request's fields to values the model allows. The same
// filler fills ours; the v1 request is then filled from ours (v1Filler).
type filler struct {
	m *apigen.Model
	// fixed gives parameters by wire name the one value they must have
	// (RegionId: the client's region; the fakes' example InstanceId).
	fixed map[string]string
	// texts counts the free-form strings filled so far, so that each
	// gets its own value and two swapped parameters cannot go unseen.
	texts int
}

// fieldByWire returns the field of struct v whose `url` tag (else `json`
// tag) names wire.
func fieldByWire(v reflect.Value, wire string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("url")
		if !ok {
			tag = f.Tag.Get("json")
		}
		if name, _, _ := strings.Cut(tag, ","); name == wire {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// fillMembers sets every member of a request or request shape in v, to
// their i-th values (a shape in a list: its index).
func (fl *filler) fillMembers(members []apigen.Member, v reflect.Value, fs func(wire string) *factsSchema, i int) error {
	for k := range members {
		mem := &members[k]
		f, ok := fieldByWire(v, mem.Wire)
		if !ok {
			return fmt.Errorf("the model's %s (%s) is not a field of %s (run go generate)", mem.Wire, mem.Name, v.Type())
		}
		if err := fl.fill(mem, f, fs(mem.Wire), i); err != nil {
			return fmt.Errorf("%s: %w", mem.Wire, err)
		}
	}
	return nil
}

// fill sets f to the i-th value of mem's type (lists hold two: i 0 and 1).
func (fl *filler) fill(mem *apigen.Member, f reflect.Value, fs *factsSchema, i int) error {
	if f.Kind() == reflect.Pointer {
		f.Set(reflect.New(f.Type().Elem()))
		f = f.Elem()
	}
	t := mem.Type
	if text, ok := fl.fixed[mem.Wire]; ok && !strings.HasPrefix(t, "[]") {
		return setText(f, text)
	}
	switch {
	case strings.HasPrefix(t, "[]"):
		elem := *mem
		elem.Type = strings.TrimPrefix(t, "[]")
		f.Set(reflect.MakeSlice(f.Type(), 2, 2))
		for j := range 2 {
			if len(mem.Allowed) > 0 {
				f.Index(j).SetString(constant(fl.m, mem.Allowed[j%len(mem.Allowed)]))
				continue
			}
			if err := fl.fill(&elem, f.Index(j), fs.items(), j); err != nil {
				return err
			}
		}
	case strings.HasPrefix(t, "map[string]"):
		elem := *mem
		elem.Type = strings.TrimPrefix(t, "map[string]")
		f.Set(reflect.MakeMap(f.Type()))
		for j := range 2 {
			v := reflect.New(f.Type().Elem()).Elem()
			if err := fl.fill(&elem, v, fs.items(), j); err != nil {
				return err
			}
			f.SetMapIndex(reflect.ValueOf("k"+strconv.Itoa(j+1)), v)
		}
	case fl.m.Shape(t) != nil:
		return fl.fillMembers(fl.m.Shape(t).Members, f, fs.field, i)
	case fl.m.Enum(t) != nil:
		vals := fl.m.Enum(t).Values
		f.SetString(vals[i%len(vals)].Value)
	case len(mem.Values) > 0:
		return setText(f, mem.Values[i%len(mem.Values)])
	case t == "string":
		s, err := text(mem, firstOf(mem.Example, fs.example()), fl.texts)
		fl.texts++
		if err != nil {
			return err
		}
		f.SetString(s)
	case t == "int" || t == "int64":
		f.SetInt(integer(mem, firstOf(mem.Example, fs.example()), i))
	case t == "bool":
		f.SetBool(true)
	case t == "float64":
		f.SetFloat(1.5 + float64(i))
	case t == "raw":
		b, _ := json.Marshal(map[string]string{"k": variant(reserved, i)})
		f.SetBytes(b)
	default:
		return fmt.Errorf("type %s: the differential test cannot fill it", t)
	}
	return nil
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// variant is the i-th distinct value of s, so that no two parameters (nor
// the two elements of a list) carry the same text.
func variant(s string, i int) string {
	if i == 0 {
		return s
	}
	return s + "#" + strconv.Itoa(i+1)
}

// text is the n-th string value of mem: reserved when the model allows it
// (its length cut or padded to fit), else letters and digits, else the
// example (which may name what a fake is seeded with).
func text(mem *apigen.Member, example string, n int) (string, error) {
	var re *regexp.Regexp
	if mem.Pattern != "" {
		var err error
		if re, err = regexp.Compile(mem.Pattern); err != nil {
			return "", err
		}
	}
	for _, c := range []string{variant(reserved, n), "v" + strconv.Itoa(n+1), example} {
		if c == "" {
			continue
		}
		c = fitLength(c, mem.MinLength, mem.MaxLength)
		if re == nil || re.MatchString(c) {
			return c, nil
		}
	}
	return "", fmt.Errorf("no value found that matches %s (%s)", mem.Pattern, mem.PatternDoc)
}

// fitLength repeats s until it has at least lo runes and cuts it to at most
// hi (0: no limit).
func fitLength(s string, lo, hi int) string {
	for utf8.RuneCountInString(s) < lo {
		s += s
	}
	if r := []rune(s); hi > 0 && len(r) > hi {
		s = string(r[:hi])
	}
	return s
}

// integer is the i-th integer value of mem: the example when it is in
// range and non-zero (zero is not sent), else the smallest allowed.
func integer(mem *apigen.Member, example string, i int) int64 {
	lo, hi := int64(1), int64(1<<31-1)
	if mem.Min != nil && *mem.Min > lo {
		lo = *mem.Min
	}
	if mem.Max != nil {
		hi = *mem.Max
	}
	if n, err := strconv.ParseInt(example, 10, 64); err == nil && n != 0 && n >= lo && n <= hi {
		return n
	}
	return min(lo+int64(i), hi)
}

// setText sets a string, integer or boolean field from its text.
func setText(f reflect.Value, s string) error {
	switch f.Kind() {
	case reflect.String:
		f.SetString(s)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return err
		}
		f.SetInt(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		f.SetBool(b)
	default:
		return fmt.Errorf("cannot set a %s from %q", f.Type(), s)
	}
	return nil
}

// constant is the value of the model's Go constant name.
func constant(m *apigen.Model, name string) string {
	for _, c := range m.Constants {
		if c.Name == name {
			if s, err := strconv.Unquote(c.Value); err == nil {
				return s
			}
			return c.Value
		}
	}
	return name
}

// newV1Request returns a v1 request of the operation method's parameter
// type, initialised as its Create<Op>Request constructor does.
func newV1Request(method reflect.Value, f *facts, op *factsOp) (reflect.Value, error) {
	mt := method.Type()
	if mt.NumIn() != 1 || mt.In(0).Kind() != reflect.Pointer || mt.In(0).Elem().Kind() != reflect.Struct || mt.NumOut() != 2 {
		return reflect.Value{}, fmt.Errorf("the v1 method %s has the signature %v", op.Name, mt)
	}
	req := reflect.New(mt.In(0).Elem())
	base := req.Elem().FieldByName("RpcRequest")
	if !base.IsValid() || base.Type() != reflect.TypeFor[*requests.RpcRequest]() {
		return reflect.Value{}, fmt.Errorf("the v1 %s does not embed *requests.RpcRequest", req.Type())
	}
	rpc := &requests.RpcRequest{}
	rpc.InitWithApiInfo(f.Product, f.Version, op.Name, "", "")
	rpc.Method = op.V1Method
	base.Set(reflect.ValueOf(rpc))
	return req, nil
}

// v1Field returns the field of a v1 struct whose `name` tag is wire.
func v1Field(v reflect.Value, wire string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		if name, ok := t.Field(i).Tag.Lookup("name"); ok && name == wire {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// setV1 sets dst, a v1 request field, to the value of ours, our request's
// field of member mem. A list, shape or map that ours sends as JSON text
// while v1 declares a plain string is given asText, the text ours sent;
// setV1 reports when it did so.
func setV1(m *apigen.Model, mem *apigen.Member, dst, ours reflect.Value, asText func() (string, error)) (bridged bool, err error) {
	for ours.Kind() == reflect.Pointer {
		if ours.IsNil() {
			return false, nil
		}
		ours = ours.Elem()
	}
	switch {
	case dst.Kind() == reflect.String && isText(ours):
		dst.SetString(scalarString(ours))
		return false, nil
	case dst.Kind() == reflect.String && mem.List == "json":
		s, err := asText()
		dst.SetString(s)
		return true, err
	case dst.Kind() == reflect.Pointer && dst.Type().Elem().Kind() == reflect.Slice && ours.Kind() == reflect.Slice:
		list := reflect.MakeSlice(dst.Type().Elem(), ours.Len(), ours.Len())
		for i := range ours.Len() {
			if err := setV1Elem(m, mem, list.Index(i), ours.Index(i)); err != nil {
				return false, fmt.Errorf("[%d]: %w", i, err)
			}
		}
		p := reflect.New(list.Type())
		p.Elem().Set(list)
		dst.Set(p)
		return false, nil
	}
	return false, fmt.Errorf("the model's %s (%s) does not map onto the v1 %s", mem.Type, mem.List, dst.Type())
}

// setV1Elem sets one element of a v1 list from ours: a string, or a struct
// whose fields are found by wire name.
func setV1Elem(m *apigen.Model, mem *apigen.Member, dst, ours reflect.Value) error {
	if dst.Kind() == reflect.String && isText(ours) {
		dst.SetString(scalarString(ours))
		return nil
	}
	sh := m.Shape(strings.TrimPrefix(mem.Type, "[]"))
	if dst.Kind() != reflect.Struct || sh == nil {
		return fmt.Errorf("the model's %s element does not map onto the v1 %s", mem.Type, dst.Type())
	}
	for i := range sh.Members {
		sub := &sh.Members[i]
		d, ok := v1Field(dst, sub.Wire)
		if !ok {
			return fmt.Errorf("the v1 %s has no field %s", dst.Type(), sub.Wire)
		}
		o, _ := fieldByWire(ours, sub.Wire)
		if _, err := setV1(m, sub, d, o, func() (string, error) {
			return "", fmt.Errorf("%s.%s: a JSON text field inside a list", mem.Wire, sub.Wire)
		}); err != nil {
			return fmt.Errorf("%s: %w", sub.Wire, err)
		}
	}
	return nil
}

// isText reports whether v is a value v1 takes as text: a string, integer,
// boolean or float, or raw JSON text.
func isText(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Float64:
		return true
	}
	return v.Type() == reflect.TypeFor[json.RawMessage]()
}

// scalarString formats v as Go writes its kind: strconv for numbers and
// booleans, the bytes of raw JSON text.
func scalarString(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Slice:
		return string(v.Bytes())
	}
	return strconv.FormatInt(v.Int(), 10)
}
