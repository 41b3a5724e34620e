package outboundbottest

import (
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/fake"
)

// jobGroup is a batch of outbound calls made with one script.
type jobGroup struct {
	ID, Name, Description          string
	ScriptID, ScriptName           string
	ScriptVersion, ScenarioID      string
	Priority                       string
	CallingNumbers, RecallNumbers  []string
	MinConcurrency, RingingSeconds int64
	Strategy                       strategy
	Recall                         recallStrategy
	FlashSMS                       flashSMS
	FlashSMSText                   string // FlashSmsExtras as sent
	Created, Modified              time.Time
	JobIDs                         []string // assignment order
}

// strategy is the calling strategy of StrategyJson.
type strategy struct {
	ID                 string       `json:"-"`
	Name               string       `json:"name"`
	Description        string       `json:"description"`
	MaxAttemptsPerDay  lenientInt   `json:"maxAttemptsPerDay"`
	MinAttemptInterval lenientInt   `json:"minAttemptInterval"`
	RoutingStrategy    string       `json:"routingStrategy"`
	FollowUpStrategy   string       `json:"followUpStrategy"`
	RepeatBy           string       `json:"repeatBy"`
	RepeatDays         []string     `json:"repeatDays"`
	Repeatable         bool         `json:"repeatable"`
	StartTime          lenientInt   `json:"startTime"`
	EndTime            lenientInt   `json:"endTime"`
	WorkingTime        []workPeriod `json:"workingTime"`
}

type workPeriod struct {
	BeginTime string `json:"beginTime"`
	EndTime   string `json:"endTime"`
}

// recallStrategy is RecallStrategyJson: which failed calls are not retried.
type recallStrategy struct {
	EmptyNumberIgnore  bool `json:"emptyNumberIgnore"`
	InArrearsIgnore    bool `json:"inArrearsIgnore"`
	OutOfServiceIgnore bool `json:"outOfServiceIgnore"`
}

// flashSMS is FlashSmsExtras: the flash message sent before the call.
type flashSMS struct {
	ConfigID   string `json:"configId"`
	TemplateID string `json:"templateId"`
}

// defaultStrategy is the strategy of a group created without StrategyJson:
// three attempts a day, ten minutes apart, office hours, for thirty days.
func defaultStrategy(now time.Time) strategy {
	return strategy{
		Name: "默认策略", MaxAttemptsPerDay: 3, MinAttemptInterval: 10, RoutingStrategy: "LocalFirst",
		FollowUpStrategy: "CONTINUE", RepeatBy: "Once", RepeatDays: []string{},
		StartTime: lenientInt(now.UnixMilli()), EndTime: lenientInt(now.AddDate(0, 0, 30).UnixMilli()),
		WorkingTime: []workPeriod{{BeginTime: "09:00:00", EndTime: "18:00:00"}},
	}
}

// set applies the parameters Create and Modify share; absent ones keep
// their value. Callers hold mu.
func (g *jobGroup) set(w *workspace, a fake.Args) *fake.Reply {
	for _, bad := range []*fake.Reply{
		longParam(a, "MinConcurrency", &g.MinConcurrency), longParam(a, "RingingDuration", &g.RingingSeconds),
		jsonParam(a, "StrategyJson", &g.Strategy), jsonParam(a, "RecallStrategyJson", &g.Recall),
		jsonParam(a, "FlashSmsExtras", &g.FlashSMS),
	} {
		if bad != nil {
			return bad
		}
	}
	if id, sent := a["ScriptId"]; sent && id != "" {
		sc := w.scripts[id]
		if sc == nil {
			return fake.Invalid("ScriptId")
		}
		g.ScriptID, g.ScriptName, g.ScriptVersion = sc.ID, sc.Name, strconv.FormatInt(sc.Updated.UnixMilli(), 10)
	}
	if v, sent := a["FlashSmsExtras"]; sent {
		g.FlashSMSText = v
	}
	if v, sent := a["ScenarioId"]; sent {
		g.ScenarioID = v
	}
	if v, sent := a["Priority"]; sent {
		if v != "Urgent" && v != "Daily" {
			return fake.Invalid("Priority")
		}
		g.Priority = v
	}
	if numbers := a.List("CallingNumber"); numbers != nil {
		g.CallingNumbers = numbers
	}
	if numbers := a.List("RecallCallingNumber"); numbers != nil {
		g.RecallNumbers = numbers
	}
	return nil
}

