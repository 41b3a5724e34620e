package tc3api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/signer"
)

type recorder struct {
	status int
	body   string
	reqs   []*http.Request
	bodies [][]byte
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(req.Body)
	r.reqs = append(r.reqs, req)
	r.bodies = append(r.bodies, b)
	return &http.Response{StatusCode: r.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(r.body))}, nil
}

func newClient(rec *recorder, cred Credentials) *Client {
	ep, _ := url.Parse("http://instance-console-api.example.invalid/")
	return &Client{
		Product: "industrialcloud", Version: "2019-12-26", Service: "instance-console-app", Endpoint: ep,
		Credentials: func(context.Context) (Credentials, error) { return cred, nil },
		Transport:   transport.Config{HTTPClient: rec, Retry: transport.Retry{MaxAttempts: 1}},
		Now:         func() time.Time { return time.Unix(1704067199, 0) },
	}
}

type body struct {
	Module       string
	InstanceUUID string `json:",omitempty"`
	Note         string `json:",omitempty"`
}

type describeResponse struct {
	RequestID string `json:"RequestId"`
	Data      struct{ InstanceUUID string }
}

func TestTokenOnlyRequest(t *testing.T) {
	rec := &recorder{status: 200, body: `{"Response":{"Data":{"InstanceUUID":"u-1"},"RequestId":"R1"}}`}
	c := newClient(rec, Credentials{Token: "tok"})
	c.Region = "ap-guangzhou"
	var out describeResponse
	require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Body: body{Module: "instance-console", InstanceUUID: "u-1", Note: "<&>"}, Response: &out}))
	assert.Equal(t, "R1", out.RequestID)
	assert.Equal(t, "u-1", out.Data.InstanceUUID)
	req := rec.reqs[0]
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, http.Header{
		"Content-Type": {"application/json"}, "Accept": {"application/json"},
		"X-Tc-Action": {"DescribeInstance"}, "X-Tc-Version": {"2019-12-26"}, "X-Tc-Timestamp": {"1704067199"},
		"X-Tc-Region": {"ap-guangzhou"}, "X-Tc-Token": {"tok"},
	}, req.Header)
	assert.Equal(t, `{"Module":"instance-console","InstanceUUID":"u-1","Note":"<&>"}`, string(rec.bodies[0]))
}

func TestSignedRequest(t *testing.T) {
	rec := &recorder{status: 200, body: `{"Response":{"RequestId":"R1"}}`}
	c := newClient(rec, Credentials{Token: "tok", SecretID: "AKIDexample", SecretKey: "secret"})
	c.Headers = Headers{Action: "X-Act", Version: "X-Ver", Timestamp: "X-Ts", Region: "X-Reg", Token: "X-Tok"}
	require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstances", Idempotent: true, Body: body{Module: "instance-console"}}))
	req := rec.reqs[0]
	assert.Equal(t, "tok", req.Header.Get("X-Tok"), "header names are options")
	assert.Equal(t, "DescribeInstances", req.Header.Get("X-Act"))
	want := signer.SignTC3(signer.TC3Request{
		Method: "POST", Host: "instance-console-api.example.invalid", ContentType: "application/json",
		HashedPayload: signer.HashPayload(rec.bodies[0]), Service: "instance-console-app", Timestamp: 1704067199,
	}, "AKIDexample", "secret")
	assert.Equal(t, want.Authorization, req.Header.Get("Authorization"))
	assert.Contains(t, want.Authorization, "Credential=AKIDexample/2023-12-31/instance-console-app/tc3_request")
}

func TestAnswers(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		code   string
		cat    error
		decode bool
	}{
		{name: "API 3.0 error", status: 200, body: `{"Response":{"Error":{"Code":"AuthFailure.TokenFailure","Message":"token expired"},"RequestId":"R2"}}`,
			code: "AuthFailure.TokenFailure", cat: apierror.ErrAuth},
		{name: "throttled", status: 200, body: `{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow"},"RequestId":"R3"}}`,
			code: "RequestLimitExceeded", cat: apierror.ErrThrottled},
		{name: "legacy shape", status: 200, body: `{"code":4000,"message":"bad token","codeDesc":"AuthFailure.TokenFailure"}`,
			code: "AuthFailure.TokenFailure", cat: apierror.ErrAuth},
		{name: "legacy shape without codeDesc", status: 200, body: `{"code":"InvalidParameter","message":"bad"}`,
			code: "InvalidParameter", cat: apierror.ErrInvalidParameter},
		{name: "gateway page", status: 502, body: `<html>bad gateway</html>`, decode: true, cat: apierror.ErrServer},
		{name: "Error without a Code", status: 200, body: `{"Response":{"Error":{},"RequestId":"R"}}`, decode: true},
		{name: "no RequestId", status: 200, body: `{"Response":{"Data":{}}}`, decode: true},
		{name: "no Response", status: 200, body: `{"Data":{}}`, decode: true},
		{name: "empty", status: 200, body: ``, decode: true},
		{name: "truncated", status: 200, body: `{"Response":{"Data":{"Instan`, decode: true},
		{name: "non-200 without error", status: 503, body: `{"Response":{"RequestId":"R4"}}`, decode: true, cat: apierror.ErrServer},
		{name: "wrong shape", status: 200, body: `{"Response":{"RequestId":"R5","Data":"text"}}`, decode: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(&recorder{status: tt.status, body: tt.body}, Credentials{Token: "tok"})
			var out describeResponse
			err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Response: &out})
			require.Error(t, err)
			if tt.decode {
				var de *apierror.DecodeError
				require.ErrorAs(t, err, &de)
			} else {
				var ae *apierror.APIError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, tt.code, ae.Code)
			}
			if tt.cat != nil {
				assert.ErrorIs(t, err, tt.cat)
			}
		})
	}
}

