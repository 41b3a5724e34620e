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
func SignTC3(r TC3Request, secretID, secretKey string) TC3Result {
	uri := cmp.Or(r.CanonicalURI, "/")
	payload := cmp.Or(r.HashedPayload, EmptyPayloadHash)

	var local [8]Param
	headers := tc3Headers(local[:0], r)
	chLen, shLen := headersLen(headers)

	var crLocal [1024]byte
	crLen := len(r.Method) + 1 + len(uri) + 1 + len(r.CanonicalQuery) + 1 + chLen + 1 + shLen + 1 + len(payload)
	buf := scratch(crLocal[:], crLen)[:0]
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

	// The string to sign and the Authorization value share the second
	// allocation; the HMAC pad goes in front of the string to sign. The
	// credential scope inside the string to sign also supplies the date
	// for the key derivation.
	const credential = tc3Algorithm + " Credential="
	const signedHeaders = ", SignedHeaders="
	const signature = ", Signature="
	scopeLen := len("2006-01-02") + 1 + len(r.Service) + 1 + len(tc3Terminator)
	const maxTimestamp = len("-9223372036854775808")
	n := blockSize + len(tc3Algorithm) + 1 + maxTimestamp + 1 + scopeLen + 1 + 2*sha256.Size +
		len(credential) + len(secretID) + 1 + scopeLen + len(signedHeaders) + shLen +
		len(signature) + 2*sha256.Size
	var stsLocal [512]byte
	buf = scratch(stsLocal[:], n)[:blockSize]
	buf = append(buf, tc3Algorithm...)
	buf = append(buf, '\n')
	buf = strconv.AppendInt(buf, r.Timestamp, 10)
	buf = append(buf, '\n')
	dateStart := len(buf)
	buf = time.Unix(r.Timestamp, 0).UTC().AppendFormat(buf, "2006-01-02")
	dateEnd := len(buf)
	buf = append(buf, '/')
	buf = append(buf, r.Service...)
	buf = append(buf, '/')
	buf = append(buf, tc3Terminator...)
	scopeEnd := len(buf)
	buf = append(buf, '\n')
	hcrStart := len(buf)
	buf = hex.AppendEncode(buf, hashed[:])
	stsEnd := len(buf)

	keys := tc3DeriveKeys(secretKey, buf[dateStart:dateEnd], r.Service)
	mac := hmacSHA256(keys[2*sha256.Size:], buf[:stsEnd])

	authStart := len(buf)
	buf = append(buf, credential...)
	buf = append(buf, secretID...)
	buf = append(buf, '/')
	buf = append(buf, buf[dateStart:scopeEnd]...)
	buf = append(buf, signedHeaders...)
	buf = append(buf, cr[shStart:shEnd]...)
	buf = append(buf, signature...)
	sigStart := len(buf)
	buf = hex.AppendEncode(buf, mac[:])
	s := string(buf[blockSize:])
	const pad = blockSize // s starts after the pad

	return TC3Result{
		CanonicalHeaders:       cr[chStart:chEnd],
		SignedHeaders:          cr[shStart:shEnd],
		CanonicalRequest:       cr,
		HashedCanonicalRequest: s[hcrStart-pad : stsEnd-pad],
		Date:                   s[dateStart-pad : dateEnd-pad],
		CredentialScope:        s[dateStart-pad : scopeEnd-pad],
		StringToSign:           s[:stsEnd-pad],
		SecretDate:             keys[:sha256.Size:sha256.Size],
		SecretService:          keys[sha256.Size : 2*sha256.Size : 2*sha256.Size],
		SecretSigning:          keys[2*sha256.Size:],
		Signature:              s[sigStart-pad:],
		Authorization:          s[authStart-pad:],
	}
}

// tc3DeriveKeys returns SecretDate, SecretService and SecretSigning laid
// end to end in one slice.
func tc3DeriveKeys(secretKey string, date []byte, service string) []byte {
	keys := make([]byte, 3*sha256.Size)
	var kb [blockSize]byte
	key := joinKey(&kb, "TC3", secretKey)
	var local [2 * blockSize]byte

	buf := scratch(local[:], blockSize+len(date))
	copy(buf[blockSize:], date)
	k := hmacSHA256(key, buf)
	clear(key)
	copy(keys, k[:])

	buf = scratch(local[:], blockSize+len(service))
	copy(buf[blockSize:], service)
	k = hmacSHA256(keys[:sha256.Size], buf)
	copy(keys[sha256.Size:], k[:])

	buf = scratch(local[:], blockSize+len(tc3Terminator))
	copy(buf[blockSize:], tc3Terminator)
	k = hmacSHA256(keys[sha256.Size:2*sha256.Size], buf)
	copy(keys[2*sha256.Size:], k[:])
	clear(k[:])
	return keys
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
