package apigen

import (
	"strconv"
	"strings"
)

// The model's types: the scalars string, int, int64, float64, bool, time
// and raw (JSON text kept as it is), an enum or shape name, a list []T or
// a map map[string]T of any of those. Containers do not nest.

func builtin(t string) bool {
	switch t {
	case "string", "int", "int64", "float64", "bool", "time", "raw":
		return true
	}
	return false
}

const mapPrefix = "map[string]"

func isList(t string) bool { return strings.HasPrefix(t, "[]") }

func isMap(t string) bool { return strings.HasPrefix(t, mapPrefix) }

// container reports whether t is a list or a map.
func container(t string) bool { return isList(t) || isMap(t) }

// elemType is the element type of a list or a map (one level), and t
// itself otherwise.
func elemType(t string) string {
	if isList(t) {
		return t[2:]
	}
	return strings.TrimPrefix(t, mapPrefix)
}

// baseType is the scalar, enum or shape at the bottom of t.
func baseType(t string) string {
	for container(t) {
		t = elemType(t)
	}
	return t
}

func isNumber(t string) bool { return t == "int" || t == "int64" || t == "float64" }

// goType is the Go spelling of a model type.
func goType(t string) string {
	switch {
	case isList(t):
		return "[]" + goType(elemType(t))
	case isMap(t):
		return mapPrefix + goType(elemType(t))
	case t == "time":
		return "time.Time"
	case t == "raw":
		return "json.RawMessage"
	}
	return t
}

func (f *file) goType(t string) string {
	switch baseType(t) {
	case "time":
		f.use("time")
	case "raw":
		f.use("encoding/json")
	}
	return goType(t)
}

// zero is the condition under which x, a value of the member's Go type,
// is its zero value: nothing to send, or nothing answered.
func (g *gen) zero(mem *Member, x string) string {
	t := mem.Type
	switch {
	case mem.Clearable && !container(t):
		return x + " == nil"
	case container(t) || t == "raw":
		return "len(" + x + ") == 0"
	case t == "string" || g.m.Enum(t) != nil:
		return x + ` == ""`
	case isNumber(t):
		return x + " == 0"
	case t == "bool":
		return "!" + x
	case t == "time":
		return x + ".IsZero()"
	}
	s := g.m.Shape(t)
	if s == nil || len(s.Members) == 0 {
		return "true"
	}
	var conds []string
	for i := range s.Members {
		conds = append(conds, g.zero(&s.Members[i], x+"."+s.Members[i].Name))
	}
	return "(" + strings.Join(conds, " && ") + ")"
}

// readExpr is the expression reading the current value of the answer as
// type t decoded as decode says, or "" for a type read by a statement (a
// shape, a container, a product's time function).
func (f *file) readExpr(t, decode string) string {
	lenient := decode == "lenient"
	if e := f.g.m.Enum(t); e != nil {
		if lenient {
			return t + "(d.LenientString())"
		}
		return t + "(d.Str())"
	}
	switch t {
	case "string":
		if lenient {
			return "d.LenientString()"
		}
		return "d.Str()"
	case "int":
		if lenient {
			return "int(d.LenientInt())"
		}
		return "int(d.Int())"
	case "int64":
		if lenient {
			return "d.LenientInt()"
		}
		return "d.Int()"
	case "float64":
		if lenient {
			return "d.LenientFloat()"
		}
		return "d.Float()"
	case "bool":
		if lenient {
			return "d.LenientBool()"
		}
		return "d.Bool()"
	case "raw":
		// A copy: the answer's bytes are not the response's to keep.
		f.use("encoding/json")
		return "append(json.RawMessage(nil), d.Raw()...)"
	case "time":
		switch {
		case decode == "millis":
			return "d.Millis()"
		case decode == "seconds":
			return "d.Seconds()"
		case strings.HasPrefix(decode, "layout:"):
			return "d.Time(" + strconv.Quote(strings.TrimPrefix(decode, "layout:")) + ")"
		}
	}
	return ""
}

// elemReader names the function reading one element of a list or map of
// t, decoded as decode says: a shape's decoder, or one of the element
// readers types_gen.go declares (elemReaders).
func (g *gen) elemReader(t, decode string) string {
	if g.m.Shape(t) != nil {
		return "decode" + t
	}
	if container(t) { // a list of maps: decodeMapOfRaw
		kind := "ListOf"
		if isMap(t) {
			kind = "MapOf"
		}
		return "decode" + kind + strings.TrimPrefix(g.elemReader(elemType(t), decode), "decode")
	}
	name := map[string]string{"string": "Text", "int": "Int", "int64": "Int64", "float64": "Float",
		"bool": "Bool", "raw": "Raw"}[t]
	if name == "" {
		name = t // an enum
	}
	switch {
	case t == "time" && strings.HasPrefix(decode, "layout:"):
		name = "Time" + strings.Map(func(r rune) rune {
			if '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' {
				return r
			}
			return -1
		}, strings.TrimPrefix(decode, "layout:"))
	case t == "time":
		name = strings.ToUpper(decode[:1]) + decode[1:] // Millis, Seconds
	case decode == "lenient" && t != "raw":
		name = "Lenient" + name
	}
	return "decode" + name
}

// readerNames lists the element readers a check refuses shapes to shadow.
var readerNames = []string{"Text", "Int", "Int64", "Float", "Bool", "Raw", "Millis", "Seconds"}

// elemReaders writes the element readers the answers' lists and maps of
// scalars and enums need, each once, in the order first needed.
func (f *file) elemReaders() {
	seen := map[string]bool{}
	var reader func(t, decode string)
	reader = func(t, decode string) {
		name := f.g.elemReader(t, decode)
		if f.g.m.Shape(t) != nil || seen[name] {
			return
		}
		seen[name] = true
		f.use(pkgWire)
		read := f.readExpr(t, decode)
		switch {
		case isMap(t):
			read = "wire.Map(d, *v, " + f.g.elemReader(elemType(t), decode) + ")"
			reader(elemType(t), decode)
		case isList(t):
			read = "wire.Slice(d, *v, " + f.g.elemReader(elemType(t), decode) + ")"
			reader(elemType(t), decode)
		}
		f.p("func %s(d *wire.Decoder, v *%s) { *v = %s }", name, f.goType(t), read)
		f.p("")
	}
	visit := func(mem *Member) {
		if container(mem.Type) && mem.FromRequest == "" {
			reader(elemType(mem.Type), mem.Decode)
		}
	}
	for _, op := range f.g.m.Operations {
		for i := range op.Response.Members {
			visit(&op.Response.Members[i])
		}
	}
	for _, s := range f.g.m.Shapes {
		if f.g.decoded(s.Name) {
			for i := range s.Members {
				visit(&s.Members[i])
			}
		}
	}
}
