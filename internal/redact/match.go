package redact

import (
	"regexp"
	"slices"
	"strings"
)

// span is a range s[start:end] to replace.
type span struct{ start, end int }

// appendValues appends the spans of every spelling of each secret in s.
func appendValues(spans []span, s string, secrets []string) []span {
	for _, sec := range secrets {
		if len(sec) < minSecret {
			continue
		}
		for i := 0; i < len(s); i++ {
			if !mayStart(s[i], sec[0]) {
				continue
			}
			if end := matchAt(s, i, sec); end > i {
				spans = append(spans, span{i, end})
				i = end - 1
			}
		}
	}
	return spans
}

// mayStart reports whether a spelling of want can start with the byte c: a
// cheap test that skips most of a text.
func mayStart(c, want byte) bool {
	return same(want, c) || c == '%' || c == '&' || c == '\\'
}

// matchAt returns the end of the longest spelling of want that starts at
// s[i], or -1. Each byte of want may be spelled differently, and a byte may
// have several spellings at one place ("%252B" is a '%' in 3 bytes and a
// '+' in 5), so it follows every reading at once: ends holds the positions
// in s reached after each prefix of want.
//
// A text that ends in the middle of a spelling of want, after at least
// minSecret of its bytes, matches to its end: a body cut short, or a
// snippet's window, must not show the start of a secret.
func matchAt(s string, i int, want string) int {
	var bufA, bufB [4]int
	var units [8]unit
	ends := append(bufA[:0], i)
	next := bufB[:0]
	for k := 0; k < len(want); k++ {
		next = next[:0]
		cut := false
		for _, p := range ends {
			if nearEnd(s, p) {
				cut = cut || k >= minSecret
			}
			if p >= len(s) {
				continue
			}
			for _, u := range spellings(s, p, units[:0]) {
				if same(want[k], u.c) && !slices.Contains(next, p+u.n) {
					next = append(next, p+u.n)
				}
			}
		}
		if len(next) == 0 {
			if cut {
				return len(s)
			}
			return -1
		}
		ends, next = next, ends
	}
	return slices.Max(ends)
}

// nearEnd reports whether the text from s[p] on is at most a cut-off
// spelling: nothing, or a few bytes that start with an escape.
func nearEnd(s string, p int) bool {
	return p >= len(s) || len(s)-p < 12 && strings.IndexByte("%&\\", s[p]) >= 0
}

// appendQueryValues appends the span of the value of every sensitive
// parameter in s, written name=value in any spelling of the '=' and of the
// value: "SecurityToken=…", "SecurityToken%3D…" in a string to sign,
// "SecurityToken%253D…" one level deeper, "&amp;Token=…" in an HTML page.
// The value runs to the next '&', white space or quote, in any spelling.
func appendQueryValues(spans []span, s string) []span {
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "=%&\\")
		if j < 0 {
			break
		}
		i += j
		u := longest(s, i)
		if u.c == '=' && sensitiveNameBefore(s, i) {
			end := valueEnd(s, i+u.n)
			if end > i+u.n {
				spans = append(spans, span{i + u.n, end})
			}
			i = max(end, i+u.n)
			continue
		}
		i += u.n
	}
	return spans
}

// valueEnd returns where the parameter value starting at s[i] ends.
func valueEnd(s string, i int) int {
	for i < len(s) {
		u := longest(s, i)
		switch u.c {
		case '&', ' ', '\t', '\n', '\r', '\f', '\v', '"', '\'':
			return i
		}
		i += u.n
	}
	return i
}

// sensitiveNameBefore reports whether the text before s[end] ends with a
// sensitive name that starts the text, follows a byte that cannot be part of
// a name, or follows an escape ("%26SecurityToken" in a string to sign,
// "\u0026Token" in JSON).
func sensitiveNameBefore(s string, end int) bool {
	start := end
	for start > 0 && isNameByte(s[start-1]) {
		start--
	}
	for k := start; k < end; k++ {
		if (k == start || escapeEndsAt(s, k)) && IsSensitive(s[k:end]) {
			return true
		}
	}
	return false
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
}

// escapeEndsAt reports whether s[:p] ends with a percent escape (encoded
// any number of times) or a \u escape.
func escapeEndsAt(s string, p int) bool {
	if p >= 6 && s[p-6] == '\\' && s[p-5] == 'u' {
		if _, ok := number(s[p-4:p], 16); ok {
			return true
		}
	}
	if p < 3 {
		return false
	}
	if _, ok := hexByte(s[p-2], s[p-1]); !ok {
		return false
	}
	q := p - 2
	for q >= 3 && s[q-2:q] == "25" {
		q -= 2
	}
	return s[q-1] == '%'
}

// JSON string members, "Key" : "value", and the same in a JSON text held in
// a JSON string: \"Key\":\"value\". A value the text ends in (a body cut
// short) runs to the end.
var (
	jsonField        = regexp.MustCompile(`"([A-Za-z0-9_.\-]+)"\s*:\s*"((?:[^"\\]|\\.)*)(?:"|\\?$)`)
	escapedJSONField = regexp.MustCompile(`\\+"([A-Za-z0-9_.\-]+)\\+"\s*:\s*\\+"((?:[^"\\]|\\+[^"\\])*)(?:\\+"|\\*$)`)
)

// appendJSONValues appends the span of the value of every sensitive JSON
// string member in s.
func appendJSONValues(spans []span, s string) []span {
	if strings.IndexByte(s, '"') < 0 {
		return spans
	}
	for _, re := range [...]*regexp.Regexp{jsonField, escapedJSONField} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if IsSensitive(s[m[2]:m[3]]) && m[5] > m[4] {
				spans = append(spans, span{m[4], m[5]})
			}
		}
	}
	return spans
}

// replace returns s with each span, overlapping ones merged, replaced by
// Placeholder.
func replace(s string, spans []span) string {
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(spans); {
		start, end := spans[i].start, spans[i].end
		for i++; i < len(spans) && spans[i].start <= end; i++ {
			end = max(end, spans[i].end)
		}
		b.WriteString(s[last:start])
		b.WriteString(Placeholder)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}
