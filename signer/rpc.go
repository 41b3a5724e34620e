package signer

import (
	"encoding/base64"
	"encoding/binary"
	"strings"
)

// rpcSignatureParam is the one parameter the RPC scheme never signs: it
// carries the signature itself.
const rpcSignatureParam = "Signature"

// rpcPath is "&" + PercentEncode("/") + "&": the RPC string to sign always
// names the root path.
const rpcPath = "&%2F&"

// rpcSignatureLen is the Base64 length of a 20-byte HMAC-SHA1.
const rpcSignatureLen = 28

// RPCResult holds the Alibaba RPC (signature version 1.0, HMAC-SHA1)
// signature and the intermediate strings it was computed from.
//
// Formatting an RPCResult with the fmt package prints the intermediate
// strings but replaces Signature with a placeholder; read the field
// directly to get the value to send.
type RPCResult struct {
	// CanonicalQuery is enc(key)=enc(value) for every signed parameter,
	// sorted by encoded key in byte order and joined by '&'. It is also
	// the query (or form body) to put on the wire, followed by
	// "&Signature=" + PercentEncode(Signature).
	CanonicalQuery string

	// StringToSign is METHOD + "&%2F&" + PercentEncode(CanonicalQuery).
	StringToSign string

	// Signature is the standard Base64 (with padding) of
	// HMAC-SHA1(AccessKeySecret + "&", StringToSign). It is a secret
	// for as long as the request is valid.
	Signature string
}

// SignRPC signs an Alibaba RPC request with signature version 1.0
// (HMAC-SHA1).
//
// params must hold every parameter of the request, query and form body
// alike, with the common ones (AccessKeyId, SignatureNonce, Timestamp, ...)
// included; a parameter named "Signature" is left out if present. method
// is the HTTP method as sent, e.g. "GET" or "POST".
//
// SignRPC sorts params in place by encoded key: the caller owns the slice
// and gets it back in wire order. Sorting in place rather than copying is
// part of what keeps SignRPC to a single allocation, the one holding the
// three result strings. Params already in that order are only checked.
func SignRPC(method string, params []Param, accessKeySecret string) RPCResult {
	st := statsOf(params, rpcSignatureParam)
	sortParams(params)

	// One pass writes the canonical query and its encoded copy, so the
	// encoded copy must start before the canonical query's length is
	// known; the scratch buffer is sized for the worst case instead of
	// reading every byte twice to measure it. The layout is
	//
	//	HMAC pad | method "&%2F&" enc(canonical query) ... | canonical query ...
	seps := st.separators()
	eStart := blockSize + len(method) + len(rpcPath)
	qStart := eStart + 5*st.raw + 3*seps + wordSlack
	var local [rpcScratch]byte
	buf := scratch(local[:], qStart+st.maxQueryLen()+wordSlack)
	n := blockSize + copy(buf[blockSize:], method)
	copy(buf[n:], rpcPath)
	qEnd, stsEnd := writeRPCQuery(buf, qStart, eStart, params)

	// The key is the secret followed by '&': the scheme reserves room for
	// a token secret after the ampersand that Alibaba never uses.
	var kb [blockSize]byte
	key := joinKey(&kb, accessKeySecret, "&")
	mac := hmacSHA1(key, buf[:stsEnd])
	clear(key)
	var sig [rpcSignatureLen]byte
	base64.StdEncoding.Encode(sig[:], mac[:])

	// The three results share one allocation.
	sts, q := buf[blockSize:stsEnd], buf[qStart:qEnd]
	var b strings.Builder
	b.Grow(len(sts) + len(sig) + len(q))
	b.Write(sts)
	b.Write(sig[:])
	b.Write(q)
	s := b.String()
	return RPCResult{
		CanonicalQuery: s[len(sts)+len(sig):],
		StringToSign:   s[:len(sts)],
		Signature:      s[len(sts) : len(sts)+len(sig)],
	}
}

// rpcScratch is the stack buffer size of SignRPC: enough for about 500
// bytes of parameter keys and values, which covers ordinary requests.
const rpcScratch = 4096

// writeRPCQuery writes the canonical query of the sorted params to b at i
// and its PercentEncode form to b at j, and returns the indexes after
// them. The '=' and '&' separators are literal in the first and %3D and
// %26 in the second.
func writeRPCQuery(b []byte, i, j int, params []Param) (int, int) {
	first := true
	for _, p := range params {
		if p.Key == rpcSignatureParam {
			continue
		}
		if !first {
			i, j = separatorTwice(b, i, j, '&')
		}
		first = false
		i, j = encodeTwiceInto(b, i, j, p.Key)
		i, j = separatorTwice(b, i, j, '=')
		i, j = encodeTwiceInto(b, i, j, p.Value)
	}
	return i, j
}

// separatorTwice writes c literally to b at i and encoded to b at j.
func separatorTwice(b []byte, i, j int, c byte) (int, int) {
	b[i] = c
	binary.LittleEndian.PutUint64(b[j:j+8], once[c])
	return i + 1, j + 3
}

// RPCCanonicalQuery returns the canonical query of params as SignRPC
// computes it, leaving out any parameter named "Signature". Like SignRPC it
// sorts params in place.
func RPCCanonicalQuery(params []Param) string {
	st := statsOf(params, rpcSignatureParam)
	sortParams(params)
	var local [1024]byte
	buf := scratch(local[:], st.maxQueryLen()+wordSlack)
	return string(appendCanonicalQuery(buf[:0], params, rpcSignatureParam, st))
}

// RPCStringToSign returns method + "&%2F&" + PercentEncode(canonicalQuery).
func RPCStringToSign(method, canonicalQuery string) string {
	var local [1024]byte
	buf := scratch(local[:], len(method)+len(rpcPath)+3*len(canonicalQuery)+wordSlack)[:0]
	buf = append(buf, method...)
	buf = append(buf, rpcPath...)
	return string(appendEncoded(buf, canonicalQuery))
}

// RPCSignature returns the standard Base64 of
// HMAC-SHA1(accessKeySecret + "&", stringToSign).
func RPCSignature(accessKeySecret, stringToSign string) string {
	var local [1024]byte
	buf := scratch(local[:], blockSize+len(stringToSign))
	copy(buf[blockSize:], stringToSign)
	var kb [blockSize]byte
	key := joinKey(&kb, accessKeySecret, "&")
	mac := hmacSHA1(key, buf)
	clear(key)
	var sig [rpcSignatureLen]byte
	base64.StdEncoding.Encode(sig[:], mac[:])
	return string(sig[:])
}
