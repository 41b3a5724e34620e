package rpc

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/typedcloud/sdk-go/signer"
)

// A plan encodes one request type field by field, as appendQuerystring
// would, without its per-call costs: go-querystring builds a url.Values map,
// parses every tag with strings.Split and formats each value with
// fmt.Sprint, some ten allocations for a one-field request. A plan reads
// the tags once and appends the parameters straight into the slice the
// signer sorts.
//
// Plans cover the kinds request types use; planFor returns nil for a type
// with anything else, which go-querystring then encodes (its rules are the
// reference: TestPlanMatchesQuerystring).
type plan struct {
	fields []planField
}

type planField struct {
	index     int
	name      string // the parameter name
	omitEmpty bool
	kind      fieldKind
	elem      *plan // the element plan of a repeatedStruct field
}

type fieldKind uint8

const (
	scalarField    fieldKind = iota // Name=text
	repeatedField                   // Name.1=text, Name.2=text, …
	repeatedStruct                  // Name.1.Sub=text, …
	jsonField                       // Name=["a","b"]
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
		if name == "-" {
			return nil // "-,opts" names a parameter "-"; leave it to go-querystring
		}
		pf := planField{index: i, name: name, omitEmpty: hasOption(opts, "omitempty")}
		switch {
		case f.Type.Kind() == reflect.Slice && !hasFormatMethods(f.Type):
			elem := f.Type.Elem()
			switch {
			case hasOption(opts, "json"):
				pf.kind = jsonField
			case isScalar(elem.Kind()):
				pf.kind = repeatedField
			case elem.Kind() == reflect.Struct && !hasFormatMethods(elem):
				pf.kind, pf.elem = repeatedStruct, planFor(elem)
				if pf.elem == nil || !pf.elem.flat() {
					return nil
				}
			default:
				return nil
			}
		case isScalar(f.Type.Kind()) && !hasFormatMethods(f.Type) && onlyOptions(opts, "omitempty", "json"):
			pf.kind = scalarField
		case f.Type.Kind() == reflect.Pointer && isScalar(f.Type.Elem().Kind()) && pf.omitEmpty &&
			!hasFormatMethods(f.Type) && !hasFormatMethods(f.Type.Elem()) && onlyOptions(opts, "omitempty"):
			pf.kind = pointerField
		default:
			return nil
		}
		p.fields = append(p.fields, pf)
	}
	return p
}

// flat reports whether every field is a scalar: a struct in a list may
// hold nothing else.
func (p *plan) flat() bool {
	for _, f := range p.fields {
		if f.kind != scalarField {
			return false
		}
	}
	return true
}

func isScalar(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
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

// append appends the parameters of v, a value of the plan's type.
func (p *plan) append(dst []signer.Param, v reflect.Value) ([]signer.Param, error) {
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		switch f.kind {
		case scalarField:
			if !f.omitEmpty || !fv.IsZero() {
				dst = append(dst, signer.Param{Key: f.name, Value: scalarText(fv)})
			}
		case repeatedField:
			for j := range fv.Len() {
				dst = append(dst, signer.Param{Key: listKey(f.name, j), Value: scalarText(fv.Index(j))})
			}
		case repeatedStruct:
			for j := range fv.Len() {
				dst = f.elem.appendScoped(dst, listKey(f.name, j)+".", fv.Index(j))
			}
		case pointerField:
			if !fv.IsNil() {
				dst = append(dst, signer.Param{Key: f.name, Value: scalarText(fv.Elem())})
			}
		case jsonField:
			if fv.Len() == 0 {
				continue
			}
			text, err := jsonList(f.name, fv)
			if err != nil {
				return dst, err
			}
			dst = append(dst, signer.Param{Key: f.name, Value: text})
		}
	}
	return dst, nil
}

// appendScoped appends the scalar fields of v with their names prefixed.
func (p *plan) appendScoped(dst []signer.Param, prefix string, v reflect.Value) []signer.Param {
	for i := range p.fields {
		f := &p.fields[i]
		if fv := v.Field(f.index); !f.omitEmpty || !fv.IsZero() {
			dst = append(dst, signer.Param{Key: prefix + f.name, Value: scalarText(fv)})
		}
	}
	return dst
}

// listKey is the 1-based repeated-parameter name: "CallingNumber.1".
func listKey(name string, i int) string {
	return name + "." + strconv.Itoa(i+1)
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
