package outboundbottest

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/fake"
)

// Job statuses the fake moves a job through, one step per read that
// reports it.
const (
	jobScheduling = "Scheduling"
	jobExecuting  = "Executing"
	jobSucceeded  = "Succeeded"
)

// statusNames are the display names QueryJobsWithResult gives the statuses.
var statusNames = map[string]string{jobScheduling: "调度中", jobExecuting: "执行中", jobSucceeded: "结束-已触达"}

// job is one person (or household) to call.
type job struct {
	ID, GroupID, ReferenceID string
	Priority                 int
	Contacts                 []contact
	Extras                   []keyValue
	CallingNumbers           []string
	Status                   string
	Created, Started         time.Time // Started: when it went Executing
	TaskID, CallID           string    // its call, once started
}

// contact is a person a job calls, as JobsJson gives it.
type contact struct {
	ID          string `json:"-"`
	PhoneNumber string `json:"phoneNumber"`
	Name        string `json:"name"`
	Honorific   string `json:"honorific"`
	Role        string `json:"role"`
	ReferenceID string `json:"referenceId"`
}

// jobText is one element of JobsJson: a job as JSON text.
type jobText struct {
	ReferenceID    string     `json:"referenceId"`
	Priority       lenientInt `json:"priority"`
	CallingNumbers []string   `json:"callingNumbers"`
	Contacts       []contact  `json:"contacts"`
	Extras         []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"extras"`
}

// The canned outcome of every call the fake makes: the contact answers and
// says they are satisfied, which the script summarises as a label.
var cannedSummary = struct{ name, content, category string }{"是否满意", "满意", "标签"}

const (
	cannedCallSeconds = 40
	cannedGreeting    = "您好，这里是智能外呼回访，请问您对我们的服务满意吗？"
	cannedReply       = "满意。"
)

// parseJob reads one JobsJson text. A job needs a contact with a number.
func parseJob(text string) (jobText, bool) {
	var t jobText
	if err := json.Unmarshal([]byte(text), &t); err != nil || len(t.Contacts) == 0 {
		return t, false
	}
	for _, c := range t.Contacts {
		if c.PhoneNumber == "" {
			return t, false
		}
	}
	return t, true
}

// assignJobs adds jobs to a group. They start Scheduling.
func (s *Server) assignJobs(c *fake.Call) fake.Reply {
	texts := c.Params.List("JobsJson")
	if len(texts) == 0 {
		return *c.Params.Require("JobsJson")
	}
	parsed := make([]jobText, len(texts))
	for i, text := range texts {
		t, good := parseJob(text)
		if !good {
			return *fake.Invalid("JobsJson." + strconv.Itoa(i+1))
		}
		parsed[i] = t
	}
	numbers := c.Params.List("CallingNumber")
	return s.withGroup(c, nil, func(w *workspace, g *jobGroup) fake.Reply {
		ids := make([]string, 0, len(parsed))
		for _, t := range parsed {
			j := s.newJob(g, t, numbers)
			w.jobs[j.ID] = j
			g.JobIDs = append(g.JobIDs, j.ID)
			ids = append(ids, j.ID)
		}
		return ok(c, map[string]any{"JobGroupId": g.ID, "JobsId": ids})
	})
}

// newJob makes the job of t in g. Callers hold mu.
func (s *Server) newJob(g *jobGroup, t jobText, numbers []string) *job {
	j := &job{
		ID: s.newID(kindJob), GroupID: g.ID, ReferenceID: t.ReferenceID, Priority: int(t.Priority),
		Status: jobScheduling, Created: s.now().UTC().Truncate(time.Millisecond),
		CallingNumbers: firstList(numbers, t.CallingNumbers, g.CallingNumbers),
	}
	for _, ct := range t.Contacts {
		ct.ID = s.newID(kindOther)
		j.Contacts = append(j.Contacts, ct)
	}
	for _, e := range t.Extras {
		j.Extras = append(j.Extras, keyValue{Key: e.Key, Value: e.Value})
	}
	return j
}

// firstList returns the first non-empty list.
func firstList(lists ...[]string) []string {
	for _, l := range lists {
		if len(l) > 0 {
			return l
		}
	}
	return []string{}
}

// step moves the job one status on: Scheduling to Executing (its call
// starts) to Succeeded (the call ends with the canned outcome). Callers
// hold mu.
func (s *Server) step(j *job) {
	switch j.Status {
	case jobScheduling:
		j.Status, j.Started = jobExecuting, s.now().UTC().Truncate(time.Millisecond)
		j.TaskID, j.CallID = s.newID(kindTask), strconv.Itoa(1528189846000+s.seq)
	case jobExecuting:
		j.Status = jobSucceeded
	}
}

func (s *Server) describeJob(c *fake.Call) fake.Reply {
	var withScript bool
	if bad := flag(c.Params, "WithScript", &withScript); bad != nil {
		return *bad
	}
	return s.within(c, []string{"JobId"}, func(w *workspace) fake.Reply {
		j := w.jobs[c.Params["JobId"]]
		if j == nil {
			return unknown("JobId")
		}
		m := w.renderJob(j, c.Params["InstanceId"])
		s.step(j)
		return ok(c, map[string]any{"Job": m})
	})
}

// listJobs answers the jobs of JobId.N the instance has, in the order
// asked; IDs it does not have are left out, as a lookup by list does.
func (s *Server) listJobs(c *fake.Call) fake.Reply {
	ids := c.Params.List("JobId")
	if len(ids) == 0 {
		return *c.Params.Require("JobId")
	}
	return s.within(c, nil, func(w *workspace) fake.Reply {
		out := []map[string]any{}
		for _, id := range ids {
			if j := w.jobs[id]; j != nil {
				out = append(out, w.renderJob(j, c.Params["InstanceId"]))
				s.step(j)
			}
		}
		return ok(c, map[string]any{"Jobs": out})
	})
}

func (s *Server) listJobsByGroup(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := page(a)
	if bad != nil {
		return *bad
	}
	return s.withGroup(c, nil, func(w *workspace, g *jobGroup) fake.Reply {
		var match []*job
		for _, id := range g.JobIDs {
			j := w.jobs[id]
			// The fake's calls never fail, so a JobFailureReason filter matches none.
			if (a["JobStatus"] == "" || j.Status == a["JobStatus"]) && a["JobFailureReason"] == "" {
				match = append(match, j)
			}
		}
		from, to := window(number, size, len(match))
		list := []map[string]any{}
		for _, j := range match[from:to] {
			list = append(list, w.renderJob(j, a["InstanceId"]))
			s.step(j)
		}
		return ok(c, map[string]any{"Jobs": map[string]any{
			"List": list, "PageNumber": number, "PageSize": size, "TotalCount": len(match),
		}})
	})
}

// queryJobsWithResult pages over the group's jobs with their latest call.
// It filters by JobStatusFilter, QueryText (a contact's number or name),
// HasAnsweredFilter, HasReachedEndOfFlowFilter and
// HasHangUpByRejectionFilter; the other filters are accepted and ignored.
func (s *Server) queryJobsWithResult(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := page(a)
	if bad != nil {
		return *bad
	}
	answered, bad := optionalFlag(a, "HasAnsweredFilter")
	if bad != nil {
		return *bad
	}
	reachedEnd, bad := optionalFlag(a, "HasReachedEndOfFlowFilter")
	if bad != nil {
		return *bad
	}
	rejected, bad := optionalFlag(a, "HasHangUpByRejectionFilter")
	if bad != nil {
		return *bad
	}
	return s.withGroup(c, nil, func(w *workspace, g *jobGroup) fake.Reply {
		var match []*job
		for _, id := range g.JobIDs {
			j := w.jobs[id]
			done := j.Status == jobSucceeded
			if (a["JobStatusFilter"] == "" || j.Status == a["JobStatusFilter"]) && j.mentions(a["QueryText"]) &&
				is(answered, done) && is(reachedEnd, done) && is(rejected, false) {
				match = append(match, j)
			}
		}
		from, to := window(number, size, len(match))
		list := []map[string]any{}
		for _, j := range match[from:to] {
			list = append(list, j.result())
			s.step(j)
		}
		labels := []map[string]any{}
		if w.progress(g).succeeded > 0 {
			labels = append(labels, map[string]any{"Name": cannedSummary.name, "ValueList": []string{cannedSummary.content}})
		}
		return ok(c, map[string]any{
			"Jobs": map[string]any{
				"List": list, "PageNumber": number, "PageSize": size, "RowCount": len(match),
				"PageCount": (len(match) + size - 1) / size,
			},
			"Labels": labels, "VariableNames": w.variableNames(g),
		})
	})
}

// optionalFlag reads a boolean filter: nil when it is not sent.
func optionalFlag(a fake.Args, name string) (*bool, *fake.Reply) {
	if _, sent := a[name]; !sent {
		return nil, nil
	}
	v := new(bool)
	return v, flag(a, name, v)
}

// is reports whether an optional filter admits value.
func is(filter *bool, value bool) bool { return filter == nil || *filter == value }

func (j *job) mentions(text string) bool {
	return text == "" || slices.ContainsFunc(j.Contacts, func(c contact) bool {
		return strings.Contains(c.PhoneNumber, text) || strings.Contains(c.Name, text)
	})
}

// variableNames are the extras' keys of the group's jobs, first seen first.
func (w *workspace) variableNames(g *jobGroup) []string {
	names := []string{}
	for _, id := range g.JobIDs {
		for _, e := range w.jobs[id].Extras {
			if !slices.Contains(names, e.Key) {
				names = append(names, e.Key)
			}
		}
	}
	return names
}

// renderJob renders the job with every member ListJobs, ListJobsByGroup
// and DescribeJob return. The script is always there (WithScript is
// accepted and has no effect), with empty members for a group without one.
func (w *workspace) renderJob(j *job, instanceID string) map[string]any {
	g := w.groups[j.GroupID]
	summary := []map[string]any{}
	tasks := []map[string]any{}
	var actual, next int64
	if j.TaskID != "" {
		actual = j.Started.UnixMilli()
		tasks = append(tasks, j.task(g))
	} else {
		next = j.Created.UnixMilli()
	}
	if j.Status == jobSucceeded {
		summary = append(summary, map[string]any{
			"SummaryName": cannedSummary.name, "Content": cannedSummary.content, "Category": cannedSummary.category,
			"SummaryId": j.TaskID + "-s1", "ConversationDetailId": j.TaskID + "-c2",
			"JobGroupId": j.GroupID, "JobId": j.ID, "TaskId": j.TaskID,
		})
	}
	m := map[string]any{
		"JobId": j.ID, "JobGroupId": j.GroupID, "InstanceId": instanceID, "ReferenceId": j.ReferenceID,
		"Status": j.Status, "FailureReason": "", "Priority": j.Priority, "SystemPriority": 1,
		"ScenarioId": g.ScenarioID, "StrategyId": g.Strategy.ID, "CallingNumbers": j.CallingNumbers,
		"CalledNumber": j.Contacts[0].PhoneNumber, "Contacts": j.renderContacts(), "Extras": orEmpty(j.Extras),
		"Summary": summary, "Tasks": tasks, "ActualTime": actual, "NextExecutionTime": next,
		"DsReport": "", "EndReason": j.endReason(),
	}
	sc := w.scripts[g.ScriptID]
	if sc == nil {
		sc = &script{} // a group without a script: the members, empty
	}
	m["Script"] = map[string]any{
		"ScriptId": sc.ID, "Name": sc.Name, "ScriptDescription": sc.Description, "Industry": sc.Industry,
		"Scene": sc.Scene, "Status": sc.Status, "IsDrafted": sc.Drafted, "DebugStatus": scriptDrafted,
		"IsDebugDrafted": true, "AsrConfig": sc.AsrConfig, "TtsConfig": sc.TtsConfig, "ChatbotId": sc.ChatbotID,
		"MiniPlaybackConfigEnabled": sc.MiniPlaybackEnable, "UpdateTime": sc.Updated.UnixMilli(),
	}
	return m
}

// endReason is DescribeJob's EndReason: 1 (finished) once the call is
// done, 0 before.
func (j *job) endReason() int {
	if j.Status == jobSucceeded {
		return 1
	}
	return 0
}

func (j *job) renderContacts() []map[string]any {
	out := make([]map[string]any, len(j.Contacts))
	for i := range j.Contacts {
		out[i] = j.renderContact(i)
	}
	return out
}

func (j *job) renderContact(i int) map[string]any {
	c := j.Contacts[i]
	return map[string]any{
		"ContactId": c.ID, "ContactName": c.Name, "Honorific": c.Honorific, "JobId": j.ID,
		"PhoneNumber": c.PhoneNumber, "ReferenceId": c.ReferenceID, "Role": c.Role, "State": "Available",
	}
}

// task renders the job's call: under way while Executing (the greeting
// said), done with the canned outcome once Succeeded.
func (j *job) task(g *jobGroup) map[string]any {
	start := j.Started.UnixMilli()
	lines := []map[string]any{{
		"Speaker": "Robot", "Script": cannedGreeting, "Action": "Broadcast", "ActionParams": "{}",
		"SequenceId": j.TaskID + "-c1", "Timestamp": start, "Summary": []map[string]any{},
	}}
	task := map[string]any{
		"TaskId": j.TaskID, "CallId": j.CallID, "JobId": j.ID, "ScenarioId": g.ScenarioID,
		"CalledNumber": j.Contacts[0].PhoneNumber, "CallingNumber": first(j.CallingNumbers), "ChatbotId": g.ScriptID,
		"Contact": j.renderContact(0), "Status": jobExecuting, "Brief": "", "PlanedTime": j.Created.UnixMilli(),
		"ActualTime": start, "EndTime": int64(0), "EndReason": "", "HangUpDirection": "",
		"Duration": 0, "TotalDuration": int64(0), "SipCode": "200", "SipDuration": int64(0),
		"RingingDuration": g.RingingSeconds, "RealRingingDuration": int64(min(g.RingingSeconds, 5)),
	}
	if j.Status == jobSucceeded {
		lines = append(lines, map[string]any{
			"Speaker": "Contact", "Script": cannedReply, "Action": "", "ActionParams": "{}",
			"SequenceId": j.TaskID + "-c2", "Timestamp": start + 5000,
			"Summary": []map[string]any{{"SummaryName": cannedSummary.name, "Content": cannedSummary.content, "Category": cannedSummary.category}},
		})
		task["Status"], task["Brief"], task["EndReason"], task["HangUpDirection"] = jobSucceeded, cannedSummary.content, "FINISHED", "client"
		task["EndTime"], task["Duration"] = start+cannedCallSeconds*1000, cannedCallSeconds
		task["TotalDuration"], task["SipDuration"] = int64(cannedCallSeconds), int64(cannedCallSeconds)
	}
	task["Conversation"] = lines
	return task
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// result renders the job as QueryJobsWithResult lists it; before its call
// the latest task reports the job's status and no call.
func (j *job) result() map[string]any {
	m := map[string]any{"Id": j.ID, "Status": j.Status, "StatusName": statusNames[j.Status], "JobFailureReason": ""}
	done := j.Status == jobSucceeded
	c := j.Contacts[0]
	var callTime int64
	if j.TaskID != "" {
		callTime = j.Started.UnixMilli()
	}
	latest := map[string]any{
		"Status": j.Status, "StatusName": statusNames[j.Status], "CallTime": callTime,
		"CallDuration": 0, "CallDurationDisplay": "0", "HasAnswered": done, "HasHangUpByRejection": false,
		"HasLastPlaybackCompleted": done, "HasReachedEndOfFlow": done, "HangUpDirection": "", "TaskEndReason": "",
		"DialExceptionCodes": []map[string]string{{"Code": "0", "Hint": "无"}},
		"Extras":             orEmpty(j.Extras), "TagHits": []map[string]string{},
		"Contact": map[string]any{
			"Id": c.ID, "JobUuid": j.ID, "Name": c.Name, "Honorific": c.Honorific, "PhoneNumber": c.PhoneNumber,
			"PreferredPhoneNumber": c.PhoneNumber, "ReferenceId": c.ReferenceID, "Role": c.Role, "Round": 1, "State": "Available",
		},
	}
	if done {
		latest["CallDuration"], latest["CallDurationDisplay"] = cannedCallSeconds*1000, strconv.Itoa(cannedCallSeconds)
		latest["HangUpDirection"], latest["TaskEndReason"] = "被叫用户", "FINISHED"
		latest["TagHits"] = []map[string]string{{"TagGroup": cannedSummary.name, "TagName": cannedSummary.content}}
	}
	m["LatestTask"] = latest
	return m
}
