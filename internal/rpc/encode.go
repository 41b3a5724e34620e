package rpc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/typedcloud/sdk-go/signer"
)

// Params encodes a request struct into RPC parameters, those of the query
// and of the form body together. Fields are named by go-querystring
// `url:"Name,omitempty"` tags, with these Alibaba forms:
//
//   - A slice is a repeat list, 1-based: a []string tagged "CallingNumber"
//     is sent as CallingNumber.1, CallingNumber.2, …; a slice of structs
//     tagged "Tag" as Tag.1.Key, Tag.1.Value, …, and a slice or struct
//     inside an element as Tag.1.Sub.1, Tag.1.Sub.Key, to any depth.
//   - A struct field is flattened the same way: Name.Key.
//   - With the "json" option (`url:"NumberList,omitempty,json"`) a slice,
//     a map or a struct is sent as one parameter of JSON text (its json
//     tags name the members); an empty slice or map, a nil pointer or a
//     zero struct with omitempty sends nothing.
//   - With the "body" option (`url:"JobsJson,omitempty,body"`) the
//     parameter, and all it holds, goes in the form body of a POST.
//   - A float is sent as encoding/json writes it (1.5, 1e-7), as the
//     current official SDK sends it.
//
// The field kinds request types use are encoded by a plan built from the
// tags (plan.go); go-querystring, with the Alibaba forms applied to what
// it renders, encodes every other type (times, Stringers, embedded
// structs, query.Encoder) and is the reference the plans are tested
// against.
func Params(req any) ([]signer.Param, error) {
	w, err := encodeParams(wireParams{}, nil, req)
	return append(w.query, w.body...), err
}

// wireParams are the operation parameters of one request, those of the
// query and those of the form body apart. It is passed and returned by
// value, as a slice is appended to, so that the slices stay on the stack
// of the caller where they fit.
type wireParams struct {
	query, body []signer.Param
}

func (w wireParams) add(body bool, key, value string) wireParams {
	if body {
		w.body = append(w.body, signer.Param{Key: key, Value: value})
	} else {
		w.query = append(w.query, signer.Param{Key: key, Value: value})
	}
	return w
}

// encodeParams adds the parameters of req to w, with the plan of its type
// from plans (nil: a plan built for this call).
func encodeParams(w wireParams, plans *planCache, req any) (wireParams, error) {
	v := reflect.ValueOf(req)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return w, nil
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return w, nil
	}
	if v.Kind() == reflect.Struct {
		if p := plans.get(v.Type()); p != nil {
			return p.encode(w, false, "", v)
		}
	}
	return referenceParams(w, req)
}

// scalarText renders a scalar as the SDKs send it; key names it in the
// error for a float no JSON number can hold.
func scalarText(key string, v reflect.Value) (string, error) {
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Float32:
		return floatText(key, v.Float(), 32)
	case reflect.Float64:
		return floatText(key, v.Float(), 64)
	}
	return "", nil
}

// floatText writes f as encoding/json does (shortest form, an exponent
// below 1e-6 and from 1e21 on), which is what the darabonba SDK sends: it
// passes every parameter through encoding/json. (The v1 SDK's Float has
// six decimals, "1.500000"; the services read both.) NaN and the
// infinities have no JSON form, and no meaning to the services: refused.
func floatText(key string, f float64, bits int) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("%s: %v is not a number the API takes", key, f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], f, format, -1, bits)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // 1e-07 is written 1e-7
		b = b[:n-1]
	}
	return string(b), nil
}

// jsonEmpty reports whether a json-option field sends nothing: an empty
// list or map, a nil pointer, or a zero struct with omitempty.
func jsonEmpty(v reflect.Value, omitEmpty bool) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Pointer:
		return v.IsNil()
	}
	return omitEmpty && v.IsZero()
}

// jsonText renders v as the JSON text of a json-style parameter, as the
// darabonba SDK writes it: encoding/json without HTML escaping (a '<'
// stays '<'). It refuses strings that are not valid UTF-8: JSON text would
// carry them changed (U+FFFD), and the request sent must be the request
// made.
func jsonText(name string, v reflect.Value) (string, error) {
	if err := checkUTF8(name, v); err != nil {
		return "", err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v.Interface()); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

// checkUTF8 reports the first string in v, at path, that is not valid
// UTF-8. The error names where it is, never what it holds.
func checkUTF8(path string, v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return fmt.Errorf("%s is not valid UTF-8", path)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkUTF8(path, v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := checkUTF8(path+"["+strconv.Itoa(i)+"]", v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if err := checkUTF8(path+" key", it.Key()); err != nil {
				return err
			}
			if err := checkUTF8(path+"["+fmt.Sprint(it.Key().Interface())+"]", it.Value()); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				if err := checkUTF8(path+"."+f.Name, v.Field(i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// listKey is the 1-based repeated-parameter name: "CallingNumber.1".
func listKey(name string, i int) string {
	return name + "." + strconv.Itoa(i+1)
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
