package ccc_test

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// statefulActions are the actions ccctest answers from its state, each
// with its typed response. ccctest's TestTypedListComplete reads this
// literal and fails when the fake answers an action it lacks.
var statefulActions = map[string]any{
	"CreateInstance":      ccc.CreateInstanceResponse{},
	"DeleteInstance":      ccc.DeleteInstanceResponse{},
	"GetInstance":         ccc.GetInstanceResponse{},
	"ListInstances":       ccc.ListInstancesResponse{},
	"ListInstancesOfUser": ccc.ListInstancesOfUserResponse{},
	"ModifyInstance":      ccc.ModifyInstanceResponse{},

	"CreateUser":        ccc.CreateUserResponse{},
	"GetUser":           ccc.GetUserResponse{},
	"ListUsers":         ccc.ListUsersResponse{},
	"ModifyUser":        ccc.ModifyUserResponse{},
	"RemoveUsers":       ccc.RemoveUsersResponse{},
	"ResetUserPassword": ccc.ResetUserPasswordResponse{},
	"AssignUsers":       ccc.AssignUsersResponse{},

	"CreateSkillGroup":             ccc.CreateSkillGroupResponse{},
	"GetSkillGroup":                ccc.GetSkillGroupResponse{},
	"ListSkillGroups":              ccc.ListSkillGroupsResponse{},
	"ModifySkillGroup":             ccc.ModifySkillGroupResponse{},
	"DeleteSkillGroup":             ccc.DeleteSkillGroupResponse{},
	"AddUsersToSkillGroup":         ccc.AddUsersToSkillGroupResponse{},
	"ListUserLevelsOfSkillGroup":   ccc.ListUserLevelsOfSkillGroupResponse{},
	"RemoveUsersFromSkillGroup":    ccc.RemoveUsersFromSkillGroupResponse{},
	"ModifyUserLevelsOfSkillGroup": ccc.ModifyUserLevelsOfSkillGroupResponse{},
	"ListSkillLevelsOfUser":        ccc.ListSkillLevelsOfUserResponse{},

	"ImportCorpNumbers":                ccc.ImportCorpNumbersResponse{},
	"AddPhoneNumbers":                  ccc.AddPhoneNumbersResponse{},
	"ListPhoneNumbers":                 ccc.ListPhoneNumbersResponse{},
	"ModifyPhoneNumber":                ccc.ModifyPhoneNumberResponse{},
	"RemovePhoneNumbers":               ccc.RemovePhoneNumbersResponse{},
	"AddNumbersToSkillGroup":           ccc.AddNumbersToSkillGroupResponse{},
	"ListPhoneNumbersOfSkillGroup":     ccc.ListPhoneNumbersOfSkillGroupResponse{},
	"RemovePhoneNumbersFromSkillGroup": ccc.RemovePhoneNumbersFromSkillGroupResponse{},
}

// unreadAllowed are members the fake answers that the typed responses have
// no field for, each a model issue for the lead (see the report); the
// check below fails on any other.
var unreadAllowed = map[string][]string{}

// The instance the workflows create, and the things they make in it.
const (
	typedInstance = "typed-ccc"
	firstNumber   = "02100000001" // the instance is created with it
	corpNumber    = "02100000002" // imported, then added
	agentID       = "agent1@" + typedInstance
	salesID       = "sales@" + typedInstance
	supportID     = "support@" + typedInstance
)

// typedFake is a fake on a fixed clock and a typed client recording every
// answer.
type typedFake struct {
	srv     *ccctest.Server
	client  *ccc.Client
	answers *testutil.AnswerRecorder
	now     time.Time
}

