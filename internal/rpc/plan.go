package rpc

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// A plan encodes one request type field by field, as the reference encoder
// (go-querystring and the Alibaba forms, encode.go) would, without its
// per-call costs: go-querystring builds a url.Values map, parses every tag
// with strings.Split and formats each value with fmt.Sprint, some ten
// allocations for a one-field request. A plan reads the tags once and
// appends the parameters straight into the slices the signer sorts.
//
// Plans cover every kind the two APIs' parameters take (scalars, optional
// scalars, repeat lists of scalars and of structs nested to any depth,
// nested structs, and JSON text of lists, structs and maps); planFor
// returns nil for a type with anything else, which go-querystring then
// encodes (TestPlanMatchesReference).
type plan struct {
	fields []planField
}

type planField struct {
	index     int
	name      string // the parameter name, or its last dotted part inside a list or struct
	omitEmpty bool
	body      bool // sent in the form body, with everything under it
	kind      fieldKind
	elem      *plan // the plan of a repeatedStruct's elements or of a structField
}

type fieldKind uint8

const (
	scalarField    fieldKind = iota // Name=text
	repeatedField                   // Name.1=text, Name.2=text, …
	repeatedStruct                  // Name.1.Sub=text, Name.1.List.1=text, …
	structField                     // Name.Sub=text, …
	jsonField                       // Name=["a","b"], Name={"Key":"v"}
	pointerField                    // Name=text when set, nothing when nil (an optional write value that may be "")
)

// planCache holds the plans of one client's request types. A nil cache
// builds a plan per call.
type planCache struct{ m sync.Map } // reflect.Type → *plan (nil: no plan)

func (c *planCache) get(t reflect.Type) *plan {
	if c == nil {
		return planFor(t)
	}
	if p, ok := c.m.Load(t); ok {
		return p.(*plan)
	}
	p := planFor(t)
	c.m.Store(t, p)
	return p
}

// planFor returns the plan of struct type t, or nil when a field needs
// go-querystring.
func planFor(t reflect.Type) *plan {
	return planOf(t, map[reflect.Type]bool{}, true)
}

// planOf is planFor for a struct met inside the types in building: a type
// that holds itself has no plan (its parameters would have no end). The
// "body" option counts on the fields of the request (top) alone: what a
// list or struct holds goes where the list or struct goes.
func planOf(t reflect.Type, building map[reflect.Type]bool, top bool) *plan {
	if building[t] {
		return nil
	}
	building[t] = true
	defer delete(building, t)
	p := &plan{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil // embedded structs are flattened by go-querystring
		}
		tag := f.Tag.Get("url")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts := tagName(f)
		if name == "-" || !onlyOptions(opts, "omitempty", "json", "body") {
			return nil // "-,opts" names a parameter "-", other options are go-querystring's: leave them to it
		}
		pf := planField{index: i, name: name, omitEmpty: hasOption(opts, "omitempty"), body: top && hasOption(opts, "body")}
		if !pf.plan(f.Type, hasOption(opts, "json"), building) {
			return nil
		}
		p.fields = append(p.fields, pf)
	}
	return p
}

// plan sets the kind of a field of type t, and reports whether a plan
// encodes it.
func (pf *planField) plan(t reflect.Type, json bool, building map[reflect.Type]bool) bool {
	if hasFormatMethods(t) {
		return false
	}
	switch {
	case json && !isScalar(t.Kind()): // the option means nothing on a scalar
		pf.kind = jsonField
		return jsonKind(t)
	case isScalar(t.Kind()):
		pf.kind = scalarField
	case t.Kind() == reflect.Pointer:
		pf.kind = pointerField
		return pf.omitEmpty && isScalar(t.Elem().Kind()) && !hasFormatMethods(t.Elem())
	case t.Kind() == reflect.Slice:
		elem := t.Elem()
		switch {
		case hasFormatMethods(elem):
			return false
		case isScalar(elem.Kind()):
			pf.kind = repeatedField
		case elem.Kind() == reflect.Struct:
			pf.kind, pf.elem = repeatedStruct, planOf(elem, building, false)
			return pf.elem != nil
		default:
			return false
		}
	case t.Kind() == reflect.Struct:
		pf.kind, pf.elem = structField, planOf(t, building, false)
		return pf.elem != nil
	default:
		return false
	}
	return true
}

// jsonKind reports whether a value of type t can be sent as JSON text: a
// list, a map, a struct or a pointer to one.
func jsonKind(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Struct:
		return true
	case reflect.Pointer:
		return t.Elem().Kind() == reflect.Struct
	}
	return false
}

func isScalar(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// hasFormatMethods reports whether t has a method that changes how
// go-querystring renders or omits it: its Encoder, fmt's Stringer, error
// and Formatter, and the IsZero that omitempty asks.
func hasFormatMethods(t reflect.Type) bool {
	for _, m := range [...]string{"EncodeValues", "String", "Error", "Format", "IsZero"} {
		if _, ok := t.MethodByName(m); ok {
			return true
		}
	}
	return false
}

// onlyOptions reports whether every tag option is one of allowed.
func onlyOptions(opts string, allowed ...string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if !slices.Contains(allowed, o) {
			return false
		}
	}
	return true
}

// encode adds the parameters of v, a value of the plan's type, to w: in
// the body when body is set or a field says so. prefix, "" at the top,
// is "Name.1." inside a list element and "Name." inside a struct.
func (p *plan) encode(w wireParams, body bool, prefix string, v reflect.Value) (wireParams, error) {
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		inBody := body || f.body
		switch f.kind {
		case scalarField:
			if f.omitEmpty && fv.IsZero() {
				continue
			}
			text, err := scalarText(f.key(prefix), fv)
			if err != nil {
				return w, err
			}
			w = w.add(inBody, f.key(prefix), text)
		case pointerField:
			if fv.IsNil() {
				continue
			}
			text, err := scalarText(f.key(prefix), fv.Elem())
			if err != nil {
				return w, err
			}
			w = w.add(inBody, f.key(prefix), text)
		case repeatedField:
			for j := range fv.Len() {
				key := listKey(f.key(prefix), j)
				text, err := scalarText(key, fv.Index(j))
				if err != nil {
					return w, err
				}
				w = w.add(inBody, key, text)
			}
		case repeatedStruct:
			for j := range fv.Len() {
				var err error
				if w, err = f.elem.encode(w, inBody, listKey(f.key(prefix), j)+".", fv.Index(j)); err != nil {
					return w, err
				}
			}
		case structField:
			if f.omitEmpty && fv.IsZero() {
				continue
			}
			var err error
			if w, err = f.elem.encode(w, inBody, f.key(prefix)+".", fv); err != nil {
				return w, err
			}
		case jsonField:
			if jsonEmpty(fv, f.omitEmpty) {
				continue
			}
			text, err := jsonText(f.key(prefix), fv)
			if err != nil {
				return w, err
			}
			w = w.add(inBody, f.key(prefix), text)
		}
	}
	return w, nil
}

// key is the field's parameter name under prefix.
func (f *planField) key(prefix string) string {
	if prefix == "" {
		return f.name
	}
	return prefix + f.name
}

// HasPlan reports whether req's type is encoded by a plan (and not by
// go-querystring), for tests that keep request types on the fast path.
func HasPlan(req any) bool {
	t := reflect.TypeOf(req)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t != nil && t.Kind() == reflect.Struct && planFor(t) != nil
}
