package apigen

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/wire"
)

// Reference returns the reference decoder of an operation's answer: it
// reads the model at run time, with encoding/json and the lenient wire
// types (wire.Int64, wire.Float64, wire.Bool, wire.String, wire.Millis,
// wire.Seconds, wire.ParseTime), into a response
// value by reflection. It is what the generated one-pass decoders are
// tested against: same answer, same response, same verdict. funcs holds
// the product's time readers the model names (decode "func:<name>").
//
// body is the answer object (for tc3, the Response object); out is a
// pointer to the operation's response type. RequestID is not set: it is
// the envelope's.
func (m *Model) Reference(operation string, funcs map[string]func(field, text string) (time.Time, error)) func(body []byte, out any) error {
	var op *Operation
	for i := range m.Operations {
		if m.Operations[i].Name == operation {
			op = &m.Operations[i]
		}
	}
	if op == nil {
		panic("apigen: no operation " + operation)
	}
	r := &ref{m: m, funcs: funcs}
	return func(body []byte, out any) error {
		v := reflect.ValueOf(out).Elem()
		return r.response(op, body, v)
	}
}

type ref struct {
	m     *Model
	funcs map[string]func(field, text string) (time.Time, error)
}

// object reads raw as a JSON object (null: no members), keys matched
// without regard to case, as encoding/json matches them.
func object(raw []byte) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	return obj, nil
}

func lookup(obj map[string]json.RawMessage, name string) (json.RawMessage, bool) {
	if v, ok := obj[name]; ok {
		return v, true
	}
	for k, v := range obj {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}

func isNull(raw []byte) bool { return strings.TrimSpace(string(raw)) == "null" }

func (r *ref) response(op *Operation, body []byte, v reflect.Value) error {
	top, err := object(body)
	if err != nil {
		return err
	}
	fills := map[string]reflect.Value{}
	for i := range op.Response.Members {
		mem := &op.Response.Members[i]
		if mem.FromRequest != "" {
			continue
		}
		raw, found, err := at(top, mem.wirePath())
		if err != nil {
			return err
		}
		var dst reflect.Value
		if mem.Fills != "" {
			dst = reflect.New(field(v, mem.Fills).Type()).Elem()
			fills[mem.Fills] = dst
		} else {
			dst = v.FieldByName(mem.Name)
		}
		if found {
			if err := r.value(mem, raw, dst); err != nil {
				return err
			}
		}
		if mem.Present && r.missing(mem, found && !isNull(raw), dst) {
			return wire.Missing("the answer", mem.wirePath())
		}
	}
	for path, src := range fills {
		if dst := field(v, path); dst.Len() == 0 && src.Len() > 0 {
			dst.Set(src)
		}
	}
	return nil
}

// at returns the value at a dotted path of obj, and whether it is there.
func at(obj map[string]json.RawMessage, path string) (json.RawMessage, bool, error) {
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		raw, ok := lookup(obj, p)
		if !ok {
			return nil, false, nil
		}
		var err error
		if obj, err = object(raw); err != nil {
			return nil, false, err
		}
	}
	raw, ok := lookup(obj, parts[len(parts)-1])
	return raw, ok, nil
}

// field returns the field of v at a dotted Go path.
func field(v reflect.Value, path string) reflect.Value {
	for _, p := range strings.Split(path, ".") {
		v = v.FieldByName(p)
	}
	return v
}

// missing reports whether a member the answer must hold is missing, as
// the generated decoders decide: an object absent or null, a list nil,
// a value zero.
func (r *ref) missing(mem *Member, sent bool, dst reflect.Value) bool {
	switch {
	case r.m.Shape(mem.Type) != nil:
		return !sent
	case container(mem.Type):
		return dst.IsNil()
	}
	return dst.IsZero()
}

