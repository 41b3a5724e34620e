package rpc

import (
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/go-querystring/query"

	"github.com/typedcloud/sdk-go/signer"
)

// Params encodes a request struct into RPC parameters. Fields are named by
// go-querystring `url:"Name,omitempty"` tags. Slices become the Alibaba
// repeated form, 1-based: a []string field tagged "CallingNumber" is sent
// as CallingNumber.1, CallingNumber.2, …, and a slice of structs tagged
// "Tag" as Tag.1.Key, Tag.1.Value, …. A slice tagged with the "json"
// option (`url:"NumberList,omitempty,json"`) is sent instead as one
// parameter holding JSON array text, as CCC takes its lists.
//
// The field kinds request types use (strings, integers, booleans, and
// slices of them or of flat structs) are encoded by a plan built from the
// tags (plan.go) with the same results as go-querystring, which encodes
// every other type (pointers, times, nested structs, query.Encoder).
func Params(req any) ([]signer.Param, error) {
	return appendParams(nil, nil, req)
}

// appendParams appends the parameters of req to dst, with the plan of its
// type from plans (nil: a plan built for this call).
func appendParams(dst []signer.Param, plans *planCache, req any) ([]signer.Param, error) {
	v := reflect.ValueOf(req)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return dst, nil
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return dst, nil
	}
	if v.Kind() == reflect.Struct {
		if p := plans.get(v.Type()); p != nil {
			return p.append(dst, v)
		}
	}
	return appendQuerystring(dst, req)
}

// appendQuerystring encodes req with go-querystring, then replaces its
// rendering of each slice field (a repeated key) with the Alibaba forms.
func appendQuerystring(dst []signer.Param, req any) ([]signer.Param, error) {
	values, err := query.Values(req)
	if err != nil {
		return dst, err
	}
	if err := encodeSlices(reflect.ValueOf(req), values); err != nil {
		return dst, err
	}
	for k, vs := range values {
		for _, v := range vs {
			dst = append(dst, signer.Param{Key: k, Value: v})
		}
	}
	return dst, nil
}

// encodeSlices replaces go-querystring's rendering of each slice field (a
// repeated key) with the Alibaba forms.
func encodeSlices(v reflect.Value, values url.Values) error {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if fv.Kind() != reflect.Slice || !f.IsExported() {
			continue
		}
		name, opts := tagName(f)
		if name == "-" {
			continue
		}
		delete(values, name)
		if fv.Len() == 0 {
			continue
		}
		if hasOption(opts, "json") {
			text, err := jsonList(name, fv)
			if err != nil {
				return err
			}
			values.Set(name, text)
			continue
		}
		if err := encodeRepeated(name, fv, values); err != nil {
			return err
		}
	}
	return nil
}

func encodeRepeated(name string, list reflect.Value, values url.Values) error {
	for i := range list.Len() {
		key := name + "." + strconv.Itoa(i+1)
		elem := list.Index(i)
		if elem.Kind() != reflect.Struct {
			values.Set(key, scalarText(elem))
			continue
		}
		sub, err := query.Values(elem.Interface())
		if err != nil {
			return err
		}
		for sk, svs := range sub {
			values[key+"."+sk] = svs
		}
	}
	return nil
}

// scalarText renders a scalar as go-querystring renders a field.
func scalarText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	}
	return ""
}

// jsonList renders a slice as the JSON array text CCC takes. It refuses
// strings that are not valid UTF-8: JSON text would carry them changed
// (U+FFFD), and the request sent must be the request made.
func jsonList(name string, list reflect.Value) (string, error) {
	for i := range list.Len() {
		if e := list.Index(i); e.Kind() == reflect.String && !utf8.ValidString(e.String()) {
			return "", fmt.Errorf("%s[%d] is not valid UTF-8", name, i)
		}
	}
	text, err := json.Marshal(list.Interface())
	return string(text), err
}

// tagName returns a field's parameter name and its tag options, as
// go-querystring reads them.
func tagName(f reflect.StructField) (name, opts string) {
	name, opts, _ = strings.Cut(f.Tag.Get("url"), ",")
	if name == "" {
		name = f.Name
	}
	return name, opts
}

func hasOption(opts, want string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == want {
			return true
		}
	}
	return false
}

// ReferenceParams encodes req with go-querystring alone, without a plan:
// the reference the plans are tested against (products' tests compare
// their request types with it).
func ReferenceParams(req any) ([]signer.Param, error) {
	return appendQuerystring(nil, req)
}
