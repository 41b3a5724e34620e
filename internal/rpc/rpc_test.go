package rpc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/wire"
	"github.com/typedcloud/sdk-go/signer"
)

// answer is a canned HTTP answer.
type answer struct {
	status int
	body   string
}

// recorder is an HTTPClient that keeps every request and plays answers in
// order (the last one repeats).
type recorder struct {
	answers []answer
	reqs    []*http.Request
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	a := r.answers[min(len(r.reqs), len(r.answers)-1)]
	r.reqs = append(r.reqs, req)
	return &http.Response{StatusCode: a.status, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(a.body))}, nil
}

func staticCredential(t *testing.T, id, secret, token string) credentials.Credential {
	t.Helper()
	cfg := new(credentials.Config).SetType("access_key").SetAccessKeyId(id).SetAccessKeySecret(secret)
	if token != "" {
		cfg = new(credentials.Config).SetType("sts").SetAccessKeyId(id).SetAccessKeySecret(secret).SetSecurityToken(token)
	}
	c, err := credentials.NewCredential(cfg)
	require.NoError(t, err)
	return c
}

func newClient(t *testing.T, doer transport.HTTPClient, cred credentials.Credential) *Client {
	t.Helper()
	ep, err := transport.ParseEndpoint("http://outboundbot.test.invalid")
	require.NoError(t, err)
	return &Client{
		Product:    "outboundbot",
		Version:    "2019-12-26",
		Endpoint:   ep,
		Region:     "cn-shanghai",
		Credential: cred,
		Codes:      apierror.Codes{"NotExist.Instance": apierror.ErrNotFound},
		Transport:  transport.Config{HTTPClient: doer, Jitter: func(d time.Duration) time.Duration { return d }},
	}
}

type describeRequest struct {
	InstanceID string `url:"InstanceId,omitempty"`
}

type describeResponse struct {
	RequestID string `json:"RequestId"`
	Instance  struct {
		InstanceID string `json:"InstanceId"`
	}
}

const okBody = `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"R-OK","Success":true,"Instance":{"InstanceId":"i-1"}}`

// verifyRPC recomputes the HMAC-SHA1 signature of a received request.
func verifyRPC(t *testing.T, req *http.Request, secret string) url.Values {
	t.Helper()
	q := req.URL.Query()
	var params []signer.Param
	for k, vs := range q {
		if k != "Signature" {
			params = append(params, signer.Param{Key: k, Value: vs[0]})
		}
	}
	res, err := signer.SignRPC(req.Method, params, secret)
	require.NoError(t, err)
	assert.Equal(t, res.Signature, q.Get("Signature"), "signature verifies")
	return q
}

func TestEveryAttemptHasNewNonceAndTimestamp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := &recorder{answers: []answer{
			{503, `{"Code":"ServiceUnavailable","RequestId":"R1"}`},
			{500, `{"Code":"InternalError","RequestId":"R2"}`},
			{200, okBody},
		}}
		c := newClient(t, rec, staticCredential(t, "LTAIid", "secret", ""))
		c.Transport.Retry = transport.Retry{BaseDelay: 2 * time.Second}
		var out describeResponse
		require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: &describeRequest{InstanceID: "i-1"}, Response: &out}))
		assert.Equal(t, "R-OK", out.RequestID)
		assert.Equal(t, "i-1", out.Instance.InstanceID)

		require.Len(t, rec.reqs, 3)
		nonces, stamps, sigs := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, req := range rec.reqs {
			q := verifyRPC(t, req, "secret")
			nonces[q.Get("SignatureNonce")] = true
			stamps[q.Get("Timestamp")] = true
			sigs[q.Get("Signature")] = true
			assert.Equal(t, http.MethodPost, req.Method)
			assert.Equal(t, "i-1", q.Get("InstanceId"))
		}
		assert.Len(t, nonces, 3, "a new SignatureNonce per attempt")
		assert.Len(t, stamps, 3, "a new Timestamp per attempt")
		assert.Len(t, sigs, 3, "a new signature per attempt")
	})
}

