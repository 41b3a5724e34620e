package rpc

import (
	"net/url"
	"reflect"
	"strings"

	"github.com/google/go-querystring/query"

	"github.com/typedcloud/sdk-go/signer"
)

// ReferenceParams encodes req without a plan: with go-querystring, then
// with the Alibaba forms applied to what it renders. It is the reference
// the plans are tested against (products' tests compare their request
// types with it); like Params it returns query and body parameters
// together.
func ReferenceParams(req any) ([]signer.Param, error) {
	w, err := referenceParams(wireParams{}, req)
	return append(w.query, w.body...), err
}

// referenceParams adds the parameters of req to w as ReferenceParams
// encodes them: those under a top-level field with the "body" option to
// the body.
func referenceParams(w wireParams, req any) (wireParams, error) {
	values, err := query.Values(req)
	if err != nil {
		return w, err
	}
	v := reflect.Indirect(reflect.ValueOf(req))
	if v.Kind() != reflect.Struct {
		return w, nil // go-querystring has refused anything else but nil
	}
	values = dotted(values)
	if err := alibabaForms(v, "", values); err != nil {
		return w, err
	}
	inBody := bodyFields(v.Type())
	for k, vs := range values {
		body := inBody[k]
		if head, _, ok := strings.Cut(k, "."); ok {
			body = body || inBody[head]
		}
		for _, s := range vs {
			w = w.add(body, k, s)
		}
	}
	return w, nil
}

// dotted renames go-querystring's nested keys, Name[Sub][Key], to the
// Alibaba Name.Sub.Key.
func dotted(values url.Values) url.Values {
	out := make(url.Values, len(values))
	for k, vs := range values {
		if strings.Contains(k, "[") {
			k = strings.NewReplacer("][", ".", "[", ".", "]", "").Replace(k)
		}
		out[k] = append(out[k], vs...)
	}
	return out
}

// alibabaForms replaces go-querystring's rendering of v's fields, named
// under prefix in values, with the Alibaba forms where they differ: lists
// (a repeated key to Name.1, Name.1.Key), JSON text, zero structs left out
// by omitempty, structs that hold any of these, and floats.
func alibabaForms(v reflect.Value, prefix string, values url.Values) error {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		name, opts := tagName(f)
		if !f.IsExported() || f.Tag.Get("url") == "-" || name == "-" {
			continue
		}
		if f.Anonymous && f.Tag.Get("url") == "" {
			if fv.Kind() == reflect.Struct {
				if err := alibabaForms(fv, prefix, values); err != nil {
					return err
				}
			}
			continue
		}
		if _, ok := fv.Interface().(query.Encoder); ok {
			continue
		}
		name = prefix + name
		omitEmpty := hasOption(opts, "omitempty")
		switch {
		case hasOption(opts, "json") && jsonKind(fv.Type()):
			deleteUnder(values, name)
			if jsonEmpty(fv, omitEmpty) {
				continue
			}
			text, err := jsonText(name, fv)
			if err != nil {
				return err
			}
			values.Set(name, text)
		case fv.Kind() == reflect.Slice && !hasFormatMethods(fv.Type()):
			deleteUnder(values, name)
			if err := repeatList(name, fv, values); err != nil {
				return err
			}
		case fv.Kind() == reflect.Struct && !hasFormatMethods(fv.Type()):
			if omitEmpty && fv.IsZero() {
				deleteUnder(values, name)
				continue
			}
			if err := alibabaForms(fv, name+".", values); err != nil {
				return err
			}
		case isFloat(reflect.Indirect(fv).Kind()) && values.Has(name):
			text, err := scalarText(name, reflect.Indirect(fv))
			if err != nil {
				return err
			}
			values.Set(name, text)
		}
	}
	return nil
}

// repeatList sets the Alibaba repeat list of list, Name.1=text or
// Name.1.Key=text, elements encoded as a whole request is.
func repeatList(name string, list reflect.Value, values url.Values) error {
	for i := range list.Len() {
		key := listKey(name, i)
		elem := list.Index(i)
		if elem.Kind() != reflect.Struct {
			text, err := scalarText(key, elem)
			if err != nil {
				return err
			}
			values.Set(key, text)
			continue
		}
		sub, err := query.Values(elem.Interface())
		if err != nil {
			return err
		}
		sub = dotted(sub)
		if err := alibabaForms(elem, "", sub); err != nil {
			return err
		}
		for sk, svs := range sub {
			values[key+"."+sk] = svs
		}
	}
	return nil
}

// deleteUnder deletes the parameter name and every one under it.
func deleteUnder(values url.Values, name string) {
	for k := range values {
		if k == name || strings.HasPrefix(k, name+".") {
			delete(values, k)
		}
	}
}

// bodyFields returns the names of t's fields with the "body" option.
func bodyFields(t reflect.Type) map[string]bool {
	var names map[string]bool
	for i := range t.NumField() {
		if name, opts := tagName(t.Field(i)); hasOption(opts, "body") {
			if names == nil {
				names = map[string]bool{}
			}
			names[name] = true
		}
	}
	return names
}

func isFloat(k reflect.Kind) bool { return k == reflect.Float32 || k == reflect.Float64 }
