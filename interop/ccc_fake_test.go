package interop

// End-to-end test of our Contact Center fake (ccc/ccctest) against the
// OFFICIAL client: github.com/aliyun/alibaba-cloud-sdk-go (v1) services/ccc,
// API 2020-07-01, unmodified, over real HTTP on a loopback port. The typed
// GetInstance, ListInstances and ListInstancesOfUser calls must go through
// (HMAC-SHA1 over the query the SDK builds, with an AccessKey and with an STS
// credential) and the SDK must decode the fake's CCC envelope
// ({"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId",…,"Data"})
// into the documented example instance ccc-test; a wrong secret must come
// back as the SDK's ServerError SignatureDoesNotMatch.
//
// The client is pointed at the fake by pointAtFake (fake_helpers_test.go):
// Client.Domain = the fake's 127.0.0.1:<port>, scheme HTTP, and
// SetTransport with a recording RoundTripper whose http.Transport has Proxy
// nil. Like the Outbound Bot test it runs sequentially with the pinned v1
// clock of signer_rpc_test.go and checks, through checkWire, that every
// request carries a current timestamp and a fresh nonce.

import (
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	alicc "github.com/aliyun/alibaba-cloud-sdk-go/services/ccc"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
)

// cccRegion is the official client's region; the SDK sends it as RegionId.
const cccRegion = "cn-shanghai"

// cccOtherID is a second instance the tests add, administered by someone
// other than the calling user: ListInstances lists it, ListInstancesOfUser
// does not.
const cccOtherID = "ccc-interop-2"

// officialCCCClient returns the official v1 CCC client pointed at srv with
// the given credential (token "" for a plain AccessKey).
func officialCCCClient(t *testing.T, srv *ccctest.Server, id, secret, token string) (*alicc.Client, *wireTap) {
	t.Helper()
	var (
		c   *alicc.Client
		err error
	)
	if token != "" {
		c, err = alicc.NewClientWithStsToken(cccRegion, id, secret, token)
	} else {
		c, err = alicc.NewClientWithAccessKey(cccRegion, id, secret)
	}
	if err != nil {
		t.Fatalf("official CCC client: %v", err)
	}
	return c, pointAtFake(t, &c.Client, srv.URL())
}

