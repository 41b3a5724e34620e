package outboundbot

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

func checkAllWires(t *testing.T, body []byte) {
	testutil.SameDecode(t, body, describeInstanceFromWire)
	testutil.SameDecode(t, body, createInstanceFromWire)
	testutil.SameDecode(t, body, modifyInstanceFromWire)
	testutil.SameDecode(t, body, deleteInstanceFromWire)
	testutil.SameDecode(t, body, listInstancesFromWire)
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
