package signer

import (
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// The fuzz targets spell a list of params as "key\x1fvalue" records joined
// by "\x1e", so that a single string argument can hold any list.
func parseParams(blob string) []Param {
	if blob == "" {
		return nil
	}
	var params []Param
	for rec := range strings.SplitSeq(blob, "\x1e") {
		k, v, _ := strings.Cut(rec, "\x1f")
		params = append(params, Param{k, v})
	}
	return params
}

func FuzzPercentEncode(f *testing.F) {
	for _, s := range []string{"", "AZaz09-_.~", " *~/+:=&%!'()", "未🚀", "\x00\x7f\x80\xff", "\xe6\x9c",
		"2016-02-23T12:46:24Z", "abcdefghijklmnopq/", "SignatureNonce=x&y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPercentEncode(t, s)                                // arbitrary bytes
		checkPercentEncode(t, strings.ToValidUTF8(s, "\uFFFD")) // valid UTF-8
	})
}

func checkPercentEncode(t *testing.T, s string) {
	out := PercentEncode(s)
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case c == '%':
			if i+2 >= len(out) || !isUpperHex(out[i+1]) || !isUpperHex(out[i+2]) {
				t.Fatalf("PercentEncode(%q) = %q: bad escape at %d", s, out, i)
			}
			i += 2
		case !unreserved(c):
			t.Fatalf("PercentEncode(%q) = %q: reserved byte %q at %d", s, out, c, i)
		}
	}
	if got, err := url.QueryUnescape(out); err != nil || got != s {
		t.Fatalf("QueryUnescape(PercentEncode(%q)) = %q, %v", s, got, err)
	}
	if want := refEncode(s); out != want {
		t.Fatalf("PercentEncode(%q) = %q, want %q", s, out, want)
	}
	if got := string(AppendPercentEncode([]byte("k="), s)); got != "k="+out {
		t.Fatalf("AppendPercentEncode(%q) = %q, want %q", s, got, "k="+out)
	}
}

func isUpperHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

func FuzzSignRPC(f *testing.F) {
	f.Add("GET", "Action\x1fDescribeRegions\x1eTimestamp\x1f2016-02-23T12:46:24Z", "testsecret")
	f.Add("POST", "CallingNumber.2\x1f+86 571\x1eCallingNumber.10\x1fx\x1ea/b\x1f1\x1ea.b\x1f2", "s")
	f.Add("POST", "Signature\x1fstale\x1eScriptName\x1f外呼 🚀\x1eScene\x1fa=b&c=d", strings.Repeat("k", 70))
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, method, blob, secret string) {
		params := parseParams(blob)
		want := refRPC(method, slices.Clone(params), secret)
		again := slices.Clone(params)
		got := signRPC(t, method, params, secret)
		if d := diffFields(got, want); d != nil {
			t.Fatalf("SignRPC(%q, %q):\n%s", method, params, strings.Join(d, "\n"))
		}
		if d := diffFields(signRPC(t, method, again, secret), got); d != nil {
			t.Fatalf("SignRPC is not deterministic:\n%s", strings.Join(d, "\n"))
		}
		if raw, err := base64.StdEncoding.DecodeString(got.Signature); err != nil || len(raw) != 20 || len(got.Signature) != 28 {
			t.Fatalf("Signature %q is not the Base64 of 20 bytes", got.Signature)
		}

		// The wire form decodes to the signed parameters plus Signature.
		decoded, err := url.ParseQuery(got.CanonicalQuery + "&Signature=" + PercentEncode(got.Signature))
		if err != nil {
			t.Fatalf("ParseQuery: %v", err)
		}
		var wantPairs, gotPairs []Param
		for _, p := range params {
			if p.Key != "Signature" {
				wantPairs = append(wantPairs, p)
			}
		}
		wantPairs = append(wantPairs, Param{"Signature", got.Signature})
		for k, vs := range decoded {
			for _, v := range vs {
				gotPairs = append(gotPairs, Param{k, v})
			}
		}
		sortParams(wantPairs)
		sortParams(gotPairs)
		if !slices.Equal(gotPairs, wantPairs) {
			t.Fatalf("wire query decodes to %q, want %q", gotPairs, wantPairs)
		}
	})
}

