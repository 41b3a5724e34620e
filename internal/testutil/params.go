package testutil

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/signer"
)

// SameParams checks that each request type is encoded by a plan (the fast
// path), and exactly as
// go-querystring alone encodes it (rpc.ReferenceParams), both as its zero
// value and with every field set (strings, numbers, booleans, and lists of
// two elements). Pass zero values: SameParams fills them itself.
func SameParams(t *testing.T, reqs ...any) {
	t.Helper()
	for _, zero := range reqs {
		typ := reflect.TypeOf(zero)
		if !rpc.HasPlan(zero) {
			t.Errorf("%v is encoded by go-querystring, not by a plan", typ)
		}
		full := reflect.New(typ).Elem()
		fill(full, "v")
		for _, req := range []any{zero, full.Addr().Interface()} {
			want, werr := rpc.ReferenceParams(req)
			got, gerr := rpc.Params(req)
			if werr != nil || gerr != nil {
				t.Errorf("%v: go-querystring: %v, Params: %v", typ, werr, gerr)
				continue
			}
			if !slices.Equal(sorted(got), sorted(want)) {
				t.Errorf("%v encodes as\n%q\ngo-querystring encodes it as\n%q", typ, got, want)
			}
		}
	}
}

// fill sets every settable field of v to a value derived from path.
func fill(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(path + " a+b/ü")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(len(path)) * 37)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(len(path)) * 41)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fill(f, path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), path+"."+strconv.Itoa(i))
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), path)
	}
}

func sorted(p []signer.Param) []signer.Param {
	p = slices.Clone(p)
	slices.SortFunc(p, func(a, b signer.Param) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return p
}
