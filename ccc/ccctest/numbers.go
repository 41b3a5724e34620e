package ccctest

import (
	"slices"
	"strconv"
	"time"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/fake"
)

// number is a phone number of an instance.
type number struct {
	ccc.PhoneNumber                 // SkillGroups unused: groups holds them
	Provider, Tags, ContactFlowName string
	Created                         time.Time
	groups                          []string // skill group IDs
}

// corpNumber is what ImportCorpNumbers records of a number the account
// brings, for AddPhoneNumbers to take over.
type corpNumber struct {
	Provider, City, Province, Tags string
}

func (o *org) number(n string) *number {
	for _, x := range o.numbers {
		if x.Number == n {
			return x
		}
	}
	return nil
}

// syncNumbers rebuilds the instance's NumberList from its numbers, so
// GetInstance shows them and numberUsed sees them. Callers hold mu.
func (r *record) syncNumbers() {
	o := r.org()
	list := make([]ccc.PhoneNumber, 0, len(o.numbers))
	for _, n := range o.numbers {
		p := n.PhoneNumber
		p.SkillGroups = nil
		for _, id := range n.groups {
			g := o.skillGroup(id)
			counted := o.renderSkillGroup(g, r.ID)
			p.SkillGroups = append(p.SkillGroups, ccc.SkillGroup{SkillGroupID: g.ID, Name: g.Name, DisplayName: g.DisplayName,
				Description: g.Description, InstanceID: r.ID, UserCount: counted["UserCount"].(int), PhoneNumberCount: counted["PhoneNumberCount"].(int)})
		}
		list = append(list, p)
	}
	r.NumberList = list
}

// usage reads the required Usage.
func usage(a fake.Args) (ccc.NumberUsage, *fake.Reply) {
	if bad := required(a, "Usage"); bad != nil {
		return "", bad
	}
	switch u := ccc.NumberUsage(a["Usage"]); u {
	case ccc.UsageInbound, ccc.UsageOutbound, ccc.UsageBidirection:
		return u, nil
	}
	return "", fail(400, ccc.CodeParameterEnumeration, "The parameter %s must be one of Inbound, Outbound, Bidirection.", "Usage")
}

// importCorpNumbers brings numbers to the account (no instance): it
// records their provider, region and tags for AddPhoneNumbers.
func (s *Server) importCorpNumbers(c *fake.Call) fake.Reply {
	a := c.Params
	if bad := required(a, "NumberList", "Provider"); bad != nil {
		return *bad
	}
	numbers, bad := listParam(a, "NumberList")
	if bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.corp == nil {
		s.corp = map[string]corpNumber{}
	}
	for _, n := range numbers {
		s.corp[n] = corpNumber{Provider: a["Provider"], City: a["City"], Province: a["Province"], Tags: a["TagList"]}
	}
	return answer(c, map[string]any{})
}

// addPhoneNumbers adds the numbers of NumberList to the instance; one it
// has already stays as it is, and one another instance uses refuses all
// with NotExists.Number, as CreateInstance does.
func (s *Server) addPhoneNumbers(c *fake.Call) fake.Reply {
	a := c.Params
	return s.running(c, []string{"NumberList"}, func(r *record, o *org) fake.Reply {
		use, bad := usage(a)
		if bad != nil {
			return *bad
		}
		numbers, bad := listParam(a, "NumberList")
		if bad != nil {
			return *bad
		}
		for _, n := range numbers {
			if o.number(n) == nil && s.numberUsed(n) {
				return noNumber(n, r.ID)
			}
		}
		added := []string{}
		for _, n := range numbers {
			if o.number(n) != nil {
				continue
			}
			corp := s.corp[n]
			o.numbers = append(o.numbers, &number{
				PhoneNumber: ccc.PhoneNumber{Number: n, InstanceID: r.ID, Usage: use, Active: true, ContactFlowID: a["ContactFlowId"],
					City: corp.City, Province: corp.Province},
				Provider: cmpOr(corp.Provider, "alicom"), Tags: corp.Tags, Created: millis(s.now()),
			})
			added = append(added, n)
		}
		r.syncNumbers()
		return ok(c, added)
	})
}

func (s *Server) listPhoneNumbers(c *fake.Call) fake.Reply {
	a := c.Params
	number, size, bad := pages(a)
	if bad != nil {
		return *bad
	}
	active, filterActive, bad := boolParam(a, "Active")
	if bad != nil {
		return *bad
	}
	return s.running(c, nil, func(r *record, o *org) fake.Reply {
		var match []map[string]any
		for _, n := range o.numbers {
			if (!filterActive || n.Active == active) && (a["Usage"] == "" || string(n.Usage) == a["Usage"]) && matches(a, n.Number) {
				match = append(match, o.renderNumber(n, r.ID))
			}
		}
		return ok(c, page(number, size, match))
	})
}

