// Package wire holds the lenient JSON scalar types product decoders use
// where the services (or their documented examples) send a value in more
// than one spelling: numbers as JSON strings, booleans as "true"/"false",
// times as epoch milliseconds. Each type accepts every spelling that can
// only mean its value, treats null and "" as zero, and rejects anything
// else with an error, so a wrong shape surfaces as a DecodeError instead of
// a silent zero.
//
// Public response types stay plain (int64, bool, time.Time): a product's
// UnmarshalJSON decodes into these types and copies the values out.
package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Int64 is an integer sent as a JSON number or a JSON string of digits.
type Int64 int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int64) UnmarshalJSON(b []byte) error {
	s, ok, err := scalar(b)
	if err != nil || !ok {
		*n = 0
		return err
	}
	v, perr := strconv.ParseInt(s, 10, 64)
	if perr != nil {
		// Integral floats ("4.0", 1e3) still mean an integer.
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			return fmt.Errorf("%s is not an integer", b)
		}
		v = int64(f)
	}
	*n = Int64(v)
	return nil
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
	p, perr := strconv.ParseBool(s)
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
	var n Int64
	if err := n.UnmarshalJSON(b); err != nil {
		return err
	}
	if n == 0 {
		m.Time = time.Time{}
		return nil
	}
	m.Time = time.UnixMilli(int64(n)).UTC()
	return nil
}

// scalar returns the text of a JSON string, number or boolean. ok is false
// for null and "". Objects and arrays are an error.
func scalar(b []byte) (s string, ok bool, err error) {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		return "", false, nil
	case b[0] == '"':
		if err := json.Unmarshal(b, &s); err != nil {
			return "", false, err
		}
		return s, s != "", nil
	case b[0] == '{' || b[0] == '[':
		return "", false, fmt.Errorf("expected a scalar, got %.20s", b)
	}
	return string(b), true, nil
}
