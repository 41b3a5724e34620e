package outboundbottest

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// TestSpec: the generated spec is the model's; every operation's answer
// decodes with the client, and every bad parameter is refused with
// Alibaba's common codes (see testutil.FakeSpec).
func TestSpec(t *testing.T) {
	codes := testutil.FakeCodes{Missing: "MissingParameter", Invalid: "InvalidParameter", BelowMin: "InvalidParameter", AboveMax: "InvalidParameter"}
	testutil.FakeSpec(t, "../../api/outboundbot/2019-12-26.json", api(), codes, func(endpoint string) (any, error) {
		cred, err := fake.TestCredential()
		if err != nil {
			return nil, err
		}
		return outboundbot.New(outboundbot.Options{Endpoint: endpoint, Credential: cred})
	})
}