func (s *Server) createJobGroup(c *fake.Call) fake.Reply {
	return s.within(c, []string{"JobGroupName"}, func(w *workspace) fake.Reply {
		now := s.now().UTC().Truncate(time.Millisecond)
		g := &jobGroup{
			Name: c.Params["JobGroupName"], Description: c.Params["JobGroupDescription"], Priority: "Daily",
			CallingNumbers: []string{}, RecallNumbers: []string{}, MinConcurrency: 0, RingingSeconds: 25,
			Strategy: defaultStrategy(now), Created: now, Modified: now,
		}
		if bad := g.set(w, c.Params); bad != nil {
			return *bad
		}
		g.ID, g.Strategy.ID = s.newID(kindJobGroup), s.newID(kindOther)
		w.groups[g.ID] = g
		w.groupIDs = append(w.groupIDs, g.ID)
		return ok(c, map[string]any{"JobGroup": w.renderGroup(g)})
	})
}

// withGroup runs fn on the call's job group.
func (s *Server) withGroup(c *fake.Call, required []string, fn func(w *workspace, g *jobGroup) fake.Reply) fake.Reply {
	return s.within(c, append([]string{"JobGroupId"}, required...), func(w *workspace) fake.Reply {
		g := w.groups[c.Params["JobGroupId"]]
		if g == nil {
			return unknown("JobGroupId")
		}
		return fn(w, g)
	})
}

func (s *Server) describeJobGroup(c *fake.Call) fake.Reply {
	return s.withGroup(c, nil, func(w *workspace, g *jobGroup) fake.Reply {
		return ok(c, map[string]any{"JobGroup": w.renderGroup(g)})
	})
}

func (s *Server) listJobGroups(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := page(a)
	if bad != nil {
		return *bad
	}
	var after, before int64
	if bad := firstBad(longParam(a, "StartTime", &after), longParam(a, "EndTime", &before)); bad != nil {
		return *bad
	}
	return s.within(c, nil, func(w *workspace) fake.Reply {
		match := []map[string]any{}
		for _, id := range w.groupIDs {
			g := w.groups[id]
			created := g.Created.UnixMilli()
			if !strings.Contains(g.Name, a["SearchText"]) || created < after || before != 0 && created > before ||
				a["JobGroupStatusFilter"] != "" && w.progress(g).status != a["JobGroupStatusFilter"] {
				continue
			}
			match = append(match, w.renderGroup(g))
		}
		from, to := window(number, size, len(match))
		// AsyncQuery is answered synchronously: no task to poll.
		return ok(c, map[string]any{"AsyncTaskId": "", "JobGroups": map[string]any{
			"List": match[from:to], "PageNumber": number, "PageSize": size, "TotalCount": len(match),
		}})
	})
}

func (s *Server) modifyJobGroup(c *fake.Call) fake.Reply {
	return s.withGroup(c, []string{"Name"}, func(w *workspace, g *jobGroup) fake.Reply {
		changed := *g
		if bad := changed.set(w, c.Params); bad != nil {
			return *bad
		}
		changed.Name = c.Params["Name"]
		if d, sent := c.Params["Description"]; sent {
			changed.Description = d
		}
		changed.Modified = s.now().UTC().Truncate(time.Millisecond)
		*g = changed
		m := w.renderGroup(g)
		m["FlashSmsExtras"] = g.FlashSMSText // Modify answers it as the JSON text sent
		for _, k := range notModified {
			delete(m, k)
		}
		return ok(c, map[string]any{"JobGroup": m})
	})
}

// notModified are the members of a rendered group ModifyJobGroup does not
// answer: its documented JobGroup has no progress, result, recall numbers
// or script ID, so the typed client would drop them unseen.
var notModified = []string{"Progress", "Result", "RecallCallingNumbers", "ScriptId", "ScriptNluEngine", "TotalCallNum"}

// deleteJobGroup removes the group and its jobs.
func (s *Server) deleteJobGroup(c *fake.Call) fake.Reply {
	return s.withGroup(c, nil, func(w *workspace, g *jobGroup) fake.Reply {
		for _, id := range g.JobIDs {
			delete(w.jobs, id)
		}
		delete(w.groups, g.ID)
		w.groupIDs = without(w.groupIDs, g.ID)
		return ok(c, nil)
	})
}

func firstBad(replies ...*fake.Reply) *fake.Reply {
	for _, r := range replies {
		if r != nil {
			return r
		}
	}
	return nil
}

// groupProgress counts a group's jobs by status.
type groupProgress struct {
	total, scheduling, executing, succeeded int
	started                                 time.Time // when its first job started; zero before
	status                                  string
}

// progress derives the group's status from its jobs: Draft with none,
// Scheduling while none has started, Executing while some have and not all
// have succeeded, Completed when all have.
func (w *workspace) progress(g *jobGroup) groupProgress {
	p := groupProgress{total: len(g.JobIDs)}
	for _, id := range g.JobIDs {
		j := w.jobs[id]
		switch j.Status {
		case jobScheduling:
			p.scheduling++
		case jobExecuting:
			p.executing++
		case jobSucceeded:
			p.succeeded++
		}
		if !j.Started.IsZero() && (p.started.IsZero() || j.Started.Before(p.started)) {
			p.started = j.Started
		}
	}
	switch {
	case p.total == 0:
		p.status = "Draft"
	case p.succeeded == p.total:
		p.status = "Completed"
	case p.scheduling == p.total:
		p.status = "Scheduling"
	default:
		p.status = "Executing"
	}
	return p
}

