package interop

// The capture server of the differential test: both clients send to it
// over loopback HTTP; it keeps each request as received, checks its RPC
// signature and answers with the answer set for the operation.

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/typedcloud/sdk-go/signer"
)

// wireRequest is one request as the capture server received it.
type wireRequest struct {
	Method string
	Params []wireParam // query and form body, in wire order
}

// wireParam is one parameter on the wire: where it was (query or body),
// its name and its decoded value.
type wireParam struct {
	In, Name, Value string
}

func (p wireParam) String() string { return p.In + " " + p.Name + "=" + p.Value }

type captureServer struct {
	srv    *httptest.Server
	secret string // the AccessKey secret both clients sign with

	mu     sync.Mutex
	answer []byte
	got    []wireRequest
	errs   []error
}

func newCaptureServer(t *testing.T, secret string) *captureServer {
	t.Helper()
	c := &captureServer{secret: secret}
	c.srv = httptest.NewServer(http.HandlerFunc(c.serve))
	t.Cleanup(c.srv.Close)
	return c
}

// URL is the server's base URL, http://127.0.0.1:<port>.
func (c *captureServer) URL() string { return c.srv.URL }

// client is an HTTP client that reaches the server without any proxy.
func (c *captureServer) client(t *testing.T) *http.Client {
	tr := &http.Transport{Proxy: nil}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// respond sets the answer to the next requests.
func (c *captureServer) respond(body []byte) {
	c.mu.Lock()
	c.answer = body
	c.mu.Unlock()
}

// take returns the requests received since the last take and the
// problems found in them.
func (c *captureServer) take() ([]wireRequest, []error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	got, errs := c.got, c.errs
	c.got, c.errs = nil, nil
	return got, errs
}

func (c *captureServer) serve(w http.ResponseWriter, r *http.Request) {
	rec, err := c.read(r)
	c.mu.Lock()
	c.got = append(c.got, rec)
	if err != nil {
		c.errs = append(c.errs, err)
	}
	answer := c.answer
	c.mu.Unlock()
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	_, _ = w.Write(answer)
}

// read decodes a request's parameters and checks its signature: the RPC
// HMAC-SHA1 of every parameter, query and form body, under its method.
func (c *captureServer) read(r *http.Request) (wireRequest, error) {
	rec := wireRequest{Method: r.Method}
	q, err := parseOrdered(r.URL.RawQuery, "query")
	if err != nil {
		return rec, err
	}
	rec.Params = q
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return rec, err
	}
	if len(body) > 0 {
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
			return rec, fmt.Errorf("a body of Content-Type %q", ct)
		}
		b, err := parseOrdered(string(body), "body")
		if err != nil {
			return rec, err
		}
		rec.Params = append(rec.Params, b...)
	}
	var sent string
	var signed []signer.Param
	for _, p := range rec.Params {
		if p.Name == "Signature" {
			sent = p.Value
			continue
		}
		signed = append(signed, signer.Param{Key: p.Name, Value: p.Value})
	}
	res, err := signer.SignRPC(r.Method, signed, c.secret)
	if err != nil {
		return rec, err
	}
	if sent == "" || sent != res.Signature {
		return rec, fmt.Errorf("the signature is not the RPC HMAC-SHA1 of the parameters sent (string to sign %q)", res.StringToSign)
	}
	return rec, nil
}

// parseOrdered decodes form-encoded text into its parameters in order.
func parseOrdered(s, in string) ([]wireParam, error) {
	var out []wireParam
	for part := range strings.SplitSeq(s, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("%s name %q: %w", in, k, err)
		}
		value, err := url.QueryUnescape(v)
		if err != nil {
			return nil, fmt.Errorf("%s value of %s %q: %w", in, name, v, err)
		}
		out = append(out, wireParam{In: in, Name: name, Value: value})
	}
	return out, nil
}

// sortedParams returns ps sorted, for comparing multisets.
func sortedParams(ps []wireParam) []wireParam {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b wireParam) int {
		return strings.Compare(a.In+"\x00"+a.Name+"\x00"+a.Value, b.In+"\x00"+b.Name+"\x00"+b.Value)
	})
	return out
}