// newCCCFake starts a fake seeded with the documented example instance
// ccc-test and adds cccOtherID.
func newCCCFake(t *testing.T) *ccctest.Server {
	t.Helper()
	srv := ccctest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.AddInstance(ccc.Instance{
		ID: cccOtherID, Name: "互操作 second", Description: "not the caller's",
		CreateTime: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
		AdminList: []ccc.User{{UserID: "someone@" + cccOtherID, LoginName: "someone", InstanceID: cccOtherID,
			RoleID: "Admin@" + cccOtherID, RoleName: "Admin", WorkMode: "ON_SITE"}},
		NumberList: []ccc.PhoneNumber{{Number: "0571xxxx0002", InstanceID: cccOtherID, Usage: ccc.UsageOutbound, Active: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// checkCCCEnvelope asserts the CCC success envelope the SDK decoded.
func checkCCCEnvelope(t *testing.T, what, code string, httpCode int, message, requestID string) {
	t.Helper()
	if code != "OK" || httpCode != http.StatusOK || message != "Success" || requestID == "" {
		t.Fatalf("%s envelope: Code=%q HttpStatusCode=%d Message=%q RequestId=%q", what, code, httpCode, message, requestID)
	}
}

// checkExampleAdmin asserts the documented example's administrator.
func checkExampleAdmin(t *testing.T, what string, admins []alicc.User) {
	t.Helper()
	if len(admins) != 1 {
		t.Fatalf("%s: AdminList %+v, want the one documented administrator", what, admins)
	}
	want := alicc.User{
		UserId: "user-test@ccc-test", LoginName: ccctest.CurrentUserLoginName, DisplayName: "云呼测试1",
		Email: "18866668888@163.com", Mobile: "138xxxx2114", Extension: "80326034", InstanceId: ccctest.ExampleInstanceID,
		RoleId: "Admin@ccc-test", RoleName: "Admin", WorkMode: "ON_SITE",
	}
	if admins[0] != want {
		t.Fatalf("%s: administrator\n  got  %+v\n  want %+v", what, admins[0], want)
	}
}

// checkExampleNumbers asserts the documented example's number and its skill
// group, as GetInstance and ListInstancesOfUser return them in full.
func checkExampleNumbers(t *testing.T, what string, numbers []alicc.PhoneNumber) {
	t.Helper()
	if len(numbers) != 1 {
		t.Fatalf("%s: NumberList %+v, want the one documented number", what, numbers)
	}
	n := numbers[0]
	if n.Number != "083xxxx0011" || n.City != "乐山" || n.Province != "四川" || n.InstanceId != ccctest.ExampleInstanceID ||
		n.ContactFlowId != "a3fb6c62-9b49-4942-ae5b-cf2abd4123ek" || n.Usage != string(ccc.UsageBidirection) ||
		n.UserId != "user-test@ccc-test" || !n.Active {
		t.Fatalf("%s: number %+v", what, n)
	}
	if len(n.SkillGroups) != 1 {
		t.Fatalf("%s: SkillGroups %+v, want the one documented skill group", what, n.SkillGroups)
	}
	want := alicc.SkillGroup{
		SkillGroupId: "test@ccc-test", Name: "test", DisplayName: "测试技能组", Description: "测试",
		InstanceId: ccctest.ExampleInstanceID, PhoneNumberCount: 1, UserCount: 2,
	}
	if n.SkillGroups[0] != want {
		t.Fatalf("%s: skill group\n  got  %+v\n  want %+v", what, n.SkillGroups[0], want)
	}
}

func TestOfficialCCCClientAgainstFake(t *testing.T) {
	for _, tc := range []struct {
		name, id, secret, token string
	}{
		{"AccessKey", ccctest.AccessKeyID, ccctest.AccessKeySecret, ""},
		{"STS", ccctest.STSAccessKeyID, ccctest.STSAccessKeySecret, ccctest.SecurityToken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newCCCFake(t)
			client, tap := officialCCCClient(t, srv, tc.id, tc.secret, tc.token)
			officialCCCReads(t, srv, client)
			sent := tap.all()
			if len(sent) != 4 {
				t.Fatalf("the official client sent %d requests, want 4 (no retries)", len(sent))
			}
			checkWire(t, sent, cccRegion, ccc.APIVersion, tc.token)
			for _, action := range []string{"GetInstance", "ListInstances", "ListInstancesOfUser"} {
				if srv.Received(action) == 0 {
					t.Errorf("the fake's %s handler was never reached", action)
				}
			}
		})
	}
}

// officialCCCReads runs GetInstance, ListInstances (two pages) and
// ListInstancesOfUser through the official client and checks the decoded
// answers against the documented example and the fake's store.
func officialCCCReads(t *testing.T, srv *ccctest.Server, client *alicc.Client) {
	stored := srv.Instances()
	if len(stored) != 2 || stored[0].ID != ccctest.ExampleInstanceID || stored[1].ID != cccOtherID {
		t.Fatalf("fake holds %+v, want ccc-test then %s", stored, cccOtherID)
	}

	// GetInstance of the documented example.
	greq := alicc.CreateGetInstanceRequest()
	greq.InstanceId = ccctest.ExampleInstanceID
	gres, err := client.GetInstance(greq)
	if err != nil {
		t.Fatalf("GetInstance: %v", err)
	}
	checkCCCEnvelope(t, "GetInstance", gres.Code, gres.HttpStatusCode, gres.Message, gres.RequestId)
	d := gres.Data
	if d.Id != ccctest.ExampleInstanceID || d.Name != "云呼测试实例" || d.Description != "测试实例" ||
		d.DomainName != "ccc-test" || d.Status != "RUNNING" ||
		d.ConsoleUrl != "https://ccc-v2.aliyun.com/#/workbench/ccc-test" || d.AliyunUid != ccctest.AccountID {
		t.Fatalf("GetInstance returned Id=%q Name=%q Description=%q DomainName=%q Status=%q ConsoleUrl=%q AliyunUid=%q",
			d.Id, d.Name, d.Description, d.DomainName, d.Status, d.ConsoleUrl, d.AliyunUid)
	}
	if ccc.InstanceStatusRunning != "RUNNING" {
		t.Fatalf("InstanceStatusRunning = %q", ccc.InstanceStatusRunning)
	}
	checkExampleAdmin(t, "GetInstance", d.AdminList)
	checkExampleNumbers(t, "GetInstance", d.NumberList)

	// ListInstances: every instance of the account, with CreateTime and
	// numbers reduced to Number.
	list := func(number, size int) *alicc.ListInstancesResponse {
		t.Helper()
		r := alicc.CreateListInstancesRequest()
		r.PageNumber = requests.NewInteger(number)
		r.PageSize = requests.NewInteger(size)
		res, err := client.ListInstances(r)
		if err != nil {
			t.Fatalf("ListInstances PageNumber=%d PageSize=%d: %v", number, size, err)
		}
		checkCCCEnvelope(t, "ListInstances", res.Code, res.HttpStatusCode, res.Message, res.RequestId)
		return res
	}
	lres := list(1, 10)
	if p := lres.Data; p.TotalCount != 2 || p.PageNumber != 1 || p.PageSize != 10 || len(p.List) != 2 {
		t.Fatalf("ListInstances PageNumber=1 PageSize=10: TotalCount=%d PageNumber=%d PageSize=%d, %d items",
			p.TotalCount, p.PageNumber, p.PageSize, len(p.List))
	}
	ex := lres.Data.List[0]
	if ex.Id != ccctest.ExampleInstanceID || ex.Name != "云呼测试实例" || ex.Status != "RUNNING" || ex.AliyunUid != ccctest.AccountID ||
		ex.CreateTime != stored[0].CreateTime.UnixMilli() || ex.CreateTime != time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC).UnixMilli() {
		t.Fatalf("ListInstances lists the example as %+v", ex)
	}
	checkExampleAdmin(t, "ListInstances", ex.AdminList)
	if len(ex.NumberList) != 1 || !reflect.DeepEqual(ex.NumberList[0], alicc.PhoneNumber{Number: "083xxxx0011"}) {
		t.Fatalf("ListInstances lists the example's numbers as %+v, want Number only", ex.NumberList)
	}
	lres = list(2, 1)
	if p := lres.Data; p.TotalCount != 2 || p.PageNumber != 2 || p.PageSize != 1 || len(p.List) != 1 {
		t.Fatalf("ListInstances PageNumber=2 PageSize=1: TotalCount=%d PageNumber=%d PageSize=%d, %d items",
			p.TotalCount, p.PageNumber, p.PageSize, len(p.List))
	}
	if o := lres.Data.List[0]; o.Id != cccOtherID || o.DomainName != cccOtherID || o.Name != "互操作 second" || o.Status != "RUNNING" ||
		o.CreateTime != stored[1].CreateTime.UnixMilli() || len(o.AdminList) != 1 || o.AdminList[0].LoginName != "someone" ||
		len(o.NumberList) != 1 || o.NumberList[0].Number != "0571xxxx0002" {
		t.Fatalf("ListInstances page 2 lists %+v", o)
	}

	// ListInstancesOfUser: only the calling user's instances, numbers in
	// full, no CreateTime.
	ureq := alicc.CreateListInstancesOfUserRequest()
	ureq.PageNumber = requests.NewInteger(1)
	ureq.PageSize = requests.NewInteger(20)
	ures, err := client.ListInstancesOfUser(ureq)
	if err != nil {
		t.Fatalf("ListInstancesOfUser: %v", err)
	}
	checkCCCEnvelope(t, "ListInstancesOfUser", ures.Code, ures.HttpStatusCode, ures.Message, ures.RequestId)
	if p := ures.Data; p.TotalCount != 1 || p.PageNumber != 1 || p.PageSize != 20 || len(p.List) != 1 {
		t.Fatalf("ListInstancesOfUser: TotalCount=%d PageNumber=%d PageSize=%d, %d items", p.TotalCount, p.PageNumber, p.PageSize, len(p.List))
	}
	u := ures.Data.List[0]
	if u.Id != ccctest.ExampleInstanceID || u.Name != "云呼测试实例" || u.Status != "RUNNING" || u.CreateTime != 0 {
		t.Fatalf("ListInstancesOfUser lists %+v", u)
	}
	checkExampleAdmin(t, "ListInstancesOfUser", u.AdminList)
	checkExampleNumbers(t, "ListInstancesOfUser", u.NumberList)
}

// TestOfficialCCCClientRejected checks the fake refuses what the service
// refuses, with the codes the official SDK reports.
func TestOfficialCCCClientRejected(t *testing.T) {
	t.Run("WrongSecret", func(t *testing.T) {
		srv := newCCCFake(t)
		client, _ := officialCCCClient(t, srv, ccctest.AccessKeyID, flipByte(ccctest.AccessKeySecret), "")
		greq := alicc.CreateGetInstanceRequest()
		greq.InstanceId = ccctest.ExampleInstanceID
		_, err := client.GetInstance(greq)
		invalidSecret(t, err)
		lreq := alicc.CreateListInstancesOfUserRequest()
		lreq.PageNumber = requests.NewInteger(1)
		lreq.PageSize = requests.NewInteger(10)
		_, err = client.ListInstancesOfUser(lreq)
		invalidSecret(t, err)
		if srv.Received("GetInstance") != 0 || srv.Received("ListInstancesOfUser") != 0 {
			t.Fatal("a request signed with a wrong secret reached the handler")
		}
	})
	// A negative the handler (not the gateway) answers, to show the SDK
	// decodes the fake's service errors too.
	t.Run("UnknownInstance", func(t *testing.T) {
		srv := newCCCFake(t)
		client, _ := officialCCCClient(t, srv, ccctest.AccessKeyID, ccctest.AccessKeySecret, "")
		greq := alicc.CreateGetInstanceRequest()
		greq.InstanceId = "ccc-missing"
		_, err := client.GetInstance(greq)
		serverError(t, err, ccc.CodeInstanceNotFound, http.StatusNotFound)
		if ccc.CodeInstanceNotFound != "NotExists.InstanceId" {
			t.Fatalf("CodeInstanceNotFound = %q", ccc.CodeInstanceNotFound)
		}
	})
}
