package ccc_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// The response decoders are fuzzed through the public client, so every
// byte sequence goes the production path: envelope, status, payload. The
// invariant is the contract's: no panic, never (nil, nil), and an error is
// always a *APIError or a *DecodeError whose text is one line and holds no
// secret. Seeds are the documented GetInstance example
// (testdata/GetInstance/response.json) and the corpora under
// testdata/fuzz/<Target>/ (the other operations have no documented example
// body; their seeds follow the documented envelope and Data shapes).

func fuzzClient(t *testing.T, cred credentials.Credential, ans *testutil.FuzzAnswer) *ccc.Client {
	c, err := ccc.New(ccc.Options{
		Endpoint:   "http://127.0.0.1:1",
		Credential: cred,
		HTTPClient: ans,
		Retry:      ccc.RetryOptions{MaxAttempts: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fuzzCredential(f *testing.F) credentials.Credential {
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").
		SetAccessKeyId(ccctest.AccessKeyID).SetAccessKeySecret(ccctest.AccessKeySecret))
	if err != nil {
		f.Fatal(err)
	}
	return cred
}

func addSeeds(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "GetInstance", "response.json")); err == nil {
		f.Add(200, b)
	}
	f.Add(404, []byte(`{"RequestId":"R","HttpStatusCode":404,"Code":"NotExists.InstanceId","Message":"The specified instance ccc-x does not exist."}`))
	f.Add(400, []byte(`{"RequestId":"R","HttpStatusCode":400,"Code":"Parameter.Maximum","Message":"The parameter PageSize must be less than or equal to 100."}`))
	f.Add(502, []byte(`<html><body>502 Bad Gateway</body></html>`))
}

func FuzzDecodeCreateInstance(f *testing.F) {
	addSeeds(f)
	f.Add(200, []byte(`{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"R","Data":"75c1346c-0b5c-4b66-9e9b-3b1b0c5e0001"}`))
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.CreateInstance(context.Background(), &ccc.CreateInstanceRequest{Name: "name", DomainName: "dom-a", AdminRAMIDList: []string{"1"}})
		testutil.CheckDecoded(t, "CreateInstance", resp, err, func(r *ccc.CreateInstanceResponse) string { return r.RequestID }, ccctest.AccessKeySecret)
	})
}

func FuzzDecodeGetInstance(f *testing.F) {
	addSeeds(f)
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.GetInstance(context.Background(), &ccc.GetInstanceRequest{InstanceID: "ccc-test"})
		testutil.CheckDecoded(t, "GetInstance", resp, err, func(r *ccc.GetInstanceResponse) string { return r.RequestID }, ccctest.AccessKeySecret)
	})
}

const listSeed = `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"R","Data":{"PageNumber":1,"PageSize":10,"TotalCount":1,"List":[{"Id":"ccc-test","Name":"n","DomainName":"ccc-test","Status":"RUNNING","AliyunUid":1571234567890123,"CreateTime":"1593561600000","AdminList":[],"NumberList":[{"Number":"083xxxx0011","Active":"true","SkillGroups":[{"PhoneNumberCount":"1","UserCount":2}]}]}]}}`

func FuzzDecodeListInstances(f *testing.F) {
	addSeeds(f)
	f.Add(200, []byte(listSeed))
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.ListInstances(context.Background(), &ccc.ListInstancesRequest{})
		testutil.CheckDecoded(t, "ListInstances", resp, err, func(r *ccc.ListInstancesResponse) string { return r.RequestID }, ccctest.AccessKeySecret)
	})
}

func FuzzDecodeListInstancesOfUser(f *testing.F) {
	addSeeds(f)
	f.Add(200, []byte(listSeed))
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.ListInstancesOfUser(context.Background(), &ccc.ListInstancesOfUserRequest{})
		testutil.CheckDecoded(t, "ListInstancesOfUser", resp, err, func(r *ccc.ListInstancesOfUserResponse) string { return r.RequestID }, ccctest.AccessKeySecret)
	})
}

func FuzzDecodeModifyInstance(f *testing.F) {
	addSeeds(f)
	f.Add(200, []byte(`{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"R","Data":"无"}`))
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.ModifyInstance(context.Background(), &ccc.ModifyInstanceRequest{InstanceID: "ccc-test", Description: ccc.String("d")})
		testutil.CheckDecoded(t, "ModifyInstance", resp, err, func(r *ccc.ModifyInstanceResponse) string { return r.RequestID }, ccctest.AccessKeySecret)
	})
}

func FuzzDecodeDeleteInstance(f *testing.F) {
	addSeeds(f)
	f.Add(200, []byte(`{"Code":"OK","Data":"b7feb007-994a-497f-8934-2f0c6f89867c","HttpStatusCode":200,"Message":"Success","Params":["ccc-test"],"RequestId":"R"}`))
	cred := fuzzCredential(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		c := fuzzClient(t, cred, &testutil.FuzzAnswer{Status: testutil.FuzzStatus(status), Body: body})
		resp, err := c.DeleteInstance(context.Background(), &ccc.DeleteInstanceRequest{InstanceID: "ccc-test"})
		testutil.CheckDecoded(t, "DeleteInstance", resp, err, func(r *ccc.DeleteInstanceResponse) string { return r.RequestID }, ccctest.AccessKeySecret)
	})
}
