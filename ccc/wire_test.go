package ccc

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
	testutil.SameDecode(t, body, decodeGetInstance, m.Reference("GetInstance", nil))
	testutil.SameDecode(t, body, decodeCreateInstance, m.Reference("CreateInstance", nil))
	testutil.SameDecode(t, body, decodeModifyInstance, m.Reference("ModifyInstance", nil))
	testutil.SameDecode(t, body, decodeDeleteInstance, m.Reference("DeleteInstance", nil))
	testutil.SameDecode(t, body, decodeListInstances, m.Reference("ListInstances", nil))
	testutil.SameDecode(t, body, decodeListInstancesOfUser, m.Reference("ListInstancesOfUser", nil))
}

func testModel(t testing.TB) *apigen.Model {
	m, err := apigen.Load("../api/ccc/2020-07-01.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var wireSeeds = []string{
	`{"RequestId":"R","Data":{"Id":"ccc-test","AliyunUid":1234567890123,"CreateTime":"1578469042851","AdminList":[{"UserId":"u@ccc-test"}],"NumberList":[{"Number":"0571","Active":"true","SkillGroups":[{"SkillGroupId":"g","PhoneNumberCount":"2","UserCount":3}]},null,{"SkillGroups":[]}],"ChatbotBusinessUnit":{"UnitId":"42","UnitKey":"k"}}}`,
	`{"RequestId":"R","Data":{"PageNumber":"1","PageSize":100,"TotalCount":"2","List":[{"Id":"a","CreateTime":1578469042851,"NumberList":[{"Number":"1"}]},{}]}}`,
	`{"RequestId":"R","Data":{"List":[],"TotalCount":null}}`,
	`{"RequestId":"R","Data":"workflow-1"}`,
	`{"RequestId":"R","Data":null}`,
	`{"RequestId":"R","Data":"task-1","Params":["a",null,"\u0062"]}`,
	`{"RequestId":"R","Data":"task-1","Params":[]}`,
	`{"RequestId":"R","Data":"task-1","Params":null}`,
	`{"RequestId":"R","Data":"task-1","Params":"无"}`,
	`{"RequestId":"R","Data":"task-1","params":[1]}`,
	`{"requestid":"R","data":{"aliyunuid":true,"numberlist":[{"active":false}]}}`,
	`{"RequestId":"R","Data":{"NumberList":[{"Active":"yes"}]}}`,
	`{"RequestId":"R","Data":{"NumberList":[{"SkillGroups":[{"UserCount":1.5}]}]}}`,
	`{"RequestId":"R","Data":{"ChatbotBusinessUnit":null,"AliyunUid":{}}}`,
	`{"RequestId":"R","Data":{"List":[{"CreateTime":"\u0031"}],"PageSize":"x"}}`,
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
