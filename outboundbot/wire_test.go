package outboundbot

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// sameDecode checks that a body decodes into the envelope and the public
// type (by its own UnmarshalJSON) exactly as into its wire mirror and
// converter.
func sameDecode[W, Out any](t *testing.T, body []byte, convert func(*W) *Out) {
	t.Helper()
	var env struct {
		RequestID      string          `json:"RequestId"`
		HostID         string          `json:"HostId"`
		Message        string          `json:"Message"`
		Recommend      string          `json:"Recommend"`
		Code           json.RawMessage `json:"Code"`
		Success        json.RawMessage `json:"Success"`
		HTTPStatusCode json.RawMessage `json:"HttpStatusCode"`
	}
	var want Out
	werr := json.Unmarshal(body, &env)
	if werr == nil {
		werr = json.Unmarshal(body, &want)
	}
	var w W
	gerr := json.Unmarshal(body, &w)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("public type: %v, wire mirror: %v\n%s", werr, gerr, body)
	}
	if werr != nil {
		return
	}
	if got := convert(&w); !reflect.DeepEqual(*got, want) {
		t.Fatalf("wire mirror decodes\n%+v\npublic type decodes\n%+v", *got, want)
	}
}

func checkAllWires(t *testing.T, body []byte) {
	sameDecode(t, body, describeInstanceFromWire)
	sameDecode(t, body, createInstanceFromWire)
	sameDecode(t, body, modifyInstanceFromWire)
	sameDecode(t, body, deleteInstanceFromWire)
	sameDecode(t, body, listInstancesFromWire)
}

var wireSeeds = []string{
	`{"RequestId":"R","Instance":{"InstanceId":"i","MaxConcurrentConversation":"4","CreationTime":"1578469042851","CreatorId":"7","IsPreset":"true","ResourceTags":[{"Key":"k","Value":"v"}]}}`,
	`{"RequestId":"R","Instances":[{"InstanceId":"a","CreationTime":0,"IsPreset":true},null,{}],"TotalCount":"3","PageNumber":1,"PageSize":"4.0"}`,
	`{"RequestId":"R","Instances":[],"TotalCount":null}`,
	`{"requestid":"R","instance":{"instanceid":"x","creatorid":1e3}}`,
	`{"RequestId":"R","Instance":null,"Instances":null}`,
	`{"RequestId":"R","Instance":{"MaxConcurrentConversation":4.5}}`,
	`{"RequestId":"R","Instance":{"IsPreset":"yes"}}`,
	`{"RequestId":"R","Instance":[1]}`,
	`{"RequestId":"R","Instances":[{"CreationTime":"\u0031"}],"PageSize":{}}`,
	`{"RequestId":5}`,
}

func wireBodies(t testing.TB) [][]byte {
	var bodies [][]byte
	for _, s := range wireSeeds {
		bodies = append(bodies, []byte(s))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "response.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	return bodies
}

func TestWireMirrorsMatchPublicTypes(t *testing.T) {
	for _, b := range wireBodies(t) {
		checkAllWires(t, b)
	}
}

func FuzzWireMirrorsMatchPublicTypes(f *testing.F) {
	for _, b := range wireBodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkAllWires(t, body) })
}

// TestNoUnmarshalerOnWire: a mirror with an UnmarshalJSON would scan its
// bytes again, which is what the mirrors are for avoiding.
func TestNoUnmarshalerOnWire(t *testing.T) {
	u := reflect.TypeFor[json.Unmarshaler]()
	for _, typ := range []reflect.Type{reflect.TypeFor[instanceWire](), reflect.TypeFor[instanceAnswerWire](),
		reflect.TypeFor[requestWire](), reflect.TypeFor[listInstancesWire]()} {
		if reflect.PointerTo(typ).Implements(u) {
			t.Errorf("%v implements json.Unmarshaler", typ)
		}
	}
}
