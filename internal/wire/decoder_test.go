package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// read decodes in with fn and returns fn's result and Finish's error.
func read[T any](in string, fn func(*Decoder) T) (T, error) {
	d := NewDecoder([]byte(in))
	v := fn(d)
	return v, d.Finish()
}

// agree checks that fn reads in as encoding/json reads it into a T: both
// fail, or both give the same value.
func agree[T any](t *testing.T, in string, fn func(*Decoder) T) {
	t.Helper()
	got, err := read(in, fn)
	var want T
	jerr := json.Unmarshal([]byte(in), &want)
	if (err == nil) != (jerr == nil) {
		t.Errorf("%q: decoder error %v, encoding/json error %v", in, err, jerr)
		return
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Errorf("%q: decoder %#v, encoding/json %#v", in, got, want)
	}
}

// errKind names the kind of a decode error, for table tests.
func errKind(err error) string {
	var se *SyntaxError
	var te *TypeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &se):
		return "syntax"
	case errors.As(err, &te):
		return "type"
	}
	return "other"
}

type stringCase struct {
	in, want string
	err      string // "", "syntax" or "type"
}

var stringCases = []stringCase{
	{in: `"abc"`, want: "abc"},
	{in: `""`, want: ""},
	{in: `null`, want: ""},
	{in: " \t\r\n\"a\" \t\r\n", want: "a"},
	{in: `"héllo, 世界"`, want: "héllo, 世界"},
	{in: `"\"\\\/\b\f\n\r\t"`, want: "\"\\/\b\f\n\r\t"},
	{in: `"\u0049d"`, want: "Id"},
	{in: `"\u00e9\u00C9"`, want: "éÉ"},
	{in: `"\u0000"`, want: "\x00"},
	{in: `"\u2028"`, want: "\u2028"},
	{in: `"a\u0062c"`, want: "abc"},
	{in: `"\uD83D\uDE00"`, want: "😀"},                    // a valid pair
	{in: `"\ud83d\ude00!"`, want: "😀!"},                  // lower-case hex
	{in: `"\uD83D"`, want: "\uFFFD"},                     // lone high at the end
	{in: `"\uD83Dx"`, want: "\uFFFDx"},                   // lone high before text
	{in: `"\uD83D\n"`, want: "\uFFFD\n"},                 // lone high before another escape
	{in: `"\uDE00"`, want: "\uFFFD"},                     // lone low
	{in: `"\uDE00\uD83D"`, want: "\uFFFD\uFFFD"},         // low then high
	{in: `"\uD83D\u0041"`, want: "\uFFFDA"},              // high then non-surrogate
	{in: `"\uD83D\uD83D\uDE00"`, want: "\uFFFD😀"},        // high, then a valid pair
	{in: `"\uDBFF\uDFFF"`, want: "\U0010FFFF"},           // the last pair
	{in: `"\uFFFD"`, want: "\uFFFD"},                     // the replacement itself
	{in: "\"a\xffb\"", want: "a\uFFFDb"},                 // invalid byte
	{in: "\"\xe2\x82\"", want: "\uFFFD\uFFFD"},           // truncated sequence
	{in: "\"\xed\xa0\x80\"", want: "\uFFFD\uFFFD\uFFFD"}, // UTF-8 encoded surrogate
	{in: "\"\xc0\xaf\"", want: "\uFFFD\uFFFD"},           // overlong
	{in: "\"\xf4\x90\x80\x80\"", want: "\uFFFD\uFFFD\uFFFD\uFFFD"},
	{in: "\"\x7f\"", want: "\x7f"},        // DEL needs no escape
	{in: "\"\xff\\n\"", want: "\uFFFD\n"}, // invalid byte and an escape
	{in: `"abc`, err: "syntax"},
	{in: `"`, err: "syntax"},
	{in: "\"a\x01\"", err: "syntax"},
	{in: "\"\x1f\"", err: "syntax"},
	{in: "\"\n\"", err: "syntax"},
	{in: "\"\t\"", err: "syntax"},
	{in: "\"\x00\"", err: "syntax"},
	{in: `"\'"`, err: "syntax"}, // encoding/json's unquote knows it, its scanner does not
	{in: `"\x41"`, err: "syntax"},
	{in: `"\U00000041"`, err: "syntax"},
	{in: `"\u12"`, err: "syntax"},
	{in: `"\u12g4"`, err: "syntax"},
	{in: `"\u`, err: "syntax"},
	{in: `"\`, err: "syntax"},
	{in: `"a" "b"`, err: "syntax"},
	{in: `"a",`, err: "syntax"},
	{in: `'a'`, err: "syntax"},
	{in: ``, err: "syntax"},
	{in: ` `, err: "syntax"},
	{in: `nul`, err: "syntax"},
	{in: `nulll`, err: "syntax"},
	{in: `12`, err: "type"},
	{in: `true`, err: "type"},
	{in: `{}`, err: "type"},
	{in: `["a"]`, err: "type"},
	{in: `{"a":}`, err: "syntax"}, // a bad value of the wrong kind: syntax first
	{in: `[1,]`, err: "syntax"},
}

func TestDecoderString(t *testing.T) {
	for _, c := range stringCases {
		got, err := read(c.in, (*Decoder).Str)
		assert.Equal(t, c.err, errKind(err), "%q: %v", c.in, err)
		if c.err == "" {
			assert.Equal(t, c.want, got, c.in)
		}
		agree(t, c.in, (*Decoder).Str)
	}
}

type intCase struct {
	in   string
	want int64
	err  string
}

var intCases = []intCase{
	{in: `0`, want: 0},
	{in: `-0`, want: 0},
	{in: `7`, want: 7},
	{in: `-42`, want: -42},
	{in: ` 1578469042851 `, want: 1578469042851},
	{in: `9223372036854775807`, want: math.MaxInt64},
	{in: `-9223372036854775808`, want: math.MinInt64},
	{in: `null`, want: 0},
	{in: `9223372036854775808`, err: "type"},
	{in: `-9223372036854775809`, err: "type"},
	{in: `18446744073709551616`, err: "type"},
	{in: `99999999999999999999`, err: "type"},
	{in: `123456789012345678901234567890`, err: "type"},
	{in: `1.0`, err: "type"},
	{in: `1.5`, err: "type"},
	{in: `1e3`, err: "type"},
	{in: `1E3`, err: "type"},
	{in: `1e+3`, err: "type"},
	{in: `1e-3`, err: "type"},
	{in: `-0.0`, err: "type"},
	{in: `0e0`, err: "type"},
	{in: `"1"`, err: "type"},
	{in: `true`, err: "type"},
	{in: `[1]`, err: "type"},
	{in: `{}`, err: "type"},
	{in: `-`, err: "syntax"},
	{in: `--1`, err: "syntax"},
	{in: `+1`, err: "syntax"},
	{in: `01`, err: "syntax"},
	{in: `-01`, err: "syntax"},
	{in: `00`, err: "syntax"},
	{in: `1.`, err: "syntax"},
	{in: `1.e3`, err: "syntax"},
	{in: `.1`, err: "syntax"},
	{in: `1e`, err: "syntax"},
	{in: `1e+`, err: "syntax"},
	{in: `1e-`, err: "syntax"},
	{in: `1ee3`, err: "syntax"},
	{in: `1.2.3`, err: "type"}, // the Decoder cannot see the syntax error after a value it refuses
	{in: `-a`, err: "syntax"},
	{in: `1x`, err: "syntax"},
	{in: `1 2`, err: "syntax"},
	{in: `0x10`, err: "syntax"},
	{in: `Infinity`, err: "syntax"},
	{in: `NaN`, err: "syntax"},
	{in: `1_000`, err: "syntax"},
	{in: "1\x00", err: "syntax"},
}

func TestDecoderInt(t *testing.T) {
	for _, c := range intCases {
		got, err := read(c.in, (*Decoder).Int)
		assert.Equal(t, c.err, errKind(err), "%q: %v", c.in, err)
		if c.err == "" {
			assert.Equal(t, c.want, got, c.in)
		}
		agree(t, c.in, (*Decoder).Int)
	}
}

func TestDecoderBool(t *testing.T) {
	cases := []struct {
		in   string
		want bool
		err  string
	}{
		{in: `true`, want: true},
		{in: `false`},
		{in: `null`},
		{in: "\n true\t", want: true},
		{in: `tru`, err: "syntax"},
		{in: `t`, err: "syntax"},
		{in: `truex`, err: "syntax"},
		{in: `trUe`, err: "syntax"},
		{in: `True`, err: "syntax"},
		{in: `fals`, err: "syntax"},
		{in: `falsey`, err: "syntax"},
		{in: `nul`, err: "syntax"},
		{in: `nulll`, err: "syntax"},
		{in: `"true"`, err: "type"},
		{in: `1`, err: "type"},
		{in: `0`, err: "type"},
		{in: `[]`, err: "type"},
	}
	for _, c := range cases {
		got, err := read(c.in, (*Decoder).Bool)
		assert.Equal(t, c.err, errKind(err), "%q: %v", c.in, err)
		if c.err == "" {
			assert.Equal(t, c.want, got, c.in)
		}
		agree(t, c.in, (*Decoder).Bool)
	}
}

func TestDecoderNull(t *testing.T) {
	for in, want := range map[string]bool{`null`: true, " \n null ": true, `nullx`: true, `nul`: false, `"null"`: false, `[null]`: false, `0`: false, ``: false, `Null`: false} {
		d := NewDecoder([]byte(in))
		assert.Equal(t, want, d.Null(), in)
		assert.Equal(t, want, d.Null(), "%q: Null must not consume", in)
	}
	// The null is still there to be read, and the reader validates it.
	d := NewDecoder([]byte(` null `))
	require.True(t, d.Null())
	d.Skip()
	assert.NoError(t, d.Finish())
	d = NewDecoder([]byte(`nullx`))
	require.True(t, d.Null())
	d.Skip()
	assert.Error(t, d.Finish())
	// After an error, false.
	d = NewDecoder([]byte(`1 null`))
	_ = d.Str()
	assert.False(t, d.Null())
}

func TestDecoderRaw(t *testing.T) {
	for in, want := range map[string]string{
		`null`:                          `null`,
		` 12 `:                          `12`,
		`-1.5e+3`:                       `-1.5e+3`,
		`"a\"b"`:                        `"a\"b"`,
		"\n{\"a\": [1, {\"b\":null}]} ": `{"a": [1, {"b":null}]}`,
		`[]`:                            `[]`,
		`true`:                          `true`,
	} {
		got, err := read(in, (*Decoder).Raw)
		require.NoError(t, err, in)
		assert.Equal(t, want, string(got), in)
		var m json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(in), &m))
		assert.Equal(t, string(m), string(got), in)
	}
	for _, in := range []string{`[1,]`, `{"a"}`, `tru`, `"\x"`, ``, `}`, `1.`} {
		got, err := read(in, (*Decoder).Raw)
		assert.Equal(t, "syntax", errKind(err), in)
		assert.Nil(t, got, in)
	}
	// Raw aliases the input, but appending to it cannot overwrite the rest.
	in := []byte(`[1,2]`)
	d := NewDecoder(in)
	var first []byte
	for e := d.Array(); e.Next(); {
		if first == nil {
			first = d.Raw()
		} else {
			d.Skip()
		}
	}
	require.NoError(t, d.Finish())
	_ = append(first, '9')
	assert.Equal(t, `[1,2]`, string(in))
}

// skipCases are documents for Skip and the fuzz seeds: Skip must accept
// exactly those json.Valid accepts.
var skipCases = []string{
	``, ` `, `null`, `true`, `false`, `0`, `-0`, `1`, `-1.5e-3`, `1E+2`, `""`, `"a"`,
	`[]`, `{}`, `[ ]`, `{ }`, "[\t\n\r ]", `[[]]`, `[{}]`, `{"a":{}}`, `{"a":[]}`,
	`[1,2,3]`, `{"a":1,"b":2}`, `{"a" : 1 , "b" : [ true , null ] }`,
	`[1,]`, `[,1]`, `[,]`, `[1 2]`, `[1`, `[`, `]`, `[}`, `{]`, `{`, `}`,
	`{"a"}`, `{"a":}`, `{"a":1,}`, `{,}`, `{"a" 1}`, `{"a":1 "b":2}`, `{1:2}`, `{a:1}`,
	`{"a":1}}`, `[1]]`, `[1]x`, `{"a":1}{}`, `1 2`, `"a" "b"`,
	`tru`, `truee`, `nul`, `nulll`, `fals`, `True`, `NULL`,
	`-`, `01`, `1.`, `.1`, `1e`, `1e+`, `+1`, `1.e1`, `0x1`, `--1`, `-a`,
	"\"\x01\"", `"\'"`, `"\u12"`, `"\u12x4"`, `"\uD83D"`, "\"\xff\"",
	"\xef\xbb\xbf{}", "\x00", "[1\x00]", "\v1", "\f1", "1\v", "\u00a01", "\u20281",
	`[[[[[[[[[[]]]]]]]]]]`, `[[[[[[[[[[]]]]]]]]]`, `{"a":[{"b":[{"c":[]}]}]}`, `{"a":[{"b":[{"c":[]}]]}`,
}

func TestDecoderSkipMatchesValid(t *testing.T) {
	for _, in := range skipCases {
		checkSkip(t, []byte(in))
	}
}

// checkSkip requires Skip and Finish to accept data iff json.Valid does.
func checkSkip(t *testing.T, data []byte) {
	t.Helper()
	d := NewDecoder(data)
	d.Skip()
	err := d.Finish()
	if valid := json.Valid(data); valid != (err == nil) {
		t.Fatalf("%q: json.Valid %v, Skip error %v", data, valid, err)
	}
}

func TestDecoderWhitespace(t *testing.T) {
	// Only space, \t, \n and \r, anywhere between tokens.
	for _, ws := range []string{" ", "\t", "\n", "\r"} {
		in := strings.ReplaceAll(`_{_"a"_:_[_1_,_true_]_,_"b"_:_{_}_}_`, "_", ws)
		agreeAny(t, in)
		checkSkip(t, []byte(in))
	}
	for _, ws := range []string{"\f", "\v", "\u00a0", "\u0085", "\u2028", "\ufeff", "\x00"} {
		for _, in := range []string{ws + `1`, `1` + ws, `[` + ws + `1]`, `{"a":` + ws + `1}`, `{"a"` + ws + `:1}`} {
			checkSkip(t, []byte(in))
			_, err := read(in, (*Decoder).Raw)
			assert.Error(t, err, "%q", in)
		}
	}
}

// decodeAny reads any value with the Decoder's iterators, recursing, into
// what encoding/json gives for an any (numbers kept as text).
func decodeAny(d *Decoder) any {
	switch d.next() {
	case '{':
		m := map[string]any{}
		for it := d.Object(); it.Next(); {
			m[string(it.Key())] = decodeAny(d)
		}
		return m
	case '[':
		a := []any{}
		for it := d.Array(); it.Next(); {
			a = append(a, decodeAny(d))
		}
		return a
	case '"':
		return d.Str()
	case 't', 'f':
		return d.Bool()
	case 'n':
		d.Skip()
		return nil
	}
	return json.Number(d.Raw())
}

// agreeAny checks that decodeAny reads in as encoding/json reads it into an
// any, numbers kept as json.Number.
func agreeAny(t *testing.T, in string) {
	t.Helper()
	got, err := read(in, decodeAny)
	if valid := json.Valid([]byte(in)); valid != (err == nil) {
		t.Errorf("%q: json.Valid %v, decoder error %v", in, valid, err)
		return
	}
	if err == nil {
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		var want any
		require.NoError(t, dec.Decode(&want))
		assert.Equal(t, want, got, in)
	}
}

func TestDecoderObject(t *testing.T) {
	agreeAny(t, `{"a":1,"b":[true,null,"x"],"c":{"d":"e","f":{}},"g":[],"h":"i"}`)
	agreeAny(t, `{"a":{"b":{"c":[[],[{}],{"d":[-1.5e3]}]}}}`)

	var keys []string
	_, err := read(" { \"x\" : 1 , \"\\u0049d\":2, \"a\xffb\":3, \"\":4 } ", func(d *Decoder) int {
		for m := d.Object(); m.Next(); {
			keys = append(keys, string(m.Key()))
			d.Skip()
		}
		return 0
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"x", "Id", "a\uFFFDb", ""}, keys)

	for in, kind := range map[string]string{
		`null`: "", `{}`: "", "{ \n}": "",
		`{"a"}`: "syntax", `{"a":1,}`: "syntax", `{,}`: "syntax", `{"a":1 "b":2}`: "syntax",
		`{1:2}`: "syntax", `{"a":1`: "syntax", `{"a":1}}`: "syntax", `{"a":1]`: "syntax",
		`{"a";1}`: "syntax", `{'a':1}`: "syntax", `{"a\x01":1}`: "syntax", `{`: "syntax",
		`[]`: "type", `"x"`: "type", `1`: "type", `true`: "type", `[}`: "syntax",
	} {
		_, err := read(in, func(d *Decoder) int {
			for m := d.Object(); m.Next(); {
				d.Skip()
			}
			return 0
		})
		assert.Equal(t, kind, errKind(err), "%q: %v", in, err)
		agree(t, in, func(d *Decoder) struct{} {
			for m := d.Object(); m.Next(); {
				d.Skip()
			}
			return struct{}{}
		})
	}
}

func TestDecoderKeyIsMatchesEncodingJSON(t *testing.T) {
	cases := []struct {
		key, name string
		want      bool
	}{
		{"Id", "Id", true},
		{"id", "Id", true},
		{"ID", "Id", true},
		{"iD", "Id", true},
		{"Idx", "Id", false},
		{"I", "Id", false},
		{"", "", true},
		{"", "a", false},
		{"RequestId", "RequestID", true},
		{"requestid", "RequestId", true},
		{"RequestIe", "RequestId", false},
		{"ſtatus", "Status", true}, // U+017F folds to s: a longer key
		{"\u212aey", "Key", true},  // the Kelvin sign folds to k
		{"kEY", "\u212aey", true},
		{"é", "É", true},
		{"É", "é", true},
		{"é", "e", false},
		{"Σ", "σ", true},
		{"ς", "Σ", true}, // final sigma is in sigma's orbit
		{"@", "`", false},
		{"[", "{", false},
		{"_", "\x7f", false},
		{"a\uFFFDb", "a\uFFFDB", true},
		{"名前", "名前", true},
		{"名前", "名字", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Key(c.key).Is(c.name), "%q.Is(%q)", c.key, c.name)
		assert.Equal(t, bytes.EqualFold([]byte(c.key), []byte(c.name)), Key(c.key).Is(c.name), "%q.Is(%q) vs bytes.EqualFold", c.key, c.name)
		// And as encoding/json matches a key to a field of that name, where
		// the name can be a field's tag.
		typ := reflect.StructOf([]reflect.StructField{{Name: "F", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(`json:"` + c.name + `"`)}})
		p := reflect.New(typ)
		p.Elem().Field(0).SetString("x")
		if out, _ := json.Marshal(p.Interface()); c.name == "" || !bytes.HasPrefix(out, []byte(`{"`+c.name+`":`)) {
			continue
		}
		p = reflect.New(typ)
		doc, _ := json.Marshal(map[string]string{c.key: "x"})
		require.NoError(t, json.Unmarshal(doc, p.Interface()))
		assert.Equal(t, c.want, p.Elem().Field(0).String() == "x", "encoding/json: key %q, field %q", c.key, c.name)
	}
}

func TestDecoderArray(t *testing.T) {
	for in, want := range map[string][]int64{`[]`: {}, `null`: nil, `[1,2,3]`: {1, 2, 3}, " [ 1 ,\n2 ] ": {1, 2}} {
		got, err := read(in, func(d *Decoder) []int64 {
			var s []int64
			if !d.Null() {
				s = []int64{}
			}
			for e := d.Array(); e.Next(); {
				s = append(s, d.Int())
			}
			return s
		})
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for in, kind := range map[string]string{
		`[1,]`: "syntax", `[,1]`: "syntax", `[1 2]`: "syntax", `[1`: "syntax", `[`: "syntax",
		`[1}`: "syntax", `[1]]`: "syntax", `[1:2]`: "syntax",
		`{}`: "type", `"[]"`: "type", `0`: "type", `[1.5]`: "type", `["a"]`: "type",
	} {
		agree(t, in, func(d *Decoder) []int64 { return Slice(d, nil, decodeInt) })
		_, err := read(in, func(d *Decoder) []int64 { return Slice(d, nil, decodeInt) })
		assert.Equal(t, kind, errKind(err), "%q: %v", in, err)
	}
}

func decodeInt(d *Decoder, n *int64) { *n = d.Int() }

type item struct {
	X string
	Y int64
}

func decodeItem(d *Decoder, it *item) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("X"):
			it.X = d.Str()
		case k.Is("Y"):
			it.Y = d.Int()
		default:
			d.Skip()
		}
	}
}

