package industrialcloud_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/fixture"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// answering returns a client whose every call is answered with body.
func answering(t *testing.T, status int, body []byte, optFns ...func(*industrialcloud.Options)) (*industrialcloud.Client, *testutil.Static) {
	t.Helper()
	stub := &testutil.Static{Status: status, Body: body}
	c, err := industrialcloud.New(industrialcloud.Options{Domain: "industry.example.com", Token: "test-token", HTTPClient: stub}, optFns...)
	require.NoError(t, err)
	return c, stub
}

// fixtures are the constructed answers (testdata/README.md says how each
// was built) as fixture files (package fixture): the request the test
// sends, answered with the constructed bytes.
var fixtures = filepath.Join("testdata", "fixtures")

// replaying returns a client, configured as answering's, whose calls are
// answered from one fixture file, and a count of the requests it sent.
func replaying(t *testing.T, name string) (*industrialcloud.Client, *counting) {
	t.Helper()
	path := filepath.Join(fixtures, name)
	exs, err := fixture.Load(path)
	require.NoError(t, err)
	if raw, ok := rawFixtures[name]; ok {
		// The raw copy still seeds the fuzz tests; keep the two equal.
		if b, err := os.ReadFile(filepath.Join("testdata", raw)); err == nil {
			body, err := exs[0].Response.Bytes()
			require.NoError(t, err)
			require.Equal(t, string(b), string(body), "%s answers with testdata/%s", name, raw)
		}
	}
	hc := &counting{next: fixture.Replay(t, path)}
	c, err := industrialcloud.New(industrialcloud.Options{Domain: "industry.example.com", Token: "test-token", HTTPClient: hc})
	require.NoError(t, err)
	return c, hc
}

// rawFixtures maps each fixture file to the raw answer it was made from.
var rawFixtures = map[string]string{
	"industrialcloud_DescribeInstance_1.json":   "DescribeInstance/response-specs-in-instance.json",
	"industrialcloud_DescribeInstance_2.json":   "DescribeInstance/response-specs-in-data.json",
	"industrialcloud_DescribeInstances_1.json":  "DescribeInstances/response.json",
	"industrialcloud_ModifyInstanceName_1.json": "ModifyInstanceName/response.json",
	"industrialcloud_ModifyInstanceName_2.json": "ModifyInstanceName/response-business-error.json",
	"industrialcloud_ModifyInstanceName_3.json": "DescribeInstance/response-token-failure.json",
}

// counting counts the requests it passes on.
type counting struct {
	next fixture.HTTPClient
	mu   sync.Mutex
	n    int
}

func (c *counting) Do(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return c.next.Do(r)
}

func (c *counting) sent() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// startFake runs a fake for the test and returns it with a client wired to
// it, backoff shortened to 1 ms, then optFns applied.
func startFake(t *testing.T, opts []industrialcloudtest.Option, optFns ...func(*industrialcloud.Options)) (*industrialcloudtest.Server, *industrialcloud.Client) {
	t.Helper()
	srv := industrialcloudtest.NewServer(opts...)
	t.Cleanup(srv.Close)
	fast := func(o *industrialcloud.Options) { o.Retry.BaseDelay = time.Millisecond }
	c, err := srv.Client(append([]func(*industrialcloud.Options){fast}, optFns...)...)
	require.NoError(t, err)
	return srv, c
}

