package ccctest

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/typedcloud/sdk-go/internal/fake"
)

// mediaVoice is the MediaType of a skill group created without one.
const mediaVoice = "VOICE"

// skillGroup is a queue of users with a skill.
type skillGroup struct {
	ID, Name, DisplayName, Description, MediaType string
}

func (o *org) skillGroup(id string) *skillGroup {
	for _, g := range o.skillGroups {
		if g.ID == id {
			return g
		}
	}
	return nil
}

func (s *Server) createSkillGroup(c *fake.Call) fake.Reply {
	a := c.Params
	return s.running(c, []string{"Name", "DisplayName"}, func(r *record, o *org) fake.Reply {
		id := a["Name"] + "@" + r.ID
		if o.skillGroup(id) != nil {
			return *fail(http.StatusConflict, codeSkillGroupExists, "The skill group %s already exists.", id)
		}
		g := &skillGroup{ID: id, Name: a["Name"], DisplayName: a["DisplayName"], Description: a["Description"], MediaType: cmpOr(a["MediaType"], mediaVoice)}
		o.skillGroups = append(o.skillGroups, g)
		return ok(c, pick(o.renderSkillGroup(g, r.ID), createdSkillGroup))
	})
}

// withSkillGroup runs fn on the call's skill group (SkillGroupId).
func (s *Server) withSkillGroup(c *fake.Call, names []string, fn func(r *record, o *org, g *skillGroup) fake.Reply) fake.Reply {
	return s.running(c, append([]string{"SkillGroupId"}, names...), func(r *record, o *org) fake.Reply {
		g := o.skillGroup(c.Params["SkillGroupId"])
		if g == nil {
			return noSkillGroup(c.Params["SkillGroupId"], r.ID)
		}
		return fn(r, o, g)
	})
}

func (s *Server) getSkillGroup(c *fake.Call) fake.Reply {
	return s.withSkillGroup(c, nil, func(r *record, o *org, g *skillGroup) fake.Reply {
		return ok(c, pick(o.renderSkillGroup(g, r.ID), gotSkillGroup))
	})
}

func (s *Server) listSkillGroups(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := pages(a)
	if bad != nil {
		return *bad
	}
	return s.running(c, nil, func(r *record, o *org) fake.Reply {
		var match []map[string]any
		for _, g := range o.skillGroups {
			if matches(a, g.Name, g.DisplayName) && (a["MediaType"] == "" || a["MediaType"] == g.MediaType) {
				match = append(match, pick(o.renderSkillGroup(g, r.ID), listedSkillGroup))
			}
		}
		return ok(c, page(number, size, match))
	})
}

func (s *Server) modifySkillGroup(c *fake.Call) fake.Reply {
	return s.withSkillGroup(c, nil, func(r *record, _ *org, g *skillGroup) fake.Reply {
		if v, sent := c.Params["DisplayName"]; sent {
			g.DisplayName = v
		}
		if v, sent := c.Params["Description"]; sent {
			g.Description = v
		}
		r.syncNumbers()
		return answer(c, map[string]any{})
	})
}

// deleteSkillGroup deletes the group with its memberships, users' and
// numbers' alike, Force or not.
func (s *Server) deleteSkillGroup(c *fake.Call) fake.Reply {
	return s.withSkillGroup(c, nil, func(r *record, o *org, g *skillGroup) fake.Reply {
		for _, u := range o.users {
			u.leave(g.ID)
		}
		for _, n := range o.numbers {
			n.groups = slices.DeleteFunc(n.groups, func(id string) bool { return id == g.ID })
		}
		o.skillGroups = slices.DeleteFunc(o.skillGroups, func(x *skillGroup) bool { return x == g })
		r.syncNumbers()
		return answer(c, map[string]any{})
	})
}

func (s *Server) addUsersToSkillGroup(c *fake.Call) fake.Reply {
	return s.setLevels(c, "UserSkillLevelList")
}

// modifyUserLevelsOfSkillGroup sets the levels of UserLevelList, making
// the users members where they were not.
func (s *Server) modifyUserLevelsOfSkillGroup(c *fake.Call) fake.Reply {
	return s.setLevels(c, "UserLevelList")
}

