package ccctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/fake"
)

func (s *Server) handlers() map[string]fake.Handler {
	return map[string]fake.Handler{
		"CreateInstance":      s.createInstance,
		"DeleteInstance":      s.deleteInstance,
		"GetInstance":         s.getInstance,
		"ListInstances":       func(c *fake.Call) fake.Reply { return s.listInstances(c, accountView) },
		"ListInstancesOfUser": func(c *fake.Call) fake.Reply { return s.listInstances(c, userView) },
		"ModifyInstance":      s.modifyInstance,

		"CreateUser":        s.createUser,
		"GetUser":           s.getUser,
		"ListUsers":         s.listUsers,
		"ModifyUser":        s.modifyUser,
		"RemoveUsers":       s.removeUsers,
		"ResetUserPassword": s.resetUserPassword,
		"AssignUsers":       s.assignUsers,

		"CreateSkillGroup":             s.createSkillGroup,
		"GetSkillGroup":                s.getSkillGroup,
		"ListSkillGroups":              s.listSkillGroups,
		"ModifySkillGroup":             s.modifySkillGroup,
		"DeleteSkillGroup":             s.deleteSkillGroup,
		"AddUsersToSkillGroup":         s.addUsersToSkillGroup,
		"ListUserLevelsOfSkillGroup":   s.listUserLevelsOfSkillGroup,
		"RemoveUsersFromSkillGroup":    s.removeUsersFromSkillGroup,
		"ModifyUserLevelsOfSkillGroup": s.modifyUserLevelsOfSkillGroup,
		"ListSkillLevelsOfUser":        s.listSkillLevelsOfUser,

		"ImportCorpNumbers":                s.importCorpNumbers,
		"AddPhoneNumbers":                  s.addPhoneNumbers,
		"ListPhoneNumbers":                 s.listPhoneNumbers,
		"ModifyPhoneNumber":                s.modifyPhoneNumber,
		"RemovePhoneNumbers":               s.removePhoneNumbers,
		"AddNumbersToSkillGroup":           s.addNumbersToSkillGroup,
		"ListPhoneNumbersOfSkillGroup":     s.listPhoneNumbersOfSkillGroup,
		"RemovePhoneNumbersFromSkillGroup": s.removePhoneNumbersFromSkillGroup,
	}
}

// ok wraps Data in the CCC success envelope.
func ok(c *fake.Call, data any) fake.Reply { return answer(c, map[string]any{"Data": data}) }

// answer wraps the payload members in the CCC success envelope, which has
// no Success field.
func answer(c *fake.Call, payload map[string]any) fake.Reply {
	for k, v := range envelope(c.RequestID) {
		payload[k] = v
	}
	return fake.Reply{Status: http.StatusOK, Body: payload}
}

func fail(status int, code, format string, args ...any) *fake.Reply {
	r := fake.Error(status, code, fmt.Sprintf(format, args...))
	return &r
}

func notFound(id string) fake.Reply {
	return *fail(http.StatusNotFound, ccc.CodeInstanceNotFound, "The specified instance %s does not exist.", id)
}

// required answers Parameter.Blank for the first parameter that is absent.
func required(a fake.Args, names ...string) *fake.Reply {
	for _, n := range names {
		if a[n] == "" {
			return fail(http.StatusBadRequest, ccc.CodeParameterBlank, "The parameter %s must not be blank.", n)
		}
	}
	return nil
}

// pageParam reads PageNumber or PageSize: required, 1 to 100.
func pageParam(a fake.Args, name string) (int, *fake.Reply) {
	if bad := required(a, name); bad != nil {
		return 0, bad
	}
	n, err := strconv.Atoi(a[name])
	switch {
	case err != nil:
		return 0, fake.Invalid(name)
	case n < 1:
		return 0, fail(http.StatusBadRequest, ccc.CodeParameterMinimum, "The parameter %s must be greater than or equal to %d.", name, 1)
	case n > ccc.MaxPageSize:
		return 0, fail(http.StatusBadRequest, ccc.CodeParameterMaximum, "The parameter %s must be less than or equal to %d.", name, ccc.MaxPageSize)
	}
	return n, nil
}

// lengthParam checks a text parameter's length in characters.
func lengthParam(a fake.Args, name string, lo, hi int) *fake.Reply {
	if n := utf8.RuneCountInString(a[name]); n < lo || n > hi {
		return fake.Invalid(name)
	}
	return nil
}

