package outboundbot

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

func checkAllWires(t *testing.T, body []byte) {
	testutil.SameDecode(t, body, decodeDescribeInstance)
	testutil.SameDecode(t, body, decodeCreateInstance)
	testutil.SameDecode(t, body, decodeModifyInstance)
	testutil.SameDecode(t, body, decodeDeleteInstance)
	testutil.SameDecode(t, body, decodeListInstances)
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

func TestOnePassMatchesPublicTypes(t *testing.T) {
	for _, b := range testutil.AnswerBodies(t, wireSeeds) {
		checkAllWires(t, b)
	}
}

func FuzzOnePassMatchesPublicTypes(f *testing.F) {
	for _, b := range testutil.AnswerBodies(f, wireSeeds) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkAllWires(t, body) })
}
