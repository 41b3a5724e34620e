package transport

import (
	"net"
	"net/http"
	"time"
)

// NewHTTPClient returns the client product packages use when the caller
// gives none: keep-alive on, enough idle connections per host that 64
// goroutines sharing one client reuse connections instead of dialing anew,
// proxies from the environment, and bounded dial and TLS handshakes. It has
// no overall timeout: the caller's context and Config.Timeout bound a call.
func NewHTTPClient() *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         dialer.DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 64,
		MaxConnsPerHost:     64, // 64 goroutines sharing a client never open more

		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}}
}