// domainName is the documented DomainName rule.
var domainName = regexp.MustCompile(`^[A-Za-z0-9_-]{4,48}$`)

// listParam reads a list sent as JSON array text.
func listParam(a fake.Args, name string) ([]string, *fake.Reply) {
	text, set := a[name]
	if !set {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal([]byte(text), &list); err != nil || slices.Contains(list, "") {
		return nil, fake.Invalid(name)
	}
	return list, nil
}

func (s *Server) createInstance(c *fake.Call) fake.Reply {
	a := c.Params
	if bad := required(a, "Name", "DomainName", "AdminRamIdList"); bad != nil {
		return *bad
	}
	if !domainName.MatchString(a["DomainName"]) {
		return *fake.Invalid("DomainName")
	}
	for _, bad := range []*fake.Reply{lengthParam(a, "Name", 4, 32), lengthParam(a, "Description", 0, 256)} {
		if bad != nil {
			return *bad
		}
	}
	numbers, bad := listParam(a, "NumberList")
	if bad != nil {
		return *bad
	}
	admins, bad := listParam(a, "AdminRamIdList")
	if bad != nil {
		return *bad
	}
	if len(admins) == 0 {
		return *fail(http.StatusBadRequest, ccc.CodeParameterEmpty, "The parameter %s must not be empty.", "AdminRamIdList")
	}
	id := a["DomainName"]
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.find(id) != nil {
		return *fail(http.StatusConflict, ccc.CodeInstanceAlreadyExists, "The instance %s already exists.", id)
	}
	in := ccc.Instance{
		ID: id, Name: a["Name"], Description: a["Description"], DomainName: id,
		Status: ccc.InstanceStatusCreating, ConsoleURL: consoleURL(id), AliyunUID: AccountID,
		CreateTime: s.now().UTC().Truncate(time.Millisecond),
	}
	for _, n := range numbers {
		if s.numberUsed(n) {
			return *fail(http.StatusNotFound, ccc.CodeNumberNotFound, "The specified number %s does not exist in instance %s.", n, id)
		}
		in.NumberList = append(in.NumberList, ccc.PhoneNumber{Number: n, InstanceID: id, Usage: ccc.UsageBidirection, Active: true})
	}
	for _, ram := range admins {
		in.AdminList = append(in.AdminList, admin(ram, id))
	}
	s.put(&record{Instance: in, finishOnRead: true})
	s.workflows++
	return ok(c, fmt.Sprintf("%08x-c0c0-4000-8000-%012d", s.workflows, s.workflows))
}

// numberUsed reports whether an instance already has the number. Every
// other number counts as owned by the account.
func (st *store) numberUsed(number string) bool {
	for _, r := range st.list {
		for _, n := range r.NumberList {
			if n.Number == number {
				return true
			}
		}
	}
	return false
}

// admin is the administrator CreateInstance imports for a RAM user.
func admin(ramID, instanceID string) ccc.User {
	login := ramID
	if ramID == CurrentUserRAMID {
		login = CurrentUserLoginName
	}
	return ccc.User{UserID: login + "@" + instanceID, LoginName: login, DisplayName: login, InstanceID: instanceID,
		RoleID: "Admin@" + instanceID, RoleName: "Admin", WorkMode: "ON_SITE"}
}

func (s *Server) getInstance(c *fake.Call) fake.Reply {
	if bad := required(c.Params, "InstanceId"); bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.find(c.Params["InstanceId"])
	if r == nil {
		return notFound(c.Params["InstanceId"])
	}
	data := render(r.Instance, getView)
	if r.finishOnRead {
		r.Status, r.finishOnRead = ccc.InstanceStatusRunning, false
	}
	return ok(c, data)
}

func (s *Server) listInstances(c *fake.Call, v view) fake.Reply {
	number, bad := pageParam(c.Params, "PageNumber")
	if bad != nil {
		return *bad
	}
	size, bad := pageParam(c.Params, "PageSize")
	if bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	match := []map[string]any{}
	for _, r := range s.list {
		if v == accountView || r.hasAdmin(CurrentUserLoginName) {
			match = append(match, render(r.Instance, v))
		}
	}
	from := min((number-1)*size, len(match))
	to := min(from+size, len(match))
	return ok(c, map[string]any{"PageNumber": number, "PageSize": size, "TotalCount": len(match), "List": match[from:to]})
}

func (r *record) hasAdmin(login string) bool {
	return slices.ContainsFunc(r.AdminList, func(u ccc.User) bool { return u.LoginName == login })
}

func (s *Server) modifyInstance(c *fake.Call) fake.Reply {
	a := c.Params
	if bad := required(a, "InstanceId"); bad != nil {
		return *bad
	}
	if bad := lengthParam(a, "Description", 0, 256); bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.find(a["InstanceId"])
	if r == nil {
		return notFound(a["InstanceId"])
	}
	if d, set := a["Description"]; set {
		r.Description = d
	}
	return ok(c, "无") // the documented example's Data
}

// deleteInstance removes the instance, whatever its status (CREATING
// included: the API documents no refusal for it), and answers the ID of the
// deletion task. The real service deletes in the background; the fake is
// done at once, so GetInstance then answers NotExists.InstanceId.
func (s *Server) deleteInstance(c *fake.Call) fake.Reply {
	if bad := required(c.Params, "InstanceId"); bad != nil {
		return *bad
	}
	id := c.Params["InstanceId"]
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.remove(id) {
		return notFound(id)
	}
	s.tasks++
	// Params has no documented meaning; the fake has nothing to put in it.
	return answer(c, map[string]any{"Data": fmt.Sprintf("%08x-de1e-4000-8000-%012d", s.tasks, s.tasks), "Params": []string{}})
}

// view is which operation an instance is rendered for.
type view int

const (
	getView     view = iota // GetInstance: no CreateTime; AgentType and ChatbotBusinessUnit when set
	accountView             // ListInstances: CreateTime; numbers with Number only, as the newest SDK declares
	userView                // ListInstancesOfUser: no CreateTime, full numbers
)

// render is an instance as the operation returns it.
func render(in ccc.Instance, v view) map[string]any {
	m := map[string]any{
		"Id": in.ID, "Name": in.Name, "Description": in.Description, "DomainName": in.DomainName,
		"Status": in.Status, "ConsoleUrl": in.ConsoleURL, "AliyunUid": in.AliyunUID,
		"AdminList": wireAdmins(in.AdminList), "NumberList": wireNumbers(in.NumberList),
	}
	switch v {
	case getView:
		if in.AgentType != "" {
			m["AgentType"] = in.AgentType
		}
		if in.ChatbotBusinessUnit != (ccc.ChatbotBusinessUnit{}) {
			m["ChatbotBusinessUnit"] = in.ChatbotBusinessUnit
		}
	case accountView:
		m["CreateTime"] = in.CreateTime.UnixMilli()
		numbers := make([]map[string]string, len(in.NumberList))
		for i, n := range in.NumberList {
			numbers[i] = map[string]string{"Number": n.Number}
		}
		m["NumberList"] = numbers
	}
	return m
}

// members is v, a product type, as the JSON object encoding/json makes of
// it, for an answer to change before sending.
func members(v any) map[string]any {
	var m map[string]any
	b, _ := json.Marshal(v) // the product's types always encode
	_ = json.Unmarshal(b, &m)
	return m
}

// wireNumbers renders numbers as the service sends them: encoding/json
// writes a PhoneNumber's CreateTime as RFC 3339 text, the service as epoch
// milliseconds (and not at all when it has none).
func wireNumbers(list []ccc.PhoneNumber) []map[string]any {
	out := make([]map[string]any, 0, len(list))
	for _, n := range list {
		m := members(n)
		delete(m, "CreateTime")
		if !n.CreateTime.IsZero() {
			m["CreateTime"] = n.CreateTime.UnixMilli()
		}
		out = append(out, m)
	}
	return out
}

// adminMembers are the members of an AdminList user GetInstance and the
// instance lists document; the User type holds more, which other
// operations fill.
var adminMembers = []string{"UserId", "LoginName", "DisplayName", "Email", "Mobile", "Extension", "InstanceId", "RoleId", "RoleName", "WorkMode"}

// wireAdmins renders an instance's administrators with the members the
// instance operations send, and only those.
func wireAdmins(list []ccc.User) []map[string]any {
	out := make([]map[string]any, 0, len(list))
	for _, u := range list {
		out = append(out, pick(members(u), adminMembers))
	}
	return out
}

func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