// value reads raw into dst as the member's type and decoding say.
func (r *ref) value(mem *Member, raw json.RawMessage, dst reflect.Value) error {
	t := mem.Type
	switch {
	case isList(t):
		return r.list(mem, raw, dst)
	case r.m.Shape(t) != nil:
		dst.SetZero()
		return r.shape(r.m.Shape(t), raw, dst)
	case isMap(t):
		return r.mapOf(mem, raw, dst)
	case t == "time" && mem.Decode == "seconds":
		var sec wire.Seconds
		if err := json.Unmarshal(raw, &sec); err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(sec.Time))
	case t == "time" && strings.HasPrefix(mem.Decode, "layout:"):
		tm, err := wire.ParseTime(strings.TrimPrefix(mem.Decode, "layout:"), raw)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(tm))
	case t == "time" && mem.Decode == "millis":
		var ms wire.Millis
		if err := json.Unmarshal(raw, &ms); err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(ms.Time))
	case t == "time":
		fn := r.funcs[strings.TrimPrefix(mem.Decode, "func:")]
		var s wire.String
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		tm, err := fn(mem.Wire, string(s))
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(tm))
	case mem.Decode == "lenient" && (t == "int" || t == "int64"):
		var n wire.Int64
		if err := json.Unmarshal(raw, &n); err != nil {
			return err
		}
		dst.SetInt(int64(n))
	case mem.Decode == "lenient" && t == "bool":
		var b wire.Bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return err
		}
		dst.SetBool(bool(b))
	case mem.Decode == "lenient" && t == "float64":
		var f wire.Float64
		if err := json.Unmarshal(raw, &f); err != nil {
			return err
		}
		dst.SetFloat(float64(f))
	case mem.Decode == "lenient" && (t == "string" || r.m.Enum(t) != nil):
		var s wire.String
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		dst.SetString(string(s))
	default: // strict: encoding/json into the field
		return json.Unmarshal(raw, dst.Addr().Interface())
	}
	return nil
}

func (r *ref) list(mem *Member, raw json.RawMessage, dst reflect.Value) error {
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return err
	}
	if elems == nil {
		dst.SetZero()
		return nil
	}
	if mem.Page != "" {
		size, _ := strconv.Atoi(r.constant(mem.Page))
		if err := wire.CheckPage(len(elems), size); err != nil {
			return err
		}
	}
	out := reflect.MakeSlice(dst.Type(), len(elems), len(elems))
	elem := Member{Wire: mem.Wire, Type: elemType(mem.Type), Decode: mem.Decode}
	for i, e := range elems {
		if err := r.value(&elem, e, out.Index(i)); err != nil {
			return err
		}
	}
	dst.Set(out)
	return nil
}

// mapOf reads raw as a JSON object into dst, a map, each value as the
// member's element type.
func (r *ref) mapOf(mem *Member, raw json.RawMessage, dst reflect.Value) error {
	var vals map[string]json.RawMessage
	if err := json.Unmarshal(raw, &vals); err != nil {
		return err
	}
	if vals == nil {
		dst.SetZero()
		return nil
	}
	out := reflect.MakeMapWithSize(dst.Type(), len(vals))
	elem := Member{Wire: mem.Wire, Type: elemType(mem.Type), Decode: mem.Decode}
	for k, v := range vals {
		e := reflect.New(dst.Type().Elem()).Elem()
		if err := r.value(&elem, v, e); err != nil {
			return err
		}
		out.SetMapIndex(reflect.ValueOf(k), e)
	}
	dst.Set(out)
	return nil
}

func (r *ref) shape(s *Shape, raw json.RawMessage, dst reflect.Value) error {
	obj, err := object(raw)
	if err != nil {
		return err
	}
	for i := range s.Members {
		mem := &s.Members[i]
		v, ok, err := at(obj, mem.wirePath())
		if err != nil {
			return err
		}
		if ok {
			if err := r.value(mem, v, dst.FieldByName(mem.Name)); err != nil {
				return err
			}
		}
	}
	for _, mem := range s.Members {
		if mem.UnixFallback != "" {
			f, unix := dst.FieldByName(mem.Name), dst.FieldByName(mem.UnixFallback).Int()
			if f.Interface().(time.Time).IsZero() && unix > 0 {
				f.Set(reflect.ValueOf(time.Unix(unix, 0).UTC()))
			}
		}
	}
	if s.ID != "" && dst.FieldByName(s.ID).IsZero() {
		return wire.Missing(article(s.Name), s.IDWire)
	}
	return nil
}

func (r *ref) constant(name string) string {
	for _, c := range r.m.Constants {
		if c.Name == name {
			return c.Value
		}
	}
	panic(fmt.Sprintf("apigen: no constant %s", name))
}