func TestDecoderSlice(t *testing.T) {
	got, err := read(`null`, func(d *Decoder) []item { return Slice(d, []item{{X: "a"}}, decodeItem) })
	require.NoError(t, err)
	assert.Nil(t, got)

	got, err = read(`[]`, func(d *Decoder) []item { return Slice(d, nil, decodeItem) })
	require.NoError(t, err)
	assert.NotNil(t, got)
	assert.Empty(t, got)

	got, err = read(`[{"X":"a","Y":1},null,{"y":2,"z":[]}]`, func(d *Decoder) []item { return Slice(d, nil, decodeItem) })
	require.NoError(t, err)
	assert.Equal(t, []item{{"a", 1}, {}, {"", 2}}, got)

	// Into a slice that already holds elements, like encoding/json: the
	// elements are reused and keep what the input does not set.
	for _, in := range []string{`[{"Y":5}]`, `[{"Y":5},{"X":"c"},{}]`, `[]`, `null`, `[null,{"Y":7}]`} {
		held := func() []item { return append(make([]item, 0, 4), item{"a", 1}, item{"b", 2}) }
		got, err := read(in, func(d *Decoder) []item { return Slice(d, held(), decodeItem) })
		require.NoError(t, err)
		var want struct{ S []item }
		want.S = held()
		require.NoError(t, json.Unmarshal([]byte(`{"S":`+in+`}`), &want))
		assert.Equal(t, want.S, got, in)
		assert.Equal(t, want.S == nil, got == nil, in)
	}

	// A type error leaves the slice as it was.
	s := []item{{X: "a"}}
	got, err = read(`{}`, func(d *Decoder) []item { return Slice(d, s, decodeItem) })
	assert.Equal(t, "type", errKind(err))
	assert.Equal(t, s, got)
}

