package signer

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
)

// tc3Algorithm names the scheme in the string to sign and in the
// Authorization header.
const tc3Algorithm = "TC3-HMAC-SHA256"

// tc3Terminator ends every credential scope and is the last message of the
// key derivation.
const tc3Terminator = "tc3_request"

// UnsignedPayload is the X-TC-Content-SHA256 header value that tells
// Tencent Cloud the body is not signed. With it, the hashed payload is
// HashPayload([]byte(UnsignedPayload)) rather than the body's hash.
const UnsignedPayload = "UNSIGNED-PAYLOAD"

// TC3Request is what SignTC3 needs to know about a request.
type TC3Request struct {
	// Method is the HTTP method, "POST" or "GET", uppercase as sent.
	Method string

	// Host is the Host header value, e.g. "cvm.tencentcloudapi.com".
	// Like every signed header value it is signed trimmed and with ASCII
	// letters lowercased, as the Tencent documentation requires.
	Host string

	// CanonicalURI is the request path; "" means "/", which API 3.0
	// always uses.
	CanonicalURI string

	// CanonicalQuery is, for GET, the raw query string exactly as sent
	// (without '?'); for POST it is "".
	CanonicalQuery string

	// ContentType is the Content-Type header value as sent, e.g.
	// "application/json" or "application/json; charset=utf-8".
	ContentType string

	// HashedPayload is the lowercase hex SHA-256 of the exact body bytes
	// (see HashPayload), or of UnsignedPayload when the body is sent
	// unsigned. "" means the hash of an empty body, EmptyPayloadHash.
	HashedPayload string

	// Service is the service name of the credential scope, e.g. "cvm".
	Service string

	// Timestamp is the X-TC-Timestamp value in Unix seconds. The scope
	// date is its UTC calendar date.
	Timestamp int64

	// ExtraHeaders are further headers to sign besides content-type and
	// host, such as x-tc-action; usually nil, which signs exactly what the
	// official SDK signs. Entries named content-type or host are ignored,
	// as those come from ContentType and Host.
	ExtraHeaders []Param
}

// TC3Result holds the Tencent Cloud TC3-HMAC-SHA256 signature and the
// intermediate values it was computed from.
//
// Formatting a TC3Result with the fmt package prints the intermediate
// strings but replaces the derived keys, Signature and Authorization with
// placeholders; read the fields directly to get the values.
type TC3Result struct {
	// CanonicalHeaders is "name:value\n" for each signed header, names and
	// values lowercased and values trimmed, sorted by name.
	CanonicalHeaders string

	// SignedHeaders is the signed header names joined by ';', usually
	// "content-type;host".
	SignedHeaders string

	// CanonicalRequest is METHOD, CanonicalURI, CanonicalQuery,
	// CanonicalHeaders, SignedHeaders and the hashed payload joined by
	// '\n'. CanonicalHeaders ends in '\n', so an empty line precedes
	// SignedHeaders.
	CanonicalRequest string

	// HashedCanonicalRequest is the lowercase hex SHA-256 of
	// CanonicalRequest.
	HashedCanonicalRequest string

	// Date is the UTC date of Timestamp, "YYYY-MM-DD".
	Date string

	// CredentialScope is Date + "/" + Service + "/tc3_request".
	CredentialScope string

	// StringToSign is "TC3-HMAC-SHA256\n" + Timestamp + "\n" +
	// CredentialScope + "\n" + HashedCanonicalRequest.
	StringToSign string

	// SecretDate, SecretService and SecretSigning are the derived key
	// chain: HMAC-SHA256 of Date keyed with "TC3" + SecretKey, then of
	// Service, then of "tc3_request", each keyed with the one before.
	// They are secrets; compare them in hex with a reference signer when
	// debugging.
	SecretDate, SecretService, SecretSigning []byte

	// Signature is the lowercase hex HMAC-SHA256 of StringToSign keyed
	// with SecretSigning. It is a secret for as long as the request is
	// valid.
	Signature string

	// Authorization is the Authorization header value:
	// "TC3-HMAC-SHA256 Credential=<SecretId>/<scope>, SignedHeaders=<list>, Signature=<hex>".
	// It is as secret as Signature.
	Authorization string
}

