package apigen

import "strconv"

// types writes types_gen.go: the model's constants, enums and shared
// shapes, the shapes' decoders, and the errors of the answers' shapes.
func (f *file) types() {
	m := f.g.m
	f.constants()
	for i := range m.Enums {
		f.enum(&m.Enums[i])
	}
	for i := range m.Shapes {
		s := &m.Shapes[i]
		f.doc("", s.Doc)
		f.p("type %s struct {", s.Name)
		for _, mem := range s.Members {
			f.doc("\t", mem.Doc)
			switch {
			case s.Request && f.g.m.Protocol == "tc3":
				f.p("\t%s %s `%s`", mem.Name, f.paramType(&mem), f.paramTag(&mem, true))
			case s.Request:
				f.p("\t%s %s `%s %s`", mem.Name, f.paramType(&mem), shapeJSONTag(&mem), f.paramTag(&mem, true))
			default:
				f.p("\t%s %s `%s`", mem.Name, f.goType(mem.Type), jsonTag(&mem))
			}
		}
		f.p("}")
		f.p("")
	}
	for i := range m.Shapes {
		if f.g.decoded(m.Shapes[i].Name) {
			f.shapeDecoder(&m.Shapes[i])
		}
	}
	f.elemReaders()
	if errs := f.g.missingErrors(); len(errs) > 0 {
		f.use(pkgWire)
		f.p("// The shapes an answer must have (a *DecodeError otherwise): an object")
		f.p("// names itself, and an answer holds its payload.")
		f.p("var (")
		for _, e := range errs {
			f.p("\t%s = wire.Missing(%q, %q)", e[0], e[1], e[2])
		}
		f.p(")")
		f.p("")
	}
	for _, op := range m.Operations {
		if op.Paginate != nil {
			f.use(pkgPages)
			f.p("// ErrNoMorePages is returned by a paginator's NextPage after the last page.")
			f.p("var ErrNoMorePages = pages.ErrNoMorePages")
			break
		}
	}
}

func (f *file) constants() {
	cs := f.g.m.Constants
	for i := 0; i < len(cs); {
		if cs[i].Group == "" {
			f.doc("", cs[i].Doc)
			f.p("const %s = %s", cs[i].Name, cs[i].Value)
			f.p("")
			i++
			continue
		}
		j := i
		for j < len(cs) && cs[j].Group == cs[i].Group {
			j++
		}
		f.doc("", cs[i].Group)
		f.p("const (")
		for _, c := range cs[i:j] {
			f.doc("\t", c.Doc)
			f.p("\t%s = %s", c.Name, c.Value)
		}
		f.p(")")
		f.p("")
		i = j
	}
}

func (f *file) enum(e *Enum) {
	f.doc("", e.Doc)
	f.p("type %s string", e.Name)
	f.p("")
	doc := e.ValuesDoc
	if doc == "" {
		doc = "The documented " + e.Name + " values."
	}
	f.doc("", doc)
	f.p("const (")
	for _, v := range e.Values {
		if v.Doc != "" {
			f.p("\t%s %s = %q // %s", v.Name, e.Name, v.Value, v.Doc)
		} else {
			f.p("\t%s %s = %q", v.Name, e.Name, v.Value)
		}
	}
	f.p(")")
	f.p("")
	if !e.Valid {
		return
	}
	doc = e.ValidDoc
	if doc == "" {
		doc = "Valid reports whether the value is a documented one."
	}
	f.doc("", doc)
	f.p("func (v %s) Valid() bool {", e.Name)
	f.p("\tswitch v {")
	var cases []string
	if e.EmptyValid {
		cases = append(cases, `""`)
	}
	for _, v := range e.Values {
		cases = append(cases, v.Name)
	}
	for _, v := range e.AlsoValid {
		cases = append(cases, strconv.Quote(v))
	}
	f.p("\tcase %s:", join(cases))
	f.p("\t\treturn true")
	f.p("\t}")
	f.p("\treturn false")
	f.p("}")
	f.p("")
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// decoded reports whether an answer can hold the shape name, directly or
// nested: it then gets a decoder.
func (g *gen) decoded(name string) bool {
	seen := map[string]bool{}
	var walk func(t string) bool
	walk = func(t string) bool {
		t = baseType(t)
		if t == name {
			return true
		}
		s := g.m.Shape(t)
		if s == nil || seen[t] {
			return false
		}
		seen[t] = true
		for _, mem := range s.Members {
			if walk(mem.Type) {
				return true
			}
		}
		return false
	}
	for _, op := range g.m.Operations {
		for _, mem := range op.Response.Members {
			if mem.FromRequest == "" && walk(mem.Type) {
				return true
			}
		}
	}
	return false
}

// errors writes errors_gen.go: a constant per documented code and the
// product's code → category table.
func (f *file) errors() {
	m := f.g.m
	f.use(pkgApierr)
	if len(m.Errors) > 0 {
		f.doc("", m.ErrorsDoc)
		f.p("const (")
		for _, e := range m.Errors {
			f.doc("\t", e.Name+": "+e.Doc)
			f.p("\t%s = %q", e.Name, e.Code)
		}
		f.p(")")
		f.p("")
	}
	f.doc("", m.CodesDoc)
	f.p("var codes = apierror.Codes{")
	for _, c := range m.Codes {
		key := strconv.Quote(c.Code)
		for _, e := range m.Errors {
			if e.Code == c.Code {
				key = e.Name
			}
		}
		f.p("\t%s: apierror.%s,", key, c.Category)
	}
	f.p("}")
}

// shapeJSONTag is the json tag of a request shape's member: its wire name,
// which JSON text sends (list json), and an optional member is left out
// when empty, as the parameter would be: JSON text holding "Maximum": 0
// would set what the caller never set. (A shape answers also hold then
// encodes without its empty optional members too.)
func shapeJSONTag(mem *Member) string {
	if !mem.Required {
		return `json:"` + mem.Wire + `,omitempty"`
	}
	return `json:"` + mem.Wire + `"`
}
