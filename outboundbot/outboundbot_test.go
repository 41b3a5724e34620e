package outboundbot_test

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/fixture"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// fixtures holds the documented examples as fixture files (package
// fixture): each the request the test sends, answered with the seed's JSON
// example byte for byte.
var fixtures = filepath.Join("testdata", "fixtures")

// replayDocumented returns a client answering from the documented-example
// fixtures, after checking that op's fixture answers with the seed's bytes.
func replayDocumented(t *testing.T, op string) *outboundbot.Client {
	t.Helper()
	exs, err := fixture.Load(filepath.Join(fixtures, "outboundbot_"+op+"_1.json"))
	require.NoError(t, err)
	body, err := exs[0].Response.Bytes()
	require.NoError(t, err)
	seed, err := os.ReadFile(filepath.Join("testdata", "seeds", op+".txt"))
	require.NoError(t, err)
	require.True(t, bytes.Contains(seed, body), "the response of %s is the seed's JSON example byte for byte", exs[0].Name)
	if raw, err := os.ReadFile(filepath.Join("testdata", op, "response.json")); err == nil {
		// The raw copy still seeds the fuzz tests and benchmarks; keep the two equal.
		require.Equal(t, string(raw), string(body), "%s answers with testdata/%s/response.json", exs[0].Name, op)
	}
	cred, err := fake.TestCredential()
	require.NoError(t, err)
	c, err := outboundbot.New(outboundbot.Options{Credential: cred, HTTPClient: fixture.Replay(t, fixtures)})
	require.NoError(t, err)
	return c
}

// answering returns a client whose every call is answered with body.
func answering(t *testing.T, status int, body []byte) (*outboundbot.Client, *testutil.Static) {
	t.Helper()
	cred, err := fake.TestCredential()
	require.NoError(t, err)
	stub := &testutil.Static{Status: status, Body: body}
	c, err := outboundbot.New(outboundbot.Options{Credential: cred, HTTPClient: stub})
	require.NoError(t, err)
	return c, stub
}

var documented = outboundbot.Instance{
	InstanceID:                "90515b5-6115-4ccf-83e2-52d5bfaf2ddf",
	MaxConcurrentConversation: 4,
	CreationTime:              time.Date(2020, 1, 8, 7, 37, 22, 851e6, time.UTC),
	CreatorID:                 435986,
	OwnerName:                 "xxxx",
	CreatorName:               "xxx",
	ResourceGroupID:           "90515b5-6115-4ccf-83e2-52d5bfaf2ddf",
}

func TestDocumentedExamplesDecode(t *testing.T) {
	ctx := t.Context()
	t.Run("CreateInstance", func(t *testing.T) {
		c := replayDocumented(t, "CreateInstance")
		resp, err := c.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: "x", MaxConcurrentConversation: 4})
		require.NoError(t, err)
		want := documented
		want.InstanceName, want.InstanceDescription = "第一個實例", "這個是第一個實例"
		assert.Equal(t, &outboundbot.CreateInstanceResponse{RequestID: "254EB995-DEDF-48A4-9101-9CA5B72FFBCC", Instance: want}, resp)
	})
	t.Run("DescribeInstance", func(t *testing.T) {
		c := replayDocumented(t, "DescribeInstance")
		resp, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: "af81a389-91f0-4157-8d82-720edd02b66a"})
		require.NoError(t, err)
		want := documented
		want.InstanceName, want.InstanceDescription = "第一个实例", "这个是第一个实例"
		assert.Equal(t, &outboundbot.DescribeInstanceResponse{RequestID: "254EB995-DEDF-48A4-9101-9CA5B72FFBCC", Instance: want}, resp)
	})
	t.Run("ListInstances", func(t *testing.T) {
		c := replayDocumented(t, "ListInstances")
		resp, err := c.ListInstances(ctx, &outboundbot.ListInstancesRequest{})
		require.NoError(t, err)
		assert.Equal(t, &outboundbot.ListInstancesResponse{
			RequestID: "254EB995-DEDF-48A4-9101-9CA5B72FFBCC",
			Instances: []outboundbot.Instance{{
				InstanceID:                "90515b5-6115-4ccf-83e2-52d5bfaf2ddf",
				InstanceName:              "回访",
				InstanceDescription:       "这是一个实例",
				MaxConcurrentConversation: 10,
				CreationTime:              time.Date(2020, 1, 8, 7, 37, 22, 851e6, time.UTC),
				CreatorID:                 34234,
				CreatorName:               "xxx",
				OwnerName:                 "xxx",
				ResourceGroupID:           "90515b5-6115-4ccf-83e2-52d5bfaf2ddf",
				ResourceTags:              []outboundbot.Tag{{Key: "age", Value: "20"}},
				IsPreset:                  false,
			}},
			TotalCount: 1, PageNumber: 1, PageSize: 10,
		}, resp)
	})
}

