package interop

// Helpers shared by the tests that run an official client against one of
// our public fakes over loopback (outboundbot_fake_test.go,
// ccc_fake_test.go, industrialcloud_fake_test.go): the recording transport
// the official clients send through, the way an Alibaba Cloud v1 client is
// pointed at a fake, and the checks of what the v1 SDK reports and sends.

import (
	"bytes"
	stderrors "errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
)

// sentRequest is one request as the official SDK handed it to the transport.
type sentRequest struct {
	Method      string
	Host        string // the Host the SDK set (req.Host, else the URL's)
	Header      http.Header
	RawQuery    string // as sent (after tampering, if any)
	ContentType string
	Body        string
	Signature   string // decoded Signature the SDK computed (Alibaba RPC)
	Sent        string // decoded Signature actually sent
}

// wireTap is an official client's transport: it forwards every request over
// real HTTP through its own http.Transport (no proxy), records it, and while
// tamper is set changes one character of the Signature query parameter
// (Alibaba RPC requests only).
type wireTap struct {
	base *http.Transport
	// dial, when set, is the host:port the request is sent to instead of
	// its URL's host; the Host header the SDK set (and signed) is kept. It
	// lets a client configured with a made-up name reach the loopback fake
	// without any name resolution.
	dial string

	mu     sync.Mutex
	tamper bool
	sent   []sentRequest
}

func newWireTap() *wireTap {
	return &wireTap{base: &http.Transport{Proxy: nil, DisableCompression: true}}
}

func (w *wireTap) setTamper(on bool) {
	w.mu.Lock()
	w.tamper = on
	w.mu.Unlock()
}

// last returns the last request sent.
func (w *wireTap) last(t *testing.T) sentRequest {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.sent) == 0 {
		t.Fatal("the official client sent no request")
	}
	return w.sent[len(w.sent)-1]
}

func (w *wireTap) all() []sentRequest {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]sentRequest(nil), w.sent...)
}

func (w *wireTap) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	out := req.Clone(req.Context()) // a RoundTripper must not modify req
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	out.ContentLength = int64(len(body))

	w.mu.Lock()
	tamper := w.tamper
	w.mu.Unlock()

	q, err := url.ParseQuery(req.URL.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("wireTap: SDK query: %w", err)
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	rec := sentRequest{
		Method: req.Method, Host: host, Header: req.Header.Clone(), RawQuery: req.URL.RawQuery,
		ContentType: req.Header.Get("Content-Type"), Body: string(body),
		Signature: q.Get("Signature"), Sent: q.Get("Signature"),
	}
	if w.dial != "" {
		u := *out.URL
		u.Host = w.dial
		out.URL = &u
		out.Host = host
	}
	if tamper {
		raw, sent, err := tamperSignature(req.URL.RawQuery)
		if err != nil {
			return nil, err
		}
		u := *out.URL
		u.RawQuery = raw
		out.URL = &u
		rec.RawQuery, rec.Sent = raw, sent
	}
	w.mu.Lock()
	w.sent = append(w.sent, rec)
	w.mu.Unlock()
	return w.base.RoundTrip(out)
}

// tamperSignature replaces the first character of the Signature parameter
// in a raw query with another base64 letter ('A', or 'B' if it was 'A') and
// leaves every other byte of the query alone. The value stays valid base64
// and valid percent-encoding; of the 20 decoded signature bytes only the
// first changes. It returns the new raw query and the decoded new signature.
func tamperSignature(rawQuery string) (string, string, error) {
	parts := strings.Split(rawQuery, "&")
	for i, p := range parts {
		k, v, _ := strings.Cut(p, "=")
		if k != "Signature" {
			continue
		}
		sig, err := url.QueryUnescape(v)
		if err != nil || sig == "" {
			return "", "", fmt.Errorf("wireTap: Signature %q: %v", v, err)
		}
		b := []byte(sig)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		parts[i] = "Signature=" + url.QueryEscape(string(b))
		return strings.Join(parts, "&"), string(b), nil
	}
	return "", "", fmt.Errorf("wireTap: no Signature in %q", rawQuery)
}

// loopbackHost returns the host:port of a fake's base URL and fails unless
// it is a loopback IP, so the official clients dial nothing else.
func loopbackHost(t *testing.T, fakeURL string) string {
	t.Helper()
	u, err := url.Parse(fakeURL)
	if err != nil {
		t.Fatal(err)
	}
	if ip := u.Hostname(); ip != "127.0.0.1" && ip != "::1" {
		t.Fatalf("fake listens on %q, not loopback", u.Host)
	}
	return u.Host
}

