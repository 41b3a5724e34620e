package rpc

import (
	"fmt"
	"net/url"
	"strings"
)

// Endpoint turns an endpoint option (a bare host such as
// "outboundbot.cn-shanghai.aliyuncs.com" or a full URL such as
// "http://127.0.0.1:8080/base") into the URL calls are sent to. A bare host
// gets https.
func Endpoint(s string) (*url.URL, error) {
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

// RegionalHost returns the documented regional endpoint of a product:
// <product>.<region>.aliyuncs.com.
func RegionalHost(product, region string) string {
	return product + "." + region + ".aliyuncs.com"
}