// renderGroup renders the group with every member Create, Describe, List
// and Modify return; the members the operations name differently (the
// progress counters) are there under each name.
func (w *workspace) renderGroup(g *jobGroup) map[string]any {
	p := w.progress(g)
	var started int64
	if !p.started.IsZero() {
		started = p.started.UnixMilli()
	}
	briefs := []keyValue{}
	if p.succeeded > 0 {
		briefs = append(briefs, keyValue{Key: cannedSummary.name, Value: cannedSummary.content})
	}
	progress := map[string]any{
		"Status": p.status, "TotalJobs": p.total, "TotalCompleted": p.succeeded, "TotalNotAnswered": 0,
		"Scheduling": p.scheduling, "Executing": p.executing, "ExecutingNum": p.executing,
		"Failed": 0, "FailedNum": 0, "Paused": 0, "PausedNum": 0, "Cancelled": 0, "CancelledNum": 0,
		"Duration": p.succeeded * cannedCallSeconds, "StartTime": started,
		"Briefs": briefs,
		"Categories": []keyValue{
			{Key: jobScheduling, Value: strconv.Itoa(p.scheduling)},
			{Key: jobExecuting, Value: strconv.Itoa(p.executing)},
			{Key: jobSucceeded, Value: strconv.Itoa(p.succeeded)},
		},
	}
	st := g.Strategy
	return map[string]any{
		"JobGroupId": g.ID, "JobGroupName": g.Name, "JobGroupDescription": g.Description,
		"ScriptId": g.ScriptID, "ScriptName": g.ScriptName, "ScriptVersion": g.ScriptVersion, "ScriptNluEngine": w.scriptEngine(g),
		"ScenarioId": g.ScenarioID, "Priority": g.Priority, "Status": p.status,
		"CallingNumbers": orEmpty(g.CallingNumbers), "RecallCallingNumbers": orEmpty(g.RecallNumbers),
		"MinConcurrency": g.MinConcurrency, "RingingDuration": g.RingingSeconds,
		"CreationTime": g.Created.UnixMilli(), "ModifyTime": strconv.FormatInt(g.Modified.UnixMilli(), 10),
		"JobDataParsingTaskId": "", "JobFilePath": "", "TotalCallNum": p.executing + p.succeeded,
		"ExportProgress": map[string]any{"FileHttpUrl": "", "Progress": "0", "Status": "PENDING"},
		"FlashSmsExtras": map[string]any{"ConfigId": g.FlashSMS.ConfigID, "TemplateId": g.FlashSMS.TemplateID},
		"RecallStrategy": map[string]any{
			"EmptyNumberIgnore": g.Recall.EmptyNumberIgnore, "InArrearsIgnore": g.Recall.InArrearsIgnore,
			"OutOfServiceIgnore": g.Recall.OutOfServiceIgnore,
		},
		"Progress": progress,
		"Result": map[string]any{
			"FinishedNum": p.succeeded, "ClientHangupNum": 0, "NoInteractNum": 0, "TimeoutHangupNum": 0, "UnrecognizedNum": 0,
		},
		"Strategy": map[string]any{
			"StrategyId": st.ID, "StrategyName": st.Name, "StrategyDescription": st.Description,
			"Customized": "{}", "IsTemplate": false, "Type": "Repeatable", "Repeatable": st.Repeatable,
			"MaxAttemptsPerDay": int64(st.MaxAttemptsPerDay), "MinAttemptInterval": int64(st.MinAttemptInterval),
			"RoutingStrategy": st.RoutingStrategy, "FollowUpStrategy": st.FollowUpStrategy,
			"RepeatBy": st.RepeatBy, "RepeatDays": orEmpty(st.RepeatDays),
			"StartTime": int64(st.StartTime), "EndTime": int64(st.EndTime), "WorkingTime": workingTime(st.WorkingTime),
		},
	}
}

// scriptEngine is the NLU engine of the group's script, when it still has one.
func (w *workspace) scriptEngine(g *jobGroup) string {
	if sc := w.scripts[g.ScriptID]; sc != nil {
		return sc.NluEngine
	}
	return ""
}

func workingTime(periods []workPeriod) []map[string]string {
	out := make([]map[string]string, len(periods))
	for i, p := range periods {
		out[i] = map[string]string{"BeginTime": p.BeginTime, "EndTime": p.EndTime}
	}
	return out
}

func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
