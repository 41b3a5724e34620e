package industrialcloud_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// provider hands out tokens[0] until told it was rejected, then the next.
type provider struct {
	mu          sync.Mutex
	tokens      []string
	err         error
	asked       int
	invalidated []string
}

func (p *provider) Token(context.Context) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.asked++
	if p.err != nil {
		return "", p.err
	}
	return p.tokens[0], nil
}

func (p *provider) Invalidate(tok string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.invalidated = append(p.invalidated, tok)
	if len(p.tokens) > 1 && p.tokens[0] == tok {
		p.tokens = p.tokens[1:]
	}
}

// codes returns the error code of each recorded request ("" for success).
func codes(recs []industrialcloudtest.Record) []string {
	return pluck(recs, func(r industrialcloudtest.Record) string { return r.Code })
}

func TestTokenRefresh(t *testing.T) {
	p := &provider{tokens: []string{"stale", "fresh"}}
	srv, c := startFake(t, nil, func(o *industrialcloud.Options) { o.TokenProvider = p })
	srv.AddToken("stale")
	srv.AddToken("fresh")
	ctx := t.Context()
	req := &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID}
	_, err := c.DescribeInstance(ctx, req)
	require.NoError(t, err)
	assert.Equal(t, 1, p.asked)

	// The token expires mid-run: replaced once, transparently.
	srv.ResetRequests()
	srv.ExpireToken("stale")
	resp, err := c.DescribeInstance(ctx, req)
	require.NoError(t, err)
	assert.Equal(t, industrialcloudtest.ExampleInstanceUUID, resp.Instance.UUID)
	assert.Equal(t, []string{"stale"}, p.invalidated, "Invalidate got the rejected token")
	assert.Equal(t, 3, p.asked, "the provider was asked again")
	assert.Equal(t, []string{industrialcloud.CodeTokenFailure, ""}, codes(srv.Requests()), "exactly two requests")

	// A write is refreshed the same way: a rejected token means it was not
	// processed.
	srv.ResetRequests()
	srv.AddToken("fresher")
	p.tokens = append(p.tokens, "fresher")
	srv.ExpireToken("fresh")
	_, err = c.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID, InstanceName: "renamed"})
	require.NoError(t, err)
	assert.Equal(t, []string{"stale", "fresh"}, p.invalidated)
	assert.Equal(t, []string{industrialcloud.CodeTokenFailure, ""}, codes(srv.Requests()))
	assert.Equal(t, "renamed", srv.Instances()[0].InstanceName)
}

func TestTokenRejectedTwice(t *testing.T) {
	p := &provider{tokens: []string{"expired-forever"}}
	srv, c := startFake(t, nil, func(o *industrialcloud.Options) { o.TokenProvider = p })
	_, err := c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	assert.ErrorIs(t, err, industrialcloud.ErrAuth)
	var apiErr *industrialcloud.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, industrialcloud.CodeTokenFailure, apiErr.Code)
	assert.Equal(t, []string{"expired-forever"}, p.invalidated, "told once")
	assert.Len(t, srv.Requests(), 2, "one retry, not a loop")

	// A static token is never retried.
	srv.ResetRequests()
	static, err := srv.Client(func(o *industrialcloud.Options) { o.Token = "expired-static" })
	require.NoError(t, err)
	_, err = static.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	assert.ErrorIs(t, err, industrialcloud.ErrAuth)
	assert.Len(t, srv.Requests(), 1)
}

func TestTokenProviderError(t *testing.T) {
	cause := errors.New("iam-app unreachable")
	srv, c := startFake(t, nil, func(o *industrialcloud.Options) { o.TokenProvider = &provider{err: cause} })
	_, err := c.DescribeInstances(t.Context(), &industrialcloud.DescribeInstancesRequest{Status: allStatuses})
	var oe *industrialcloud.OperationError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, 0, oe.Attempts)
	assert.ErrorIs(t, err, cause)
	assert.ErrorIs(t, err, industrialcloud.ErrAuth)
	assert.NotErrorIs(t, err, industrialcloud.ErrServer, "nothing was sent")
	var ce *industrialcloud.CredentialsError
	assert.ErrorAs(t, err, &ce)
	assert.Equal(t, "industrialcloud DescribeInstances: not sent: resolve credentials: iam-app unreachable", err.Error())
	assert.Empty(t, srv.Requests(), "nothing sent")
}