func FuzzSignACS3(f *testing.F) {
	f.Add("POST", "/", "ImageId\x1fwin2019\x1eRegionId\x1fcn-shanghai",
		"host\x1fecs.cn-shanghai.aliyuncs.com\x1ex-acs-action\x1fRunInstances\x1eUser-Agent\x1fx", "", "id", "secret")
	f.Add("GET", "", "b\x1f\x1ea\x1fx y", "Host\x1f h \x1eX-ACS-Date\x1f2024\x1eContent-Type\x1fapplication/json",
		`{"a":"<b>"}`, "id", strings.Repeat("s", 65))
	f.Fuzz(func(t *testing.T, method, uri, query, headers, body, id, secret string) {
		req := ACS3Request{Method: method, CanonicalURI: uri, Query: parseParams(query), Headers: parseParams(headers)}
		if body != "" {
			req.HashedPayload = HashPayload([]byte(body))
		}
		got := SignACS3(req, id, secret)
		if d := diffFields(got, refACS3(req, id, secret)); d != nil {
			t.Fatalf("SignACS3(%+v):\n%s", req, strings.Join(d, "\n"))
		}
		if d := diffFields(SignACS3(req, id, secret), got); d != nil {
			t.Fatalf("SignACS3 is not deterministic:\n%s", strings.Join(d, "\n"))
		}
		checkHexSignature(t, got.Signature)
		if !strings.HasPrefix(got.Authorization, "ACS3-HMAC-SHA256 Credential="+id+",SignedHeaders=") ||
			!strings.HasSuffix(got.Authorization, ",Signature="+got.Signature) {
			t.Fatalf("Authorization = %q", got.Authorization)
		}
	})
}

func FuzzSignTC3(f *testing.F) {
	f.Add("POST", "cvm.tencentcloudapi.com", "", "application/json; charset=utf-8", `{"Limit": 1}`, "cvm",
		int64(1551113065), "", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")
	f.Add("GET", "Host.Example", "Limit=1&Offset=0", "application/x-www-form-urlencoded", "", "example",
		int64(1704067199), "X-TC-Action\x1fDescribeInstances\x1eHost\x1fignored", "id", "key")
	f.Add("POST", "", "", "", UnsignedPayload, "", int64(-62135596801), "", "", "")
	f.Fuzz(func(t *testing.T, method, host, query, contentType, body, service string, ts int64, extra, id, key string) {
		req := TC3Request{Method: method, Host: host, CanonicalQuery: query, ContentType: contentType,
			Service: service, Timestamp: ts, ExtraHeaders: parseParams(extra)}
		if body != "" {
			req.HashedPayload = HashPayload([]byte(body))
		}
		got := SignTC3(req, id, key)
		if d := diffFields(got, refTC3(req, id, key)); d != nil {
			t.Fatalf("SignTC3(%+v):\n%s", req, strings.Join(d, "\n"))
		}
		if d := diffFields(SignTC3(req, id, key), got); d != nil {
			t.Fatalf("SignTC3 is not deterministic:\n%s", strings.Join(d, "\n"))
		}
		checkHexSignature(t, got.Signature)
		if want := time.Unix(ts, 0).UTC().Format("2006-01-02"); got.Date != want {
			t.Fatalf("Date = %q, want %q", got.Date, want)
		}
		if !strings.HasSuffix(got.Authorization, ", Signature="+got.Signature) {
			t.Fatalf("Authorization = %q", got.Authorization)
		}
	})
}

func checkHexSignature(t *testing.T, sig string) {
	t.Helper()
	if raw, err := hex.DecodeString(sig); err != nil || len(raw) != 32 || strings.ToLower(sig) != sig {
		t.Fatalf("Signature %q is not 64 lowercase hex digits", sig)
	}
}
