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

// checkSHA1 returns ErrFIPS140SHA1 if Go's FIPS 140 module refuses SHA-1, as
// it does in FIPS 140-only mode, where crypto/hmac would panic on it.
//
// A SHA-1 digest refuses every write with an error in that mode, so a write
// of nothing is the test. (crypto/fips140.Enforced says the same directly but
// needs Go 1.26.) The write is only tried when the module is enabled at all,
// which keeps the common case free of the digest's allocation.
func checkSHA1() error {
	if !fips140.Enabled() {
		return nil
	}
	if _, err := sha1.New().Write(nil); err != nil {
		return ErrFIPS140SHA1
	}
	return nil
}
