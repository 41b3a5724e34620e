package wire

import (
	"errors"
	"time"
)

// Seconds is a time sent as Unix epoch seconds (number or string); 0,
// null and "" are the zero time.
type Seconds struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler.
func (s *Seconds) UnmarshalJSON(b []byte) error {
	n, err := parseInt(b)
	if err != nil {
		return err
	}
	s.Time = time.Time{}
	if n != 0 {
		s.Time = time.Unix(n, 0).UTC()
	}
	return nil
}

// ParseTime reads the JSON scalar b as a time written in layout, in UTC
// unless the layout carries a zone; the result is in UTC. null and "" are
// the zero time.
func ParseTime(layout string, b []byte) (time.Time, error) {
	s, ok, err := scalar(b)
	if err != nil || !ok {
		return time.Time{}, err
	}
	t, err := time.Parse(layout, string(s))
	if err != nil {
		// time's error quotes the value; the answer's text stays out of errors.
		return time.Time{}, errNotLayout
	}
	return t.UTC(), nil
}

var errNotLayout = errors.New("not a time in the documented layout")

// Seconds reads a value as a Seconds field would: epoch seconds as a
// number or a string, with 0, null and "" as the zero time.
func (d *Decoder) Seconds() time.Time {
	var v Seconds
	if raw, start := d.lenient(); raw != nil && v.UnmarshalJSON(raw) != nil {
		d.typeError(start, "epoch seconds", kind(raw[0]))
	}
	return v.Time
}

// Time reads a value as ParseTime(layout, …) would: a time as text in
// layout, with null and "" as the zero time.
func (d *Decoder) Time(layout string) time.Time {
	raw, start := d.lenient()
	if raw == nil {
		return time.Time{}
	}
	t, err := ParseTime(layout, raw)
	if err != nil {
		d.typeError(start, "a time as "+layout, kind(raw[0]))
	}
	return t
}
