package signer

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
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

// The signers compute HMAC (RFC 2104) over the one-shot sha1.Sum and
// sha256.Sum256 instead of going through crypto/hmac. Keying a crypto/hmac
// MAC costs five heap allocations and about as much time as building an
// RPC canonical query, and TC3 keys four MACs per request. Every message
// here already sits in a buffer the signer owns, laid out with blockSize
// bytes of room in front, so the inner hash is a single Sum over pad and
// message and nothing is allocated. The hashes are still the standard
// library's; only the composition is done here. The tests check these
// MACs against crypto/hmac.

// blockSize is the block size of SHA-1 and SHA-256, the length of the HMAC
// pads.
const blockSize = 64

// hmacSHA1 returns HMAC-SHA1(key, buf[blockSize:]). The first blockSize
// bytes of buf are overwritten: they hold the inner pad while hashing and
// are cleared afterwards.
func hmacSHA1(key, buf []byte) [sha1.Size]byte {
	if len(key) > blockSize {
		k := sha1.Sum(key)
		key = k[:]
	}
	var outer [blockSize + sha1.Size]byte
	setPads(buf[:blockSize], outer[:blockSize], key)
	inner := sha1.Sum(buf)
	copy(outer[blockSize:], inner[:])
	sum := sha1.Sum(outer[:])
	clear(buf[:blockSize])
	clear(outer[:blockSize])
	return sum
}

// hmacSHA256 is hmacSHA1 with SHA-256.
func hmacSHA256(key, buf []byte) [sha256.Size]byte {
	if len(key) > blockSize {
		k := sha256.Sum256(key)
		key = k[:]
	}
	var outer [blockSize + sha256.Size]byte
	setPads(buf[:blockSize], outer[:blockSize], key)
	inner := sha256.Sum256(buf)
	copy(outer[blockSize:], inner[:])
	sum := sha256.Sum256(outer[:])
	clear(buf[:blockSize])
	clear(outer[:blockSize])
	return sum
}

// setPads writes key XOR 0x36 to inner and key XOR 0x5c to outer, key
// zero-padded to blockSize.
func setPads(inner, outer, key []byte) {
	k := copy(inner[:blockSize], key)
	clear(inner[k:blockSize])
	for n := 0; n < blockSize; n += 8 {
		k := binary.LittleEndian.Uint64(inner[n : n+8])
		binary.LittleEndian.PutUint64(inner[n:n+8], k^0x3636363636363636)
		binary.LittleEndian.PutUint64(outer[n:n+8], k^0x5c5c5c5c5c5c5c5c)
	}
}

// joinKey returns a + b in dst's array when it fits, as keys always do in
// practice, and in a new slice otherwise. The caller clears it after use.
func joinKey(dst *[blockSize]byte, a, b string) []byte {
	if len(a)+len(b) > len(dst) {
		return []byte(a + b)
	}
	n := copy(dst[:], a)
	n += copy(dst[n:], b)
	return dst[:n]
}

// scratch returns local[:n] if n fits, else a new n-byte slice. With local
// an array on the caller's stack, ordinary requests allocate nothing.
func scratch(local []byte, n int) []byte {
	if n <= len(local) {
		return local[:n]
	}
	return make([]byte, n)
}