// TestTypedStatefulWorkflows drives every action the fake keeps state for
// through its typed method, checks what the generated decoders read from
// the answers, and then that no answer held a member they dropped.
func TestTypedStatefulWorkflows(t *testing.T) {
	// The clock stands still near the real time: the fake checks request
	// timestamps against it.
	now := time.Now().UTC().Truncate(time.Millisecond)
	f := &typedFake{now: now, answers: &testutil.AnswerRecorder{}}
	f.srv = ccctest.NewServer(ccctest.WithClock(func() time.Time { return now }))
	t.Cleanup(f.srv.Close)
	client, err := f.srv.Client(func(o *ccc.Options) { o.HTTPClient = f.answers })
	require.NoError(t, err)
	f.client = client

	steps := []struct {
		name string
		run  func(*testing.T)
	}{
		{"create instance", f.createInstance},
		{"users", f.users},
		{"skill groups", f.skillGroups},
		{"phone numbers", f.numbers},
		{"delete", f.deleteAll},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			t.FailNow() // each step builds on the one before
		}
	}
	for action := range statefulActions {
		assert.Positive(t, f.srv.Received(action), "%s is never called through its typed method", action)
	}
	testutil.CheckAnswersRead(t, f.answers, statefulActions, unreadAllowed)
}

// assertCode checks that err is an *APIError with code.
func assertCode(t *testing.T, err error, code string) {
	t.Helper()
	var apiErr *ccc.APIError
	if assert.ErrorAs(t, err, &apiErr) {
		assert.Equal(t, code, apiErr.Code)
	}
}

// createInstance: CreateInstance, refused calls while CREATING, then
// GetInstance CREATING and RUNNING, the lists, ModifyInstance.
func (f *typedFake) createInstance(t *testing.T) {
	ctx := t.Context()
	created, err := f.client.CreateInstance(ctx, &ccc.CreateInstanceRequest{
		Name: "typed instance", DomainName: typedInstance, Description: "made by the typed test",
		NumberList: []string{firstNumber}, AdminRAMIDList: []string{ccctest.CurrentUserRAMID},
	})
	require.NoError(t, err)
	assert.NotEmpty(t, created.WorkflowID)
	assert.Equal(t, typedInstance, created.InstanceID)

	_, err = f.client.ListUsers(ctx, &ccc.ListUsersRequest{InstanceID: typedInstance})
	assert.ErrorIs(t, err, ccc.ErrNotReady, "an instance being created has no users to list yet")
	assertCode(t, err, ccc.CodeServiceCreating)

	var statuses []ccc.InstanceStatus
	var in ccc.Instance
	for range 2 {
		got, err := f.client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: typedInstance})
		require.NoError(t, err)
		in = got.Instance
		statuses = append(statuses, in.Status)
	}
	assert.Equal(t, []ccc.InstanceStatus{ccc.InstanceStatusCreating, ccc.InstanceStatusRunning}, statuses)
	assert.Equal(t, typedInstance, in.ID)
	assert.Equal(t, typedInstance, in.DomainName)
	assert.Equal(t, "typed instance", in.Name)
	assert.Equal(t, "made by the typed test", in.Description)
	assert.Equal(t, ccctest.AccountID, in.AliyunUID)
	assert.Contains(t, in.ConsoleURL, typedInstance)
	require.Len(t, in.AdminList, 1)
	assert.Equal(t, ccctest.CurrentUserLoginName, in.AdminList[0].LoginName)
	assert.Equal(t, ccctest.CurrentUserLoginName+"@"+typedInstance, in.AdminList[0].UserID)
	require.Len(t, in.NumberList, 1)
	assert.Equal(t, firstNumber, in.NumberList[0].Number)
	assert.Equal(t, ccc.UsageBidirection, in.NumberList[0].Usage)
	assert.True(t, in.NumberList[0].Active)

	var ids []string
	for it, err := range f.client.ListInstancesAll(ctx, &ccc.ListInstancesRequest{PageSize: 1}) {
		require.NoError(t, err)
		ids = append(ids, it.ID)
		if it.ID == typedInstance {
			assert.Equal(t, f.now, it.CreateTime.UTC())
			assert.Equal(t, ccc.InstanceStatusRunning, it.Status)
			assert.Equal(t, []ccc.PhoneNumber{{Number: firstNumber}}, it.NumberList, "ListInstances lists numbers by Number only")
		}
	}
	assert.Equal(t, []string{ccctest.ExampleInstanceID, typedInstance}, ids)
	pager := ccc.NewListInstancesOfUserPaginator(f.client, &ccc.ListInstancesOfUserRequest{PageSize: 1})
	ids = nil
	for pager.HasMorePages() {
		page, err := pager.NextPage(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, page.TotalCount, "the calling user administers both")
		for _, it := range page.Instances {
			ids = append(ids, it.ID)
		}
	}
	assert.Equal(t, []string{ccctest.ExampleInstanceID, typedInstance}, ids)
	for it, err := range f.client.ListInstancesOfUserAll(ctx, &ccc.ListInstancesOfUserRequest{}) {
		require.NoError(t, err)
		if it.ID == typedInstance {
			assert.Equal(t, in.NumberList, it.NumberList, "ListInstancesOfUser lists whole numbers")
		}
	}

	desc := "described again"
	mod, err := f.client.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: typedInstance, Description: &desc})
	require.NoError(t, err)
	assert.NotEmpty(t, mod.Data)
	got, err := f.client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: typedInstance})
	require.NoError(t, err)
	assert.Equal(t, desc, got.Instance.Description)
}

