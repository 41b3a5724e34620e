package bench

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/typedcloud/sdk-go/signer"
)

// VerifyRPC checks that c is a correctly signed Alibaba RPC request: its
// Signature is the HMAC-SHA1 signature (recomputed with this SDK's
// signer.SignRPC) over every query and form parameter, and each parameter
// of want has the given value (Format is compared without case: v2 sends
// "json"). It is a one-off check made before timing, so that every client
// is known to do the same work; the benchmark server itself verifies
// nothing.
func VerifyRPC(c Captured, secret string, want map[string]string) error {
	if c.Method != "POST" {
		return fmt.Errorf("method %s, want POST", c.Method)
	}
	if c.Path != "/" {
		return fmt.Errorf("path %q, want /", c.Path)
	}
	q, err := url.ParseQuery(c.RawQuery)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	all := url.Values{}
	for k, vs := range q {
		all[k] = append(all[k], vs...)
	}
	if len(c.Body) > 0 {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			return fmt.Errorf("form body: %w", err)
		}
		for k, vs := range form {
			all[k] = append(all[k], vs...)
		}
	}
	sent := all.Get("Signature")
	if sent == "" {
		return fmt.Errorf("no Signature in %q", c.RawQuery)
	}
	var params []signer.Param
	for k, vs := range all {
		if k == "Signature" {
			continue
		}
		for _, v := range vs {
			params = append(params, signer.Param{Key: k, Value: v})
		}
	}
	res, err := signer.SignRPC(c.Method, params, secret)
	if err != nil {
		return err
	}
	if res.Signature != sent {
		return fmt.Errorf("signature %q does not verify (want %q over %q)", sent, res.Signature, res.StringToSign)
	}
	for _, k := range []string{"SignatureNonce", "Timestamp", "AccessKeyId", "SignatureMethod", "SignatureVersion"} {
		if all.Get(k) == "" {
			return fmt.Errorf("no %s", k)
		}
	}
	for k, v := range want {
		got := all.Get(k)
		if got != v && !(k == "Format" && strings.EqualFold(got, v)) {
			return fmt.Errorf("%s=%q, want %q", k, got, v)
		}
	}
	return nil
}

// WantParams returns the parameters every client must send for op.
func WantParams(op Operation) map[string]string {
	return map[string]string{
		"Action":          op.action(),
		"Version":         op.version(),
		"InstanceId":      op.instanceID(),
		"RegionId":        Region,
		"AccessKeyId":     AccessKeyID,
		"SignatureMethod": "HMAC-SHA1",
		"Format":          "JSON",
	}
}