// nest returns depth nested arrays around an empty one's contents, or
// objects when obj.
func nest(depth int, obj bool) string {
	if obj {
		return strings.Repeat(`{"a":`, depth-1) + `{}` + strings.Repeat(`}`, depth-1)
	}
	return strings.Repeat("[", depth) + strings.Repeat("]", depth)
}

func TestDecoderDepthLimit(t *testing.T) {
	// encoding/json accepts 10000 open containers and refuses 10001.
	for _, obj := range []bool{false, true} {
		ok, over := []byte(nest(maxDepth, obj)), []byte(nest(maxDepth+1, obj))
		require.True(t, json.Valid(ok))
		require.False(t, json.Valid(over))
		checkSkip(t, ok)
		checkSkip(t, over)
		_, err := read(string(ok), decodeAny)
		assert.NoError(t, err)
		_, err = read(string(over), decodeAny)
		assert.ErrorContains(t, err, "exceeded max nesting depth 10000")
		assert.Equal(t, "syntax", errKind(err))
		// The limit counts what the caller opened and what Skip opens.
		d := NewDecoder(ok)
		if obj {
			m := d.Object()
			require.True(t, m.Next())
			d.Skip()
			require.False(t, m.Next())
		} else {
			e := d.Array()
			require.True(t, e.Next())
			d.Skip()
			require.False(t, e.Next())
		}
		assert.NoError(t, d.Finish())
	}
	// Mixed nesting, deeper than Skip's first word of bits.
	mixed := strings.Repeat(`[{"a":`, 100) + `1` + strings.Repeat(`}]`, 100)
	checkSkip(t, []byte(mixed))
	checkSkip(t, []byte(strings.Repeat(`[{"a":`, 100)+`1`+strings.Repeat(`}]`, 99)+`]]`))
	checkSkip(t, []byte(strings.Repeat(`[{"a":`, 100)+`1`+strings.Repeat(`}]`, 40)+`]}`+strings.Repeat(`}]`, 59)))
	// Far beyond the limit: an error, not a stack overflow.
	checkSkip(t, []byte(strings.Repeat("[", 1_000_000)))
}

