package signer

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestPercentEncode(t *testing.T) {
	// The table of alibaba-rpc.md §3.
	tests := []struct{ in, want string }{
		{"", ""},
		{"AZaz09-_.~", "AZaz09-_.~"},
		{" ", "%20"},
		{"*", "%2A"},
		{"~", "~"},
		{"/", "%2F"},
		{"+", "%2B"},
		{":", "%3A"},
		{"=", "%3D"},
		{"&", "%26"},
		{"%", "%25"},
		{"!'()", "%21%27%28%29"},
		{"未", "%E6%9C%AA"},
		{"🚀", "%F0%9F%9A%80"},
		{"2016-02-23T12:46:24Z", "2016-02-23T12%3A46%3A24Z"},
		{"demo: a*b ~c +d /e", "demo%3A%20a%2Ab%20~c%20%2Bd%20%2Fe"},
		{"\x00\xff", "%00%FF"},
		{"\xe6\x9c", "%E6%9C"}, // invalid UTF-8, encoded byte by byte
	}
	for _, tt := range tests {
		if got := PercentEncode(tt.in); got != tt.want {
			t.Errorf("PercentEncode(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendPercentEncode([]byte("x="), tt.in)); got != "x="+tt.want {
			t.Errorf("AppendPercentEncode(%q) = %q, want %q", tt.in, got, "x="+tt.want)
		}
	}
}

func TestPercentEncodeEveryByte(t *testing.T) {
	for c := range 256 {
		s := string([]byte{byte(c)})
		if got, want := PercentEncode(s), refEncode(s); got != want {
			t.Errorf("PercentEncode(%q) = %q, want %q", s, got, want)
		}
	}
}

// randString returns a string mixing unreserved runs, reserved ASCII and
// multi-byte UTF-8.
func randString(r *rand.Rand, max int) string {
	pieces := []string{"a", "Z", "9", "-", ".", "_", "~", " ", "/", "%", "=", "&", "+", ":", "未", "🚀", "\x00", "\xff",
		"abcdefgh", "SignatureNonce", "0123456789abcdef"}
	var b strings.Builder
	for n := r.IntN(max + 1); b.Len() < n; {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestAppendEncodedTwice(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := randString(r, 40)
		q, e := appendEncodedTwice([]byte("q"), []byte("e"), s)
		if got, want := string(q), "q"+refEncode(s); got != want {
			t.Fatalf("once(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(e), "e"+refEncode(refEncode(s)); got != want {
			t.Fatalf("twice(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCompareEncoded(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	sign := func(n int) int { return min(max(n, -1), 1) }
	for range 20000 {
		a, b := randString(r, 6), randString(r, 6)
		if r.IntN(4) == 0 {
			b = a + randString(r, 3) // prefixes
		}
		got, want := sign(compareEncoded(a, b)), strings.Compare(refEncode(a), refEncode(b))
		if got != want {
			t.Fatalf("compareEncoded(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

func TestSortByEncodedKey(t *testing.T) {
	tests := []struct {
		name   string
		params []Param
		want   string
	}{{
		// Byte order, not numeric: .10 before .2.
		name:   "numbered list",
		params: []Param{{"CallingNumber.2", "b"}, {"CallingNumber.10", "j"}, {"CallingNumber.1", "a"}},
		want:   "CallingNumber.1=a&CallingNumber.10=j&CallingNumber.2=b",
	}, {
		// Raw "a.b" < "a/b", but encoded "a%2Fb" < "a.b".
		name:   "key needing encoding",
		params: []Param{{"a.b", "1"}, {"a/b", "2"}},
		want:   "a%2Fb=2&a.b=1",
	}, {
		// Raw ' ' < '-', and encoded "%20" < "-" too; raw 'é' > 'z' but
		// encoded "%C3%A9" < "z".
		name:   "escapes sort first",
		params: []Param{{"kz", "1"}, {"k-", "2"}, {"k é", "3"}, {"ké", "4"}},
		want:   "k%20%C3%A9=3&k%C3%A9=4&k-=2&kz=1",
	}, {
		name:   "repeated key sorts by value",
		params: []Param{{"Tag", "b"}, {"Tag", "a"}, {"Tag", "a b"}},
		want:   "Tag=a&Tag=a%20b&Tag=b",
	}, {
		name:   "empty value",
		params: []Param{{"SignatureType", ""}, {"A", "1"}},
		want:   "A=1&SignatureType=",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RPCCanonicalQuery(tt.params); got != tt.want {
				t.Errorf("RPCCanonicalQuery = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSortParams(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	stems := []string{"", "a", "a.b", "a/b", "Signature", "SignatureMethod", "SignatureNonce",
		"CallingNumber.", "k\x00", "未", strings.Repeat("LongSharedPrefix", 6)}
	for range 5000 {
		n := r.IntN(45)
		params := make([]Param, n)
		for i := range params {
			params[i] = Param{stems[r.IntN(len(stems))] + randString(r, 4), randString(r, 3)}
		}
		want := refQuery(params, "")
		sortParams(params)
		var b strings.Builder
		for i, p := range params {
			if i > 0 {
				b.WriteByte('&')
			}
			b.WriteString(refEncode(p.Key) + "=" + refEncode(p.Value))
		}
		if got := b.String(); got != want {
			t.Fatalf("sorted:\n got %q\nwant %q", got, want)
		}
	}
}
