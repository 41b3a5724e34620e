package transport

import (
	"context"
	"errors"
	"reflect"
)

// CheckInvoke checks the arguments of a product's Invoke, the call of an
// action the SDK does not model, before any I/O: there is no request type
// to validate, but a nil context, an action that is not a name (it is sent
// as a query parameter or a header) or an out the answer cannot be decoded
// into would otherwise fail only after the request was sent, which for a
// write is too late.
func CheckInvoke(ctx context.Context, action string, out any) error {
	if ctx == nil {
		return errors.New("nil Context")
	}
	if !isName(action) {
		return errors.New("action must be an API action name: letters and digits")
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return errors.New("out must be nil or a non-nil pointer")
		}
	}
	return nil
}

// isName reports whether s is a non-empty run of ASCII letters and digits,
// which every action of the APIs this SDK speaks is.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