func TestDecoderFinish(t *testing.T) {
	for in, ok := range map[string]bool{`1`: true, "1 \t\r\n": true, `1 2`: false, `1,`: false, `1]`: false, "1\x00": false, "1\f": false, `{}{}`: false, `{} x`: false} {
		d := NewDecoder([]byte(in))
		d.Skip()
		assert.Equal(t, ok, d.Finish() == nil, in)
		assert.Equal(t, json.Valid([]byte(in)), ok, in)
	}
	d := NewDecoder([]byte(`1 x`))
	d.Int()
	err := d.Finish()
	assert.EqualError(t, err, "invalid character 'x' at offset 2 after top-level value")
	assert.Equal(t, err, d.Err(), "Finish's error is sticky")
}

func TestDecoderMisuse(t *testing.T) {
	// An inner loop left before its end is caught by the outer Next.
	d := NewDecoder([]byte(`{"o":{"a":1,"b":2},"c":3}`))
	m := d.Object()
	require.True(t, m.Next())
	inner := d.Object()
	require.True(t, inner.Next())
	d.Int()
	assert.False(t, m.Next())
	assert.ErrorContains(t, d.Err(), "misused")

	// A value never read, by Finish.
	for in, msg := range map[string]string{``: "unexpected end of JSON input at offset 0", "\n ": "unexpected end of JSON input at offset 2", `1`: "misused", ` {}`: "misused"} {
		d = NewDecoder([]byte(in))
		assert.ErrorContains(t, d.Finish(), msg, "%q", in)
	}
	d = NewDecoder([]byte(` null `))
	require.True(t, d.Null())
	assert.ErrorContains(t, d.Finish(), "misused")

	// And one never entered, by Finish.
	d = NewDecoder([]byte(`[1]`))
	d.Array()
	assert.ErrorContains(t, d.Finish(), "misused")

	// A member whose value is not read shows as a syntax error.
	d = NewDecoder([]byte(`{"a":1,"b":2}`))
	m = d.Object()
	require.True(t, m.Next())
	assert.False(t, m.Next())
	assert.Error(t, d.Finish())
}

