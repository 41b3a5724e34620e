package ccctest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestNumbersWorkflow: import → add → list (paged, filtered) → modify →
// into a skill group and out → remove → modify is refused; GetInstance
// shows the instance's numbers as they are.
func TestNumbersWorkflow(t *testing.T) { numbersWorkflow(t, newHarness(t)) }

func numbersWorkflow(t *testing.T, h *harness) {
	h.call("ImportCorpNumbers", testutil.RawParams{"NumberList": `["02912345678","02912345679"]`, "Provider": "corp-carrier",
		"City": "西安", "Province": "陕西", "TagList": "M1"})
	added := h.call("AddPhoneNumbers", testutil.RawParams{"NumberList": `["02912345678","02912345679","01012340000"]`, "Usage": "Inbound"})
	assert.Equal(t, []any{"02912345678", "02912345679", "01012340000"}, list(added, "Data"))

	page := h.call("ListPhoneNumbers", testutil.RawParams{"PageNumber": "1", "PageSize": "2"})
	assert.Equal(t, 4, num(page, "Data", "TotalCount"), "the example's number and three new ones")
	xian := h.call("ListPhoneNumbers", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "SearchPattern": "029"})
	require.Len(t, list(xian, "Data", "List"), 2)
	first := list(xian, "Data", "List")[0]
	assert.Equal(t, "corp-carrier", str(first, "Provider"), "what ImportCorpNumbers recorded")
	assert.Equal(t, "西安", str(first, "City"))
	assert.NotEmpty(t, str(first, "CreateTime"))
	inbound := h.call("ListPhoneNumbers", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "Usage": "Inbound"})
	assert.Equal(t, 3, num(inbound, "Data", "TotalCount"))

	h.call("ModifyPhoneNumber", testutil.RawParams{"Number": "01012340000", "Usage": "Outbound", "ContactFlowId": "flow-1"})
	outbound := h.call("ListPhoneNumbers", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "Usage": "Outbound"})
	assert.Equal(t, []string{"01012340000"}, ids(list(outbound, "Data", "List"), "Number"))
	assert.Equal(t, "flow-1", str(list(outbound, "Data", "List")[0], "ContactFlowId"))

	h.call("CreateSkillGroup", testutil.RawParams{"Name": "sales", "DisplayName": "销售"})
	h.call("AddNumbersToSkillGroup", testutil.RawParams{"SkillGroupId": "sales@ccc-test", "NumberList": `["02912345678"]`})
	in := h.call("ListPhoneNumbersOfSkillGroup", testutil.RawParams{"SkillGroupId": "sales@ccc-test", "IsMember": "true", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, []string{"02912345678"}, ids(list(in, "Data", "List"), "Number"))
	others := h.call("ListPhoneNumbersOfSkillGroup", testutil.RawParams{"SkillGroupId": "sales@ccc-test", "IsMember": "false", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 3, num(others, "Data", "TotalCount"))
	inst := h.call("GetInstance", testutil.RawParams{})
	assert.Len(t, list(inst, "Data", "NumberList"), 4)

	h.call("RemovePhoneNumbersFromSkillGroup", testutil.RawParams{"SkillGroupId": "sales@ccc-test", "NumberList": `["02912345678"]`})
	in = h.call("ListPhoneNumbersOfSkillGroup", testutil.RawParams{"SkillGroupId": "sales@ccc-test", "IsMember": "true", "PageNumber": "1", "PageSize": "10"})
	assert.Empty(t, list(in, "Data", "List"))

	removed := h.call("RemovePhoneNumbers", testutil.RawParams{"NumberList": `["01012340000"]`})
	assert.Equal(t, []any{"01012340000"}, list(removed, "Data"))
	gone := h.Refuse("ModifyPhoneNumber", testutil.RawParams{"Number": "01012340000", "Usage": "Inbound"})
	assert.Equal(t, "NotExists.Number", gone.Code)
	inst = h.call("GetInstance", testutil.RawParams{})
	assert.Len(t, list(inst, "Data", "NumberList"), 3)

	// A number this instance uses is not another's to add.
	h.call("CreateInstance", testutil.RawParams{"Name": "second", "DomainName": "second", "AdminRamIdList": `["1"]`})
	h.call("GetInstance", testutil.RawParams{"InstanceId": "second"})
	taken := h.Refuse("AddPhoneNumbers", testutil.RawParams{"InstanceId": "second", "NumberList": `["02912345678"]`, "Usage": "Inbound"})
	assert.Equal(t, "NotExists.Number", taken.Code)
	assert.Equal(t, "Parameter.Enumeration", h.Refuse("AddPhoneNumbers", testutil.RawParams{"NumberList": `["1"]`, "Usage": "Sideways"}).Code)
}