// pluck maps each element of in through f.
func pluck[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// cst is a wall-clock time in China Standard Time, returned in UTC as the
// client returns times.
func cst(s string) time.Time {
	t, err := time.ParseInLocation(time.DateTime, s, time.FixedZone("CST", 8*3600))
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

var allStatuses = []industrialcloud.Status{
	industrialcloud.StatusDefault, industrialcloud.StatusDelivering, industrialcloud.StatusDelivered,
	industrialcloud.StatusDeliverFailed, industrialcloud.StatusExpired, industrialcloud.StatusDestroyed, industrialcloud.StatusDeleted,
}

// TestRequestGoldens snapshots the request each operation sends, token-only
// and TC3-signed (volatile values cleared). Regenerate with:
// go test ./industrialcloud -run Goldens -update
func TestRequestGoldens(t *testing.T) {
	srv := industrialcloudtest.NewServer()
	defer srv.Close()
	capture := &testutil.Capture{Next: http.DefaultClient}
	token, err := srv.Client(func(o *industrialcloud.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	signed, err := srv.Client(func(o *industrialcloud.Options) {
		o.HTTPClient, o.SecretID, o.SecretKey, o.Region = capture, industrialcloudtest.SecretID, industrialcloudtest.SecretKey, "ap-guangzhou"
	})
	require.NoError(t, err)
	ctx := t.Context()
	calls := map[string]func(c *industrialcloud.Client) error{
		"DescribeInstance": func(c *industrialcloud.Client) error {
			_, err := c.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{
				InstanceUUID: industrialcloudtest.ExampleInstanceUUID, With: []string{industrialcloud.WithInstanceCustomSpecs}})
			return err
		},
		"DescribeInstances": func(c *industrialcloud.Client) error {
			_, err := c.DescribeInstances(ctx, &industrialcloud.DescribeInstancesRequest{
				Status:        []industrialcloud.Status{industrialcloud.StatusDelivered, industrialcloud.StatusExpired},
				ProductSource: industrialcloud.ProductSourceIopThird,
				DeliverType:   []industrialcloud.DeliverType{industrialcloud.DeliverTypeSaaS},
				CategoryID:    []string{"cat-9a41d2e0"},
				BusinessID:    industrialcloudtest.SeedBid,
				Offset:        20, Limit: 10,
				SortSet: []industrialcloud.Sort{{Key: industrialcloud.SortKeyCreatedAt, Direction: industrialcloud.SortDescending}},
			})
			return err
		},
		"ModifyInstanceName": func(c *industrialcloud.Client) error {
			_, err := c.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{
				InstanceUUID: industrialcloudtest.ExampleInstanceUUID, InstanceName: "一号车间 MES <A&B>"})
			return err
		},
	}
	for _, op := range []string{"DescribeInstance", "DescribeInstances", "ModifyInstanceName"} {
		for path, c := range map[string]*industrialcloud.Client{"token": token, "signed": signed} {
			t.Run(op+"/"+path, func(t *testing.T) {
				require.NoError(t, calls[op](c))
				testutil.Golden(t, filepath.Join("testdata", op, path+".golden"), capture.Last(t))
			})
		}
	}
}

// expectedMES is the documented-shape fixture, decoded.
var expectedMES = industrialcloud.Instance{
	ID: "10231", AppID: 1300012345, BusinessID: 1001, UUID: industrialcloudtest.ExampleInstanceUUID,
	InstanceName: "MES生产执行系统", Status: industrialcloud.StatusDelivered,
	LastOrderID: "2024030110000012345", ProductID: "prod-6f2a9c41",
	ProductType: industrialcloud.ProductTypeOthers, ProductSource: industrialcloud.ProductSourceIopThird,
	SpecUUID: "spec-1c9e5b27", CategoryID: "cat-9a41d2e0", DeliverType: industrialcloud.DeliverTypeSaaS,
	LifeType:           industrialcloud.LifeTypeLimited,
	InstanceCreateTime: cst("2024-03-01 10:00:00"), InstanceExpireTime: cst("2025-03-01 10:00:00"),
	InstanceExpireTimeUnix: 1740794400, Renewable: true, Upgradable: true,
	BuyerUserID: "100023456789", BuyerCorpID: "200000123", ISVUIN: "100011223344",
	ApplicationID: "app-idaas-7c1e", SSOURL: "https://mes.industry.example.com/sso/login?app=app-idaas-7c1e&lang=zh",
	AdditionalInfo: "7×24 远程支持", AppInfo: "生产计划、工单、质量追溯",
	CreatedAt: cst("2024-03-01 10:00:00"), UpdatedAt: cst("2024-09-18 16:42:07"),
	CustomSpecItems: []industrialcloud.CustomSpecItem{
		{ID: 501, InstanceUUID: industrialcloudtest.ExampleInstanceUUID, Name: "用户数", NameEn: "users", Value: "50",
			Type: "number", CustomUUID: "cs-0e4b7a19", UnitType: "count", Unit: "个"},
		{ID: 502, InstanceUUID: industrialcloudtest.ExampleInstanceUUID, Name: "工位数", NameEn: "stations", Value: "20",
			Type: "number", CustomUUID: "cs-6d2f9c83", UnitType: "count", Unit: "个"},
	},
}

// TestDescribeInstanceFixtures: both placements of CustomSpecItems and both
// spellings of the number-or-string fields decode to the same instance.
func TestDescribeInstanceFixtures(t *testing.T) {
	req := &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID, With: []string{industrialcloud.WithInstanceCustomSpecs}}
	t.Run("documented: specs under Data.Instance, ids as strings", func(t *testing.T) {
		c, _ := replaying(t, "industrialcloud_DescribeInstance_1.json")
		resp, err := c.DescribeInstance(t.Context(), req)
		require.NoError(t, err)
		assert.Equal(t, "6f1c2b9e-4d3a-4e8b-9f07-1a2b3c4d5e6f", resp.RequestID)
		assert.Equal(t, expectedMES, resp.Instance)
	})
	t.Run("community SDK: specs under Data, ids as numbers", func(t *testing.T) {
		c, _ := replaying(t, "industrialcloud_DescribeInstance_2.json")
		resp, err := c.DescribeInstance(t.Context(), req)
		require.NoError(t, err)
		want := expectedMES
		want.ID = ""                                         // not in the community SDK's type
		want.UpdatedAt = time.Time{}                         // idem
		want.Renewable = false                               // idem
		want.InstanceExpireTime = cst("2025-03-01 10:00:00") // from InstanceExpireTimeUnix
		assert.Equal(t, "0b9d8c7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a", resp.RequestID)
		assert.Equal(t, want, resp.Instance)
	})
	t.Run("the fake, both placements", func(t *testing.T) {
		for _, opts := range [][]industrialcloudtest.Option{nil, {industrialcloudtest.WithCustomSpecsUnderData()}} {
			srv := industrialcloudtest.NewServer(opts...)
			c, err := srv.Client()
			require.NoError(t, err)
			resp, err := c.DescribeInstance(t.Context(), req)
			require.NoError(t, err)
			assert.Len(t, resp.Instance.CustomSpecItems, 2)
			plain, err := c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
			require.NoError(t, err)
			assert.Empty(t, plain.Instance.CustomSpecItems, "only with InstanceCustomSpecs")
			srv.Close()
		}
	})
}

func TestDescribeInstancesFixture(t *testing.T) {
	c, _ := replaying(t, "industrialcloud_DescribeInstances_1.json")
	resp, err := c.DescribeInstances(t.Context(), &industrialcloud.DescribeInstancesRequest{Status: allStatuses})
	require.NoError(t, err)
	assert.Equal(t, "3e7a9b1c-2d4f-4a6e-8c0b-5d7f9e1a3c5b", resp.RequestID)
	assert.Equal(t, 3, resp.TotalCount)
	require.Len(t, resp.Instances, 3)
	first, second, third := resp.Instances[0], resp.Instances[1], resp.Instances[2]
	assert.Equal(t, industrialcloud.Instance{
		UUID: industrialcloudtest.ExampleInstanceUUID, ProductName: "MES生产执行系统", ProductID: "prod-6f2a9c41",
		CategoryName: "工业APP", CategoryID: "cat-9a41d2e0",
		Categories:  []industrialcloud.Category{{CategoryName: "工业APP", CategoryUUID: "cat-9a41d2e0"}},
		DeliverType: industrialcloud.DeliverTypeSaaS, InstanceCreateTime: cst("2024-03-01 10:00:00"),
		InstanceExpireTime: cst("2025-03-01 10:00:00"), Status: industrialcloud.StatusDelivered, Renewable: true,
		LastOrderID: "2024030110000012345", LoginType: "sso", SpecUUID: "spec-1c9e5b27",
		LifeType: industrialcloud.LifeTypeLimited, Upgradable: true,
		Logo:          "https://static.industry.example.com/logo/mes.png",
		ProductSource: industrialcloud.ProductSourceIopThird, InstanceName: "MES生产执行系统",
	}, first)
	assert.Equal(t, "2024051214300065432", second.LastOrderID, "a number keeps its digits")
	assert.True(t, second.IsTrial, `"true" is true`)
	assert.True(t, second.IsConfirm)
	assert.True(t, second.CanConvert)
	assert.Equal(t, "market-ins-88213", second.SourceInstanceID)
	assert.Equal(t, cst("2024-08-20 11:00:00"), third.InstanceCreateTime, "RFC 3339 keeps its zone")
	assert.True(t, third.InstanceExpireTime.IsZero())
	assert.Equal(t, []industrialcloud.Category{}, third.Categories)
}

func TestModifyInstanceNameFixtures(t *testing.T) {
	req := &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: "u", InstanceName: "n"}
	c, _ := replaying(t, "industrialcloud_ModifyInstanceName_1.json")
	resp, err := c.ModifyInstanceName(t.Context(), req)
	require.NoError(t, err)
	assert.Equal(t, &industrialcloud.ModifyInstanceNameResponse{RequestID: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}, resp)

	bad, sent := replaying(t, "industrialcloud_ModifyInstanceName_2.json")
	_, err = bad.ModifyInstanceName(t.Context(), req)
	var apiErr *industrialcloud.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "40001", apiErr.Code)
	assert.Equal(t, "实例名称长度不能超过20个字符", apiErr.Message)
	assert.Equal(t, "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a", apiErr.RequestID)
	assert.Nil(t, apiErr.Category(), "an undocumented business code has no category")
	assert.Equal(t, 1, sent.sent(), "a write that got an answer is not retried")

	denied, _ := replaying(t, "industrialcloud_ModifyInstanceName_3.json")
	_, err = denied.ModifyInstanceName(t.Context(), req)
	assert.ErrorIs(t, err, industrialcloud.ErrAuth)
}

