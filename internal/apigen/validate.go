package apigen

import (
	"slices"
	"strconv"
	"strings"
)

// validate writes the Validate method of a request: every required
// parameter, limit, pattern and enum of the model, each bad field reported
// (all at once, by apierror.Validator).
func (f *file) validate(typ, op string, members []Member) {
	checks := &file{g: f.g, imports: f.imports}
	required := false
	for i := range members {
		required = required || members[i].Required
		checks.checks(&members[i], "r."+members[i].Name, strconv.Quote(members[i].Name))
	}
	f.p("// Validate reports every invalid field of r before any network I/O.")
	if checks.buf.Len() == 0 {
		// Nothing to check: every parameter takes any value, or there are none.
		f.p("func (r *%s) Validate() error { return nil }", typ)
		f.p("")
		return
	}
	f.use(pkgApierr)
	f.p("func (r *%s) Validate() error {", typ)
	if required {
		f.p("\tif r == nil {\n\t\tr = &%s{}\n\t}", typ)
	} else {
		f.p("\tif r == nil {\n\t\treturn nil\n\t}")
	}
	f.p("\tvar v apierror.Validator")
	f.buf.Write(checks.buf.Bytes())
	product := "service.Product"
	if f.g.m.Protocol == "tc3" {
		product = "product"
	}
	f.p("\treturn v.Err(%s, %q)", product, op)
	f.p("}")
	f.p("")
	for _, p := range checks.patterns {
		f.p("%s", p)
		f.p("")
	}
}

// checks writes the checks of one value: x is its Go expression, name the
// Go expression of the field name errors carry.
func (f *file) checks(mem *Member, x, name string) {
	m := f.g.m
	t := mem.Type
	if mem.Clearable && !isList(t) {
		sub := &file{g: f.g, imports: f.imports, depth: f.depth}
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
	case isMap(t) && mem.Required:
		f.p("\tv.Check(len(%s) > 0, %s, \"is required\")", x, name)
	case t == "string":
		f.textChecks(mem, x, name)
		f.valuesCheck(mem, x, name)
	case isNumber(t):
		// A required number is checked for presence only where its
		// documented values or range leave 0 out; 0 is sent otherwise.
		if mem.Required && len(mem.Values) == 0 && mem.Min == nil {
			f.p("\tv.Check(%s != 0, %s, \"is required\")", x, name)
		}
		f.rangeChecks(mem, x, name)
		f.valuesCheck(mem, x, name)
	case t == "raw":
		f.use("encoding/json")
		if mem.Required {
			f.p("\tv.Check(len(%s) > 0, %s, \"is required\")", x, name)
		}
		f.p("\tv.Check(len(%s) == 0 || json.Valid(%s), %s, \"must be JSON text\")", x, x, name)
	case m.Enum(t) != nil:
		e := m.Enum(t)
		if mem.Required && (e.EmptyValid || !e.Valid) {
			f.p("\tv.Check(%s != \"\", %s, \"is required\")", x, name)
		}
		if !e.Valid {
			return
		}
		ok := x + ".Valid()"
		if !mem.Required && !e.EmptyValid {
			ok = x + ` == "" || ` + ok
		}
		f.p("\tv.Check(%s, %s, %q)", ok, name, "must be one of "+enumValues(e))
	case m.Shape(t) != nil:
		f.shapeChecks(mem, x, name)
	}
	// A bool has no check: false is a value, and a required one is always
	// sent.
}

// shapeChecks writes the checks of a request shape's members, when the
// shape is set: an optional one left zero is not sent, and a required one
// left zero is reported once, not member by member.
func (f *file) shapeChecks(mem *Member, x, name string) {
	s := f.g.m.Shape(mem.Type)
	sub := &file{g: f.g, imports: f.imports, depth: f.depth}
	for i := range s.Members {
		sm := &s.Members[i]
		sub.checks(sm, x+"."+sm.Name, strings.ReplaceAll(name+`+".`+sm.Name+`"`, `"+"`, ""))
	}
	f.patterns = append(f.patterns, sub.patterns...)
	zero := f.g.zero(mem, x)
	switch {
	case mem.Required && sub.buf.Len() == 0:
		f.p("\tv.Check(!%s, %s, \"is required\")", zero, name)
	case mem.Required:
		f.p("\tif %s {\n\t\tv.Add(%s, \"is required\")\n\t} else {", zero, name)
		f.buf.Write(sub.buf.Bytes())
		f.p("\t}")
	case sub.buf.Len() > 0:
		f.p("\tif !%s {", zero)
		f.buf.Write(sub.buf.Bytes())
		f.p("\t}")
	}
}

