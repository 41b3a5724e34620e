package transport

import (
	"net"
	"net/http"
	"time"
)

// NewHTTPClient returns the client product packages use when the caller
// gives none: keep-alive on, enough idle connections per host that 64
// goroutines sharing one client reuse connections instead of dialing anew,
// proxies from the environment, bounded dial and TLS handshakes, and no
// redirects followed. It has no overall timeout: the caller's context and
// Config.Timeout bound a call.
func NewHTTPClient() *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Client{
		CheckRedirect: refuseRedirect,
		Transport: &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			DialContext:         dialer.DialContext,
			ForceAttemptHTTP2:   true,
			MaxIdleConns:        256,
			MaxIdleConnsPerHost: 64,
			MaxConnsPerHost:     64, // 64 goroutines sharing a client never open more

			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		},
	}
}

// WithoutRedirects returns the HTTPClient a product client sends with. A
// *http.Client follows redirects by default, to any host, port and scheme,
// carrying the signed query, the security token headers and a Referer that
// holds the signed URL; so a *http.Client is copied, and the copy refuses
// every redirect. The caller's value is not changed, and the copy shares its
// Transport and Jar, so connections are still pooled. Any other HTTPClient
// is returned as it is: it must not follow redirects itself (the product
// Options say so), and the transport turns a redirect it followed anyway
// into a *apierror.RedirectError rather than a success.
func WithoutRedirects(c HTTPClient) HTTPClient {
	hc, ok := c.(*http.Client)
	if !ok || hc == nil {
		return c
	}
	cp := *hc
	cp.CheckRedirect = refuseRedirect
	return &cp
}

// refuseRedirect makes a *http.Client return a 3xx answer as it is, which
// the transport then refuses; no request goes to the new address.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
