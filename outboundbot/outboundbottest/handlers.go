package outboundbottest

import (
	"net/http"
	"strings"

	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/outboundbot"
)

func (s *Server) handlers() map[string]fake.Handler {
	return map[string]fake.Handler{
		"CreateInstance":   s.createInstance,
		"DescribeInstance": s.describeInstance,
		"ListInstances":    s.listInstances,
		"ModifyInstance":   s.modifyInstance,
		"DeleteInstance":   s.deleteInstance,

		"CreateScript":   s.createScript,
		"DescribeScript": s.describeScript,
		"ListScripts":    s.listScripts,
		"ModifyScript":   s.modifyScript,
		"DeleteScript":   s.deleteScript,
		"PublishScript":  s.publishScript,

		"CreateJobGroup":   s.createJobGroup,
		"DescribeJobGroup": s.describeJobGroup,
		"ListJobGroups":    s.listJobGroups,
		"ModifyJobGroup":   s.modifyJobGroup,
		"DeleteJobGroup":   s.deleteJobGroup,

		"AssignJobs":          s.assignJobs,
		"ListJobs":            s.listJobs,
		"ListJobsByGroup":     s.listJobsByGroup,
		"QueryJobsWithResult": s.queryJobsWithResult,
		"DescribeJob":         s.describeJob,
	}
}

// ok wraps a payload in the Outbound Bot success envelope.
func ok(c *fake.Call, payload map[string]any) fake.Reply {
	body := envelope(c.RequestID)
	for k, v := range payload {
		body[k] = v
	}
	return fake.Reply{Status: http.StatusOK, Body: body}
}

func errorReply(status int, code, message string) fake.Reply {
	return fake.Error(status, code, message)
}

func notFound() fake.Reply {
	return errorReply(http.StatusNotFound, outboundbot.CodeInstanceNotFound, "The specified Instance does not exist.")
}

func duplicated() fake.Reply {
	return errorReply(http.StatusBadRequest, outboundbot.CodeInstanceNameDuplicated, "The specified InstanceName already exists.")
}

func (s *Server) concurrency(a fake.Args) (int, *fake.Reply) {
	n, bad := a.Int("MaxConcurrentConversation", 0, 1, 1<<31-1)
	if bad != nil {
		return 0, bad
	}
	if n > s.capacity {
		r := errorReply(http.StatusBadRequest, outboundbot.CodeConcurrentConversationLimitExceeded, "The maximum number of concurrent conversations is exceeded.")
		return 0, &r
	}
	return n, nil
}

func (s *Server) createInstance(c *fake.Call) fake.Reply {
	a := c.Params
	if bad := a.Require("InstanceName", "MaxConcurrentConversation"); bad != nil {
		return *bad
	}
	n, bad := s.concurrency(a)
	if bad != nil {
		return *bad
	}
	if t := outboundbot.NLUServiceType(a["NluServiceType"]); !t.Valid() {
		return *fake.Invalid("NluServiceType")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.nameTaken(a["InstanceName"], "") {
		return duplicated()
	}
	in := s.add(outboundbot.Instance{
		InstanceName:              a["InstanceName"],
		InstanceDescription:       a["InstanceDescription"],
		MaxConcurrentConversation: n,
		ResourceGroupID:           a["ResourceGroupId"],
	}, a.List("CallingNumber"))
	s.byID[in.InstanceID].NluServiceType = a["NluServiceType"]
	return ok(c, map[string]any{"Instance": detail(in, true)})
}

func (s *Server) describeInstance(c *fake.Call) fake.Reply {
	if bad := c.Params.Require("InstanceId"); bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byID[c.Params["InstanceId"]]
	if r == nil {
		return notFound()
	}
	return ok(c, map[string]any{"Instance": detail(r.Instance, true)})
}

func (s *Server) listInstances(c *fake.Call) fake.Reply {
	a := c.Params
	page, bad := a.Int("PageNumber", 1, 1, 1<<31-1)
	if bad != nil {
		return *bad
	}
	size, bad := a.Int("PageSize", 10, 1, outboundbot.MaxPageSize)
	if bad != nil {
		return *bad
	}
	tags := a.Objects("Tag", "Key", "Value")
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []map[string]any
	for _, id := range s.order {
		in := s.byID[id].Instance
		if a["ResourceGroupId"] != "" && in.ResourceGroupID != a["ResourceGroupId"] ||
			a["Name"] != "" && !strings.Contains(in.InstanceName, a["Name"]) || !hasTags(in, tags) {
			continue
		}
		match = append(match, listed(in))
	}
	from := min((page-1)*size, len(match))
	to := min(from+size, len(match))
	return ok(c, map[string]any{
		"Instances":  append([]map[string]any{}, match[from:to]...),
		"TotalCount": len(match), "PageNumber": page, "PageSize": size,
	})
}

func hasTags(in outboundbot.Instance, want []map[string]string) bool {
	for _, w := range want {
		found := false
		for _, t := range in.ResourceTags {
			if t.Key == w["Key"] && (w["Value"] == "" || t.Value == w["Value"]) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (s *Server) modifyInstance(c *fake.Call) fake.Reply {
	a := c.Params
	if bad := a.Require("InstanceId", "MaxConcurrentConversation"); bad != nil {
		return *bad
	}
	n, bad := s.concurrency(a)
	if bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byID[a["InstanceId"]]
	if r == nil {
		return notFound()
	}
	if name := a["InstanceName"]; name != "" {
		if s.nameTaken(name, r.InstanceID) {
			return duplicated()
		}
		r.InstanceName = name
	}
	if d, set := a["InstanceDescription"]; set {
		r.InstanceDescription = d
	}
	r.MaxConcurrentConversation = n
	if numbers := a.List("CallingNumber"); numbers != nil {
		r.CallingNumber = numbers
	}
	return ok(c, map[string]any{"Instance": detail(r.Instance, false)})
}

func (s *Server) deleteInstance(c *fake.Call) fake.Reply {
	if bad := c.Params.Require("InstanceId"); bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID[c.Params["InstanceId"]] == nil {
		return notFound()
	}
	s.remove(c.Params["InstanceId"])
	return ok(c, nil)
}

// detail renders an instance as Create, Describe and Modify return it
// (Modify without ResourceGroupId).
func detail(in outboundbot.Instance, withGroup bool) map[string]any {
	m := map[string]any{
		"InstanceId":                in.InstanceID,
		"InstanceName":              in.InstanceName,
		"InstanceDescription":       in.InstanceDescription,
		"MaxConcurrentConversation": in.MaxConcurrentConversation,
		"CreationTime":              in.CreationTime.UnixMilli(),
		"CreatorId":                 in.CreatorID,
		"CreatorName":               in.CreatorName,
		"OwnerName":                 in.OwnerName,
	}
	if withGroup {
		m["ResourceGroupId"] = in.ResourceGroupID
	}
	return m
}

// listed renders an instance as ListInstances returns it.
func listed(in outboundbot.Instance) map[string]any {
	m := detail(in, true)
	tags := make([]map[string]string, 0, len(in.ResourceTags))
	for _, t := range in.ResourceTags {
		tags = append(tags, map[string]string{"Key": t.Key, "Value": t.Value})
	}
	m["ResourceTags"] = tags
	m["IsPreset"] = in.IsPreset
	return m
}