// instanceJSON answers DescribeInstance with an instance made of fields.
func instanceJSON(fields string) []byte {
	return []byte(`{"Response":{"RequestId":"R-1","Data":{"Instance":{"UUID":"u"` + fields + `}}}}`)
}

func describe(t *testing.T, body []byte) (industrialcloud.Instance, error) {
	t.Helper()
	c, _ := answering(t, 200, body)
	resp, err := c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"})
	if err != nil {
		return industrialcloud.Instance{}, err
	}
	return resp.Instance, nil
}

// TestNumberOrString: the six fields documented as strings that real
// clients read as numbers decode from either; a value that means neither is
// a DecodeError naming the request.
func TestNumberOrString(t *testing.T) {
	want := industrialcloud.Instance{UUID: "u", AppID: 1300012345, BusinessID: 1001, LastOrderID: "2024030110000012345",
		InstanceExpireTimeUnix: 1740794400, InstanceExpireTime: cst("2025-03-01 10:00:00"),
		BuyerUserID: "100023456789", BuyerCorpID: "200000123"}
	for name, fields := range map[string]string{
		"strings":   `,"Appid":"1300012345","Bid":"1001","LastOrderID":"2024030110000012345","InstanceExpireTimeUnix":"1740794400","BuyerUserID":"100023456789","BuyerCorpID":"200000123"`,
		"numbers":   `,"Appid":1300012345,"Bid":1001,"LastOrderID":2024030110000012345,"InstanceExpireTimeUnix":1740794400,"BuyerUserID":100023456789,"BuyerCorpID":200000123`,
		"Go casing": `,"AppID":1300012345,"BID":"1001","LastOrderId":2024030110000012345,"instanceExpireTimeUnix":1740794400,"BuyerUserId":100023456789,"BuyerCorpId":"200000123"`,
	} {
		t.Run(name, func(t *testing.T) {
			got, err := describe(t, instanceJSON(fields))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
	for _, fields := range []string{`,"Appid":"tenant-1"`, `,"Bid":{}`, `,"LastOrderID":["1"]`, `,"Renewable":"maybe"`, `,"InstanceExpireTimeUnix":1.5`} {
		_, err := describe(t, instanceJSON(fields))
		var de *industrialcloud.DecodeError
		require.ErrorAs(t, err, &de, fields)
		assert.Equal(t, "R-1", de.RequestID)
		assert.Equal(t, "DescribeInstance", de.Operation)
	}
}

// TestTimes: every accepted spelling of a time, the zone of zone-less
// strings (UTC+8), and a DecodeError for anything else.
func TestTimes(t *testing.T) {
	instant := cst("2024-03-01 10:00:00")
	for raw, want := range map[string]time.Time{
		`"2024-03-01 10:00:00"`:         instant,
		`"2024-03-01T10:00:00"`:         instant,
		`"2024-03-01T10:00:00+08:00"`:   instant,
		`"2024-03-01T02:00:00Z"`:        instant,
		`1709258400`:                    instant,
		`"1709258400"`:                  instant,
		`1709258400000`:                 instant,
		`"2024-03-01 10:00:00.250"`:     instant.Add(250 * time.Millisecond),
		`"2024-03-01"`:                  cst("2024-03-01 00:00:00"),
		`""`:                            {},
		`null`:                          {},
		`0`:                             {},
		`"0000-00-00 00:00:00"`:         {},
		`"0001-01-01T00:00:00Z"`:        {},
		`"  2024-03-01 10:00:00 "`:      instant,
		`"2024-03-01T10:00:00.5+08:00"`: instant.Add(500 * time.Millisecond),
	} {
		got, err := describe(t, instanceJSON(`,"InstanceCreateTime":`+raw+`,"CreatedAt":`+raw))
		require.NoError(t, err, raw)
		assert.True(t, want.Equal(got.InstanceCreateTime), "%s: got %v, want %v", raw, got.InstanceCreateTime, want)
		assert.Equal(t, time.UTC, got.InstanceCreateTime.Location(), raw)
		assert.True(t, want.Equal(got.CreatedAt), raw)
	}
	for _, raw := range []string{`"yesterday"`, `true`, `"2024-13-01 00:00:00"`, `{}`, `"-5"`, `"03/01/2024"`} {
		_, err := describe(t, instanceJSON(`,"UpdatedAt":`+raw))
		var de *industrialcloud.DecodeError
		require.ErrorAs(t, err, &de, raw)
		if raw[0] == '"' {
			assert.Contains(t, de.Error(), "UpdatedAt", "the error names the field")
		}
	}

	// InstanceExpireTime falls back to InstanceExpireTimeUnix, and wins
	// when both are present.
	got, err := describe(t, instanceJSON(`,"InstanceExpireTime":"","InstanceExpireTimeUnix":"1740794400"`))
	require.NoError(t, err)
	assert.Equal(t, cst("2025-03-01 10:00:00"), got.InstanceExpireTime)
	got, err = describe(t, instanceJSON(`,"InstanceExpireTime":"2025-06-01 00:00:00","InstanceExpireTimeUnix":1740794400`))
	require.NoError(t, err)
	assert.Equal(t, cst("2025-06-01 00:00:00"), got.InstanceExpireTime)
}

// TestShapeErrors: answers that are not the documented shape are
// DecodeErrors, never an empty success.
func TestShapeErrors(t *testing.T) {
	for _, body := range []string{
		`{"Response":{"RequestId":"R"}}`,
		`{"Response":{"RequestId":"R","Data":{}}}`,
		`{"Response":{"RequestId":"R","Data":{"Instance":null}}}`,
		`{"Response":{"RequestId":"R","Data":{"Instance":"x"}}}`,
		`<html>gateway</html>`,
	} {
		_, err := describe(t, []byte(body))
		var de *industrialcloud.DecodeError
		assert.ErrorAs(t, err, &de, body)
	}
	c, _ := answering(t, 200, []byte(`{"Response":{"RequestId":"R"}}`))
	_, err := c.DescribeInstances(t.Context(), &industrialcloud.DescribeInstancesRequest{Status: allStatuses})
	var de *industrialcloud.DecodeError
	assert.ErrorAs(t, err, &de)
}

// TestSeedFieldCoverage: every field the documentation lists is a field of
// the request or response types (names compared case-insensitively, as
// the decoder matches them).
func TestSeedFieldCoverage(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "seeds", "DescribeInstance.md"))
	require.NoError(t, err)
	input, output, _ := strings.Cut(string(text), "输出参数")
	envelope := map[string]bool{"action": true, "data": true, "response": true}
	check := func(names []string, typ reflect.Type) {
		t.Helper()
		have := map[string]bool{}
		for n := range testutil.TagNames(typ, "json") {
			have[strings.ToLower(n)] = true
		}
		for _, n := range names {
			assert.True(t, envelope[strings.ToLower(n)] || have[strings.ToLower(n)], "%s is not a field of %v", n, typ)
		}
	}
	reqNames, respNames := tableNames(input), tableNames(output)
	require.Len(t, reqNames, 3)
	require.Greater(t, len(respNames), 40)
	check(reqNames, reflect.TypeFor[industrialcloud.DescribeInstanceRequest]())
	check(respNames, reflect.TypeFor[industrialcloud.DescribeInstanceResponse]())

	// DescribeInstances: the documented fields (research note §2.3; the
	// page's copy is truncated) and the community SDK's InstanceItem.
	check([]string{"Action", "ProductSource", "DeliverType", "CategoryID", "Bid", "Status", "Offset", "Limit", "SortSet", "Key", "Direction"},
		reflect.TypeFor[industrialcloud.DescribeInstancesRequest]())
	check([]string{"RequestId", "Data", "TotalCount", "Instances", "UUID", "ProductName", "ProductID", "CategoryName",
		"CategoryID", "DeliverType", "InstanceCreateTime", "InstanceExpireTime", "Status", "Renewable", "LastOrderID",
		"Categories", "CategoryUuid", "IsHidden", "LoginType", "SpecUuid", "LifeType", "IsTrial", "SourceInstanceID",
		"IsConfirm", "CanRefund", "HasRefunding", "Upgradable", "Logo", "ProductSource", "CanCancelRefund", "SubStatus",
		"InstanceName", "CanConvert", "ConvertStatus"}, reflect.TypeFor[industrialcloud.DescribeInstancesResponse]())
	check([]string{"InstanceUUID", "InstanceName"}, reflect.TypeFor[industrialcloud.ModifyInstanceNameRequest]())
	check([]string{"RequestId"}, reflect.TypeFor[industrialcloud.ModifyInstanceNameResponse]())
}

// tableNames returns the first column of the Markdown tables in text,
// header rows left out.
func tableNames(text string) []string {
	var names []string
	for _, line := range strings.Split(text, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 {
			continue
		}
		name := strings.TrimSpace(cells[1])
		if name == "" || strings.HasPrefix(name, "-") || strings.HasPrefix(name, "参数名") || name == "错误码" {
			continue
		}
		names = append(names, name)
	}
	return names
}

// rejected returns the operation and the bad fields of a ValidationError,
// failing the test when err is not one or does not match
// ErrInvalidParameter.
func rejected(t *testing.T, err error) (string, []string) {
	t.Helper()
	var ve *industrialcloud.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, industrialcloud.ErrInvalidParameter) {
		t.Fatalf("want a ValidationError matching ErrInvalidParameter, got %v", err)
	}
	fields := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		fields[i] = f.Field
	}
	return ve.Operation, fields
}

