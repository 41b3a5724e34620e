package ccc_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/fixture"
	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/signer"
)

// seed is the documented GetInstance page, byte for byte.
var seed = filepath.Join("testdata", "seeds", "GetInstance.md")

// documentedFixture is the documented GetInstance exchange as a fixture
// file (package fixture): the request the test sends, answered with the
// seed's JSON example byte for byte.
var documentedFixture = filepath.Join("testdata", "fixtures", "ccc_GetInstance_1.json")

// replayDocumented returns a client answering from documentedFixture, after
// checking that its answer is the seed's bytes, and the replayer.
func replayDocumented(t *testing.T) (*ccc.Client, *fixture.Replayer) {
	t.Helper()
	exs, err := fixture.Load(documentedFixture)
	require.NoError(t, err)
	body, err := exs[0].Response.Bytes()
	require.NoError(t, err)
	doc, err := os.ReadFile(seed)
	require.NoError(t, err)
	require.True(t, bytes.Contains(doc, body), "the response of %s is the seed's JSON example byte for byte", documentedFixture)
	if raw, err := os.ReadFile(filepath.Join("testdata", "GetInstance", "response.json")); err == nil {
		// The raw copy still seeds the fuzz tests and benchmarks; keep the two equal.
		require.Equal(t, string(raw), string(body), "%s answers with testdata/GetInstance/response.json", documentedFixture)
	}
	cred, err := fake.TestCredential()
	require.NoError(t, err)
	rp := fixture.Replay(t, documentedFixture)
	c, err := ccc.New(ccc.Options{Credential: cred, HTTPClient: rp})
	require.NoError(t, err)
	return c, rp
}

// stubbed returns a client whose every call is answered with status and
// body, and the stub that records the requests.
func stubbed(t *testing.T, status int, body string, optFns ...func(*ccc.Options)) (*ccc.Client, *testutil.Static) {
	t.Helper()
	cred, err := fake.TestCredential()
	require.NoError(t, err)
	stub := &testutil.Static{Status: status, Body: []byte(body)}
	c, err := ccc.New(ccc.Options{Credential: cred, HTTPClient: stub}, optFns...)
	require.NoError(t, err)
	return c, stub
}

// documentedInstance is the seed's example instance, field by field.
var documentedInstance = ccc.Instance{
	ID:          "ccc-test",
	Name:        "云呼测试实例",
	Description: "测试实例",
	DomainName:  "ccc-test",
	Status:      ccc.InstanceStatusRunning,
	ConsoleURL:  "https://ccc-v2.aliyun.com/#/workbench/ccc-test",
	AliyunUID:   "1571234567890123",
	AdminList: []ccc.User{{
		UserID:      "user-test@ccc-test",
		LoginName:   "user-test",
		DisplayName: "云呼测试1",
		Email:       "18866668888@163.com",
		Mobile:      "138xxxx2114",
		Extension:   "80326034",
		InstanceID:  "ccc-test",
		RoleID:      "Admin@ccc-test",
		RoleName:    "Admin",
		WorkMode:    "ON_SITE",
	}},
	NumberList: []ccc.PhoneNumber{{
		Number:        "083xxxx0011",
		City:          "乐山",
		Province:      "四川",
		InstanceID:    "ccc-test",
		ContactFlowID: "a3fb6c62-9b49-4942-ae5b-cf2abd4123ek",
		Usage:         ccc.UsageBidirection,
		UserID:        "user-test@ccc-test",
		Active:        true, // "true" on the wire
		SkillGroups: []ccc.SkillGroup{{
			SkillGroupID:     "test@ccc-test",
			Name:             "test",
			DisplayName:      "测试技能组",
			Description:      "测试",
			InstanceID:       "ccc-test",
			PhoneNumberCount: 1, // "1" on the wire
			UserCount:        2, // "2" on the wire
		}},
	}},
}

// TestGetInstanceDocumentedExample: the documented answer, with
// HttpStatusCode, Active, PhoneNumberCount and UserCount as strings and
// Params "无", decodes through the real client path into every field.
func TestGetInstanceDocumentedExample(t *testing.T) {
	c, rp := replayDocumented(t)
	resp, err := c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: "ccc-test"})
	require.NoError(t, err)
	assert.Equal(t, &ccc.GetInstanceResponse{RequestID: "EEEE671A-3E24-4A04-81E6-6C4F5B39DF75", Instance: documentedInstance}, resp)
	assert.True(t, resp.Instance.CreateTime.IsZero(), "GetInstance sends no CreateTime")
	require.Empty(t, rp.Unused())

	// The fake is seeded with the same instance and answers it the same way.
	srv := ccctest.NewServer()
	defer srv.Close()
	fc, err := srv.Client()
	require.NoError(t, err)
	fresp, err := fc.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
	require.NoError(t, err)
	assert.Equal(t, documentedInstance, fresp.Instance)
}

