package interop

// Differential test: Tencent Cloud TC3-HMAC-SHA256 — our signer.SignTC3
// against github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common
// Client.Send -> sendWithSignatureV3, for the WeMake instance console
// service ("instance-console-app", version 2019-12-26).
//
// The peer client runs for real with an in-process http.RoundTripper that
// records the request and answers {"Response":{"RequestId":"x"}}. We then
// recompute the Authorization from what was captured (X-TC-Timestamp, Host,
// Content-Type, query, body) and require it to be identical. The timestamp is
// pinned through a request wrapper whose GetParams fixes "Timestamp" (the
// SDK otherwise uses time.Now); the signing code is untouched.

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/typedcloud/sdk-go/signer"
)

const (
	tc3Service = "instance-console-app"
	tc3Version = "2019-12-26"
)

// pinnedTC3Request is a CommonRequest whose Timestamp parameter is fixed.
// The SDK reads X-TC-Timestamp from GetParams()["Timestamp"] after filling
// in time.Now(); this wrapper overwrites it on every read.
//
// The tagged fields are flattened by the SDK into the query of GET
// requests (tchttp.ConstructParams); POST bodies come from the embedded
// CommonRequest's action parameters.
type pinnedTC3Request struct {
	*tchttp.CommonRequest
	timestamp string

	InstanceIds []*string `name:"InstanceIds"`
	Name        *string   `name:"Name"`
	Limit       *int64    `name:"Limit"`
	DryRun      *bool     `name:"DryRun"`
}

func (r *pinnedTC3Request) GetParams() map[string]string {
	p := r.CommonRequest.GetParams()
	if p != nil {
		p["Timestamp"] = r.timestamp
	}
	return p
}

// tc3Case is one generated input.
type tc3Case struct {
	Endpoint              string // "" = SDK default <service>.tencentcloudapi.com
	Region                string // "" = no X-TC-Region
	Method                string
	Action                string
	SecretID, SecretKey   string
	Token                 string
	Timestamp             int64
	Payload               map[string]any // POST body (action parameters)
	GetIDs                []string       // GET query InstanceIds.N
	GetName               *string
	GetLimit              *int64
	Unsigned              bool // profile.UnsignedPayload
	Language              string
	BlankHashForEmptyBody bool // pass HashedPayload "" (not the empty-body hash) for an empty body
}

var tc3Actions = []string{"DescribeInstance", "DescribeInstances", "CreateInstance", "ModifyInstanceAttribute", "DeleteInstance"}

var tc3Endpoints = []string{
	"", // SDK default: instance-console-app.tencentcloudapi.com
	"instance-console-api.example-industrial.com",
	"instance-console-api.wemake.example.cn",
	"instance-console-app.ap-guangzhou.tencentcloudapi.com",
	"10.0.0.8:8080",
}

func genTC3Case(g *gen) tc3Case {
	c := tc3Case{
		Endpoint:  pick(g, tc3Endpoints),
		Region:    pick(g, []string{"", "", "ap-guangzhou", "ap-shanghai"}),
		Method:    "POST",
		Action:    pick(g, tc3Actions),
		SecretID:  "AKID" + g.randFrom(alnum, 32),
		SecretKey: g.secret(),
		Timestamp: g.instant().Unix(),
		Language:  pick(g, []string{"zh-CN", "en-US"}),
	}
	if g.chance(0.5) {
		c.Token = g.token()
	}
	if g.chance(0.15) {
		c.Method = "GET"
		for i := g.intn(4); i > 0; i-- {
			c.GetIDs = append(c.GetIDs, g.value())
		}
		if g.chance(0.5) {
			v := g.value()
			c.GetName = &v
		}
		if g.chance(0.5) {
			n := int64(g.intn(1000))
			c.GetLimit = &n
		}
	} else {
		c.Payload = g.jsonObject(2)
		c.Unsigned = g.chance(0.1)
	}
	c.BlankHashForEmptyBody = g.chance(0.5)
	return c
}

// jsonObject returns a random JSON object with string, number, bool, null,
// array and nested object members.
func (g *gen) jsonObject(depth int) map[string]any {
	m := map[string]any{}
	for _, p := range g.businessParams() {
		if len(m) >= 10 {
			break
		}
		switch k := g.intn(8); {
		case k == 0:
			m[p.K] = g.intn(1 << 30)
		case k == 1:
			m[p.K] = float64(g.intn(10000)) / 8
		case k == 2:
			m[p.K] = g.chance(0.5)
		case k == 3:
			m[p.K] = nil
		case k == 4:
			m[p.K] = []any{g.value(), g.intn(100), g.value()}
		case k == 5 && depth > 0:
			m[p.K] = g.jsonObject(depth - 1)
		default:
			m[p.K] = p.V
		}
	}
	if g.chance(0.3) {
		m["Html"] = "<b>" + g.value() + "</b> & " + g.value()
	}
	return m
}

