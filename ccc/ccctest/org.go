package ccctest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/fake"
)

// org is what an instance holds besides its own settings: its users, skill
// groups and phone numbers. The instance's NumberList (what GetInstance
// shows, and what tells which instance uses a number) is rebuilt from the
// numbers after every change to them.
type org struct {
	users       []*user
	skillGroups []*skillGroup
	numbers     []*number
	extensions  int // extensions handed out, for the next one
}

// org returns the instance's org, made on first use from the
// administrators and numbers the instance was created with. Callers hold mu.
func (r *record) org() *org {
	if r.members != nil {
		return r.members
	}
	o := &org{}
	for _, a := range r.AdminList {
		o.users = append(o.users, &user{User: a, RAMID: ramOf(a.LoginName)})
	}
	for _, n := range r.NumberList {
		num := &number{PhoneNumber: n, Provider: "alicom", Created: r.CreateTime}
		for _, g := range n.SkillGroups {
			if o.skillGroup(g.SkillGroupID) == nil {
				o.skillGroups = append(o.skillGroups, &skillGroup{ID: g.SkillGroupID, Name: g.Name,
					DisplayName: g.DisplayName, Description: g.Description, MediaType: mediaVoice})
			}
			num.groups = append(num.groups, g.SkillGroupID)
		}
		num.SkillGroups = nil
		o.numbers = append(o.numbers, num)
	}
	r.members = o
	return o
}

// running checks the call's InstanceId and the other required parameters,
// then runs fn on the instance and its org with the store locked. The
// instance must be running: one still CREATING answers 403
// AbnormalService.Creating, a STOPPED one 403 AbnormalService.Ceased.
func (s *Server) running(c *fake.Call, names []string, fn func(r *record, o *org) fake.Reply) fake.Reply {
	if bad := required(c.Params, append([]string{"InstanceId"}, names...)...); bad != nil {
		return *bad
	}
	id := c.Params["InstanceId"]
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.find(id)
	switch {
	case r == nil:
		return notFound(id)
	case r.Status == ccc.InstanceStatusCreating:
		return *fail(http.StatusForbidden, ccc.CodeServiceCreating, "The instance %s is being created.", id)
	case r.Status == ccc.InstanceStatusStopped:
		return *fail(http.StatusForbidden, ccc.CodeServiceCeased, "The instance %s is stopped.", id)
	}
	return fn(r, r.org())
}

// The not-found and conflict codes of users and skill groups. The product
// documents the NotExists and AlreadyExists families (NotExists.InstanceId,
// NotExists.Number, AlreadyExists.InstanceId) but not these members; they
// follow the documented pattern, the family naming the parameter.
const (
	codeUserNotFound       = "NotExists.UserId"
	codeSkillGroupNotFound = "NotExists.SkillGroupId"
	codeUserExists         = "AlreadyExists.UserId"
	codeSkillGroupExists   = "AlreadyExists.SkillGroupId"
)

func noUser(id, instance string) fake.Reply {
	return *fail(http.StatusNotFound, codeUserNotFound, "The specified user %s does not exist in instance %s.", id, instance)
}

func noSkillGroup(id, instance string) fake.Reply {
	return *fail(http.StatusNotFound, codeSkillGroupNotFound, "The specified skill group %s does not exist in instance %s.", id, instance)
}

func noNumber(n, instance string) fake.Reply {
	return *fail(http.StatusNotFound, ccc.CodeNumberNotFound, "The specified number %s does not exist in instance %s.", n, instance)
}

// boolParam reads an optional boolean parameter.
func boolParam(a fake.Args, name string) (value, sent bool, bad *fake.Reply) {
	text, sent := a[name]
	if !sent {
		return false, false, nil
	}
	v, err := strconv.ParseBool(text)
	if err != nil {
		return false, true, fake.Invalid(name)
	}
	return v, true, nil
}

// pages reads the required PageNumber and PageSize.
func pages(a fake.Args) (number, size int, bad *fake.Reply) {
	if number, bad = pageParam(a, "PageNumber"); bad != nil {
		return 0, 0, bad
	}
	size, bad = pageParam(a, "PageSize")
	return number, size, bad
}

// matches reports whether SearchPattern, when sent, is in one of texts.
func matches(a fake.Args, texts ...string) bool {
	p := a["SearchPattern"]
	return p == "" || slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, p) })
}

// millis truncates a time to what the answers carry.
func millis(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// ramOf is the RAM user ID of an administrator CreateInstance imported
// (see admin): the calling user's, or the login name that is one.
func ramOf(login string) string {
	if login == CurrentUserLoginName {
		return CurrentUserRAMID
	}
	if _, err := strconv.ParseUint(login, 10, 64); err == nil {
		return login
	}
	return ""
}

// pick returns the members of m named in keys.
func pick(m map[string]any, keys []string) map[string]any {
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		if v, set := m[k]; set {
			out[k] = v
		}
	}
	return out
}
