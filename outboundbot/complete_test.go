package outboundbot_test

import (
	"net/http"
	"testing"

	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// TestModelComplete: every operation of the model is a client method that
// sends every parameter, decodes every response member and validates every
// required parameter (see testutil.Complete).
func TestModelComplete(t *testing.T) {
	cred, err := fake.TestCredential()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Complete(t, "../api/outboundbot/2019-12-26.json", func(hc interface {
		Do(*http.Request) (*http.Response, error)
	}) (any, error) {
		return outboundbot.New(outboundbot.Options{Credential: cred, HTTPClient: hc})
	})
}

// TestEveryOperationOfTheAPI: the client has a method for each of the 165
// operations of OutboundBot 2019-12-26, the count the official SDKs' API facts give
// (../shared/api/README.md), so no operation of the API is left out.
func TestEveryOperationOfTheAPI(t *testing.T) {
	cred, err := fake.TestCredential()
	if err != nil {
		t.Fatal(err)
	}
	client, err := outboundbot.New(outboundbot.Options{Credential: cred})
	if err != nil {
		t.Fatal(err)
	}
	if got := testutil.OperationMethods(client); len(got) != 165 {
		t.Errorf("%d operation methods, want the API's 165", len(got))
	}
}
