package outboundbot_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// statefulActions are the actions outboundbottest answers from its state,
// each with its typed response. outboundbottest's TestTypedListComplete
// reads this literal and fails when the fake answers an action it lacks.
var statefulActions = map[string]any{
	"CreateInstance":   outboundbot.CreateInstanceResponse{},
	"DescribeInstance": outboundbot.DescribeInstanceResponse{},
	"ListInstances":    outboundbot.ListInstancesResponse{},
	"ModifyInstance":   outboundbot.ModifyInstanceResponse{},
	"DeleteInstance":   outboundbot.DeleteInstanceResponse{},

	"CreateScript":   outboundbot.CreateScriptResponse{},
	"DescribeScript": outboundbot.DescribeScriptResponse{},
	"ListScripts":    outboundbot.ListScriptsResponse{},
	"ModifyScript":   outboundbot.ModifyScriptResponse{},
	"DeleteScript":   outboundbot.DeleteScriptResponse{},
	"PublishScript":  outboundbot.PublishScriptResponse{},

	"CreateJobGroup":   outboundbot.CreateJobGroupResponse{},
	"DescribeJobGroup": outboundbot.DescribeJobGroupResponse{},
	"ListJobGroups":    outboundbot.ListJobGroupsResponse{},
	"ModifyJobGroup":   outboundbot.ModifyJobGroupResponse{},
	"DeleteJobGroup":   outboundbot.DeleteJobGroupResponse{},

	"AssignJobs":          outboundbot.AssignJobsResponse{},
	"ListJobs":            outboundbot.ListJobsResponse{},
	"ListJobsByGroup":     outboundbot.ListJobsByGroupResponse{},
	"QueryJobsWithResult": outboundbot.QueryJobsWithResultResponse{},
	"DescribeJob":         outboundbot.DescribeJobResponse{},
}

// unreadAllowed are members the fake answers that the typed responses have
// no field for, each a model issue for the lead (see the report); the
// check below fails on any other.
var unreadAllowed = map[string][]string{}

// typedFake is a fake on a fixed clock, a typed client recording every
// answer, and the instance the workflows work in.
type typedFake struct {
	srv      *outboundbottest.Server
	client   *outboundbot.Client
	answers  *testutil.AnswerRecorder
	now      time.Time
	instance string
}

func newTypedFake(t *testing.T) *typedFake {
	// The clock stands still near the real time: the fake checks request
	// timestamps against it.
	now := time.Now().UTC().Truncate(time.Millisecond)
	f := &typedFake{now: now, answers: &testutil.AnswerRecorder{}, instance: outboundbottest.ExampleInstanceID}
	f.srv = outboundbottest.NewServer(outboundbottest.WithClock(func() time.Time { return now }))
	t.Cleanup(f.srv.Close)
	client, err := f.srv.Client(func(o *outboundbot.Options) { o.HTTPClient = f.answers })
	require.NoError(t, err)
	f.client = client
	return f
}

// TestTypedStatefulWorkflows drives every action the fake keeps state for
// through its typed method, checks what the generated decoders read from
// the answers, and then that no answer held a member they dropped.
func TestTypedStatefulWorkflows(t *testing.T) {
	f := newTypedFake(t)
	t.Run("instances", func(t *testing.T) { f.instances(t) })
	t.Run("scripts", func(t *testing.T) { f.scripts(t) })
	t.Run("job groups and jobs", func(t *testing.T) { f.jobs(t) })

	for action := range statefulActions {
		assert.Positive(t, f.srv.Received(action), "%s is never called through its typed method", action)
	}
	testutil.CheckAnswersRead(t, f.answers, statefulActions, unreadAllowed)
}

