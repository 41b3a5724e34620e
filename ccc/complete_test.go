package ccc_test

import (
	"net/http"
	"testing"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestModelComplete: every operation of the model is a client method that
// sends every parameter, decodes every response member and validates every
// required parameter (see testutil.Complete).
func TestModelComplete(t *testing.T) {
	cred, err := fake.TestCredential()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Complete(t, "../api/ccc/2020-07-01.json", func(hc interface {
		Do(*http.Request) (*http.Response, error)
	}) (any, error) {
		return ccc.New(ccc.Options{Credential: cred, HTTPClient: hc})
	})
}

// TestEveryOperationOfTheAPI: the client has a method for each of the 253
// operations of CCC 2020-07-01, the count the official SDKs' API facts give
// (../shared/api/README.md), so no operation of the API is left out.
func TestEveryOperationOfTheAPI(t *testing.T) {
	cred, err := fake.TestCredential()
	if err != nil {
		t.Fatal(err)
	}
	client, err := ccc.New(ccc.Options{Credential: cred})
	if err != nil {
		t.Fatal(err)
	}
	if got := testutil.OperationMethods(client); len(got) != 253 {
		t.Errorf("%d operation methods, want the API's 253", len(got))
	}
}
