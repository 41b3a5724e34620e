package apiconv

import (
	"slices"
	"strconv"
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// merge completes curated with fresh: every entry of curated is kept as it
// is; what fresh has and curated lacks is added — operations, members of
// operations and shapes (appended after the curated ones), the group,
// link and doc of an operation that has none, constants, omissions — and
// the fresh shapes the result refers to.
func merge(curated, fresh *apigen.Model) (*apigen.Model, error) {
	if curated == nil {
		curated = &apigen.Model{Product: fresh.Product, Package: fresh.Package, Protocol: fresh.Protocol,
			Version: fresh.Version, Title: fresh.Title}
	}
	out, err := clone(curated)
	if err != nil {
		return nil, err
	}
	for _, k := range fresh.Constants {
		if !slices.ContainsFunc(out.Constants, func(c apigen.Constant) bool { return c.Name == k.Name }) {
			out.Constants = append(out.Constants, k)
		}
	}
	freshOps := map[string]*apigen.Operation{}
	for i := range fresh.Operations {
		freshOps[fresh.Operations[i].Name] = &fresh.Operations[i]
	}
	for i := range out.Operations {
		op := &out.Operations[i]
		f := freshOps[op.Name]
		if f == nil {
			continue
		}
		op.Request.Members = addMembers(op.Request.Members, f.Request.Members)
		op.Response.Members = addMembers(op.Response.Members, f.Response.Members)
		fill(&op.Group, f.Group)
		fill(&op.Link, f.Link)
		fill(&op.Doc, f.Doc)
		fill(&op.Method, f.Method)
	}
	for _, f := range fresh.Operations {
		if operation(out, f.Name) == nil {
			out.Operations = append(out.Operations, f)
		}
	}
	for _, s := range fresh.Shapes {
		if have := out.Shape(s.Name); have != nil {
			have.Members = addMembers(have.Members, s.Members)
		}
	}
	addReachable(out, fresh)
	for _, o := range fresh.Omitted {
		if !slices.Contains(out.Omitted, o) {
			out.Omitted = append(out.Omitted, o)
		}
	}
	return out, nil
}

func operation(m *apigen.Model, name string) *apigen.Operation {
	for i := range m.Operations {
		if m.Operations[i].Name == name {
			return &m.Operations[i]
		}
	}
	return nil
}

// addMembers appends the members of fresh whose place in the answer (or
// wire name) none of have has. Places that differ only in case are one
// place: the decoders match keys as encoding/json does, case folded, so
// AgentId and AgentID are the same member spelt two ways.
func addMembers(have, fresh []apigen.Member) []apigen.Member {
	for _, m := range fresh {
		if !slices.ContainsFunc(have, func(h apigen.Member) bool { return strings.EqualFold(placeOf(h), placeOf(m)) }) {
			have = append(have, m)
		}
	}
	return uniqueNames(have)
}

// uniqueNames renames the later of two members with one Go name (the
// answers have both AgentId and agentId): AgentID2, AgentID3, ….
func uniqueNames(ms []apigen.Member) []apigen.Member {
	seen := map[string]bool{}
	for i := range ms {
		name := ms[i].Name
		for n := 2; seen[name]; n++ {
			name = ms[i].Name + strconv.Itoa(n)
		}
		if name != ms[i].Name {
			ms[i].Doc = strings.TrimSpace(name + " is the answer's " + ms[i].Wire + ", spelt differently from " + ms[i].Name + ". " + ms[i].Doc)
			ms[i].Name = name
		}
		seen[name] = true
	}
	return ms
}

func placeOf(m apigen.Member) string {
	if m.Path != "" {
		return m.Path
	}
	return m.Wire
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// addReachable adds the fresh shapes the model's members refer to and
// it does not define, until every type is defined.
func addReachable(out, fresh *apigen.Model) {
	for {
		added := false
		for _, name := range referenced(out) {
			if out.Shape(name) != nil || out.Enum(name) != nil {
				continue
			}
			if s := fresh.Shape(name); s != nil {
				out.Shapes = append(out.Shapes, *s)
				added = true
			}
		}
		if !added {
			return
		}
	}
}

// referenced lists the non-builtin type names the model's members use, in
// order of first use.
func referenced(m *apigen.Model) []string {
	var names []string
	use := func(ms []apigen.Member) {
		for _, mem := range ms {
			_, t := splitType(mem.Type)
			if !builtinType(t) && !slices.Contains(names, t) {
				names = append(names, t)
			}
		}
	}
	for _, op := range m.Operations {
		use(op.Request.Members)
		use(op.Response.Members)
	}
	for _, s := range m.Shapes {
		use(s.Members)
	}
	return names
}

func builtinType(t string) bool {
	switch t {
	case "string", "int", "int64", "float64", "bool", "time", "raw":
		return true
	}
	return false
}

// clone deep-copies a model through its JSON form, so merging never
// changes the caller's.
func clone(m *apigen.Model) (*apigen.Model, error) {
	b, err := Marshal(m)
	if err != nil {
		return nil, err
	}
	return apigen.Parse(b)
}