func (f *typedFake) instances(t *testing.T) {
	ctx := t.Context()
	created, err := f.client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{
		InstanceName: "typed-instance", InstanceDescription: "made by the typed test", MaxConcurrentConversation: 5,
		NLUServiceType: outboundbot.NLUServiceManaged, ResourceGroupID: "rg-typed", CallingNumber: []string{"057100000001"},
	})
	require.NoError(t, err)
	in := created.Instance
	require.NotEmpty(t, in.InstanceID)
	assert.NotEmpty(t, created.RequestID)
	assert.Equal(t, "typed-instance", in.InstanceName)
	assert.Equal(t, "made by the typed test", in.InstanceDescription)
	assert.Equal(t, 5, in.MaxConcurrentConversation)
	assert.Equal(t, "rg-typed", in.ResourceGroupID)
	assert.Equal(t, f.now, in.CreationTime.UTC())
	assert.NotZero(t, in.CreatorID)

	got, err := f.client.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: in.InstanceID})
	require.NoError(t, err)
	assert.Equal(t, in, got.Instance)

	var ids []string
	for it, err := range f.client.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: 1}) {
		require.NoError(t, err)
		ids = append(ids, it.InstanceID)
		if it.InstanceID == outboundbottest.ExampleInstanceID {
			assert.Equal(t, []outboundbot.Tag{{Key: "age", Value: "20"}}, it.ResourceTags)
			assert.Equal(t, time.UnixMilli(1578469042851).UTC(), it.CreationTime.UTC())
		}
	}
	assert.Equal(t, []string{outboundbottest.ExampleInstanceID, in.InstanceID}, ids)
	pager := outboundbot.NewListInstancesPaginator(f.client, &outboundbot.ListInstancesRequest{PageSize: 1, Name: "typed"})
	pages := 0
	for pager.HasMorePages() {
		page, err := pager.NextPage(ctx)
		require.NoError(t, err)
		pages++
		assert.Equal(t, 1, page.TotalCount)
		require.Len(t, page.Instances, 1)
		assert.Equal(t, in.InstanceID, page.Instances[0].InstanceID)
	}
	assert.Equal(t, 1, pages)

	desc := "renamed by the typed test"
	mod, err := f.client.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{
		InstanceID: in.InstanceID, InstanceName: "typed-renamed", InstanceDescription: &desc, MaxConcurrentConversation: 7,
	})
	require.NoError(t, err)
	assert.Equal(t, in.InstanceID, mod.Instance.InstanceID)
	assert.Equal(t, "typed-renamed", mod.Instance.InstanceName)
	assert.Equal(t, desc, mod.Instance.InstanceDescription)
	assert.Equal(t, 7, mod.Instance.MaxConcurrentConversation)
	assert.Equal(t, f.now, mod.Instance.CreationTime.UTC())

	_, err = f.client.DeleteInstance(ctx, &outboundbot.DeleteInstanceRequest{InstanceID: in.InstanceID})
	require.NoError(t, err)
	_, err = f.client.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: in.InstanceID})
	assert.ErrorIs(t, err, outboundbot.ErrNotFound)
	assertCode(t, err, outboundbot.CodeInstanceNotFound)
}

// assertCode checks that err is an *APIError with code.
func assertCode(t *testing.T, err error, code string) {
	t.Helper()
	var apiErr *outboundbot.APIError
	if assert.ErrorAs(t, err, &apiErr) {
		assert.Equal(t, code, apiErr.Code)
	}
}

