package signer

import "slices"

// Param is one decoded request parameter or header: the key and value as
// they mean something to the API, before any percent-encoding.
type Param struct{ Key, Value string }

// sortParams sorts params in place by PercentEncode(Key) in byte order,
// breaking ties by encoded value so the result does not depend on the
// input order.
func sortParams(params []Param) {
	slices.SortFunc(params, compareParams)
}

// compareParams orders params by encoded key, then by encoded value.
func compareParams(a, b Param) int {
	if c := compareEncoded(a.Key, b.Key); c != 0 {
		return c
	}
	return compareEncoded(a.Value, b.Value)
}

// appendCanonicalQuery appends enc(k)=enc(v) for each parameter of the
// sorted params, joined by '&', leaving out any parameter named skip when
// skip is not empty.
func appendCanonicalQuery(dst []byte, params []Param, skip string) []byte {
	first := true
	for _, p := range params {
		if skip != "" && p.Key == skip {
			continue
		}
		if !first {
			dst = append(dst, '&')
		}
		first = false
		dst = AppendPercentEncode(dst, p.Key)
		dst = append(dst, '=')
		dst = AppendPercentEncode(dst, p.Value)
	}
	return dst
}
