package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// cutShort are answers whose body breaks off before its end, each written
// raw on a hijacked connection that is then closed.
var cutShort = []struct {
	name, raw string
	cause     error // what errors.Is must reach; nil: any read error
}{
	{"shorter-than-content-length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"RequestId\":\"R\"", io.ErrUnexpectedEOF},
	{"chunk-cut-off", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{\"RequestId\":\"R\"", io.ErrUnexpectedEOF},
	// Go's transport asked for gzip itself, so it unpacks the body; a
	// stream that is not gzip fails while the body is read.
	{"broken-gzip", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 15\r\n\r\nnot gzip at all", nil},
}

func rawServer(t *testing.T, raw string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString(raw)
		buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv
}

func callTo(url string, idempotent bool) *Call {
	return &Call{Product: "testproduct", Operation: "TestOp", Idempotent: idempotent, Exchange: &Funcs{
		BuildFunc: func(ctx context.Context) (*http.Request, []string, error) {
			r, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
			return r, nil, err
		},
		DecodeFunc: func(a *Answer) error { return nil },
	}}
}

// TestAnswerCutShort: an answer whose transfer breaks before the body is
// complete is an *OperationError that says the answer was cut short: reads
// retry it, writes do not (the service got the request and may have acted).
func TestAnswerCutShort(t *testing.T) {
	for _, tc := range cutShort {
		for _, idempotent := range []bool{true, false} {
			srv := rawServer(t, tc.raw)
			var sent int
			counting := doFunc(func(r *http.Request) (*http.Response, error) { sent++; return srv.Client().Do(r) })
			cfg := &Config{HTTPClient: counting, Jitter: func(time.Duration) time.Duration { return 0 }}
			err := cfg.Do(t.Context(), callTo(srv.URL, idempotent))
			var oe *apierror.OperationError
			require.ErrorAs(t, err, &oe, tc.name)
			assert.Contains(t, err.Error(), "reading the answer (HTTP 200)", tc.name)
			if tc.cause != nil {
				assert.ErrorIs(t, err, tc.cause, tc.name)
			}
			var de *apierror.DecodeError
			assert.False(t, errors.As(err, &de), "%s: not a DecodeError: the body never arrived whole", tc.name)
			want := 1
			if idempotent {
				want = 3
			}
			assert.Equal(t, want, sent, "%s: attempts (idempotent %v)", tc.name, idempotent)
			assert.Equal(t, want, oe.Attempts)
		}
	}
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// TestRedirectAnswer: every 3xx is refused before decoding, whatever the
// HTTPClient, and names only the target's scheme and host, scrubbed.
func TestRedirectAnswer(t *testing.T) {
	for _, status := range []int{300, 301, 302, 303, 304, 307, 308} {
		decoded := false
		call := &Call{Product: "p", Operation: "Op", Idempotent: true, Exchange: &Funcs{
			BuildFunc: func(ctx context.Context) (*http.Request, []string, error) {
				r, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example/?Signature=SIG", nil)
				return r, []string{"TOKENVALUE"}, err
			},
			DecodeFunc: func(*Answer) error { decoded = true; return nil },
		}}
		sent := 0
		cfg := &Config{HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			sent++
			h := http.Header{"Location": {"http://user:pw@evil.example:8080/x?SecurityToken=TOKENVALUE"}}
			return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader("")), Request: r}, nil
		})}
		err := cfg.Do(t.Context(), call)
		var re *apierror.RedirectError
		require.ErrorAs(t, err, &re, "HTTP %d", status)
		assert.Equal(t, "http://evil.example:8080", re.Target)
		assert.Equal(t, 1, sent, "HTTP %d: not retried", status)
		assert.False(t, decoded, "HTTP %d: a redirect is not decoded", status)
		assert.NotContains(t, err.Error(), "TOKENVALUE")
		assert.NotContains(t, err.Error(), "pw")
	}

	// The target host itself is scrubbed of the attempt's secrets.
	got := origin(mustParse(t, "https://TOKENVALUE.evil.example/"), []string{"TOKENVALUE"})
	assert.Equal(t, "https://REDACTED.evil.example", got)
}

// TestDefaultClientRefusesRedirects: the SDK's own client and the copy made
// of a caller's *http.Client return a redirect unfollowed; the caller's
// value keeps its CheckRedirect.
func TestDefaultClientRefusesRedirects(t *testing.T) {
	landed := 0
	target := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { landed++ }))
	defer target.Close()
	srv := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusTemporaryRedirect))
	defer srv.Close()

	mine := &http.Client{}
	for name, c := range map[string]HTTPClient{"default": NewHTTPClient(), "caller's copy": WithoutRedirects(mine), "nil": nil} {
		cfg := &Config{HTTPClient: c}
		err := cfg.Do(t.Context(), callTo(srv.URL, false))
		var re *apierror.RedirectError
		require.ErrorAs(t, err, &re, name)
		assert.Equal(t, http.StatusTemporaryRedirect, re.HTTPStatus, name)
	}
	assert.Zero(t, landed)
	assert.Nil(t, mine.CheckRedirect)
	other := &script{}
	assert.Same(t, other, WithoutRedirects(other), "another implementation is returned as it is")
}

func mustParse(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	require.NoError(t, err)
	return u
}
