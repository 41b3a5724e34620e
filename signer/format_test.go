package signer

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
)

// formats renders v every way a log line or error message might.
func formats(v any) map[string]string {
	out := map[string]string{}
	ptr := reflect.New(reflect.TypeOf(v))
	ptr.Elem().Set(reflect.ValueOf(v))
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3v"} {
		out[verb] = fmt.Sprintf(verb, v)
		out[verb+" pointer"] = fmt.Sprintf(verb, ptr.Interface())
		out[verb+" in slice"] = fmt.Sprintf(verb, []any{v})
		out[verb+" in struct"] = fmt.Sprintf(verb, struct{ R any }{v})
	}
	out["Sprint"] = fmt.Sprint(v)
	out["Sprintln"] = fmt.Sprintln(v)
	out["Errorf"] = fmt.Errorf("signing failed: %w (%v)", fmt.Errorf("x"), v).Error()
	if s, ok := v.(fmt.Stringer); ok {
		out["String"] = s.String()
	}
	if s, ok := v.(fmt.GoStringer); ok {
		out["GoString"] = s.GoString()
	}
	for name, h := range map[string]func(*bytes.Buffer) slog.Handler{
		"slog JSON": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
		"slog text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
	} {
		var b bytes.Buffer
		slog.New(h(&b)).Info("signed", "result", v)
		out[name] = b.String()
	}
	return out
}

func checkRedacted(t *testing.T, v any, secrets []string, visible []string) {
	t.Helper()
	for how, s := range formats(v) {
		for _, secret := range secrets {
			if secret != "" && strings.Contains(s, secret) {
				t.Errorf("%s shows secret %q:\n%s", how, secret, s)
			}
		}
		if how == "%+v" {
			for _, want := range visible {
				if !strings.Contains(s, want) {
					t.Errorf("%s hides %q:\n%s", how, want, s)
				}
			}
			if !strings.Contains(s, redacted) {
				t.Errorf("%s has no %s placeholder:\n%s", how, redacted, s)
			}
		}
	}
}

const canary = "CANARY-Secret-Do-Not-Log-7f3a"

func TestRPCResultRedacted(t *testing.T) {
	r := signRPC(t, "GET", []Param{{"Action", "DescribeRegions"}, {"AccessKeyId", "canary-id"}}, canary)
	checkRedacted(t, r,
		[]string{canary, r.Signature, PercentEncode(r.Signature)},
		[]string{"CanonicalQuery:" + r.CanonicalQuery, "StringToSign:" + r.StringToSign})
}

func TestACS3ResultRedacted(t *testing.T) {
	r := SignACS3(ACS3Request{Method: "POST", Headers: []Param{{"host", "example.com"}, {"x-acs-action", "X"}}},
		"canary-id", canary)
	checkRedacted(t, r,
		[]string{canary, r.Signature, r.Authorization},
		[]string{"CanonicalRequest:" + r.CanonicalRequest, "StringToSign:" + r.StringToSign})
}

func TestTC3ResultRedacted(t *testing.T) {
	r := SignTC3(TC3Request{Method: "POST", Host: "cvm.tencentcloudapi.com", ContentType: "application/json",
		Service: "cvm", Timestamp: 1716192000}, "canary-id", canary)
	var secrets = []string{canary, r.Signature, r.Authorization}
	for _, k := range [][]byte{r.SecretDate, r.SecretService, r.SecretSigning} {
		secrets = append(secrets, string(k), hex.EncodeToString(k), strings.ToUpper(hex.EncodeToString(k)),
			strings.Trim(fmt.Sprint(k), "[]"))
	}
	checkRedacted(t, r, secrets,
		[]string{"CanonicalRequest:" + r.CanonicalRequest, "StringToSign:" + r.StringToSign, "CredentialScope:" + r.CredentialScope})
}

// Unset secrets print as empty, so the output still tells whether they
// were computed.
func TestZeroResultFormat(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{RPCResult{}, "{CanonicalQuery: StringToSign: Signature:}"},
		{RPCResult{Signature: "x"}, "{CanonicalQuery: StringToSign: Signature:REDACTED}"},
		{TC3Result{SecretDate: []byte{1}}, "{CanonicalHeaders: SignedHeaders: CanonicalRequest: HashedCanonicalRequest: " +
			"Date: CredentialScope: StringToSign: SecretDate:REDACTED SecretService:[] SecretSigning:[] Signature: Authorization:}"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf("%+v", tt.v); got != tt.want {
			t.Errorf("%%+v = %q, want %q", got, tt.want)
		}
	}
	if got, want := fmt.Sprintf("%#v", TC3Result{SecretService: []byte{1}}.SecretDate), "[]byte(nil)"; got != want {
		t.Errorf("%%#v of nil key = %q, want %q", got, want)
	}
	if got, want := fmt.Sprintf("%#v", RPCResult{CanonicalQuery: "a=1", Signature: "x"}),
		`signer.RPCResult{CanonicalQuery:"a=1", StringToSign:"", Signature:"REDACTED"}`; got != want {
		t.Errorf("%%#v = %s, want %s", got, want)
	}
}
