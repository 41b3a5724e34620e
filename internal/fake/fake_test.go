package fake

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/redact"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/signer"
)

const (
	keyID   = "LTAI-fake"
	secret  = "fake-secret-CANARY"
	stsID   = "STS.fake"
	stsKey  = "sts-secret-CANARY"
	stsTok  = "sts-token-CANARY"
	product = "testproduct"
)

// echoServer answers Echo with the parameter Value, and counts writes.
func echoServer(t *testing.T) (*Server, *atomic.Int64) {
	var writes atomic.Int64
	s := NewServer(Config{
		Protocol: &Alibaba{Product: "Test", Version: "2019-12-26", HostID: "test.aliyuncs.com",
			Keys: map[string]AlibabaKey{keyID: {Secret: secret}, stsID: {Secret: stsKey, SecurityToken: stsTok}}},
		Handlers: map[string]Handler{
			"Echo": func(c *Call) Reply {
				return Reply{Body: map[string]any{"RequestId": c.RequestID, "Code": "OK", "Success": true, "Value": c.Params["Value"]}}
			},
			"Create": func(c *Call) Reply {
				writes.Add(1)
				return Reply{Body: map[string]any{"RequestId": c.RequestID, "Code": "OK", "Success": true}}
			},
		},
	})
	t.Cleanup(s.Close)
	return s, &writes
}

func accessKey(t *testing.T, id, sec, token string) credentials.Credential {
	cfg := new(credentials.Config).SetType("access_key").SetAccessKeyId(id).SetAccessKeySecret(sec)
	if token != "" {
		cfg.SetType("sts").SetSecurityToken(token)
	}
	c, err := credentials.NewCredential(cfg)
	require.NoError(t, err)
	return c
}

func rpcClient(t *testing.T, s *Server, cred credentials.Credential, v signer.Version) *rpc.Client {
	ep, err := transport.ParseEndpoint(s.URL())
	require.NoError(t, err)
	return &rpc.Client{Product: product, Version: "2019-12-26", Endpoint: ep, Credential: cred, SignatureVersion: v,
		Transport: transport.Config{HTTPClient: transport.NewHTTPClient(), Retry: transport.Retry{BaseDelay: time.Millisecond}}}
}

type echoReq struct {
	Value string `url:"Value"`
}

type echoResp struct {
	RequestID string `json:"RequestId"`
	Value     string
}

func echo(t *testing.T, c *rpc.Client, value string) (echoResp, error) {
	var out echoResp
	err := c.Invoke(t.Context(), rpc.Call{Action: "Echo", Idempotent: true, Request: echoReq{value}, Response: &out})
	return out, err
}

func TestAlibabaAcceptsBothSignatureVersions(t *testing.T) {
	s, _ := echoServer(t)
	for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
		for _, cred := range []credentials.Credential{accessKey(t, keyID, secret, ""), accessKey(t, stsID, stsKey, stsTok)} {
			out, err := echo(t, rpcClient(t, s, cred, v), "a b+c/未*~")
			require.NoError(t, err, v)
			assert.Equal(t, "a b+c/未*~", out.Value)
			assert.NotEmpty(t, out.RequestID)
		}
	}
}

func TestAlibabaRejects(t *testing.T) {
	s, _ := echoServer(t)
	tests := []struct {
		name string
		cred credentials.Credential
		code string
		cat  error
	}{
		{"wrong secret", accessKey(t, keyID, "wrong", ""), "SignatureDoesNotMatch", apierror.ErrAuth},
		{"unknown key", accessKey(t, "LTAI-unknown", secret, ""), "InvalidAccessKeyId.NotFound", apierror.ErrAuth},
		{"wrong STS token", accessKey(t, stsID, stsKey, "other-token"), "InvalidSecurityToken.MismatchWithAccessKey", apierror.ErrAuth},
		{"missing STS token", accessKey(t, stsID, stsKey, ""), "InvalidSecurityToken.MismatchWithAccessKey", apierror.ErrAuth},
	}
	for _, tt := range tests {
		for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
			t.Run(tt.name+"/"+v.String(), func(t *testing.T) {
				_, err := echo(t, rpcClient(t, s, tt.cred, v), "x")
				var e *apierror.APIError
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.code, e.Code)
				assert.ErrorIs(t, err, tt.cat)
				assert.NotEmpty(t, e.RequestID)
			})
		}
	}
}