// TestValidationBeforeIO: bad input of every operation fails with every bad
// field listed, and nothing is sent.
func TestValidationBeforeIO(t *testing.T) {
	c, stub := answering(t, 200, []byte(`{}`))
	ctx := t.Context()
	get := func(r *industrialcloud.DescribeInstanceRequest) error {
		_, err := c.DescribeInstance(ctx, r)
		return err
	}
	list := func(r *industrialcloud.DescribeInstancesRequest) error {
		_, err := c.DescribeInstances(ctx, r)
		return err
	}
	rename := func(r *industrialcloud.ModifyInstanceNameRequest) error {
		_, err := c.ModifyInstanceName(ctx, r)
		return err
	}
	want := map[string][][]string{}
	got := map[string][][]string{}
	check := func(err error, fields ...string) {
		t.Helper()
		op, bad := rejected(t, err)
		got[op] = append(got[op], bad)
		want[op] = append(want[op], fields)
	}

	check(get(&industrialcloud.DescribeInstanceRequest{With: []string{"InstanceCustomSpecs", "Everything"}}), "InstanceUUID", "With[1]")
	check(get(nil), "InstanceUUID")
	check(list(&industrialcloud.DescribeInstancesRequest{
		Status: []industrialcloud.Status{"delivered", "running"}, ProductSource: "yun",
		DeliverType: []industrialcloud.DeliverType{"SAAS"}, CategoryID: []string{""}, BusinessID: -1,
		Offset: -1, Limit: 101, SortSet: []industrialcloud.Sort{{Direction: "up"}},
	}), "Status[1]", "ProductSource", "DeliverType[0]", "CategoryID[0]", "BusinessID", "Offset", "Limit", "SortSet[0].Key", "SortSet[0].Direction")
	check(list(nil), "Status")
	check(list(&industrialcloud.DescribeInstancesRequest{Status: []industrialcloud.Status{}, Limit: -1}), "Status", "Limit")
	check(rename(&industrialcloud.ModifyInstanceNameRequest{InstanceName: strings.Repeat("名", 21)}), "InstanceUUID", "InstanceName")
	check(rename(nil), "InstanceUUID", "InstanceName")
	check(rename(&industrialcloud.ModifyInstanceNameRequest{InstanceUUID: "u", InstanceName: "bad\xff"}), "InstanceName")
	for _, seqErr := range c.DescribeInstancesAll(ctx, &industrialcloud.DescribeInstancesRequest{}) {
		check(seqErr, "Status") // the iterator validates before fetching
	}
	assert.Equal(t, want, got)
	assert.Len(t, got, 3, "every operation")
	assert.Empty(t, stub.Reqs, "no request was sent")

	// The limits themselves are valid: 20 characters, 100 per page.
	_, ok := startFake(t, nil)
	_, err := ok.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID, InstanceName: strings.Repeat("名", 20)})
	assert.NoError(t, err)
	_, err = ok.DescribeInstances(ctx, &industrialcloud.DescribeInstancesRequest{Status: allStatuses, Limit: industrialcloud.MaxLimit,
		SortSet: []industrialcloud.Sort{{Key: industrialcloud.SortKeyCreatedAt, Direction: "DESC"}}})
	assert.NoError(t, err)
}

