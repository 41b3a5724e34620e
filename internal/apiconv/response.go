package apiconv

import (
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// envelope members are read by the envelope, never by an answer's type.
var envelope = map[string]bool{"RequestId": true, "Code": true, "Message": true, "Success": true, "HttpStatusCode": true}

// pageFields are the members of a page besides its list.
var pageFields = map[string]bool{
	"PageNumber": true, "PageIndex": true, "PageSize": true, "PageCount": true, "TotalCount": true,
	"TotalPageCount": true, "RowCount": true, "Total": true, "NextToken": true, "NextPageToken": true,
	"Message": true, "Success": true,
}

// totals name the number of matching items in all pages, preferred in order.
var totals = []string{"TotalCount", "RowCount", "Total"}

// listing is what the conversion found of an operation's page.
type listing struct {
	items, total, next, item string
	// sent are the wire names of the members the items carry in this
	// answer (nil: unknown); an item shared with other answers may have
	// more, which this one never fills.
	sent []string
}

// response converts an answer: the envelope dropped, a page flattened.
func (c *converter) response(op *FactOperation) (apigen.Shape, *listing) {
	var fields []*FactSchema
	for i := range op.Response.Fields {
		if f := &op.Response.Fields[i]; !envelope[f.Name] {
			fields = append(fields, f)
		}
	}
	var s apigen.Shape
	var page *listing
	for _, f := range fields {
		if f.Type == "object" && isPage(f.Fields) {
			ms, l := c.flatten(op, f)
			s.Members = append(s.Members, ms...)
			page = l
			continue
		}
		at := place{op: op.Name, field: f.Name}
		reads := isRead(op.Name) && (strings.HasPrefix(op.Name, "Get") || strings.HasPrefix(op.Name, "Describe"))
		if f.Name == "Data" && f.Type == "object" && (reads || isMaker(op.Name)) {
			at.name = singular(opNoun(op.Name)) // GetUser's and CreateUser's Data is a User
		}
		list := f.Type == "array" && f.Items != nil && f.Items.Type == "object" && generic[GoName(f.Name)]
		if list && isRead(op.Name) {
			at.name = singular(opNoun(op.Name)) // ListRoles' Data lists Roles
		}
		m := c.responseMember(f, at)
		switch {
		case list && at.name != "":
			m.Name = plural(strings.TrimPrefix(m.Type, "[]"))
		case at.name != "":
			m.Name = m.Type
		}
		if len(fields) == 1 && f.Type == "object" && reads {
			m.Present = true
		}
		s.Members = append(s.Members, m)
	}
	if page == nil {
		page = topPage(op, s.Members)
	}
	dedupeNames(s.Members)
	return s, page
}

// isPage reports whether an object is one page of a list: one list, and
// nothing else than paging members and the other lists' companions.
func isPage(fields []FactSchema) bool {
	lists, paging, other := 0, 0, 0
	for _, f := range fields {
		switch {
		case f.Type == "array":
			lists++
		case pageFields[f.Name]:
			paging++
		default:
			other++
		}
	}
	return lists == 1 && (paging > 0 || other == 0)
}

// flatten lifts a page's members into the answer, each with its path.
func (c *converter) flatten(op *FactOperation, f *FactSchema) ([]apigen.Member, *listing) {
	l := &listing{}
	var out []apigen.Member
	for i := range f.Fields {
		sub := &f.Fields[i]
		at := place{op: op.Name, field: sub.Name}
		if sub.Type == "array" {
			at.name = itemName(op.Name, f.Name, sub.Name)
		}
		m := c.responseMember(sub, at)
		m.Path = f.Name + "." + sub.Name
		switch {
		case sub.Type == "array":
			m.Name = plural(at.name)
			l.items, l.item = m.Name, strings.TrimPrefix(m.Type, "[]")
			if sub.Items != nil {
				for _, f := range sub.Items.Fields {
					l.sent = append(l.sent, f.Name)
				}
			}
		case pageFields[sub.Name] && sub.Name != "NextToken" && sub.Name != "NextPageToken" && (m.Type == "int64" || m.Type == "int"):
			m.Type = "int"
		}
		out = append(out, m)
	}
	l.total, l.next = pageMembers(out)
	return out, l
}

// itemName names the items of a page: after the page (Jobs → Job,
// PagedAgentSummaryReport → AgentSummaryReport), its list, or, for a page
// called Data or List, the operation (ListUsers → User).
func itemName(op, page, list string) string {
	for _, n := range []string{list, page} {
		base := singular(trimListWords(strings.TrimPrefix(GoName(n), "Paged")))
		if !generic[base] {
			return base
		}
	}
	return singular(opNoun(op))
}

// topPage finds a page an answer holds at its top: a list next to paging
// members.
func topPage(op *FactOperation, ms []apigen.Member) *listing {
	l := &listing{}
	lists := 0
	for i, m := range ms {
		if strings.HasPrefix(m.Type, "[]") {
			lists++
			l.items, l.item = m.Name, strings.TrimPrefix(m.Type, "[]")
		}
		if pageFields[m.Wire] && (m.Type == "int64" || m.Type == "int") {
			ms[i].Type = "int"
		}
	}
	l.total, l.next = pageMembers(ms)
	if lists != 1 && l.next == "" {
		return nil
	}
	return l
}

func pageMembers(ms []apigen.Member) (total, next string) {
	for _, t := range totals {
		for _, m := range ms {
			if m.Wire == t && total == "" {
				total = m.Name
			}
		}
	}
	for _, m := range ms {
		if m.Wire == "NextToken" || m.Wire == "NextPageToken" {
			next = m.Name
		}
	}
	return total, next
}

// dedupeNames gives a flattened member whose Go name another member has
// its page's name in front.
func dedupeNames(ms []apigen.Member) {
	seen := map[string]int{}
	for _, m := range ms {
		seen[m.Name]++
	}
	for i, m := range ms {
		if seen[m.Name] > 1 && m.Path != "" {
			ms[i].Name = GoName(strings.Split(m.Path, ".")[0]) + m.Name
		}
	}
}

// isMaker reports whether an operation makes or changes the one resource
// its name says, so that its answer's Data is that resource: CreateUser,
// ModifySkillGroup.
func isMaker(op string) bool {
	for _, verb := range []string{"Create", "Modify", "Update"} {
		if strings.HasPrefix(op, verb) {
			return true
		}
	}
	return false
}