func (f *typedFake) scripts(t *testing.T) {
	ctx := t.Context()
	created, err := f.client.CreateScript(ctx, &outboundbot.CreateScriptRequest{
		InstanceID: f.instance, ScriptName: "typed-script", ScriptDescription: "回访", Industry: "教育", Scene: "回访",
		AgentID: 42, AgentKey: "agent-key", AgentLlm: true, EmotionEnable: true, NLUEngine: "Prompts", NLUAccessType: "Managed",
		ASRConfig: `{"appKey":"a"}`, TTSConfig: `{"voice":"xiaoyun"}`, ChatbotID: "chatbot-1",
		ScriptNLUProfileJSONString: `{"fcFunction":"fn","fcHttpTriggerUrl":"https://fc.example.com/t","fcRegion":"cn-shanghai","supportBeebotPrompts":true}`,
	})
	require.NoError(t, err)
	sc := created.Script
	require.NotEmpty(t, sc.ScriptID)
	assert.Equal(t, "typed-script", sc.ScriptName)
	assert.Equal(t, "回访", sc.ScriptDescription)
	assert.Equal(t, "教育", sc.Industry)
	assert.Equal(t, "DRAFTED", sc.Status)
	assert.True(t, sc.IsDrafted)
	assert.Equal(t, int64(42), sc.AgentID)
	assert.Equal(t, "agent-key", sc.AgentKey)
	assert.True(t, sc.AgentLlm)
	assert.True(t, sc.EmotionEnable)
	assert.Equal(t, "Prompts", sc.NLUEngine)
	assert.Equal(t, `{"voice":"xiaoyun"}`, sc.TTSConfig)
	assert.Equal(t, outboundbot.NLUProfile{FcFunction: "fn", FcHTTPTriggerURL: "https://fc.example.com/t", FcRegion: "cn-shanghai", SupportBeebotPrompts: true}, sc.NLUProfile)
	assert.Equal(t, f.now, sc.UpdateTime.UTC())

	got, err := f.client.DescribeScript(ctx, &outboundbot.DescribeScriptRequest{InstanceID: f.instance, ScriptID: sc.ScriptID})
	require.NoError(t, err)
	assert.Equal(t, sc, got.Script)

	other, err := f.client.CreateScript(ctx, &outboundbot.CreateScriptRequest{InstanceID: f.instance, ScriptName: "typed-other", Industry: "金融", Scene: "催收"})
	require.NoError(t, err)

	var listed []outboundbot.Script
	for s, err := range f.client.ListScriptsAll(ctx, &outboundbot.ListScriptsRequest{InstanceID: f.instance, PageSize: 1}) {
		require.NoError(t, err)
		listed = append(listed, s)
	}
	require.Len(t, listed, 2)
	assert.Equal(t, sc.ScriptID, listed[0].ScriptID)
	assert.Equal(t, other.Script.ScriptID, listed[1].ScriptID)
	assert.Equal(t, int64(42), listed[0].AgentID, "ListScripts sends the agent ID as agentId")
	assert.Equal(t, f.now, listed[0].CreateTime.UTC())
	assert.Equal(t, sc.NLUProfile, listed[0].NLUProfile)
	pager := outboundbot.NewListScriptsPaginator(f.client, &outboundbot.ListScriptsRequest{InstanceID: f.instance, PageSize: 1, ScriptName: "typed"})
	var totals []int
	for pager.HasMorePages() {
		page, err := pager.NextPage(ctx)
		require.NoError(t, err)
		require.Len(t, page.Scripts, 1)
		totals = append(totals, page.TotalCount)
	}
	assert.Equal(t, []int{2, 2}, totals)

	mod, err := f.client.ModifyScript(ctx, &outboundbot.ModifyScriptRequest{
		InstanceID: f.instance, ScriptID: sc.ScriptID, ScriptName: "typed-script-2", Industry: "教育", Scene: "满意度", NlsConfig: `{"nls":1}`,
	})
	require.NoError(t, err)
	assert.Equal(t, "typed-script-2", mod.Script.ScriptName)
	assert.Equal(t, "满意度", mod.Script.Scene)
	assert.Equal(t, int64(42), mod.Script.AgentID, "parameters not sent keep their value")

	_, err = f.client.PublishScript(ctx, &outboundbot.PublishScriptRequest{InstanceID: f.instance, ScriptID: sc.ScriptID, Description: "v1"})
	require.NoError(t, err)
	got, err = f.client.DescribeScript(ctx, &outboundbot.DescribeScriptRequest{InstanceID: f.instance, ScriptID: sc.ScriptID})
	require.NoError(t, err)
	assert.Equal(t, "PUBLISHED", got.Script.Status)
	assert.False(t, got.Script.IsDrafted)
	assert.Equal(t, `{"nls":1}`, got.NlsConfig)

	_, err = f.client.DeleteScript(ctx, &outboundbot.DeleteScriptRequest{InstanceID: f.instance, ScriptID: other.Script.ScriptID})
	require.NoError(t, err)
	_, err = f.client.DescribeScript(ctx, &outboundbot.DescribeScriptRequest{InstanceID: f.instance, ScriptID: other.Script.ScriptID})
	// The product documents no not-found code for a script: the fake
	// answers InvalidParameter naming ScriptId.
	assert.ErrorIs(t, err, outboundbot.ErrInvalidParameter)
	assertCode(t, err, outboundbot.CodeInvalidParameter)
}

