package ccctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/fake"
)

// user is an agent, supervisor or administrator of an instance.
type user struct {
	ccc.User
	DisplayID, AvatarURL, Nickname string
	RAMID                          string // set for users imported from RAM
	levels                         []skillLevel
}

// skillLevel is a user's membership of a skill group.
type skillLevel struct {
	GroupID string `json:"skillGroupId"`
	UserID  string `json:"userId"`
	Level   int    `json:"skillLevel"`
}

func (u *user) level(groupID string) (int, bool) {
	i := slices.IndexFunc(u.levels, func(l skillLevel) bool { return l.GroupID == groupID })
	if i < 0 {
		return 0, false
	}
	return u.levels[i].Level, true
}

// join makes the user a member of the group at level, or changes its level.
func (u *user) join(groupID string, level int) {
	if i := slices.IndexFunc(u.levels, func(l skillLevel) bool { return l.GroupID == groupID }); i >= 0 {
		u.levels[i].Level = level
		return
	}
	u.levels = append(u.levels, skillLevel{GroupID: groupID, Level: level})
}

func (u *user) leave(groupID string) {
	u.levels = slices.DeleteFunc(u.levels, func(l skillLevel) bool { return l.GroupID == groupID })
}

func (o *org) user(id string) *user {
	for _, u := range o.users {
		if u.UserID == id {
			return u
		}
	}
	return nil
}

// role reads RoleId, the role's name and the instance ID joined by @
// (Agent@ccc-test), and returns the role's name.
func role(a fake.Args, instanceID string) (string, *fake.Reply) {
	name, suffix, found := strings.Cut(a["RoleId"], "@")
	if !found || name == "" || suffix != instanceID {
		return "", fake.Invalid("RoleId")
	}
	return name, nil
}

// levelList reads a JSON list of skill levels and checks that each names
// a skill group (when groups) or a user (otherwise) of the org.
func levelList(a fake.Args, name string, o *org, instanceID string, groups bool) ([]skillLevel, *fake.Reply) {
	text, sent := a[name]
	if !sent {
		return nil, nil
	}
	var levels []skillLevel
	if err := json.Unmarshal([]byte(text), &levels); err != nil {
		return nil, fake.Invalid(name)
	}
	for _, l := range levels {
		switch {
		case groups && o.skillGroup(l.GroupID) == nil:
			r := noSkillGroup(l.GroupID, instanceID)
			return nil, &r
		case !groups && o.user(l.UserID) == nil:
			r := noUser(l.UserID, instanceID)
			return nil, &r
		}
	}
	return levels, nil
}

func (s *Server) createUser(c *fake.Call) fake.Reply {
	a := c.Params
	return s.running(c, []string{"LoginName", "DisplayName", "Email", "RoleId"}, func(r *record, o *org) fake.Reply {
		roleName, bad := role(a, r.ID)
		if bad != nil {
			return *bad
		}
		levels, bad := levelList(a, "SkillLevelList", o, r.ID, true)
		if bad != nil {
			return *bad
		}
		id := a["LoginName"] + "@" + r.ID
		if o.user(id) != nil {
			return *fail(http.StatusConflict, codeUserExists, "The user %s already exists.", id)
		}
		u := o.newUser(ccc.User{
			UserID: id, LoginName: a["LoginName"], DisplayName: a["DisplayName"], Email: a["Email"], Mobile: a["Mobile"],
			InstanceID: r.ID, RoleID: a["RoleId"], RoleName: roleName, WorkMode: cmpOr(a["WorkMode"], "ON_SITE"),
		})
		u.DisplayID, u.AvatarURL, u.Nickname = a["DisplayId"], a["AvatarUrl"], a["Nickname"]
		for _, l := range levels {
			u.join(l.GroupID, l.Level)
		}
		return answer(c, map[string]any{"Data": pick(o.renderUser(u), createdUser), "Params": []string{}})
	})
}

// newUser adds a user with the next extension. Callers hold mu.
func (o *org) newUser(in ccc.User) *user {
	o.extensions++
	in.Extension = fmt.Sprintf("8033%04d", o.extensions)
	u := &user{User: in}
	o.users = append(o.users, u)
	return u
}

func cmpOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// getUser finds the user by UserId or, without one, by Extension.
func (s *Server) getUser(c *fake.Call) fake.Reply {
	a := c.Params
	if a["UserId"] == "" && a["Extension"] == "" {
		return *required(a, "UserId")
	}
	return s.running(c, nil, func(r *record, o *org) fake.Reply {
		i := slices.IndexFunc(o.users, func(u *user) bool {
			return a["UserId"] != "" && u.UserID == a["UserId"] || a["UserId"] == "" && u.Extension == a["Extension"]
		})
		if i < 0 {
			return noUser(cmpOr(a["UserId"], a["Extension"]), r.ID)
		}
		return answer(c, map[string]any{"Data": pick(o.renderUser(o.users[i]), gotUser), "Params": []string{}})
	})
}

func (s *Server) listUsers(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := pages(a)
	if bad != nil {
		return *bad
	}
	return s.running(c, nil, func(r *record, o *org) fake.Reply {
		group := a["SkillGroupId"]
		if group != "" && o.skillGroup(group) == nil {
			return noSkillGroup(group, r.ID)
		}
		var match []map[string]any
		for _, u := range o.users {
			if _, member := u.level(group); (group == "" || member) && matches(a, u.LoginName, u.DisplayName) {
				match = append(match, pick(o.renderUser(u), listedUser))
			}
		}
		return answer(c, map[string]any{"Data": page(number, size, match), "Params": []string{}})
	})
}

// page is one page of list as Data holds it.
func page[T any](number, size int, list []T) map[string]any {
	from := min((number-1)*size, len(list))
	to := min(from+size, len(list))
	return map[string]any{"List": orEmpty(list[from:to]), "PageNumber": number, "PageSize": size, "TotalCount": len(list)}
}

// withUser runs fn on the call's user (UserId).
func (s *Server) withUser(c *fake.Call, names []string, fn func(r *record, o *org, u *user) fake.Reply) fake.Reply {
	return s.running(c, append([]string{"UserId"}, names...), func(r *record, o *org) fake.Reply {
		u := o.user(c.Params["UserId"])
		if u == nil {
			return noUser(c.Params["UserId"], r.ID)
		}
		return fn(r, o, u)
	})
}

func (s *Server) modifyUser(c *fake.Call) fake.Reply {
	a := c.Params
	return s.withUser(c, []string{"WorkMode"}, func(r *record, _ *org, u *user) fake.Reply {
		if _, sent := a["RoleId"]; sent {
			name, bad := role(a, r.ID)
			if bad != nil {
				return *bad
			}
			u.RoleID, u.RoleName = a["RoleId"], name
		}
		u.WorkMode = a["WorkMode"]
		for param, field := range map[string]*string{
			"DisplayName": &u.DisplayName, "DisplayId": &u.DisplayID, "Mobile": &u.Mobile,
			"AvatarUrl": &u.AvatarURL, "Nickname": &u.Nickname,
		} {
			if v, sent := a[param]; sent {
				*field = v
			}
		}
		return answer(c, map[string]any{"Data": "", "Params": []string{}})
	})
}

// removeUsers removes the users of UserIdList, their memberships and the
// numbers assigned to them with them; an unknown ID removes none.
func (s *Server) removeUsers(c *fake.Call) fake.Reply {
	return s.running(c, []string{"UserIdList"}, func(r *record, o *org) fake.Reply {
		ids, bad := o.userIDs(c.Params, "UserIdList", r.ID)
		if bad != nil {
			return *bad
		}
		o.users = slices.DeleteFunc(o.users, func(u *user) bool { return slices.Contains(ids, u.UserID) })
		for _, n := range o.numbers {
			if slices.Contains(ids, n.UserID) {
				n.UserID = ""
			}
		}
		r.syncNumbers()
		return answer(c, map[string]any{"Params": []string{}})
	})
}

// userIDs reads a JSON list of user IDs that must all be the org's.
func (o *org) userIDs(a fake.Args, name, instanceID string) ([]string, *fake.Reply) {
	ids, bad := listParam(a, name)
	if bad != nil {
		return nil, bad
	}
	for _, id := range ids {
		if o.user(id) == nil {
			r := noUser(id, instanceID)
			return nil, &r
		}
	}
	return ids, nil
}

// resetUserPassword checks the user and keeps nothing: the fake has no
// logins, and a password is a secret it must not hold.
func (s *Server) resetUserPassword(c *fake.Call) fake.Reply {
	return s.withUser(c, []string{"Password"}, func(*record, *org, *user) fake.Reply {
		return answer(c, map[string]any{})
	})
}

