package ccc

import (
	"encoding/json"
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

func checkAllWires(t *testing.T, body []byte) {
	testutil.SameDecode(t, body, decodeGetInstance, jsonReference)
	testutil.SameDecode(t, body, decodeCreateInstance, jsonReference)
	testutil.SameDecode(t, body, decodeModifyInstance, jsonReference)
	testutil.SameDecode(t, body, decodeListInstances, jsonReference)
	testutil.SameDecode(t, body, decodeListInstancesOfUser, jsonReference)
}

var wireSeeds = []string{
	`{"RequestId":"R","Data":{"Id":"ccc-test","AliyunUid":1234567890123,"CreateTime":"1578469042851","AdminList":[{"UserId":"u@ccc-test"}],"NumberList":[{"Number":"0571","Active":"true","SkillGroups":[{"SkillGroupId":"g","PhoneNumberCount":"2","UserCount":3}]},null,{"SkillGroups":[]}],"ChatbotBusinessUnit":{"UnitId":"42","UnitKey":"k"}}}`,
	`{"RequestId":"R","Data":{"PageNumber":"1","PageSize":100,"TotalCount":"2","List":[{"Id":"a","CreateTime":1578469042851,"NumberList":[{"Number":"1"}]},{}]}}`,
	`{"RequestId":"R","Data":{"List":[],"TotalCount":null}}`,
	`{"RequestId":"R","Data":"workflow-1"}`,
	`{"RequestId":"R","Data":null}`,
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

// jsonReference decodes with the public types' UnmarshalJSON.
func jsonReference(b []byte, out any) error { return json.Unmarshal(b, out) }
