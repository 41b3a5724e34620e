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

// Params encodes a request struct into RPC parameters. Scalars go through
// go-querystring (`url:"Name,omitempty"` tags). Slices become the Alibaba
// repeated form, 1-based: a []string field tagged "CallingNumber" is sent
// as CallingNumber.1, CallingNumber.2, …, and a slice of structs tagged
// "Tag" as Tag.1.Key, Tag.1.Value, …. A slice tagged with the "json"
// option (`url:"NumberList,omitempty,json"`) is sent instead as one
// parameter holding JSON array text, as CCC takes its lists.
func Params(req any) ([]signer.Param, error) {
	if req == nil {
		return nil, nil
	}
	values, err := query.Values(req)
	if err != nil {
		return nil, err
	}
	if err := encodeSlices(reflect.ValueOf(req), values); err != nil {
		return nil, err
	}
	n := 0
	for _, vs := range values {
		n += len(vs)
	}
	params := make([]signer.Param, 0, n)
	for k, vs := range values {
		for _, v := range vs {
			params = append(params, signer.Param{Key: k, Value: v})
		}
	}
	return params, nil
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
		name, opts, _ := strings.Cut(f.Tag.Get("url"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		delete(values, name)
		if fv.Len() == 0 {
			continue
		}
		if hasOption(opts, "json") {
			if err := checkUTF8(name, fv); err != nil {
				return err
			}
			text, err := json.Marshal(fv.Interface())
			if err != nil {
				return err
			}
			values.Set(name, string(text))
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

// scalarText renders a list element as go-querystring renders a field.
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

// checkUTF8 refuses a list whose strings are not valid UTF-8: JSON text
// would carry them changed (U+FFFD), and the request sent must be the
// request made.
func checkUTF8(name string, list reflect.Value) error {
	for i := range list.Len() {
		if e := list.Index(i); e.Kind() == reflect.String && !utf8.ValidString(e.String()) {
			return fmt.Errorf("%s[%d] is not valid UTF-8", name, i)
		}
	}
	return nil
}

func hasOption(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}
