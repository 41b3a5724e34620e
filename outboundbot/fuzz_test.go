package outboundbot_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// The response decoders are fuzzed through the public client: every byte
// sequence a service (or a gateway, or a proxy) can send goes through the
// same path as in production (envelope, status, payload). The invariant is
// the contract's: no panic, never (nil, nil), and an error is always a
// *APIError or a *DecodeError whose text is one line and holds no secret.
//
// Seeds are the documented examples (testdata/<Operation>/response.json)
// and the corpora under testdata/fuzz/<Target>/.

// fuzzClient returns a client whose every attempt gets ans, with retries
// off so that one input is one decode.
func fuzzClient(t *testing.T, cred credentials.Credential, ans *testutil.FuzzAnswer) *outboundbot.Client {
	c, err := outboundbot.New(outboundbot.Options{
		Endpoint:   "http://127.0.0.1:1",
		Credential: cred,
		HTTPClient: ans,
		Retry:      outboundbot.RetryOptions{MaxAttempts: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fuzzCredential(f *testing.F) credentials.Credential {
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").
		SetAccessKeyId(outboundbottest.AccessKeyID).SetAccessKeySecret(outboundbottest.AccessKeySecret))
	if err != nil {
		f.Fatal(err)
	}
	return cred
}

// addDocumented seeds f with the documented example of each named
// operation, when the package keeps one.
func addDocumented(f *testing.F, ops ...string) {
	for _, op := range ops {
		b, err := os.ReadFile(filepath.Join("testdata", op, "response.json"))
		if err == nil {
			f.Add(200, b)
		}
	}
	f.Add(400, []byte(`{"RequestId":"R","HostId":"outboundbot.cn-shanghai.aliyuncs.com","Code":"InvalidParameter","Message":"bad"}`))
	f.Add(200, []byte(`{"RequestId":"R","Success":false,"Code":"OutboundBot.Instance.NotFound","HttpStatusCode":404}`))
	f.Add(502, []byte(`<html><body>502 Bad Gateway</body></html>`))
}

func FuzzDecodeCreateInstance(f *testing.F) {
	addDocumented(f, "CreateInstance")
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.CreateInstance(context.Background(), &outboundbot.CreateInstanceRequest{InstanceName: "n", MaxConcurrentConversation: 1})
		testutil.CheckDecoded(t, "CreateInstance", resp, err, func(r *outboundbot.CreateInstanceResponse) string { return r.RequestID }, outboundbottest.AccessKeySecret)
	})
}

func FuzzDecodeDescribeInstance(f *testing.F) {
	addDocumented(f, "DescribeInstance")
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.DescribeInstance(context.Background(), &outboundbot.DescribeInstanceRequest{InstanceID: "i"})
		testutil.CheckDecoded(t, "DescribeInstance", resp, err, func(r *outboundbot.DescribeInstanceResponse) string { return r.RequestID }, outboundbottest.AccessKeySecret)
	})
}

func FuzzDecodeListInstances(f *testing.F) {
	addDocumented(f, "ListInstances")
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.ListInstances(context.Background(), &outboundbot.ListInstancesRequest{})
		testutil.CheckDecoded(t, "ListInstances", resp, err, func(r *outboundbot.ListInstancesResponse) string { return r.RequestID }, outboundbottest.AccessKeySecret)
	})
}

func FuzzDecodeModifyInstance(f *testing.F) {
	addDocumented(f, "DescribeInstance") // ModifyInstance answers the same shape; no example of its own
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.ModifyInstance(context.Background(), &outboundbot.ModifyInstanceRequest{InstanceID: "i", MaxConcurrentConversation: 1})
		testutil.CheckDecoded(t, "ModifyInstance", resp, err, func(r *outboundbot.ModifyInstanceResponse) string { return r.RequestID }, outboundbottest.AccessKeySecret)
	})
}

func FuzzDecodeDeleteInstance(f *testing.F) {
	addDocumented(f)
	f.Add(200, []byte(`{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"254EB995-DEDF-48A4-9101-9CA5B72FFBCC","Success":true}`))
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.DeleteInstance(context.Background(), &outboundbot.DeleteInstanceRequest{InstanceID: "i"})
		testutil.CheckDecoded(t, "DeleteInstance", resp, err, func(r *outboundbot.DeleteInstanceResponse) string { return r.RequestID }, outboundbottest.AccessKeySecret)
	})
}
