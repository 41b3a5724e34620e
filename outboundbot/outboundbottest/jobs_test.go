package outboundbottest_test

import (
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// newGroup creates a job group with the script and returns its ID.
func (h *harness) newGroup(name, scriptID string) string {
	h.T.Helper()
	out := h.call("CreateJobGroup", testutil.RawParams{
		"JobGroupName": name, "JobGroupDescription": "回访作业", "ScriptId": scriptID, "CallingNumber.1": "057126883106", "RecallCallingNumber.1": "057126883107",
		"StrategyJson":       `{"maxAttemptsPerDay":"2","minAttemptInterval":30,"repeatBy":"Week","repeatDays":["1","2"],"workingTime":[{"beginTime":"10:00:00","endTime":"11:00:00"}]}`,
		"RecallStrategyJson": `{"emptyNumberIgnore":true}`,
		"FlashSmsExtras":     `{"templateId":"104xx","configId":"8037f524"}`,
	})
	id := str(out, "JobGroup", "JobGroupId")
	require.NotEmpty(h.T, id)
	return id
}

// jobText is one JobsJson element for person n.
func jobText(n int) string {
	return fmt.Sprintf(`{"referenceId":"ref-%d","priority":5,"extras":[{"key":"name","value":"客户%d"}],`+
		`"contacts":[{"phoneNumber":"1380000%04d","name":"客户%d","honorific":"先生","role":"本人","referenceId":"c-%d"}]}`, n, n, n, n, n)
}

// assign assigns jobs for persons 1..n to the group and returns their IDs.
func (h *harness) assign(groupID string, n int) []string {
	h.T.Helper()
	p := testutil.RawParams{"JobGroupId": groupID}
	for i := 1; i <= n; i++ {
		p["JobsJson."+strconv.Itoa(i)] = jobText(i)
	}
	out := h.call("AssignJobs", p)
	assert.Equal(h.T, groupID, str(out, "JobGroupId"))
	var ids []string
	for _, id := range list(out, "JobsId") {
		ids = append(ids, id.(string))
	}
	require.Len(h.T, ids, n)
	return ids
}

// TestJobGroupWorkflow: create (referencing a script) → describe → list
// (paged, searched) → modify → delete → describe is refused, and its jobs
// are gone with it.
func TestJobGroupWorkflow(t *testing.T) { jobGroupWorkflow(t, newHarness(t)) }

func jobGroupWorkflow(t *testing.T, h *harness) {
	scriptID := h.newScript("催收话术")
	id := h.newGroup("group-0", scriptID)
	h.newGroup("group-1", scriptID)
	h.newGroup("other", "")

	got := h.call("DescribeJobGroup", testutil.RawParams{"JobGroupId": id})
	g := at(got, "JobGroup")
	assert.Equal(t, "group-0", str(g, "JobGroupName"))
	assert.Equal(t, scriptID, str(g, "ScriptId"))
	assert.Equal(t, "催收话术", str(g, "ScriptName"))
	assert.Equal(t, "Draft", str(g, "Status"), "no jobs yet")
	assert.Equal(t, 2, num(g, "Strategy", "MaxAttemptsPerDay"), "a count sent as text")
	assert.Equal(t, 30, num(g, "Strategy", "MinAttemptInterval"))
	assert.Equal(t, "10:00:00", str(list(g, "Strategy", "WorkingTime")[0], "BeginTime"))
	assert.Equal(t, true, at(g, "RecallStrategy", "EmptyNumberIgnore"))
	assert.Equal(t, "8037f524", str(g, "FlashSmsExtras", "ConfigId"))
	assert.Equal(t, []any{"057126883106"}, list(g, "CallingNumbers"))

	page := h.call("ListJobGroups", testutil.RawParams{"PageNumber": "2", "PageSize": "2"})
	assert.Equal(t, 3, num(page, "JobGroups", "TotalCount"))
	require.Len(t, list(page, "JobGroups", "List"), 1)
	searched := h.call("ListJobGroups", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "SearchText": "group"})
	assert.Equal(t, 2, num(searched, "JobGroups", "TotalCount"))

	mod := h.call("ModifyJobGroup", testutil.RawParams{"JobGroupId": id, "Name": "renamed", "Description": "新的", "Priority": "Urgent"})
	assert.Equal(t, "renamed", str(mod, "JobGroup", "JobGroupName"))
	got = h.call("DescribeJobGroup", testutil.RawParams{"JobGroupId": id})
	assert.Equal(t, "新的", str(got, "JobGroup", "JobGroupDescription"))
	assert.Equal(t, "Urgent", str(got, "JobGroup", "Priority"))
	assert.Equal(t, scriptID, str(got, "JobGroup", "ScriptId"), "parameters not sent keep their value")

	used := h.Refuse("DeleteScript", testutil.RawParams{"ScriptId": scriptID})
	assert.Equal(t, "InvalidParameter", used.Code, "a script a job group uses is kept")

	jobs := h.assign(id, 2)
	h.call("DeleteJobGroup", testutil.RawParams{"JobGroupId": id})
	assert.Equal(t, "InvalidParameter", h.Refuse("DescribeJobGroup", testutil.RawParams{"JobGroupId": id}).Code)
	assert.Equal(t, "InvalidParameter", h.Refuse("DescribeJob", testutil.RawParams{"JobId": jobs[0]}).Code)
	left := h.call("ListJobs", testutil.RawParams{"JobId.1": jobs[0], "JobId.2": jobs[1]})
	assert.Empty(t, list(left, "Jobs"))
}

