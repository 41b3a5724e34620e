package fake

import (
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/signer"
)

// acs3FormRequest builds, by the published ACS3 rules, a signature V3 POST
// whose operation parameters travel in a form body: the canonical query
// holds the URL query alone, and the body is signed through
// x-acs-content-sha256. tamper changes one thing after signing.
func acs3FormRequest(t *testing.T, s *Server, query, form url.Values, tamper func(r *acs3Parts)) *http.Request {
	t.Helper()
	u, err := url.Parse(s.URL())
	require.NoError(t, err)
	p := &acs3Parts{query: query, body: form.Encode(), signQuery: query}
	if tamper != nil {
		tamper(p)
	}
	hashed := signer.HashPayload([]byte(p.body))
	if p.hashOf != "" {
		hashed = signer.HashPayload([]byte(p.hashOf))
	}
	headers := []signer.Param{
		{Key: "host", Value: u.Host},
		{Key: "content-type", Value: "application/x-www-form-urlencoded"},
		{Key: "x-acs-action", Value: "Echo"},
		{Key: "x-acs-version", Value: "2019-12-26"},
		{Key: "x-acs-date", Value: time.Now().UTC().Format("2006-01-02T15:04:05Z")},
		{Key: "x-acs-signature-nonce", Value: rand.Text()},
		{Key: "x-acs-content-sha256", Value: hashed},
	}
	var signed []signer.Param
	for k, vs := range p.signQuery {
		for _, v := range vs {
			signed = append(signed, signer.Param{Key: k, Value: v})
		}
	}
	res := signer.SignACS3(signer.ACS3Request{Method: http.MethodPost, Query: signed, Headers: headers, HashedPayload: hashed}, keyID, secret)

	u.RawQuery = p.query.Encode()
	r, err := http.NewRequestWithContext(t.Context(), http.MethodPost, u.String(), strings.NewReader(p.body))
	require.NoError(t, err)
	for _, h := range headers[1:] {
		r.Header.Set(h.Key, h.Value)
	}
	r.Header.Set("Authorization", res.Authorization)
	return r
}

// acs3Parts is what acs3FormRequest sends and signs.
type acs3Parts struct {
	query     url.Values // the URL query sent
	body      string     // the form body sent
	signQuery url.Values // the parameters put in the canonical query
	hashOf    string     // when set, x-acs-content-sha256 is the hash of this instead of body
}

// TestAlibabaACS3FormBody: a V3 request with its parameters in a form body
// is accepted and its parameters read; one signed any other way is not.
func TestAlibabaACS3FormBody(t *testing.T) {
	s, _ := echoServer(t)
	query := url.Values{"RegionId": {"cn-shanghai"}}
	form := url.Values{"Value": {"a b+c/未*~&="}, "Tag.1.Key": {"env"}}
	tests := []struct {
		name   string
		tamper func(p *acs3Parts)
		code   string // "" means accepted
	}{
		{name: "form body, URL query signed", code: ""},
		{name: "form body, no URL query", tamper: func(p *acs3Parts) { p.query, p.signQuery = url.Values{}, url.Values{} }},
		{name: "form parameters signed as query parameters", code: "SignatureDoesNotMatch",
			tamper: func(p *acs3Parts) {
				p.signQuery = url.Values{"RegionId": {"cn-shanghai"}, "Value": form["Value"], "Tag.1.Key": form["Tag.1.Key"]}
			}},
		{name: "body changed after signing", code: "SignatureDoesNotMatch",
			tamper: func(p *acs3Parts) { p.hashOf = p.body; p.body = strings.Replace(p.body, "env", "prod", 1) }},
		{name: "body hash signed but not of the body", code: "SignatureDoesNotMatch",
			tamper: func(p *acs3Parts) { p.hashOf = "Value=other" }},
		{name: "URL query changed after signing", code: "SignatureDoesNotMatch",
			tamper: func(p *acs3Parts) { p.query = url.Values{"RegionId": {"cn-hangzhou"}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.DefaultClient.Do(acs3FormRequest(t, s, query, form, tt.tamper))
			require.NoError(t, err)
			defer resp.Body.Close()
			raw, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			var got struct{ Code, Value string }
			require.NoError(t, json.Unmarshal(raw, &got), string(raw))
			if tt.code != "" {
				assert.Equal(t, http.StatusBadRequest, resp.StatusCode, string(raw))
				assert.Equal(t, tt.code, got.Code, string(raw))
				return
			}
			require.Equal(t, http.StatusOK, resp.StatusCode, string(raw))
			assert.Equal(t, "a b+c/未*~&=", got.Value, "the form's parameters are the call's")
		})
	}
}