func TestDecoderStickyErrors(t *testing.T) {
	d := NewDecoder([]byte(`[1, "a", {"b": true}, [2], null, "x"]`))
	e := d.Array()
	require.True(t, e.Next())
	assert.Equal(t, "", d.Str()) // a type error
	first := d.Err()
	require.Error(t, first)
	off := d.off
	assert.False(t, e.Next())
	assert.Zero(t, d.Int())
	assert.False(t, d.Bool())
	assert.Empty(t, d.Str())
	assert.Nil(t, d.Raw())
	assert.False(t, d.Null())
	assert.Zero(t, d.LenientInt())
	assert.False(t, d.LenientBool())
	assert.Empty(t, d.LenientString())
	assert.True(t, d.Millis().IsZero())
	assert.Nil(t, Slice(d, nil, decodeInt))
	d.Skip()
	assert.False(t, func() bool { m := d.Object(); return m.Next() }())
	assert.False(t, func() bool { a := d.Array(); return a.Next() }())
	assert.Equal(t, off, d.off, "reads after an error read nothing")
	assert.Same(t, first, d.Err())
	assert.Same(t, first, d.Finish())
}

func TestDecoderReset(t *testing.T) {
	var d Decoder
	d.Reset([]byte(`"\u0041"`))
	assert.Equal(t, "A", d.Str())
	require.NoError(t, d.Finish())
	d.Reset([]byte(`[`))
	d.Skip()
	require.Error(t, d.Finish())
	d.Reset([]byte(` "b" `))
	assert.Equal(t, "b", d.Str())
	assert.NoError(t, d.Finish())
}

