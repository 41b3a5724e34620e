package ccctest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

const admin = "user-test@ccc-test" // the example instance's administrator

// newUser creates agent login in the example instance and returns its ID.
func (h *harness) newUser(login string, levels string) string {
	h.T.Helper()
	p := testutil.RawParams{"LoginName": login, "DisplayName": "坐席 " + login, "Email": login + "@example.com",
		"RoleId": "Agent@ccc-test", "Mobile": "1382114****", "DisplayId": "1001"}
	if levels != "" {
		p["SkillLevelList"] = levels
	}
	out := h.call("CreateUser", p)
	require.Equal(h.T, login+"@ccc-test", str(out, "Data", "UserId"))
	return str(out, "Data", "UserId")
}

// TestUsersWorkflow: create → get (by ID and by extension) → list (paged,
// searched, by skill group) → modify → reset password → assign RAM users
// → remove → get is refused.
func TestUsersWorkflow(t *testing.T) { usersWorkflow(t, newHarness(t)) }

func usersWorkflow(t *testing.T, h *harness) {
	h.call("CreateSkillGroup", testutil.RawParams{"Name": "sales", "DisplayName": "销售"})
	id := h.newUser("agent1", `[{"skillGroupId":"sales@ccc-test","skillLevel":5}]`)
	h.newUser("agent2", "")
	h.newUser("agent3", "")

	got := h.call("GetUser", testutil.RawParams{"UserId": id})
	assert.Equal(t, "agent1", str(got, "Data", "LoginName"))
	assert.Equal(t, "Agent", str(got, "Data", "RoleName"))
	assert.Equal(t, "ON_SITE", str(got, "Data", "WorkMode"), "the default work mode")
	ext := str(got, "Data", "Extension")
	require.NotEmpty(t, ext)
	byExt := h.call("GetUser", testutil.RawParams{"Extension": ext})
	assert.Equal(t, id, str(byExt, "Data", "UserId"))

	page := h.call("ListUsers", testutil.RawParams{"PageNumber": "2", "PageSize": "3"})
	assert.Equal(t, 4, num(page, "Data", "TotalCount"), "the administrator and three agents")
	assert.Equal(t, []string{"agent3@ccc-test"}, ids(list(page, "Data", "List"), "UserId"))
	searched := h.call("ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "SearchPattern": "agent"})
	assert.Equal(t, 3, num(searched, "Data", "TotalCount"))
	members := h.call("ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "SkillGroupId": "sales@ccc-test"})
	assert.Equal(t, []string{id}, ids(list(members, "Data", "List"), "UserId"))
	assert.Equal(t, 5, num(list(list(members, "Data", "List")[0], "SkillLevelList")[0], "SkillLevel"))
	mine := h.call("ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "1"})
	assert.NotEmpty(t, list(list(mine, "Data", "List")[0], "PersonalOutboundNumberList"), "the administrator has the example number")

	h.call("ModifyUser", testutil.RawParams{"UserId": id, "WorkMode": "OFFICE_PHONE", "DisplayName": "改名", "RoleId": "Admin@ccc-test"})
	got = h.call("GetUser", testutil.RawParams{"UserId": id})
	assert.Equal(t, "改名", str(got, "Data", "DisplayName"))
	assert.Equal(t, "OFFICE_PHONE", str(got, "Data", "WorkMode"))
	assert.Equal(t, "Admin", str(got, "Data", "RoleName"))
	assert.Equal(t, "agent1@example.com", str(got, "Data", "Email"), "parameters not sent keep their value")

	h.call("ResetUserPassword", testutil.RawParams{"UserId": id, "Password": "s3cret-Pass"})
	for _, r := range h.srv.Requests() {
		assert.NotContains(t, r.Params["Password"], "s3cret", "a password is never recorded")
	}

	assigned := h.call("AssignUsers", testutil.RawParams{"RamIdList": `["28036411123456"]`, "RoleId": "Agent@ccc-test", "WorkMode": "ON_SITE",
		"SkillLevelList": `[{"skillGroupId":"sales@ccc-test","skillLevel":3}]`})
	assert.Equal(t, str(assigned, "WorkflowId"), str(assigned, "Data"))
	imported := h.call("GetUser", testutil.RawParams{"UserId": "28036411123456@ccc-test"})
	assert.Equal(t, "Agent", str(imported, "Data", "RoleName"))

	dup := h.Refuse("CreateUser", testutil.RawParams{"LoginName": "agent2", "DisplayName": "x", "Email": "x@example.com", "RoleId": "Agent@ccc-test"})
	assert.Equal(t, 409, dup.HTTPStatus)
	assert.ErrorIs(t, dup, ccc.ErrConflict)

	h.call("RemoveUsers", testutil.RawParams{"UserIdList": `["agent1@ccc-test","agent2@ccc-test"]`})
	gone := h.Refuse("GetUser", testutil.RawParams{"UserId": id})
	assert.Equal(t, 404, gone.HTTPStatus)
	assert.Equal(t, "NotExists.UserId", gone.Code)
	assert.ErrorIs(t, gone, ccc.ErrNotFound)
	left := h.call("ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 3, num(left, "Data", "TotalCount"))
	sales := h.call("GetSkillGroup", testutil.RawParams{"SkillGroupId": "sales@ccc-test"})
	assert.Equal(t, "sales", str(sales, "Data", "Name"))
}
