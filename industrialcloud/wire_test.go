package industrialcloud

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// The generated one-pass decoders are checked against the model's
// reference decoder (encoding/json and the wire types, driven by the model
// at run time, times read by parseTime) on every documented answer, the
// seeds below, and by fuzzing.

func checkAllWires(t testing.TB, body []byte) {
	m := testModel(t)
	funcs := map[string]func(field, text string) (time.Time, error){"parseTime": parseTime}
	testutil.SameTC3Decode(t, body, decodeDescribeInstance, m.Reference("DescribeInstance", funcs))
	testutil.SameTC3Decode(t, body, decodeDescribeInstances, m.Reference("DescribeInstances", funcs))
	testutil.SameTC3Decode(t, body, decodeModifyInstanceName, m.Reference("ModifyInstanceName", funcs))
}

func testModel(t testing.TB) *apigen.Model {
	m, err := apigen.Load("../api/industrialcloud/2019-12-26.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// wireSeeds cover every lenient spelling, every time format, both places
// of CustomSpecItems, and the answers the one pass must refuse.
var wireSeeds = []string{
	// Numbers and booleans as strings, and the other way round.
	`{"Response":{"RequestId":"R","Data":{"Instance":{"ID":10231,"Appid":"1300012345","Bid":"1e3","LastOrderID":2024030110000012345,"BuyerUserID":true,"BuyerCorpID":"7","IsTrial":"TRUE","Renewable":"false","CanRefund":"","HasRefunding":null,"CanCancelRefund":true,"Upgradable":"1","IsConfirm":"t","CanConvert":"F","InstanceExpireTimeUnix":"1740794400"}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"Appid":"4.0","Bid":4.5}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"IsTrial":"yes"}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"ID":{}}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"UUID":5}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"Status":null,"UUID":null,"ID":null,"Appid":null}}}}`,
	// Every time format, and the fallback to InstanceExpireTimeUnix.
	`{"Response":{"RequestId":"R","Data":{"Instance":{"InstanceCreateTime":"2024-03-01T10:00:00+08:00","InstanceExpireTime":"2025-03-01 10:00:00","CreatedAt":"2024-03-01","UpdatedAt":"1709258400"}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"InstanceCreateTime":1709258400000,"InstanceExpireTime":"0000-00-00 00:00:00","InstanceExpireTimeUnix":1740794400,"CreatedAt":"","UpdatedAt":null}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"InstanceExpireTimeUnix":1740794400,"InstanceExpireTime":"0","CreatedAt":"2024-03-01T10:00:00.5","UpdatedAt":" 0000-00-00 "}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"InstanceExpireTime":"2025-03-01 10:00:00","InstanceExpireTimeUnix":1}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"InstanceExpireTimeUnix":-5,"CreatedAt":"0001-01-01T00:00:00Z"}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"CreatedAt":"yesterday"}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"UpdatedAt":"-1"}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"InstanceExpireTime":true}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instances":[{"CreatedAt":"2024-03-01"},{"CreatedAt":"bad"}],"TotalCount":2}}}`,
	// CustomSpecItems in both places, and categories.
	`{"Response":{"RequestId":"R","Data":{"Instance":{"CustomSpecItems":[{"ID":"501","Value":50,"Name":"用户数","NameEn":"users","Unit":"个"}]},"CustomSpecItems":[{"ID":1}]}}}`,
	`{"Response":{"RequestId":"R","Data":{"CustomSpecItems":[{"ID":502.0,"Value":true,"InstanceUUID":"u","Type":"number","CustomUuid":"c","UnitType":"count"},null],"Instance":{"CustomSpecItems":[]}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"CustomSpecItems":null},"CustomSpecItems":[]}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{"CustomSpecItems":[{"ID":"x"}]}}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instances":[{"Categories":[{"CategoryName":"MES","CategoryUuid":"c","IsHidden":"true"},null,{}]},null,{}],"TotalCount":"3"}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instances":[{"Categories":[{"IsHidden":"no"}]}]}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instances":[],"TotalCount":null}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instances":null,"TotalCount":1.5}}}`,
	// Keys in another case.
	`{"response":{"requestid":"R","data":{"instance":{"uuid":"u","appid":"1","ssourl":"s","isvuin":"i","specuuid":"p"},"customspecitems":[{"id":1}]}}}`,
	// Null and missing parts.
	`{"Response":{"RequestId":"R","Data":null}}`,
	`{"Response":{"RequestId":"R","Data":{}}}`,
	`{"Response":{"RequestId":"R","Data":{"Instance":null}}}`,
	`{"Response":{"RequestId":"R","Data":[]}}`,
	`{"Response":{"RequestId":"R"}}`,
	`{"Response":{"Data":{"Instance":{}}}}`,
	`{"Response":{"RequestId":"","Data":{"Instance":{}}}}`,
	`{"Response":{"RequestId":5,"Data":{"Instance":{}}}}`,
	`{"Response":null}`,
	`{"Response":"x"}`,
	`{}`,
	`[]`,
	`{"Response":{"RequestId":"R","Data":{"Instance":{}}}} x`,
	// Errors and business codes.
	`{"Response":{"Error":{"Code":"ResourceNotFound","Message":"no such instance"},"RequestId":"R","Data":{"Instance":{}}}}`,
	`{"Response":{"Error":{},"RequestId":"R","Data":{"Instance":{}}}}`,
	`{"Response":{"Error":null,"RequestId":"R","Data":{"Instance":{}}}}`,
	`{"Response":{"Error":"x","RequestId":"R","Data":{"Instance":{}}}}`,
	`{"Response":{"Error":{"Code":5},"RequestId":"R"}}`,
	`{"Response":{"Code":40001,"Msg":"名称过长","RequestId":"R"}}`,
	`{"Response":{"Code":"0","Msg":"success","RequestId":"R","Data":{"Instance":{}}}}`,
	`{"Response":{"Code":null,"Msg":null,"RequestId":"R","Data":{"Instances":[]}}}`,
	`{"Response":{"Code":"OK","RequestId":"R"}}`,
	`{"Response":{"Code":{"a":1},"RequestId":"R"}}`,
	`{"Response":{"Code":0,"Msg":5,"RequestId":"R"}}`,
	// The legacy fields beside Response.
	`{"code":4000,"message":"legacy","codeDesc":"InvalidParameter"}`,
	`{"Response":{"RequestId":"R"},"code":4000,"message":"legacy","codeDesc":"InvalidParameter"}`,
	`{"Response":{"RequestId":"R"},"message":5}`,
	`{"Response":{"RequestId":"R"},"codeDesc":[],"other":{"x":[1,2]}}`,
}

func TestOnePassMatchesModel(t *testing.T) {
	for _, b := range testutil.AnswerBodies(t, wireSeeds) {
		checkAllWires(t, b)
	}
}

func FuzzOnePassMatchesModel(f *testing.F) {
	for _, b := range testutil.AnswerBodies(f, wireSeeds) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkAllWires(t, body) })
}