// pointAtFake points an official v1 client (any product's: they all embed
// sdk.Client) at the fake listening at fakeURL and returns its transport.
//
// How (v1.63.107, sdk/client.go buildRequestWithSigner and
// RpcRequest.BuildUrl):
//   - Client.Domain = "127.0.0.1:<port>" (host:port of the fake's URL): the
//     client-wide endpoint override, checked before the endpoint map, the
//     endpoint rules and the location service, so nothing is resolved;
//   - the scheme is the client config's, "HTTP" by default (sdk.NewConfig);
//     it is set explicitly with GetConfig().WithScheme("HTTP") so the test
//     does not depend on that default (no TLS, so SetHTTPSInsecure is moot);
//   - Client.SetTransport(tap): an http.RoundTripper of ours that forwards to
//     a private http.Transport with Proxy nil, so an HTTP_PROXY in the
//     environment cannot take the request off loopback, and that can see
//     (and, for the negative tests, alter) the request as the SDK built it.
func pointAtFake(t *testing.T, c *sdk.Client, fakeURL string) *wireTap {
	t.Helper()
	c.Domain = loopbackHost(t, fakeURL)
	c.GetConfig().WithScheme("HTTP")
	tap := newWireTap()
	c.SetTransport(tap)
	t.Cleanup(tap.base.CloseIdleConnections)
	return tap
}

// serverError asserts err is the official v1 SDK's ServerError with code and
// HTTP status.
func serverError(t *testing.T, err error, code string, status int) *sdkerrors.ServerError {
	t.Helper()
	if err == nil {
		t.Fatalf("call succeeded, want ServerError %s (HTTP %d)", code, status)
	}
	var se *sdkerrors.ServerError
	if !stderrors.As(err, &se) {
		t.Fatalf("error is %T, want *errors.ServerError %s: %v", err, code, err)
	}
	if se.ErrorCode() != code || se.HttpStatus() != status {
		t.Fatalf("ServerError %s (HTTP %d), want %s (HTTP %d): %s", se.ErrorCode(), se.HttpStatus(), code, status, se.Message())
	}
	if se.RequestId() == "" {
		t.Errorf("ServerError %s carries no RequestId", code)
	}
	return se
}

// invalidSecret asserts a SignatureDoesNotMatch whose server string to sign
// equals the SDK's: the official v1 SDK compares the two (errors
// SignatureDostNotMatchWrapper) and blames the secret only when they are
// identical, so this proves the fake canonicalized the request exactly as
// the SDK did and rejected only the signature value.
func invalidSecret(t *testing.T, err error) {
	t.Helper()
	se := serverError(t, err, "SignatureDoesNotMatch", http.StatusBadRequest)
	if !strings.HasPrefix(se.Recommend(), "InvalidAccessKeySecret") {
		t.Fatalf("the fake's string to sign differs from the SDK's (Recommend %q): %s", se.Recommend(), se.Message())
	}
}

// checkWire asserts what every RPC request of the official v1 SDK looks
// like: a POST, parameters in the query only, an empty form body, the
// parameters the SDK always adds (RegionId region, Version version,
// SecurityToken token), a fresh nonce and a current timestamp (so the linked
// test hooks of signer_rpc_test.go are not in force).
func checkWire(t *testing.T, sent []sentRequest, region, version, token string) {
	t.Helper()
	nonces := map[string]bool{}
	now := time.Now().UTC()
	for i, r := range sent {
		q, err := url.ParseQuery(r.RawQuery)
		if err != nil {
			t.Fatalf("request %d: query: %v", i, err)
		}
		if r.Method != http.MethodPost || r.Body != "" || r.ContentType != "application/x-www-form-urlencoded" {
			t.Errorf("request %d (%s): %s, Content-Type %q, body %q; want POST, form content type, empty body", i, q.Get("Action"), r.Method, r.ContentType, r.Body)
		}
		if v, ok := q["SignatureType"]; !ok || len(v) != 1 || v[0] != "" || !strings.Contains("&"+r.RawQuery+"&", "&SignatureType=&") {
			t.Errorf("request %d: SignatureType %q, want present and empty", i, v)
		}
		for k, want := range map[string]string{
			"RegionId": region, "Version": version, "Format": "JSON",
			"SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SecurityToken": token,
		} {
			if got := q.Get(k); got != want {
				t.Errorf("request %d: %s=%q, want %q", i, k, got, want)
			}
		}
		ts, err := time.Parse("2006-01-02T15:04:05Z", q.Get("Timestamp"))
		if err != nil || ts.Sub(now) > time.Minute || now.Sub(ts) > 5*time.Minute {
			t.Fatalf("request %d: Timestamp %q is not the current time (%v): are the v1 SDK's clock hooks still pinned?", i, q.Get("Timestamp"), err)
		}
		n := q.Get("SignatureNonce")
		if n == "" || nonces[n] {
			t.Fatalf("request %d: SignatureNonce %q empty or repeated: are the v1 SDK's nonce hooks still pinned?", i, n)
		}
		nonces[n] = true
	}
}