// TestSigning: the fake can require TC3 signatures; a signed client passes,
// a token-only one gets AuthFailure.SignatureFailure, a wrong key
// AuthFailure.SignatureFailure or SecretIdNotFound.
func TestSigning(t *testing.T) {
	srv := industrialcloudtest.NewServer(industrialcloudtest.RequireSignature())
	defer srv.Close()
	req := &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID}
	signed, err := srv.Client()
	require.NoError(t, err)
	_, err = signed.DescribeInstance(t.Context(), req)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(srv.Requests()[0].Header.Get("Authorization"), "REDACTED"), "the record hides the signature")

	for name, fn := range map[string]func(*industrialcloud.Options){
		"unsigned":      func(o *industrialcloud.Options) { o.Endpoint = srv.URL(); o.Token = industrialcloudtest.Token },
		"wrong key":     func(o *industrialcloud.Options) { o.SecretID, o.SecretKey = industrialcloudtest.SecretID, "wrong" },
		"unknown id":    func(o *industrialcloud.Options) { o.SecretID, o.SecretKey = "AKIDunknown", "x-key" },
		"wrong service": func(o *industrialcloud.Options) { o.Service = "instance-console" },
	} {
		t.Run(name, func(t *testing.T) {
			var c *industrialcloud.Client
			if name == "unsigned" {
				c, err = industrialcloud.New(industrialcloud.Options{}, fn)
			} else {
				c, err = srv.Client(fn)
			}
			require.NoError(t, err)
			_, err = c.DescribeInstance(t.Context(), req)
			assert.ErrorIs(t, err, industrialcloud.ErrAuth)
		})
	}

	// A clock more than 5 minutes off is refused, signed or not.
	skewed, c := startFake(t, []industrialcloudtest.Option{industrialcloudtest.WithClock(func() time.Time { return time.Now().Add(6 * time.Minute) })})
	_, err = c.DescribeInstance(t.Context(), req)
	var apiErr *industrialcloud.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, industrialcloud.CodeSignatureExpire, apiErr.Code)
	assert.ErrorIs(t, err, industrialcloud.ErrAuth)
	assert.Len(t, skewed.Requests(), 1, "not retried")

	// Signing alone, with no token, is accepted too.
	keyOnly, err := industrialcloud.New(industrialcloud.Options{Endpoint: srv.URL(), SecretID: industrialcloudtest.SecretID, SecretKey: industrialcloudtest.SecretKey})
	require.NoError(t, err)
	_, err = keyOnly.DescribeInstance(t.Context(), req)
	assert.NoError(t, err)
}