// TestLenientDecoding: numbers and booleans as strings still decode; a
// value that cannot mean its type is a DecodeError, never a silent zero.
func TestLenientDecoding(t *testing.T) {
	c, _ := answering(t, 200, []byte(`{"RequestId":"R","Code":"OK","Success":"true","Instances":[{"InstanceId":"i","CreationTime":"1578469042851","CreatorId":"7","MaxConcurrentConversation":"3","IsPreset":"true"}],"TotalCount":"1","PageNumber":"1","PageSize":"10"}`))
	resp, err := c.ListInstances(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, outboundbot.Instance{InstanceID: "i", CreationTime: time.UnixMilli(1578469042851).UTC(), CreatorID: 7, MaxConcurrentConversation: 3, IsPreset: true}, resp.Instances[0])
	assert.Equal(t, 1, resp.TotalCount)

	bad, _ := answering(t, 200, []byte(`{"RequestId":"R2","Code":"OK","Instance":{"InstanceId":"i","MaxConcurrentConversation":"many"}}`))
	_, err = bad.DescribeInstance(t.Context(), &outboundbot.DescribeInstanceRequest{InstanceID: "i"})
	var de *outboundbot.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "R2", de.RequestID)
	assert.Contains(t, de.Error(), "many")
}

// TestSeedFieldCoverage: every parameter and response field the seed
// documents is a field of the request or response type.
func TestSeedFieldCoverage(t *testing.T) {
	envelope := map[string]bool{"Action": true, "HttpStatusCode": true, "Code": true, "Message": true, "Success": true}
	for op, types := range map[string][2]reflect.Type{
		"CreateInstance":   {reflect.TypeFor[outboundbot.CreateInstanceRequest](), reflect.TypeFor[outboundbot.CreateInstanceResponse]()},
		"DescribeInstance": {reflect.TypeFor[outboundbot.DescribeInstanceRequest](), reflect.TypeFor[outboundbot.DescribeInstanceResponse]()},
		"ListInstances":    {reflect.TypeFor[outboundbot.ListInstancesRequest](), reflect.TypeFor[outboundbot.ListInstancesResponse]()},
	} {
		t.Run(op, func(t *testing.T) {
			req, resp := testutil.SeedFields(t, filepath.Join("testdata", "seeds", op+".txt"))
			reqNames, respNames := testutil.TagNames(types[0], "url"), testutil.TagNames(types[1], "json")
			for _, name := range req {
				assert.True(t, envelope[name] || reqNames[name], "request parameter %s is not a field of %v", name, types[0])
			}
			for _, name := range resp {
				// "Instance" names the item object of the Instances array.
				assert.True(t, envelope[name] || respNames[name] || name == "Instance", "response field %s is not a field of %v", name, types[1])
			}
		})
	}
}

// TestRequestGoldens snapshots the request each operation sends (volatile
// values cleared). Regenerate with: go test ./outboundbot -run Goldens -update
func TestRequestGoldens(t *testing.T) {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	capture := &testutil.Capture{Next: http.DefaultClient}
	c, err := srv.Client(func(o *outboundbot.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	ctx := t.Context()
	calls := map[string]func() error{
		"CreateInstance": func() error {
			_, err := c.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: "回访 a/b", InstanceDescription: "desc *~+",
				MaxConcurrentConversation: 4, NLUServiceType: outboundbot.NLUServiceManaged, ResourceGroupID: "rg-acfmwd4qr3z773y",
				CallingNumber: []string{"4008013260", "95187"}})
			return err
		},
		"DescribeInstance": func() error {
			_, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
			return err
		},
		"ListInstances": func() error {
			_, err := c.ListInstances(ctx, &outboundbot.ListInstancesRequest{ResourceGroupID: "rg-1", Name: "回访",
				Tags: []outboundbot.Tag{{Key: "age", Value: "20"}, {Key: "team", Value: "a&b"}}, PageNumber: 2, PageSize: 5})
			return err
		},
		"ModifyInstance": func() error {
			_, err := c.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID,
				InstanceName: "renamed", InstanceDescription: outboundbot.String("d"), MaxConcurrentConversation: 5, CallingNumber: []string{"1"}})
			return err
		},
		"DeleteInstance": func() error {
			_, err := c.DeleteInstance(ctx, &outboundbot.DeleteInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
			return err
		},
	}
	for _, op := range []string{"CreateInstance", "DescribeInstance", "ListInstances", "ModifyInstance", "DeleteInstance"} {
		t.Run(op, func(t *testing.T) {
			require.NoError(t, calls[op]())
			testutil.Golden(t, filepath.Join("testdata", op, "request.golden"), capture.Last(t))
		})
	}
}