// TestJobsProgress: each read that reports a job moves it one step,
// Scheduling → Executing → Succeeded, and the group's status and counters
// follow; a succeeded job carries its call and summary.
func TestJobsProgress(t *testing.T) { jobsProgress(t, newHarness(t)) }

func jobsProgress(t *testing.T, h *harness) {
	groupID := h.newGroup("progress", h.newScript("s"))
	ids := h.assign(groupID, 3)

	group := func() any {
		return at(h.call("DescribeJobGroup", testutil.RawParams{"JobGroupId": groupID}), "JobGroup")
	}
	assert.Equal(t, "Scheduling", str(group(), "Status"))
	assert.Equal(t, 3, num(group(), "Progress", "TotalJobs"))

	var steps []string
	for range 4 {
		steps = append(steps, str(h.call("DescribeJob", testutil.RawParams{"JobId": ids[0]}), "Job", "Status"))
	}
	assert.Equal(t, []string{"Scheduling", "Executing", "Succeeded", "Succeeded"}, steps)
	done := at(h.call("DescribeJob", testutil.RawParams{"JobId": ids[0], "WithScript": "true"}), "Job")
	require.Len(t, list(done, "Tasks"), 1)
	task := list(done, "Tasks")[0]
	assert.Equal(t, "Succeeded", str(task, "Status"))
	assert.Len(t, list(task, "Conversation"), 2)
	require.Len(t, list(done, "Summary"), 1)
	assert.Equal(t, "1380000"+"0001", str(done, "CalledNumber"))
	assert.Equal(t, "s", str(done, "Script", "Name"))
	assert.Equal(t, "客户1", str(list(done, "Extras")[0], "Value"))

	g := group()
	assert.Equal(t, "Executing", str(g, "Status"), "one job done, two to go")
	assert.Equal(t, 1, num(g, "Progress", "TotalCompleted"))
	assert.Equal(t, 2, num(g, "Progress", "Scheduling"))

	// QueryJobsWithResult pages with RowCount as the total and steps what it reports.
	first := h.call("QueryJobsWithResult", testutil.RawParams{"JobGroupId": groupID, "PageNumber": "1", "PageSize": "2"})
	assert.Equal(t, 3, num(first, "Jobs", "RowCount"))
	assert.Equal(t, 2, num(first, "Jobs", "PageCount"))
	require.Len(t, list(first, "Jobs", "List"), 2)
	second := h.call("QueryJobsWithResult", testutil.RawParams{"JobGroupId": groupID, "PageNumber": "2", "PageSize": "2"})
	require.Len(t, list(second, "Jobs", "List"), 1)
	assert.Equal(t, ids[2], str(list(second, "Jobs", "List")[0], "Id"))
	assert.Equal(t, []any{"name"}, list(second, "VariableNames"))

	// ListJobsByGroup steps the rest to Succeeded, then filters by status.
	for range 2 {
		h.call("ListJobsByGroup", testutil.RawParams{"JobGroupId": groupID, "PageNumber": "1", "PageSize": "10"})
	}
	all := h.call("ListJobsByGroup", testutil.RawParams{"JobGroupId": groupID, "PageNumber": "1", "PageSize": "10", "JobStatus": "Succeeded"})
	assert.Equal(t, 3, num(all, "Jobs", "TotalCount"))
	assert.Equal(t, "Completed", str(group(), "Status"))
	answered := h.call("QueryJobsWithResult", testutil.RawParams{"JobGroupId": groupID, "PageNumber": "1", "PageSize": "10", "HasAnsweredFilter": "true", "QueryText": "13800000002"})
	assert.Equal(t, 1, num(answered, "Jobs", "RowCount"))
	assert.Equal(t, ids[1], str(list(answered, "Jobs", "List")[0], "Id"))
	assert.NotEmpty(t, list(answered, "Labels"))

	byID := h.call("ListJobs", testutil.RawParams{"JobId.1": ids[2], "JobId.2": "no-such-job", "JobId.3": ids[0]})
	require.Len(t, list(byID, "Jobs"), 2, "an unknown ID is left out")
	assert.Equal(t, ids[2], str(list(byID, "Jobs")[0], "JobId"))
	assert.Equal(t, ids[0], str(list(byID, "Jobs")[1], "JobId"))
}