// TestWireOptions: each wire assumption is an option, and the fake can be
// set to the same alternative.
func TestWireOptions(t *testing.T) {
	ok := []byte(`{"Response":{"RequestId":"R","Data":{"Instance":{"UUID":"u"}}}}`)
	call := func(t *testing.T, o industrialcloud.Options, optFns ...func(*industrialcloud.Options)) *http.Request {
		t.Helper()
		stub := &testutil.Static{Status: 200, Body: ok}
		o.HTTPClient = stub
		if o.Token == "" {
			o.Token = "tok"
		}
		c, err := industrialcloud.New(o)
		require.NoError(t, err)
		assert.Empty(t, stub.Reqs, "New makes no network call")
		_, err = c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"}, optFns...)
		require.NoError(t, err)
		require.Len(t, stub.Reqs, 1)
		return stub.Reqs[0]
	}
	body := func(r *http.Request) string {
		b, _ := io.ReadAll(r.Body)
		return string(b)
	}

	r := call(t, industrialcloud.Options{Domain: "Industry.Example.com"})
	assert.Equal(t, "https://instance-console-api.industry.example.com/", r.URL.String(), "https by default")
	assert.Equal(t, `{"Module":"instance-console","InstanceUUID":"u"}`, body(r))
	assert.Equal(t, "2019-12-26", r.Header.Get("X-TC-Version"))
	assert.Equal(t, "tok", r.Header.Get("X-TC-Token"))
	assert.Empty(t, r.Header.Get("X-TC-Region"), "no region by default")
	assert.Empty(t, r.Header.Get("Authorization"), "no signature without a key")

	r = call(t, industrialcloud.Options{Domain: "industry.example.com", HostLabel: "instance-console-app-api"})
	assert.Equal(t, "https://instance-console-app-api.industry.example.com/", r.URL.String())

	r = call(t, industrialcloud.Options{Endpoint: "gw.example.com:8080"})
	assert.Equal(t, "https://gw.example.com:8080/", r.URL.String(), "a bare host gets https")

	r = call(t, industrialcloud.Options{Endpoint: "http://gw.example.com:8080"})
	assert.Equal(t, "http://gw.example.com:8080/", r.URL.String(), "plain http only when written")

	r = call(t, industrialcloud.Options{Domain: "industry.example.com"}, func(o *industrialcloud.Options) { o.Endpoint = "https://GW.example.com/api3" })
	assert.Equal(t, "https://gw.example.com/api3", r.URL.String(), "a per-call Endpoint")

	r = call(t, industrialcloud.Options{Domain: "industry.example.com", Module: industrialcloud.NoModule})
	assert.Equal(t, `{"InstanceUUID":"u"}`, body(r))

	r = call(t, industrialcloud.Options{Domain: "industry.example.com"}, func(o *industrialcloud.Options) { o.Module = "instance" })
	assert.Equal(t, `{"Module":"instance","InstanceUUID":"u"}`, body(r))

	r = call(t, industrialcloud.Options{Domain: "industry.example.com", APIVersion: "2020-05-25", Region: "ap-guangzhou",
		Headers: industrialcloud.Headers{Token: "X-Industry-Token"}, SecretID: "AKID1", SecretKey: "k", Service: "instance-svc", UserAgent: "mes-sync/1.2"})
	assert.Equal(t, "2020-05-25", r.Header.Get("X-TC-Version"))
	assert.Equal(t, "ap-guangzhou", r.Header.Get("X-TC-Region"))
	assert.Equal(t, "tok", r.Header.Get("X-Industry-Token"))
	assert.Empty(t, r.Header.Get("X-TC-Token"))
	assert.Contains(t, r.Header.Get("Authorization"), "/instance-svc/tc3_request, SignedHeaders=content-type;host, Signature=")
	assert.True(t, strings.HasSuffix(r.Header.Get("User-Agent"), " industrialcloud/2020-05-25 mes-sync/1.2"), r.Header.Get("User-Agent"))

	// The fake, set to the same alternatives, accepts the client it wires.
	h := industrialcloud.Headers{Action: "X-WM-Action", Token: "X-WM-Token"}
	srv := industrialcloudtest.NewServer(industrialcloudtest.WithHeaders(h), industrialcloudtest.WithModule("openapi"))
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	_, err = c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	require.NoError(t, err)
	assert.Equal(t, "DescribeInstance", srv.Requests()[0].Header.Get("X-WM-Action"))
	_, err = c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID},
		func(o *industrialcloud.Options) { o.Module = "instance-console" })
	var apiErr *industrialcloud.APIError
	require.ErrorAs(t, err, &apiErr, "a wrong Module is refused")
	assert.Equal(t, industrialcloud.CodeInvalidParameter, apiErr.Code)
	_, err = c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID},
		func(o *industrialcloud.Options) { o.Module = industrialcloud.NoModule })
	assert.NoError(t, err, "an absent Module is accepted")
}

func TestNewValidatesOptions(t *testing.T) {
	_, err := industrialcloud.New(industrialcloud.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Domain or Endpoint is required")
	assert.Contains(t, err.Error(), "Token, TokenProvider or SecretID and SecretKey is required")

	_, err = industrialcloud.New(industrialcloud.Options{Domain: "http://industry.example.com", Token: "t", TokenProvider: &provider{},
		SecretID: "AKID", Timeout: -1, Retry: industrialcloud.RetryOptions{MaxAttempts: -1}, Headers: industrialcloud.Headers{Token: "X Token"}})
	require.Error(t, err)
	for _, want := range []string{"Domain", "not both", "SecretID and SecretKey go together", "Timeout", "Retry", "Headers.Token"} {
		assert.Contains(t, err.Error(), want)
	}
	for _, o := range []industrialcloud.Options{
		{Endpoint: "ftp://x", Token: "t"},
		{Endpoint: "http://x/?q=1", Token: "t"},
		{Domain: "industry.example.com", HostLabel: "bad/label", Token: "t"},
		{Domain: ".example.com", Token: "t"},
		{Domain: "example.com", SecretKey: "k"},
	} {
		_, err := industrialcloud.New(o)
		assert.Error(t, err, "%v", o)
	}

	// Per-call options are validated too, before anything is sent.
	c, stub := answering(t, 200, []byte(`{}`))
	_, err = c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"}, func(o *industrialcloud.Options) { o.Timeout = -1 })
	var oe *industrialcloud.OperationError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, 0, oe.Attempts)
	assert.Empty(t, stub.Reqs)

	// Options returns a copy with the defaults filled in.
	o := c.Options()
	assert.Equal(t, industrialcloud.DefaultHostLabel, o.HostLabel)
	assert.Equal(t, industrialcloud.DefaultService, o.Service)
	assert.Equal(t, industrialcloud.APIVersion, o.APIVersion)
	assert.Equal(t, industrialcloud.DefaultModule, o.Module)
	assert.Equal(t, industrialcloud.DefaultHeaders(), o.Headers)
	o.Domain, o.Token = "changed.example.com", "changed"
	assert.Equal(t, "industry.example.com", c.Options().Domain)
	assert.Equal(t, "test-token", c.Options().Token)
	d, err := industrialcloud.New(industrialcloud.Options{Domain: "x.example.com", Token: "t"})
	require.NoError(t, err)
	assert.NotNil(t, d.Options().HTTPClient, "a default HTTP client")
}

