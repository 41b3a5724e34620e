package industrialcloud

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The model reads the instance times with parseTime (decode
// "func:parseTime"): the formats below are the product's, not one field's.

// chinaTime is the zone of times sent without one: the platform runs in
// mainland China, which keeps UTC+8 all year. A fixed zone needs no tzdata.
var chinaTime = time.FixedZone("CST", 8*60*60)

// zoneless are the layouts read in chinaTime. Fractional seconds are
// accepted after the seconds by time.Parse.
var zoneless = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

// parseTime reads a time field: "" and the zero spellings are the zero time;
// digits are Unix seconds (13 or more digits: milliseconds); RFC 3339 keeps
// its zone; the zone-less layouts are China Standard Time. The result is in
// UTC. Anything else is an error naming the field.
func parseTime(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "0", "0000-00-00 00:00:00", "0000-00-00", "null":
		return time.Time{}, nil
	}
	// Each parse is tried only where it can succeed: a failed parse
	// allocates its error, and this runs for every time of every instance.
	if n, ok := unixTime(s); ok {
		if n < 0 {
			return time.Time{}, timeError(field)
		}
		if len(s) >= 13 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	// RFC 3339 puts a T after the date's ten bytes (time.Parse reads the
	// year as four bytes, month and day as two digits each).
	if len(s) > 10 && (s[10] == 'T' || s[10] == 't') {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			if t.IsZero() {
				return time.Time{}, nil
			}
			return t.UTC(), nil
		}
	}
	for _, layout := range zoneless {
		if t, err := time.ParseInLocation(layout, s, chinaTime); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, timeError(field)
}

// unixTime reads s as strconv.ParseInt(s, 10, 64) does, calling it only
// for an optional sign and digits: anything else would fail, and a failed
// ParseInt allocates its error.
func unixTime(s string) (int64, bool) {
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// timeError names the field but not its value: the DecodeError's body
// snippet shows the value, redacted.
func timeError(field string) error {
	return fmt.Errorf("%s is not a time (want RFC 3339, \"2006-01-02 15:04:05\" or Unix seconds)", field)
}
