package wire

import (
	"fmt"
	"strconv"
)

// Float64 is a number sent as a JSON number or a JSON string of one (the
// report operations send rates both ways). Only decimal notation is
// accepted: "NaN", "Inf" and hexadecimal text are errors, as is a value
// outside float64's range.
type Float64 float64

// UnmarshalJSON implements json.Unmarshaler.
func (v *Float64) UnmarshalJSON(b []byte) error {
	s, ok, err := scalar(b)
	if err != nil || !ok {
		*v = 0
		return err
	}
	f, ok := parseFloat(string(s))
	if !ok {
		return fmt.Errorf("%.40s is not a number that fits a float64", b)
	}
	*v = Float64(f)
	return nil
}

// parseFloat reads decimal text, [sign]digits[.digits][e±digits], as
// float64; strconv.ParseFloat alone would also take "Inf" and "0x1p3".
func parseFloat(s string) (float64, bool) {
	t := s
	if t != "" && (t[0] == '-' || t[0] == '+') {
		t = t[1:]
	}
	if _, _, ok := decimal(t); !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// Float reads a number as encoding/json decodes one into a float64 field:
// any number literal in range. A quoted number is a type error. null
// gives 0.
func (d *Decoder) Float() float64 {
	c, ok := d.start()
	switch {
	case !ok:
		return 0
	case c == '-' || '0' <= c && c <= '9':
		start := d.off
		s, _ := d.number()
		if d.err != nil {
			return 0
		}
		f, err := strconv.ParseFloat(string(s), 64)
		if err != nil {
			d.typeError(start, "a number", "a number out of float64 range")
		}
		return f
	case c == 'n':
		d.literal("null")
		return 0
	}
	d.mismatch("a number")
	return 0
}

// LenientFloat reads a value as a Float64 field would: a number or a
// string of one, and null or "" as 0.
func (d *Decoder) LenientFloat() float64 {
	var v Float64
	if raw, start := d.lenient(); raw != nil && v.UnmarshalJSON(raw) != nil {
		d.typeError(start, "a number or a string of one", kind(raw[0]))
	}
	return float64(v)
}