// TestLenientDecoding: numbers, booleans and times in either spelling
// decode; a value that cannot mean its type is a DecodeError, never a
// silent zero.
func TestLenientDecoding(t *testing.T) {
	body := `{"RequestId":"R","HttpStatusCode":"200","Code":"OK","Message":"无","Data":{"PageNumber":"2","PageSize":"1","TotalCount":"3",
		"List":[{"Id":"a","AliyunUid":1571234567890123,"CreateTime":"1593561600000","ChatbotBusinessUnit":{"UnitId":"42","UnitKey":"k"},
		"NumberList":[{"Number":"1","Active":"false","SkillGroups":[{"PhoneNumberCount":3,"UserCount":null}]}]}]}}`
	c, _ := stubbed(t, 200, body)
	resp, err := c.ListInstances(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, &ccc.ListInstancesResponse{RequestID: "R", PageNumber: 2, PageSize: 1, TotalCount: 3, Instances: []ccc.Instance{{
		ID: "a", AliyunUID: "1571234567890123", CreateTime: time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC),
		ChatbotBusinessUnit: ccc.ChatbotBusinessUnit{UnitID: 42, UnitKey: "k"},
		NumberList:          []ccc.PhoneNumber{{Number: "1", SkillGroups: []ccc.SkillGroup{{PhoneNumberCount: 3}}}},
	}}}, resp)

	for name, data := range map[string]string{
		"Active":           `{"NumberList":[{"Active":"maybe"}]}`,
		"UserCount":        `{"NumberList":[{"SkillGroups":[{"UserCount":"two"}]}]}`,
		"PhoneNumberCount": `{"NumberList":[{"SkillGroups":[{"PhoneNumberCount":1.5}]}]}`,
		"UnitId":           `{"ChatbotBusinessUnit":{"UnitId":"x"}}`,
		"AdminList":        `{"AdminList":"无"}`,
		"Data":             `"无"`,
	} {
		t.Run(name, func(t *testing.T) {
			c, _ := stubbed(t, 200, `{"RequestId":"R2","Code":"OK","Data":`+data+`}`)
			_, err := c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: "i"})
			var de *ccc.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "R2", de.RequestID)
			assert.Equal(t, "GetInstance", de.Operation)
		})
	}
	t.Run("CreateTime", func(t *testing.T) {
		c, _ := stubbed(t, 200, `{"RequestId":"R3","Code":"OK","Data":{"List":[{"CreateTime":"yesterday"}]}}`)
		_, err := c.ListInstancesOfUser(t.Context(), nil)
		var de *ccc.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Contains(t, de.Error(), "yesterday")
	})
}

// TestWriteResponses: CreateInstance's Data is the workflow ID and the
// instance ID is the DomainName; ModifyInstance's Data is kept as sent.
func TestWriteResponses(t *testing.T) {
	c, _ := stubbed(t, 200, `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"R","Data":"75c1346c-0000-4000-8000-000000000000"}`)
	created, err := c.CreateInstance(t.Context(), &ccc.CreateInstanceRequest{Name: "name", DomainName: "domain", AdminRAMIDList: []string{"1"}})
	require.NoError(t, err)
	assert.Equal(t, &ccc.CreateInstanceResponse{RequestID: "R", WorkflowID: "75c1346c-0000-4000-8000-000000000000", InstanceID: "domain"}, created)

	c, _ = stubbed(t, 200, `{"HttpStatusCode":"200","Code":"OK","Message":"无","RequestId":"R","Data":"无","Params":"无"}`)
	modified, err := c.ModifyInstance(t.Context(), &ccc.ModifyInstanceRequest{InstanceID: "ccc-test"})
	require.NoError(t, err)
	assert.Equal(t, &ccc.ModifyInstanceResponse{RequestID: "R", Data: "无"}, modified)
}

// TestDeleteInstanceResponse: the documented answer fills every field of
// the response (Data is the task ID); one without a task ID is not the
// documented shape.
func TestDeleteInstanceResponse(t *testing.T) {
	c, _ := stubbed(t, 200, `{"Code":"OK","Data":"b7feb007-994a-497f-8934-2f0c6f89867c","HttpStatusCode":200,"Message":"Success",`+
		`"Params":["ccc-test","released"],"RequestId":"EEEE671A-3E24-4A04-81E6-6C4F5B39DF75"}`)
	resp, err := c.DeleteInstance(t.Context(), &ccc.DeleteInstanceRequest{InstanceID: "ccc-test"})
	require.NoError(t, err)
	assert.Equal(t, &ccc.DeleteInstanceResponse{RequestID: "EEEE671A-3E24-4A04-81E6-6C4F5B39DF75",
		TaskID: "b7feb007-994a-497f-8934-2f0c6f89867c", Params: []string{"ccc-test", "released"}}, resp)
	v := reflect.ValueOf(*resp)
	for i := range v.NumField() {
		assert.False(t, v.Field(i).IsZero(), "%s is filled", v.Type().Field(i).Name)
	}

	for name, body := range map[string]string{
		"no Data":        `{"Code":"OK","RequestId":"R2","Params":[]}`,
		"null Data":      `{"Code":"OK","RequestId":"R2","Data":null}`,
		"object Data":    `{"Code":"OK","RequestId":"R2","Data":{"TaskId":"t"}}`,
		"Params as text": `{"Code":"OK","RequestId":"R2","Data":"t","Params":"无"}`,
	} {
		t.Run(name, func(t *testing.T) {
			c, _ := stubbed(t, 200, body)
			_, err := c.DeleteInstance(t.Context(), &ccc.DeleteInstanceRequest{InstanceID: "ccc-test"})
			var de *ccc.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "R2", de.RequestID)
			assert.Equal(t, "DeleteInstance", de.Operation)
		})
	}
}

