package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/fixture"
	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/redact"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// Canary secrets: each holds +, / and =, which every encoding escapes, so
// each spelling of it differs from the others.
const (
	canaryAKSecret = "canary+AK/secret=K9"
	canarySTSToken = "CAIS+canary/STS=token+Zq/w=="
	canaryBearer   = "canary+bearer/token=B7"
	canaryICToken  = "canary+industrial/token=T3"
	canaryICSecret = "canary+tc3/secret=S5"
)

// credentialCase is one way a client holds its secrets.
type credentialCase struct {
	name    string
	secrets []string // the token first: the one the service echoes most
	set     func(s *settings)
}

func credentialCases(p *product) []credentialCase {
	if p.tencent {
		return []credentialCase{{name: "token+tc3", secrets: []string{canaryICToken, canaryICSecret},
			set: func(s *settings) { s.token, s.secretKey = canaryICToken, canaryICSecret }}}
	}
	sts, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId("STS.canaryKeyId").SetAccessKeySecret(canaryAKSecret).SetSecurityToken(canarySTSToken))
	if err != nil {
		panic(err)
	}
	bearer, err := credentials.NewCredential(new(credentials.Config).SetType("bearer").SetBearerToken(canaryBearer))
	if err != nil {
		panic(err)
	}
	return []credentialCase{
		{name: "sts", secrets: []string{canarySTSToken, canaryAKSecret}, set: func(s *settings) { s.credential = sts }},
		{name: "bearer", secrets: []string{canaryBearer}, set: func(s *settings) { s.credential = bearer }},
	}
}

// exchange is what a spelling's answer may draw on: the request as sent,
// the client's secrets and the signature of the request.
type exchange struct {
	p         *product
	req       *http.Request
	secrets   []string // the client's secrets and the request's signature
	signature string
	real      []byte // the fake's answer to the same operation
}

// answer is one canned HTTP answer.
type answer struct {
	status int
	ctype  string
	body   string
}

// spelling is one way a service echoes a secret.
type spelling struct {
	name   string
	answer func(x *exchange) answer
	// stringToSign: the error must still carry the server's string to
	// sign, with every secret value replaced.
	stringToSign bool
	// fail, when set, is the HTTPClient's error instead of an answer.
	fail func(x *exchange) error
}

var spellings = []spelling{
	{name: "raw", answer: func(x *exchange) answer {
		return refusal(x, "InvalidParameter", "echo "+each(x.secrets, ident))
	}},
	{name: "percent-encoded", answer: func(x *exchange) answer {
		return refusal(x, "InvalidParameter", "echo "+each(x.secrets, url.QueryEscape)+" "+each(x.secrets, url.PathEscape))
	}},
	{name: "percent-lowercase", answer: func(x *exchange) answer {
		return refusal(x, "InvalidParameter", "echo "+each(x.secrets, lowerPercent)+" "+each(x.secrets, compose(lowerPercent, lowerPercent)))
	}},
	// Alibaba's own answer to a bad signature: the string it signed, in
	// which every value is percent-encoded twice. industrialcloud's
	// AuthFailure carries the doubly encoded values in the same way.
	{name: "signature-mismatch", stringToSign: true, answer: func(x *exchange) answer {
		if x.p.tencent {
			return refusal(x, "AuthFailure.SignatureFailure", "The provided credentials could not be validated. "+
				"Token%3D"+each(x.secrets, compose(upperPercent, upperPercent)))
		}
		return refusal(x, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:"+
			alibabaStringToSign(x.req))
	}},
	{name: "html-entities", answer: func(x *exchange) answer {
		var links strings.Builder
		for _, s := range x.secrets {
			fmt.Fprintf(&links, "<a href=\"/retry?Action=X&amp;SecurityToken=%s\">%s</a> <p>%s</p>\r\n", htmlDecimal(s), htmlHex(s, "&#x%X;"), htmlHex(s, "&#x%02x;"))
		}
		return answer{status: http.StatusBadGateway, ctype: "text/html",
			body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" + links.String() + "<hr><center>gateway</center>\r\n</body>\r\n</html>\r\n"}
	}},
	// A body cut short after a member whose value is JSON-escaped: the
	// decoder fails, and the snippet shows the start of the body.
	{name: "json-escaped-truncated", answer: func(x *exchange) answer {
		return answer{status: 200, ctype: "application/json",
			body: `{"RequestId":"8C9A0D3E","Message":"` + each(x.secrets, jsonSlash) + " " + each(x.secrets, jsonUnicode) + `","Data":{"Id":"c`}
	}},
	// The fake's answer with the token where it held numbers and booleans.
	// An HTTPClient (a proxy's, a tracing wrapper) whose error quotes the
	// request's URL, query and all.
	{name: "send-error", fail: func(x *exchange) error {
		return fmt.Errorf("proxy refused POST %s (token %s)", x.req.URL, lowerPercent(x.secrets[0]))
	}},
	{name: "decode-cause", answer: func(x *exchange) answer {
		return answer{status: 200, ctype: "application/json", body: tokenForNumbers(x.real, x.secrets[0])}
	}},
}

func ident(s string) string { return s }

func compose(f, g func(string) string) func(string) string {
	return func(s string) string { return g(f(s)) }
}

func each(secrets []string, f func(string) string) string {
	out := make([]string, len(secrets))
	for i, s := range secrets {
		out[i] = f(s)
	}
	return strings.Join(out, " ")
}

// upperPercent and lowerPercent are RFC 3986 encoding in each hex case.
func upperPercent(s string) string { return percent(s, "%%%02X") }
func lowerPercent(s string) string { return percent(s, "%%%02x") }

func percent(s, format string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, format, c)
		}
	}
	return b.String()
}

