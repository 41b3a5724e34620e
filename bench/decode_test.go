package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	v1ob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"

	"github.com/typedcloud/sdk-go/outboundbot"
)

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
	// What the SDK does with the page: a whole ListInstances call over an
	// in-memory HTTPClient answering the page (sdkPageCall), so the row runs
	// the SDK's own decode (internal/rpc, outboundbot/wire.go), plus the
	// request building and signing of one call, under 1% of the row.
	{"sdk", sdkPageCall()},
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
	// The SDK's one pass decodes what encoding/json decodes into the plain
	// structs of the documented answer.
	var plain FloorListInstances
	if err := json.Unmarshal(page, &plain); err != nil {
		t.Fatal(err)
	}
	want := outboundbot.ListInstancesResponse{RequestID: plain.RequestId, TotalCount: plain.TotalCount,
		PageNumber: plain.PageNumber, PageSize: plain.PageSize}
	for _, in := range plain.Instances {
		var tags []outboundbot.Tag
		for _, t := range in.ResourceTags {
			tags = append(tags, outboundbot.Tag{Key: t.Key, Value: t.Value})
		}
		want.Instances = append(want.Instances, outboundbot.Instance{InstanceID: in.InstanceId, InstanceName: in.InstanceName,
			InstanceDescription: in.InstanceDescription, MaxConcurrentConversation: in.MaxConcurrentConversation,
			CreationTime: time.UnixMilli(in.CreationTime).UTC(), CreatorID: in.CreatorId, CreatorName: in.CreatorName,
			OwnerName: in.OwnerName, ResourceGroupID: in.ResourceGroupId, ResourceTags: tags, IsPreset: in.IsPreset})
	}
	got, err := sdkPageDecoder()(page)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, *got) {
		t.Errorf("the SDK's decode differs from encoding/json's:\n%+v\n%+v", got.Instances[0], want.Instances[0])
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

// sdkPageDecoder returns a function that decodes a page by one
// ListInstances call of an SDK client whose HTTPClient answers it from
// memory. The client is made once, as a user's is.
func sdkPageDecoder() func(page []byte) (*outboundbot.ListInstancesResponse, error) {
	ans := new(memoryAnswer)
	o, err := SDKOptions(&Server{URL: "http://127.0.0.1:1"}, nil)
	var c *outboundbot.Client
	if err == nil {
		o.HTTPClient = ans
		c, err = outboundbot.New(o)
	}
	return func(page []byte) (*outboundbot.ListInstancesResponse, error) {
		if err != nil {
			return nil, err
		}
		ans.body = page
		return c.ListInstances(context.Background(), &outboundbot.ListInstancesRequest{PageSize: 100})
	}
}

func sdkPageCall() func(page []byte) (int, error) {
	decode := sdkPageDecoder()
	return func(page []byte) (int, error) {
		out, err := decode(page)
		if err != nil {
			return 0, err
		}
		return len(out.Instances), nil
	}
}

// memoryAnswer is an HTTPClient answering every request with 200 and body.
type memoryAnswer struct{ body []byte }

func (m *memoryAnswer) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, ContentLength: int64(len(m.body)),
		Body: io.NopCloser(bytes.NewReader(m.body))}, nil
}