// TestSeedFieldCoverage: every parameter and response field the seed
// documents is a field of GetInstance's request or response type.
func TestSeedFieldCoverage(t *testing.T) {
	envelope := map[string]bool{"Action": true, "HttpStatusCode": true, "Code": true, "Message": true, "Params": true}
	reqType, respType := reflect.TypeFor[ccc.GetInstanceRequest](), reflect.TypeFor[ccc.GetInstanceResponse]()
	req, resp := testutil.SeedFields(t, seed)
	reqNames, respNames := testutil.TagNames(reqType, "url"), testutil.TagNames(respType, "json")
	for _, name := range req {
		assert.True(t, envelope[name] || reqNames[name], "request parameter %s is not a field of %v", name, reqType)
	}
	for _, name := range resp {
		assert.True(t, envelope[name] || respNames[name], "response field %s is not a field of %v", name, respType)
	}
	assert.Contains(t, resp, "Data", "Data (the instance) is checked too")
	assert.Contains(t, resp, "PhoneNumberCount", "nested objects are checked too")
}

// TestRequestGoldens snapshots the request each operation sends (volatile
// values cleared). Regenerate with: go test ./ccc -run Goldens -update
func TestRequestGoldens(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	capture := &testutil.Capture{Next: http.DefaultClient}
	c, err := srv.Client(func(o *ccc.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	ctx := t.Context()
	calls := map[string]func() error{
		"CreateInstance": func() error {
			_, err := c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "云呼 a/b", DomainName: "new_ccc-1",
				Description: "desc *~+&=", NumberList: []string{"0830011xxxx", "0830312xxxx"},
				AdminRAMIDList: []string{"24861380681070", "105980354482"}})
			return err
		},
		"GetInstance": func() error {
			_, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
			return err
		},
		"ListInstances": func() error {
			_, err := c.ListInstances(ctx, &ccc.ListInstancesRequest{PageNumber: 2, PageSize: 5})
			return err
		},
		// The zero request: the defaults the API requires are sent.
		"ListInstancesOfUser": func() error {
			_, err := c.ListInstancesOfUser(ctx, &ccc.ListInstancesOfUserRequest{})
			return err
		},
		"ModifyInstance": func() error {
			_, err := c.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: ccctest.ExampleInstanceID, Description: ccc.String("生产 100%")})
			return err
		},
		"DeleteInstance": func() error {
			_, err := c.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
			return err
		},
	}
	// DeleteInstance comes last: the others still find the instance.
	for _, op := range []string{"CreateInstance", "GetInstance", "ListInstances", "ListInstancesOfUser", "ModifyInstance", "DeleteInstance"} {
		t.Run(op, func(t *testing.T) {
			require.NoError(t, calls[op]())
			testutil.Golden(t, filepath.Join("testdata", op, "request.golden"), capture.Last(t))
		})
	}
}

// TestNew: New names the product in its errors, and the regional endpoint
// is ccc.<region>.aliyuncs.com, cn-shanghai by default.
func TestNew(t *testing.T) {
	_, err := ccc.New(ccc.Options{Endpoint: "ftp://x"})
	assert.ErrorContains(t, err, "ccc.New: invalid options: [Endpoint")
	for region, host := range map[string]string{"": "ccc.cn-shanghai.aliyuncs.com", "cn-hangzhou": "ccc.cn-hangzhou.aliyuncs.com"} {
		c, stub := stubbed(t, 200, `{"RequestId":"R","Code":"OK","Data":{"Id":"ccc-test"}}`, func(o *ccc.Options) { o.Region = region })
		assert.Equal(t, cmp.Or(region, ccc.DefaultRegion), c.Options().Region)
		_, err := c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: "i"})
		require.NoError(t, err)
		u := stub.Reqs[0].URL
		assert.Equal(t, "https://"+host+"/", u.Scheme+"://"+u.Host+u.Path)
		assert.Equal(t, cmp.Or(region, ccc.DefaultRegion), u.Query().Get("RegionId"))
	}
}

// pageFixture starts an empty fake holding n instances created through
// the API; every third has an administrator other than the calling user
// only, so ListInstancesOfUser lists a subset.
func pageFixture(t *testing.T, n int) (*ccctest.Server, *ccc.Client, []ccc.Instance) {
	t.Helper()
	srv := ccctest.NewServer(ccctest.WithoutSeed())
	t.Cleanup(srv.Close)
	c, err := srv.Client()
	require.NoError(t, err)
	for i := range n {
		admins := []string{"1059803544820001"}
		if i%3 != 2 {
			admins = append(admins, ccctest.CurrentUserRAMID)
		}
		_, err := c.CreateInstance(t.Context(), &ccc.CreateInstanceRequest{Name: fmt.Sprint("instance ", i), DomainName: fmt.Sprint("inst-", i), AdminRAMIDList: admins})
		require.NoError(t, err)
	}
	var mine []ccc.Instance
	for _, in := range srv.Instances() {
		for _, u := range in.AdminList {
			if u.LoginName == ccctest.CurrentUserLoginName {
				mine = append(mine, in)
			}
		}
	}
	return srv, c, mine
}

