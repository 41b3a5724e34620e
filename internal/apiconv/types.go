package apiconv

import (
	"regexp"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// place says where a value is, for naming the shape it may need.
type place struct {
	op      string // the operation
	parent  string // the shape holding it; "" at the top of a request or response
	field   string // its wire name
	name    string // the shape name to use for an object, when the caller knows it
	request bool
	repeat  bool // inside a repeat list: nested lists repeat too
}

// typeOf is the model type of a facts value, registering the shapes of
// its objects.
func (c *converter) typeOf(s *FactSchema, at place) string {
	switch s.Type {
	case "string":
		return "string"
	case "integer":
		return "int"
	case "long":
		return "int64"
	case "number":
		return "float64"
	case "boolean":
		return "bool"
	case "any":
		return "raw"
	case "array":
		if s.Items == nil {
			return "[]raw"
		}
		return "[]" + c.typeOf(s.Items, at)
	case "map":
		if s.Values == nil {
			return "map[string]raw"
		}
		return "map[string]" + c.typeOf(s.Values, at)
	case "object":
		return c.object(s.Fields, at)
	}
	return "raw"
}

// object registers the shape of an object's fields and returns its name:
// the caller's name, else the field's name in the singular (a shape of
// Scripts is a Script), else, for a name that says nothing (Data, List),
// the parent's or operation's name and the field's.
func (c *converter) object(fields []FactSchema, at place) string {
	var members []apigen.Member
	for i := range fields {
		f := &fields[i]
		sub := place{op: at.op, field: f.Name, request: at.request, repeat: at.repeat}
		sub.parent = at.name
		if sub.parent == "" {
			sub.parent = c.naturalName(at)
		}
		if at.request {
			members = append(members, c.shapeParam(f, sub))
		} else {
			members = append(members, c.responseMember(f, sub))
		}
	}
	name := at.name
	if name == "" {
		name = c.naturalName(at)
	}
	base := singular(trimListWords(GoName(at.field)))
	if base == "List" {
		base = "Item"
	}
	fallback := at.op + base
	if at.parent != "" {
		fallback = at.parent + base
	}
	side := "answer"
	if at.request {
		side = "request"
	}
	return c.shapes.register(name, fallback, members, at.request, "the "+at.field+" object in the "+side+" of "+at.op+".")
}

// naturalName is what an object at a place is called by default.
func (c *converter) naturalName(at place) string {
	if at.name != "" {
		return at.name
	}
	base := singular(trimListWords(strings.TrimPrefix(GoName(at.field), "Paged")))
	if base == at.op+"Request" {
		return at.op + "Input" // a parameter holding the whole request as JSON
	}
	if !generic[base] {
		return base
	}
	if at.parent != "" {
		return at.parent + base
	}
	return at.op + base
}

// shapeParam is a member of a request shape.
func (c *converter) shapeParam(f *FactSchema, at place) apigen.Member {
	m := apigen.Member{Wire: f.Name, Name: GoName(f.Name), Type: c.typeOf(f, at), Required: f.required(), Example: f.example()}
	if strings.HasPrefix(m.Type, "[]") && at.repeat {
		m.List = "repeat"
	}
	return m
}

// responseMember is a member of an answer: scalars decode leniently, and a
// time-named scalar whose example shows its unit is a time.
func (c *converter) responseMember(f *FactSchema, at place) apigen.Member {
	m := apigen.Member{Wire: f.Name, Name: GoName(f.Name), Type: c.typeOf(f, at), Example: f.example()}
	if _, base := splitType(m.Type); scalar(base) {
		m.Decode = "lenient"
	}
	if unit := timeUnit(f.Name, m.Type, f.example()); unit != "" {
		m.Type, m.Decode = "time", unit
		m.Doc = m.Name + " is sent as " + unitDoc(unit) + "."
	}
	return m
}

func scalar(t string) bool {
	switch t {
	case "string", "int", "int64", "float64", "bool":
		return true
	}
	return false
}

var (
	millisRE  = regexp.MustCompile(`^1[0-9]{12}$`)
	secondsRE = regexp.MustCompile(`^1[0-9]{9}$`)
)

// layouts are the textual times the answers use, tried in order.
var layouts = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05Z", "2006-01-02T15:04:05.000Z", "2006-01-02T15:04:05Z07:00", "2006-01-02"}

// timeUnit is the decode of a time member: millis for a 13-digit example,
// seconds for 10 digits, a layout for text that parses with it; "" when
// the name does not say it is a time or the example does not show how it
// is sent.
func timeUnit(wire, typ, example string) string {
	if typ != "string" && typ != "int64" && typ != "int" {
		return ""
	}
	ws := words(wire)
	if len(ws) == 0 {
		return ""
	}
	last := ws[len(ws)-1]
	timeWord := last == "Time" || last == "Date" || last == "At" || last == "Timestamp" || last == "Stamp" ||
		ws[0] == "Gmt" || strings.HasSuffix(last, "Time")
	if !timeWord {
		return ""
	}
	switch {
	case millisRE.MatchString(example):
		return "millis"
	case secondsRE.MatchString(example):
		return "seconds"
	case typ != "string":
		return ""
	}
	for _, l := range layouts {
		if _, err := time.Parse(l, example); err == nil {
			return "layout:" + l
		}
	}
	return ""
}

func unitDoc(unit string) string {
	switch unit {
	case "millis":
		return "epoch milliseconds"
	case "seconds":
		return "epoch seconds"
	}
	return "UTC text like " + strings.TrimPrefix(unit, "layout:")
}
