package signer

import "strings"

// Header names are ASCII tokens (RFC 9110 §5.1), so ASCII case folding is
// all the signers need and it never allocates.

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// appendLower appends s to dst with ASCII letters lowercased.
func appendLower(dst []byte, s string) []byte {
	start := len(dst)
	dst = append(dst, s...)
	for i, c := range dst[start:] {
		if 'A' <= c && c <= 'Z' {
			dst[start+i] = c + 'a' - 'A'
		}
	}
	return dst
}

// compareFold compares the ASCII-lowercased forms of a and b.
func compareFold(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if x, y := lowerASCII(a[i]), lowerASCII(b[i]); x != y {
			return int(x) - int(y)
		}
	}
	return len(a) - len(b)
}

// equalFold reports whether a and b are equal ignoring ASCII case. Unlike
// strings.EqualFold it does not match "hoſt" with "host".
func equalFold(a, b string) bool {
	return len(a) == len(b) && compareFold(a, b) == 0
}

// hasPrefixFold reports whether s begins with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFold(s[:len(prefix)], prefix)
}

// compareHeaders orders headers by lowercased name, then by value so that
// repeated names come out in a fixed order.
func compareHeaders(a, b Param) int {
	if c := compareFold(a.Key, b.Key); c != 0 {
		return c
	}
	return strings.Compare(a.Value, b.Value)
}

// compareHeadersFold is compareHeaders for signers that lowercase the
// values too: repeated names are ordered by the value as signed.
func compareHeadersFold(a, b Param) int {
	if c := compareFold(a.Key, b.Key); c != 0 {
		return c
	}
	return compareFold(a.Value, b.Value)
}

// appendCanonicalHeaders appends "name:value\n" for each of the sorted
// headers, names lowercased. Values are copied as given unless lowerValues
// is set (TC3 lowercases them, ACS3 does not).
func appendCanonicalHeaders(dst []byte, headers []Param, lowerValues bool) []byte {
	for _, h := range headers {
		dst = appendLower(dst, h.Key)
		dst = append(dst, ':')
		if lowerValues {
			dst = appendLower(dst, h.Value)
		} else {
			dst = append(dst, h.Value...)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// appendSignedHeaders appends the lowercased names of the sorted headers,
// joined by ';'.
func appendSignedHeaders(dst []byte, headers []Param) []byte {
	for i, h := range headers {
		if i > 0 {
			dst = append(dst, ';')
		}
		dst = appendLower(dst, h.Key)
	}
	return dst
}