// TestUnknownIDs: each operation refuses an unknown instance with
// NotExist.Instance, and an unknown script, job group or job with
// InvalidParameter naming it.
func TestUnknownIDs(t *testing.T) {
	h := newHarness(t)
	scriptID := h.newScript("s")
	groupID := h.newGroup("g", scriptID)
	jobID := h.assign(groupID, 1)[0]
	paging := testutil.RawParams{"PageNumber": "1", "PageSize": "10"}
	cases := []struct {
		action string
		params testutil.RawParams
		param  string // the unknown one
	}{
		{"DescribeScript", testutil.RawParams{"ScriptId": "nope"}, "ScriptId"},
		{"ModifyScript", testutil.RawParams{"ScriptId": "nope", "ScriptName": "n", "Industry": "i", "Scene": "s"}, "ScriptId"},
		{"DeleteScript", testutil.RawParams{"ScriptId": "nope"}, "ScriptId"},
		{"PublishScript", testutil.RawParams{"ScriptId": "nope", "Description": "d"}, "ScriptId"},
		{"ListScripts", paging, ""},
		{"CreateJobGroup", testutil.RawParams{"JobGroupName": "n", "ScriptId": "nope"}, "ScriptId"},
		{"DescribeJobGroup", testutil.RawParams{"JobGroupId": "nope"}, "JobGroupId"},
		{"ModifyJobGroup", testutil.RawParams{"JobGroupId": "nope", "Name": "n"}, "JobGroupId"},
		{"ModifyJobGroup", testutil.RawParams{"JobGroupId": groupID, "Name": "n", "ScriptId": "nope"}, "ScriptId"},
		{"DeleteJobGroup", testutil.RawParams{"JobGroupId": "nope"}, "JobGroupId"},
		{"ListJobGroups", paging, ""},
		{"AssignJobs", testutil.RawParams{"JobGroupId": "nope", "JobsJson.1": jobText(1)}, "JobGroupId"},
		{"ListJobsByGroup", testutil.RawParams{"JobGroupId": "nope", "PageNumber": "1", "PageSize": "10"}, "JobGroupId"},
		{"QueryJobsWithResult", testutil.RawParams{"JobGroupId": "nope", "PageNumber": "1", "PageSize": "10"}, "JobGroupId"},
		{"DescribeJob", testutil.RawParams{"JobId": "nope"}, "JobId"},
		{"ListJobs", testutil.RawParams{"JobId.1": jobID}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.action+"/"+tc.param, func(t *testing.T) {
			noInstance := testutil.RawParams{"InstanceId": "no-such-instance"}
			for k, v := range tc.params {
				noInstance[k] = v
			}
			err := h.Refuse(tc.action, noInstance)
			assert.Equal(t, outboundbot.CodeInstanceNotFound, err.Code)
			assert.ErrorIs(t, err, outboundbot.ErrNotFound)
			if tc.param == "" {
				return
			}
			err = h.Refuse(tc.action, copyParams(tc.params))
			assert.Equal(t, 400, err.HTTPStatus)
			assert.Equal(t, "InvalidParameter", err.Code)
			assert.Contains(t, err.Message, tc.param)
		})
	}
}

