package signer

import (
	"encoding/binary"
	"slices"
)

// unreservedChars are the bytes RFC 3986 §2.3 leaves unencoded.
const unreservedChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"

const upperHex = "0123456789ABCDEF"

// The encoders work from per-byte tables, built once at init and only read
// afterwards, because a data-dependent branch per byte mispredicts at every
// switch between literal and escaped bytes and that dominated the cost.
var (
	// escaped[c] is 1 if PercentEncode turns byte c into %XX, else 0.
	escaped [256]uint8

	// once[c] holds PercentEncode of byte c ("c" or "%XX") in its low
	// bytes, little endian, and that length (1 or 3) in its top byte.
	once [256]uint64

	// twice[c] is the same for PercentEncode applied twice ("c" or
	// "%25XX", length 1 or 5): what the RPC string to sign holds for a
	// byte of a parameter.
	twice [256]uint64

	// rank[c] orders bytes the way their encodings order: escaped bytes
	// first (every escape starts with '%', below any unreserved byte),
	// each group by value. See compareEncoded.
	rank [256]uint8
)

func init() {
	for c := range 256 {
		escaped[c] = 1
	}
	for i := range len(unreservedChars) {
		escaped[unreservedChars[i]] = 0
	}
	for c := range 256 {
		if escaped[c] == 0 {
			once[c] = 1<<56 | uint64(c)
			twice[c] = 1<<56 | uint64(c)
			continue
		}
		hi, lo := uint64(upperHex[c>>4]), uint64(upperHex[c&0xF])
		once[c] = 3<<56 | lo<<16 | hi<<8 | '%'
		twice[c] = 5<<56 | lo<<32 | hi<<24 | '5'<<16 | '2'<<8 | '%'
	}
	r := 0
	for _, group := range [...]uint8{1, 0} {
		for c := range 256 {
			if escaped[c] == group {
				rank[c] = uint8(r)
				r++
			}
		}
	}
}

// wordSlack is how far past its last byte an encoder may write: every
// byte is stored as a whole 8-byte word, and only the encoded length is
// kept.
const wordSlack = 7

// PercentEncode returns s percent-encoded as both Alibaba schemes require
// (RFC 3986): over the UTF-8 bytes of s, A-Z a-z 0-9 '-' '_' '.' '~' stay
// literal and every other byte becomes %XX with uppercase hex digits. So a
// space is %20 (never '+'), '*' is %2A and '~' stays '~'.
//
// Bytes that are not valid UTF-8 are encoded one by one like any other
// byte. If s needs no encoding it is returned without allocating.
func PercentEncode(s string) string {
	e := escapeCount(s)
	if e == 0 {
		return s
	}
	var local [256]byte
	buf := scratch(local[:], len(s)+2*e+wordSlack)
	n := encodeInto(buf, 0, s)
	return string(buf[:n])
}

// AppendPercentEncode appends the PercentEncode form of s to dst and
// returns the extended buffer.
func AppendPercentEncode(dst []byte, s string) []byte {
	return appendEncoded(dst, s)
}

// appendEncoded appends PercentEncode(s) to dst. If dst has room for the
// worst case it does not allocate.
func appendEncoded(dst []byte, s string) []byte {
	start := len(dst)
	dst = slices.Grow(dst, 3*len(s)+wordSlack)
	end := encodeInto(dst[:cap(dst)], start, s)
	return dst[:end]
}

// encodeInto writes PercentEncode(s) to dst at i and returns the index
// after it. dst must have wordSlack bytes of room past the encoded text.
// Words of eight unreserved bytes are copied whole.
func encodeInto(dst []byte, i int, s string) int {
	k := 0
	for ; k+8 <= len(s); k += 8 {
		if w := load64(s, k); anyEscaped(w) == 0 {
			binary.LittleEndian.PutUint64(dst[i:i+8], w)
			i += 8
			continue
		}
		for _, c := range []byte(s[k : k+8]) {
			i = encodeByte(dst, i, c)
		}
	}
	for ; k < len(s); k++ {
		i = encodeByte(dst, i, s[k])
	}
	return i
}

// encodeByte is encodeInto for the single byte c.
func encodeByte(dst []byte, i int, c byte) int {
	w := once[c]
	binary.LittleEndian.PutUint64(dst[i:i+8], w)
	return i + int(w>>56)
}

// encodeTwiceInto writes PercentEncode(s) to b at i and
// PercentEncode(PercentEncode(s)) to b at j in one pass, and returns the
// indexes after them. Both need wordSlack bytes of room.
//
// Words of eight unreserved bytes, the bulk of nonces, IDs and tokens, are
// copied whole to both places; so is the tail of a string of eight bytes
// or more, read as the string's last eight bytes.
func encodeTwiceInto(b []byte, i, j int, s string) (int, int) {
	k := 0
	for ; k+8 <= len(s); k += 8 {
		w := load64(s, k)
		if anyEscaped(w) == 0 {
			binary.LittleEndian.PutUint64(b[i:i+8], w)
			binary.LittleEndian.PutUint64(b[j:j+8], w)
			i += 8
			j += 8
			continue
		}
		for shift := 0; shift < 64; shift += 8 {
			i, j = encodeByteTwice(b, i, j, byte(w>>shift))
		}
	}
	if tail := len(s) - k; tail > 0 && len(s) >= 8 {
		// The tail is the top bytes of the last eight. Test all eight:
		// if the low ones, encoded already, need escaping too, the tail
		// just goes byte by byte below.
		w := load64(s, len(s)-8)
		if anyEscaped(w) == 0 {
			w >>= 8 * (8 - tail)
			binary.LittleEndian.PutUint64(b[i:i+8], w)
			binary.LittleEndian.PutUint64(b[j:j+8], w)
			return i + tail, j + tail
		}
	}
	for ; k < len(s); k++ {
		i, j = encodeByteTwice(b, i, j, s[k])
	}
	return i, j
}

// encodeByteTwice is encodeTwiceInto for the single byte c.
func encodeByteTwice(b []byte, i, j int, c byte) (int, int) {
	w1, w2 := once[c], twice[c]
	binary.LittleEndian.PutUint64(b[i:i+8], w1)
	binary.LittleEndian.PutUint64(b[j:j+8], w2)
	return i + int(w1>>56), j + int(w2>>56)
}

// load64 returns s[k:k+8] as a little-endian word; the compiler turns it
// into a single load.
func load64(s string, k int) uint64 {
	s = s[k : k+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// anyEscaped is non-zero if any byte of w needs encoding.
func anyEscaped(w uint64) uint8 {
	return escaped[byte(w)] | escaped[byte(w>>8)] | escaped[byte(w>>16)] | escaped[byte(w>>24)] |
		escaped[byte(w>>32)] | escaped[byte(w>>40)] | escaped[byte(w>>48)] | escaped[byte(w>>56)]
}

// escapeCount returns how many bytes of s PercentEncode turns into %XX.
func escapeCount(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		n += int(escaped[s[k]])
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
	if ex, ey := escaped[x], escaped[y]; ex != ey {
		return int(ey) - int(ex)
	}
	return int(x) - int(y)
}