func (f *typedFake) users(t *testing.T) {
	ctx := t.Context()
	sales, err := f.client.CreateSkillGroup(ctx, &ccc.CreateSkillGroupRequest{InstanceID: typedInstance, Name: "sales", DisplayName: "销售", Description: "售前"})
	require.NoError(t, err)
	assert.Equal(t, ccc.SkillGroup{SkillGroupID: salesID, Name: "sales", Description: "售前", InstanceID: typedInstance, MediaType: "VOICE"}, sales.SkillGroup,
		"CreateSkillGroup answers the members the facts document for it")

	created, err := f.client.CreateUser(ctx, &ccc.CreateUserRequest{
		InstanceID: typedInstance, LoginName: "agent1", DisplayName: "坐席一", Email: "agent1@example.com", Mobile: "13800000001",
		RoleID: "Agent@" + typedInstance, Nickname: "一号", SkillLevelList: `[{"skillGroupId":"` + salesID + `","skillLevel":5}]`,
	})
	require.NoError(t, err)
	u := created.User
	assert.Equal(t, agentID, u.UserID)
	assert.Equal(t, "agent1", u.LoginName)
	assert.Equal(t, "坐席一", u.DisplayName)
	assert.Equal(t, "agent1@example.com", u.Email)
	assert.Equal(t, "13800000001", u.Mobile)
	assert.Equal(t, "一号", u.Nickname)
	assert.Equal(t, "ON_SITE", u.WorkMode, "the default work mode")
	require.NotEmpty(t, u.Extension)

	byID, err := f.client.GetUser(ctx, &ccc.GetUserRequest{InstanceID: typedInstance, UserID: agentID})
	require.NoError(t, err)
	assert.Equal(t, "Agent", byID.User.RoleName)
	assert.Equal(t, "Agent@"+typedInstance, byID.User.RoleID)
	assert.Equal(t, typedInstance, byID.User.InstanceID)
	assert.Equal(t, u.Extension, byID.User.Extension)
	byExtension, err := f.client.GetUser(ctx, &ccc.GetUserRequest{InstanceID: typedInstance, Extension: u.Extension})
	require.NoError(t, err)
	assert.Equal(t, byID.User, byExtension.User)

	var logins []string
	for it, err := range f.client.ListUsersAll(ctx, &ccc.ListUsersRequest{InstanceID: typedInstance, PageSize: 1}) {
		require.NoError(t, err)
		logins = append(logins, it.LoginName)
		if it.UserID == agentID {
			assert.Equal(t, []ccc.SkillLevel{{SkillGroupID: salesID, SkillGroupName: "sales", SkillLevel: "5"}}, it.SkillLevelList)
		} else {
			assert.Equal(t, ccctest.CurrentUserRAMID, strconv.FormatInt(it.RAMID, 10), "the imported administrator keeps its RAM ID")
		}
	}
	assert.Equal(t, []string{ccctest.CurrentUserLoginName, "agent1"}, logins)
	pager := ccc.NewListUsersPaginator(f.client, &ccc.ListUsersRequest{InstanceID: typedInstance, PageSize: 1, SkillGroupID: salesID})
	page, err := pager.NextPage(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, page.TotalCount)
	require.Len(t, page.Users, 1)
	assert.Equal(t, agentID, page.Users[0].UserID)
	assert.False(t, pager.HasMorePages())

	_, err = f.client.ModifyUser(ctx, &ccc.ModifyUserRequest{
		InstanceID: typedInstance, UserID: agentID, DisplayName: "坐席甲", WorkMode: "OFFICE_PHONE", RoleID: "Operator@" + typedInstance,
	})
	require.NoError(t, err)
	byID, err = f.client.GetUser(ctx, &ccc.GetUserRequest{InstanceID: typedInstance, UserID: agentID})
	require.NoError(t, err)
	assert.Equal(t, "坐席甲", byID.User.DisplayName)
	assert.Equal(t, "OFFICE_PHONE", byID.User.WorkMode)
	assert.Equal(t, "Operator", byID.User.RoleName)
	assert.Equal(t, "13800000001", byID.User.Mobile, "parameters not sent keep their value")

	_, err = f.client.ResetUserPassword(ctx, &ccc.ResetUserPasswordRequest{InstanceID: typedInstance, UserID: agentID, Password: "Typed-Test-pw1"})
	require.NoError(t, err)
	_, err = f.client.ResetUserPassword(ctx, &ccc.ResetUserPasswordRequest{InstanceID: typedInstance, UserID: "nobody@" + typedInstance, Password: "Typed-Test-pw1"})
	assert.ErrorIs(t, err, ccc.ErrNotFound)

	assigned, err := f.client.AssignUsers(ctx, &ccc.AssignUsersRequest{
		InstanceID: typedInstance, RAMIDList: []string{"1234567890123456"}, RoleID: "Agent@" + typedInstance, WorkMode: "ON_SITE",
	})
	require.NoError(t, err)
	assert.NotEmpty(t, assigned.WorkflowID)
	assert.Equal(t, assigned.WorkflowID, assigned.Data)
	imported, err := f.client.GetUser(ctx, &ccc.GetUserRequest{InstanceID: typedInstance, UserID: "1234567890123456@" + typedInstance})
	require.NoError(t, err)
	assert.Equal(t, "Agent", imported.User.RoleName)
}

