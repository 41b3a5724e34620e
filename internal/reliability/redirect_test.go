package reliability

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// catcher is a server a redirect points to. It must receive nothing: every
// request it gets, and anything secret in one, is a credential leak.
type catcher struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string // each request as method, URL, headers and body
}

func newCatcher(t *testing.T, tls bool) *catcher {
	c := &catcher{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		c.mu.Lock()
		c.seen = append(c.seen, fmt.Sprintf("%s %s %v %s", r.Method, r.URL, r.Header, body))
		c.mu.Unlock()
		// An answer that would pass for a success if it were used.
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"RequestId":"CAUGHT","Code":"OK","Success":true,"Response":{"RequestId":"CAUGHT"}}`)
	})
	if tls {
		c.Server = httptest.NewTLSServer(h)
	} else {
		c.Server = httptest.NewServer(h)
	}
	t.Cleanup(c.Close)
	return c
}

func (c *catcher) requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.seen...)
}

// redirector answers every request with status and a Location on target,
// counting what it receives.
type redirector struct {
	*httptest.Server
	mu sync.Mutex
	n  int
}

func newRedirector(t *testing.T, tls bool, status int, target string) *redirector {
	rd := &redirector{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rd.mu.Lock()
		rd.n++
		rd.mu.Unlock()
		w.Header().Set("Location", target)
		w.WriteHeader(status)
	})
	if tls {
		rd.Server = httptest.NewTLSServer(h)
	} else {
		rd.Server = httptest.NewServer(h)
	}
	t.Cleanup(rd.Close)
	return rd
}

func (rd *redirector) count() int {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	return rd.n
}

// followingClient is an HTTPClient of the caller's own type that follows
// redirects, which Options.HTTPClient tells callers not to do.
type followingClient struct{ c *http.Client }

func (f followingClient) Do(r *http.Request) (*http.Response, error) { return f.c.Do(r) }

// TestRedirectRefused: for every operation of every product, a redirect to
// another host, another port or from https to plain http reaches no one:
// the target receives nothing, the endpoint is asked once, and the call
// returns a *RedirectError naming the target. This holds for the SDK's
// default client and for a caller's *http.Client, which is not changed.
func TestRedirectRefused(t *testing.T) {
	statuses := []int{301, 302, 303, 307, 308}
	type target struct {
		name      string
		tls       bool // the endpoint is https
		catcher   func(t *testing.T) (*catcher, string)
		newClient func(rd *redirector) *http.Client // nil: the SDK's default client
	}
	otherPort := func(t *testing.T) (*catcher, string) { c := newCatcher(t, false); return c, c.URL }
	otherHost := func(t *testing.T) (*catcher, string) {
		c := newCatcher(t, false)
		return c, strings.Replace(c.URL, "127.0.0.1", "localhost", 1)
	}
	targets := []target{
		{name: "other-port/sdk-client", catcher: otherPort},
		{name: "other-host/sdk-client", catcher: otherHost},
		{name: "other-host/callers-client", catcher: otherHost, newClient: func(*redirector) *http.Client { return &http.Client{} }},
		{name: "https-to-http/callers-client", tls: true, catcher: otherPort, newClient: func(rd *redirector) *http.Client { return rd.Client() }},
	}
	for _, op := range operations {
		for _, acs3 := range []bool{false, true} {
			if acs3 && op.product.tencent {
				continue
			}
			for _, tg := range targets {
				name := fmt.Sprintf("%s/acs3=%v/%s", op, acs3, tg.name)
				t.Run(name, func(t *testing.T) {
					e := op.product.start(0)
					defer e.Close()
					for _, status := range statuses {
						c, loc := tg.catcher(t)
						rd := newRedirector(t, tg.tls, status, loc+"/landing?AccessKeyId=x")
						s := settings{endpoint: rd.URL, acs3: acs3}
						var hc *http.Client
						if tg.newClient != nil {
							hc = tg.newClient(rd)
							s.http = hc
						}
						if !op.product.tencent {
							s.stsToken = outboundbottest.SecurityToken
						}
						client, err := e.client(s)
						require.NoError(t, err)
						err = op.call(client)(t.Context())

						var re *apierror.RedirectError
						require.ErrorAs(t, err, &re, "HTTP %d", status)
						assert.Equal(t, status, re.HTTPStatus)
						assert.False(t, re.Followed)
						assert.Equal(t, strings.TrimSuffix(loc, "/"), re.Target, "names the target's scheme and host only")
						assert.Contains(t, err.Error(), "redirect")
						assert.Empty(t, c.requests(), "HTTP %d: the redirect target received a request", status)
						assert.Equal(t, 1, rd.count(), "HTTP %d: nothing is resent", status)
						checkNoSecret(t, err)
						if hc != nil {
							assert.Nil(t, hc.CheckRedirect, "the caller's *http.Client is not changed")
						}
					}
				})
			}
		}
	}
}

// TestRedirectFollowedByCallersClient: an HTTPClient of the caller's own
// type that follows a redirect anyway cannot be stopped from sending, but
// the answer from the other address is never taken for the service's.
func TestRedirectFollowedByCallersClient(t *testing.T) {
	for _, op := range operations {
		t.Run(op.String(), func(t *testing.T) {
			e := op.product.start(0)
			defer e.Close()
			c := newCatcher(t, false)
			rd := newRedirector(t, false, http.StatusTemporaryRedirect, strings.Replace(c.URL, "127.0.0.1", "localhost", 1))
			client, err := e.client(settings{endpoint: rd.URL, http: followingClient{&http.Client{}}})
			require.NoError(t, err)
			err = op.call(client)(t.Context())
			var re *apierror.RedirectError
			require.ErrorAs(t, err, &re)
			assert.True(t, re.Followed)
			assert.Equal(t, http.StatusOK, re.HTTPStatus)
			assert.Len(t, c.requests(), 1, "followed once, not retried")
			assert.False(t, errors.Is(err, apierror.ErrServer))
			checkNoSecret(t, err)
		})
	}
}