func TestPaginationConformance(t *testing.T) {
	key := func(in ccc.Instance) string { return in.ID }
	t.Run("ListInstances", func(t *testing.T) {
		srv, c, _ := pageFixture(t, 7)
		testutil.PageConformance[ccc.Instance]{
			Items: srv.Instances(),
			Key:   key,
			All: func(ctx context.Context, size int) iter.Seq2[ccc.Instance, error] {
				return c.ListInstancesAll(ctx, &ccc.ListInstancesRequest{PageSize: size})
			},
			Requests: func() int { return srv.Received("ListInstances") },
			FailNext: func() {
				srv.Inject(ccctest.Fault{Action: "ListInstances", Status: 400, Code: ccc.CodeParameterMaximum})
			},
		}.Run(t)
	})
	t.Run("ListInstancesOfUser", func(t *testing.T) {
		srv, c, mine := pageFixture(t, 10)
		require.Len(t, mine, 7)
		testutil.PageConformance[ccc.Instance]{
			Items: mine,
			Key:   key,
			All: func(ctx context.Context, size int) iter.Seq2[ccc.Instance, error] {
				return c.ListInstancesOfUserAll(ctx, &ccc.ListInstancesOfUserRequest{PageSize: size})
			},
			Requests: func() int { return srv.Received("ListInstancesOfUser") },
			FailNext: func() {
				srv.Inject(ccctest.Fault{Action: "ListInstancesOfUser", Status: 400, Code: ccc.CodeParameterMaximum})
			},
		}.Run(t)
	})
}

// TestPaginatorStartsWhereTheRequestSays: the caller's request is never
// changed, and the paginator starts at its PageNumber.
func TestPaginatorStartsWhereTheRequestSays(t *testing.T) {
	_, c, _ := pageFixture(t, 7)
	req := &ccc.ListInstancesRequest{PageNumber: 3, PageSize: 2}
	p := ccc.NewListInstancesPaginator(c, req)
	var ids []string
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		require.NoError(t, err)
		for _, in := range page.Instances {
			ids = append(ids, in.ID)
		}
	}
	assert.Equal(t, []string{"inst-4", "inst-5", "inst-6"}, ids)
	assert.Equal(t, &ccc.ListInstancesRequest{PageNumber: 3, PageSize: 2}, req)
	_, err := p.NextPage(t.Context())
	assert.ErrorIs(t, err, ccc.ErrNoMorePages)

	up := ccc.NewListInstancesOfUserPaginator(c, &ccc.ListInstancesOfUserRequest{PageSize: 4})
	page, err := up.NextPage(t.Context())
	require.NoError(t, err)
	assert.Equal(t, []int{1, 4, 5}, []int{page.PageNumber, page.PageSize, page.TotalCount})
	assert.True(t, up.HasMorePages())
}