// TestCanary: a canary token and secret key appear nowhere: not in errors,
// logs, printed options or clients, nor the fake's records.
func TestCanary(t *testing.T) {
	const canaryToken, canaryKey = "CANARY-token-3f9a1c5e", "CANARY-secret-77b2e4d0"
	srv := industrialcloudtest.NewServer(industrialcloudtest.WithKey("AKIDcanary", canaryKey))
	defer srv.Close()
	srv.AddToken(canaryToken)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := srv.Client(func(o *industrialcloud.Options) {
		o.Token, o.SecretID, o.SecretKey, o.Logger = canaryToken, "AKIDcanary", canaryKey, logger
		o.Retry.MaxAttempts = 1
	})
	require.NoError(t, err)
	ctx := t.Context()
	req := &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID}

	var outputs []string
	record := func(err error) {
		require.Error(t, err)
		outputs = append(outputs, err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		var de *industrialcloud.DecodeError
		if errors.As(err, &de) {
			outputs = append(outputs, de.Snippet)
		}
	}
	_, err = c.DescribeInstance(ctx, req)
	require.NoError(t, err)
	// The service echoes the secrets in an error message and in a body
	// that cannot be decoded; then the token expires.
	srv.Inject(industrialcloudtest.Fault{Code: industrialcloud.CodeInternalError, Status: 200, Message: "echo " + canaryToken + " " + canaryKey})
	_, err = c.DescribeInstance(ctx, req)
	record(err)
	srv.Inject(industrialcloudtest.Fault{Body: `{"Response":{"RequestId":"R","Data":{"Instance":{"UUID":"u","CreatedAt":"` + canaryToken + `","Token":"` + canaryKey + `"}}}}`})
	_, err = c.DescribeInstance(ctx, req)
	record(err)
	srv.ExpireToken(canaryToken)
	_, err = c.DescribeInstance(ctx, req)
	record(err)
	_, err = c.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: "u", InstanceName: canaryKey + canaryKey})
	record(err)

	opts := c.Options()
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%T"} {
		outputs = append(outputs, fmt.Sprintf(f, opts), fmt.Sprintf(f, &opts), fmt.Sprintf(f, c), fmt.Sprintf(f, *c),
			fmt.Sprintf(f, struct{ O industrialcloud.Options }{opts}))
	}
	outputs = append(outputs, opts.String(), opts.GoString(), c.String(), c.GoString())
	var structured bytes.Buffer
	slog.New(slog.NewJSONHandler(&structured, nil)).Info("config", "options", opts, "client", c)
	plain := opts
	plain.HTTPClient = nil // *http.Client does not marshal
	j, err := json.Marshal(plain)
	require.NoError(t, err)
	outputs = append(outputs, structured.String(), string(j), logs.String(), fmt.Sprintf("%+v", srv.Requests()), fmt.Sprintf("%#v", srv.Requests()))

	for _, out := range outputs {
		assert.NotContains(t, out, canaryToken)
		assert.NotContains(t, out, canaryKey)
		assert.NotContains(t, out, "CANARY")
	}
	assert.Contains(t, logs.String(), "attempt=1", "the attempts were logged")
	assert.Contains(t, fmt.Sprint(opts), "Token:REDACTED")
	assert.Contains(t, fmt.Sprint(opts), "SecretID:AKIDcanary")
	assert.Contains(t, fmt.Sprintf("%#v", opts), `SecretKey:"REDACTED"`)
}

// TestConcurrentUse: one client, many goroutines, reads and writes, under
// -race.
func TestConcurrentUse(t *testing.T) {
	_, c := startFake(t, nil, func(o *industrialcloud.Options) { o.Timeout = 10 * time.Second })
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			n := 0
			for _, err := range c.DescribeInstancesAll(t.Context(), &industrialcloud.DescribeInstancesRequest{Status: allStatuses, Limit: 2}) {
				assert.NoError(t, err)
				n++
			}
			assert.Equal(t, 5, n)
			_, err := c.ModifyInstanceName(t.Context(), &industrialcloud.ModifyInstanceNameRequest{
				InstanceUUID: industrialcloudtest.ExampleInstanceUUID, InstanceName: fmt.Sprint("name-", i)}, func(o *industrialcloud.Options) { o.UserAgent = "worker" })
			assert.NoError(t, err)
		})
	}
	wg.Wait()
}
