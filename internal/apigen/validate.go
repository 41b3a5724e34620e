package apigen

import (
	"strconv"
	"strings"
)

// validate writes the Validate method of a request: every required
// parameter, limit, pattern and enum of the model, each bad field reported
// (all at once, by apierror.Validator).
func (f *file) validate(typ, op string, members []Member) {
	f.use(pkgApierr)
	required := false
	for _, mem := range members {
		required = required || mem.Required
	}
	f.p("// Validate reports every invalid field of r before any network I/O.")
	f.p("func (r *%s) Validate() error {", typ)
	if required {
		f.p("\tif r == nil {\n\t\tr = &%s{}\n\t}", typ)
	} else {
		f.p("\tif r == nil {\n\t\treturn nil\n\t}")
	}
	f.p("\tvar v apierror.Validator")
	for i := range members {
		f.checks(&members[i], "r."+members[i].Name, strconv.Quote(members[i].Name))
	}
	product := "service.Product"
	if f.g.m.Protocol == "tc3" {
		product = "product"
	}
	f.p("\treturn v.Err(%s, %q)", product, op)
	f.p("}")
	f.p("")
	for _, p := range f.patterns {
		f.p("%s", p)
		f.p("")
	}
	f.patterns = nil
}

// checks writes the checks of one value: x is its Go expression, name the
// Go expression of the field name errors carry.
func (f *file) checks(mem *Member, x, name string) {
	m := f.g.m
	t := mem.Type
	if mem.Clearable && !isList(t) {
		sub := &file{g: f.g, imports: f.imports}
		c := *mem
		c.Clearable = false
		sub.checks(&c, "*"+x, name)
		f.patterns = append(f.patterns, sub.patterns...)
		if sub.buf.Len() > 0 {
			f.p("\tif %s != nil {", x)
			f.buf.Write(sub.buf.Bytes())
			f.p("\t}")
		}
		return
	}
	switch {
	case isList(t):
		f.listChecks(mem, x, name)
	case t == "string":
		f.textChecks(mem, x, name)
	case t == "int" || t == "int64":
		f.rangeChecks(mem, x, name)
	case m.Enum(t) != nil:
		e := m.Enum(t)
		if !e.Valid {
			return
		}
		ok := x + ".Valid()"
		if !mem.Required && !e.EmptyValid {
			ok = x + ` == "" || ` + ok
		}
		if mem.Required && e.EmptyValid {
			f.p("\tv.Check(%s != \"\", %s, \"is required\")", x, name)
		}
		f.p("\tv.Check(%s, %s, %q)", ok, name, "must be one of "+enumValues(e))
	case m.Shape(t) != nil:
		for i := range m.Shape(t).Members {
			sub := &m.Shape(t).Members[i]
			f.checks(sub, x+"."+sub.Name, name+`+".`+sub.Name+`"`)
		}
	}
}

func enumValues(e *Enum) string {
	var vs []string
	for _, v := range e.Values {
		vs = append(vs, v.Value)
	}
	return strings.Join(vs, ", ")
}

func (f *file) textChecks(mem *Member, x, name string) {
	switch {
	case mem.Required && mem.MinLength > 0:
		f.use("unicode/utf8")
		f.p("\tif %s == \"\" {\n\t\tv.Add(%s, \"is required\")\n\t} else {", x, name)
		f.p("\t\tn := utf8.RuneCountInString(%s)", x)
		f.p("\t\tv.Check(n >= %d && n <= %d, %s, %q)", mem.MinLength, mem.MaxLength, name,
			"must be "+strconv.Itoa(mem.MinLength)+" to "+strconv.Itoa(mem.MaxLength)+" characters")
		f.p("\t}")
	case mem.Required:
		f.p("\tv.Required(%s, %s)", name, x)
	}
	if mem.MaxLength > 0 && !(mem.Required && mem.MinLength > 0) {
		f.use("unicode/utf8")
		f.p("\tv.Check(utf8.RuneCountInString(%s) <= %d, %s, %q)", x, mem.MaxLength, name,
			"must be at most "+strconv.Itoa(mem.MaxLength)+" characters")
	}
	if mem.Pattern != "" {
		f.use("regexp")
		pat := "pattern" + mem.Name
		f.patterns = append(f.patterns, "// "+pat+" is what "+mem.Name+" may hold.\nvar "+pat+" = regexp.MustCompile("+strconv.Quote(mem.Pattern)+")")
		f.p("\tv.Check(%s.MatchString(%s), %s, %q)", pat, x, name, mem.PatternDoc)
	}
	if mem.UTF8 {
		f.use("unicode/utf8")
		f.p("\tv.Check(utf8.ValidString(%s), %s, \"must be valid UTF-8\")", x, name)
	}
}

