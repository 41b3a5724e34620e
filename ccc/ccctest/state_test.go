package ccctest_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// instanceCalls is one call of each instance-scoped operation the fake
// keeps state for, with its required parameters.
var instanceCalls = []struct {
	action string
	params testutil.RawParams
}{
	{"CreateUser", testutil.RawParams{"LoginName": "a", "DisplayName": "a", "Email": "a@example.com", "RoleId": "Agent@x"}},
	{"GetUser", testutil.RawParams{"UserId": "a@x"}},
	{"ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "10"}},
	{"ModifyUser", testutil.RawParams{"UserId": "a@x", "WorkMode": "ON_SITE"}},
	{"RemoveUsers", testutil.RawParams{"UserIdList": `["a@x"]`}},
	{"ResetUserPassword", testutil.RawParams{"UserId": "a@x", "Password": "pw-pw-pw"}},
	{"AssignUsers", testutil.RawParams{"RamIdList": `["1"]`, "RoleId": "Agent@x", "WorkMode": "ON_SITE"}},
	{"CreateSkillGroup", testutil.RawParams{"Name": "g", "DisplayName": "g"}},
	{"GetSkillGroup", testutil.RawParams{"SkillGroupId": "g@x"}},
	{"ListSkillGroups", testutil.RawParams{"PageNumber": "1", "PageSize": "10"}},
	{"ModifySkillGroup", testutil.RawParams{"SkillGroupId": "g@x"}},
	{"DeleteSkillGroup", testutil.RawParams{"SkillGroupId": "g@x"}},
	{"AddUsersToSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "UserSkillLevelList": "[]"}},
	{"ListUserLevelsOfSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "IsMember": "true", "PageNumber": "1", "PageSize": "10"}},
	{"RemoveUsersFromSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "UserIdList": "[]"}},
	{"ModifyUserLevelsOfSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "UserLevelList": "[]"}},
	{"ListSkillLevelsOfUser", testutil.RawParams{"UserId": "a@x", "PageNumber": "1", "PageSize": "10"}},
	{"AddPhoneNumbers", testutil.RawParams{"NumberList": `["1"]`, "Usage": "Inbound"}},
	{"ListPhoneNumbers", testutil.RawParams{"PageNumber": "1", "PageSize": "10"}},
	{"ModifyPhoneNumber", testutil.RawParams{"Number": "1", "Usage": "Inbound"}},
	{"RemovePhoneNumbers", testutil.RawParams{"NumberList": `["1"]`}},
	{"AddNumbersToSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "NumberList": `["1"]`}},
	{"ListPhoneNumbersOfSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "IsMember": "true", "PageNumber": "1", "PageSize": "10"}},
	{"RemovePhoneNumbersFromSkillGroup", testutil.RawParams{"SkillGroupId": "g@x", "NumberList": `["1"]`}},
}

func with(p testutil.RawParams, k, v string) testutil.RawParams {
	out := testutil.RawParams{k: v}
	for key, val := range p {
		out[key] = val
	}
	return out
}

// TestUnknownInstance: every operation answers 404 NotExists.InstanceId
// for an instance that does not exist.
func TestUnknownInstance(t *testing.T) {
	h := newHarness(t)
	for _, tc := range instanceCalls {
		err := h.Refuse(tc.action, with(tc.params, "InstanceId", "nope"))
		assert.Equal(t, ccc.CodeInstanceNotFound, err.Code, tc.action)
		assert.Equal(t, 404, err.HTTPStatus, tc.action)
	}
}

// TestCreatingInstance: while an instance is CREATING every operation
// answers 403 AbnormalService.Creating; once GetInstance has reported it
// CREATING they work; DeleteInstance drops what it held.
func TestCreatingInstance(t *testing.T) {
	h := newHarness(t)
	h.call("CreateInstance", testutil.RawParams{"Name": "new-one", "DomainName": "new-one", "AdminRamIdList": `["` + "2486138068107001" + `"]`})
	for _, tc := range instanceCalls {
		err := h.Refuse(tc.action, with(tc.params, "InstanceId", "new-one"))
		assert.Equal(t, ccc.CodeServiceCreating, err.Code, tc.action)
		assert.Equal(t, 403, err.HTTPStatus, tc.action)
		assert.ErrorIs(t, err, ccc.ErrNotReady, tc.action)
	}
	assert.Equal(t, "CREATING", str(h.call("GetInstance", testutil.RawParams{"InstanceId": "new-one"}), "Data", "Status"))
	h.call("CreateUser", testutil.RawParams{"InstanceId": "new-one", "LoginName": "a", "DisplayName": "a", "Email": "a@example.com", "RoleId": "Agent@new-one"})
	users := h.call("ListUsers", testutil.RawParams{"InstanceId": "new-one", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 2, num(users, "Data", "TotalCount"), "the imported administrator and the new agent")

	h.call("DeleteInstance", testutil.RawParams{"InstanceId": "new-one"})
	assert.Equal(t, ccc.CodeInstanceNotFound, h.Refuse("ListUsers", testutil.RawParams{"InstanceId": "new-one", "PageNumber": "1", "PageSize": "10"}).Code)
	h.call("CreateInstance", testutil.RawParams{"Name": "new-one", "DomainName": "new-one", "AdminRamIdList": `["2486138068107001"]`})
	h.call("GetInstance", testutil.RawParams{"InstanceId": "new-one"})
	users = h.call("ListUsers", testutil.RawParams{"InstanceId": "new-one", "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 1, num(users, "Data", "TotalCount"), "a new instance of the same name starts afresh")
}

// TestUnknownIDs: unknown users, skill groups and numbers answer 404 with
// the NotExists code naming them, and change nothing.
func TestUnknownIDs(t *testing.T) {
	h := newHarness(t)
	cases := []struct {
		action, code string
		params       testutil.RawParams
	}{
		{"GetUser", "NotExists.UserId", testutil.RawParams{"UserId": "nobody@ccc-test"}},
		{"ModifyUser", "NotExists.UserId", testutil.RawParams{"UserId": "nobody@ccc-test", "WorkMode": "ON_SITE"}},
		{"RemoveUsers", "NotExists.UserId", testutil.RawParams{"UserIdList": `["user-test@ccc-test","nobody@ccc-test"]`}},
		{"ResetUserPassword", "NotExists.UserId", testutil.RawParams{"UserId": "nobody@ccc-test", "Password": "pw-pw-pw"}},
		{"ListSkillLevelsOfUser", "NotExists.UserId", testutil.RawParams{"UserId": "nobody@ccc-test", "PageNumber": "1", "PageSize": "10"}},
		{"CreateUser", "NotExists.SkillGroupId", testutil.RawParams{"LoginName": "a", "DisplayName": "a", "Email": "a@example.com", "RoleId": "Agent@ccc-test", "SkillLevelList": `[{"skillGroupId":"none@ccc-test","skillLevel":1}]`}},
		{"ListUsers", "NotExists.SkillGroupId", testutil.RawParams{"SkillGroupId": "none@ccc-test", "PageNumber": "1", "PageSize": "10"}},
		{"GetSkillGroup", "NotExists.SkillGroupId", testutil.RawParams{"SkillGroupId": "none@ccc-test"}},
		{"DeleteSkillGroup", "NotExists.SkillGroupId", testutil.RawParams{"SkillGroupId": "none@ccc-test"}},
		{"AddUsersToSkillGroup", "NotExists.UserId", testutil.RawParams{"SkillGroupId": "test@ccc-test", "UserSkillLevelList": `[{"userId":"nobody@ccc-test","skillLevel":1}]`}},
		{"RemovePhoneNumbers", "NotExists.Number", testutil.RawParams{"NumberList": `["083xxxx0011","000"]`}},
		{"AddNumbersToSkillGroup", "NotExists.Number", testutil.RawParams{"SkillGroupId": "test@ccc-test", "NumberList": `["000"]`}},
		{"ModifyPhoneNumber", "NotExists.Number", testutil.RawParams{"Number": "000", "Usage": "Inbound"}},
	}
	for _, tc := range cases {
		err := h.Refuse(tc.action, tc.params)
		assert.Equal(t, tc.code, err.Code, tc.action)
		assert.Equal(t, 404, err.HTTPStatus, tc.action)
		assert.ErrorIs(t, err, ccc.ErrNotFound, tc.action)
	}
	users := h.call("GetUser", testutil.RawParams{"UserId": admin})
	assert.Equal(t, admin, str(users, "Data", "UserId"), "a refused RemoveUsers removed none")
	numbers := h.call("ListPhoneNumbers", testutil.RawParams{"PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 1, num(numbers, "Data", "TotalCount"), "a refused RemovePhoneNumbers removed none")
}

// TestConcurrentWorkflows: users, skill groups and numbers made in
// parallel (run with -race) are all there.
func TestConcurrentWorkflows(t *testing.T) {
	h := newHarness(t)
	const workers = 8
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			n := strconv.Itoa(w)
			h.call("CreateSkillGroup", testutil.RawParams{"Name": "g" + n, "DisplayName": n})
			h.newUser("agent"+n, `[{"skillGroupId":"g`+n+`@ccc-test","skillLevel":1}]`)
			h.call("AddPhoneNumbers", testutil.RawParams{"NumberList": `["0100000000` + n + `"]`, "Usage": "Inbound"})
			h.call("AddNumbersToSkillGroup", testutil.RawParams{"SkillGroupId": "g" + n + "@ccc-test", "NumberList": `["0100000000` + n + `"]`})
			h.call("ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "100"})
		})
	}
	wg.Wait()
	groups := h.call("ListSkillGroups", testutil.RawParams{"PageNumber": "1", "PageSize": "100"})
	require.Equal(t, workers+1, num(groups, "Data", "TotalCount"))
	for _, g := range list(groups, "Data", "List")[1:] {
		assert.Equal(t, 1, num(g, "UserCount"), str(g, "SkillGroupId"))
		assert.Equal(t, 1, num(g, "PhoneNumberCount"), str(g, "SkillGroupId"))
	}
	users := h.call("ListUsers", testutil.RawParams{"PageNumber": "1", "PageSize": "100"})
	assert.Equal(t, workers+1, num(users, "Data", "TotalCount"))
}

// TestAnswersHoldEveryFactsField runs the workflows, then checks each
// answer against the response members the facts list for its operation
// (testdata/responses.json, cut from /work/shared/api/ccc-2020-07-01.json
// with the jq filter the outboundbot fake's test shows): every member
// present, of its JSON type, and every list member shown by some answer.
func TestAnswersHoldEveryFactsField(t *testing.T) {
	facts := testutil.LoadFacts(t, "testdata/responses.json")
	answers := map[string][]map[string]any{}
	for _, workflow := range []func(*testing.T, *harness){usersWorkflow, skillGroupsWorkflow, numbersWorkflow} {
		h := newHarness(t)
		workflow(t, h)
		for action, got := range h.Answers() {
			answers[action] = append(answers[action], got...)
		}
	}
	testutil.CheckFacts(t, facts, answers, "CreateInstance", "GetInstance")
}
