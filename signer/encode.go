package signer

const upperHex = "0123456789ABCDEF"

// unreserved reports whether c is one of the bytes RFC 3986 §2.3 leaves
// unencoded: A-Z a-z 0-9 '-' '_' '.' '~'.
func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// PercentEncode returns s percent-encoded as both Alibaba schemes require
// (RFC 3986): over the UTF-8 bytes of s, A-Z a-z 0-9 '-' '_' '.' '~' stay
// literal and every other byte becomes %XX with uppercase hex digits. So a
// space is %20 (never '+'), '*' is %2A and '~' stays '~'.
//
// Bytes that are not valid UTF-8 are encoded one by one like any other
// byte. If s needs no encoding it is returned without allocating.
func PercentEncode(s string) string {
	if escapeCount(s) == 0 {
		return s
	}
	var local [256]byte
	return string(AppendPercentEncode(local[:0], s))
}

// AppendPercentEncode appends the PercentEncode form of s to dst and
// returns the extended buffer.
func AppendPercentEncode(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = appendEncodedByte(dst, s[i])
	}
	return dst
}

// appendEncodedByte appends PercentEncode of the single byte c.
func appendEncodedByte(dst []byte, c byte) []byte {
	if unreserved(c) {
		return append(dst, c)
	}
	return append(dst, '%', upperHex[c>>4], upperHex[c&0xF])
}

// escapeCount returns how many bytes of s PercentEncode turns into %XX.
func escapeCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	return n
}

// compareEncoded compares PercentEncode(a) with PercentEncode(b) in byte
// order without encoding either.
//
// Equal raw bytes encode equally, so only the first differing byte pair
// (x, y) matters. Every unreserved byte is greater than '%', the first byte
// of any escape, so an escaped byte sorts before an unreserved one. Two
// escapes "%XY" compare like x and y because uppercase hex digits sort in
// numeric order, and two unreserved bytes compare as themselves. A raw
// prefix encodes to an encoded prefix, so the shorter string sorts first.
func compareEncoded(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	if i == n {
		return len(a) - len(b)
	}
	x, y := a[i], b[i]
	if ux, uy := unreserved(x), unreserved(y); ux != uy {
		if ux {
			return 1
		}
		return -1
	}
	return int(x) - int(y)
}