func TestDecoderErrorMessages(t *testing.T) {
	cases := []struct {
		in   string
		fn   func(*Decoder)
		want string
	}{
		{`{"Id": 12}`, decodeID, `expected a string at offset 7 in member "Id", found number`},
		{`{"Id": [1]}`, decodeID, `expected a string at offset 7 in member "Id", found array`},
		{`{"Id": "a"} x`, decodeID, `invalid character 'x' at offset 12 after top-level value`},
		{`{"Id": x}`, decodeID, `invalid character 'x' at offset 7 looking for beginning of value`},
		{`{"Id": "a`, decodeID, `unexpected end of JSON input at offset 9`},
		{"{\"Id\": \"a\x01\"}", decodeID, `invalid character '\x01' at offset 9 in string literal`},
		{"{\"Id\": \xff}", decodeID, `invalid character '\xff' at offset 7 looking for beginning of value`},
		{`{"Id": "\q"}`, decodeID, `invalid character 'q' at offset 9 in string escape code`},
		{`{"Id": "\u12x4"}`, decodeID, `invalid character 'x' at offset 12 in \u hexadecimal character escape`},
		{`{"Id": tru}`, decodeID, `invalid character '}' at offset 10 in literal true (expecting 'e')`},
		{`{"Id": 1.}`, decodeID, `invalid character '}' at offset 9 after decimal point in numeric literal`},
		{`{"Id" 1}`, decodeID, `invalid character '1' at offset 6 after object key`},
		{`{"Id":"a" "b"}`, decodeID, `invalid character '"' at offset 10 after object key:value pair`},
		{`{1}`, decodeID, `invalid character '1' at offset 1 looking for beginning of object key string`},
		{`[1 2]`, func(d *Decoder) { Slice(d, nil, decodeInt) }, `invalid character '2' at offset 3 after array element`},
		{`{"L":[1, "a"]}`, func(d *Decoder) {
			for m := d.Object(); m.Next(); {
				Slice(d, nil, decodeInt)
			}
		}, `expected an integer at offset 9 in member "L", found string`},
		{`{"N": 1.5}`, func(d *Decoder) {
			for m := d.Object(); m.Next(); {
				d.Int()
			}
		}, `expected an integer at offset 6 in member "N", found a number with a fraction or exponent`},
		{`"x"`, func(d *Decoder) { d.Object() }, `expected an object at offset 0, found string`},
		{`{"a":"four"}`, func(d *Decoder) {
			for m := d.Object(); m.Next(); {
				d.LenientInt()
			}
		}, `expected an integer or a string of one at offset 5 in member "a", found string`},
	}
	for _, c := range cases {
		d := NewDecoder([]byte(c.in))
		c.fn(d)
		assert.EqualError(t, d.Finish(), c.want, c.in)
	}
}

