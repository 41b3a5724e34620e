package rpc

import (
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/signer"
)

// fuzzTag is a repeated object parameter (Tag.N.Key, Tag.N.Value).
type fuzzTag struct {
	Key   string `url:"Key"`
	Value string `url:"Value,omitempty"`
}

// fuzzParamsRequest has every kind of field the product requests use:
// scalars with and without omitempty, a repeated scalar list, a repeated
// int list, a repeated object list, a JSON-text list and an ignored field.
type fuzzParamsRequest struct {
	Name    string    `url:"Name"`
	Opt     string    `url:"Opt,omitempty"`
	N       int       `url:"N,omitempty"`
	B       bool      `url:"B,omitempty"`
	List    []string  `url:"List,omitempty"`
	Ints    []int     `url:"Ints,omitempty"`
	Tags    []fuzzTag `url:"Tag,omitempty"`
	JSON    []string  `url:"JSONList,omitempty,json"`
	Ignored string    `url:"-"`
}

// fuzzSplit cuts s into list elements at NUL bytes ("" is the empty list).
func fuzzSplit(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x00")
}

// FuzzParams checks the query encoder: every field is sent exactly as the
// Alibaba repeated forms say, nothing else is sent, and the canonical query
// the signer builds from the parameters decodes back to the same values (so
// the service reads what was signed).
func FuzzParams(f *testing.F) {
	f.Add("第一个实例", "", 4, false, "4008013260", "age\x0020", "1\x002", "")
	f.Add("a b+c&d=e", "%2F/~", -1, true, "\x00", "k\x00\x00v", "", "x")
	f.Add("", "opt", 0, true, "a\x00b\x00c", "", "[\"q\"]", "secret")
	f.Fuzz(func(t *testing.T, name, opt string, n int, b bool, list, tags, jsonList, ignored string) {
		req := fuzzParamsRequest{Name: name, Opt: opt, N: n, B: b, List: fuzzSplit(list), JSON: fuzzSplit(jsonList), Ignored: ignored}
		for i, s := range fuzzSplit(list) {
			req.Ints = append(req.Ints, i*n)
			_ = s
		}
		kv := fuzzSplit(tags)
		for i := 0; i < len(kv); i += 2 {
			tag := fuzzTag{Key: kv[i]}
			if i+1 < len(kv) {
				tag.Value = kv[i+1]
			}
			req.Tags = append(req.Tags, tag)
		}

		assertSameParams(t, &req) // the plan sends what go-querystring sends
		params, err := Params(&req)
		if !allValidUTF8(req.JSON) {
			// JSON text cannot carry invalid UTF-8 unchanged: refused.
			if err == nil {
				t.Fatalf("Params accepted a JSON list with invalid UTF-8: %q", req.JSON)
			}
			return
		}
		if err != nil {
			t.Fatalf("Params: %v", err)
		}
		got := map[string]string{}
		for _, p := range params {
			if _, dup := got[p.Key]; dup {
				t.Fatalf("parameter %q sent twice", p.Key)
			}
			got[p.Key] = p.Value
		}

		want := map[string]string{"Name": name}
		if opt != "" {
			want["Opt"] = opt
		}
		if n != 0 {
			want["N"] = strconv.Itoa(n)
		}
		if b {
			want["B"] = "true"
		}
		for i, s := range req.List {
			want["List."+strconv.Itoa(i+1)] = s
		}
		for i, v := range req.Ints {
			want["Ints."+strconv.Itoa(i+1)] = strconv.Itoa(v)
		}
		for i, tag := range req.Tags {
			want["Tag."+strconv.Itoa(i+1)+".Key"] = tag.Key
			if tag.Value != "" {
				want["Tag."+strconv.Itoa(i+1)+".Value"] = tag.Value
			}
		}
		if len(req.JSON) > 0 {
			text, ok := got["JSONList"]
			var back []string
			err := json.Unmarshal([]byte(text), &back)
			if !ok || err != nil || !equalStrings(back, req.JSON) {
				t.Fatalf("JSONList = %q, want JSON text of %q", text, req.JSON)
			}
			want["JSONList"] = text
		}
		if len(got) != len(want) {
			t.Fatalf("Params = %q\nwant      %q", got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("Params[%q] = %q, want %q (all: %q)", k, got[k], v, got)
			}
		}

		// What the signer canonicalises is what the service parses back.
		canonical := signer.RPCCanonicalQuery(params)
		back, err := url.ParseQuery(canonical)
		if err != nil {
			t.Fatalf("canonical query %q does not parse: %v", canonical, err)
		}
		if len(back) != len(got) {
			t.Fatalf("canonical query %q has %d keys, want %d", canonical, len(back), len(got))
		}
		for k, v := range got {
			if vs := back[k]; len(vs) != 1 || vs[0] != v {
				t.Fatalf("canonical query gives %q = %q, want %q", k, vs, v)
			}
		}
	})
}

