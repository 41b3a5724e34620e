package interop

// End-to-end test of our Outbound Bot fake (outboundbot/outboundbottest)
// against the OFFICIAL client: github.com/aliyun/alibaba-cloud-sdk-go (v1)
// services/outboundbot, API 2019-12-26, unmodified, over real HTTP on a
// loopback port. It proves the fake accepts what the real SDK puts on the
// wire: a POST whose parameters all sit in the query (the body is empty),
// '+' for space (url.Values.Encode), the empty "SignatureType=" parameter,
// the client's RegionId, repeated parameters (CallingNumber.N, Tag.N.Key),
// an HMAC-SHA1 signature over all of that, and SecurityToken for STS keys;
// and that it answers in an envelope the SDK decodes, including its errors
// (errors.ServerError with the code and HTTP status).
//
// The official client is pointed at the fake by pointAtFake
// (fake_helpers_test.go): Client.Domain = the fake's 127.0.0.1:<port>,
// scheme HTTP, and SetTransport with a recording RoundTripper whose
// http.Transport has Proxy nil.
//
// The SDK's clock and nonce come from auth.hookGetDate / auth.hookGetNonce,
// which signer_rpc_test.go pins for its own tests and restores in
// t.Cleanup. These tests run sequentially with those (no t.Parallel), use
// the real hooks, and check it: every request they send must carry a
// timestamp near now and a nonce never seen before.

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	aliob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// obRegion is the official client's region; the SDK sends it as RegionId.
const obRegion = "cn-shanghai"

// officialClient returns the official v1 Outbound Bot client pointed at srv
// with the given credential (token "" for a plain AccessKey).
func officialClient(t *testing.T, srv *outboundbottest.Server, id, secret, token string) (*aliob.Client, *wireTap) {
	t.Helper()
	var (
		c   *aliob.Client
		err error
	)
	if token != "" {
		c, err = aliob.NewClientWithStsToken(obRegion, id, secret, token)
	} else {
		c, err = aliob.NewClientWithAccessKey(obRegion, id, secret)
	}
	if err != nil {
		t.Fatalf("official client: %v", err)
	}
	return c, pointAtFake(t, &c.Client, srv.URL())
}

// newFake starts a fake seeded with the documented example instance.
func newFake(t *testing.T) *outboundbottest.Server {
	t.Helper()
	srv := outboundbottest.NewServer()
	t.Cleanup(srv.Close)
	return srv
}

// checkSuccess asserts the common success envelope.
func checkSuccess(t *testing.T, what string, ok bool, code string, httpCode int, requestID string) {
	t.Helper()
	if !ok || code != "OK" || httpCode != http.StatusOK || requestID == "" {
		t.Fatalf("%s envelope: Success=%v Code=%q HttpStatusCode=%d RequestId=%q", what, ok, code, httpCode, requestID)
	}
}

