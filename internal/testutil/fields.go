package testutil

import (
	"reflect"
	"testing"
)

// AllFieldsSet fails t for each field of the struct v that holds its zero
// value, so that a test filling every field of an options type notices a
// field added later and not filled.
func AllFieldsSet(t *testing.T, v any) {
	t.Helper()
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if rv.Field(i).IsZero() {
			t.Errorf("%s.%s is not set", rv.Type().Name(), rv.Type().Field(i).Name)
		}
	}
}