// special is what the spellings escape: every byte that is not a letter or
// a digit.
func special(c byte) bool {
	return !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9')
}

func escapeSpecial(s string, f func(c byte) string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if special(c) {
			b.WriteString(f(c))
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func htmlDecimal(s string) string {
	return escapeSpecial(s, func(c byte) string { return fmt.Sprintf("&#%d;", c) })
}

func htmlHex(s, format string) string {
	return escapeSpecial(s, func(c byte) string { return fmt.Sprintf(format, c) })
}

func jsonSlash(s string) string { return strings.ReplaceAll(s, "/", `\/`) }

func jsonUnicode(s string) string {
	return escapeSpecial(s, func(c byte) string { return fmt.Sprintf(`\u%04x`, c) })
}

// forms are the spellings a leak is looked for in: every one the answers
// use, and more.
var forms = []func(string) string{
	ident, url.QueryEscape, url.PathEscape, upperPercent, lowerPercent,
	compose(upperPercent, upperPercent), compose(lowerPercent, lowerPercent), compose(url.QueryEscape, url.QueryEscape),
	htmlDecimal, func(s string) string { return htmlHex(s, "&#x%X;") }, func(s string) string { return htmlHex(s, "&#x%02x;") },
	jsonSlash, jsonUnicode,
	func(s string) string { b, _ := json.Marshal(s); return strings.Trim(string(b), `"`) },
}

// leaks returns the spellings of secrets found in text: each of forms, as
// it is and Go-quoted once or twice (a DecodeError quotes its snippet, and
// %q quotes the whole error again).
func leaks(text string, secrets []string) []string {
	var found []string
	for _, s := range secrets {
		for _, f := range forms {
			sp := f(s)
			for range 3 {
				if strings.Contains(text, sp) {
					found = append(found, sp)
				}
				sp = strings.Trim(strconv.Quote(sp), `"`)
			}
		}
	}
	return found
}

// refusal is an error envelope of the product's protocol carrying message;
// the other fields the service fills echo the secrets too.
func refusal(x *exchange, code, message string) answer {
	var v any
	status := http.StatusBadRequest
	if x.p.tencent {
		status = http.StatusOK
		v = map[string]any{"Response": map[string]any{
			"Error":     map[string]string{"Code": code, "Message": message},
			"RequestId": "8C9A0D3E-" + x.secrets[0],
		}}
	} else {
		v = map[string]string{"RequestId": "8C9A0D3E-" + x.secrets[0], "HostId": "outboundbot.aliyuncs.com/" + x.secrets[0],
			"Code": code, "Message": message, "Recommend": "https://api.aliyun.com/troubleshoot?q=" + code + "&token=" + url.QueryEscape(x.secrets[0])}
	}
	return answer{status: status, ctype: "application/json", body: marshal(v)}
}

// marshal encodes v as a service does: & < > as they are.
func marshal(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.String()
}

// alibabaStringToSign is what Alibaba signed for req: the method, the
// encoded path and the encoded canonical query, whose values are thereby
// encoded twice.
func alibabaStringToSign(req *http.Request) string {
	canonical, _, _ := strings.Cut(req.URL.RawQuery, "&Signature=")
	return "POST&%2F&" + upperPercent(canonical)
}

// tokenForNumbers returns the JSON answer real with every number, boolean
// and string of digits replaced by the string token: a decoder that quotes
// the value it rejects quotes the token. When only envelope members were
// replaced (the answer holds no payload the decoder rejects), its RequestId
// becomes an array holding token.
func tokenForNumbers(real []byte, token string) string {
	d := json.NewDecoder(bytes.NewReader(real))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic(fmt.Sprintf("the fake's answer is not JSON: %v: %s", err, real))
	}
	payload := 0
	var walk func(key string, v any) any
	walk = func(key string, v any) any {
		switch t := v.(type) {
		case json.Number, bool:
			if !envelopeMembers[key] {
				payload++
			}
			return token
		case string:
			if t != "" && strings.Trim(t, "0123456789") == "" {
				payload++
				return token
			}
		case map[string]any:
			for k, e := range t {
				t[k] = walk(k, e)
			}
		case []any:
			for i, e := range t {
				t[i] = walk(key, e)
			}
		}
		return v
	}
	v = walk("", v)
	if payload == 0 {
		m := v.(map[string]any)
		if r, ok := m["Response"].(map[string]any); ok {
			m = r
		}
		m["RequestId"] = []any{token}
	}
	return marshal(v)
}

// envelopeMembers are the members beside the payload, which the SDK reads
// leniently.
var envelopeMembers = map[string]bool{"RequestId": true, "Code": true, "Message": true, "Success": true,
	"HttpStatusCode": true, "HostId": true, "Recommend": true, "Msg": true}

// cannedClient answers every request with the answer (or the error) of a
// spelling and notes the request's signature.
type cannedClient struct {
	x  exchange
	sp spelling

	mu         sync.Mutex
	signatures []string
}

func (c *cannedClient) Do(req *http.Request) (*http.Response, error) {
	x := c.x
	x.req = req
	x.signature = signatureOf(req)
	x.secrets = append(append([]string(nil), c.x.secrets...), x.signature)
	c.mu.Lock()
	c.signatures = append(c.signatures, x.signature)
	c.mu.Unlock()
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	if c.sp.fail != nil {
		return nil, c.sp.fail(&x)
	}
	a := c.sp.answer(&x)
	return &http.Response{StatusCode: a.status, Header: http.Header{"Content-Type": {a.ctype}},
		Body: io.NopCloser(strings.NewReader(a.body)), ContentLength: int64(len(a.body)), Request: req}, nil
}

// signatureOf returns the signature req carries: Alibaba's Signature
// parameter or the Signature of a TC3 Authorization header.
func signatureOf(req *http.Request) string {
	if s := req.URL.Query().Get("Signature"); s != "" {
		return s
	}
	_, sig, _ := strings.Cut(req.Header.Get("Authorization"), "Signature=")
	return sig
}

// capture keeps the body of the last answer it passed on.
type capture struct {
	next *http.Client
	body []byte
}

func (c *capture) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.next.Do(req)
	if err != nil {
		return nil, err
	}
	c.body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(c.body))
	return resp, err
}