// jobTexts are the JobsJson texts of persons 1..n.
func jobTexts(n int) []string {
	var texts []string
	for i := 1; i <= n; i++ {
		texts = append(texts, fmt.Sprintf(`{"referenceId":"ref-%d","priority":"5","extras":[{"key":"name","value":"客户%d"}],`+
			`"contacts":[{"phoneNumber":"1380000%04d","name":"客户%d","honorific":"先生","role":"本人","referenceId":"c-%d"}]}`, i, i, i, i, i))
	}
	return texts
}

func (f *typedFake) jobs(t *testing.T) {
	ctx := t.Context()
	script, err := f.client.CreateScript(ctx, &outboundbot.CreateScriptRequest{InstanceID: f.instance, ScriptName: "typed-jobs", Industry: "教育", Scene: "回访"})
	require.NoError(t, err)
	scriptID := script.Script.ScriptID

	created, err := f.client.CreateJobGroup(ctx, &outboundbot.CreateJobGroupRequest{
		InstanceID: f.instance, JobGroupName: "typed-group", JobGroupDescription: "回访作业", ScriptID: scriptID,
		CallingNumbers: []string{"057126883106"}, RecallCallingNumbers: []string{"057126883107"}, RingingDuration: 20,
		StrategyJSON:       `{"maxAttemptsPerDay":"2","minAttemptInterval":30,"repeatBy":"Week","repeatDays":["1","2"],"workingTime":[{"beginTime":"10:00:00","endTime":"11:00:00"}]}`,
		RecallStrategyJSON: `{"emptyNumberIgnore":true}`,
		FlashSMSExtras:     `{"templateId":"104xx","configId":"8037f524"}`,
	})
	require.NoError(t, err)
	g := created.JobGroup
	groupID := g.JobGroupID
	require.NotEmpty(t, groupID)
	assert.Equal(t, "typed-group", g.JobGroupName)
	assert.Equal(t, "回访作业", g.JobGroupDescription)
	assert.Equal(t, scriptID, g.ScriptID)
	assert.Equal(t, "typed-jobs", g.ScriptName)
	assert.Equal(t, "Draft", g.Status)
	assert.Equal(t, []string{"057126883106"}, g.CallingNumbers)
	assert.Equal(t, []string{"057126883107"}, g.RecallCallingNumbers)
	assert.Equal(t, int64(20), g.RingingDuration)
	assert.Equal(t, f.now, g.CreationTime.UTC())
	assert.Equal(t, f.now, g.ModifyTime.UTC(), "ModifyTime comes as millisecond text")
	assert.Equal(t, outboundbot.FlashSMSExtra{ConfigID: "8037f524", TemplateID: "104xx"}, g.FlashSMSExtras)
	assert.True(t, g.RecallStrategy.EmptyNumberIgnore)
	st := g.Strategy
	assert.NotEmpty(t, st.StrategyID)
	assert.Equal(t, 2, st.MaxAttemptsPerDay, "a count sent as text")
	assert.Equal(t, 30, st.MinAttemptInterval)
	assert.Equal(t, "Week", st.RepeatBy)
	assert.Equal(t, []string{"1", "2"}, st.RepeatDays)
	require.Len(t, st.WorkingTime, 1)
	assert.Equal(t, "10:00:00", st.WorkingTime[0].BeginTime)
	assert.Equal(t, "11:00:00", st.WorkingTime[0].EndTime)
	assert.Equal(t, f.now, st.StartTime.UTC())
	assert.Equal(t, f.now.AddDate(0, 0, 30), st.EndTime.UTC())
	assert.Equal(t, 0, g.Progress.TotalJobs)

	got, err := f.client.DescribeJobGroup(ctx, &outboundbot.DescribeJobGroupRequest{InstanceID: f.instance, JobGroupID: groupID})
	require.NoError(t, err)
	assert.Equal(t, g, got.JobGroup)

	second, err := f.client.CreateJobGroup(ctx, &outboundbot.CreateJobGroupRequest{InstanceID: f.instance, JobGroupName: "typed-second"})
	require.NoError(t, err)
	var groups []string
	for it, err := range f.client.ListJobGroupsAll(ctx, &outboundbot.ListJobGroupsRequest{InstanceID: f.instance, PageSize: 1}) {
		require.NoError(t, err)
		groups = append(groups, it.JobGroupID)
		if it.JobGroupID == groupID {
			assert.Equal(t, g, it, "ListJobGroups lists the group as Describe answers it")
		}
	}
	assert.Equal(t, []string{groupID, second.JobGroup.JobGroupID}, groups)
	pager := outboundbot.NewListJobGroupsPaginator(f.client, &outboundbot.ListJobGroupsRequest{InstanceID: f.instance, PageSize: 1, SearchText: "second"})
	page, err := pager.NextPage(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, page.TotalCount)
	require.Len(t, page.JobGroups, 1)
	assert.Equal(t, "typed-second", page.JobGroups[0].JobGroupName)
	assert.False(t, pager.HasMorePages())

	mod, err := f.client.ModifyJobGroup(ctx, &outboundbot.ModifyJobGroupRequest{
		InstanceID: f.instance, JobGroupID: groupID, Name: "typed-renamed", Description: "新的", Priority: "Urgent",
		FlashSMSExtras: `{"templateId":"105xx","configId":"9037f524"}`,
	})
	require.NoError(t, err)
	assert.Equal(t, groupID, mod.JobGroup.JobGroupID)
	assert.Equal(t, "typed-renamed", mod.JobGroup.JobGroupName)
	assert.Equal(t, "新的", mod.JobGroup.JobGroupDescription)
	assert.Equal(t, "Urgent", mod.JobGroup.Priority)
	assert.Equal(t, `{"templateId":"105xx","configId":"9037f524"}`, mod.JobGroup.FlashSMSExtras, "Modify answers the JSON text sent")
	assert.Equal(t, 2, mod.JobGroup.Strategy.MaxAttemptsPerDay, "parameters not sent keep their value")
	assert.Equal(t, f.now, mod.JobGroup.ModifyTime.UTC())

	_, err = f.client.DeleteScript(ctx, &outboundbot.DeleteScriptRequest{InstanceID: f.instance, ScriptID: scriptID})
	assert.ErrorIs(t, err, outboundbot.ErrInvalidParameter, "a script a job group uses is kept")

	assigned, err := f.client.AssignJobs(ctx, &outboundbot.AssignJobsRequest{InstanceID: f.instance, JobGroupID: groupID, JobsJSON: jobTexts(3)})
	require.NoError(t, err)
	assert.Equal(t, groupID, assigned.JobGroupID)
	require.Len(t, assigned.JobsID, 3)
	ids := assigned.JobsID

	got, err = f.client.DescribeJobGroup(ctx, &outboundbot.DescribeJobGroupRequest{InstanceID: f.instance, JobGroupID: groupID})
	require.NoError(t, err)
	assert.Equal(t, "Scheduling", got.JobGroup.Status)
	assert.Equal(t, 3, got.JobGroup.Progress.TotalJobs)
	assert.Equal(t, 3, got.JobGroup.Progress.Scheduling)
	assert.True(t, got.JobGroup.Progress.StartTime.IsZero() || got.JobGroup.Progress.StartTime.UnixMilli() == 0, "no job has started")

	f.progressOne(t, groupID, ids[0])
	f.progressRest(t, groupID, ids)

	_, err = f.client.DeleteJobGroup(ctx, &outboundbot.DeleteJobGroupRequest{InstanceID: f.instance, JobGroupID: groupID})
	require.NoError(t, err)
	_, err = f.client.DescribeJobGroup(ctx, &outboundbot.DescribeJobGroupRequest{InstanceID: f.instance, JobGroupID: groupID})
	assert.ErrorIs(t, err, outboundbot.ErrInvalidParameter)
	_, err = f.client.DescribeJob(ctx, &outboundbot.DescribeJobRequest{InstanceID: f.instance, JobID: ids[0]})
	assert.ErrorIs(t, err, outboundbot.ErrInvalidParameter, "the group's jobs are gone with it")
	left, err := f.client.ListJobs(ctx, &outboundbot.ListJobsRequest{InstanceID: f.instance, JobIDs: ids})
	require.NoError(t, err)
	assert.Empty(t, left.Jobs)
}