// assignUsers imports RAM users with a role: each ID becomes a user as
// CreateInstance imports administrators, or, when it already is one, gets
// the role, work mode and skill levels. The service runs a workflow; the
// fake is done when it answers with the workflow's ID.
func (s *Server) assignUsers(c *fake.Call) fake.Reply {
	a := c.Params
	return s.running(c, []string{"RamIdList", "RoleId", "WorkMode"}, func(r *record, o *org) fake.Reply {
		rams, bad := listParam(a, "RamIdList")
		if bad != nil {
			return *bad
		}
		roleName, bad := role(a, r.ID)
		if bad != nil {
			return *bad
		}
		levels, bad := levelList(a, "SkillLevelList", o, r.ID, true)
		if bad != nil {
			return *bad
		}
		for _, ram := range rams {
			u := o.byRAM(ram, r.ID)
			u.RoleID, u.RoleName, u.WorkMode = a["RoleId"], roleName, a["WorkMode"]
			for _, l := range levels {
				u.join(l.GroupID, l.Level)
			}
		}
		s.workflows++
		id := fmt.Sprintf("%08x-c0c0-4000-8000-%012d", s.workflows, s.workflows)
		return answer(c, map[string]any{"Data": id, "WorkflowId": id})
	})
}

// byRAM returns the user imported from the RAM user, importing it first
// when there is none.
func (o *org) byRAM(ram, instanceID string) *user {
	imported := admin(ram, instanceID)
	for _, u := range o.users {
		if u.RAMID == ram || u.UserID == imported.UserID {
			u.RAMID = ram
			return u
		}
	}
	u := o.newUser(imported)
	u.RAMID = ram
	return u
}

// The members of a user each operation answers, as the facts document
// them: renderUser renders them all, and each operation picks its own, so
// no answer holds a member its typed response cannot read.
var (
	createdUser = []string{"UserId", "LoginName", "DisplayName", "Email", "Mobile", "Extension", "WorkMode", "AvatarUrl", "Nickname"}
	gotUser     = []string{"UserId", "LoginName", "DisplayName", "DisplayId", "Email", "Mobile", "Extension", "InstanceId",
		"RoleId", "RoleName", "WorkMode", "AvatarUrl", "Nickname", "DeviceExt", "DeviceId", "DeviceState"}
	listedUser = []string{"UserId", "LoginName", "DisplayName", "DisplayId", "Email", "Mobile", "Extension", "RoleId", "RoleName",
		"WorkMode", "DeviceExt", "DeviceId", "DeviceState", "RamId", "Primary", "PrimaryAccount", "SkillLevelList", "PersonalOutboundNumberList"}
)

// renderUser renders the user with every member CreateUser, GetUser and
// ListUsers return between them: its numbers are those assigned to it.
func (o *org) renderUser(u *user) map[string]any {
	levels := []map[string]any{}
	for _, l := range u.levels {
		levels = append(levels, map[string]any{"SkillGroupId": l.GroupID, "SkillGroupName": o.skillGroup(l.GroupID).Name, "SkillLevel": l.Level})
	}
	numbers := []map[string]any{}
	for _, n := range o.numbers {
		if n.UserID == u.UserID {
			numbers = append(numbers, map[string]any{"Number": n.Number, "Active": n.Active, "City": n.City, "Province": n.Province, "Usage": n.Usage})
		}
	}
	ram, _ := strconv.ParseInt(u.RAMID, 10, 64)
	return map[string]any{
		"UserId": u.UserID, "LoginName": u.LoginName, "DisplayName": u.DisplayName, "DisplayId": u.DisplayID,
		"Email": u.Email, "Mobile": u.Mobile, "Extension": u.Extension, "InstanceId": u.InstanceID,
		"RoleId": u.RoleID, "RoleName": u.RoleName, "WorkMode": u.WorkMode, "AvatarUrl": u.AvatarURL, "Nickname": u.Nickname,
		"DeviceExt": u.Extension, "DeviceId": "", "DeviceState": "OFFLINE", "RamId": ram,
		"Primary": false, "PrimaryAccount": false,
		"SkillLevelList": levels, "PersonalOutboundNumberList": numbers,
	}
}
