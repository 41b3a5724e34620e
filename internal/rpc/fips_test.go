package rpc

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/signer"
)

// TestFIPS140Only runs TestFIPS140OnlyChild in a copy of the test binary
// with GODEBUG=fips140=only.
func TestFIPS140Only(t *testing.T) {
	if os.Getenv("RPC_FIPS140_CHILD") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestFIPS140OnlyChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "GODEBUG=fips140=only", "RPC_FIPS140_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestFIPS140OnlyChild") {
		t.Fatalf("child under GODEBUG=fips140=only: %v\n%s", err, out)
	}
}

// TestFIPS140OnlyChild: in FIPS 140-only mode an RPCV1 call fails to build,
// sends nothing and says to sign with ACS3; an ACS3 call goes out signed.
func TestFIPS140OnlyChild(t *testing.T) {
	if os.Getenv("RPC_FIPS140_CHILD") == "" {
		return // run by TestFIPS140Only
	}
	const secret = "fipsSecretLongEnough0123456789" // FIPS needs 112-bit HMAC keys
	rec := &recorder{answers: []answer{{200, okBody}}}
	c := newClient(t, rec, staticCredential(t, "LTAIid", secret, ""))
	err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: describeRequest{InstanceID: "i-1"}})
	require.ErrorIs(t, err, signer.ErrFIPS140SHA1)
	var oe *apierror.OperationError
	require.True(t, errors.As(err, &oe), "%T is not an *OperationError", err)
	assert.Equal(t, 0, oe.Attempts, "nothing was sent")
	assert.Empty(t, rec.reqs, "nothing was sent")
	assert.Contains(t, err.Error(), "SignatureVersion to signer.ACS3")

	c.SignatureVersion = signer.ACS3
	require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: describeRequest{InstanceID: "i-1"}}))
	require.Len(t, rec.reqs, 1)
	assert.True(t, strings.HasPrefix(rec.reqs[0].Header.Get("Authorization"), "ACS3-HMAC-SHA256 "))

	// A secret too short for a FIPS HMAC key is refused, not a panic in
	// crypto/hmac.
	short := newClient(t, rec, staticCredential(t, "LTAIid", "short", ""))
	short.SignatureVersion = signer.ACS3
	err = short.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: describeRequest{InstanceID: "i-1"}})
	require.ErrorIs(t, err, signer.ErrFIPS140ShortKey)
	assert.Len(t, rec.reqs, 1, "nothing more was sent")
}
