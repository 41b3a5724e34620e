package ccctest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestSkillGroupsWorkflow: create → get → list (paged, searched) → modify
// → members added, listed, levelled, removed → delete → get is refused.
func TestSkillGroupsWorkflow(t *testing.T) { skillGroupsWorkflow(t, newHarness(t)) }

func skillGroupsWorkflow(t *testing.T, h *harness) {
	created := h.call("CreateSkillGroup", testutil.RawParams{"Name": "sales", "DisplayName": "销售", "Description": "售前"})
	id := str(created, "Data", "SkillGroupId")
	assert.Equal(t, "sales@ccc-test", id)
	assert.Equal(t, "VOICE", str(created, "Data", "MediaType"))
	h.call("CreateSkillGroup", testutil.RawParams{"Name": "support", "DisplayName": "售后", "MediaType": "CHAT"})

	got := h.call("GetSkillGroup", testutil.RawParams{"SkillGroupId": id})
	assert.Equal(t, "销售", str(got, "Data", "DisplayName"))
	page := h.call("ListSkillGroups", testutil.RawParams{"PageNumber": "2", "PageSize": "2"})
	assert.Equal(t, 3, num(page, "Data", "TotalCount"), "the example's group and two new ones")
	assert.Equal(t, []string{"support@ccc-test"}, ids(list(page, "Data", "List"), "SkillGroupId"))
	chat := h.call("ListSkillGroups", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "MediaType": "CHAT"})
	assert.Equal(t, 1, num(chat, "Data", "TotalCount"))

	h.call("ModifySkillGroup", testutil.RawParams{"SkillGroupId": id, "DisplayName": "大客户"})
	got = h.call("GetSkillGroup", testutil.RawParams{"SkillGroupId": id})
	assert.Equal(t, "大客户", str(got, "Data", "DisplayName"))
	assert.Equal(t, "售前", str(got, "Data", "Description"), "parameters not sent keep their value")

	a1, a2 := h.newUser("agent1", ""), h.newUser("agent2", "")
	h.call("AddUsersToSkillGroup", testutil.RawParams{"SkillGroupId": id,
		"UserSkillLevelList": `[{"userId":"agent1@ccc-test","skillLevel":10},{"userId":"agent2@ccc-test","skillLevel":2}]`})
	in := h.call("ListUserLevelsOfSkillGroup", testutil.RawParams{"SkillGroupId": id, "IsMember": "true", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, []string{a1, a2}, ids(list(in, "Data", "List"), "UserId"))
	out := h.call("ListUserLevelsOfSkillGroup", testutil.RawParams{"SkillGroupId": id, "IsMember": "false", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, []string{admin}, ids(list(out, "Data", "List"), "UserId"))

	h.call("ModifyUserLevelsOfSkillGroup", testutil.RawParams{"SkillGroupId": id, "UserLevelList": `[{"userId":"agent2@ccc-test","skillLevel":7}]`})
	levels := h.call("ListSkillLevelsOfUser", testutil.RawParams{"UserId": a2, "PageNumber": "1", "PageSize": "10"})
	require.Len(t, list(levels, "Data", "List"), 1)
	assert.Equal(t, "7", str(list(levels, "Data", "List")[0], "SkillLevel"), "a level is text here, as the facts type it")
	counted := h.call("ListSkillGroups", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "SearchPattern": "sales"})
	assert.Equal(t, 2, num(list(counted, "Data", "List")[0], "UserCount"))

	h.call("RemoveUsersFromSkillGroup", testutil.RawParams{"SkillGroupId": id, "UserIdList": `["agent1@ccc-test"]`})
	in = h.call("ListUserLevelsOfSkillGroup", testutil.RawParams{"SkillGroupId": id, "IsMember": "true", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, []string{a2}, ids(list(in, "Data", "List"), "UserId"))

	h.call("DeleteSkillGroup", testutil.RawParams{"SkillGroupId": id})
	gone := h.Refuse("GetSkillGroup", testutil.RawParams{"SkillGroupId": id})
	assert.Equal(t, "NotExists.SkillGroupId", gone.Code)
	assert.Equal(t, 404, gone.HTTPStatus)
	levels = h.call("ListSkillLevelsOfUser", testutil.RawParams{"UserId": a2, "PageNumber": "1", "PageSize": "10"})
	assert.Empty(t, list(levels, "Data", "List"), "deleting a group ends its memberships")
	assert.Equal(t, 409, h.Refuse("CreateSkillGroup", testutil.RawParams{"Name": "support", "DisplayName": "x"}).HTTPStatus)
}
