package industrialcloud_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// The response decoders are fuzzed through the public client, so every
// byte sequence goes the production path: the {"Response": …} wrapper, the
// Error object, the business Code, the status and the payload. The
// invariant is the contract's: no panic, never (nil, nil), and an error is
// always a *APIError or a *DecodeError whose text is one line and holds
// neither the token nor the secret key. Seeds are the fixtures under
// testdata/<Operation>/ (see testdata/README.md) and the corpora under
// testdata/fuzz/<Target>/.

func fuzzClient(t *testing.T, ans *testutil.FuzzAnswer) *industrialcloud.Client {
	c, err := industrialcloud.New(industrialcloud.Options{
		Endpoint:   "http://127.0.0.1:1",
		Token:      industrialcloudtest.Token,
		SecretID:   industrialcloudtest.SecretID,
		SecretKey:  industrialcloudtest.SecretKey,
		HTTPClient: ans,
		Retry:      industrialcloud.RetryOptions{MaxAttempts: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func addFixtures(f *testing.F, op string) {
	files, _ := filepath.Glob(filepath.Join("testdata", op, "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(200, b)
		}
	}
	f.Add(200, []byte(`{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"R"}}`))
	f.Add(200, []byte(`{"code":4000,"message":"legacy","codeDesc":"InvalidParameter"}`))
	f.Add(502, []byte(`<html><body>502 Bad Gateway</body></html>`))
}

func FuzzDecodeDescribeInstance(f *testing.F) {
	addFixtures(f, "DescribeInstance")
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.DescribeInstance(context.Background(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"})
		testutil.CheckDecoded(t, "DescribeInstance", resp, err, func(r *industrialcloud.DescribeInstanceResponse) string { return r.RequestID }, industrialcloudtest.Token, industrialcloudtest.SecretKey)
	})
}

func FuzzDecodeDescribeInstances(f *testing.F) {
	addFixtures(f, "DescribeInstances")
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.DescribeInstances(context.Background(), &industrialcloud.DescribeInstancesRequest{Status: []industrialcloud.Status{industrialcloud.StatusDelivered}})
		testutil.CheckDecoded(t, "DescribeInstances", resp, err, func(r *industrialcloud.DescribeInstancesResponse) string { return r.RequestID }, industrialcloudtest.Token, industrialcloudtest.SecretKey)
	})
}

func FuzzDecodeModifyInstanceName(f *testing.F) {
	addFixtures(f, "ModifyInstanceName")
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.ModifyInstanceName(context.Background(), &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: "u", InstanceName: "n"})
		testutil.CheckDecoded(t, "ModifyInstanceName", resp, err, func(r *industrialcloud.ModifyInstanceNameResponse) string { return r.RequestID }, industrialcloudtest.Token, industrialcloudtest.SecretKey)
	})
}
