// Package wire holds the lenient JSON scalar types product decoders use
// where the services (or their documented examples) send a value in more
// than one spelling: numbers as JSON strings, booleans as "true"/"false",
// times as epoch milliseconds. Each type accepts every spelling that can
// only mean its value, treats null and "" as zero, and rejects anything
// else with an error, so a wrong shape surfaces as a DecodeError instead of
// a silent zero.
//
// The leniency is exactly what the services are documented to send (the
// CCC GetInstance example sends numbers as strings and booleans as
// "true"): an integer may be a JSON number or a string of one, and an
// integral spelling ("4.0", 1e3) is the integer, read exactly (never
// through a float64: 9007199254740993.0 is 9007199254740993); a fraction
// or a value outside int64 is an error, never rounded or clamped. A
// boolean may be true/false or those words quoted, in any case. Nothing
// else is converted.
//
// Public response types stay plain (int64, bool, time.Time): their
// UnmarshalJSON (for callers who decode JSON themselves) read through these
// types and copy the values out.
//
// Decoder decodes an answer with hand-written code instead, member by
// member, for the SDK's hot path (each product's wire.go): json.Unmarshal scans the input twice
// (once to validate it, once to decode) and walks the target by
// reflection, while a Decoder reads it once, validating as it goes, and
// allocates only the strings (and slices) it returns. Its readers give
// what encoding/json gives for the equivalent plain field, its lenient
// readers what these types give, and it refuses the same inputs, so a
// decode function can replace json.Unmarshal without changing a result.
//
// Unlike encoding/json, a Decoder bounds what an answer costs (limits.go):
// a page longer than PageMargin times the API's largest (PageSlice), or
// lists that would decode into more than BudgetPerByte bytes per byte of
// body, stop it with a *LimitError, and it stops between list elements
// once the context given to SetContext is done. A decode function rejects
// valid JSON that is not the documented shape (a missing payload, an
// object without its identifying member) with Reject.
package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// Int64 is an integer sent as a JSON number or a JSON string of digits.
type Int64 int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int64) UnmarshalJSON(b []byte) error {
	v, err := parseInt(b)
	*n = Int64(v)
	return err
}

// parseInt reads an Int64 from its JSON bytes without allocating.
func parseInt(b []byte) (int64, error) {
	s, ok, err := scalar(b)
	if err != nil || !ok {
		return 0, err
	}
	// string(s) passed straight to a function that keeps no reference to
	// it does not allocate.
	v, ok := parseInteger(string(s))
	if !ok {
		return 0, fmt.Errorf("%.40s is not an integer that fits an int64", b)
	}
	return v, nil
}

// Bool is a boolean sent as true/false or "true"/"false" (any case).
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (v *Bool) UnmarshalJSON(b []byte) error {
	s, ok, err := scalar(b)
	if err != nil || !ok {
		*v = false
		return err
	}
	p, perr := strconv.ParseBool(string(s))
	if perr != nil {
		return fmt.Errorf("%s is not a boolean", b)
	}
	*v = Bool(p)
	return nil
}

// String is text that some answers send as a number or boolean.
type String string

// UnmarshalJSON implements json.Unmarshaler.
func (v *String) UnmarshalJSON(b []byte) error {
	s, _, err := scalar(b)
	*v = String(s)
	return err
}

// Millis is a time sent as Unix epoch milliseconds (number or string).
type Millis struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler.
func (m *Millis) UnmarshalJSON(b []byte) error {
	n, err := parseInt(b)
	if err != nil {
		return err
	}
	if n == 0 {
		m.Time = time.Time{}
		return nil
	}
	m.Time = time.UnixMilli(n).UTC()
	return nil
}

// scalar returns the bytes of a JSON string's contents, number or boolean,
// without copying them: a string holding no escape is only unquoted; one
// with escapes is decoded by encoding/json. ok is false for null and "".
// Objects and arrays are an error.
func scalar(b []byte) (s []byte, ok bool, err error) {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		return nil, false, nil
	case b[0] == '"':
		if len(b) >= 2 && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0 {
			if s = b[1 : len(b)-1]; plain(s) {
				return s, len(s) != 0, nil
			}
		}
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return nil, false, err
		}
		return []byte(str), str != "", nil
	case b[0] == '{' || b[0] == '[':
		return nil, false, fmt.Errorf("expected a scalar, got %.20s", b)
	}
	return b, true, nil
}

// Unquote returns a JSON scalar's text without copying it: null is empty,
// a string without escapes is unquoted, any other string is decoded (and
// returned raw if it does not decode), and a number, boolean or other
// value is returned as sent. It never fails: the envelope's lenient
// fields, which may hold anything, read their text with it.
func Unquote(raw []byte) []byte {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if raw[0] != '"' {
		return raw
	}
	if len(raw) >= 2 && raw[len(raw)-1] == '"' && bytes.IndexByte(raw, '\\') < 0 {
		if s := raw[1 : len(raw)-1]; plain(s) {
			return s
		}
	}
	var str string
	if json.Unmarshal(raw, &str) != nil {
		return raw
	}
	return []byte(str)
}

// plain reports whether a string's contents read the same decoded: no
// control byte (json.Unmarshal rejects it) and valid UTF-8 (it replaces
// invalid sequences).
func plain(s []byte) bool {
	for _, c := range s {
		if c < 0x20 {
			return false
		}
	}
	return utf8.Valid(s)
}