// TestPaginationStopsAtTheLastPageNumber: the API accepts PageNumber up to
// 100, so a walk of pages of one yields 100 instances and, with more left,
// ends with a PageLimit PaginationError instead of asking for page 101
// (which the service refuses with Parameter.Maximum) or stopping silently.
func TestPaginationStopsAtTheLastPageNumber(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	for i := range ccc.MaxPageNumber + 2 {
		_, err := srv.AddInstance(ccc.Instance{ID: fmt.Sprintf("bulk-%03d", i)})
		require.NoError(t, err)
	}
	c, err := srv.Client()
	require.NoError(t, err)
	n := 0
	var errs []error
	for _, err := range c.ListInstancesAll(t.Context(), &ccc.ListInstancesRequest{PageSize: 1}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	assert.Equal(t, ccc.MaxPageNumber, n)
	assert.Equal(t, ccc.MaxPageNumber, srv.Received("ListInstances"))
	require.Len(t, errs, 1)
	var pe *ccc.PaginationError
	require.ErrorAs(t, errs[0], &pe)
	assert.Equal(t, ccc.PageLimit, pe.Reason)
	assert.Equal(t, ccc.MaxPageNumber+1, pe.Page)
	assert.Equal(t, ccc.MaxPageNumber, pe.Listed)
}

// TestCreateIsNeverSentTwice: a create that reached the service and lost its
// answer is not retried; one that was throttled is, and creates once.
func TestCreateIsNeverSentTwice(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	c, err := srv.Client(func(o *ccc.Options) { o.Retry.BaseDelay = time.Millisecond })
	require.NoError(t, err)
	create := func(domain string) error {
		_, err := c.CreateInstance(t.Context(), &ccc.CreateInstanceRequest{Name: "name", DomainName: domain, AdminRAMIDList: []string{"1"}})
		return err
	}
	testutil.WriteOnce{
		Action:   "CreateInstance",
		Inject:   srv.Inject,
		Send:     func(n int) error { return create(fmt.Sprint("write-", n)) },
		Received: func() int { return srv.Received("CreateInstance") },
		Stored:   func() int { return len(srv.Instances()) },
	}.Run(t)

	// Sending a lost create again tells that it happened.
	assert.ErrorIs(t, create("write-0"), ccc.ErrConflict)
}

// TestValidationBeforeIO: bad input of every operation fails with every bad
// field listed, and nothing is sent.
func TestValidationBeforeIO(t *testing.T) {
	c, stub := stubbed(t, 200, `{}`)
	ctx := t.Context()
	long := strings.Repeat("长", 257)
	tests := []struct {
		op     string
		call   func() error
		fields []string
	}{
		{"CreateInstance", func() error { _, err := c.CreateInstance(ctx, nil); return err }, []string{"Name", "DomainName", "AdminRAMIDList"}},
		{"CreateInstance", func() error {
			_, err := c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "长度", DomainName: "ab.", Description: long,
				NumberList: []string{"1", ""}, AdminRAMIDList: []string{""}})
			return err
		}, []string{"Name", "DomainName", "DomainName", "Description", "NumberList[1]", "AdminRAMIDList[0]"}},
		{"CreateInstance", func() error {
			_, err := c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: strings.Repeat("名", 33), DomainName: strings.Repeat("d", 49), AdminRAMIDList: []string{"1"}})
			return err
		}, []string{"Name", "DomainName"}},
		{"GetInstance", func() error { _, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{}); return err }, []string{"InstanceID"}},
		{"GetInstance", func() error { _, err := c.GetInstance(ctx, nil); return err }, []string{"InstanceID"}},
		{"ListInstances", func() error {
			_, err := c.ListInstances(ctx, &ccc.ListInstancesRequest{PageNumber: 101, PageSize: -1})
			return err
		}, []string{"PageNumber", "PageSize"}},
		{"ListInstancesOfUser", func() error {
			_, err := c.ListInstancesOfUser(ctx, &ccc.ListInstancesOfUserRequest{PageNumber: -1, PageSize: 101})
			return err
		}, []string{"PageNumber", "PageSize"}},
		{"ModifyInstance", func() error {
			_, err := c.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{Description: ccc.String(long)})
			return err
		}, []string{"InstanceID", "Description"}},
		{"ModifyInstance", func() error { _, err := c.ModifyInstance(ctx, nil); return err }, []string{"InstanceID"}},
		{"DeleteInstance", func() error { _, err := c.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{}); return err }, []string{"InstanceID"}},
		{"DeleteInstance", func() error { _, err := c.DeleteInstance(ctx, nil); return err }, []string{"InstanceID"}},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			assert.Equal(t, tt.fields, testutil.ValidationFields(t, tt.call(), tt.op))
		})
	}
	for _, err := range c.ListInstancesAll(ctx, &ccc.ListInstancesRequest{PageSize: 500}) {
		var ve *ccc.ValidationError
		assert.ErrorAs(t, err, &ve, "the iterator validates before fetching")
	}
	for _, err := range c.ListInstancesOfUserAll(ctx, &ccc.ListInstancesOfUserRequest{PageNumber: 101}) {
		var ve *ccc.ValidationError
		assert.ErrorAs(t, err, &ve, "the iterator validates before fetching")
	}
	assert.Empty(t, stub.Reqs, "no request was sent")

	// The limits themselves are valid; lengths count characters, not bytes.
	ok := &ccc.CreateInstanceRequest{Name: "四个字符", DomainName: "Ab_-", Description: strings.Repeat("长", 256), AdminRAMIDList: []string{"1"}}
	assert.NoError(t, ok.Validate())
	assert.NoError(t, (&ccc.ListInstancesRequest{PageNumber: 100, PageSize: 100}).Validate())
}

// TestErrorCodes: every code the model documents maps to its category
// through the real decoding path, both with its documented HTTP status and
// as an HTTP 200 whose body carries the code (where only the code table
// decides); a read is retried only for a category the retry rules name.
func TestErrorCodes(t *testing.T) {
	sentinels := map[string]error{
		"ErrNotFound": ccc.ErrNotFound, "ErrThrottled": ccc.ErrThrottled, "ErrAuth": ccc.ErrAuth,
		"ErrPermission": ccc.ErrPermission, "ErrInvalidParameter": ccc.ErrInvalidParameter,
		"ErrConflict": ccc.ErrConflict, "ErrQuotaExceeded": ccc.ErrQuotaExceeded,
		"ErrServer": ccc.ErrServer, "ErrNotReady": ccc.ErrNotReady,
	}
	documented := regexp.MustCompile(`HTTP (\d{3})`)
	m, err := apigen.Load("../api/ccc/2020-07-01.json")
	require.NoError(t, err)
	require.NotEmpty(t, m.Errors)
	for _, e := range m.Errors {
		t.Run(e.Code, func(t *testing.T) {
			want := sentinels[e.Category]
			require.NotNil(t, want, "category %q", e.Category)
			sm := documented.FindStringSubmatch(e.Doc)
			require.NotNil(t, sm, "the doc of %s names its HTTP status", e.Name)
			status, _ := strconv.Atoi(sm[1])
			for _, status := range []int{status, 200} {
				c, stub := stubbed(t, status, `{"HttpStatusCode":200,"RequestId":"R","Code":"`+e.Code+`","Message":"m"}`,
					func(o *ccc.Options) { o.Retry.BaseDelay = time.Nanosecond })
				_, err := c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: "i"})
				assert.ErrorIs(t, err, want, "HTTP %d", status)
				var apiErr *ccc.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, e.Code, apiErr.Code)
				assert.Equal(t, "R", apiErr.RequestID)
				assert.Equal(t, status, apiErr.HTTPStatus)
				if want != ccc.ErrServer && want != ccc.ErrThrottled {
					assert.Len(t, stub.Reqs, 1, "HTTP %d: a %v answer is final", status, want)
				}
			}
		})
	}
}