func (f *typedFake) skillGroups(t *testing.T) {
	ctx := t.Context()
	created, err := f.client.CreateSkillGroup(ctx, &ccc.CreateSkillGroupRequest{InstanceID: typedInstance, Name: "support", DisplayName: "客服", MediaType: "ONLINE"})
	require.NoError(t, err)
	assert.Equal(t, supportID, created.SkillGroup.SkillGroupID)
	assert.Equal(t, "ONLINE", created.SkillGroup.MediaType)

	_, err = f.client.ModifySkillGroup(ctx, &ccc.ModifySkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID, DisplayName: "售后客服", Description: "售后"})
	require.NoError(t, err)
	got, err := f.client.GetSkillGroup(ctx, &ccc.GetSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID})
	require.NoError(t, err)
	assert.Equal(t, ccc.SkillGroup{SkillGroupID: supportID, Name: "support", DisplayName: "售后客服", Description: "售后", InstanceID: typedInstance, MediaType: "ONLINE"}, got.SkillGroup)

	_, err = f.client.AddUsersToSkillGroup(ctx, &ccc.AddUsersToSkillGroupRequest{
		InstanceID: typedInstance, SkillGroupID: supportID, UserSkillLevelList: `[{"userId":"` + agentID + `","skillLevel":3}]`,
	})
	require.NoError(t, err)
	counts := map[string][2]int{}
	for g, err := range f.client.ListSkillGroupsAll(ctx, &ccc.ListSkillGroupsRequest{InstanceID: typedInstance, PageSize: 1}) {
		require.NoError(t, err)
		assert.Equal(t, typedInstance, g.InstanceID)
		counts[g.SkillGroupID] = [2]int{g.UserCount, g.PhoneNumberCount}
	}
	assert.Equal(t, map[string][2]int{salesID: {1, 0}, supportID: {1, 0}}, counts)

	members := f.levels(t, supportID, true)
	assert.Equal(t, map[string]int{agentID: 3}, members)
	others := f.levels(t, supportID, false)
	assert.Len(t, others, 2, "the administrator and the assigned user are not members")

	mod, err := f.client.ModifyUserLevelsOfSkillGroup(ctx, &ccc.ModifyUserLevelsOfSkillGroupRequest{
		InstanceID: typedInstance, SkillGroupID: supportID, UserLevelList: `[{"userId":"` + agentID + `","skillLevel":7}]`,
	})
	require.NoError(t, err)
	assert.Empty(t, mod.Data)
	assert.Equal(t, map[string]int{agentID: 7}, f.levels(t, supportID, true))

	skills := map[string]string{}
	for l, err := range f.client.ListSkillLevelsOfUserAll(ctx, &ccc.ListSkillLevelsOfUserRequest{InstanceID: typedInstance, UserID: agentID, IsMember: true, PageSize: 1}) {
		require.NoError(t, err)
		skills[l.SkillGroupID] = l.SkillLevel
	}
	assert.Equal(t, map[string]string{salesID: "5", supportID: "7"}, skills, "ListSkillLevelsOfUser sends levels as text")

	_, err = f.client.RemoveUsersFromSkillGroup(ctx, &ccc.RemoveUsersFromSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID, UserIDList: []string{agentID}})
	require.NoError(t, err)
	assert.Empty(t, f.levels(t, supportID, true))
}

