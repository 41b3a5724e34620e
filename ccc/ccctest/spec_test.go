package ccctest

import (
	"testing"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestSpec: the generated spec is the model's; every operation's answer
// decodes with the client, and every bad parameter is refused with CCC's
// Parameter.* codes (see testutil.FakeSpec).
func TestSpec(t *testing.T) {
	codes := testutil.FakeCodes{Missing: ccc.CodeParameterBlank, Invalid: "InvalidParameter",
		BelowMin: ccc.CodeParameterMinimum, AboveMax: ccc.CodeParameterMaximum}
	testutil.FakeSpec(t, "../../api/ccc/2020-07-01.json", api(), codes, func(endpoint string) (any, error) {
		cred, err := fake.TestCredential()
		if err != nil {
			return nil, err
		}
		return ccc.New(ccc.Options{Endpoint: endpoint, Credential: cred})
	})
}