func TestOfficialOutboundBotClientAgainstFake(t *testing.T) {
	t.Run("AccessKey", func(t *testing.T) {
		srv := newFake(t)
		client, tap := officialClient(t, srv, outboundbottest.AccessKeyID, outboundbottest.AccessKeySecret, "")
		officialCRUD(t, srv, client, tap, "ak")
		checkWire(t, tap.all(), obRegion, outboundbot.APIVersion, "")
	})
	t.Run("STS", func(t *testing.T) {
		srv := newFake(t)
		client, tap := officialClient(t, srv, outboundbottest.STSAccessKeyID, outboundbottest.STSAccessKeySecret, outboundbottest.SecurityToken)
		officialCRUD(t, srv, client, tap, "sts")
		checkWire(t, tap.all(), obRegion, outboundbot.APIVersion, outboundbottest.SecurityToken)
		if !strings.Contains(tap.last(t).RawQuery, "SecurityToken="+url.QueryEscape(outboundbottest.SecurityToken)) {
			t.Errorf("STS request carries no SecurityToken: %s", tap.last(t).RawQuery)
		}
	})
	// The typed requests put every parameter in the query. A CommonRequest
	// can also send a form body (signed together with the query) or a GET.
	t.Run("CommonRequestFormBodyAndGET", func(t *testing.T) {
		srv := newFake(t)
		client, tap := officialClient(t, srv, outboundbottest.AccessKeyID, outboundbottest.AccessKeySecret, "")
		for _, method := range []string{requests.POST, requests.GET} {
			name := "common " + method + " a+b c*d~ 外呼"
			req := requests.NewCommonRequest()
			req.Method = method
			req.Product = "OutboundBot"
			req.Version = outboundbot.APIVersion
			req.ApiName = "CreateInstance"
			req.QueryParams["MaxConcurrentConversation"] = "2"
			params := req.QueryParams
			if method == requests.POST {
				params = req.FormParams
			}
			params["InstanceName"] = name
			params["InstanceDescription"] = "x&y=z"
			resp, err := client.ProcessCommonRequest(req)
			if err != nil {
				t.Fatalf("%s CreateInstance: %v", method, err)
			}
			var out struct {
				Success  bool
				Instance aliob.Instance
			}
			if err := json.Unmarshal(resp.GetHttpContentBytes(), &out); err != nil {
				t.Fatal(err)
			}
			if !out.Success || out.Instance.InstanceName != name || out.Instance.InstanceDescription != "x&y=z" || out.Instance.MaxConcurrentConversation != 2 {
				t.Fatalf("%s CreateInstance returned %s", method, resp.GetHttpContentString())
			}
			sent := tap.last(t)
			wire := sent.RawQuery
			if method == requests.POST {
				wire = sent.Body
			}
			if sent.Method != method || !strings.Contains(wire, "InstanceName=common+"+method+"+a%2Bb+c%2Ad~+") {
				t.Fatalf("%s: InstanceName not where expected: query %s, body %q", method, sent.RawQuery, sent.Body)
			}
		}
		if n := len(srv.Instances()); n != 3 {
			t.Fatalf("fake holds %d instances, want 3", n)
		}
	})
}