// TestErrorCodes: every code constant maps to its category, through the
// real decoding path, in the API 3.0 and the legacy error shape.
func TestErrorCodes(t *testing.T) {
	for code, want := range map[string]error{
		industrialcloud.CodeTokenFailure:          industrialcloud.ErrAuth,
		industrialcloud.CodeSignatureFailure:      industrialcloud.ErrAuth,
		industrialcloud.CodeSignatureExpire:       industrialcloud.ErrAuth,
		industrialcloud.CodeSecretIDNotFound:      industrialcloud.ErrAuth,
		industrialcloud.CodeInvalidSecretID:       industrialcloud.ErrAuth,
		industrialcloud.CodeInvalidAuthorization:  industrialcloud.ErrAuth,
		industrialcloud.CodeUnauthorizedOperation: industrialcloud.ErrPermission,
		industrialcloud.CodeRequestLimitExceeded:  industrialcloud.ErrThrottled,
		"RequestLimitExceeded.UinLimitExceeded":   industrialcloud.ErrThrottled,
		industrialcloud.CodeInternalError:         industrialcloud.ErrServer,
		industrialcloud.CodeInvalidParameter:      industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeInvalidParameterValue: industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeMissingParameter:      industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeUnknownParameter:      industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeInvalidAction:         industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeNoSuchVersion:         industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeUnsupportedProtocol:   industrialcloud.ErrInvalidParameter,
		industrialcloud.CodeResourceNotFound:      industrialcloud.ErrNotFound,
		industrialcloud.CodeResourceUnavailable:   industrialcloud.ErrConflict,
		industrialcloud.CodeLimitExceeded:         industrialcloud.ErrQuotaExceeded,
		industrialcloud.CodeFailedOperation:       nil,
	} {
		for shape, body := range map[string]string{
			"api3":   `{"Response":{"Error":{"Code":"` + code + `","Message":"m"},"RequestId":"R"}}`,
			"legacy": `{"code":4000,"message":"m","codeDesc":"` + code + `"}`,
		} {
			t.Run(code+"/"+shape, func(t *testing.T) {
				c, _ := answering(t, 200, []byte(body), func(o *industrialcloud.Options) { o.Retry.MaxAttempts = 1 })
				_, err := c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"})
				var apiErr *industrialcloud.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, code, apiErr.Code)
				if want == nil {
					assert.Nil(t, apiErr.Category())
					return
				}
				assert.ErrorIs(t, err, want)
				if shape == "api3" {
					assert.Equal(t, "R", apiErr.RequestID)
					assert.Equal(t, "industrialcloud DescribeInstance: "+code+": m (HTTP 200, request R)", err.Error())
				}
			})
		}
	}
}

