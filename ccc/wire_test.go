package ccc

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

func checkAllWires(t *testing.T, body []byte) {
	testutil.SameDecode(t, body, decodeGetInstance)
	testutil.SameDecode(t, body, decodeCreateInstance)
	testutil.SameDecode(t, body, decodeModifyInstance)
	testutil.SameDecode(t, body, decodeDeleteInstance)
	testutil.SameDecode(t, body, decodeListInstances)
	testutil.SameDecode(t, body, decodeListInstancesOfUser)
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