// TestInstanceNotFound: the fake's 404 NotExists.InstanceId is ErrNotFound
// and an *APIError carrying the request ID, for every operation that names
// an instance.
func TestInstanceNotFound(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	for op, call := range map[string]func() error{
		"GetInstance": func() error {
			_, err := c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: "ccc-gone"})
			return err
		},
		"ModifyInstance": func() error {
			_, err := c.ModifyInstance(t.Context(), &ccc.ModifyInstanceRequest{InstanceID: "ccc-gone", Description: ccc.String("d")})
			return err
		},
		"DeleteInstance": func() error {
			_, err := c.DeleteInstance(t.Context(), &ccc.DeleteInstanceRequest{InstanceID: "ccc-gone"})
			return err
		},
	} {
		err := call()
		assert.ErrorIs(t, err, ccc.ErrNotFound, op)
		var apiErr *ccc.APIError
		require.ErrorAs(t, err, &apiErr, op)
		assert.Equal(t, ccc.CodeInstanceNotFound, apiErr.Code)
		assert.Equal(t, 404, apiErr.HTTPStatus)
		assert.Equal(t, "The specified instance ccc-gone does not exist.", apiErr.Message)
		assert.Regexp(t, `^[0-9A-F-]{36}$`, apiErr.RequestID)
		assert.Equal(t, "ccc "+op+": NotExists.InstanceId: The specified instance ccc-gone does not exist. (HTTP 404, request "+apiErr.RequestID+")", err.Error())
	}
	assert.Equal(t, 1, srv.Received("GetInstance"), "not found is not retried")
	assert.Equal(t, 1, srv.Received("DeleteInstance"), "not found is not retried")
	assert.Len(t, srv.Instances(), 1, "nothing was deleted")
}

// rawCall sends params (a struct with url tags) to the fake, signed but
// without the client's validation, to see what the fake itself answers.
func rawCall(t *testing.T, srv *ccctest.Server, action string, params any) *ccc.APIError {
	t.Helper()
	cred, err := fake.TestCredential()
	require.NoError(t, err)
	u, err := transport.ParseEndpoint(srv.URL())
	require.NoError(t, err)
	c := &rpc.Client{Product: "ccc", Version: ccc.APIVersion, Endpoint: u, Credential: cred,
		Transport: transport.Config{Retry: transport.Retry{MaxAttempts: 1}}}
	err = c.Invoke(t.Context(), rpc.Call{Action: action, Request: params})
	var apiErr *ccc.APIError
	require.ErrorAs(t, err, &apiErr)
	return apiErr
}

// TestFakeChecksParameters: the fake refuses what the real service refuses,
// with the service's codes.
func TestFakeChecksParameters(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	type page struct {
		PageNumber string `url:"PageNumber,omitempty"`
		PageSize   string `url:"PageSize,omitempty"`
	}
	type create struct {
		Name           string `url:"Name,omitempty"`
		DomainName     string `url:"DomainName,omitempty"`
		Description    string `url:"Description,omitempty"`
		NumberList     string `url:"NumberList,omitempty"`
		AdminRAMIDList string `url:"AdminRamIdList,omitempty"`
	}
	valid := create{Name: "name", DomainName: "fresh", AdminRAMIDList: `["1"]`}
	with := func(change func(*create)) create { c := valid; change(&c); return c }
	for _, tt := range []struct {
		action, code, message string
		status                int
		params                any
	}{
		{"ListInstances", "Parameter.Blank", "The parameter PageNumber must not be blank.", 400, page{PageSize: "10"}},
		{"ListInstancesOfUser", "Parameter.Blank", "The parameter PageSize must not be blank.", 400, page{PageNumber: "1"}},
		{"ListInstances", "Parameter.Minimum", "The parameter PageNumber must be greater than or equal to 1.", 400, page{PageNumber: "0", PageSize: "10"}},
		{"ListInstancesOfUser", "Parameter.Maximum", "The parameter PageSize must be less than or equal to 100.", 400, page{PageNumber: "1", PageSize: "101"}},
		{"ListInstances", "Parameter.Maximum", "The parameter PageNumber must be less than or equal to 100.", 400, page{PageNumber: "101", PageSize: "1"}},
		{"ListInstances", "InvalidParameter", "The specified parameter PageSize is invalid.", 400, page{PageNumber: "1", PageSize: "ten"}},
		{"GetInstance", "Parameter.Blank", "The parameter InstanceId must not be blank.", 400, nil},
		{"ModifyInstance", "Parameter.Blank", "The parameter InstanceId must not be blank.", 400, nil},
		{"DeleteInstance", "Parameter.Blank", "The parameter InstanceId must not be blank.", 400, nil},
		{"CreateInstance", "Parameter.Blank", "The parameter AdminRamIdList must not be blank.", 400, with(func(c *create) { c.AdminRAMIDList = "" })},
		{"CreateInstance", "Parameter.Empty", "The parameter AdminRamIdList must not be empty.", 400, with(func(c *create) { c.AdminRAMIDList = "[]" })},
		{"CreateInstance", "InvalidParameter", "The specified parameter AdminRamIdList is invalid.", 400, with(func(c *create) { c.AdminRAMIDList = "1,2" })},
		{"CreateInstance", "InvalidParameter", "The specified parameter DomainName is invalid.", 400, with(func(c *create) { c.DomainName = "a.b.c" })},
		{"CreateInstance", "InvalidParameter", "The specified parameter Name is invalid.", 400, with(func(c *create) { c.Name = "abc" })},
		{"CreateInstance", "AlreadyExists.InstanceId", "The instance ccc-test already exists.", 409, with(func(c *create) { c.DomainName = "ccc-test" })},
		{"CreateInstance", "NotExists.Number", "The specified number 083xxxx0011 does not exist in instance fresh.", 404,
			with(func(c *create) { c.NumberList = `["0830000xxxx","083xxxx0011"]` })},
	} {
		t.Run(tt.action+" "+tt.code, func(t *testing.T) {
			apiErr := rawCall(t, srv, tt.action, tt.params)
			assert.Equal(t, []any{tt.status, tt.code, tt.message}, []any{apiErr.HTTPStatus, apiErr.Code, apiErr.Message})
		})
	}
	assert.Len(t, srv.Instances(), 1, "nothing was created or deleted")
}