func (f *file) rangeChecks(mem *Member, x, name string) {
	switch {
	case mem.Min != nil && mem.Max != nil:
		lo, hi := strconv.FormatInt(*mem.Min, 10), strconv.FormatInt(*mem.Max, 10)
		msg := "must be between " + lo + " and " + hi
		ok := x + " >= " + lo + " && " + x + " <= " + hi
		if mem.ZeroDoc != "" {
			msg += " (0 " + mem.ZeroDoc + ")"
			ok = x + " == 0 || " + ok
		}
		f.p("\tv.Check(%s, %s, %q)", ok, name, msg)
	case mem.Min != nil:
		lo := *mem.Min
		msg := "must be at least " + strconv.FormatInt(lo, 10)
		switch lo {
		case 0:
			msg = "must not be negative"
		case 1:
			msg = "must be greater than 0"
		}
		f.p("\tv.Check(%s >= %d, %s, %q)", x, lo, name, msg)
	}
}

func (f *file) listChecks(mem *Member, x, name string) {
	m := f.g.m
	if mem.Required {
		f.p("\tv.Check(len(%s) > 0, %s, \"is required\")", x, name)
	}
	elem := elemType(mem.Type)
	at := strings.ReplaceAll(name+`+"["+strconv.Itoa(i)+"]"`, `"+"`, "")
	var body []string
	switch {
	case elem == "string" && len(mem.Allowed) > 0:
		var conds, vals []string
		for _, c := range mem.Allowed {
			conds = append(conds, "s == "+c)
			vals = append(vals, literal(f.constant(c)))
		}
		body = append(body, "v.Check("+strings.Join(conds, " || ")+", "+at+", "+strconv.Quote("must be "+strings.Join(vals, " or "))+")")
	case elem == "string" && mem.Elements:
		body = append(body, "v.Check(s != \"\", "+at+", \"must not be empty\")")
		if mem.List == "json" {
			// JSON text would silently replace invalid UTF-8 with U+FFFD.
			f.use("unicode/utf8")
			body = append(body, "v.Check(utf8.ValidString(s), "+at+", \"must be valid UTF-8\")")
		}
	case m.Enum(elem) != nil && m.Enum(elem).Valid:
		body = append(body, "v.Check(s.Valid(), "+at+", "+strconv.Quote("must be one of "+enumValues(m.Enum(elem)))+")")
	case m.Shape(elem) != nil:
		sub := &file{g: f.g, imports: f.imports}
		for i := range m.Shape(elem).Members {
			sm := &m.Shape(elem).Members[i]
			sub.checks(sm, "s."+sm.Name, strings.ReplaceAll(at+`+".`+sm.Name+`"`, `"+"`, ""))
		}
		f.patterns = append(f.patterns, sub.patterns...)
		if sub.buf.Len() > 0 {
			body = append(body, sub.buf.String())
		}
	}
	if len(body) == 0 {
		return
	}
	f.use("strconv")
	f.p("\tfor i, s := range %s {", x)
	for _, l := range body {
		f.p("\t\t%s", l)
	}
	f.p("\t}")
}

// constant returns the Go value of the model constant name.
func (f *file) constant(name string) string {
	for _, c := range f.g.m.Constants {
		if c.Name == name {
			return c.Value
		}
	}
	return name
}