// officialCRUD runs Create → Describe → List → Modify → Delete → Describe
// through the official client and checks every answer.
func officialCRUD(t *testing.T, srv *outboundbottest.Server, client *aliob.Client, tap *wireTap, tag string) {
	// Spaces (sent as '+'), a literal '+' (sent as %2B), '*', '~', '/' and
	// CJK: the characters where form encoding and RPC signing differ.
	name := "interop " + tag + " 外呼 a*b ~c +d /e"
	desc := "created by the official SDK & checked = yes?"
	group := "rg-interop-" + tag
	before := time.Now().Add(-time.Second)

	// Create.
	creq := aliob.CreateCreateInstanceRequest()
	creq.InstanceName = name
	creq.InstanceDescription = desc
	creq.MaxConcurrentConversation = requests.NewInteger(7)
	creq.NluServiceType = string(outboundbot.NLUServiceProvided)
	creq.ResourceGroupId = group
	creq.CallingNumber = &[]string{"4008013260", "+86 571 8888 0000"}
	cres, err := client.CreateInstance(creq)
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	checkSuccess(t, "CreateInstance", cres.Success, cres.Code, cres.HttpStatusCode, cres.RequestId)
	in := cres.Instance
	id := in.InstanceId
	if id == "" || in.InstanceName != name || in.InstanceDescription != desc || in.MaxConcurrentConversation != 7 || in.ResourceGroupId != group {
		t.Fatalf("CreateInstance returned %+v", in)
	}
	if ct := time.UnixMilli(in.CreationTime); ct.Before(before) || ct.After(time.Now().Add(time.Second)) {
		t.Errorf("CreationTime %v is not the creation time", ct)
	}
	raw := tap.last(t).RawQuery
	for _, want := range []string{
		"InstanceName=interop+" + tag + "+", // space as '+'
		"+%2Bd+%2Fe",                        // a literal '+' and '/' percent-encoded
		"CallingNumber.1=4008013260", "CallingNumber.2=%2B86+571+8888+0000",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("CreateInstance query lacks %q: %s", want, raw)
		}
	}
	// What the fake understood: the decoded parameters it stored.
	var stored *outboundbot.Instance
	for _, x := range srv.Instances() {
		if x.InstanceID == id {
			stored = &x
		}
	}
	if stored == nil || stored.InstanceName != name || stored.InstanceDescription != desc {
		t.Fatalf("fake stored %+v, want name %q description %q", stored, name, desc)
	}
	recs := srv.Requests()
	if p := recs[len(recs)-1].Params; p["CallingNumber.2"] != "+86 571 8888 0000" || p["RegionId"] != obRegion {
		t.Errorf("fake decoded CallingNumber.2=%q RegionId=%q", p["CallingNumber.2"], p["RegionId"])
	}

	// Describe.
	describe := func() (*aliob.DescribeInstanceResponse, error) {
		r := aliob.CreateDescribeInstanceRequest()
		r.InstanceId = id
		return client.DescribeInstance(r)
	}
	dres, err := describe()
	if err != nil {
		t.Fatalf("DescribeInstance: %v", err)
	}
	checkSuccess(t, "DescribeInstance", dres.Success, dres.Code, dres.HttpStatusCode, dres.RequestId)
	if d := dres.Instance; d.InstanceId != id || d.InstanceName != name || d.MaxConcurrentConversation != 7 ||
		d.InstanceDescription != desc || d.ResourceGroupId != group || d.CreationTime != in.CreationTime {
		t.Fatalf("DescribeInstance returned %+v, created %+v", d, in)
	}

	// List, with the typed request. In v1.63.107 ListInstancesRequest has
	// only ResourceGroupId and Tag (no PageNumber, PageSize or Name), so
	// paging and the name filter go through a CommonRequest below.
	lreq := aliob.CreateListInstancesRequest()
	lres, err := client.ListInstances(lreq)
	if err != nil {
		t.Fatalf("ListInstances: %v", err)
	}
	checkSuccess(t, "ListInstances", lres.Success, lres.Code, lres.HttpStatusCode, lres.RequestId)
	if len(lres.Instances) != 2 || lres.Instances[0].InstanceId != outboundbottest.ExampleInstanceID || lres.Instances[1].InstanceId != id {
		t.Fatalf("ListInstances returned %+v, want the example instance then %s", lres.Instances, id)
	}
	if l := lres.Instances[1]; l.InstanceName != name || l.MaxConcurrentConversation != 7 || l.ResourceGroupId != group {
		t.Fatalf("ListInstances lists %+v", l)
	}
	lreq = aliob.CreateListInstancesRequest()
	lreq.ResourceGroupId = group
	if lres, err = client.ListInstances(lreq); err != nil {
		t.Fatalf("ListInstances by ResourceGroupId: %v", err)
	}
	if len(lres.Instances) != 1 || lres.Instances[0].InstanceId != id || lres.Instances[0].InstanceName != name {
		t.Fatalf("ListInstances ResourceGroupId=%s returned %+v", group, lres.Instances)
	}
	lreq = aliob.CreateListInstancesRequest()
	lreq.Tag = &[]aliob.ListInstancesTag{{Key: "age", Value: "20"}}
	if lres, err = client.ListInstances(lreq); err != nil {
		t.Fatalf("ListInstances by Tag: %v", err)
	}
	if len(lres.Instances) != 1 || lres.Instances[0].InstanceId != outboundbottest.ExampleInstanceID ||
		len(lres.Instances[0].ResourceTags) != 1 || lres.Instances[0].ResourceTags[0] != (aliob.ResourceTag{Key: "age", Value: "20"}) {
		t.Fatalf("ListInstances Tag.1.Key=age returned %+v", lres.Instances)
	}
	if raw := tap.last(t).RawQuery; !strings.Contains(raw, "Tag.1.Key=age") || !strings.Contains(raw, "Tag.1.Value=20") {
		t.Errorf("ListInstances query lacks Tag.1.Key/Tag.1.Value: %s", raw)
	}

	// List through a CommonRequest (ProcessCommonRequest) for the
	// parameters the typed v1 request lacks.
	page := listCommon(t, client, map[string]string{"PageNumber": "2", "PageSize": "1"})
	if page.TotalCount != 2 || page.PageNumber != 2 || page.PageSize != 1 || len(page.Instances) != 1 ||
		page.Instances[0].InstanceId != id || page.Instances[0].InstanceName != name || page.Instances[0].MaxConcurrentConversation != 7 {
		t.Fatalf("ListInstances PageNumber=2 PageSize=1 returned %+v", page)
	}
	page = listCommon(t, client, map[string]string{"Name": "interop " + tag + " 外呼"})
	if page.TotalCount != 1 || len(page.Instances) != 1 || page.Instances[0].InstanceId != id {
		t.Fatalf("ListInstances Name filter returned %+v", page)
	}

	// Modify.
	newName := "interop " + tag + " renamed x+y"
	mreq := aliob.CreateModifyInstanceRequest()
	mreq.InstanceId = id
	mreq.InstanceName = newName
	mreq.InstanceDescription = "modified"
	mreq.MaxConcurrentConversation = requests.NewInteger(9)
	mres, err := client.ModifyInstance(mreq)
	if err != nil {
		t.Fatalf("ModifyInstance: %v", err)
	}
	checkSuccess(t, "ModifyInstance", mres.Success, mres.Code, mres.HttpStatusCode, mres.RequestId)
	if m := mres.Instance; m.InstanceId != id || m.InstanceName != newName || m.InstanceDescription != "modified" || m.MaxConcurrentConversation != 9 {
		t.Fatalf("ModifyInstance returned %+v", m)
	}
	if dres, err = describe(); err != nil {
		t.Fatalf("DescribeInstance after ModifyInstance: %v", err)
	}
	if d := dres.Instance; d.InstanceName != newName || d.InstanceDescription != "modified" || d.MaxConcurrentConversation != 9 || d.ResourceGroupId != group {
		t.Fatalf("DescribeInstance after ModifyInstance returned %+v", d)
	}
	page = listCommon(t, client, map[string]string{"Name": "renamed x+y"})
	if len(page.Instances) != 1 || page.Instances[0].InstanceName != newName || page.Instances[0].MaxConcurrentConversation != 9 {
		t.Fatalf("ListInstances after ModifyInstance returned %+v", page)
	}

	// Delete.
	xreq := aliob.CreateDeleteInstanceRequest()
	xreq.InstanceId = id
	xres, err := client.DeleteInstance(xreq)
	if err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	checkSuccess(t, "DeleteInstance", xres.Success, xres.Code, xres.HttpStatusCode, xres.RequestId)
	if n := len(srv.Instances()); n != 1 {
		t.Fatalf("fake holds %d instances after DeleteInstance, want 1 (the example)", n)
	}
	_, err = describe()
	serverError(t, err, outboundbot.CodeInstanceNotFound, http.StatusNotFound)
	if outboundbot.CodeInstanceNotFound != "NotExist.Instance" {
		t.Fatalf("CodeInstanceNotFound = %q", outboundbot.CodeInstanceNotFound)
	}
	_, err = client.DeleteInstance(xreq)
	serverError(t, err, "NotExist.Instance", http.StatusNotFound)
}

