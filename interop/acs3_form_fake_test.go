package interop

// End-to-end test of our Alibaba fakes (outboundbottest, ccctest) against an
// OFFICIAL client signing with ACS3-HMAC-SHA256 (signature V3):
// github.com/alibabacloud-go/darabonba-openapi/v2 client.Client.CallApi,
// unmodified, over real HTTP on a loopback port, with the operation's
// parameters in a form body (Style "RPC", ReqBodyType "formData"). Under
// ACS3 the canonical query is the URL query alone and the form body is
// signed through x-acs-content-sha256; the fakes must accept exactly that,
// and read the call's parameters from the body.
//
// The client is pointed at a fake by Config.Endpoint = the fake's
// 127.0.0.1:<port> and Protocol "HTTP"; its dara.HttpClient hands each
// request to a wireTap (fake_helpers_test.go), which records it and sends
// it through an http.Transport with Proxy nil.

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// daraTap is the darabonba client's dara.HttpClient: every request goes
// through the wireTap; the SDK's own transport is not used.
type daraTap struct{ tap *wireTap }

func (d daraTap) Call(req *http.Request, _ *http.Transport) (*http.Response, error) {
	return d.tap.RoundTrip(req)
}

// acs3FormCall calls action through darabonba's CallApi, signed with ACS3,
// with form in the body, against the fake at fakeURL. It returns the
// decoded JSON body and the request as sent.
func acs3FormCall(t *testing.T, fakeURL, id, secret, token, action, version string, form map[string]any) (map[string]any, sentRequest) {
	t.Helper()
	tap := newWireTap()
	t.Cleanup(tap.base.CloseIdleConnections)
	cfg := &openapi.Config{
		AccessKeyId:     dara.String(id),
		AccessKeySecret: dara.String(secret),
		Endpoint:        dara.String(loopbackHost(t, fakeURL)),
		Protocol:        dara.String("HTTP"),
		HttpClient:      daraTap{tap},
	}
	if token != "" {
		cfg.SecurityToken = dara.String(token)
	}
	client, err := openapi.NewClient(cfg)
	if err != nil {
		t.Fatalf("official client: %v", err)
	}
	params := &openapiutil.Params{
		Action:      dara.String(action),
		Version:     dara.String(version),
		Protocol:    dara.String("HTTP"),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
	res, err := client.CallApi(params, &openapiutil.OpenApiRequest{Body: form}, &dara.RuntimeOptions{})
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	sent := tap.all()
	if len(sent) != 1 {
		t.Fatalf("the official client sent %d requests, want 1", len(sent))
	}
	checkACS3FormWire(t, sent[0], action, form)
	body, ok := res["body"].(map[string]any)
	if !ok {
		t.Fatalf("%s: answer body %T %v", action, res["body"], res["body"])
	}
	return body, sent[0]
}

// checkACS3FormWire asserts the request was what this test is about: an
// ACS3 POST whose operation parameters sit in a form body, not the query.
func checkACS3FormWire(t *testing.T, sent sentRequest, action string, form map[string]any) {
	t.Helper()
	// darabonba keeps its header names lowercase, as it signs them.
	if auth := firstValueFold(sent.Header, "Authorization"); !strings.HasPrefix(auth, "ACS3-HMAC-SHA256 ") {
		t.Fatalf("%s sent Authorization %q, want ACS3-HMAC-SHA256", action, auth)
	}
	if ct := firstValueFold(sent.Header, "Content-Type"); sent.Method != http.MethodPost || !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		t.Fatalf("%s sent %s with Content-Type %q, want a form POST", action, sent.Method, ct)
	}
	body, err := url.ParseQuery(sent.Body)
	if err != nil {
		t.Fatalf("%s form body %q: %v", action, sent.Body, err)
	}
	query, err := url.ParseQuery(sent.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	for k := range form {
		if !body.Has(k) || query.Has(k) {
			t.Fatalf("%s: %s not in the form body alone: query %q, body %q", action, k, sent.RawQuery, sent.Body)
		}
	}
}

func TestOfficialACS3FormBodyAgainstFakes(t *testing.T) {
	t.Run("outboundbot CreateInstance", func(t *testing.T) {
		for _, key := range []struct{ name, id, secret, token string }{
			{"AccessKey", outboundbottest.AccessKeyID, outboundbottest.AccessKeySecret, ""},
			{"STS", outboundbottest.STSAccessKeyID, outboundbottest.STSAccessKeySecret, outboundbottest.SecurityToken},
		} {
			t.Run(key.name, func(t *testing.T) {
				srv := newFake(t)
				name := "acs3 form a+b c*d~ 外呼 " + key.name
				body, _ := acs3FormCall(t, srv.URL(), key.id, key.secret, key.token, "CreateInstance", outboundbot.APIVersion,
					map[string]any{"InstanceName": name, "InstanceDescription": "x&y=z", "MaxConcurrentConversation": "2"})
				inst, _ := body["Instance"].(map[string]any)
				if body["Success"] != true || inst["InstanceName"] != name || inst["InstanceDescription"] != "x&y=z" {
					t.Fatalf("CreateInstance answered %v", body)
				}
				if srv.Received("CreateInstance") != 1 || len(srv.Instances()) != 2 {
					t.Fatalf("the fake ran CreateInstance %d times and holds %d instances, want 1 and 2",
						srv.Received("CreateInstance"), len(srv.Instances()))
				}
			})
		}
	})
	t.Run("ccc GetInstance", func(t *testing.T) {
		srv := newCCCFake(t)
		body, _ := acs3FormCall(t, srv.URL(), ccctest.AccessKeyID, ccctest.AccessKeySecret, "", "GetInstance", ccc.APIVersion,
			map[string]any{"InstanceId": ccctest.ExampleInstanceID})
		data, _ := body["Data"].(map[string]any)
		if body["Code"] != "OK" || data["Id"] != ccctest.ExampleInstanceID {
			t.Fatalf("GetInstance answered %v", body)
		}
	})
}
