package signer

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
)

// EmptyPayloadHash is HashPayload(nil): the hashed payload of a request
// without a body.
const EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// HashPayload returns the lowercase hex SHA-256 of body, the hashed payload
// both ACS3 and TC3 sign (and the x-acs-content-sha256 header value).
//
// Hash exactly the bytes that will be sent: re-encoding a JSON body after
// hashing it (key order, spacing, HTML escapes such as \u003c) breaks the
// signature.
func HashPayload(body []byte) string {
	sum := sha256.Sum256(body)
	var dst [2 * sha256.Size]byte
	hex.Encode(dst[:], sum[:])
	return string(dst[:])
}

// hmacSHA256 appends HMAC-SHA256(key, msg) to dst. The MAC is crypto/hmac's,
// so it runs inside Go's FIPS 140 module when that is enabled.
func hmacSHA256(dst, key, msg []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	return mac.Sum(dst)
}

// hmacSHA1 appends HMAC-SHA1(key, msg) to dst, or returns ErrFIPS140SHA1
// where FIPS 140-only mode refuses SHA-1.
func hmacSHA1(dst, key, msg []byte) ([]byte, error) {
	if err := checkSHA1(); err != nil {
		return dst, err
	}
	mac := hmac.New(sha1.New, key)
	mac.Write(msg)
	return mac.Sum(dst), nil
}
