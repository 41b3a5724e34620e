package interop

// Differential test: Alibaba Cloud ACS3-HMAC-SHA256 (signature V3) — our
// signer.SignACS3 against two official implementations:
//
//   - github.com/alibabacloud-go/darabonba-openapi/v2 client.Client.DoRequest
//     (Style "RPC"), which signs with utils.GetAuthorization. The client runs
//     for real; its dara.HttpClient is an in-process recorder, so the
//     Authorization compared is the header the SDK put on the request.
//     x-acs-date and x-acs-signature-nonce are pinned through request
//     headers, which override the SDK defaults.
//   - github.com/alibabacloud-go/openapi-util service.GetAuthorization, fed
//     the request the first peer sent (a second, independent code path).

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/openapi-util/service"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/typedcloud/sdk-go/signer"
)

// acs3Case is one generated input.
type acs3Case struct {
	Action, Version, Host      string
	Method                     string
	AccessKeyID, Secret, Token string
	Date, Nonce                string
	Query                      []kv
	Headers                    []kv // extra request headers, signed (x-acs-*) or not
	BodyKind                   string
	FormBody                   []kv           // BodyKind "form"
	JSONBody                   map[string]any // BodyKind "json"
	BlankEmptyHash             bool           // pass HashedPayload "" (not the empty-body hash) when the body is empty
}

var acs3Products = []struct{ Version, Host string }{
	{"2019-12-26", "outboundbot.cn-shanghai.aliyuncs.com"},
	{"2019-12-26", "outboundbot.cn-hangzhou.aliyuncs.com"},
	{"2020-07-01", "ccc.cn-shanghai.aliyuncs.com"},
	{"2020-07-01", "ccc.aliyuncs.com"},
}

var acs3Actions = []string{"CreateInstance", "ListInstances", "DescribeInstance", "GetInstance", "ListUsers", "CreateScript", "AppendCases"}

// acs3ExtraHeaderNames are headers a caller may add. The x-acs-* ones are
// signed (some in mixed case: the signers must lowercase them); the others
// must be ignored.
var acs3ExtraHeaderNames = []string{
	"x-acs-custom-trace", "X-Acs-Client-Tag", "X-ACS-UPPER", "x-acs-a", "x-acs-z9",
	"x-custom-unsigned", "Accept-Language", "X-Request-Source",
}

func genACS3Case(g *gen) acs3Case {
	p := pick(g, acs3Products)
	c := acs3Case{
		Action: pick(g, acs3Actions), Version: p.Version, Host: p.Host,
		Method: "POST",
		Secret: g.secret(),
		Date:   g.instant().Format("2006-01-02T15:04:05Z"),
		Nonce:  g.nonce(),
	}
	if g.chance(0.25) {
		c.Method = "GET"
	}
	sts := g.chance(0.5)
	c.AccessKeyID = g.accessKeyID(sts)
	if sts {
		c.Token = g.token()
	}
	c.Query = g.businessParams()
	for _, name := range acs3ExtraHeaderNames {
		if g.chance(0.15) {
			v := g.plainValue()
			if g.chance(0.3) {
				v = " " + v + "  " // the signers trim header values
			}
			c.Headers = append(c.Headers, kv{name, v})
		}
	}
	if c.Method == "POST" {
		switch g.intn(3) {
		case 1:
			c.BodyKind = "form"
			for _, p := range g.businessParams() {
				if len(c.FormBody) < 8 {
					c.FormBody = append(c.FormBody, p)
				}
			}
			if len(c.FormBody) == 0 {
				c.FormBody = []kv{{"AgentIdList", g.value()}}
			}
		case 2:
			c.BodyKind = "json"
			c.JSONBody = map[string]any{}
			for _, p := range g.businessParams() {
				switch g.intn(4) {
				case 0:
					c.JSONBody[p.K] = g.intn(1 << 20)
				case 1:
					c.JSONBody[p.K] = []any{g.value(), g.value(), g.chance(0.5)}
				default:
					c.JSONBody[p.K] = p.V
				}
			}
			c.JSONBody["Html"] = "<a href=\"x?y=1&z=2\">" + g.value() + "</a>"
		}
	}
	c.BlankEmptyHash = g.chance(0.5)
	return c
}

