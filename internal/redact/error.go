package redact

import (
	"reflect"
	"strconv"
)

// Error returns err with every secret removed from its text and from the
// text of every error it wraps. An err whose whole chain holds no secret is
// returned as it is. Otherwise the result, and each error its Unwrap
// returns, is a redacted view of the error at the same place in err's
// chain: errors.Is still matches each original error (and what its own Is
// method matches), but errors.As does not hand out an original, whose
// fields hold the secret. A nil err stays nil.
func Error(err error, secrets ...string) error {
	if err == nil || clean(err, secrets) {
		return err
	}
	e := &redactedError{err: err, text: String(err.Error(), secrets...)}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		e.next = Error(u.Unwrap(), secrets...)
	case interface{ Unwrap() []error }:
		j := &redactedJoin{redactedError: e}
		for _, inner := range u.Unwrap() {
			if inner != nil {
				j.nexts = append(j.nexts, Error(inner, secrets...))
			}
		}
		return j
	}
	return e
}

// clean reports whether no error in err's chain holds a secret.
func clean(err error, secrets []string) bool {
	if text := err.Error(); String(text, secrets...) != text {
		return false
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if inner := u.Unwrap(); inner != nil {
			return clean(inner, secrets)
		}
	case interface{ Unwrap() []error }:
		for _, inner := range u.Unwrap() {
			if inner != nil && !clean(inner, secrets) {
				return false
			}
		}
	}
	return true
}

// redactedError stands for err, one level of a chain, with its text
// redacted.
type redactedError struct {
	err  error // the original, compared by Is and never printed
	text string
	next error // the redacted view of what err wraps
}

func (e *redactedError) Error() string { return e.text }

// GoString keeps %#v from printing the original's fields.
func (e *redactedError) GoString() string { return "redact.Error(" + strconv.Quote(e.text) + ")" }

// Unwrap returns the redacted view of the error the original wraps.
func (e *redactedError) Unwrap() error { return e.next }

// Is reports whether target is the original, or matches it by the
// original's own Is method. The rest of the chain is reached by Unwrap.
func (e *redactedError) Is(target error) bool {
	if t := reflect.TypeOf(e.err); t == reflect.TypeOf(target) && t.Comparable() && e.err == target {
		return true
	}
	x, ok := e.err.(interface{ Is(error) bool })
	return ok && x.Is(target)
}

// redactedJoin is a redactedError whose original wraps several errors.
type redactedJoin struct {
	*redactedError
	nexts []error
}

// Unwrap returns the redacted views of the errors the original wraps.
func (e *redactedJoin) Unwrap() []error { return e.nexts }
