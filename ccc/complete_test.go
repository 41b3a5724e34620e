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
