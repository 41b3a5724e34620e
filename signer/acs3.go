package signer

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// acs3Algorithm names the scheme in the string to sign and in the
// Authorization header.
const acs3Algorithm = "ACS3-HMAC-SHA256"

// ACS3Request is what SignACS3 needs to know about a request.
type ACS3Request struct {
	// Method is the HTTP method as sent, e.g. "POST".
	Method string

	// CanonicalURI is the already encoded request path; "" means "/",
	// which is what every RPC-style API uses.
	CanonicalURI string

	// Query holds the decoded query parameters. SignACS3 encodes and sorts
	// them by encoded key (without modifying the slice); an empty value
	// gives "key=".
	Query []Param

	// Headers holds the request headers, names in any case. The signed
	// ones are host, content-type and every x-acs-* header; the others
	// (user-agent, accept, authorization, ...) are ignored. Names are
	// lowercased (ASCII), values trimmed of surrounding white space, and
	// the result sorted by name. Names are expected to be unique; a repeated
	// name is signed once per value, in value order.
	Headers []Param

	// HashedPayload is the lowercase hex SHA-256 of the exact body bytes
	// (see HashPayload), the same value as the x-acs-content-sha256
	// header. "" means the hash of an empty body, EmptyPayloadHash.
	HashedPayload string
}

// ACS3Result holds the Alibaba ACS3-HMAC-SHA256 (signature V3) signature
// and the intermediate strings it was computed from.
//
// Formatting an ACS3Result with the fmt package prints the intermediate
// strings but replaces Signature and Authorization with placeholders; read
// the fields directly to get the values to send.
type ACS3Result struct {
	// CanonicalQuery is enc(key)=enc(value) for each query parameter,
	// sorted by encoded key and joined by '&'; "" without a query.
	CanonicalQuery string

	// CanonicalHeaders is "name:value\n" for each signed header.
	CanonicalHeaders string

	// SignedHeaders is the signed header names joined by ';'.
	SignedHeaders string

	// HashedPayload is the hashed payload that was signed.
	HashedPayload string

	// CanonicalRequest is METHOD, CanonicalURI, CanonicalQuery,
	// CanonicalHeaders, SignedHeaders and HashedPayload joined by '\n'.
	// CanonicalHeaders ends in '\n', so an empty line precedes
	// SignedHeaders.
	CanonicalRequest string

	// HashedCanonicalRequest is the lowercase hex SHA-256 of
	// CanonicalRequest.
	HashedCanonicalRequest string

	// StringToSign is "ACS3-HMAC-SHA256\n" + HashedCanonicalRequest.
	StringToSign string

	// Signature is the lowercase hex HMAC-SHA256 of StringToSign keyed
	// with the AccessKey secret. It is a secret for as long as the
	// request is valid.
	Signature string

	// Authorization is the Authorization header value:
	// "ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<list>,Signature=<hex>".
	// It is as secret as Signature.
	Authorization string
}

// SignACS3 signs an Alibaba request with ACS3-HMAC-SHA256 (signature V3).
//
// The headers to sign, x-acs-date, x-acs-signature-nonce and
// x-acs-content-sha256 included, must already be in r.Headers with the
// values that will be sent. SignACS3 does not modify r's slices.
//
// In Go's FIPS 140-only mode crypto/hmac, and so SignACS3, panics on a
// secret shorter than 14 bytes.
func SignACS3(r ACS3Request, accessKeyID, accessKeySecret string) ACS3Result {
	uri := cmp.Or(r.CanonicalURI, "/")
	payload := cmp.Or(r.HashedPayload, EmptyPayloadHash)

	query := r.Query
	if !slices.IsSortedFunc(query, compareParams) {
		query = slices.Clone(query)
		sortParams(query)
	}

	// Requests sign seven or eight headers; the array keeps them off the
	// heap.
	var local [16]Param
	headers := acs3Headers(local[:0], r.Headers)

	// The canonical request and its five parts share one allocation.
	var crLocal [2048]byte
	buf := crLocal[:0]
	buf = append(buf, r.Method...)
	buf = append(buf, '\n')
	buf = append(buf, uri...)
	buf = append(buf, '\n')
	cqStart := len(buf)
	buf = appendCanonicalQuery(buf, query, "")
	cqEnd := len(buf)
	buf = append(buf, '\n')
	chStart := len(buf)
	buf = appendCanonicalHeaders(buf, headers, false)
	chEnd := len(buf)
	buf = append(buf, '\n')
	shStart := len(buf)
	buf = appendSignedHeaders(buf, headers)
	shEnd := len(buf)
	buf = append(buf, '\n')
	hpStart := len(buf)
	buf = append(buf, payload...)
	cr := string(buf)
	hashed := sha256.Sum256(buf)

	// crypto/hmac hands its key and message on through interfaces, so
	// escape analysis moves whatever holds them to the heap. They share one
	// buffer, sized exactly, with room for the MAC after them.
	keyLen := len(accessKeySecret)
	mbuf := make([]byte, 0, keyLen+len(acs3Algorithm)+1+2*sha256.Size+sha256.Size)
	mbuf = append(mbuf, accessKeySecret...)
	sts := mbuf[keyLen:]
	sts = append(sts, acs3Algorithm...)
	sts = append(sts, '\n')
	hcrStart := len(sts)
	sts = hex.AppendEncode(sts, hashed[:])
	mac := hmacSHA256(sts[len(sts):], mbuf[:keyLen], sts)
	clear(mbuf[:keyLen])

	// The string to sign, its hash and the Authorization value share a
	// second allocation.
	var outLocal [512]byte
	buf = append(outLocal[:0], sts...)
	stsEnd := len(buf)
	buf = append(buf, acs3Algorithm+" Credential="...)
	buf = append(buf, accessKeyID...)
	buf = append(buf, ",SignedHeaders="...)
	buf = append(buf, cr[shStart:shEnd]...)
	buf = append(buf, ",Signature="...)
	sigStart := len(buf)
	buf = hex.AppendEncode(buf, mac)
	s := string(buf)

	return ACS3Result{
		CanonicalQuery:         cr[cqStart:cqEnd],
		CanonicalHeaders:       cr[chStart:chEnd],
		SignedHeaders:          cr[shStart:shEnd],
		HashedPayload:          cr[hpStart:],
		CanonicalRequest:       cr,
		HashedCanonicalRequest: s[hcrStart:stsEnd],
		StringToSign:           s[:stsEnd],
		Signature:              s[sigStart:],
		Authorization:          s[stsEnd:],
	}
}

// acs3Headers appends to dst the headers ACS3 signs, values trimmed, and
// sorts them by lowercased name.
func acs3Headers(dst, headers []Param) []Param {
	for _, h := range headers {
		if acs3Signed(h.Key) {
			dst = append(dst, Param{h.Key, strings.TrimSpace(h.Value)})
		}
	}
	slices.SortFunc(dst, compareHeaders)
	return dst
}

// acs3Signed reports whether ACS3 signs the header named name.
func acs3Signed(name string) bool {
	return hasPrefixFold(name, "x-acs-") || equalFold(name, "host") || equalFold(name, "content-type")
}
