package outboundbot

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// The generated one-pass decoders are checked against the model's
// reference decoder (encoding/json and the wire types, driven by the model
// at run time) on every documented answer, the seeds below, and by fuzzing.

func checkAllWires(t *testing.T, body []byte) {
	m := testModel(t)
	testutil.SameDecode(t, body, decodeDescribeInstance, m.Reference("DescribeInstance", nil))
	testutil.SameDecode(t, body, decodeCreateInstance, m.Reference("CreateInstance", nil))
	testutil.SameDecode(t, body, decodeModifyInstance, m.Reference("ModifyInstance", nil))
	testutil.SameDecode(t, body, decodeDeleteInstance, m.Reference("DeleteInstance", nil))
	testutil.SameDecode(t, body, decodeListInstances, m.Reference("ListInstances", nil))
}

func testModel(t testing.TB) *apigen.Model {
	m, err := apigen.Load("../api/outboundbot/2019-12-26.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
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
