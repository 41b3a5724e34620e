package transport

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"
)

// ParseEndpoint turns an endpoint option (a bare host such as
// "outboundbot.cn-shanghai.aliyuncs.com" or a full URL such as
// "http://127.0.0.1:8080/base") into the URL calls are sent to. A bare host
// gets https: plain http is used only when the caller writes it.
func ParseEndpoint(s string) (*url.URL, error) {
	if s == "" {
		return nil, fmt.Errorf("empty endpoint")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("endpoint %q: %w", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("endpoint %q: scheme must be http or https", s)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("endpoint %q: no host", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("endpoint %q: must not have a query or fragment", s)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	// Host names are case-insensitive, but signatures cover the host: send
	// it the way the signer canonicalises it.
	u.Host = strings.ToLower(u.Host)
	return u, nil
}

// IsPlainHTTP reports whether u sends requests, and so credentials, in
// clear text to a host other than this machine's loopback.
func IsPlainHTTP(u *url.URL) bool {
	if u.Scheme != "http" {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return false
	}
	ip := net.ParseIP(host)
	return ip == nil || !ip.IsLoopback()
}

// WarnPlainHTTP logs, once when a client is made, that u sends credentials
// in clear text: plain http is the caller's explicit choice, but it should
// not go unnoticed. Loopback addresses (fakes, local proxies) are not
// reported.
func WarnPlainHTTP(l *slog.Logger, product string, u *url.URL) {
	if l == nil || !IsPlainHTTP(u) {
		return
	}
	l.LogAttrs(context.Background(), slog.LevelWarn, "typedcloud: endpoint uses plain http; credentials travel unencrypted",
		slog.String("product", product), slog.String("host", u.Host))
}