// valuesCheck writes the check that a value is one of its documented
// values (or, optional, left out).
func (f *file) valuesCheck(mem *Member, x, name string) {
	if len(mem.Values) == 0 {
		return
	}
	zero := "0"
	if mem.Type == "string" {
		zero = `""`
	}
	var conds []string
	if !mem.Required && !slices.Contains(mem.Values, literal(zero)) {
		conds = append(conds, x+" == "+zero)
	}
	for _, v := range mem.Values {
		if mem.Type == "string" {
			v = strconv.Quote(v)
		}
		conds = append(conds, x+" == "+v)
	}
	f.p("\tv.Check(%s, %s, %q)", strings.Join(conds, " || "), name, "must be one of "+strings.Join(mem.Values, ", "))
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
	// An optional number left 0 is not sent: 0 passes, whatever the range.
	optional := !mem.Required && mem.Default == ""
	var ok, msg string
	switch {
	case mem.Min != nil && mem.Max != nil:
		lo, hi := strconv.FormatInt(*mem.Min, 10), strconv.FormatInt(*mem.Max, 10)
		msg = "must be between " + lo + " and " + hi
		ok = x + " >= " + lo + " && " + x + " <= " + hi
		if mem.ZeroDoc != "" {
			msg += " (0 " + mem.ZeroDoc + ")"
		}
		if mem.ZeroDoc != "" || optional && (*mem.Min > 0 || *mem.Max < 0) {
			ok = x + " == 0 || " + ok
		}
	case mem.Min != nil:
		lo := *mem.Min
		msg = "must be at least " + strconv.FormatInt(lo, 10)
		switch lo {
		case 0:
			msg = "must not be negative"
		case 1:
			msg = "must be greater than 0"
		}
		ok = x + " >= " + strconv.FormatInt(lo, 10)
		if optional && lo > 0 {
			ok = x + " == 0 || " + ok
		}
	case mem.Max != nil:
		hi := *mem.Max
		msg = "must be at most " + strconv.FormatInt(hi, 10)
		ok = x + " <= " + strconv.FormatInt(hi, 10)
		if optional && hi < 0 {
			ok = x + " == 0 || " + ok
		}
	default:
		return
	}
	f.p("\tv.Check(%s, %s, %q)", ok, name, msg)
}

func (f *file) listChecks(mem *Member, x, name string) {
	m := f.g.m
	if mem.Required {
		f.p("\tv.Check(len(%s) > 0, %s, \"is required\")", x, name)
	}
	elem := elemType(mem.Type)
	// A list in a list's element has its own loop variables.
	i, s := "i", "s"
	if f.depth > 0 {
		i, s = "i"+strconv.Itoa(f.depth), "s"+strconv.Itoa(f.depth)
	}
	at := strings.ReplaceAll(name+`+"["+strconv.Itoa(`+i+`)+"]"`, `"+"`, "")
	var body []string
	switch {
	case elem == "string" && len(mem.Allowed) > 0:
		var conds, vals []string
		for _, c := range mem.Allowed {
			conds = append(conds, s+" == "+c)
			vals = append(vals, literal(f.constant(c)))
		}
		body = append(body, "v.Check("+strings.Join(conds, " || ")+", "+at+", "+strconv.Quote("must be "+strings.Join(vals, " or "))+")")
	case elem == "string" && mem.Elements:
		body = append(body, "v.Check("+s+" != \"\", "+at+", \"must not be empty\")")
		if mem.List == "json" {
			// JSON text would silently replace invalid UTF-8 with U+FFFD.
			f.use("unicode/utf8")
			body = append(body, "v.Check(utf8.ValidString("+s+"), "+at+", \"must be valid UTF-8\")")
		}
	case m.Enum(elem) != nil && m.Enum(elem).Valid:
		body = append(body, "v.Check("+s+".Valid(), "+at+", "+strconv.Quote("must be one of "+enumValues(m.Enum(elem)))+")")
	case m.Shape(elem) != nil:
		sub := &file{g: f.g, imports: f.imports, depth: f.depth + 1}
		for k := range m.Shape(elem).Members {
			sm := &m.Shape(elem).Members[k]
			sub.checks(sm, s+"."+sm.Name, strings.ReplaceAll(at+`+".`+sm.Name+`"`, `"+"`, ""))
		}
		f.patterns = append(f.patterns, sub.patterns...)
		if sub.buf.Len() > 0 {
			body = append(body, strings.TrimSuffix(sub.buf.String(), "\n"))
		}
	}
	if len(body) == 0 {
		return
	}
	f.use("strconv")
	f.p("\tfor %s, %s := range %s {", i, s, x)
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