func TestAlibabaClockSkewAndNonceReuse(t *testing.T) {
	s, _ := echoServer(t)
	c := rpcClient(t, s, accessKey(t, keyID, secret, ""), signer.RPCV1)
	c.Now = func() time.Time { return time.Now().Add(-16 * time.Minute) }
	_, err := echo(t, c, "x")
	var e *apierror.APIError
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "InvalidTimeStamp.Expired", e.Code)

	c.Now = func() time.Time { return time.Now().Add(14 * time.Minute) }
	_, err = echo(t, c, "x")
	require.NoError(t, err, "14 minutes of skew is accepted")

	c.Now = nil
	c.Nonce = func() string { return "fixed-nonce" }
	c.Transport.Retry = transport.Retry{MaxAttempts: 1}
	_, err = echo(t, c, "x")
	require.NoError(t, err)
	_, err = echo(t, c, "x")
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "SignatureNonceUsed", e.Code)
}

func TestFaults(t *testing.T) {
	s, writes := echoServer(t)
	c := rpcClient(t, s, accessKey(t, keyID, secret, ""), signer.RPCV1)

	// A read retries through each transient fault and succeeds.
	for _, f := range []Fault{
		{Code: "ServiceUnavailable", Status: 503},
		{Code: "Throttling.User", Status: 400},
		{Drop: true},
		{ResetMidBody: true},
		{Body: "<html><body>502 Bad Gateway</body></html>", Status: 502, ContentType: "text/html"},
		{Status: 500, Code: "InternalError", Times: 2},
	} {
		s.ResetRequests()
		s.Inject(f)
		out, err := echo(t, c, "ok")
		require.NoError(t, err, "%+v", f)
		assert.Equal(t, "ok", out.Value)
		assert.Len(t, s.Requests(), max(f.Times, 1)+1, "%+v", f)
	}

	// A write that reached the service and lost its answer is not resent.
	s.Inject(Fault{Action: "Create", ResetMidBody: true, AfterHandler: true})
	err := c.Invoke(t.Context(), rpc.Call{Action: "Create"})
	require.Error(t, err)
	assert.True(t, errors.Is(err, syscall.ECONNRESET) || strings.Contains(err.Error(), "EOF"), err.Error())
	assert.Equal(t, int64(1), writes.Load(), "the create happened once and was not repeated")
	assert.Equal(t, 1, s.Received("Create"))

	// Latency past the deadline: the call gives up promptly.
	s.Inject(Fault{Latency: time.Minute})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	var out echoResp
	err = c.Invoke(ctx, rpc.Call{Action: "Echo", Idempotent: true, Response: &out})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 5*time.Second)
	s.ClearFaults()

	// A malformed 200 is a DecodeError, not retried.
	s.Inject(Fault{Body: `{"RequestId":"x","Value":`})
	_, err = echo(t, c, "x")
	var de *apierror.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 200, de.HTTPStatus)
}

func TestRecordsAreRedacted(t *testing.T) {
	s, _ := echoServer(t)
	for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
		_, err := echo(t, rpcClient(t, s, accessKey(t, stsID, stsKey, stsTok), v), "visible")
		require.NoError(t, err)
	}
	recs := s.Requests()
	require.Len(t, recs, 2)
	for _, r := range recs {
		assert.Equal(t, "Echo", r.Action)
		assert.Equal(t, "visible", r.Params["Value"])
		assert.Equal(t, 200, r.Status)
		dump := fmt.Sprintf("%+v", r)
		assert.NotContains(t, dump, stsTok)
		assert.NotContains(t, dump, stsKey)
	}
	assert.Equal(t, redact.Placeholder, recs[0].Params["Signature"])
	assert.Equal(t, redact.Placeholder, recs[0].Params["SecurityToken"])
	assert.Equal(t, []string{redact.Placeholder}, recs[1].Header["Authorization"])
	assert.Equal(t, []string{redact.Placeholder}, recs[1].Header["X-Acs-Security-Token"])
}

var lowerHex = strings.NewReplacer("%2B", "%2b", "%2F", "%2f", "%3D", "%3d")

// A request that repeats its SecurityToken elsewhere, in any spelling, is
// recorded without it.
func TestRecordsRedactRepeatedSecrets(t *testing.T) {
	const token = "sts+token/CANARY=="
	s, _ := echoServer(t)
	s.cfg.Protocol.(*Alibaba).Keys[stsID] = AlibabaKey{Secret: stsKey, SecurityToken: token}
	for _, value := range []string{token, "see " + url.QueryEscape(token), lowerHex.Replace(url.QueryEscape(url.QueryEscape(token)))} {
		_, err := echo(t, rpcClient(t, s, accessKey(t, stsID, stsKey, token), signer.RPCV1), value)
		require.NoError(t, err)
	}
	recs := s.Requests()
	require.Len(t, recs, 3)
	assert.Equal(t, redact.Placeholder, recs[0].Params["Value"])
	assert.Equal(t, "see "+redact.Placeholder, recs[1].Params["Value"])
	assert.Equal(t, redact.Placeholder, recs[2].Params["Value"])
	for _, r := range recs {
		assert.NotContains(t, fmt.Sprintf("%+v", r), "CANARY")
	}
}

