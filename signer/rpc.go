package signer

import (
	"crypto/sha1"
	"encoding/base64"
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
// and gets it back in wire order, without a copy being made.
//
// In Go's FIPS 140-only mode SignRPC signs nothing and returns
// ErrFIPS140SHA1.
func SignRPC(method string, params []Param, accessKeySecret string) (RPCResult, error) {
	sortParams(params)

	// crypto/hmac hands its key and message on through interfaces, so
	// escape analysis moves whatever holds them to the heap. They share one
	// buffer with room for the MAC after them: the key (the secret
	// followed by '&': the scheme reserves room for a token secret after
	// the ampersand that Alibaba never uses), then the string to sign,
	// sized for the worst case, every byte escaped: five bytes (%25XX) and
	// three (%3D, %26) for each separator.
	raw, n := 0, 0
	for _, p := range params {
		if p.Key != rpcSignatureParam {
			raw += len(p.Key) + len(p.Value)
			n++
		}
	}
	keyLen := len(accessKeySecret) + 1
	buf := make([]byte, 0, keyLen+len(method)+len(rpcPath)+5*raw+3*2*n+sha1.Size)
	buf = append(buf, accessKeySecret...)
	buf = append(buf, '&')
	buf = append(buf, method...)
	buf = append(buf, rpcPath...)
	var local [1024]byte
	q, buf := appendRPCQuery(local[:0], buf, params)
	mac, err := hmacSHA1(buf[len(buf):], buf[:keyLen], buf[keyLen:])
	if err != nil {
		return RPCResult{}, err
	}
	clear(buf[:keyLen])
	sts := buf[keyLen:]
	var sig [rpcSignatureLen]byte
	base64.StdEncoding.Encode(sig[:], mac)

	// The three results share a second allocation.
	var b strings.Builder
	b.Grow(len(sts) + len(sig) + len(q))
	b.Write(sts)
	b.Write(sig[:])
	b.Write(q)
	r := b.String()
	return RPCResult{
		StringToSign:   r[:len(sts)],
		Signature:      r[len(sts) : len(sts)+len(sig)],
		CanonicalQuery: r[len(sts)+len(sig):],
	}, nil
}

// RPCCanonicalQuery returns the canonical query of params as SignRPC
// computes it, leaving out any parameter named "Signature". Like SignRPC it
// sorts params in place.
func RPCCanonicalQuery(params []Param) string {
	sortParams(params)
	var local [1024]byte
	return string(appendCanonicalQuery(local[:0], params, rpcSignatureParam))
}

// RPCStringToSign returns method + "&%2F&" + PercentEncode(canonicalQuery).
func RPCStringToSign(method, canonicalQuery string) string {
	var local [2048]byte
	return string(appendRPCStringToSign(local[:0], method, canonicalQuery))
}

// RPCSignature returns the standard Base64 of
// HMAC-SHA1(accessKeySecret + "&", stringToSign), or ErrFIPS140SHA1 in Go's
// FIPS 140-only mode.
func RPCSignature(accessKeySecret, stringToSign string) (string, error) {
	mac, err := hmacSHA1(nil, []byte(accessKeySecret+"&"), []byte(stringToSign))
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(mac), nil
}

// appendRPCStringToSign appends method + "&%2F&" + PercentEncode(query).
func appendRPCStringToSign(dst []byte, method, query string) []byte {
	dst = append(dst, method...)
	dst = append(dst, rpcPath...)
	return AppendPercentEncode(dst, query)
}

// appendRPCQuery appends the canonical query of the sorted params to q and
// its PercentEncode form to e in the same pass: a byte the canonical query
// holds as %XX is %25XX in e, and the '&' and '=' separators are %26 and
// %3D.
func appendRPCQuery(q, e []byte, params []Param) ([]byte, []byte) {
	first := true
	for _, p := range params {
		if p.Key == rpcSignatureParam {
			continue
		}
		if !first {
			q, e = append(q, '&'), append(e, "%26"...)
		}
		first = false
		q, e = appendEncodedTwice(q, e, p.Key)
		q, e = append(q, '='), append(e, "%3D"...)
		q, e = appendEncodedTwice(q, e, p.Value)
	}
	return q, e
}

// appendEncodedTwice appends PercentEncode(s) to q and
// PercentEncode(PercentEncode(s)) to e. Runs of unreserved bytes, which
// most keys and values are made of, are copied to both at once.
func appendEncodedTwice(q, e []byte, s string) ([]byte, []byte) {
	for s != "" {
		n := 0
		for n < len(s) && unreserved(s[n]) {
			n++
		}
		q, e = append(q, s[:n]...), append(e, s[:n]...)
		if n == len(s) {
			break
		}
		c := s[n]
		hi, lo := upperHex[c>>4], upperHex[c&0xF]
		q, e = append(q, '%', hi, lo), append(e, '%', '2', '5', hi, lo)
		s = s[n+1:]
	}
	return q, e
}