func copyParams(p testutil.RawParams) testutil.RawParams {
	out := testutil.RawParams{}
	for k, v := range p {
		out[k] = v
	}
	return out
}

// TestBadJobs: AssignJobs refuses no jobs and a job text without a
// contact number, naming it, and assigns nothing.
func TestBadJobs(t *testing.T) {
	h := newHarness(t)
	groupID := h.newGroup("g", "")
	assert.Equal(t, "MissingParameter", h.Refuse("AssignJobs", testutil.RawParams{"JobGroupId": groupID}).Code)
	bad := h.Refuse("AssignJobs", testutil.RawParams{"JobGroupId": groupID, "JobsJson.1": jobText(1), "JobsJson.2": `{"contacts":[{"name":"x"}]}`})
	assert.Equal(t, "InvalidParameter", bad.Code)
	assert.Contains(t, bad.Message, "JobsJson.2")
	g := h.call("DescribeJobGroup", testutil.RawParams{"JobGroupId": groupID})
	assert.Equal(t, 0, num(g, "JobGroup", "Progress", "TotalJobs"))
}

// TestConcurrentWorkflows: workflows in parallel (run with -race) leave
// exactly what each made.
func TestConcurrentWorkflows(t *testing.T) {
	h := newHarness(t)
	const workers, jobsEach = 8, 3
	var wg sync.WaitGroup
	groups := make([]string, workers)
	for w := range workers {
		wg.Go(func() {
			scriptID := h.newScript("s-" + strconv.Itoa(w))
			groups[w] = h.newGroup("g-"+strconv.Itoa(w), scriptID)
			for _, id := range h.assign(groups[w], jobsEach) {
				h.call("DescribeJob", testutil.RawParams{"JobId": id})
			}
			h.call("QueryJobsWithResult", testutil.RawParams{"JobGroupId": groups[w], "PageNumber": "1", "PageSize": "10"})
		})
	}
	wg.Wait()
	all := h.call("ListJobGroups", testutil.RawParams{"PageNumber": "1", "PageSize": "100"})
	assert.Equal(t, workers, num(all, "JobGroups", "TotalCount"))
	scripts := h.call("ListScripts", testutil.RawParams{"PageNumber": "1", "PageSize": "100"})
	assert.Equal(t, workers, num(scripts, "Scripts", "TotalCount"))
	for _, id := range groups {
		jobs := h.call("ListJobsByGroup", testutil.RawParams{"JobGroupId": id, "PageNumber": "1", "PageSize": "10", "JobStatus": "Succeeded"})
		assert.Equal(t, jobsEach, num(jobs, "Jobs", "TotalCount"), "two reads each: Succeeded on the third")
	}
}