// tc3Peer is what the peer sent for one case.
type tc3Peer struct {
	Authorization string
	Timestamp     int64
	Host          string
	ContentType   string
	RawQuery      string
	Body          []byte
	ContentSHA256 string // X-TC-Content-SHA256 (set only for unsigned payloads)
	Token         string // X-TC-Token
	Wire          *captured
}

func runTC3Peer(c tc3Case, service, version string) (tc3Peer, error) {
	var out tc3Peer
	rec := &recorder{}
	var cred common.CredentialIface
	if c.Token != "" {
		cred = common.NewTokenCredential(c.SecretID, c.SecretKey, c.Token)
	} else {
		cred = common.NewCredential(c.SecretID, c.SecretKey)
	}
	prof := profile.NewClientProfile()
	prof.HttpProfile.Endpoint = c.Endpoint
	prof.HttpProfile.ReqMethod = c.Method
	prof.UnsignedPayload = c.Unsigned
	prof.Language = c.Language
	client := common.NewCommonClient(cred, c.Region, prof).
		WithHttpTransport(&captureTransport{rec: rec, body: `{"Response":{"RequestId":"x"}}`})

	req := &pinnedTC3Request{
		CommonRequest: tchttp.NewCommonRequest(service, version, c.Action),
		timestamp:     strconv.FormatInt(c.Timestamp, 10),
		Name:          c.GetName,
		Limit:         c.GetLimit,
	}
	for _, id := range c.GetIDs {
		req.InstanceIds = append(req.InstanceIds, &id)
	}
	if c.Payload != nil {
		if err := req.SetActionParameters(c.Payload); err != nil {
			return out, fmt.Errorf("SetActionParameters: %w", err)
		}
	}
	resp := tchttp.NewCommonResponse()
	if err := client.Send(req, resp); err != nil {
		return out, fmt.Errorf("peer Send: %w", err)
	}
	w := rec.take()
	if w == nil {
		return out, errors.New("peer sent no request")
	}
	out.Wire = w
	out.Authorization = w.Header.Get("Authorization")
	if out.Authorization == "" {
		return out, errors.New("peer sent no Authorization")
	}
	ts, err := strconv.ParseInt(w.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return out, fmt.Errorf("X-TC-Timestamp: %w", err)
	}
	out.Timestamp = ts
	out.Host = w.Host
	out.ContentType = w.Header.Get("Content-Type")
	u, err := url.Parse(w.URL)
	if err != nil {
		return out, fmt.Errorf("wire URL: %w", err)
	}
	if out.Host == "" {
		out.Host = u.Host
	}
	out.RawQuery = u.RawQuery
	out.Body = w.Body
	out.ContentSHA256 = w.Header.Get("X-TC-Content-SHA256")
	out.Token = w.Header.Get("X-TC-Token")
	return out, nil
}

// ourTC3Request is the input our SDK would give SignTC3 for what the peer
// sent.
func (p tc3Peer) ourTC3Request(service string, blankEmptyHash bool) signer.TC3Request {
	hashed := signer.HashPayload(p.Body)
	switch {
	case p.ContentSHA256 == "UNSIGNED-PAYLOAD":
		hashed = signer.HashPayload([]byte("UNSIGNED-PAYLOAD"))
	case len(p.Body) == 0 && blankEmptyHash:
		hashed = ""
	}
	return signer.TC3Request{
		Method:         p.Wire.Method,
		Host:           p.Host,
		CanonicalURI:   "/",
		CanonicalQuery: p.RawQuery,
		ContentType:    p.ContentType,
		HashedPayload:  hashed,
		Service:        service,
		Timestamp:      p.Timestamp,
	}
}

// compareTC3 recomputes the Authorization with our signer from what the
// peer sent and reports every difference.
func compareTC3(c tc3Case, peer tc3Peer) error {
	var diffs []string
	if peer.Timestamp != c.Timestamp {
		diffs = append(diffs, fmt.Sprintf("peer ignored the pinned timestamp: X-TC-Timestamp %d, pinned %d", peer.Timestamp, c.Timestamp))
	}
	if peer.Token != c.Token {
		diffs = append(diffs, fmt.Sprintf("X-TC-Token sent %q, want %q", peer.Token, c.Token))
	}
	in := peer.ourTC3Request(tc3Service, c.BlankHashForEmptyBody)
	res := signer.SignTC3(in, c.SecretID, c.SecretKey)
	if res.Authorization != peer.Authorization {
		diffs = append(diffs, fmt.Sprintf("Authorization:\n  ours: %q\n  peer: %q\n  our canonical request: %q\n  our string to sign: %q",
			res.Authorization, peer.Authorization, res.CanonicalRequest, res.StringToSign))
	}
	if want := "TC3-HMAC-SHA256 Credential=" + c.SecretID + "/" + res.CredentialScope + ", SignedHeaders=" + res.SignedHeaders + ", Signature=" + res.Signature; res.Authorization != want {
		diffs = append(diffs, "our Authorization is not assembled from our own fields")
	}
	if len(diffs) > 0 {
		return errors.New(strings.Join(diffs, "\n"))
	}
	return nil
}