func TestRequestShapeV1(t *testing.T) {
	rec := &recorder{answers: []answer{{200, okBody}}}
	c := newClient(t, rec, staticCredential(t, "STS.id", "secret", "sts-token"))
	c.Now = func() time.Time { return time.Date(2026, 11, 24, 3, 4, 5, 0, time.FixedZone("x", 3600)) }
	c.Nonce = func() string { return "nonce-1" }
	c.UserAgent = "typedcloud-sdk-go/test"
	require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: describeRequest{InstanceID: "a b/未"}}))
	req := rec.reqs[0]
	q := verifyRPC(t, req, "secret")
	assert.Equal(t, url.Values{
		"Action": {"DescribeInstance"}, "Version": {"2019-12-26"}, "Format": {"JSON"}, "AccessKeyId": {"STS.id"},
		"SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"}, "SignatureNonce": {"nonce-1"},
		"Timestamp": {"2026-11-24T02:04:05Z"}, "RegionId": {"cn-shanghai"}, "SecurityToken": {"sts-token"},
		"InstanceId": {"a b/未"}, "Signature": {q.Get("Signature")},
	}, q)
	assert.Contains(t, req.URL.RawQuery, "InstanceId=a%20b%2F%E6%9C%AA", "RFC 3986 on the wire")
	assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
	assert.Equal(t, "typedcloud-sdk-go/test", req.Header.Get("User-Agent"))
	assert.Nil(t, req.Body)
}

func TestRequestShapeACS3(t *testing.T) {
	rec := &recorder{answers: []answer{{200, okBody}}}
	c := newClient(t, rec, staticCredential(t, "STS.id", "secret", "sts-token"))
	c.SignatureVersion = signer.ACS3
	c.Now = func() time.Time { return time.Date(2026, 11, 24, 3, 4, 5, 0, time.UTC) }
	c.Nonce = func() string { return "nonce-1" }
	require.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: describeRequest{InstanceID: "i 1"}}))
	req := rec.reqs[0]
	assert.Equal(t, "InstanceId=i%201", req.URL.RawQuery)
	assert.Equal(t, "DescribeInstance", req.Header.Get("x-acs-action"))
	assert.Equal(t, "2019-12-26", req.Header.Get("x-acs-version"))
	assert.Equal(t, "2026-11-24T03:04:05Z", req.Header.Get("x-acs-date"))
	assert.Equal(t, "sts-token", req.Header.Get("x-acs-security-token"))
	var headers []signer.Param
	for _, k := range []string{"x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-security-token"} {
		headers = append(headers, signer.Param{Key: k, Value: req.Header.Get(k)})
	}
	headers = append(headers, signer.Param{Key: "host", Value: req.URL.Host})
	want := signer.SignACS3(signer.ACS3Request{Method: "POST", Query: []signer.Param{{Key: "InstanceId", Value: "i 1"}}, Headers: headers}, "STS.id", "secret")
	assert.Equal(t, want.Authorization, req.Header.Get("Authorization"))
}

