package signer

import (
	"crypto/fips140"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestFIPS140Only runs TestFIPS140OnlyChild in a copy of the test binary
// with GODEBUG=fips140=only, where Go's FIPS 140 module refuses SHA-1 and
// any MAC that does not go through it.
func TestFIPS140Only(t *testing.T) {
	if os.Getenv("SIGNER_FIPS140_CHILD") != "" {
		return // the child runs TestFIPS140OnlyChild only
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestFIPS140OnlyChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "GODEBUG=fips140=only", "SIGNER_FIPS140_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestFIPS140OnlyChild") {
		t.Fatalf("child under GODEBUG=fips140=only: %v\n%s", err, out)
	}
}

// TestFIPS140OnlyChild checks the signers in FIPS 140-only mode: ACS3 and
// TC3 produce the vectors' results (those whose keys FIPS allows: 112 bits
// or more), and RPC refuses with ErrFIPS140SHA1 instead of panicking.
func TestFIPS140OnlyChild(t *testing.T) {
	if os.Getenv("SIGNER_FIPS140_CHILD") == "" {
		return // run by TestFIPS140Only
	}
	if !fips140.Enabled() {
		t.Fatal("FIPS 140 mode is not enabled in the child")
	}
	vf := loadVectors(t)
	acs3 := 0
	for _, v := range vf.ACS3 {
		if len(v.AccessKeySecret) < 14 {
			continue // crypto/hmac refuses keys under 112 bits in this mode
		}
		acs3++
		req := ACS3Request{Method: v.Method, CanonicalURI: v.CanonicalURI, Query: paramsOf(v.Query), Headers: paramsOf(v.Headers)}
		if v.Body != "" {
			req.HashedPayload = HashPayload([]byte(v.Body))
		}
		got := SignACS3(req, v.AccessKeyID, v.AccessKeySecret)
		check(t, v.ID+" Authorization", got.Authorization, v.Authorization)
	}
	if acs3 == 0 {
		t.Fatal("no ACS3 vector has a key FIPS 140-only mode allows")
	}
	for _, v := range vf.TC3 {
		body := v.Payload
		if v.UnsignedPayload {
			body = UnsignedPayload
		}
		req := TC3Request{Method: v.Method, Host: v.Host, CanonicalURI: v.CanonicalURI, CanonicalQuery: v.CanonicalQuery,
			ContentType: v.ContentType, Service: v.Service, Timestamp: v.Timestamp}
		if body != "" {
			req.HashedPayload = HashPayload([]byte(body))
		}
		got := SignTC3(req, v.SecretID, v.SecretKey)
		check(t, v.ID+" Authorization", got.Authorization, v.Authorization)
	}

	v := vf.RPC[0]
	res, err := SignRPC(v.Method, paramsOf(v.Params), v.AccessKeySecret)
	if !errors.Is(err, ErrFIPS140SHA1) || res != (RPCResult{}) {
		t.Errorf("SignRPC = %+v, %v; want no result and ErrFIPS140SHA1", res, err)
	}
	if sig, err := RPCSignature(v.AccessKeySecret, v.StringToSign); !errors.Is(err, ErrFIPS140SHA1) || sig != "" {
		t.Errorf("RPCSignature = %q, %v; want ErrFIPS140SHA1", sig, err)
	}
	if !strings.Contains(ErrFIPS140SHA1.Error(), "ACS3") {
		t.Errorf("the error does not say what to use instead: %q", ErrFIPS140SHA1)
	}
	if err := CheckHMACKeyLen(13); !errors.Is(err, ErrFIPS140ShortKey) {
		t.Errorf("CheckHMACKeyLen(13) = %v; want ErrFIPS140ShortKey", err)
	}
	if err := CheckHMACKeyLen(14); err != nil {
		t.Errorf("CheckHMACKeyLen(14) = %v; want nil", err)
	}
}

// TestCheckHMACKeyLenOutsideFIPS: outside FIPS 140-only mode every key
// length is allowed.
func TestCheckHMACKeyLenOutsideFIPS(t *testing.T) {
	if os.Getenv("GODEBUG") != "" {
		return // the parent's environment decides; the child checks the mode
	}
	if err := CheckHMACKeyLen(1); err != nil {
		t.Errorf("CheckHMACKeyLen(1) = %v outside FIPS 140-only mode", err)
	}
}