func (s *Server) modifyPhoneNumber(c *fake.Call) fake.Reply {
	a := c.Params
	return s.running(c, []string{"Number"}, func(r *record, o *org) fake.Reply {
		use, bad := usage(a)
		if bad != nil {
			return *bad
		}
		n := o.number(a["Number"])
		if n == nil {
			return noNumber(a["Number"], r.ID)
		}
		n.Usage = use
		if v, sent := a["ContactFlowId"]; sent {
			n.ContactFlowID = v
		}
		r.syncNumbers()
		return answer(c, map[string]any{})
	})
}

// numberList reads a JSON list of numbers that must all be the org's.
func (o *org) numberList(a fake.Args, instanceID string) ([]string, *fake.Reply) {
	numbers, bad := listParam(a, "NumberList")
	if bad != nil {
		return nil, bad
	}
	for _, n := range numbers {
		if o.number(n) == nil {
			r := noNumber(n, instanceID)
			return nil, &r
		}
	}
	return numbers, nil
}

// removePhoneNumbers removes the numbers from the instance, Force or not,
// and answers them.
func (s *Server) removePhoneNumbers(c *fake.Call) fake.Reply {
	return s.running(c, []string{"NumberList"}, func(r *record, o *org) fake.Reply {
		numbers, bad := o.numberList(c.Params, r.ID)
		if bad != nil {
			return *bad
		}
		o.numbers = slices.DeleteFunc(o.numbers, func(n *number) bool { return slices.Contains(numbers, n.Number) })
		r.syncNumbers()
		return answer(c, map[string]any{"Data": numbers, "Params": []string{}})
	})
}

func (s *Server) addNumbersToSkillGroup(c *fake.Call) fake.Reply {
	return s.withSkillGroup(c, []string{"NumberList"}, func(r *record, o *org, g *skillGroup) fake.Reply {
		numbers, bad := o.numberList(c.Params, r.ID)
		if bad != nil {
			return *bad
		}
		for _, x := range numbers {
			if n := o.number(x); !slices.Contains(n.groups, g.ID) {
				n.groups = append(n.groups, g.ID)
			}
		}
		r.syncNumbers()
		return answer(c, map[string]any{})
	})
}

func (s *Server) removePhoneNumbersFromSkillGroup(c *fake.Call) fake.Reply {
	return s.withSkillGroup(c, []string{"NumberList"}, func(r *record, o *org, g *skillGroup) fake.Reply {
		numbers, bad := o.numberList(c.Params, r.ID)
		if bad != nil {
			return *bad
		}
		for _, x := range numbers {
			n := o.number(x)
			n.groups = slices.DeleteFunc(n.groups, func(id string) bool { return id == g.ID })
		}
		r.syncNumbers()
		return answer(c, map[string]any{})
	})
}

// listPhoneNumbersOfSkillGroup lists the group's numbers (IsMember true)
// or the instance's others (false).
func (s *Server) listPhoneNumbersOfSkillGroup(c *fake.Call) fake.Reply {
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
	active, filterActive, bad := boolParam(a, "Active")
	if bad != nil {
		return *bad
	}
	return s.withSkillGroup(c, nil, func(r *record, o *org, g *skillGroup) fake.Reply {
		var match []map[string]any
		for _, n := range o.numbers {
			if slices.Contains(n.groups, g.ID) == members && (!filterActive || n.Active == active) && matches(a, n.Number) {
				match = append(match, o.renderNumber(n, r.ID))
			}
		}
		return ok(c, page(number, size, match))
	})
}

// renderNumber renders the number with every member ListPhoneNumbers and
// ListPhoneNumbersOfSkillGroup return; CreateTime is millisecond text, as
// the facts type it.
func (o *org) renderNumber(n *number, instanceID string) map[string]any {
	groups := []map[string]any{}
	for _, id := range n.groups {
		g := o.skillGroup(id)
		groups = append(groups, map[string]any{"SkillGroupId": g.ID, "Name": g.Name, "DisplayName": g.DisplayName, "InstanceId": instanceID})
	}
	return map[string]any{
		"Number": n.Number, "Active": n.Active, "City": n.City, "Province": n.Province, "InstanceId": instanceID,
		"ContactFlowId": n.ContactFlowID, "ContactFlowName": n.ContactFlowName, "Usage": n.Usage, "UserId": n.UserID,
		"Provider": n.Provider, "Tags": n.Tags, "CreateTime": strconv.FormatInt(n.Created.UnixMilli(), 10),
		"SkillGroups": groups,
	}
}
