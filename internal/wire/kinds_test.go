package wire

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kindInputs = []string{`4`, `"4"`, `-12.5`, `"-12.5"`, `1e3`, `"1e3"`, `1E-2`, `null`, `""`, `0`, `-0`,
	`"NaN"`, `"Inf"`, `"0x1p3"`, `"+1.5"`, `" 1"`, `1e400`, `"1e400"`, `true`, `"true"`, `{}`, `[1]`, `"a"`,
	`1578469042`, `"1578469042"`, `4.5`, `"2024-08-20 11:00:00"`, `"2024-08-20T11:00:00+08:00"`, `"\u0031"`, `1.`, `"`}

func TestFloat(t *testing.T) {
	for in, want := range map[string]float64{`4`: 4, `"4"`: 4, `-12.5`: -12.5, `"1e3"`: 1000, `null`: 0, `""`: 0, `"+1.5"`: 1.5} {
		var f Float64
		require.NoError(t, json.Unmarshal([]byte(in), &f), in)
		assert.Equal(t, want, float64(f), in)
	}
	for _, bad := range []string{`"NaN"`, `"Inf"`, `"0x1p3"`, `"1e400"`, `true`, `{}`, `[1]`, `"a"`} {
		var f Float64
		assert.Error(t, json.Unmarshal([]byte(bad), &f), bad)
	}
}

func TestSecondsAndLayout(t *testing.T) {
	var s Seconds
	require.NoError(t, json.Unmarshal([]byte(`"1578469042"`), &s))
	assert.Equal(t, time.Date(2020, 1, 8, 7, 37, 22, 0, time.UTC), s.Time)
	require.NoError(t, json.Unmarshal([]byte(`0`), &s))
	assert.True(t, s.IsZero())
	assert.Error(t, json.Unmarshal([]byte(`"2020-01-08"`), &s))

	tm, err := ParseTime(time.DateTime, []byte(`"2024-08-20 11:00:00"`))
	require.NoError(t, err)
	assert.Equal(t, time.Date(2024, 8, 20, 11, 0, 0, 0, time.UTC), tm)
	tm, err = ParseTime(time.RFC3339, []byte(`"2024-08-20T11:00:00+08:00"`))
	require.NoError(t, err)
	assert.Equal(t, time.Date(2024, 8, 20, 3, 0, 0, 0, time.UTC), tm, "a zone in the text is honoured, the result is UTC")
	assert.Equal(t, time.UTC, tm.Location())
	for _, zero := range []string{`null`, `""`} {
		tm, err = ParseTime(time.DateTime, []byte(zero))
		require.NoError(t, err)
		assert.True(t, tm.IsZero(), zero)
	}
	_, err = ParseTime(time.DateTime, []byte(`"secret-2024"`))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "secret")
}

// TestDecoderKindsMatchTypes: the strict Float reads as encoding/json
// reads a float64, and each lenient reader as its type does.
func TestDecoderKindsMatchTypes(t *testing.T) {
	for _, in := range kindInputs {
		agree(t, in, (*Decoder).Float)
		agree(t, in, func(d *Decoder) Float64 { return Float64(d.LenientFloat()) })
		agree(t, in, func(d *Decoder) Seconds { return Seconds{d.Seconds()} })
		// ParseTime is the reference of Time.
		got, err := read(in, func(d *Decoder) time.Time { return d.Time(time.DateTime) })
		want, werr := ParseTime(time.DateTime, []byte(in))
		if !json.Valid([]byte(in)) {
			werr = assert.AnError
		}
		if (err == nil) != (werr == nil) || err == nil && !got.Equal(want) {
			t.Errorf("%q: Time gives %v, %v; ParseTime %v, %v", in, got, err, want, werr)
		}
	}
}

func TestDecoderMap(t *testing.T) {
	elem := func(d *Decoder, v *int64) { *v = d.LenientInt() }
	for in, want := range map[string]map[string]int64{
		`{"a":1,"b":"2","\u0063":3}`: {"a": 1, "b": 2, "c": 3},
		`{}`:                         {},
		`null`:                       nil,
	} {
		got, err := read(in, func(d *Decoder) map[string]int64 { return Map(d, nil, elem) })
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	got, err := read(`{"b":2}`, func(d *Decoder) map[string]int64 { return Map(d, map[string]int64{"a": 1}, elem) })
	require.NoError(t, err)
	assert.Equal(t, map[string]int64{"a": 1, "b": 2}, got, "an existing map is added to, as encoding/json does")
	for in, kind := range map[string]string{`[1]`: "type", `{"a":"x"}`: "type", `{"a":1`: "syntax", `"s"`: "type"} {
		_, err := read(in, func(d *Decoder) map[string]int64 { return Map(d, nil, elem) })
		assert.Equal(t, kind, errKind(err), in)
	}
	raw, err := read(`{"k":{"x":[1, 2]},"n":null}`, func(d *Decoder) map[string]json.RawMessage {
		return Map(d, nil, func(d *Decoder, v *json.RawMessage) { *v = d.Raw() })
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]json.RawMessage{"k": json.RawMessage(`{"x":[1, 2]}`), "n": json.RawMessage(`null`)}, raw)
}

func TestDecoderMapBudget(t *testing.T) {
	d := NewDecoder([]byte(`{"a":1,"b":2,"c":3}`))
	d.budget = 2 * 8
	Map(d, nil, func(d *Decoder, v *int64) { *v = d.Int() })
	var le *LimitError
	assert.ErrorAs(t, d.Finish(), &le)
}