// TestTransportFailure: a service that cannot be reached surfaces as an
// OperationError wrapping the network error, for every operation.
func TestTransportFailure(t *testing.T) {
	srv := industrialcloudtest.NewServer()
	c, err := srv.Client(func(o *industrialcloud.Options) { o.Retry.BaseDelay = time.Millisecond })
	require.NoError(t, err)
	srv.Close()
	ctx := t.Context()
	type outcome struct {
		Operation       string
		Attempts        int  // a refused connection is retried, even for a write
		Refused, Server bool // errors.Is ECONNREFUSED, ErrServer
		Message         string
	}
	summarize := func(err error) outcome {
		var oe *industrialcloud.OperationError
		if !errors.As(err, &oe) {
			return outcome{Message: fmt.Sprint(err)}
		}
		msg, _, _ := strings.Cut(err.Error(), ":")
		return outcome{oe.Operation, oe.Attempts, errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, industrialcloud.ErrServer), msg}
	}
	_, err = c.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"})
	assert.Equal(t, outcome{"DescribeInstance", 3, true, true, "industrialcloud DescribeInstance"}, summarize(err))
	_, err = c.DescribeInstances(ctx, &industrialcloud.DescribeInstancesRequest{Status: allStatuses})
	assert.Equal(t, outcome{"DescribeInstances", 3, true, true, "industrialcloud DescribeInstances"}, summarize(err))
	_, err = c.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: "u", InstanceName: "n"})
	assert.Equal(t, outcome{"ModifyInstanceName", 3, true, true, "industrialcloud ModifyInstanceName"}, summarize(err))
	assert.Contains(t, err.Error(), "failed after 3 attempts")

	// A deadline is honoured and reported as such.
	slow := industrialcloudtest.NewServer()
	defer slow.Close()
	slow.Inject(industrialcloudtest.Fault{Latency: time.Minute})
	sc, err := slow.Client(func(o *industrialcloud.Options) { o.Timeout = 50 * time.Millisecond })
	require.NoError(t, err)
	_, err = sc.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: "u"})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestRetries: reads retry on InternalError; ModifyInstanceName is not