// acs3Peer is what the peers produced for one case.
type acs3Peer struct {
	Authorization string // header darabonba sent
	OpenAPIUtil   string // service.GetAuthorization over the same request
	Query         []signer.Param
	Headers       []signer.Param // every header sent except Authorization
	Body          []byte
	ContentSHA256 string // x-acs-content-sha256 sent
	Wire          *captured
}

// captureDaraClient is a dara.HttpClient that records the request and
// answers with a canned JSON body; it never dials.
type captureDaraClient struct {
	rec  *recorder
	body string
}

func (c *captureDaraClient) Call(req *http.Request, _ *http.Transport) (*http.Response, error) {
	if err := c.rec.record(req); err != nil {
		return nil, err
	}
	return cannedResponse(req, c.body), nil
}

func runACS3Peer(c acs3Case) (acs3Peer, error) {
	var out acs3Peer
	rec := &recorder{}
	cfg := &openapi.Config{
		AccessKeyId:     tea.String(c.AccessKeyID),
		AccessKeySecret: tea.String(c.Secret),
		Endpoint:        tea.String(c.Host),
		Protocol:        tea.String("HTTPS"),
		HttpClient:      &captureDaraClient{rec: rec, body: `{"RequestId":"x"}`},
	}
	if c.Token != "" {
		cfg.SecurityToken = tea.String(c.Token)
	}
	client, err := openapi.NewClient(cfg)
	if err != nil {
		return out, fmt.Errorf("peer client: %w", err)
	}
	params := &openapi.Params{
		Action:      tea.String(c.Action),
		Version:     tea.String(c.Version),
		Protocol:    tea.String("HTTPS"),
		Pathname:    tea.String("/"),
		Method:      tea.String(c.Method),
		AuthType:    tea.String("AK"),
		Style:       tea.String("RPC"),
		ReqBodyType: tea.String("formData"),
		BodyType:    tea.String("json"),
	}
	req := &openapi.OpenApiRequest{
		Query: map[string]*string{},
		Headers: map[string]*string{
			"x-acs-date":            tea.String(c.Date),
			"x-acs-signature-nonce": tea.String(c.Nonce),
		},
	}
	for _, p := range c.Query {
		req.Query[p.K] = tea.String(p.V)
	}
	for _, h := range c.Headers {
		req.Headers[h.K] = tea.String(h.V)
	}
	switch c.BodyKind {
	case "form":
		m := map[string]any{}
		for _, p := range c.FormBody {
			m[p.K] = p.V
		}
		req.Body = m
	case "json":
		params.ReqBodyType = tea.String("json")
		req.Body = c.JSONBody
	}
	if _, err := client.DoRequest(params, req, &dara.RuntimeOptions{}); err != nil {
		return out, fmt.Errorf("peer DoRequest: %w", err)
	}
	w := rec.take()
	if w == nil {
		return out, errors.New("peer sent no request")
	}
	out.Wire = w
	out.Body = w.Body
	out.Authorization = firstValueFold(w.Header, "Authorization")
	if out.Authorization == "" {
		return out, errors.New("peer sent no Authorization")
	}
	u, err := url.Parse(w.URL)
	if err != nil {
		return out, fmt.Errorf("wire URL: %w", err)
	}
	if u.Host != c.Host {
		return out, fmt.Errorf("peer addressed %q, want %q", u.Host, c.Host)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return out, fmt.Errorf("wire query: %w", err)
	}
	teaQuery := map[string]*string{}
	for k, v := range q {
		if len(v) != 1 {
			return out, fmt.Errorf("wire carries %d values for query %q", len(v), k)
		}
		out.Query = append(out.Query, signer.Param{Key: k, Value: v[0]})
		teaQuery[k] = tea.String(v[0])
	}
	teaHeaders := map[string]*string{}
	for k, v := range w.Header {
		if len(v) != 1 {
			return out, fmt.Errorf("wire carries %d values for header %q", len(v), k)
		}
		if strings.EqualFold(k, "Authorization") {
			continue
		}
		out.Headers = append(out.Headers, signer.Param{Key: k, Value: v[0]})
		teaHeaders[k] = tea.String(v[0])
	}
	// Map order is random; give our signer a fixed, unsorted order.
	sort.Slice(out.Query, func(i, j int) bool { return out.Query[i].Key > out.Query[j].Key })
	sort.Slice(out.Headers, func(i, j int) bool { return out.Headers[i].Key > out.Headers[j].Key })
	out.ContentSHA256 = firstValueFold(w.Header, "x-acs-content-sha256")
	out.OpenAPIUtil = tea.StringValue(openapiutil.GetAuthorization(&tea.Request{
		Method:   tea.String(w.Method),
		Pathname: tea.String(u.Path),
		Query:    teaQuery,
		Headers:  teaHeaders,
	}, tea.String("ACS3-HMAC-SHA256"), tea.String(out.ContentSHA256), tea.String(c.AccessKeyID), tea.String(c.Secret)))
	return out, nil
}