func TestPaginationConformance(t *testing.T) {
	srv := outboundbottest.NewServer(outboundbottest.WithoutSeed())
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	for i := range 7 {
		_, err := c.CreateInstance(t.Context(), &outboundbot.CreateInstanceRequest{InstanceName: fmt.Sprint("inst-", i), MaxConcurrentConversation: 1})
		require.NoError(t, err)
	}
	testutil.PageConformance[outboundbot.Instance]{
		Items: srv.Instances(),
		Key:   func(in outboundbot.Instance) string { return in.InstanceID },
		All: func(ctx context.Context, size int) iter.Seq2[outboundbot.Instance, error] {
			return c.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: size})
		},
		Requests: func() int { return srv.Received("ListInstances") },
		FailNext: func() {
			srv.Inject(outboundbottest.Fault{Action: "ListInstances", Status: 400, Code: "InvalidParameter"})
		},
	}.Run(t)

	// The caller's request is never changed, and the paginator starts where
	// the request says.
	req := &outboundbot.ListInstancesRequest{PageNumber: 3, PageSize: 2}
	p := outboundbot.NewListInstancesPaginator(c, req)
	var names []string
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		require.NoError(t, err)
		for _, in := range page.Instances {
			names = append(names, in.InstanceName)
		}
	}
	assert.Equal(t, []string{"inst-4", "inst-5", "inst-6"}, names)
	assert.Equal(t, &outboundbot.ListInstancesRequest{PageNumber: 3, PageSize: 2}, req)
	_, err = p.NextPage(t.Context())
	assert.ErrorIs(t, err, outboundbot.ErrNoMorePages)
}

// TestCreateIsNeverSentTwice: a create that reached the service and lost its
// answer is not retried; one that was throttled is, and creates once.
func TestCreateIsNeverSentTwice(t *testing.T) {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	c, err := srv.Client(func(o *outboundbot.Options) { o.Retry.BaseDelay = time.Millisecond })
	require.NoError(t, err)
	testutil.WriteOnce{
		Action: "CreateInstance",
		Inject: srv.Inject,
		Send: func(n int) error {
			_, err := c.CreateInstance(t.Context(), &outboundbot.CreateInstanceRequest{InstanceName: fmt.Sprint("write-", n), MaxConcurrentConversation: 2})
			return err
		},
		Received: func() int { return srv.Received("CreateInstance") },
		Stored:   func() int { return len(srv.Instances()) },
	}.Run(t)
}

// TestValidationBeforeIO: bad input of every operation fails with every bad
// field listed, and nothing is sent.
func TestValidationBeforeIO(t *testing.T) {
	c, stub := answering(t, 200, []byte(`{}`))
	ctx := t.Context()
	tests := []struct {
		op     string
		call   func() error
		fields []string
	}{
		{"CreateInstance", func() error {
			_, err := c.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{NLUServiceType: "Robot", CallingNumber: []string{"1", ""}})
			return err
		}, []string{"InstanceName", "MaxConcurrentConversation", "NLUServiceType", "CallingNumber[1]"}},
		{"CreateInstance", func() error { _, err := c.CreateInstance(ctx, nil); return err }, []string{"InstanceName", "MaxConcurrentConversation"}},
		{"DescribeInstance", func() error { _, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{}); return err }, []string{"InstanceID"}},
		{"ListInstances", func() error {
			_, err := c.ListInstances(ctx, &outboundbot.ListInstancesRequest{PageNumber: -1, PageSize: 101, Tags: []outboundbot.Tag{{Value: "v"}}})
			return err
		}, []string{"Tags[0].Key", "PageNumber", "PageSize"}},
		{"ModifyInstance", func() error {
			_, err := c.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{MaxConcurrentConversation: -1})
			return err
		}, []string{"InstanceID", "MaxConcurrentConversation"}},
		{"DeleteInstance", func() error { _, err := c.DeleteInstance(ctx, nil); return err }, []string{"InstanceID"}},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			assert.Equal(t, tt.fields, testutil.ValidationFields(t, tt.call(), tt.op))
		})
	}
	for _, err := range c.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: 500}) {
		var ve *outboundbot.ValidationError
		assert.ErrorAs(t, err, &ve, "the iterator validates before fetching")
	}
	assert.Empty(t, stub.Reqs, "no request was sent")
}

