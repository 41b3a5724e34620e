package signer

import (
	"crypto/fips140"
	"crypto/sha1"
	"errors"
)

// ErrFIPS140SHA1 is the error of SignRPC and RPCSignature in Go's FIPS 140-only
// mode (GODEBUG=fips140=only), which does not allow SHA-1 and so HMAC-SHA1.
// RPC signature version 1.0 has no other hash; ACS3 signs with HMAC-SHA256,
// which the mode allows.
var ErrFIPS140SHA1 = errors.New("signer: Alibaba RPC signature version 1.0 needs HMAC-SHA1, " +
	"which Go's FIPS 140-only mode (GODEBUG=fips140=only) does not allow; sign with ACS3 instead")

// ErrFIPS140ShortKey is the error of CheckHMACKeyLen for a key that Go's FIPS
// 140-only mode refuses: an HMAC key shorter than 112 bits.
var ErrFIPS140ShortKey = errors.New("signer: the secret is shorter than 112 bits, " +
	"which Go's FIPS 140-only mode (GODEBUG=fips140=only) does not allow as an HMAC key")

// CheckHMACKeyLen returns ErrFIPS140ShortKey when Go's FIPS 140-only mode
// would refuse an HMAC key of n bytes, and nil otherwise (always outside
// that mode). In that mode crypto/hmac panics on such a key, and SignACS3
// and SignTC3 report no error, so a caller that takes secrets from users
// checks them first: SignACS3 keys its MAC with the secret, SignTC3 its
// first MAC with "TC3" followed by the secret. Real AccessKey secrets and
// Tencent secret keys are 30 bytes or more.
func CheckHMACKeyLen(n int) error {
	if n < 112/8 && fipsOnly() {
		return ErrFIPS140ShortKey
	}
	return nil
}

// checkSHA1 returns ErrFIPS140SHA1 if Go's FIPS 140 module refuses SHA-1, as
// it does in FIPS 140-only mode, where crypto/hmac would panic on it.
func checkSHA1() error {
	if fipsOnly() {
		return ErrFIPS140SHA1
	}
	return nil
}

// fipsOnly reports whether Go runs in FIPS 140-only mode. A SHA-1 digest
// refuses every write with an error in that mode, so a write of nothing is
// the test. (crypto/fips140.Enforced says the same directly but needs Go
// 1.26.) The write is only tried when the module is enabled at all, which
// keeps the common case free of the digest's allocation.
func fipsOnly() bool {
	if !fips140.Enabled() {
		return false
	}
	_, err := sha1.New().Write(nil)
	return err != nil
}