// levels are the users of the skill group's members (or not members) with
// their levels, walked with the paginator.
func (f *typedFake) levels(t *testing.T, groupID string, members bool) map[string]int {
	t.Helper()
	out := map[string]int{}
	pager := ccc.NewListUserLevelsOfSkillGroupPaginator(f.client, &ccc.ListUserLevelsOfSkillGroupRequest{
		InstanceID: typedInstance, SkillGroupID: groupID, IsMember: members, PageSize: 1,
	})
	for pager.HasMorePages() {
		page, err := pager.NextPage(t.Context())
		require.NoError(t, err)
		for _, l := range page.UserLevels {
			assert.Equal(t, groupID, l.SkillGroupID)
			assert.NotEmpty(t, l.LoginName)
			out[l.UserID] = l.SkillLevel
		}
	}
	return out
}

func (f *typedFake) numbers(t *testing.T) {
	ctx := t.Context()
	_, err := f.client.ImportCorpNumbers(ctx, &ccc.ImportCorpNumbersRequest{
		NumberList: `["` + corpNumber + `"]`, Provider: "corp-x", City: "上海", Province: "上海", TagList: `["vip"]`,
	})
	require.NoError(t, err)
	added, err := f.client.AddPhoneNumbers(ctx, &ccc.AddPhoneNumbersRequest{InstanceID: typedInstance, NumberList: []string{corpNumber}, Usage: "Inbound"})
	require.NoError(t, err)
	assert.Equal(t, []string{corpNumber}, added.Data)

	numbers := map[string]ccc.PhoneNumber{}
	for n, err := range f.client.ListPhoneNumbersAll(ctx, &ccc.ListPhoneNumbersRequest{InstanceID: typedInstance, PageSize: 1}) {
		require.NoError(t, err)
		numbers[n.Number] = n
	}
	require.Len(t, numbers, 2)
	n := numbers[corpNumber]
	assert.Equal(t, ccc.UsageInbound, n.Usage)
	assert.Equal(t, "corp-x", n.Provider)
	assert.Equal(t, "上海", n.City)
	assert.Equal(t, `["vip"]`, n.Tags)
	assert.Equal(t, typedInstance, n.InstanceID)
	assert.True(t, n.Active)
	assert.Equal(t, f.now, n.CreateTime.UTC(), "CreateTime comes as millisecond text")
	assert.Equal(t, f.now, numbers[firstNumber].CreateTime.UTC())

	_, err = f.client.ModifyPhoneNumber(ctx, &ccc.ModifyPhoneNumberRequest{InstanceID: typedInstance, Number: corpNumber, Usage: "Outbound", ContactFlowID: "flow-1"})
	require.NoError(t, err)
	outbound := ccc.NewListPhoneNumbersPaginator(f.client, &ccc.ListPhoneNumbersRequest{InstanceID: typedInstance, Usage: "Outbound"})
	page, err := outbound.NextPage(ctx)
	require.NoError(t, err)
	require.Len(t, page.PhoneNumbers, 1)
	assert.Equal(t, corpNumber, page.PhoneNumbers[0].Number)
	assert.Equal(t, "flow-1", page.PhoneNumbers[0].ContactFlowID)

	_, err = f.client.AddNumbersToSkillGroup(ctx, &ccc.AddNumbersToSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID, NumberList: []string{corpNumber}})
	require.NoError(t, err)
	inGroup := f.groupNumbers(t, supportID, true)
	require.Len(t, inGroup, 1)
	assert.Equal(t, corpNumber, inGroup[0].Number)
	require.Len(t, inGroup[0].SkillGroups, 1)
	assert.Equal(t, supportID, inGroup[0].SkillGroups[0].SkillGroupID)
	assert.Equal(t, "售后客服", inGroup[0].SkillGroups[0].DisplayName)
	assert.Equal(t, []string{firstNumber}, numberNames(f.groupNumbers(t, supportID, false)))
	got, err := f.client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: typedInstance})
	require.NoError(t, err)
	i := slices.IndexFunc(got.Instance.NumberList, func(p ccc.PhoneNumber) bool { return p.Number == corpNumber })
	require.GreaterOrEqual(t, i, 0, "GetInstance lists the added number")
	require.Len(t, got.Instance.NumberList[i].SkillGroups, 1)
	assert.Equal(t, 1, got.Instance.NumberList[i].SkillGroups[0].PhoneNumberCount)

	_, err = f.client.RemovePhoneNumbersFromSkillGroup(ctx, &ccc.RemovePhoneNumbersFromSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID, NumberList: []string{corpNumber}})
	require.NoError(t, err)
	assert.Empty(t, f.groupNumbers(t, supportID, true))

	removed, err := f.client.RemovePhoneNumbers(ctx, &ccc.RemovePhoneNumbersRequest{InstanceID: typedInstance, NumberList: []string{corpNumber}})
	require.NoError(t, err)
	assert.Equal(t, []string{corpNumber}, removed.Data)
	left, err := f.client.ListPhoneNumbers(ctx, &ccc.ListPhoneNumbersRequest{InstanceID: typedInstance})
	require.NoError(t, err)
	assert.Equal(t, 1, left.TotalCount)
	assert.Equal(t, []string{firstNumber}, numberNames(left.PhoneNumbers))
}