// TestErrorCodes: every documented code maps to its category, through the
// real decoding path.
func TestErrorCodes(t *testing.T) {
	for code, want := range map[string]error{
		outboundbot.CodeInstanceNameDuplicated:              outboundbot.ErrConflict,
		outboundbot.CodeConcurrentConversationLimitExceeded: outboundbot.ErrQuotaExceeded,
		outboundbot.CodeInstanceNotFound:                    outboundbot.ErrNotFound,
		outboundbot.CodeInvalidParameter:                    outboundbot.ErrInvalidParameter,
		outboundbot.CodeMissingParameter:                    outboundbot.ErrInvalidParameter,
		outboundbot.CodeInternalError:                       outboundbot.ErrServer,
	} {
		t.Run(code, func(t *testing.T) {
			c, _ := answering(t, 400, []byte(`{"RequestId":"R","Code":"`+code+`","Message":"m"}`))
			_, err := c.DescribeInstance(t.Context(), &outboundbot.DescribeInstanceRequest{InstanceID: "i"},
				func(o *outboundbot.Options) { o.Retry.MaxAttempts = 1 })
			assert.ErrorIs(t, err, want)
			var apiErr *outboundbot.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, code, apiErr.Code)
			assert.Equal(t, "R", apiErr.RequestID)
		})
	}
}

// TestTransportFailure: a service that cannot be reached surfaces as an
// OperationError wrapping the network error, for every operation.
func TestTransportFailure(t *testing.T) {
	srv := outboundbottest.NewServer()
	c, err := srv.Client(func(o *outboundbot.Options) { o.Retry.BaseDelay = time.Millisecond })
	require.NoError(t, err)
	srv.Close()
	ctx := t.Context()
	for op, call := range map[string]func() error{
		"CreateInstance": func() error {
			_, err := c.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: "n", MaxConcurrentConversation: 1})
			return err
		},
		"DescribeInstance": func() error {
			_, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: "i"})
			return err
		},
		"ListInstances": func() error { _, err := c.ListInstances(ctx, nil); return err },
		"ModifyInstance": func() error {
			_, err := c.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{InstanceID: "i", MaxConcurrentConversation: 1})
			return err
		},
		"DeleteInstance": func() error {
			_, err := c.DeleteInstance(ctx, &outboundbot.DeleteInstanceRequest{InstanceID: "i"})
			return err
		},
	} {
		testutil.Unreachable(t, call(), "outboundbot", op, 3)
	}
}

func TestNewValidatesOptions(t *testing.T) {
	_, err := outboundbot.New(outboundbot.Options{Endpoint: "ftp://x", SignatureVersion: 9, Timeout: -1})
	require.Error(t, err)
	for _, want := range []string{"Endpoint", "SignatureVersion", "Timeout"} {
		assert.Contains(t, err.Error(), want)
	}
	c, err := outboundbot.New(outboundbot.Options{})
	require.NoError(t, err)
	o := c.Options()
	assert.Equal(t, "cn-shanghai", o.Region)
	assert.NotNil(t, o.Credential, "the default credential chain")
	assert.NotNil(t, o.HTTPClient)
}

// TestRequestsEncodeAsQuerystring: the encoding plans send exactly what
// go-querystring sends, for every request type.
func TestRequestsEncodeAsQuerystring(t *testing.T) {
	testutil.SameParams(t, outboundbot.CreateInstanceRequest{}, outboundbot.DescribeInstanceRequest{},
		outboundbot.ListInstancesRequest{}, outboundbot.ModifyInstanceRequest{}, outboundbot.DeleteInstanceRequest{})
}
