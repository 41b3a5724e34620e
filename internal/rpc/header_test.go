package rpc

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/signer"
)

// editingRecorder is an HTTPClient middleware that records each request's
// header as it arrives, then writes into the header's value slices in
// place, as a caller's wrapper may.
type editingRecorder struct {
	recorder
	seen []http.Header
}

func (r *editingRecorder) Do(req *http.Request) (*http.Response, error) {
	r.seen = append(r.seen, req.Header.Clone())
	resp, err := r.recorder.Do(req)
	for _, k := range []string{"Accept", "Content-Type", "User-Agent"} {
		if vs := req.Header[k]; len(vs) > 0 {
			vs[0] = "x"
		}
	}
	req.Header["Accept"] = append(req.Header["Accept"], "appended")
	return resp, err
}

// TestRequestsOwnTheirHeaders: what one request's HTTPClient does to its
// header values does not reach a later request, with either signature.
func TestRequestsOwnTheirHeaders(t *testing.T) {
	for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
		t.Run(v.String(), func(t *testing.T) {
			rec := &editingRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
			c := newClient(t, rec, staticCredential(t, "id", "secret", ""))
			c.SignatureVersion = v
			c.UserAgent = "ua/1"
			c.Prepare()
			for range 3 {
				require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Request: describeRequest{InstanceID: "i"}}))
			}
			require.Len(t, rec.seen, 3)
			want := map[string][]string{"Accept": {"application/json"}, "User-Agent": {"ua/1"}}
			if v == signer.RPCV1 {
				want["Content-Type"] = []string{"application/x-www-form-urlencoded"}
			}
			for i, h := range rec.seen {
				for k, vs := range want {
					assert.Equal(t, vs, h[k], "request %d %s", i+1, k)
				}
			}
		})
	}
}