// groupNumbers are the skill group's numbers (or the instance's others),
// walked with the iterator.
func (f *typedFake) groupNumbers(t *testing.T, groupID string, members bool) []ccc.PhoneNumber {
	t.Helper()
	var out []ccc.PhoneNumber
	req := &ccc.ListPhoneNumbersOfSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: groupID, IsMember: members, PageSize: 1}
	for n, err := range f.client.ListPhoneNumbersOfSkillGroupAll(t.Context(), req) {
		require.NoError(t, err)
		out = append(out, n)
	}
	return out
}

func numberNames(list []ccc.PhoneNumber) []string {
	var out []string
	for _, n := range list {
		out = append(out, n.Number)
	}
	return out
}

// deleteAll deletes the skill group, the user and the instance, each then
// not found.
func (f *typedFake) deleteAll(t *testing.T) {
	ctx := t.Context()
	_, err := f.client.DeleteSkillGroup(ctx, &ccc.DeleteSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID})
	require.NoError(t, err)
	_, err = f.client.GetSkillGroup(ctx, &ccc.GetSkillGroupRequest{InstanceID: typedInstance, SkillGroupID: supportID})
	assert.ErrorIs(t, err, ccc.ErrNotFound)
	assertCode(t, err, "NotExists.SkillGroupId")

	removed, err := f.client.RemoveUsers(ctx, &ccc.RemoveUsersRequest{InstanceID: typedInstance, UserIDList: []string{agentID}})
	require.NoError(t, err)
	assert.NotEmpty(t, removed.RequestID)
	_, err = f.client.GetUser(ctx, &ccc.GetUserRequest{InstanceID: typedInstance, UserID: agentID})
	assert.ErrorIs(t, err, ccc.ErrNotFound)
	assertCode(t, err, "NotExists.UserId")

	deleted, err := f.client.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: typedInstance})
	require.NoError(t, err)
	assert.NotEmpty(t, deleted.TaskID)
	_, err = f.client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: typedInstance})
	assert.ErrorIs(t, err, ccc.ErrNotFound)
	assertCode(t, err, ccc.CodeInstanceNotFound)
}