// TestAnswers: every kind of answer becomes the documented typed result.
func TestAnswers(t *testing.T) {
	tests := []struct {
		name    string
		answer  answer
		check   func(t *testing.T, err error)
		payload string
	}{
		{name: "success", answer: answer{200, okBody}, payload: "i-1"},
		{name: "success with string envelope values", answer: answer{200, `{"HttpStatusCode":"200","Code":"OK","Success":"true","RequestId":"R","Instance":{"InstanceId":"i-2"}}`}, payload: "i-2"},
		{name: "200 with Success false", answer: answer{200, `{"HttpStatusCode":404,"Code":"NotExist.Instance","Message":"no such instance","RequestId":"R3","Success":false}`},
			check: apiErr(200, "NotExist.Instance", "R3", apierror.ErrNotFound)},
		{name: "200 with error code only", answer: answer{200, `{"Code":"Throttling.User","Message":"slow down","RequestId":"R4"}`},
			check: apiErr(200, "Throttling.User", "R4", apierror.ErrThrottled)},
		{name: "gateway error envelope", answer: answer{400, `{"RequestId":"R5","HostId":"outboundbot.cn-shanghai.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"bad sig","Recommend":"https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch"}`},
			check: func(t *testing.T, err error) {
				apiErr(400, "SignatureDoesNotMatch", "R5", apierror.ErrAuth)(t, err)
				var e *apierror.APIError
				require.ErrorAs(t, err, &e)
				assert.Equal(t, "outboundbot.cn-shanghai.aliyuncs.com", e.HostID)
				assert.Contains(t, e.Recommend, "troubleshoot")
			}},
		{name: "lowercase error fields", answer: answer{404, `{"requestId":"R6","code":"NotExist.Instance","message":"gone"}`},
			check: apiErr(404, "NotExist.Instance", "R6", apierror.ErrNotFound)},
		{name: "XML error", answer: answer{403, `<?xml version="1.0"?><Error><RequestId>R7</RequestId><Code>Forbidden.RAM</Code><Message>no</Message></Error>`},
			check: apiErr(403, "Forbidden.RAM", "R7", apierror.ErrPermission)},
		{name: "gateway HTML page", answer: answer{502, `<html><body><h1>502 Bad Gateway</h1></body></html>`},
			check: decErr(502, apierror.ErrServer)},
		{name: "truncated JSON", answer: answer{200, `{"HttpStatusCode":200,"Code":"OK","RequestId":"R8","Instance":{"Insta`},
			check: decErr(200, nil)},
		{name: "empty body", answer: answer{200, ``}, check: decErr(200, nil)},
		{name: "JSON of the wrong shape", answer: answer{200, `{"RequestId":"R9","Instance":[1,2,3]}`},
			check: func(t *testing.T, err error) {
				decErr(200, nil)(t, err)
				var e *apierror.DecodeError
				require.ErrorAs(t, err, &e)
				assert.Equal(t, "R9", e.RequestID)
			}},
		{name: "null", answer: answer{200, `null`}, check: decErr(200, nil)},
		{name: "empty object", answer: answer{200, `{}`}, check: decErr(200, nil)},
		{name: "XML success to a JSON request", answer: answer{200, `<R><RequestId>x</RequestId></R>`}, check: decErr(200, nil)},
		{name: "5xx without code", answer: answer{500, `{}`}, check: decErr(500, apierror.ErrServer)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{answers: []answer{tt.answer}}
			c := newClient(t, rec, staticCredential(t, "id", "secret", ""))
			c.Transport.Retry = transport.Retry{MaxAttempts: 1}
			var out describeResponse
			err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Response: &out})
			if tt.check == nil {
				require.NoError(t, err)
				assert.Equal(t, tt.payload, out.Instance.InstanceID)
				return
			}
			tt.check(t, err)
		})
		// The same answer decoded in one pass, as Do decodes it.
		t.Run(tt.name+"/one-pass", func(t *testing.T) {
			rec := &recorder{answers: []answer{tt.answer}}
			c := newClient(t, rec, staticCredential(t, "id", "secret", ""))
			c.Transport.Retry = transport.Retry{MaxAttempts: 1}
			slot := &payload[describeOut]{decode: decodeDescribe}
			err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Response: slot})
			if tt.check == nil {
				require.NoError(t, err)
				assert.Equal(t, tt.payload, slot.out.InstanceID)
				return
			}
			tt.check(t, err)
		})
	}
}

// describeOut is describeResponse as a one-pass decode function fills it.
type describeOut struct {
	RequestID, InstanceID string
	Count                 int64
}

func decodeDescribe(d *wire.Decoder, env *Envelope) *describeOut {
	out := new(describeOut)
	for m := d.Object(); m.Next(); {
		if k := m.Key(); !k.Is("Instance") {
			env.Member(d, k)
			continue
		}
		for n := d.Object(); n.Next(); {
			switch k := n.Key(); {
			case k.Is("InstanceId"):
				out.InstanceID = d.Str()
			case k.Is("Count"):
				out.Count = d.LenientInt()
			default:
				d.Skip()
			}
		}
	}
	out.RequestID = env.RequestID
	return out
}

// TestOnePassDecode covers what only the single pass can get wrong.
func TestOnePassDecode(t *testing.T) {
	invoke := func(t *testing.T, attempts int, answers ...answer) (*payload[describeOut], error) {
		rec := &recorder{answers: answers}
		c := newClient(t, rec, staticCredential(t, "id", "secret", ""))
		c.Transport.Retry = transport.Retry{MaxAttempts: attempts, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}
		slot := &payload[describeOut]{decode: decodeDescribe}
		return slot, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Response: slot})
	}
	t.Run("a retried refusal leaves nothing behind", func(t *testing.T) {
		slot, err := invoke(t, 2,
			answer{200, `{"Code":"Throttling.User","Message":"slow down","RequestId":"R1","Success":false,"Instance":{"InstanceId":"old","Count":3}}`},
			answer{200, `{"RequestId":"R2","Instance":{"InstanceId":"new"}}`})
		require.NoError(t, err)
		assert.Equal(t, "R2", slot.out.RequestID)
		assert.Equal(t, Text(""), slot.env.Code)
		assert.Equal(t, FlagAbsent, slot.env.Success)
		assert.Equal(t, "new", slot.out.InstanceID)
		assert.Zero(t, slot.out.Count)
	})
	t.Run("a payload that does not decode is a DecodeError with the RequestId", func(t *testing.T) {
		_, err := invoke(t, 1, answer{200, `{"RequestId":"R3","Instance":{"Count":"many"}}`})
		var e *apierror.DecodeError
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "R3", e.RequestID)
		assert.Contains(t, err.Error(), `"Count"`, "the error names the member")
	})
	t.Run("a refusal whose payload does not decode is still a refusal", func(t *testing.T) {
		_, err := invoke(t, 1, answer{200, `{"RequestId":"R4","Code":"NotExist.Instance","Success":false,"Instance":[1]}`})
		apiErr(200, "NotExist.Instance", "R4", apierror.ErrNotFound)(t, err)
	})
	t.Run("lenient envelope values", func(t *testing.T) {
		_, err := invoke(t, 1, answer{200, `{"RequestId":"R5","Code":{"a":1},"HttpStatusCode":"404","Success":"false"}`})
		var e *apierror.APIError
		require.ErrorAs(t, err, &e)
		assert.Equal(t, `{"a":1}`, e.Code)
		slot, err := invoke(t, 1, answer{200, `{"RequestId":"R6","Code":200,"Success":"True","HttpStatusCode":[1]}`})
		require.NoError(t, err)
		assert.Equal(t, FlagTrue, slot.env.Success)
		assert.Equal(t, Text("200"), slot.env.Code)
	})
}

