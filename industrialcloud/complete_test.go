package industrialcloud_test

import (
	"net/http"
	"testing"

	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestModelComplete: every operation of the model is a client method that
// sends every parameter, decodes every response member and validates every
// required parameter (see testutil.Complete).
func TestModelComplete(t *testing.T) {
	testutil.Complete(t, "../api/industrialcloud/2019-12-26.json", func(hc interface {
		Do(*http.Request) (*http.Response, error)
	}) (any, error) {
		return industrialcloud.New(industrialcloud.Options{Endpoint: "http://127.0.0.1:1", Token: "t", HTTPClient: hc})
	})
}