// realAnswer returns the fake's answer to op.
func realAnswer(t *testing.T, e *env, op operation) []byte {
	t.Helper()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := &capture{next: &http.Client{Transport: tr}}
	client, err := e.client(settings{http: c, retry: transport.Retry{MaxAttempts: 1}})
	require.NoError(t, err)
	require.NoError(t, op.call(client)(t.Context()))
	return c.body
}

// TestSecretsInEverySpelling plants canary secrets, in each spelling a
// service or a gateway echoes them, in the answer of every operation, and
// looks for every spelling of them in everything the SDK prints: the
// error in every verb, each error it wraps, the debug log, and a fixture
// recorded of the exchange.
func TestSecretsInEverySpelling(t *testing.T) {
	for _, op := range operations {
		t.Run(op.String(), func(t *testing.T) {
			e := op.product.start(0)
			defer e.Close()
			real := realAnswer(t, e, op)
			dir := t.TempDir() // one for the operation: each case records under its own prefix
			for _, cc := range credentialCases(op.product) {
				for _, sp := range spellings {
					t.Run(cc.name+"/"+sp.name, func(t *testing.T) {
						checkSpelling(t, e, op, cc, sp, real, dir)
					})
				}
			}
		})
	}
}

func checkSpelling(t *testing.T, e *env, op operation, cc credentialCase, sp spelling, real []byte, dir string) {
	canned := &cannedClient{x: exchange{p: op.product, secrets: cc.secrets, real: real}, sp: sp}
	rec := fixture.NewRecorder(dir, canned, func(o *fixture.Options) {
		o.Prefix, o.Secrets = cc.name+"-"+sp.name, cc.secrets
	})
	var logs bytes.Buffer
	s := settings{http: rec, retry: transport.Retry{MaxAttempts: 1},
		logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	cc.set(&s)
	client, err := e.client(s)
	require.NoError(t, err)

	err = op.call(client)(context.Background())
	require.Error(t, err, "the answer is a failure")
	secrets := append(append([]string(nil), cc.secrets...), canned.signatures...)
	require.NotEmpty(t, canned.signatures, "the request was sent")

	printed := map[string]string{
		"Error()":          err.Error(),
		"%v|%+v|%#v|%s|%q": fmt.Sprintf("%v|%+v|%#v|%s|%q", err, err, err, err, err),
		"debug log":        logs.String(),
	}
	for i, cause := range chain(err) {
		printed[fmt.Sprintf("cause %d (%T)", i, cause)] = fmt.Sprintf("%s|%v|%+v|%#v", cause.Error(), cause, cause, cause)
	}
	for _, f := range rec.Files() {
		b, rerr := os.ReadFile(f)
		require.NoError(t, rerr)
		printed["fixture "+f] = string(b)
	}
	if sp.fail == nil {
		require.NotEmpty(t, rec.Files(), "the exchange was recorded")
	}
	require.NotEmpty(t, logs.String(), "the attempt was logged")
	for where, text := range printed {
		if found := leaks(text, secrets); len(found) > 0 {
			t.Errorf("%s leaks %q:\n%s", where, found, text)
		}
	}

	if sp.stringToSign && !op.product.tencent {
		var apiErr *apierror.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "SignatureDoesNotMatch", apiErr.Code)
		assert.Contains(t, apiErr.Message, "server string to sign is:POST&%2F&")
		assert.Contains(t, apiErr.Message, "Action%3D"+op.action+"%26", "the string to sign is kept")
		name := map[string]string{"sts": "SecurityToken", "bearer": "BearerToken"}[cc.name]
		assert.Contains(t, apiErr.Message, "%26"+name+"%3D"+redact.Placeholder+"%26", "the secret is replaced in place")
	}
}

// chain returns every error err wraps, depth first, through both forms of
// Unwrap.
func chain(err error) []error {
	var out []error
	var walk func(error)
	walk = func(e error) {
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			if next := u.Unwrap(); next != nil {
				out = append(out, next)
				walk(next)
			}
		case interface{ Unwrap() []error }:
			for _, next := range u.Unwrap() {
				out = append(out, next)
				walk(next)
			}
		}
	}
	walk(err)
	return out
}