func TestNoCredentials(t *testing.T) {
	rec := &recorder{status: 200}
	c := newClient(rec, Credentials{})
	err := c.Invoke(t.Context(), Call{Action: "DescribeInstance"})
	var oe *apierror.OperationError
	require.ErrorAs(t, err, &oe)
	assert.Empty(t, rec.reqs)

	c.Credentials = func(context.Context) (Credentials, error) { return Credentials{}, errors.New("provider down") }
	err = c.Invoke(t.Context(), Call{Action: "DescribeInstance"})
	assert.ErrorContains(t, err, "provider down")
}

func TestCanarySecrets(t *testing.T) {
	const token, key = "CANARY-token-77aa", "CANARY-secretkey-88bb"
	var logs bytes.Buffer
	rec := &recorder{status: 200, body: fmt.Sprintf(`{"Response":{"Error":{"Code":"InternalError","Message":"echo %s %s"},"RequestId":"R"}}`, token, key)}
	c := newClient(rec, Credentials{Token: token, SecretID: "AKID", SecretKey: key})
	c.Transport.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Body: body{Module: "m"}})
	require.Error(t, err)
	auth := rec.reqs[0].Header.Get("Authorization")
	sig := auth[strings.LastIndex(auth, "=")+1:]
	for _, out := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), logs.String()} {
		for _, s := range []string{token, key, sig} {
			assert.NotContains(t, out, s)
		}
	}
	assert.Contains(t, logs.String(), "attempt=1")
}

func TestCredentialsDoNotPrintSecrets(t *testing.T) {
	c := Credentials{Token: "CANARY-tok", SecretID: "AKID1", SecretKey: "CANARY-key"}
	for _, f := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(f, c)
		assert.NotContains(t, out, "CANARY", f)
		assert.Contains(t, out, "AKID1", f)
	}
	assert.NotContains(t, fmt.Sprintf("%+v", struct{ C Credentials }{c}), "CANARY")
}

// tokenServer answers TokenFailure to every token but good.
type tokenServer struct {
	good   string
	tokens []string
}

func (s *tokenServer) Do(req *http.Request) (*http.Response, error) {
	tok := req.Header.Get("X-TC-Token")
	s.tokens = append(s.tokens, tok)
	body := `{"Response":{"RequestId":"ok","Data":{"InstanceUUID":"u"}}}`
	if tok != s.good {
		body = `{"Response":{"Error":{"Code":"AuthFailure.TokenFailure","Message":"expired"},"RequestId":"bad"}}`
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body))}, nil
}

func TestTokenRefresh(t *testing.T) {
	srv := &tokenServer{good: "fresh"}
	current := "stale"
	var rejected []string
	c := newClient(nil, Credentials{})
	c.Transport.HTTPClient = srv
	c.Credentials = func(context.Context) (Credentials, error) { return Credentials{Token: current}, nil }
	c.TokenRejected = func(tok string) bool {
		rejected = append(rejected, tok)
		current = "fresh"
		return true
	}
	var out describeResponse
	require.NoError(t, c.Invoke(t.Context(), Call{Action: "ModifyInstanceName", Response: &out}), "a write is retried once with the new token")
	assert.Equal(t, []string{"stale", "fresh"}, srv.tokens)
	assert.Equal(t, []string{"stale"}, rejected)
	assert.Equal(t, "u", out.Data.InstanceUUID)

	// A second rejection is final: ErrAuth after exactly two requests.
	srv.tokens, rejected, srv.good = nil, nil, "never"
	err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true})
	assert.ErrorIs(t, err, apierror.ErrAuth)
	assert.Len(t, srv.tokens, 2)
	assert.Len(t, rejected, 1)

	// Without a hook there is no second request.
	srv.tokens, c.TokenRejected = nil, nil
	require.Error(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true}))
	assert.Len(t, srv.tokens, 1)
}

func TestBusinessCode(t *testing.T) {
	for body, fails := range map[string]bool{
		`{"Response":{"Code":0,"Msg":"ok","RequestId":"R"}}`:               false,
		`{"Response":{"Code":1001,"Msg":"name too long","RequestId":"R"}}`: true,
		`{"Response":{"Code":"E1","Msg":"bad","RequestId":"R"}}`:           true,
	} {
		c := newClient(&recorder{status: 200, body: body}, Credentials{Token: "t"})
		err := c.Invoke(t.Context(), Call{Action: "ModifyInstanceName"})
		if !fails {
			assert.NoError(t, err, body)
			continue
		}
		var e *apierror.APIError
		require.ErrorAs(t, err, &e, body)
		assert.Equal(t, "R", e.RequestID)
		assert.NotEmpty(t, e.Message)
	}
}