// TestFakeLifecycle: a created instance is CREATING, carries what the
// request said, and finishes once read; ListInstancesOfUser lists only the
// calling user's instances.
func TestFakeLifecycle(t *testing.T) {
	// A fixed clock (near the real one: the fake checks request timestamps).
	now := time.Now().UTC().Truncate(time.Second).Add(123 * time.Millisecond)
	srv := ccctest.NewServer(ccctest.WithClock(func() time.Time { return now }))
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	ctx := t.Context()

	created, err := c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "新的实例", DomainName: "new-one", Description: "d",
		NumberList: []string{"0830011xxxx"}, AdminRAMIDList: []string{"1059803544820001"}})
	require.NoError(t, err)
	assert.Equal(t, "new-one", created.InstanceID)
	assert.NotEmpty(t, created.WorkflowID)

	stored := srv.Instances()[1]
	assert.Equal(t, ccc.Instance{
		ID: "new-one", Name: "新的实例", Description: "d", DomainName: "new-one", Status: ccc.InstanceStatusCreating,
		ConsoleURL: "https://ccc-v2.aliyun.com/#/workbench/new-one", AliyunUID: ccctest.AccountID,
		CreateTime: now,
		AdminList: []ccc.User{{UserID: "1059803544820001@new-one", LoginName: "1059803544820001", DisplayName: "1059803544820001",
			InstanceID: "new-one", RoleID: "Admin@new-one", RoleName: "Admin", WorkMode: "ON_SITE"}},
		NumberList: []ccc.PhoneNumber{{Number: "0830011xxxx", InstanceID: "new-one", Usage: ccc.UsageBidirection, Active: true}},
	}, stored)

	listed, err := c.ListInstances(ctx, nil)
	require.NoError(t, err)
	require.Len(t, listed.Instances, 2)
	assert.Equal(t, stored.CreateTime, listed.Instances[1].CreateTime)
	assert.Equal(t, []ccc.PhoneNumber{{Number: "0830011xxxx"}}, listed.Instances[1].NumberList, "ListInstances numbers carry Number only")
	assert.Equal(t, ccc.InstanceStatusCreating, listed.Instances[1].Status, "listing does not finish the creation")

	mine, err := c.ListInstancesOfUser(ctx, nil)
	require.NoError(t, err)
	require.Len(t, mine.Instances, 1, "the new instance is not the calling user's")
	assert.Equal(t, documentedInstance, mine.Instances[0], "full numbers, no CreateTime")

	for _, want := range []ccc.InstanceStatus{ccc.InstanceStatusCreating, ccc.InstanceStatusRunning, ccc.InstanceStatusRunning} {
		got, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "new-one"})
		require.NoError(t, err)
		assert.Equal(t, want, got.Instance.Status)
	}

	modified, err := c.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: "new-one", Description: ccc.String("改")})
	require.NoError(t, err)
	assert.Equal(t, "无", modified.Data)
	assert.Equal(t, "改", srv.Instances()[1].Description)

	added, err := srv.AddInstance(ccc.Instance{DomainName: "held", Status: ccc.InstanceStatusStopped,
		AgentType: "x", ChatbotBusinessUnit: ccc.ChatbotBusinessUnit{UnitID: 7, UnitKey: "k"}})
	require.NoError(t, err)
	assert.Equal(t, "held", added.ID)
	got, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "held"})
	require.NoError(t, err)
	assert.Equal(t, ccc.InstanceStatusStopped, got.Instance.Status)
	assert.Equal(t, "x", got.Instance.AgentType)
	assert.Equal(t, ccc.ChatbotBusinessUnit{UnitID: 7, UnitKey: "k"}, got.Instance.ChatbotBusinessUnit)
	for _, bad := range []ccc.Instance{{}, {ID: "a", DomainName: "b"}, {ID: "held"}} {
		_, err := srv.AddInstance(bad)
		assert.Error(t, err, "%+v", bad)
	}
}