// resent once it may have been processed, but is after throttling.
func TestRetries(t *testing.T) {
	srv, c := startFake(t, nil)
	ctx := t.Context()

	srv.Inject(industrialcloudtest.Fault{Action: "DescribeInstance", Code: industrialcloud.CodeInternalError, Status: 200, Times: 2})
	_, err := c.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	require.NoError(t, err)
	assert.Equal(t, 3, srv.Received("DescribeInstance"))

	rename := func(name string) error {
		_, err := c.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID, InstanceName: name})
		return err
	}
	srv.Inject(industrialcloudtest.Fault{Action: "ModifyInstanceName", Code: industrialcloud.CodeInternalError, Status: 200, AfterHandler: true})
	err = rename("lost answer")
	assert.ErrorIs(t, err, industrialcloud.ErrServer)
	assert.Equal(t, 1, srv.Received("ModifyInstanceName"), "a write that may have been processed is not resent")
	assert.Equal(t, "lost answer", srv.Instances()[0].InstanceName, "and it was processed once")

	srv.Inject(industrialcloudtest.Fault{Action: "ModifyInstanceName", Code: industrialcloud.CodeRequestLimitExceeded, Status: 200})
	require.NoError(t, rename("after throttling"))
	assert.Equal(t, 3, srv.Received("ModifyInstanceName"), "a throttled write was not processed and is resent")

	// Per-call options apply to that call only.
	srv.Inject(industrialcloudtest.Fault{Action: "DescribeInstances", Code: industrialcloud.CodeInternalError, Status: 200, Times: 5})
	before := srv.Received("DescribeInstances")
	_, err = c.DescribeInstances(ctx, &industrialcloud.DescribeInstancesRequest{Status: allStatuses}, func(o *industrialcloud.Options) { o.Retry.MaxAttempts = 1 })
	require.Error(t, err)
	assert.Equal(t, 1, srv.Received("DescribeInstances")-before)
	_, err = c.DescribeInstances(ctx, &industrialcloud.DescribeInstancesRequest{Status: allStatuses})
	require.Error(t, err)
	assert.Equal(t, 4, srv.Received("DescribeInstances")-before, "the client's 3 attempts again")
	srv.ClearFaults()
}