func decodeID(d *Decoder) {
	for m := d.Object(); m.Next(); {
		if m.Key().Is("Id") {
			_ = d.Str()
		} else {
			d.Skip()
		}
	}
}

// TestErrorsQuoteLittle: answers may hold secrets, so no message carries
// more than a byte of a value or 20 bytes of a member's name.
func TestDecoderErrorsQuoteLittle(t *testing.T) {
	failures := 0
	secret := "hunter2-very-secret-token"
	for _, in := range []string{
		`{"AccessKeySecretValueLong": "` + secret + `"}`,
		`{"AccessKeySecretValueLong": "` + secret + `" x}`,
		`{"AccessKeySecretValueLong": ["` + secret + `"]}`,
		`{"AccessKeySecretValueLong": "` + secret + "\x01\"}",
	} {
		for _, fn := range []func(*Decoder) any{
			func(d *Decoder) any { return d.Int() },
			func(d *Decoder) any { return d.LenientInt() },
			func(d *Decoder) any { return d.LenientBool() },
			func(d *Decoder) any { return d.Millis() },
			func(d *Decoder) any { return d.Bool() },
			func(d *Decoder) any { return d.Str() },
			func(d *Decoder) any { return d.Float() },
			func(d *Decoder) any { return d.LenientFloat() },
			func(d *Decoder) any { return d.Seconds() },
			func(d *Decoder) any { return d.Time(time.DateTime) },
		} {
			d := NewDecoder([]byte(in))
			for m := d.Object(); m.Next(); {
				fn(d)
			}
			if err := d.Finish(); err != nil {
				failures++
				assert.NotContains(t, err.Error(), "hunter")
				assert.NotContains(t, err.Error(), "ValueLong")
			}
		}
	}
	assert.Equal(t, 39, failures) // all but String on the plain string
}