// TestFakeDeletes: DeleteInstance removes an instance in any status,
// CREATING included, and answers a new task ID each time; the deleted
// instance is not listed, not found, and its numbers are free again.
func TestFakeDeletes(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	ctx := t.Context()
	_, err = c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "to delete", DomainName: "doomed", NumberList: []string{"0830011xxxx"}, AdminRAMIDList: []string{"1"}})
	require.NoError(t, err)

	var tasks []string
	for _, id := range []string{"doomed", ccctest.ExampleInstanceID} { // CREATING, then RUNNING
		deleted, err := c.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: id})
		require.NoError(t, err, id)
		assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$`, deleted.TaskID)
		assert.Equal(t, []string{}, deleted.Params)
		assert.NotEmpty(t, deleted.RequestID)
		tasks = append(tasks, deleted.TaskID)

		_, err = c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: id})
		assert.ErrorIs(t, err, ccc.ErrNotFound, id)
		_, err = c.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: id})
		assert.ErrorIs(t, err, ccc.ErrNotFound, "deleting %s again", id)
	}
	assert.NotEqual(t, tasks[0], tasks[1])
	assert.Empty(t, srv.Instances())
	listed, err := c.ListInstances(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, listed.Instances)

	_, err = c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "reborn", DomainName: "doomed", NumberList: []string{"0830011xxxx", "083xxxx0011"}, AdminRAMIDList: []string{"1"}})
	assert.NoError(t, err, "the domain and the numbers of deleted instances are free")
}

// TestTransportFailure: a service that cannot be reached surfaces as an
// OperationError wrapping the network error, for every operation.
func TestTransportFailure(t *testing.T) {
	srv := ccctest.NewServer()
	c, err := srv.Client(func(o *ccc.Options) { o.Retry.BaseDelay = time.Millisecond })
	require.NoError(t, err)
	srv.Close()
	ctx := t.Context()
	for op, call := range map[string]func() error{
		"CreateInstance": func() error {
			_, err := c.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "name", DomainName: "domain", AdminRAMIDList: []string{"1"}})
			return err
		},
		"GetInstance": func() error {
			_, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "i"})
			return err
		},
		"ListInstances":       func() error { _, err := c.ListInstances(ctx, nil); return err },
		"ListInstancesOfUser": func() error { _, err := c.ListInstancesOfUser(ctx, nil); return err },
		"ModifyInstance": func() error {
			_, err := c.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: "i"})
			return err
		},
		"DeleteInstance": func() error {
			_, err := c.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: "i"})
			return err
		},
	} {
		testutil.Unreachable(t, call(), "ccc", op, 3)
	}
}

// TestSecretsStayHidden: the STS secret and token never show in errors, in
// log lines or in the fake's record, even when an answer echoes them.
func TestSecretsStayHidden(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(ccctest.STSAccessKeyID).SetAccessKeySecret(ccctest.STSAccessKeySecret).SetSecurityToken(ccctest.SecurityToken))
	require.NoError(t, err)
	var logs bytes.Buffer
	c, err := srv.Client(func(o *ccc.Options) {
		o.Credential = cred
		o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		o.Retry.MaxAttempts = 1
	})
	require.NoError(t, err)
	_, err = c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
	require.NoError(t, err, "STS credentials are accepted")

	srv.Inject(ccctest.Fault{Action: "GetInstance", Status: 502, Body: "<html>token " + ccctest.SecurityToken + " secret " + ccctest.STSAccessKeySecret + "</html>"})
	_, err = c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
	var de *ccc.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Contains(t, de.Snippet, "<html>token ", "the snippet shows the answer, redacted")

	seen := fmt.Sprintf("%v %+v %#v %s", err, err, de, logs.String())
	for _, r := range srv.Requests() {
		seen += fmt.Sprint(r.Params, r.Header, r.Body)
	}
	require.NotEmpty(t, logs.String())
	for _, secret := range []string{ccctest.SecurityToken, ccctest.STSAccessKeySecret} {
		assert.NotContains(t, seen, secret)
	}
}

// TestACS3Signing: the client signs with ACS3-HMAC-SHA256 on request, and
// the fake verifies it like the service.
func TestACS3Signing(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	c, err := srv.Client(func(o *ccc.Options) { o.SignatureVersion = signer.ACS3 })
	require.NoError(t, err)
	resp, err := c.ListInstancesOfUser(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, resp.TotalCount)
	assert.Contains(t, srv.Requests()[0].Header.Get("Authorization"), "REDACTED")
}

// TestRequestsEncodeAsQuerystring: the encoding plans send exactly what
// go-querystring sends, for every request type.
func TestRequestsEncodeAsQuerystring(t *testing.T) {
	testutil.SameParams(t, ccc.CreateInstanceRequest{}, ccc.GetInstanceRequest{}, ccc.ListInstancesRequest{},
		ccc.ListInstancesOfUserRequest{}, ccc.ModifyInstanceRequest{}, ccc.DeleteInstanceRequest{})
}