func allValidUTF8(list []string) bool {
	for _, s := range list {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fuzzPayload is a typical response payload: strings, numbers, lists.
type fuzzPayload struct {
	RequestID string `json:"RequestId"`
	Instance  struct {
		InstanceID string `json:"InstanceId"`
		Max        int    `json:"MaxConcurrentConversation"`
		Tags       []struct{ Key, Value string }
	}
}

const fuzzCanary = "fuzz-canary-secret-7f3a"

// FuzzDecode checks the RPC envelope decoder: for any status and body it
// returns nil with a RequestId, an *APIError with a code, or a
// *DecodeError, each printing one line without the attempt's secrets.
func FuzzDecode(f *testing.F) {
	f.Add(200, []byte(`{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"254EB995-DEDF-48A4-9101-9CA5B72FFBCC","Success":true,"Instance":{"InstanceId":"i","MaxConcurrentConversation":4}}`))
	f.Add(200, []byte(`{"RequestId":"R","Success":false,"Code":"Biz.Failed","Message":"no"}`))
	f.Add(200, []byte(`{"RequestId":"R","Code":"InternalError","HttpStatusCode":500,"Message":"boom"}`))
	f.Add(404, []byte(`{"RequestId":"R","HostId":"h","Code":"InvalidImageId.NotFound","Message":"The specified ImageId does not exist.","Recommend":"https://api.alibabacloud.com/troubleshoot?q=x"}`))
	f.Add(400, []byte(`<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R</RequestId><HostId>h</HostId><Code>Throttling.User</Code><Message>m</Message></Error>`))
	f.Add(502, []byte(`<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>`))
	f.Add(403, []byte(`{"RequestId":"R","Code":"Forbidden","Message":"token `+fuzzCanary+` rejected"}`))
	f.Add(200, []byte(`{"RequestId":"R","Instance":{"InstanceId":"`+fuzzCanary+`","MaxConcurrentConversation":"x"}}`))
	f.Add(200, []byte(``))
	f.Add(503, []byte(`{"code":"ServiceUnavailable","requestId":"r"}`))
	c := &Client{Product: "fuzz", Codes: apierror.Codes{"Fuzz.Conflict": apierror.ErrConflict}}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		a := &transport.Answer{Status: status, Body: body, Secrets: []string{fuzzCanary, "", "sig"}}
		var out fuzzPayload
		err := c.decode("Describe", a, &out)
		checkEnvelopeOutcome(t, status, err)
		if err == nil && a.RequestID == "" {
			t.Fatalf("success without a RequestId: %q", body)
		}
		// Decoding without a payload must agree on success or failure.
		if err2 := c.decode("Describe", &transport.Answer{Status: status, Body: body}, nil); (err == nil) != (err2 == nil) {
			var de *apierror.DecodeError
			if !errors.As(err, &de) { // only a payload that does not fit may differ
				t.Fatalf("decode with and without payload disagree: %v / %v", err, err2)
			}
		}
	})
}

func checkEnvelopeOutcome(t *testing.T, status int, err error) {
	t.Helper()
	if err == nil {
		if status < 200 || status > 299 {
			t.Fatalf("HTTP %d decoded as success", status)
		}
		return
	}
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	switch {
	case errors.As(err, &apiErr):
		if apiErr.Code == "" {
			t.Fatalf("APIError without a code: %#v", apiErr)
		}
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
		if len(decErr.Snippet) > apierror.SnippetLimit {
			t.Fatalf("snippet of %d bytes", len(decErr.Snippet))
		}
		if decErr.HTTPStatus != status {
			t.Fatalf("DecodeError.HTTPStatus = %d, want %d", decErr.HTTPStatus, status)
		}
	default:
		t.Fatalf("untyped error %T: %v", err, err)
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\r\n") {
		t.Fatalf("error text is not one line: %q", msg)
	}
	if leaksSecret(err, fuzzCanary) {
		t.Fatalf("error text leaks the secret: %q", msg)
	}
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
