package apigen

import (
	"strconv"
	"strings"
)

// The decoders read an answer in one pass over its bytes with
// wire.Decoder, without reflection: each member into its field, leniently
// where the model says so, every other top-level member through the
// protocol's envelope, the rest skipped. They reject (wire.Reject) an
// answer without a member the model marks present, and an object without
// its identifying member.

// node is an object of the answer: its members, and the objects nested in
// it, in model order.
type node struct {
	name     string
	path     string // dotted, from the answer's top
	members  []*Member
	children []*node
}

func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	p := name
	if n.path != "" {
		p = n.path + "." + name
	}
	c := &node{name: name, path: p}
	n.children = append(n.children, c)
	return c
}

// tree places the members an answer holds in the objects their paths
// name.
func tree(members []Member) *node {
	root := &node{}
	for i := range members {
		mem := &members[i]
		if mem.FromRequest != "" {
			continue
		}
		parts := strings.Split(mem.wirePath(), ".")
		n := root
		for _, p := range parts[:len(parts)-1] {
			n = n.child(p)
		}
		n.members = append(n.members, mem)
	}
	return root
}

// responseDecoder writes decode<Operation>, the one-pass reader of the
// operation's answer (the Response object for tc3).
func (f *file) responseDecoder(op *Operation) {
	f.use(pkgWire)
	env := "rpc.Envelope"
	if f.g.m.Protocol == "tc3" {
		env = "tc3api.Envelope"
		f.use(pkgTC3)
	} else {
		f.use(pkgRPC)
	}
	resp := op.Name + "Response"
	root := tree(op.Response.Members)
	f.doc("", "decode"+op.Name+" reads the answer of "+op.Name+" in one pass: its members, and the envelope's through env.")
	f.p("func decode%s(d *wire.Decoder, env *%s) *%s {", op.Name, env, resp)
	f.p("\tr := new(%s)", resp)
	for i := range op.Response.Members {
		mem := &op.Response.Members[i]
		switch {
		case mem.Fills != "":
			f.p("\tvar %s %s", lower(mem.Name), f.goType(mem.Type))
		case mem.Present && f.g.m.Shape(mem.Type) != nil:
			f.p("\tvar has%s bool", mem.Name)
		}
	}
	f.object(root, "r.", true)
	for i := range op.Response.Members {
		mem := &op.Response.Members[i]
		if mem.Present {
			f.p("\tif %s {\n\t\td.Reject(%s)\n\t}", f.missing(mem, "r."), f.missingVar("the answer", mem.wirePath()))
		}
	}
	for i := range op.Response.Members {
		mem := &op.Response.Members[i]
		if mem.Fills != "" {
			f.p("\tif len(r.%s) == 0 && len(%s) > 0 {\n\t\tr.%s = %s\n\t}", mem.Fills, lower(mem.Name), mem.Fills, lower(mem.Name))
		}
	}
	f.p("\tr.RequestID = env.RequestID")
	f.p("\treturn r")
	f.p("}")
	f.p("")
}

// missing is the condition under which a present member is missing: a
// list or map absent or null, an object absent or null, a value zero.
func (f *file) missing(mem *Member, recv string) string {
	switch {
	case container(mem.Type):
		return recv + mem.Name + " == nil"
	case f.g.m.Shape(mem.Type) != nil:
		return "!has" + mem.Name
	}
	return f.g.zero(mem, recv+mem.Name)
}

// object writes the loop over the members of n. At the top, members the
// response does not hold go to the envelope.
func (f *file) object(n *node, recv string, top bool) {
	f.p("\tfor m := d.Object(); m.Next(); {")
	f.p("\t\tswitch k := m.Key(); {")
	folded := map[string]int{}
	for _, mem := range n.members {
		folded[strings.ToLower(lastSegment(mem.wirePath()))]++
	}
	for _, c := range n.children {
		folded[strings.ToLower(c.name)]++
	}
	// A key matches its member case folded, as encoding/json matches; but
	// where two members differ only in case (LastCheckOutTime and
	// LastCheckoutTime), each takes its exact spelling.
	is := func(key string) string {
		if folded[strings.ToLower(key)] > 1 {
			return "string(k) == " + strconv.Quote(key)
		}
		return "k.Is(" + strconv.Quote(key) + ")"
	}
	for _, mem := range n.members {
		f.p("\t\tcase %s:", is(lastSegment(mem.wirePath())))
		dst := recv + mem.Name
		if mem.Fills != "" {
			dst = lower(mem.Name)
		}
		f.read(mem, dst, true)
	}
	for _, c := range n.children {
		f.p("\t\tcase %s:", is(c.name))
		f.object(c, recv, false)
	}
	f.p("\t\tdefault:")
	if top {
		f.p("\t\t\tenv.Member(d, k)")
	} else {
		f.p("\t\t\td.Skip()")
	}
	f.p("\t\t}")
	f.p("\t}")
}