func apiErr(status int, code, requestID string, cat error) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		var e *apierror.APIError
		require.ErrorAs(t, err, &e)
		assert.Equal(t, status, e.HTTPStatus)
		assert.Equal(t, code, e.Code)
		assert.Equal(t, requestID, e.RequestID)
		assert.ErrorIs(t, err, cat)
		assert.Equal(t, "outboundbot", e.Product)
		assert.Equal(t, "DescribeInstance", e.Operation)
	}
}

func decErr(status int, cat error) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		var e *apierror.DecodeError
		require.ErrorAs(t, err, &e)
		assert.Equal(t, status, e.HTTPStatus)
		assert.LessOrEqual(t, len(e.Snippet), apierror.SnippetLimit)
		if cat != nil {
			assert.ErrorIs(t, err, cat)
		}
	}
}

func TestParamsEncoding(t *testing.T) {
	type tag struct {
		Key   string `url:"Key"`
		Value string `url:"Value"`
	}
	type req struct {
		Name    string   `url:"Name,omitempty"`
		Size    int      `url:"PageSize,omitempty"`
		Numbers []string `url:"CallingNumber,omitempty"`
		Tags    []tag    `url:"Tag,omitempty"`
		Admins  []string `url:"AdminRamIdList,omitempty,json"`
		Skip    string   `url:"-"`
		Empty   []string `url:"Nothing,omitempty"`
		Hidden  []string `url:"-"`
		Ints    []int    `url:"Ids"`
	}
	params, err := Params(req{Name: "n", Size: 10, Numbers: []string{"1", "2"}, Tags: []tag{{"k1", "v1"}, {"k2", ""}}, Admins: []string{"a", "b"}, Skip: "x", Hidden: []string{"h"}, Ints: []int{7}})
	require.NoError(t, err)
	got := map[string]string{}
	for _, p := range params {
		got[p.Key] = p.Value
	}
	assert.Equal(t, map[string]string{
		"Name": "n", "PageSize": "10", "CallingNumber.1": "1", "CallingNumber.2": "2",
		"Tag.1.Key": "k1", "Tag.1.Value": "v1", "Tag.2.Key": "k2", "Tag.2.Value": "",
		"AdminRamIdList": `["a","b"]`, "Ids.1": "7",
	}, got)
	numbers, err := Params(&req{Numbers: []string{"x"}})
	require.NoError(t, err)
	assert.Equal(t, []signer.Param{{Key: "CallingNumber.1", Value: "x"}}, numbers, "one element is still a list; a pointer works")

	none, err := Params(nil)
	require.NoError(t, err)
	assert.Empty(t, none)
}