func TestDecoderLenientMatchesTypes(t *testing.T) {
	inputs := []string{`4`, `"4"`, `-12`, `"1578469042851"`, `1578469042851`, `null`, `""`, `4.0`, `1e3`, `"1e3"`,
		`"four"`, `4.5`, `true`, `false`, `"true"`, `"TRUE"`, `"False"`, `"yes"`, `"1"`, `"0"`, `2`, `0`,
		`{}`, `[1]`, `{"a":1}`, `"9223372036854775808"`, `9223372036854775808`, `"a"`, `"\u0034\u0032"`,
		"\"a\xffb\"", `"héllo"`, `" 7"`, `"\u0074rue"`, `-0`, `"-0"`, `1.`, `"`, `tru`}
	for _, in := range inputs {
		agree(t, in, func(d *Decoder) Int64 { return Int64(d.LenientInt()) })
		agree(t, in, func(d *Decoder) Bool { return Bool(d.LenientBool()) })
		agree(t, in, func(d *Decoder) String { return String(d.LenientString()) })
		agree(t, in, func(d *Decoder) Millis { return Millis{d.Millis()} })
	}
	got, err := read(`"1578469042851"`, (*Decoder).Millis)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2020, 1, 8, 7, 37, 22, 851e6, time.UTC), got)
	n, err := read(` "42" `, (*Decoder).LenientInt)
	require.NoError(t, err)
	assert.Equal(t, int64(42), n)
	_, err = read(`[1]`, (*Decoder).LenientString)
	assert.Equal(t, "type", errKind(err))
}

// TestDecoderInternsRepeats: repeated strings, short (interned) and long
// (not kept), read back as they were. What interning saves is an
// allocation budget in bench/ (BenchmarkAllocBudget).
func TestDecoderInternsRepeats(t *testing.T) {
	long := strings.Repeat("x", maxInterned+1)
	doc := []byte(`["ccc-test", "ccc-test", "user@ccc-test", "ccc-test", "` + long + `", "` + long + `"]`)
	var got [6]string
	var d Decoder
	for range 2 { // the second time with the interned strings in place
		d.Reset(doc)
		i := 0
		for e := d.Array(); e.Next(); i++ {
			got[i] = d.Str()
		}
		require.NoError(t, d.Finish())
		assert.Equal(t, [6]string{"ccc-test", "ccc-test", "user@ccc-test", "ccc-test", long, long}, got)
	}
}