func (s *Server) setLevels(c *fake.Call, param string) fake.Reply {
	return s.withSkillGroup(c, []string{param}, func(r *record, o *org, g *skillGroup) fake.Reply {
		levels, bad := levelList(c.Params, param, o, r.ID, false)
		if bad != nil {
			return *bad
		}
		for _, l := range levels {
			o.user(l.UserID).join(g.ID, l.Level)
		}
		if param == "UserLevelList" {
			return ok(c, "")
		}
		return answer(c, map[string]any{})
	})
}

func (s *Server) removeUsersFromSkillGroup(c *fake.Call) fake.Reply {
	return s.withSkillGroup(c, []string{"UserIdList"}, func(r *record, o *org, g *skillGroup) fake.Reply {
		ids, bad := o.userIDs(c.Params, "UserIdList", r.ID)
		if bad != nil {
			return *bad
		}
		for _, id := range ids {
			o.user(id).leave(g.ID)
		}
		return answer(c, map[string]any{})
	})
}

// listUserLevelsOfSkillGroup lists the group's members (IsMember true) or
// the users who are not (false, with level 0).
func (s *Server) listUserLevelsOfSkillGroup(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := pages(a)
	if bad != nil {
		return *bad
	}
	if bad := required(a, "IsMember"); bad != nil {
		return *bad
	}
	members, _, bad := boolParam(a, "IsMember")
	if bad != nil {
		return *bad
	}
	return s.withSkillGroup(c, nil, func(_ *record, o *org, g *skillGroup) fake.Reply {
		var match []map[string]any
		for _, u := range o.users {
			level, member := u.level(g.ID)
			if member == members && matches(a, u.LoginName, u.DisplayName) {
				match = append(match, map[string]any{
					"UserId": u.UserID, "LoginName": u.LoginName, "DisplayName": u.DisplayName, "RamId": u.RAMID,
					"RoleId": u.RoleID, "RoleName": u.RoleName, "SkillGroupId": g.ID, "SkillGroupName": g.Name, "SkillLevel": level,
				})
			}
		}
		return ok(c, page(number, size, match))
	})
}

// listSkillLevelsOfUser lists the groups the user is a member of
// (IsMember true, the default) or is not (false, with level "0").
func (s *Server) listSkillLevelsOfUser(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := pages(a)
	if bad != nil {
		return *bad
	}
	members, sent, bad := boolParam(a, "IsMember")
	if bad != nil {
		return *bad
	}
	members = members || !sent
	return s.withUser(c, nil, func(_ *record, o *org, u *user) fake.Reply {
		var match []map[string]any
		for _, g := range o.skillGroups {
			level, member := u.level(g.ID)
			if member == members && matches(a, g.Name, g.DisplayName) {
				match = append(match, map[string]any{
					"SkillGroupId": g.ID, "SkillGroupName": g.Name, "MediaType": g.MediaType, "SkillLevel": strconv.Itoa(level),
				})
			}
		}
		return ok(c, page(number, size, match))
	})
}

// The members of a skill group each operation answers, as the facts
// document them (see createdUser).
var (
	createdSkillGroup = []string{"SkillGroupId", "Name", "Description", "MediaType", "InstanceId"}
	gotSkillGroup     = []string{"SkillGroupId", "Name", "DisplayName", "Description", "MediaType", "InstanceId"}
	listedSkillGroup  = []string{"SkillGroupId", "SkillGroupName", "DisplayName", "Description", "MediaType", "InstanceId",
		"UserCount", "PhoneNumberCount"}
)

// renderSkillGroup renders the group with every member CreateSkillGroup,
// GetSkillGroup and ListSkillGroups return between them, its counts from
// the org.
func (o *org) renderSkillGroup(g *skillGroup, instanceID string) map[string]any {
	users, numbers := 0, 0
	for _, u := range o.users {
		if _, member := u.level(g.ID); member {
			users++
		}
	}
	for _, n := range o.numbers {
		if slices.Contains(n.groups, g.ID) {
			numbers++
		}
	}
	return map[string]any{
		"SkillGroupId": g.ID, "Name": g.Name, "SkillGroupName": g.Name, "DisplayName": g.DisplayName,
		"Description": g.Description, "MediaType": g.MediaType, "InstanceId": instanceID,
		"UserCount": users, "PhoneNumberCount": numbers,
	}
}