// progressOne walks one job Scheduling → Executing → Succeeded with
// DescribeJob and checks the finished job's call.
func (f *typedFake) progressOne(t *testing.T, groupID, id string) {
	ctx := t.Context()
	var steps []string
	var job outboundbot.Job
	for range 3 {
		got, err := f.client.DescribeJob(ctx, &outboundbot.DescribeJobRequest{InstanceID: f.instance, JobID: id, WithScript: true})
		require.NoError(t, err)
		job = got.Job
		steps = append(steps, job.Status)
	}
	assert.Equal(t, []string{"Scheduling", "Executing", "Succeeded"}, steps)
	assert.Equal(t, id, job.JobID)
	assert.Equal(t, groupID, job.JobGroupID)
	assert.Equal(t, f.instance, job.InstanceID)
	assert.Equal(t, "ref-1", job.ReferenceID)
	assert.Equal(t, 5, job.Priority, "a priority sent as text")
	assert.Equal(t, "13800000001", job.CalledNumber)
	assert.Equal(t, []string{"057126883106"}, job.CallingNumbers)
	assert.Equal(t, []outboundbot.Tag{{Key: "name", Value: "客户1"}}, job.Extras)
	require.Len(t, job.Contacts, 1)
	assert.Equal(t, "客户1", job.Contacts[0].ContactName)
	assert.Equal(t, "c-1", job.Contacts[0].ReferenceID)
	assert.Equal(t, id, job.Contacts[0].JobID)
	assert.Equal(t, f.now, job.ActualTime.UTC())
	assert.Equal(t, 1, job.EndReason)
	assert.Equal(t, "typed-jobs", job.Script.Name)
	require.Len(t, job.Summary, 1)
	assert.Equal(t, "满意", job.Summary[0].Content)
	require.Len(t, job.Tasks, 1)
	task := job.Tasks[0]
	assert.Equal(t, "Succeeded", task.Status)
	assert.NotEmpty(t, task.TaskID)
	assert.NotEmpty(t, task.CallID)
	assert.Equal(t, "13800000001", task.CalledNumber)
	assert.Equal(t, 40, task.Duration)
	assert.Equal(t, f.now, task.ActualTime.UTC())
	assert.Equal(t, f.now, task.PlanedTime.UTC())
	assert.Equal(t, f.now.Add(40*time.Second), task.EndTime.UTC())
	require.Len(t, task.Conversation, 2)
	assert.Equal(t, "Contact", task.Conversation[1].Speaker)
	assert.Equal(t, f.now.Add(5*time.Second), task.Conversation[1].Timestamp.UTC())
	assert.Equal(t, "客户1", task.Contact.ContactName)

	g, err := f.client.DescribeJobGroup(ctx, &outboundbot.DescribeJobGroupRequest{InstanceID: f.instance, JobGroupID: groupID})
	require.NoError(t, err)
	assert.Equal(t, "Executing", g.JobGroup.Status, "one job done, two to go")
	assert.Equal(t, 1, g.JobGroup.Progress.TotalCompleted)
	assert.Equal(t, 2, g.JobGroup.Progress.Scheduling)
	assert.Equal(t, f.now, g.JobGroup.Progress.StartTime.UTC())
	assert.Equal(t, 1, g.JobGroup.Result.FinishedNum)
}