func lastSegment(path string) string {
	return path[strings.LastIndex(path, ".")+1:]
}

// read writes the statement that reads the current value into dst.
func (f *file) read(mem *Member, dst string, inResponse bool) {
	m := f.g.m
	t := mem.Type
	switch {
	case container(t):
		fn := f.g.elemReader(elemType(t), mem.Decode)
		switch {
		case isMap(t):
			f.p("\t\t\t%s = wire.Map(d, %s, %s)", dst, dst, fn)
		case mem.Page != "":
			f.p("\t\t\t%s = wire.PageSlice(d, %s, %s, %s)", dst, dst, mem.Page, fn)
		default:
			f.p("\t\t\t%s = wire.Slice(d, %s, %s)", dst, dst, fn)
		}
	case m.Shape(t) != nil && mem.Present && inResponse:
		f.p("\t\t\tif d.Null() {\n\t\t\t\td.Skip()\n\t\t\t\thas%s = false\n\t\t\t} else {", mem.Name)
		f.p("\t\t\t\thas%s, %s = true, %s{}\n\t\t\t\tdecode%s(d, &%s)\n\t\t\t}", mem.Name, dst, t, t, dst)
	case m.Shape(t) != nil:
		f.p("\t\t\t%s = %s{}\n\t\t\tdecode%s(d, &%s)", dst, t, t, dst)
	case t == "time" && strings.HasPrefix(mem.Decode, "func:"):
		fn := strings.TrimPrefix(mem.Decode, "func:")
		f.p("\t\t\tif t, err := %s(%q, d.LenientString()); err != nil {\n\t\t\t\td.Reject(err)\n\t\t\t} else {\n\t\t\t\t%s = t\n\t\t\t}", fn, mem.Wire, dst)
	default:
		f.p("\t\t\t%s = %s", dst, f.readExpr(t, mem.Decode))
	}
}

// missingVar returns the name of the package variable holding the
// *MissingError of member in, declaring it in types_gen.go.
func (f *file) missingVar(in, member string) string {
	return "errNo" + strings.ReplaceAll(goName(member), ".", "")
}

// goName turns a wire path into a Go-ish name: Data.List → DataList,
// InstanceId → InstanceID.
func goName(path string) string {
	var b strings.Builder
	for _, p := range strings.Split(path, ".") {
		if strings.HasSuffix(p, "Id") {
			p = strings.TrimSuffix(p, "Id") + "ID"
		}
		b.WriteString(strings.ToUpper(p[:1]) + p[1:])
	}
	return b.String()
}

// shapeDecoder writes decode<Shape>, the reader of one object of a shared
// shape, which rejects one without its identifying member.
func (f *file) shapeDecoder(s *Shape) {
	f.use(pkgWire)
	v := strings.ToLower(s.Name[:1])
	if v == "d" || v == "m" || v == "k" || v == "t" || v == "r" {
		v = "x"
	}
	f.p("// decode%s reads one %s in one pass.", s.Name, s.Name)
	f.p("func decode%s(d *wire.Decoder, %s *%s) {", s.Name, v, s.Name)
	f.object(tree(s.Members), v+".", false)
	for _, mem := range s.Members {
		if mem.UnixFallback != "" {
			f.use("time")
			f.p("\tif %s.%s.IsZero() && %s.%s > 0 {\n\t\t%s.%s = time.Unix(%s.%s, 0).UTC()\n\t}",
				v, mem.Name, v, mem.UnixFallback, v, mem.Name, v, mem.UnixFallback)
		}
	}
	for i := range s.Members {
		if id := &s.Members[i]; id.Name == s.ID {
			f.p("\tif %s {\n\t\td.Reject(%s)\n\t}", f.g.zero(id, v+"."+id.Name), "err"+s.Name+"NoID")
		}
	}
	f.p("}")
	f.p("")
}

// missingErrors lists the *MissingError variables the decoders use, by
// name: what lacks the member, and the member.
func (g *gen) missingErrors() [][3]string {
	var out [][3]string
	seen := map[string]bool{}
	add := func(name, in, member string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, [3]string{name, in, member})
		}
	}
	for _, s := range g.m.Shapes {
		if s.ID != "" && g.decoded(s.Name) {
			add("err"+s.Name+"NoID", article(s.Name), s.IDWire)
		}
	}
	for _, op := range g.m.Operations {
		for _, mem := range op.Response.Members {
			if mem.Present {
				add("errNo"+goName(mem.wirePath()), "the answer", mem.wirePath())
			}
		}
	}
	return out
}

// article names one object of a shape in an error: "an instance".
func article(name string) string {
	w := strings.ToLower(name[:1]) + name[1:]
	if strings.ContainsRune("aeiouAEIOU", rune(name[0])) {
		return "an " + w
	}
	return "a " + w
}