func TestPaginationConformance(t *testing.T) {
	srv, c := startFake(t, []industrialcloudtest.Option{industrialcloudtest.WithoutSeed()})
	start := cst("2024-01-01 08:00:00")
	for i := range 7 {
		_, err := srv.AddInstance(industrialcloud.Instance{InstanceName: fmt.Sprint("inst-", i),
			InstanceCreateTime: start.Add(time.Duration(i) * time.Hour), Status: allStatuses[i%len(allStatuses)]})
		require.NoError(t, err)
	}
	testutil.PageConformance[industrialcloud.Instance]{
		Items: srv.Instances(),
		Key:   func(in industrialcloud.Instance) string { return in.UUID },
		All: func(ctx context.Context, size int) iter.Seq2[industrialcloud.Instance, error] {
			return c.DescribeInstancesAll(ctx, &industrialcloud.DescribeInstancesRequest{Status: allStatuses, Limit: size})
		},
		Requests: func() int { return srv.Received("DescribeInstances") },
		FailNext: func() {
			srv.Inject(industrialcloudtest.Fault{Action: "DescribeInstances", Code: industrialcloud.CodeInvalidParameter, Status: 200})
		},
	}.Run(t)

	// The caller's request is never changed, the paginator starts at the
	// request's Offset, and it follows the SortSet.
	req := &industrialcloud.DescribeInstancesRequest{Status: allStatuses, Offset: 4, Limit: 2,
		SortSet: []industrialcloud.Sort{{Key: industrialcloud.SortKeyCreatedAt, Direction: industrialcloud.SortDescending}}}
	p := industrialcloud.NewDescribeInstancesPaginator(c, req)
	var pages [][]string
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		require.NoError(t, err)
		pages = append(pages, pluck(page.Instances, instanceName))
	}
	require.NotEmpty(t, pages)
	assert.Equal(t, []string{"inst-2", "inst-1"}, pages[0], "the first page starts at Offset")
	assert.Equal(t, []string{"inst-2", "inst-1", "inst-0"}, slices.Concat(pages...))
	assert.Equal(t, &industrialcloud.DescribeInstancesRequest{Status: allStatuses, Offset: 4, Limit: 2,
		SortSet: []industrialcloud.Sort{{Key: industrialcloud.SortKeyCreatedAt, Direction: industrialcloud.SortDescending}}}, req)
	_, err := p.NextPage(t.Context())
	assert.ErrorIs(t, err, industrialcloud.ErrNoMorePages)

	// Without a Limit the paginator asks for the documented default.
	capture := &testutil.Capture{Next: http.DefaultClient}
	cc, err := srv.Client(func(o *industrialcloud.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	for range cc.DescribeInstancesAll(t.Context(), &industrialcloud.DescribeInstancesRequest{Status: allStatuses}) {
	}
	assert.Contains(t, capture.Last(t), `"Limit":20`)
}

func instanceName(in industrialcloud.Instance) string { return in.InstanceName }

// TestFakeFilters: the fake filters, sorts and pages as documented.
func TestFakeFilters(t *testing.T) {
	srv, c := startFake(t, nil)
	list := func(req industrialcloud.DescribeInstancesRequest) []string {
		t.Helper()
		var uuids []string
		for in, err := range c.DescribeInstancesAll(t.Context(), &req) {
			require.NoError(t, err)
			uuids = append(uuids, in.UUID)
		}
		return uuids
	}
	delivered := []industrialcloud.Status{industrialcloud.StatusDelivered}
	assert.Equal(t, []string{industrialcloudtest.ExampleInstanceUUID, industrialcloudtest.ServerInstanceUUID, industrialcloudtest.DiskInstanceUUID},
		list(industrialcloud.DescribeInstancesRequest{Status: delivered}))
	assert.Equal(t, []string{industrialcloudtest.DiskInstanceUUID, industrialcloudtest.ServerInstanceUUID, industrialcloudtest.ExampleInstanceUUID},
		list(industrialcloud.DescribeInstancesRequest{Status: delivered, SortSet: []industrialcloud.Sort{{Key: industrialcloud.SortKeyCreatedAt, Direction: industrialcloud.SortDescending}}}))
	assert.Equal(t, []string{industrialcloudtest.DeliveringInstanceUUID},
		list(industrialcloud.DescribeInstancesRequest{Status: allStatuses, DeliverType: []industrialcloud.DeliverType{industrialcloud.DeliverTypeManual}}))
	assert.Equal(t, []string{industrialcloudtest.ExpiredInstanceUUID},
		list(industrialcloud.DescribeInstancesRequest{Status: allStatuses, ProductSource: industrialcloud.ProductSourceLocal}))
	assert.Equal(t, []string{industrialcloudtest.ServerInstanceUUID, industrialcloudtest.DiskInstanceUUID},
		list(industrialcloud.DescribeInstancesRequest{Status: allStatuses, CategoryID: []string{"cat-3f7c8b15"}}))
	assert.Empty(t, list(industrialcloud.DescribeInstancesRequest{Status: allStatuses, BusinessID: 42}))
	assert.Len(t, list(industrialcloud.DescribeInstancesRequest{Status: allStatuses, BusinessID: industrialcloudtest.SeedBid}), 5)

	_, err := c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: "nope"})
	assert.ErrorIs(t, err, industrialcloud.ErrNotFound)
	_, err = c.ModifyInstanceName(t.Context(), &industrialcloud.ModifyInstanceNameRequest{InstanceUUID: "nope", InstanceName: "n"})
	assert.ErrorIs(t, err, industrialcloud.ErrNotFound)
	_, err = srv.AddInstance(industrialcloud.Instance{UUID: industrialcloudtest.ExampleInstanceUUID})
	assert.Error(t, err, "a taken UUID")
}