// SignTC3 signs a Tencent Cloud API 3.0 request with TC3-HMAC-SHA256.
//
// The X-TC-Timestamp header sent must be r.Timestamp. The X-TC-Token
// header of temporary credentials is not signed and does not enter here.
// SignTC3 does not modify r.ExtraHeaders.
//
// In Go's FIPS 140-only mode crypto/hmac, and so SignTC3, panics on a
// secretKey shorter than 11 bytes ("TC3" + secretKey is the first key).
func SignTC3(r TC3Request, secretID, secretKey string) TC3Result {
	uri := cmp.Or(r.CanonicalURI, "/")
	payload := cmp.Or(r.HashedPayload, EmptyPayloadHash)

	var local [8]Param
	headers := tc3Headers(local[:0], r)

	// The canonical request and its parts share one allocation, the
	// string to sign, its parts and the Authorization value a second one.
	var crLocal [1024]byte
	buf := crLocal[:0]
	buf = append(buf, r.Method...)
	buf = append(buf, '\n')
	buf = append(buf, uri...)
	buf = append(buf, '\n')
	buf = append(buf, r.CanonicalQuery...)
	buf = append(buf, '\n')
	chStart := len(buf)
	buf = appendCanonicalHeaders(buf, headers, true)
	chEnd := len(buf)
	buf = append(buf, '\n')
	shStart := len(buf)
	buf = appendSignedHeaders(buf, headers)
	shEnd := len(buf)
	buf = append(buf, '\n')
	buf = append(buf, payload...)
	cr := string(buf)
	hashed := sha256.Sum256(buf)

	// crypto/hmac hands its keys and messages on through interfaces, so
	// escape analysis moves whatever holds them to the heap. The first
	// key and the string to sign share one buffer; the other messages of
	// the key derivation are the parts of the credential scope inside the
	// string to sign. Offsets below are into the string to sign.
	keyLen := len("TC3") + len(secretKey)
	const maxTimestamp = len("-9223372036854775808")
	scopeLen := len("2006-01-02") + 1 + len(r.Service) + 1 + len(tc3Terminator)
	mbuf := make([]byte, 0, keyLen+len(tc3Algorithm)+1+maxTimestamp+1+scopeLen+1+2*sha256.Size)
	mbuf = append(mbuf, "TC3"...)
	mbuf = append(mbuf, secretKey...)
	mbuf = append(mbuf, tc3Algorithm...)
	mbuf = append(mbuf, '\n')
	mbuf = strconv.AppendInt(mbuf, r.Timestamp, 10)
	mbuf = append(mbuf, '\n')
	sts := mbuf[keyLen:]
	dateStart := len(sts)
	sts = time.Unix(r.Timestamp, 0).UTC().AppendFormat(sts, "2006-01-02")
	dateEnd := len(sts)
	sts = append(sts, '/')
	sts = append(sts, r.Service...)
	serviceEnd := len(sts)
	sts = append(sts, '/')
	sts = append(sts, tc3Terminator...)
	scopeEnd := len(sts)
	sts = append(sts, '\n')
	hcrStart := len(sts)
	sts = hex.AppendEncode(sts, hashed[:])

	keys := tc3DeriveKeys(mbuf[:keyLen], sts[dateStart:dateEnd], sts[dateEnd+1:serviceEnd], sts[serviceEnd+1:scopeEnd])
	clear(mbuf[:keyLen])
	signing := keys[2*sha256.Size:]
	mac := hmacSHA256(keys, signing, sts)[3*sha256.Size:]

	// The string to sign, its parts and the Authorization value share a
	// second allocation.
	var outLocal [512]byte
	buf = append(outLocal[:0], sts...)
	authStart := len(buf)
	buf = append(buf, tc3Algorithm+" Credential="...)
	buf = append(buf, secretID...)
	buf = append(buf, '/')
	buf = append(buf, sts[dateStart:scopeEnd]...)
	buf = append(buf, ", SignedHeaders="...)
	buf = append(buf, cr[shStart:shEnd]...)
	buf = append(buf, ", Signature="...)
	sigStart := len(buf)
	buf = hex.AppendEncode(buf, mac)
	out := string(buf)

	return TC3Result{
		CanonicalHeaders:       cr[chStart:chEnd],
		SignedHeaders:          cr[shStart:shEnd],
		CanonicalRequest:       cr,
		HashedCanonicalRequest: out[hcrStart:authStart],
		Date:                   out[dateStart:dateEnd],
		CredentialScope:        out[dateStart:scopeEnd],
		StringToSign:           out[:authStart],
		SecretDate:             keys[:sha256.Size:sha256.Size],
		SecretService:          keys[sha256.Size : 2*sha256.Size : 2*sha256.Size],
		SecretSigning:          signing[:sha256.Size:sha256.Size],
		Signature:              out[sigStart:],
		Authorization:          out[authStart:],
	}
}

// tc3DeriveKeys returns SecretDate, SecretService and SecretSigning, derived
// from key ("TC3" + SecretKey) through date, service and terminator, laid
// end to end in one slice with room after them for the signature's MAC.
func tc3DeriveKeys(key, date, service, terminator []byte) []byte {
	keys := make([]byte, 0, 4*sha256.Size)
	keys = hmacSHA256(keys, key, date)
	keys = hmacSHA256(keys, keys[:sha256.Size], service)
	return hmacSHA256(keys, keys[sha256.Size:], terminator)
}

// tc3Headers appends to dst content-type, host and the extra headers with
// values trimmed, and sorts them by lowercased name.
func tc3Headers(dst []Param, r TC3Request) []Param {
	dst = append(dst,
		Param{"content-type", strings.TrimSpace(r.ContentType)},
		Param{"host", strings.TrimSpace(r.Host)})
	for _, h := range r.ExtraHeaders {
		if equalFold(h.Key, "content-type") || equalFold(h.Key, "host") {
			continue
		}
		dst = append(dst, Param{h.Key, strings.TrimSpace(h.Value)})
	}
	slices.SortFunc(dst, compareHeadersFold)
	return dst
}