// listPage is the ListInstances answer, decoded from a CommonResponse.
type listPage struct {
	RequestId  string
	Success    bool
	TotalCount int
	PageNumber int
	PageSize   int
	Instances  []aliob.Instance
}

func listCommon(t *testing.T, client *aliob.Client, params map[string]string) listPage {
	t.Helper()
	req := requests.NewCommonRequest()
	req.Method = requests.POST
	req.Product = "OutboundBot"
	req.Version = outboundbot.APIVersion
	req.ApiName = "ListInstances"
	for k, v := range params {
		req.QueryParams[k] = v
	}
	resp, err := client.ProcessCommonRequest(req)
	if err != nil {
		t.Fatalf("ListInstances %v (CommonRequest): %v", params, err)
	}
	var p listPage
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &p); err != nil {
		t.Fatalf("ListInstances %v: %v: %s", params, err, resp.GetHttpContentString())
	}
	if !p.Success || p.RequestId == "" {
		t.Fatalf("ListInstances %v: %s", params, resp.GetHttpContentString())
	}
	return p
}

// TestOfficialOutboundBotClientRejected checks the fake refuses what the
// service refuses, with the codes the official SDK reports.
func TestOfficialOutboundBotClientRejected(t *testing.T) {
	create := func(name string) *aliob.CreateInstanceRequest {
		r := aliob.CreateCreateInstanceRequest()
		r.InstanceName = name
		r.MaxConcurrentConversation = requests.NewInteger(3)
		return r
	}
	t.Run("OneSignatureByteChanged", func(t *testing.T) {
		srv := newFake(t)
		client, tap := officialClient(t, srv, outboundbottest.AccessKeyID, outboundbottest.AccessKeySecret, "")

		tap.setTamper(true)
		_, err := client.CreateInstance(create("tampered"))
		invalidSecret(t, err)
		sent := tap.last(t)
		orig, err1 := base64.StdEncoding.DecodeString(sent.Signature)
		bad, err2 := base64.StdEncoding.DecodeString(sent.Sent)
		if err1 != nil || err2 != nil || len(orig) != 20 || len(bad) != 20 {
			t.Fatalf("signatures %q / %q are not base64 HMAC-SHA1 (%v, %v)", sent.Signature, sent.Sent, err1, err2)
		}
		diff := 0
		for i := range orig {
			if orig[i] != bad[i] {
				diff++
			}
		}
		if diff != 1 || sent.Signature[1:] != sent.Sent[1:] {
			t.Fatalf("tampering changed %d signature bytes (%q → %q), want 1", diff, sent.Signature, sent.Sent)
		}
		if n := srv.Received("CreateInstance"); n != 0 || len(srv.Instances()) != 1 {
			t.Fatalf("a rejected CreateInstance reached the handler (%d) or created an instance (%d)", n, len(srv.Instances()))
		}

		// The same call untampered goes through: the wrapper and the request
		// are fine, only the signature byte was wrong.
		tap.setTamper(false)
		res, err := client.CreateInstance(create("tampered"))
		if err != nil {
			t.Fatalf("untampered CreateInstance: %v", err)
		}
		if res.Instance.InstanceName != "tampered" || res.Instance.MaxConcurrentConversation != 3 {
			t.Fatalf("CreateInstance returned %+v", res.Instance)
		}
		checkWire(t, tap.all(), obRegion, outboundbot.APIVersion, "")
	})

	t.Run("WrongSecret", func(t *testing.T) {
		srv := newFake(t)
		client, _ := officialClient(t, srv, outboundbottest.AccessKeyID, flipByte(outboundbottest.AccessKeySecret), "")
		_, err := client.CreateInstance(create("wrong secret"))
		invalidSecret(t, err)
		r := aliob.CreateDescribeInstanceRequest()
		r.InstanceId = outboundbottest.ExampleInstanceID
		_, err = client.DescribeInstance(r)
		invalidSecret(t, err)
		if len(srv.Instances()) != 1 || srv.Received("CreateInstance") != 0 {
			t.Fatal("a request signed with a wrong secret reached the handler")
		}
	})

	t.Run("UnknownAccessKey", func(t *testing.T) {
		srv := newFake(t)
		client, _ := officialClient(t, srv, "LTAI5tInteropUnknownKey", outboundbottest.AccessKeySecret, "")
		_, err := client.CreateInstance(create("unknown key"))
		serverError(t, err, "InvalidAccessKeyId.NotFound", http.StatusNotFound)
		if len(srv.Instances()) != 1 {
			t.Fatal("a request with an unknown AccessKeyId created an instance")
		}
	})

	t.Run("STSKeyWithoutToken", func(t *testing.T) {
		srv := newFake(t)
		client, _ := officialClient(t, srv, outboundbottest.STSAccessKeyID, outboundbottest.STSAccessKeySecret, "")
		r := aliob.CreateDescribeInstanceRequest()
		r.InstanceId = outboundbottest.ExampleInstanceID
		_, err := client.DescribeInstance(r)
		serverError(t, err, "InvalidSecurityToken.MismatchWithAccessKey", http.StatusBadRequest)
	})
}
