package wire

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInt64(t *testing.T) {
	for in, want := range map[string]int64{`4`: 4, `"4"`: 4, `-12`: -12, `"1578469042851"`: 1578469042851, `null`: 0, `""`: 0, `4.0`: 4, `1e3`: 1000} {
		var n Int64
		require.NoError(t, json.Unmarshal([]byte(in), &n), in)
		assert.Equal(t, want, int64(n), in)
	}
	for _, bad := range []string{`"four"`, `4.5`, `true`, `{}`, `[1]`, `"9223372036854775808"`} {
		var n Int64
		assert.Error(t, json.Unmarshal([]byte(bad), &n), bad)
	}
}

func TestBool(t *testing.T) {
	for in, want := range map[string]bool{`true`: true, `false`: false, `"true"`: true, `"false"`: false, `"TRUE"`: true, `null`: false, `""`: false} {
		var b Bool
		require.NoError(t, json.Unmarshal([]byte(in), &b), in)
		assert.Equal(t, want, bool(b), in)
	}
	for _, bad := range []string{`"yes"`, `2`, `{}`, `[]`} {
		var b Bool
		assert.Error(t, json.Unmarshal([]byte(bad), &b), bad)
	}
}

func TestString(t *testing.T) {
	for in, want := range map[string]string{`"a"`: "a", `12`: "12", `true`: "true", `null`: ""} {
		var s String
		require.NoError(t, json.Unmarshal([]byte(in), &s), in)
		assert.Equal(t, want, string(s), in)
	}
	var s String
	assert.Error(t, json.Unmarshal([]byte(`{"a":1}`), &s))
}

func TestMillis(t *testing.T) {
	var m Millis
	require.NoError(t, json.Unmarshal([]byte(`1578469042851`), &m))
	assert.Equal(t, time.Date(2020, 1, 8, 7, 37, 22, 851e6, time.UTC), m.Time)
	require.NoError(t, json.Unmarshal([]byte(`"1578469042851"`), &m))
	assert.Equal(t, int64(1578469042851), m.UnixMilli())
	require.NoError(t, json.Unmarshal([]byte(`null`), &m))
	assert.True(t, m.IsZero())
	assert.Error(t, json.Unmarshal([]byte(`"2020-01-08"`), &m))
}

// TestQuotedFastPath: quoted scalars without escapes are read from the
// bytes; with escapes, control bytes or invalid UTF-8 they still go through
// encoding/json, with the same results.
func TestQuotedFastPath(t *testing.T) {
	var n Int64
	require.NoError(t, n.UnmarshalJSON([]byte(`"\u0034\u0032"`)))
	assert.Equal(t, Int64(42), n)
	require.NoError(t, n.UnmarshalJSON([]byte(` "7" `)))
	assert.Equal(t, Int64(7), n)
	assert.Error(t, n.UnmarshalJSON([]byte(`" 7"`)))
	assert.Error(t, n.UnmarshalJSON([]byte("\"7\x01\"")))
	var s String
	require.NoError(t, s.UnmarshalJSON([]byte(`"a\"b"`)))
	assert.Equal(t, String(`a"b`), s)
	require.NoError(t, s.UnmarshalJSON([]byte("\"a\xffb\"")))
	assert.Equal(t, String("a\uFFFDb"), s)
	require.NoError(t, s.UnmarshalJSON([]byte(`"héllo"`)))
	assert.Equal(t, String("héllo"), s)
	var b Bool
	require.NoError(t, b.UnmarshalJSON([]byte(`"\u0074rue"`)))
	assert.True(t, bool(b))
}

// TestIntegersExact: an integer is read exactly, never through a float64:
// an integral spelling gives the number sent, and a fraction or a value
// outside int64 is an error, not rounded or clamped. The one-pass reader
// and the type agree.
func TestIntegersExact(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{`9007199254740993.0`, 9007199254740993, true},
		{`"9007199254740993.0"`, 9007199254740993, true},
		{`9007199254740993e0`, 9007199254740993, true},
		{`90071992547409930e-1`, 9007199254740993, true},
		{`-9223372036854775808.0`, math.MinInt64, true},
		{`1e3`, 1000, true},
		{`"4.0"`, 4, true},
		{`0.0e-999999999`, 0, true},
		{`-9223372036854775809`, 0, false},
		{`9223372036854775808`, 0, false},
		{`"-9223372036854775809"`, 0, false},
		{`9.3e18`, 0, false},
		{`1e999999999`, 0, false},
		{`4.5`, 0, false},
		{`15e-1`, 0, false},
		{`"0x10"`, 0, false},
	} {
		var v Int64
		err := v.UnmarshalJSON([]byte(c.in))
		got, derr := read(c.in, func(d *Decoder) int64 { return d.LenientInt() })
		if (err == nil) != c.ok || (derr == nil) != c.ok || c.ok && (int64(v) != c.want || got != c.want) {
			t.Errorf("%s: Int64 %d (%v), LenientInt %d (%v); want %d, ok %v", c.in, v, err, got, derr, c.want, c.ok)
		}
	}
}
