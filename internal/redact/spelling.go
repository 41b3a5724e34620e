package redact

// A spelling is the text that stands for one byte: the byte itself, or an
// escape of it. The escapes recognised are those a service, a gateway or a
// decoder writes a secret in:
//
//   - percent-encoding, in either hex case, repeated any number of times:
//     %2B, %2b, %252B, %25252B;
//   - HTML character references, decimal or hex in either case, with or
//     without leading zeros, the few named ones a secret or a query holds,
//     and all of them HTML-escaped again: &#43;, &#x2B;, &#x02b;, &plus;,
//     &amp;#43;;
//   - JSON escapes, however deeply a string was JSON-encoded: \/, \\\/,
//     \u002b, \\u002B, \", \\;
//   - + for a space, as in form encoding (see same).
//
// Escapes of different kinds do not nest in one another (an HTML reference
// inside a percent escape is not one), which is not how any of them is
// written.

// unit is one spelling found in a text: the byte c, spelled by the n bytes
// at the position looked at.
type unit struct {
	c byte
	n int
}

// spellings appends to buf every way the text at s[i:] spells one byte, the
// literal byte first. i must be < len(s).
func spellings(s string, i int, buf []unit) []unit {
	buf = append(buf, unit{s[i], 1})
	switch s[i] {
	case '%':
		buf = percentSpellings(s, i, buf)
	case '&':
		buf = entitySpellings(s, i, buf)
	case '\\':
		buf = jsonSpellings(s, i, buf)
	}
	return buf
}

// longest returns the longest spelling at s[i:]: the reading a decoder
// takes.
func longest(s string, i int) unit {
	var buf [8]unit
	best := unit{s[i], 1}
	for _, u := range spellings(s, i, buf[:0]) {
		if u.n > best.n {
			best = u
		}
	}
	return best
}

// percentSpellings: '%', then any number of "25" (each another round of
// encoding of the '%'), then two hex digits. Each "25" on the way is itself
// a spelling of '%'.
func percentSpellings(s string, i int, buf []unit) []unit {
	for p := i + 1; p+2 <= len(s); p += 2 {
		c, ok := hexByte(s[p], s[p+1])
		if !ok {
			break
		}
		buf = append(buf, unit{c, p + 2 - i})
		if c != '%' {
			break
		}
	}
	return buf
}

// namedEntities are the named references for the bytes that secrets and
// queries hold and that HTML escapers write by name.
var namedEntities = map[string]byte{
	"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'',
	"plus": '+', "sol": '/', "equals": '=', "percnt": '%', "num": '#',
}

// entitySpellings: '&', then any number of "amp;" (each another round of
// HTML escaping of the '&'), then a character reference ending in ';'.
func entitySpellings(s string, i int, buf []unit) []unit {
	for p := i + 1; p < len(s); {
		c, n, ok := entity(s[p:])
		if !ok {
			break
		}
		buf = append(buf, unit{c, p + n - i})
		if c != '&' {
			break
		}
		p += n
	}
	return buf
}

// entity reads a character reference after its '&': "#43;", "#x2B;",
// "plus;". It reads ASCII only: a secret is ASCII.
func entity(s string) (c byte, n int, ok bool) {
	semi := -1
	for j := 0; j < len(s) && j < 12; j++ {
		if s[j] == ';' {
			semi = j
			break
		}
	}
	if semi < 1 {
		return 0, 0, false
	}
	ref := s[:semi]
	if c, ok := namedEntities[ref]; ok {
		return c, semi + 1, true
	}
	if ref[0] != '#' || len(ref) < 2 {
		return 0, 0, false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	v, ok := number(digits, base)
	if !ok || v > 0x7f {
		return 0, 0, false
	}
	return byte(v), semi + 1, true
}

// jsonSpellings: a run of backslashes (a string JSON-encoded once or more),
// then '/', '"' or a \u escape of an ASCII byte. Two backslashes also spell
// one.
func jsonSpellings(s string, i int, buf []unit) []unit {
	p := i
	for p < len(s) && s[p] == '\\' {
		p++
	}
	if p-i >= 2 {
		buf = append(buf, unit{'\\', 2})
	}
	if p == len(s) {
		return buf
	}
	switch s[p] {
	case '/', '"':
		buf = append(buf, unit{s[p], p + 1 - i})
	case 'u':
		if p+5 <= len(s) {
			if v, ok := number(s[p+1:p+5], 16); ok && v <= 0x7f {
				buf = append(buf, unit{byte(v), p + 5 - i})
			}
		}
	}
	return buf
}

// same reports whether the spelled byte got stands for want: equal, or a +
// standing for a space.
func same(want, got byte) bool {
	return want == got || want == ' ' && got == '+'
}

func hexByte(a, b byte) (byte, bool) {
	x, ok1 := hexDigit(a)
	y, ok2 := hexDigit(b)
	return x<<4 | y, ok1 && ok2
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// number parses digits of base 10 or 16, at most 8 of them (leading zeros
// included), without overflow.
func number(digits string, base int) (int, bool) {
	if digits == "" || len(digits) > 8 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(digits); i++ {
		d, ok := hexDigit(digits[i])
		if !ok || int(d) >= base {
			return 0, false
		}
		v = v*base + int(d)
	}
	return v, true
}
