package apiconv

import (
	"slices"
	"strconv"
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// shapes is the registry of the shared shapes of one conversion: one Go
// type for one API shape. It starts with the curated shapes, whose names
// and members win.
type shapes struct {
	list     []*entry
	byName   map[string]*entry
	reserved map[string]bool // operation type names, enums, constants, package names
	hints    map[string]string
}

type entry struct {
	shape   apigen.Shape
	curated bool
}

// generic names say nothing of what a nested object is; such a shape is
// named after its parent: Job.Data → JobData.
var generic = map[string]bool{
	"": true, "Data": true, "List": true, "Item": true, "Info": true, "Detail": true, "Result": true,
	"Value": true, "Body": true, "Param": true, "Content": true, "Config": true, "Node": true,
	"Extra": true, "Record": true, "Entry": true, "Model": true, "Property": true, "Setting": true,
}

func newShapes(curated *apigen.Model, hints map[string]string) *shapes {
	r := &shapes{byName: map[string]*entry{}, reserved: map[string]bool{}, hints: hints}
	for _, n := range []string{"Client", "Options", "RetryOptions", "HTTPClient", "New", "String", "DefaultRegion", "APIVersion",
		"APIError", "ValidationError", "FieldError", "DecodeError", "OperationError", "RedirectError",
		"PaginationError", "PaginationReason", "CredentialsError", "ErrNoMorePages"} {
		r.reserved[n] = true
	}
	if curated == nil {
		return r
	}
	for _, e := range curated.Enums {
		r.reserved[e.Name] = true
	}
	for _, c := range curated.Constants {
		r.reserved[c.Name] = true
	}
	for _, s := range curated.Shapes {
		r.add(s, true)
	}
	return r
}

// reserve keeps the names an operation's generated code declares.
func (r *shapes) reserve(op string) {
	for _, suf := range []string{"", "Request", "Response", "Paginator", "APIClient", "All"} {
		r.reserved[op+suf] = true
	}
	r.reserved["New"+op+"Paginator"] = true
}

func (r *shapes) add(s apigen.Shape, curated bool) *entry {
	e := &entry{shape: s, curated: curated}
	r.list = append(r.list, e)
	r.byName[s.Name] = e
	return e
}

// signature is a shape's member set, by wire name and type, in wire order.
func signature(ms []apigen.Member) string {
	keys := make([]string, len(ms))
	for i, m := range ms {
		keys[i] = m.Wire + ":" + m.Type
	}
	slices.Sort(keys)
	return strings.Join(keys, ",")
}

func wireSet(ms []apigen.Member) string {
	keys := make([]string, len(ms))
	for i, m := range ms {
		keys[i] = m.Wire
	}
	slices.Sort(keys)
	return strings.Join(keys, ",")
}

// register returns the name of the shape holding members: an existing
// shape with the same members, the shape called name when the two are one
// API shape (one's members a subset of the other's, or mostly shared, and
// no member typed differently), or a new shape called name — or fallback,
// or fallback2, … when name is taken by another shape.
//
// A new shape's doc says where it was first seen (what: "the Data object
// in the answer of CreateUser.").
func (r *shapes) register(name, fallback string, members []apigen.Member, request bool, what string) string {
	if h := r.hints[wireSet(members)]; h != "" {
		name = h
	}
	if e := r.byName[name]; e != nil {
		if merged, ok := unite(e, members); ok {
			e.shape.Members = merged
			e.shape.Request = e.shape.Request || request
			return name
		}
	}
	sig := signature(members)
	for _, e := range r.list {
		if signature(e.shape.Members) == sig {
			e.shape.Request = e.shape.Request || request
			return e.shape.Name
		}
	}
	for i, cand := 0, name; ; i++ {
		switch {
		case i == 1:
			cand = fallback
		case i > 1:
			cand = fallback + strconv.Itoa(i)
		}
		if e := r.byName[cand]; e != nil {
			if merged, ok := unite(e, members); ok {
				e.shape.Members = merged
				e.shape.Request = e.shape.Request || request
				return cand
			}
			continue
		}
		if r.reserved[cand] || cand == "" {
			continue
		}
		r.add(apigen.Shape{Name: cand, Doc: cand + " is " + what, Members: uniqueNames(members), Request: request}, false)
		return cand
	}
}

// unite returns e's members with those of ms it lacks appended, when e and
// ms describe one API shape.
func unite(e *entry, ms []apigen.Member) ([]apigen.Member, bool) {
	have := map[string]int{}
	// Wire names are compared case folded, as the decoders match keys: an
	// answer's AgentID is another's AgentId.
	for i, m := range e.shape.Members {
		have[strings.ToLower(m.Wire)] = i
	}
	out := slices.Clone(e.shape.Members)
	common := 0
	for _, m := range ms {
		i, ok := have[strings.ToLower(m.Wire)]
		if !ok {
			out = append(out, m)
			continue
		}
		common++
		if e.curated {
			continue
		}
		u, ok := unifyMember(out[i], m)
		if !ok {
			return nil, false
		}
		out[i] = u
	}
	small := min(len(e.shape.Members), len(ms))
	switch {
	case e.curated && common*4 < small*3:
		// A shape of the model takes an object of its name that shares
		// three quarters of its members (ListUsers' items are Users with
		// a few members more): a second conversion, which finds the
		// union in the model, then maps every object as the first did.
		return nil, false
	case common == 0 || (common < small && 2*common < small):
		return nil, false
	}
	return uniqueNames(out), true
}

// unifyMember is the one member a and b both describe: the wider number,
// or the time when one has found the unit; false when they disagree.
func unifyMember(a, b apigen.Member) (apigen.Member, bool) {
	if a.Type == b.Type {
		return a, true
	}
	// Text that one answer documents as a time of day ("09:00:00") and
	// another as epoch milliseconds is text: the unit is not known.
	for _, p := range [][2]apigen.Member{{a, b}, {b, a}} {
		if p[0].Type == "string" && p[1].Type == "time" && p[0].Example != "" && !allDigits(p[0].Example) {
			return p[0], true
		}
	}
	// A number one answer sends and another documents as text is text: a
	// lenient string reads both (CallDuration of the call detail records).
	widen := map[string]bool{"int,int64": true, "int64,time": true, "int,time": true, "string,time": true,
		"int,string": true, "int64,string": true}
	switch {
	case widen[a.Type+","+b.Type]:
		return b, true
	case widen[b.Type+","+a.Type]:
		return a, true
	}
	return a, false
}

// dedupe folds shapes with identical members (after unions made them so)
// into the first, rewriting the references, until none are left.
func (r *shapes) dedupe(ops []apigen.Operation) {
	for {
		rename := map[string]string{}
		seen := map[string]string{}
		for _, e := range r.list {
			sig := signature(e.shape.Members)
			if first, ok := seen[sig]; ok && !e.curated {
				rename[e.shape.Name] = first
				r.byName[first].shape.Request = r.byName[first].shape.Request || e.shape.Request
				continue
			}
			if _, ok := seen[sig]; !ok {
				seen[sig] = e.shape.Name
			}
		}
		if len(rename) == 0 {
			return
		}
		kept := r.list[:0]
		for _, e := range r.list {
			if _, gone := rename[e.shape.Name]; gone {
				delete(r.byName, e.shape.Name)
				continue
			}
			kept = append(kept, e)
		}
		r.list = kept
		for _, e := range r.list {
			retype(e.shape.Members, rename)
		}
		for i := range ops {
			retype(ops[i].Request.Members, rename)
			retype(ops[i].Response.Members, rename)
			if p := ops[i].Paginate; p != nil && rename[p.Item] != "" {
				p.Item = rename[p.Item]
			}
		}
	}
}

func retype(ms []apigen.Member, rename map[string]string) {
	for i := range ms {
		prefix, base := splitType(ms[i].Type)
		if to, ok := rename[base]; ok {
			ms[i].Type = prefix + to
		}
	}
}

// splitType splits []T and map[string]T into the container and T.
func splitType(t string) (string, string) {
	prefix := ""
	for {
		switch {
		case strings.HasPrefix(t, "[]"):
			prefix, t = prefix+"[]", t[2:]
		case strings.HasPrefix(t, "map[string]"):
			prefix, t = prefix+"map[string]", t[len("map[string]"):]
		default:
			return prefix, t
		}
	}
}

// fresh returns the shapes the conversion made or extended, in order.
func (r *shapes) all() []apigen.Shape {
	out := make([]apigen.Shape, len(r.list))
	for i, e := range r.list {
		out[i] = e.shape
	}
	return out
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