// answerWith is an HTTP client that answers 200 with body.
type answerWith []byte

func (a answerWith) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(string(a)))}, nil
}

// TestClientTakesOnePass: through the client, a documented answer is the
// response the one-pass decode function returned, not one encoding/json
// filled after a silent fallback.
func TestClientTakesOnePass(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "DescribeInstance", "response-specs-in-data.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Options{Endpoint: "http://127.0.0.1:1", Token: "t", HTTPClient: answerWith(body)})
	if err != nil {
		t.Fatal(err)
	}
	var onePass *DescribeInstanceResponse
	decode := func(d *wire.Decoder, env *tc3api.Envelope) *DescribeInstanceResponse {
		onePass = decodeDescribeInstance(d, env)
		return onePass
	}
	req := &DescribeInstanceRequest{InstanceUUID: "u"}
	resp, err := invoke(context.Background(), c, "DescribeInstance", true, req, func(string) any { return req }, nil, decode)
	if err != nil {
		t.Fatal(err)
	}
	if resp != onePass || len(resp.Instance.CustomSpecItems) != 2 {
		t.Fatalf("the response (%p) is not the one pass's (%p)", resp, onePass)
	}
}

// BenchmarkDecodeDescribeInstance compares decoding the documented
// DescribeInstance answer the encoding/json way (the top object, the
// envelope, then the public type) with the one pass.
func BenchmarkDecodeDescribeInstance(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "DescribeInstance", "response-specs-in-data.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var top struct{ Response json.RawMessage }
			var in struct {
				RequestID string `json:"RequestId"`
				Error     *struct{ Code, Message string }
				Code      json.RawMessage
				Msg       string
			}
			var out DescribeInstanceResponse
			if json.Unmarshal(body, &top) != nil || json.Unmarshal(top.Response, &in) != nil || json.Unmarshal(top.Response, &out) != nil {
				b.Fatal("decode failed")
			}
		}
	})
	b.Run("onepass", func(b *testing.B) {
		b.ReportAllocs()
		var d wire.Decoder
		var env tc3api.Envelope
		for b.Loop() {
			if _, err := tc3api.ReadAnswer(context.Background(), &d, body, &env, decodeDescribeInstance); err != nil {
				b.Fatal("decode failed")
			}
		}
	})
}
