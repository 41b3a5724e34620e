package tc3api

import (
	"errors"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
)

const fuzzCanary = "fuzz-canary-token-91be"

type fuzzPayload struct {
	RequestID string `json:"RequestId"`
	Data      struct {
		TotalCount int
		Instances  []struct{ UUID, InstanceName string }
	}
}

// FuzzDecode checks the API 3.0 envelope decoder: for any status and body
// it returns nil with a RequestId, an *APIError, or a *DecodeError, each
// printing one line without the attempt's secrets (the token).
func FuzzDecode(f *testing.F) {
	f.Add(200, []byte(`{"Response": {"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"}}`))
	f.Add(200, []byte(`{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not be validated. Please ensure your signature is correct."}, "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}`))
	f.Add(200, []byte(`{"Response":{"Code":40001,"Msg":"实例名称长度不能超过20个字符","RequestId":"1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a"}}`))
	f.Add(200, []byte(`{"Response":{"Code":0,"Msg":"success","RequestId":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}}`))
	f.Add(200, []byte(`{"code":4000,"message":"legacy `+fuzzCanary+`","codeDesc":"InvalidParameter"}`))
	f.Add(200, []byte(`{"Response":{"Error":{"Code":"AuthFailure.TokenFailure","Message":"token `+fuzzCanary+` expired"},"RequestId":"r"}}`))
	f.Add(200, []byte(`{"Response":{"RequestId":"r","Data":{"TotalCount":"3","Instances":[{"UUID":"u"}]}}}`))
	f.Add(502, []byte(`<html><body>502 Bad Gateway</body></html>`))
	f.Add(500, []byte(``))
	c := &Client{Product: "fuzz", Codes: apierror.Codes{"FailedOperation": apierror.ErrConflict}}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		a := &transport.Answer{Status: status, Body: body, Secrets: []string{fuzzCanary, "", ""}}
		var out fuzzPayload
		err := c.decode("DescribeInstances", a, &out)
		if err == nil {
			if status < 200 || status > 299 {
				t.Fatalf("HTTP %d decoded as success", status)
			}
			if a.RequestID == "" {
				t.Fatalf("success without a RequestId: %q", body)
			}
			return
		}
		var apiErr *apierror.APIError
		var decErr *apierror.DecodeError
		switch {
		case errors.As(err, &apiErr):
			if apiErr.HTTPStatus != status {
				t.Fatalf("APIError.HTTPStatus = %d, want %d", apiErr.HTTPStatus, status)
			}
			cat := apiErr.Category()
			n := 0
			for _, s := range []error{apierror.ErrNotFound, apierror.ErrThrottled, apierror.ErrAuth, apierror.ErrPermission,
				apierror.ErrInvalidParameter, apierror.ErrConflict, apierror.ErrQuotaExceeded, apierror.ErrServer} {
				if errors.Is(err, s) {
					n++
					if s != cat {
						t.Fatalf("%v matches %v but its category is %v", err, s, cat)
					}
				}
			}
			if n > 1 || (n == 0) != (cat == nil) {
				t.Fatalf("%v matches %d categories (category %v)", err, n, cat)
			}
		case errors.As(err, &decErr):
			if len(decErr.Snippet) > apierror.SnippetLimit || decErr.HTTPStatus != status {
				t.Fatalf("DecodeError %#v", decErr)
			}
		default:
			t.Fatalf("untyped error %T: %v", err, err)
		}
		msg := err.Error()
		if strings.ContainsAny(msg, "\r\n") {
			t.Fatalf("error text is not one line: %q", msg)
		}
		if leaksSecret(err, fuzzCanary) {
			t.Fatalf("error text leaks the token: %q", msg)
		}
	})
}

// leaksSecret reports whether err exposes secret. A DecodeError is checked
// part by part: its Error() quotes the snippet, and an escape such as \xff
// before "uzz…" can spell a secret the body does not hold.
func leaksSecret(err error, secret string) bool {
	var decErr *apierror.DecodeError
	if errors.As(err, &decErr) {
		return strings.Contains(decErr.RequestID, secret) || strings.Contains(decErr.Snippet, secret) ||
			decErr.Err != nil && strings.Contains(decErr.Err.Error(), secret)
	}
	return strings.Contains(err.Error(), secret)
}
