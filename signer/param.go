package signer

import "slices"

// Param is one decoded request parameter or header: the key and value as
// they mean something to the API, before any percent-encoding.
type Param struct{ Key, Value string }

// sortParams sorts params in place by PercentEncode(Key) in byte order,
// breaking ties by encoded value so the result does not depend on the
// input order.
func sortParams(params []Param) {
	// Callers that build their parameters in canonical order, as
	// generated code can, pay only for this check, which gives up at the
	// first pair out of order.
	if slices.IsSortedFunc(params, compareParams) {
		return
	}
	if len(params) > maxPrefixSort {
		slices.SortFunc(params, compareParams)
		return
	}
	sortByPrefix(params, 0)
}

// sortByPrefix sorts params whose keys agree before byte offset.
//
// Requests have a dozen or two parameters. They are sorted as 7-byte key
// prefixes with the parameter's index in the low byte: plain integers on
// the stack that slices.Sort compares inline. Sorting the Params
// themselves costs an indirect call and a string comparison per
// comparison and moves strings around the heap, which together took
// longer than the HMAC. Keys that share the prefix (SignatureMethod,
// SignatureNonce, ...) are sorted again by their next seven bytes.
func sortByPrefix(params []Param, offset int) {
	var keys [maxPrefixSort]uint64
	ks := keys[:len(params)]
	longest := 0
	for i, p := range params {
		ks[i] = encodedPrefix(p.Key, offset)<<8 | uint64(i)
		longest = max(longest, len(p.Key))
	}
	slices.Sort(ks)
	permute(params, ks)

	for i := 0; i < len(ks); {
		j := i + 1
		for j < len(ks) && ks[j]>>8 == ks[i]>>8 {
			j++
		}
		switch {
		case j-i == 1:
		case offset+7 < min(longest, maxPrefixDepth):
			sortByPrefix(params[i:j], offset+7)
		default: // equal or very long keys, or a zero byte against the padding
			slices.SortFunc(params[i:j], compareParams)
		}
		i = j
	}
}

// permute reorders params so that params[i] is the old params[byte(ks[i])],
// moving each element at most once by following the permutation's cycles.
func permute(params []Param, ks []uint64) {
	var done uint32
	for start := range params {
		if done&(1<<start) != 0 || int(byte(ks[start])) == start {
			continue
		}
		tmp := params[start]
		at := start
		for {
			done |= 1 << at
			from := int(byte(ks[at]))
			if from == start {
				params[at] = tmp
				break
			}
			params[at] = params[from]
			at = from
		}
	}
}

// maxPrefixSort bounds the stack array of sortParams; it must fit the
// index byte of a prefix key and the bits of permute's set.
const maxPrefixSort = 32

// maxPrefixDepth is how far into the keys sortByPrefix looks before
// leaving the rest to full comparisons.
const maxPrefixDepth = 64

// encodedPrefix packs the ranks of the seven bytes of key from offset on,
// big endian and zero padded, into the top 56 bits. Prefixes order like
// the encoded keys do; equal prefixes need a closer look.
func encodedPrefix(key string, offset int) uint64 {
	key = key[min(offset, len(key)):]
	if len(key) >= 7 {
		k := key[:7]
		return uint64(rank[k[0]])<<48 | uint64(rank[k[1]])<<40 | uint64(rank[k[2]])<<32 |
			uint64(rank[k[3]])<<24 | uint64(rank[k[4]])<<16 | uint64(rank[k[5]])<<8 | uint64(rank[k[6]])
	}
	var p uint64
	for i := range len(key) {
		p |= uint64(rank[key[i]]) << (48 - 8*i)
	}
	return p
}

// compareParams orders params by encoded key, then by encoded value.
func compareParams(a, b Param) int {
	if c := compareEncoded(a.Key, b.Key); c != 0 {
		return c
	}
	return compareEncoded(a.Value, b.Value)
}

// queryStats is what the canonical query builders need to size their
// buffers before writing a byte.
type queryStats struct {
	n   int // parameters included
	raw int // bytes in their keys and values
}

// statsOf measures params, leaving out any parameter named skip when skip
// is not empty.
func statsOf(params []Param, skip string) queryStats {
	var st queryStats
	for _, p := range params {
		if skip != "" && p.Key == skip {
			continue
		}
		st.n++
		st.raw += len(p.Key) + len(p.Value)
	}
	return st
}

// separators counts the '=' and '&' bytes of the canonical query.
func (st queryStats) separators() int {
	return max(2*st.n-1, 0)
}

// maxQueryLen bounds the length of the canonical query: every byte
// encoded to three.
func (st queryStats) maxQueryLen() int {
	return 3*st.raw + st.separators()
}

// appendCanonicalQuery appends enc(k)=enc(v) for each parameter of the
// sorted params, joined by '&', leaving out any parameter named skip. st
// must be statsOf(params, skip).
func appendCanonicalQuery(dst []byte, params []Param, skip string, st queryStats) []byte {
	i := len(dst)
	dst = slices.Grow(dst, st.maxQueryLen()+wordSlack)
	b := dst[:cap(dst)]
	for _, p := range params {
		if skip != "" && p.Key == skip {
			continue
		}
		if i > len(dst) {
			b[i] = '&'
			i++
		}
		i = encodeInto(b, i, p.Key)
		b[i] = '='
		i = encodeInto(b, i+1, p.Value)
	}
	return dst[:i]
}