// TestCanarySecrets: the secret, the STS token and the signature of a
// failing call appear in no error string, no log line and no %v/%+v/%#v of
// the error values.
func TestCanarySecrets(t *testing.T) {
	const secret, token = "CANARY-secret-0f9e8d+/=", "CANARY-token-1a2b3c+/="
	echo := func(status int) answer {
		// A hostile or buggy service that echoes the credentials back.
		return answer{status, fmt.Sprintf(`{"Code":"InternalError","Message":"echo %s %s %s","RequestId":"R","SecurityToken":"%s"}`,
			secret, token, url.QueryEscape(token), token)}
	}
	var logs bytes.Buffer
	rec := &recorder{answers: []answer{echo(500), {502, "<html>" + secret + "</html>"}, echo(500)}}
	c := newClient(t, rec, staticCredential(t, "LTAI-canary", secret, token))
	c.Transport.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c.Transport.Retry = transport.Retry{BaseDelay: time.Nanosecond}
	err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Request: describeRequest{InstanceID: "i"}})
	require.Error(t, err)
	require.Len(t, rec.reqs, 3)

	var sigs []string
	for _, r := range rec.reqs {
		sigs = append(sigs, r.URL.Query().Get("Signature"))
	}
	outputs := []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), logs.String()}
	for _, out := range outputs {
		for _, s := range append([]string{secret, token, url.QueryEscape(secret), url.QueryEscape(token)}, sigs...) {
			assert.NotContains(t, out, s)
		}
	}
	assert.Equal(t, 3, strings.Count(logs.String(), `"msg":"typedcloud: attempt"`), "one debug line per attempt")
	assert.Contains(t, logs.String(), `"operation":"DescribeInstance"`)

	// A transport failure prints the URL: without its query, so no secret.
	failing := newClient(t, doerFunc(func(r *http.Request) (*http.Response, error) {
		return nil, &url.Error{Op: "Post", URL: r.URL.String(), Err: io.ErrUnexpectedEOF}
	}), staticCredential(t, "LTAI-canary", secret, token))
	failing.Transport.Retry = transport.Retry{MaxAttempts: 1}
	err = failing.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Post "http://outboundbot.test.invalid/": unexpected EOF`)
	assert.NotContains(t, err.Error(), "Signature")
	assert.NotContains(t, fmt.Sprintf("%+v", err), token)
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// TestDecodeErrorDoesNotEchoSecrets: a decoder that quotes the value it
// rejects must not carry a secret the service echoed into that value.
func TestDecodeErrorDoesNotEchoSecrets(t *testing.T) {
	const secret = "CANARY-echoed-secret-9z"
	type strict struct {
		RequestID string     `json:"RequestId"`
		Count     wire.Int64 // its error quotes the rejected value
	}
	rec := &recorder{answers: []answer{{200, `{"RequestId":"R","Count":"` + secret + `"}`}}}
	c := newClient(t, rec, staticCredential(t, "id", secret, ""))
	var out strict
	err := c.Invoke(t.Context(), Call{Action: "DescribeInstance", Idempotent: true, Response: &out})
	var de *apierror.DecodeError
	require.ErrorAs(t, err, &de)
	assert.NotContains(t, err.Error(), secret)
	assert.NotContains(t, fmt.Sprintf("%+v", err), secret)
	assert.Contains(t, err.Error(), "is not an integer", "the cause is still told")
}

// TestPreparedRequest: the request a prepared client builds directly (no
// URL parsing) is the request http.NewRequest would build, carries the
// caller's context, and has a fresh real-clock stamp.
func TestPreparedRequest(t *testing.T) {
	rec := &recorder{answers: []answer{{200, okBody}}}
	c := newClient(t, rec, staticCredential(t, "id", "secret", ""))
	c.UserAgent = "ua/1"
	c.Prepare()
	type key struct{}
	ctx := context.WithValue(t.Context(), key{}, "v")
	for range 2 {
		require.NoError(t, c.Invoke(ctx, Call{Action: "DescribeInstance", Request: describeRequest{InstanceID: "i"}}))
	}
	for _, req := range rec.reqs {
		q := verifyRPC(t, req, "secret")
		want, err := http.NewRequestWithContext(ctx, http.MethodPost, req.URL.String(), nil)
		require.NoError(t, err)
		assert.Equal(t, want.URL, req.URL)
		assert.Equal(t, want.Host, req.Host)
		assert.Equal(t, want.Proto, req.Proto)
		assert.Equal(t, "v", req.Context().Value(key{}))
		assert.Equal(t, http.Header{"Accept": {"application/json"}, "Content-Type": {"application/x-www-form-urlencoded"}, "User-Agent": {"ua/1"}}, req.Header)
		assert.Regexp(t, `^[0-9a-f]{32}$`, q.Get("SignatureNonce"))
		stamp, err := time.Parse(timestampLayout, q.Get("Timestamp"))
		require.NoError(t, err)
		assert.WithinDuration(t, time.Now(), stamp, time.Minute)
	}
	assert.NotEqual(t, rec.reqs[0].URL.Query().Get("SignatureNonce"), rec.reqs[1].URL.Query().Get("SignatureNonce"))
	assert.NotSame(t, rec.reqs[0].URL, c.Endpoint, "the endpoint is copied, never changed")
	assert.Empty(t, c.Endpoint.RawQuery)
}
