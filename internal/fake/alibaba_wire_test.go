package fake

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/signer"
)

// paramsServer answers Params with every parameter the fake read, query
// and body merged.
func paramsServer(t *testing.T) *Server {
	s := NewServer(Config{
		Protocol: &Alibaba{Product: "Test", Version: "2019-12-26", HostID: "test.aliyuncs.com", Keys: map[string]AlibabaKey{keyID: {Secret: secret}}},
		Handlers: map[string]Handler{
			"Params": func(c *Call) Reply {
				return Reply{Body: map[string]any{"RequestId": c.RequestID, "Code": "OK", "Success": true, "Params": map[string]string(c.Params)}}
			},
		},
	})
	t.Cleanup(s.Close)
	return s
}

// sent is an HTTPClient that keeps the method and body of each request,
// after letting tamper change the body.
type sent struct {
	next   transport.HTTPClient
	tamper func([]byte) []byte
	method string
	body   []byte
}

func (s *sent) Do(r *http.Request) (*http.Response, error) {
	s.method, s.body = r.Method, nil
	if r.Body != nil {
		raw, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		if s.tamper != nil {
			raw = s.tamper(raw)
		}
		s.body = raw
		r.Body = io.NopCloser(bytes.NewReader(raw))
	}
	return s.next.Do(r)
}

type bodyParams struct {
	InstanceID string   `url:"InstanceId"`
	Jobs       []string `url:"JobsJson,omitempty,json,body"`
	Strategy   string   `url:"StrategyJson,omitempty,body"`
	Tags       []string `url:"Tag,omitempty,body"`
}

// TestAlibabaBodyAndGET: a request with body parameters verifies under both
// signature versions (V1 signs query and body together, ACS3 the body's
// hash), and so does a GET, whose parameters all travel in the query; the
// fake reads the same parameters either way.
func TestAlibabaBodyAndGET(t *testing.T) {
	s := paramsServer(t)
	req := bodyParams{InstanceID: "i 1", Jobs: []string{`{"a":"b c"}`}, Strategy: "x+y/未", Tags: []string{"t1", "t2"}}
	want := map[string]string{"InstanceId": "i 1", "JobsJson": `["{\"a\":\"b c\"}"]`, "StrategyJson": "x+y/未", "Tag.1": "t1", "Tag.2": "t2"}
	for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
		for _, method := range []string{http.MethodPost, http.MethodGet} {
			t.Run(v.String()+"/"+method, func(t *testing.T) {
				c := rpcClient(t, s, accessKey(t, keyID, secret, ""), v)
				wire := &sent{next: c.Transport.HTTPClient}
				c.Transport.HTTPClient = wire
				var out struct{ Params map[string]string }
				require.NoError(t, c.Invoke(t.Context(), rpc.Call{Action: "Params", Method: method, Request: req, Response: &out}))
				assert.Equal(t, method, wire.method)
				if method == http.MethodGet {
					assert.Empty(t, wire.body, "a GET has no body")
				} else {
					assert.Contains(t, string(wire.body), "StrategyJson=x%2By%2F%E6%9C%AA", "the body holds the body parameters")
				}
				for k, val := range want {
					assert.Equal(t, val, out.Params[k], k)
				}
			})
		}
	}
}

// TestAlibabaRefusesChangedBody: a body changed after signing fails the V1
// signature and the ACS3 body hash, with the gateway's error answer.
func TestAlibabaRefusesChangedBody(t *testing.T) {
	s := paramsServer(t)
	for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
		t.Run(v.String(), func(t *testing.T) {
			c := rpcClient(t, s, accessKey(t, keyID, secret, ""), v)
			c.Transport.HTTPClient = &sent{next: c.Transport.HTTPClient, tamper: func(b []byte) []byte { return bytes.Replace(b, []byte("t1"), []byte("t9"), 1) }}
			err := c.Invoke(t.Context(), rpc.Call{Action: "Params", Request: bodyParams{InstanceID: "i", Tags: []string{"t1"}}})
			var e *apierror.APIError
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "SignatureDoesNotMatch", e.Code)
			assert.Equal(t, http.StatusBadRequest, e.HTTPStatus)
			assert.Equal(t, "test.aliyuncs.com", e.HostID, "the gateway envelope")
			assert.NotEmpty(t, e.RequestID)
			assert.ErrorIs(t, err, apierror.ErrAuth)
			if v == signer.ACS3 {
				assert.Contains(t, e.Message, "x-acs-content-sha256", "ACS3 checks the body against its hash")
			}
		})
	}
}