// firstValueFold finds a header whose name matches case-insensitively;
// darabonba stores most header names as given (not canonicalised).
func firstValueFold(h http.Header, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// expectedQuery is the query the peer must have sent for c.
func (c acs3Case) expectedQuery() map[string]string {
	m := map[string]string{}
	for _, p := range c.Query {
		m[p.K] = p.V
	}
	return m
}

// compareACS3 signs the request the peer sent with our signer and reports
// every field that differs.
func compareACS3(c acs3Case, peer acs3Peer) error {
	var diffs []string
	gotQuery := map[string]string{}
	for _, p := range peer.Query {
		gotQuery[p.Key] = p.Value
	}
	if want := c.expectedQuery(); !equalMaps(want, gotQuery) {
		diffs = append(diffs, fmt.Sprintf("peer sent a different query:\n  peer: %q\n  want: %q", gotQuery, want))
	}
	if d, n := firstValueFold(peer.Wire.Header, "x-acs-date"), firstValueFold(peer.Wire.Header, "x-acs-signature-nonce"); d != c.Date || n != c.Nonce {
		diffs = append(diffs, fmt.Sprintf("peer ignored the pinned x-acs-date/x-acs-signature-nonce: sent %q/%q", d, n))
	}
	hashed := signer.HashPayload(peer.Body)
	if len(peer.Body) == 0 && c.BlankEmptyHash {
		hashed = ""
	}
	res := signer.SignACS3(signer.ACS3Request{
		Method:        peer.Wire.Method,
		CanonicalURI:  "",
		Query:         append([]signer.Param(nil), peer.Query...),
		Headers:       append([]signer.Param(nil), peer.Headers...),
		HashedPayload: hashed,
	}, c.AccessKeyID, c.Secret)
	if res.HashedPayload != peer.ContentSHA256 {
		diffs = append(diffs, fmt.Sprintf("HashedPayload: ours %q, peer x-acs-content-sha256 %q", res.HashedPayload, peer.ContentSHA256))
	}
	if res.Authorization != peer.Authorization {
		diffs = append(diffs, fmt.Sprintf("Authorization:\n  ours: %q\n  peer: %q\n  our canonical request: %q", res.Authorization, peer.Authorization, res.CanonicalRequest))
	}
	if res.Authorization != peer.OpenAPIUtil {
		diffs = append(diffs, fmt.Sprintf("Authorization vs openapi-util:\n  ours: %q\n  util: %q", res.Authorization, peer.OpenAPIUtil))
	}
	if want := "ACS3-HMAC-SHA256 Credential=" + c.AccessKeyID + ",SignedHeaders=" + res.SignedHeaders + ",Signature=" + res.Signature; res.Authorization != want {
		diffs = append(diffs, fmt.Sprintf("our Authorization is not assembled from our own fields: %q", res.Authorization))
	}
	if len(diffs) > 0 {
		return errors.New(strings.Join(diffs, "\n"))
	}
	return nil
}

func TestSignACS3MatchesDarabonbaAndOpenAPIUtil(t *testing.T) {
	g, seed := newGen(t, streamACS3)
	mm := &mismatches{t: t, seed: seed}
	compared, withBody, sts := 0, 0, 0
	var first acs3Case
	var firstPeer acs3Peer
	for i := 0; i < casesPerScheme; i++ {
		c := genACS3Case(g)
		peer, err := runACS3Peer(c)
		if err != nil {
			mm.report(i, "peer run failed: "+err.Error(), c)
			continue
		}
		if peer.Authorization != peer.OpenAPIUtil {
			// Not about our signer, but it would make the comparison
			// ambiguous: the two official implementations disagree.
			mm.report(i, fmt.Sprintf("peers disagree:\n  darabonba:   %q\n  openapi-util: %q", peer.Authorization, peer.OpenAPIUtil), c)
			continue
		}
		if err := compareACS3(c, peer); err != nil {
			mm.report(i, err.Error(), c)
			continue
		}
		if compared == 0 {
			first, firstPeer = c, peer
		}
		compared++
		if len(peer.Body) > 0 {
			withBody++
		}
		if c.Token != "" {
			sts++
		}
	}
	t.Logf("ACS3-HMAC-SHA256: %d/%d generated cases identical to darabonba-openapi/v2 DoRequest and openapi-util GetAuthorization (%d with a body, %d with STS token)",
		compared, casesPerScheme, withBody, sts)
	if compared < minCases {
		t.Fatalf("only %d cases compared, want >= %d", compared, minCases)
	}

	bad := first
	bad.Secret = flipByte(bad.Secret)
	if err := compareACS3(bad, firstPeer); err == nil {
		t.Fatalf("comparison did not notice a secret differing in one byte (%q vs %q)", first.Secret, bad.Secret)
	}
}

// TestACS3HarnessReproducesPeerVector drives darabonba with the inputs of the
// shared vector acs3-peer-outboundbot-describeinstance-sts.
func TestACS3HarnessReproducesPeerVector(t *testing.T) {
	c := acs3Case{
		Action: "DescribeInstance", Version: "2019-12-26", Host: "outboundbot.cn-hangzhou.aliyuncs.com",
		Method:      "POST",
		AccessKeyID: "STS.NUexampleAccessKeyId", Secret: "stsSecret/+=", Token: "CAIS+example/STS+token==",
		Date: "2024-05-20T08:00:02Z", Nonce: strings.Repeat("3", 32),
		Query: []kv{{"InstanceId", "af81a389-91f0-4157-8d82-720edd02b66a"}},
	}
	peer, err := runACS3Peer(c)
	if err != nil {
		t.Fatal(err)
	}
	const want = "ACS3-HMAC-SHA256 Credential=STS.NUexampleAccessKeyId,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=8823e0361a38e60148632d0d8b90e2b72ef0df5eb7f40f36d19f2cb69fd03e48"
	if peer.Authorization != want {
		t.Fatalf("peer Authorization\n  got  %q\n  want %q", peer.Authorization, want)
	}
	if err := compareACS3(c, peer); err != nil {
		t.Fatal(err)
	}
}

// TestSignACS3QueryKeyEncodingDivergence documents where our signer and the
// darabonba / openapi-util signers part ways: query parameter names that
// need percent-encoding. The V3 documentation encodes names and values; the
// peers encode only values (getCanonicalQueryString writes the raw key, then
// rewrites '+' and '*' in the whole string). Our signer encodes names. No
// Outbound Bot / CCC parameter name needs encoding, so the generated test
// never uses such names. The test asserts the divergence is still there, so a
// peer upgrade that changes it is noticed.
func TestSignACS3QueryKeyEncodingDivergence(t *testing.T) {
	var diverging []string
	for _, q := range [][]kv{
		{{"a b", "1"}},
		{{"\u00e9", "1"}},
	} {
		c := acs3Case{
			Action: "ListUsers", Version: "2020-07-01", Host: "ccc.cn-shanghai.aliyuncs.com",
			Method: "POST", AccessKeyID: "testid", Secret: "testsecret",
			Date: "2024-05-20T08:00:00Z", Nonce: strings.Repeat("3", 32), Query: q,
		}
		peer, err := runACS3Peer(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := compareACS3(c, peer); err != nil {
			diverging = append(diverging, fmt.Sprintf("query %q:\n%v", q, err))
		}
	}
	if len(diverging) != 2 {
		t.Fatalf("the peers now agree on %d of 2 names that need encoding: re-check the V3 rule and retire this test", 2-len(diverging))
	}
	t.Logf("known divergence (query names outside [A-Za-z0-9._~-] are percent-encoded by us, sent raw into the canonical query by the peers):\n%s", strings.Join(diverging, "\n"))
}
