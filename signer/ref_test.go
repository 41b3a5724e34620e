package signer

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strings"
	"testing"
	"time"
)

// Straightforward reference signers, written from the protocol text with
// crypto/hmac and no attention to speed. The tests and fuzz targets check
// the real signers against them.

func refEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func refQuery(params []Param, skip string) string {
	type pair struct{ k, v string }
	var pairs []pair
	for _, p := range params {
		if skip != "" && p.Key == skip {
			continue
		}
		pairs = append(pairs, pair{refEncode(p.Key), refEncode(p.Value)})
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := strings.Compare(a.k, b.k); c != 0 {
			return c
		}
		return strings.Compare(a.v, b.v)
	})
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p.k + "=" + p.v
	}
	return strings.Join(parts, "&")
}

// signRPC is SignRPC in a test, which runs outside FIPS 140-only mode.
func signRPC(t testing.TB, method string, params []Param, secret string) RPCResult {
	t.Helper()
	r, err := SignRPC(method, params, secret)
	if err != nil {
		t.Fatalf("SignRPC: %v", err)
	}
	return r
}

func refHMAC(h func() hash.Hash, key, msg string) []byte {
	mac := hmac.New(h, []byte(key))
	mac.Write([]byte(msg))
	return mac.Sum(nil)
}

func refRPC(method string, params []Param, secret string) RPCResult {
	q := refQuery(params, "Signature")
	sts := method + "&" + refEncode("/") + "&" + refEncode(q)
	sig := base64.StdEncoding.EncodeToString(refHMAC(sha1.New, secret+"&", sts))
	return RPCResult{CanonicalQuery: q, StringToSign: sts, Signature: sig}
}

func lowerASCIIString(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// refHeaders returns the canonical and signed headers for the headers
// chosen by keep, values lowercased if lowerValues.
func refHeaders(headers []Param, keep func(name string) bool, lowerValues bool) (canonical, signed string) {
	var hs []Param
	for _, h := range headers {
		name := lowerASCIIString(h.Key)
		if !keep(name) {
			continue
		}
		v := strings.TrimSpace(h.Value)
		if lowerValues {
			v = lowerASCIIString(v)
		}
		hs = append(hs, Param{name, v})
	}
	slices.SortFunc(hs, func(a, b Param) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	var names []string
	for _, h := range hs {
		canonical += h.Key + ":" + h.Value + "\n"
		names = append(names, h.Key)
	}
	return canonical, strings.Join(names, ";")
}

func refACS3(r ACS3Request, id, secret string) ACS3Result {
	uri := r.CanonicalURI
	if uri == "" {
		uri = "/"
	}
	payload := r.HashedPayload
	if payload == "" {
		payload = hex.EncodeToString(sha256Sum(""))
	}
	ch, sh := refHeaders(r.Headers, func(n string) bool {
		return n == "host" || n == "content-type" || strings.HasPrefix(n, "x-acs-")
	}, false)
	q := refQuery(r.Query, "")
	cr := strings.Join([]string{r.Method, uri, q, ch, sh, payload}, "\n")
	hcr := hex.EncodeToString(sha256Sum(cr))
	sts := "ACS3-HMAC-SHA256\n" + hcr
	sig := hex.EncodeToString(refHMAC(sha256.New, secret, sts))
	return ACS3Result{
		CanonicalQuery: q, CanonicalHeaders: ch, SignedHeaders: sh, HashedPayload: payload,
		CanonicalRequest: cr, HashedCanonicalRequest: hcr, StringToSign: sts, Signature: sig,
		Authorization: "ACS3-HMAC-SHA256 Credential=" + id + ",SignedHeaders=" + sh + ",Signature=" + sig,
	}
}

func refTC3(r TC3Request, id, key string) TC3Result {
	uri := r.CanonicalURI
	if uri == "" {
		uri = "/"
	}
	payload := r.HashedPayload
	if payload == "" {
		payload = hex.EncodeToString(sha256Sum(""))
	}
	headers := []Param{{"Content-Type", r.ContentType}, {"Host", r.Host}}
	for _, h := range r.ExtraHeaders {
		if n := lowerASCIIString(h.Key); n != "content-type" && n != "host" {
			headers = append(headers, h)
		}
	}
	ch, sh := refHeaders(headers, func(string) bool { return true }, true)
	cr := strings.Join([]string{r.Method, uri, r.CanonicalQuery, ch, sh, payload}, "\n")
	hcr := hex.EncodeToString(sha256Sum(cr))
	date := time.Unix(r.Timestamp, 0).UTC().Format("2006-01-02")
	scope := date + "/" + r.Service + "/tc3_request"
	sts := fmt.Sprintf("TC3-HMAC-SHA256\n%d\n%s\n%s", r.Timestamp, scope, hcr)
	kDate := refHMAC(sha256.New, "TC3"+key, date)
	kService := refHMAC(sha256.New, string(kDate), r.Service)
	kSigning := refHMAC(sha256.New, string(kService), "tc3_request")
	sig := hex.EncodeToString(refHMAC(sha256.New, string(kSigning), sts))
	return TC3Result{
		CanonicalHeaders: ch, SignedHeaders: sh, CanonicalRequest: cr, HashedCanonicalRequest: hcr,
		Date: date, CredentialScope: scope, StringToSign: sts,
		SecretDate: kDate, SecretService: kService, SecretSigning: kSigning, Signature: sig,
		Authorization: "TC3-HMAC-SHA256 Credential=" + id + "/" + scope + ", SignedHeaders=" + sh + ", Signature=" + sig,
	}
}

func sha256Sum(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

// diffFields lists the fields in which two results differ, by name; it
// compares the real values, secrets included.
func diffFields[T RPCResult | ACS3Result | TC3Result](got, want T) []string {
	g, w := rawFields(any(got)), rawFields(any(want))
	var diff []string
	for i := range g {
		if g[i][1] != w[i][1] {
			diff = append(diff, fmt.Sprintf("%s:\n got %q\nwant %q", g[i][0], g[i][1], w[i][1]))
		}
	}
	return diff
}

func rawFields(r any) [][2]string {
	switch r := r.(type) {
	case RPCResult:
		return [][2]string{{"CanonicalQuery", r.CanonicalQuery}, {"StringToSign", r.StringToSign}, {"Signature", r.Signature}}
	case ACS3Result:
		return [][2]string{
			{"CanonicalQuery", r.CanonicalQuery}, {"CanonicalHeaders", r.CanonicalHeaders},
			{"SignedHeaders", r.SignedHeaders}, {"HashedPayload", r.HashedPayload},
			{"CanonicalRequest", r.CanonicalRequest}, {"HashedCanonicalRequest", r.HashedCanonicalRequest},
			{"StringToSign", r.StringToSign}, {"Signature", r.Signature}, {"Authorization", r.Authorization},
		}
	case TC3Result:
		return [][2]string{
			{"CanonicalHeaders", r.CanonicalHeaders}, {"SignedHeaders", r.SignedHeaders},
			{"CanonicalRequest", r.CanonicalRequest}, {"HashedCanonicalRequest", r.HashedCanonicalRequest},
			{"Date", r.Date}, {"CredentialScope", r.CredentialScope}, {"StringToSign", r.StringToSign},
			{"SecretDate", hex.EncodeToString(r.SecretDate)}, {"SecretService", hex.EncodeToString(r.SecretService)},
			{"SecretSigning", hex.EncodeToString(r.SecretSigning)},
			{"Signature", r.Signature}, {"Authorization", r.Authorization},
		}
	}
	panic("unreachable")
}
