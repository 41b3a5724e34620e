package bench

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"reflect"
	"testing"

	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	v1ob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"

	"github.com/typedcloud/sdk-go/outboundbot"
)

// sdkEnvelope and sdkTwoPassDecode replicate what the SDK did with a 2xx
// answer body before the single-pass decode (internal/rpc/envelope.go,
// Client.decode, as of f8c2186): trim, unmarshal the envelope, read Success
// and Code (a quoted Code is unmarshalled once more by rawText), require a
// RequestId, then unmarshal the whole body again into the operation's
// response. It is the "sdk-two-pass" row, kept for comparison.
type sdkEnvelope struct {
	RequestID      string          `json:"RequestId" xml:"RequestId"`
	HostID         string          `json:"HostId" xml:"HostId"`
	Code           json.RawMessage `json:"Code" xml:"-"`
	Message        string          `json:"Message" xml:"Message"`
	Recommend      string          `json:"Recommend" xml:"Recommend"`
	Success        json.RawMessage `json:"Success" xml:"-"`
	HTTPStatusCode json.RawMessage `json:"HttpStatusCode" xml:"-"`

	XMLCode string `json:"-" xml:"Code"`
}

func sdkRawText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	return string(raw)
}

func (e *sdkEnvelope) failed() bool {
	if s := sdkRawText(e.Success); s == "false" {
		return true
	}
	code := e.XMLCode
	if code == "" {
		code = sdkRawText(e.Code)
	}
	switch code {
	case "", "OK", "ok", "Success", "200":
		return false
	}
	return true
}

func sdkTwoPassDecode(raw []byte, out any) error {
	var env sdkEnvelope
	body := bytes.TrimSpace(raw)
	switch {
	case len(body) == 0:
		return errors.New("empty body")
	case body[0] == '<':
		if err := xml.Unmarshal(body, &env); err != nil {
			return err
		}
	default:
		if err := json.Unmarshal(body, &env); err != nil {
			return err
		}
	}
	if env.failed() || body[0] != '{' || env.RequestID == "" {
		return errors.New("not a success")
	}
	return json.Unmarshal(body, out)
}

// listPage is the 100-instance ListInstances page the decode benchmarks
// read (page 1 of 100).
func listPage() []byte { return AppendListPage(nil, 1, 100, 100) }

// decoders are the decode paths of a 100-instance page.
var decoders = []struct {
	name   string
	decode func(page []byte) (int, error) // instances decoded
}{
	// The reference: encoding/json into plain structs typed as the
	// documented answer sends the fields.
	{"json-plain", func(page []byte) (int, error) {
		var out FloorListInstances
		err := json.Unmarshal(page, &out)
		if err == nil {
			err = out.check("ListInstances")
		}
		return len(out.Instances), err
	}},
	// The SDK's payload pass alone: json.Unmarshal into its response type
	// (lenient numbers, epoch-millisecond times, per-instance UnmarshalJSON).
	{"sdk-payload", func(page []byte) (int, error) {
		var out outboundbot.ListInstancesResponse
		err := json.Unmarshal(page, &out)
		return len(out.Instances), err
	}},
	// What the SDK does with a 2xx body (sdkDecode, sdk_decode_test.go):
	// one pass into the wire mirror, envelope included, then the converter.
	{"sdk", func(page []byte) (int, error) {
		out, err := sdkDecode(page)
		if err != nil {
			return 0, err
		}
		return len(out.Instances), err
	}},
	// What the SDK did before: envelope pass + payload pass.
	{"sdk-two-pass", func(page []byte) (int, error) {
		var out outboundbot.ListInstancesResponse
		err := sdkTwoPassDecode(page, &out)
		return len(out.Instances), err
	}},
	// A prototype of the fix (proto_test.go): one pass into a mirror with
	// allocation-free lenient scalars, copied into the SDK's public types.
	{"proto-single-pass", func(page []byte) (int, error) {
		var out outboundbot.ListInstancesResponse
		err := protoDecode(page, &out)
		return len(out.Instances), err
	}},
	// v1: responses.Unmarshal (reads the body, jsoniter with fuzzy decoders)
	// into the typed v1 response.
	{"v1", func(page []byte) (int, error) {
		out := v1ob.CreateListInstancesResponse()
		hr := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(page))}
		err := responses.Unmarshal(out, hr, "JSON")
		return len(out.Instances), err
	}},
	// v2: what DoRPCRequest does with a JSON body (dara.ReadAsJSON into
	// map[string]any, then dara.Convert of the result map). A generated
	// module would convert once more into its typed response.
	{"v2", func(page []byte) (int, error) {
		obj, err := dara.ReadAsJSON(bytes.NewReader(page))
		if err != nil {
			return 0, err
		}
		var res map[string]any
		err = dara.Convert(map[string]any{"body": dara.ToMap(obj), "headers": map[string]*string{}, "statusCode": 200}, &res)
		body, _ := res["body"].(map[string]any)
		list, _ := body["Instances"].([]any)
		return len(list), err
	}},
}

func TestDecoders(t *testing.T) {
	page := listPage()
	for _, d := range decoders {
		n, err := d.decode(page)
		if err != nil || n != 100 {
			t.Errorf("%s: %d instances, %v", d.name, n, err)
		}
	}
	// The prototype and the SDK's single pass decode exactly what the
	// two passes decoded.
	var want, got outboundbot.ListInstancesResponse
	if err := sdkTwoPassDecode(page, &want); err != nil {
		t.Fatal(err)
	}
	if err := protoDecode(page, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, got) {
		t.Errorf("prototype decode differs from the SDK's:\n%+v\n%+v", got.Instances[0], want.Instances[0])
	}
	sdk, err := sdkDecode(page)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, *sdk) {
		t.Errorf("single-pass decode differs from the two passes:\n%+v\n%+v", sdk.Instances[0], want.Instances[0])
	}
}

// BenchmarkDecodeListPage decodes one 100-instance ListInstances page.
func BenchmarkDecodeListPage(b *testing.B) {
	page := listPage()
	for _, d := range decoders {
		b.Run("impl="+d.name, func(b *testing.B) {
			if n, err := d.decode(page); err != nil || n != 100 {
				b.Fatalf("%d instances, %v", n, err)
			}
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.decode(page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