func TestUnknownActionAndVersion(t *testing.T) {
	s, _ := echoServer(t)
	c := rpcClient(t, s, accessKey(t, keyID, secret, ""), signer.RPCV1)
	err := c.Invoke(t.Context(), rpc.Call{Action: "Nope", Idempotent: true})
	var e *apierror.APIError
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "InvalidAction.NotFound", e.Code)

	c.Version = "2000-01-01"
	_, err = echo(t, c, "x")
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "InvalidVersion", e.Code)
}

// tencentServer answers Describe with the token-protected payload.
func tencentServer(t *testing.T, valid *atomic.Value) *Server {
	s := NewServer(Config{
		Protocol: &Tencent{Version: "2019-12-26", Service: "instance-console-app", Keys: map[string]string{"AKID1": "tc3-secret"},
			ValidToken: func(tok string) bool { return tok == valid.Load().(string) }},
		Handlers: map[string]Handler{
			"Describe": func(c *Call) Reply { return Reply{Body: map[string]any{"Data": map[string]string{"Name": "n1"}}} },
		},
	})
	t.Cleanup(s.Close)
	return s
}

func tc3Client(t *testing.T, s *Server, cred tc3api.Credentials) *tc3api.Client {
	ep, err := transport.ParseEndpoint(s.URL())
	require.NoError(t, err)
	return &tc3api.Client{Product: product, Version: "2019-12-26", Service: "instance-console-app", Endpoint: ep,
		Credentials: func(context.Context) (tc3api.Credentials, error) { return cred, nil },
		Transport:   transport.Config{HTTPClient: transport.NewHTTPClient(), Retry: transport.Retry{MaxAttempts: 1}}}
}

func TestTencent(t *testing.T) {
	var valid atomic.Value
	valid.Store("tok-1")
	s := tencentServer(t, &valid)
	type resp struct {
		RequestID string `json:"RequestId"`
		Data      struct{ Name string }
	}
	call := func(cred tc3api.Credentials) (resp, error) {
		var out resp
		err := tc3Client(t, s, cred).Invoke(t.Context(), tc3api.Call{Action: "Describe", Idempotent: true, Body: map[string]string{"Module": "m"}, Response: &out})
		return out, err
	}
	for _, cred := range []tc3api.Credentials{{Token: "tok-1"}, {Token: "tok-1", SecretID: "AKID1", SecretKey: "tc3-secret"}, {SecretID: "AKID1", SecretKey: "tc3-secret"}} {
		out, err := call(cred)
		require.NoError(t, err)
		assert.Equal(t, "n1", out.Data.Name)
		assert.NotEmpty(t, out.RequestID)
	}
	for cred, code := range map[tc3api.Credentials]string{
		{Token: "expired"}: "AuthFailure.TokenFailure",
		{Token: "tok-1", SecretID: "AKID1", SecretKey: "wrong"}:   "AuthFailure.SignatureFailure",
		{Token: "tok-1", SecretID: "AKID404", SecretKey: "wrong"}: "AuthFailure.SecretIdNotFound",
	} {
		_, err := call(cred)
		var e *apierror.APIError
		require.ErrorAs(t, err, &e, code)
		assert.Equal(t, code, e.Code)
		assert.ErrorIs(t, err, apierror.ErrAuth)
	}
	recs := s.Requests()
	require.NotEmpty(t, recs)
	assert.NotContains(t, fmt.Sprintf("%+v", recs), "tok-1")

	// A token header under another name is hidden too.
	renamed := tc3api.Headers{Action: "X-Act", Version: "X-Ver", Timestamp: "X-Ts", Region: "X-Reg", Token: "X-WM-Token"}
	s.cfg.Protocol.(*Tencent).Headers = renamed
	c := tc3Client(t, s, tc3api.Credentials{Token: "tok-1"})
	c.Headers = renamed
	require.NoError(t, c.Invoke(t.Context(), tc3api.Call{Action: "Describe", Idempotent: true, Body: map[string]string{}}))
	last := s.Requests()[len(s.Requests())-1]
	assert.Equal(t, []string{redact.Placeholder}, last.Header["X-Wm-Token"])
	assert.Equal(t, http.MethodPost, recs[0].Method)
}