func TestSignTC3MatchesTencentSDK(t *testing.T) {
	g, seed := newGen(t, streamTC3)
	mm := &mismatches{t: t, seed: seed}
	compared, withToken, gets, unsigned := 0, 0, 0, 0
	var first tc3Case
	var firstPeer tc3Peer
	for i := 0; i < casesPerScheme; i++ {
		c := genTC3Case(g)
		peer, err := runTC3Peer(c, tc3Service, tc3Version)
		if err != nil {
			mm.report(i, "peer run failed: "+err.Error(), c)
			continue
		}
		if err := compareTC3(c, peer); err != nil {
			mm.report(i, err.Error(), c)
			continue
		}
		if compared == 0 {
			first, firstPeer = c, peer
		}
		compared++
		if c.Token != "" {
			withToken++
		}
		if c.Method == "GET" {
			gets++
		}
		if c.Unsigned {
			unsigned++
		}
	}
	t.Logf("TC3-HMAC-SHA256 (%s %s): %d/%d generated cases identical to tencentcloud-sdk-go common (%d with token, %d GET, %d unsigned payload)",
		tc3Service, tc3Version, compared, casesPerScheme, withToken, gets, unsigned)
	if compared < minCases {
		t.Fatalf("only %d cases compared, want >= %d", compared, minCases)
	}

	bad := first
	bad.SecretKey = flipByte(bad.SecretKey)
	if err := compareTC3(bad, firstPeer); err == nil {
		t.Fatalf("comparison did not notice a secret key differing in one byte (%q vs %q)", first.SecretKey, bad.SecretKey)
	}
}

// TestTC3HarnessReproducesPeerVector drives the Tencent SDK with the inputs
// of the shared vector tc3-peer-token-present.
func TestTC3HarnessReproducesPeerVector(t *testing.T) {
	c := tc3Case{
		Region: "ap-shanghai", Method: "POST", Action: "DescribeInstances",
		SecretID: "AKIDtmpExampleSecretId", SecretKey: "tmpExampleSecretKey/+=", Token: "tmp-token+/=with-special",
		Timestamp: 1716192000, Language: "zh-CN",
		Payload: map[string]any{"Limit": 20, "Offset": 0},
	}
	peer, err := runTC3Peer(c, "cvm", "2017-03-12")
	if err != nil {
		t.Fatal(err)
	}
	const want = "TC3-HMAC-SHA256 Credential=AKIDtmpExampleSecretId/2024-05-20/cvm/tc3_request, SignedHeaders=content-type;host, Signature=6315b0ca4fb2fceac58cd94faafbcd314f27e3e2ceaace221f99167bd9344690"
	if peer.Authorization != want {
		t.Fatalf("peer Authorization\n  got  %q\n  want %q", peer.Authorization, want)
	}
	res := signer.SignTC3(peer.ourTC3Request("cvm", false), c.SecretID, c.SecretKey)
	if res.Authorization != want {
		t.Fatalf("our Authorization\n  got  %q\n  want %q", res.Authorization, want)
	}
}

// TestSignTC3MixedCaseHostDivergence documents where our signer and the
// Tencent Go SDK part ways: a Host with upper-case letters (an endpoint
// configured in mixed case). The TC3 documentation lowercases canonical
// header values and our signer does; the SDK signs the host as configured
// (and net/http sends it unchanged). The generated test uses lower-case
// hosts only (and our clients lowercase the endpoint host, so both sign the
// same). The test asserts the divergence is still there.
func TestSignTC3MixedCaseHostDivergence(t *testing.T) {
	c := tc3Case{
		Endpoint: "Instance-Console-API.Example.com", Method: "POST", Action: "DescribeInstance",
		SecretID: "AKIDexample", SecretKey: "secret/+=", Timestamp: 1716192000, Language: "zh-CN",
		Payload: map[string]any{"InstanceId": "ins-1"},
	}
	peer, err := runTC3Peer(c, tc3Service, tc3Version)
	if err != nil {
		t.Fatal(err)
	}
	err = compareTC3(c, peer)
	if err == nil {
		t.Fatal("the peer now lowercases the host too: retire this test")
	}
	t.Logf("known divergence (Host %q: lowercased by us, signed as-is by the peer):\n%v", peer.Host, err)
}