// progressRest moves the other jobs on with the list reads, which step
// what they report, until the group is Completed.
func (f *typedFake) progressRest(t *testing.T, groupID string, ids []string) {
	ctx := t.Context()
	// QueryJobsWithResultAll walks two pages of two: ids[1] and ids[2]
	// are Scheduling when first reported, ids[0] Succeeded.
	req := &outboundbot.QueryJobsWithResultRequest{InstanceID: f.instance, JobGroupID: groupID, PageSize: 2}
	statuses := map[string]string{}
	for item, err := range f.client.QueryJobsWithResultAll(ctx, req) {
		require.NoError(t, err)
		statuses[item.ID] = item.Status
		assert.Equal(t, item.Status, item.LatestTask.Status)
		assert.NotEmpty(t, item.StatusName)
	}
	assert.Equal(t, map[string]string{ids[0]: "Succeeded", ids[1]: "Scheduling", ids[2]: "Scheduling"}, statuses)
	qp := outboundbot.NewQueryJobsWithResultPaginator(f.client, req)
	var rows []int
	for qp.HasMorePages() {
		page, err := qp.NextPage(ctx)
		require.NoError(t, err)
		rows = append(rows, page.RowCount)
		assert.Equal(t, 2, page.PageCount)
		assert.Equal(t, []string{"name"}, page.VariableNames)
	}
	assert.Equal(t, []int{3, 3}, rows)

	byGroup := map[string]string{}
	for job, err := range f.client.ListJobsByGroupAll(ctx, &outboundbot.ListJobsByGroupRequest{InstanceID: f.instance, JobGroupID: groupID, PageSize: 2}) {
		require.NoError(t, err)
		byGroup[job.JobID] = job.Status
	}
	assert.Equal(t, map[string]string{ids[0]: "Succeeded", ids[1]: "Succeeded", ids[2]: "Succeeded"}, byGroup, "the third read reports Succeeded")
	lp := outboundbot.NewListJobsByGroupPaginator(f.client, &outboundbot.ListJobsByGroupRequest{InstanceID: f.instance, JobGroupID: groupID, PageSize: 10, JobStatus: "Succeeded"})
	page, err := lp.NextPage(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3, page.TotalCount)
	assert.False(t, lp.HasMorePages())
	_, err = lp.NextPage(ctx)
	assert.True(t, errors.Is(err, outboundbot.ErrNoMorePages), "got %v", err)

	byID, err := f.client.ListJobs(ctx, &outboundbot.ListJobsRequest{InstanceID: f.instance, JobIDs: []string{ids[2], "no-such-job", ids[0]}})
	require.NoError(t, err)
	require.Len(t, byID.Jobs, 2, "an unknown ID is left out")
	assert.Equal(t, ids[2], byID.Jobs[0].JobID)
	assert.Equal(t, ids[0], byID.Jobs[1].JobID)
	assert.Equal(t, "Succeeded", byID.Jobs[0].Status)

	answered, err := f.client.QueryJobsWithResult(ctx, &outboundbot.QueryJobsWithResultRequest{
		InstanceID: f.instance, JobGroupID: groupID, HasAnsweredFilter: true, QueryText: "13800000002",
	})
	require.NoError(t, err)
	assert.Equal(t, 1, answered.RowCount)
	require.Len(t, answered.Jobs, 1)
	latest := answered.Jobs[0].LatestTask
	assert.Equal(t, ids[1], answered.Jobs[0].ID)
	assert.True(t, latest.HasAnswered)
	assert.Equal(t, f.now, latest.CallTime.UTC())
	assert.Equal(t, 40000, latest.CallDuration)
	assert.Equal(t, "13800000002", latest.Contact.PhoneNumber)
	assert.Equal(t, ids[1], latest.Contact.JobUUID)
	assert.Equal(t, []outboundbot.TagHit{{TagGroup: "是否满意", TagName: "满意"}}, latest.TagHits)
	assert.Equal(t, []outboundbot.Label{{Name: "是否满意", ValueList: []string{"满意"}}}, answered.Labels)

	g, err := f.client.DescribeJobGroup(ctx, &outboundbot.DescribeJobGroupRequest{InstanceID: f.instance, JobGroupID: groupID})
	require.NoError(t, err)
	assert.Equal(t, "Completed", g.JobGroup.Status)
	assert.Equal(t, 3, g.JobGroup.Progress.TotalCompleted)
	assert.Equal(t, 120, g.JobGroup.Progress.Duration)
	assert.Equal(t, []outboundbot.Tag{{Key: "是否满意", Value: "满意"}}, g.JobGroup.Progress.Briefs)
	done := 0
	for it, err := range f.client.ListJobGroupsAll(context.WithoutCancel(ctx), &outboundbot.ListJobGroupsRequest{InstanceID: f.instance, JobGroupStatusFilter: "Completed"}) {
		require.NoError(t, err)
		assert.Equal(t, groupID, it.JobGroupID)
		done++
	}
	assert.Equal(t, 1, done)
}
