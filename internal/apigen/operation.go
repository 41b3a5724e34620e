package apigen

import (
	"strings"
)

// operation writes api_op_<Operation>.go: the request and its validation,
// the response and its decoder, the method, and the paginator of a list.
func (f *file) operation(op *Operation) {
	f.request(op)
	f.response(op)
	f.method(op)
	f.responseDecoder(op)
	if op.Paginate != nil {
		f.paginator(op)
	}
}

func (f *file) request(op *Operation) {
	name := op.Name + "Request"
	doc := op.Request.Doc
	if doc == "" {
		doc = name + " is the input of " + op.Name + "."
	}
	f.doc("", doc)
	f.p("type %s struct {", name)
	for _, mem := range op.Request.Members {
		f.doc("\t", mem.Doc)
		f.p("\t%s %s `%s`", mem.Name, f.paramType(&mem), f.paramTag(&mem, false))
	}
	f.p("}")
	f.p("")
	f.validate(name, op.Name, op.Request.Members)
	if f.g.m.Protocol == "tc3" {
		f.p("// %sBody is the JSON body: the request and the Module field.", lower(op.Name))
		f.p("type %sBody struct {", lower(op.Name))
		f.p("\tModule string `json:\"Module,omitempty\"`")
		f.p("\t*%s", name)
		f.p("}")
		f.p("")
	}
}

// paramType is the Go type of a request parameter: a pointer for an
// optional write value whose empty value is a request of its own.
func (f *file) paramType(mem *Member) string {
	t := f.goType(mem.Type)
	if mem.Clearable && !isList(mem.Type) {
		return "*" + t
	}
	return t
}

// paramTag is the field tag of a request parameter: go-querystring's url
// tag for the Alibaba query, encoding/json's for a Tencent body. Optional
// values are omitted when empty, so an optional sub-value of a repeated
// struct (Tag.1.Value) is not sent empty. The options json (one parameter
// of JSON text) and body (in the form body, not the query) are
// internal/rpc's.
func (f *file) paramTag(mem *Member, inShape bool) string {
	opts := ""
	if !mem.Required && mem.Default == "" {
		opts = ",omitempty"
	}
	if f.g.m.Protocol == "tc3" {
		return `json:"` + mem.Wire + opts + `"`
	}
	if mem.List == "json" {
		opts += ",json"
	}
	if mem.In == "body" {
		opts += ",body"
	}
	return `url:"` + mem.Wire + opts + `"`
}

func (f *file) response(op *Operation) {
	name := op.Name + "Response"
	doc := op.Response.Doc
	if doc == "" {
		doc = name + " is the output of " + op.Name + "."
	}
	f.doc("", doc)
	f.p("type %s struct {", name)
	f.p("\tRequestID string `json:\"RequestId\"`")
	for _, mem := range op.Response.Members {
		if mem.Fills != "" {
			continue
		}
		f.doc("\t", mem.Doc)
		f.p("\t%s %s `%s`", mem.Name, f.goType(mem.Type), jsonTag(&mem))
	}
	f.p("}")
	f.p("")
}

func (f *file) method(op *Operation) {
	m := f.g.m
	text := op.Doc
	var errs []string
	for _, e := range op.Errors {
		c := m.Error(e)
		if c.Category != "" {
			errs = append(errs, e+" ("+c.Category+")")
		} else {
			errs = append(errs, e+" (no category)")
		}
	}
	if len(errs) > 0 {
		text += "\n\nErrors: " + strings.Join(errs, ", ") + "."
	}
	if op.Link != "" {
		text += "\n\n" + op.Link
	}
	f.doc("", text)
	req, resp := op.Name+"Request", op.Name+"Response"
	f.p("func (c *Client) %s(ctx context.Context, req *%s, optFns ...func(*Options)) (*%s, error) {", op.Name, req, resp)
	f.use("context")
	idempotent := "true"
	if op.Write {
		idempotent = "false"
	}
	var defaults []Member
	for _, mem := range op.Request.Members {
		if mem.Default != "" {
			defaults = append(defaults, mem)
		}
	}
	arg := "req"
	if len(defaults) > 0 {
		f.p("\tvar r %s", req)
		f.p("\tif req != nil {\n\t\tr = *req\n\t}")
		for _, mem := range defaults {
			f.p("\tif r.%s == 0 {\n\t\tr.%s = %s\n\t}", mem.Name, mem.Name, mem.Default)
		}
		arg = "&r"
	}
	var fill []Member
	for _, mem := range op.Response.Members {
		if mem.FromRequest != "" {
			fill = append(fill, mem)
		}
	}
	var call string
	if m.Protocol == "rpc" {
		f.use(pkgRPC)
		action := "Name: \"" + op.Name + "\""
		if op.Method != "" && op.Method != "POST" {
			action += ", Method: \"" + op.Method + "\""
		}
		if !op.Write {
			action += ", Idempotent: true"
		}
		call = "rpc.Do(ctx, c.base, rpc.Action{" + action + "}, " + arg + ", optFns, decode" + op.Name + ")"
	} else {
		call = "invoke[" + resp + "](ctx, c, \"" + op.Name + "\", " + idempotent + ", " + arg + ",\n\t\tfunc(module string) any { return " +
			lower(op.Name) + "Body{Module: module, " + req + ": " + arg + "} }, optFns, decode" + op.Name + ")"
	}
	if len(fill) == 0 {
		f.p("\treturn %s", call)
	} else {
		f.p("\tresp, err := %s", call)
		f.p("\tif err != nil {\n\t\treturn nil, err\n\t}")
		for _, mem := range fill {
			f.p("\tresp.%s = %s.%s", mem.Name, strings.TrimPrefix(arg, "&"), mem.FromRequest)
		}
		f.p("\treturn resp, nil")
	}
	f.p("}")
	f.p("")
}

func (f *file) paginator(op *Operation) {
	pg := op.Paginate
	req, resp := op.Name+"Request", op.Name+"Response"
	f.use("iter")
	f.use(pkgPages)
	f.doc("", op.Name+"APIClient is the method the "+op.Name+" paginator needs; *Client satisfies it, and so can a test double.")
	f.p("type %sAPIClient interface {", op.Name)
	f.p("\t%s(ctx context.Context, req *%s, optFns ...func(*Options)) (*%s, error)", op.Name, req, resp)
	f.p("}")
	f.p("")
	f.p("var _ %sAPIClient = (*Client)(nil)", op.Name)
	f.p("")
	f.doc("", or(pg.Doc, op.Name+"Paginator walks the pages of "+op.Name+"; see pages.Pager."))
	f.p("type %sPaginator = pages.Pager[%s, %s, %s, func(*Options)]", op.Name, req, resp, f.goType(pg.Item))
	f.p("")
	f.doc("", or(pg.NewDoc, "New"+op.Name+"Paginator returns a paginator over the pages matching req, which it copies."))
	f.p("func New%sPaginator(client %sAPIClient, req *%s) *%sPaginator {", op.Name, op.Name, req, op.Name)
	f.p("\treturn pages.NewPager(%sPages, client.%s, req)", lower(op.Name), op.Name)
	f.p("}")
	f.p("")
	f.doc("", or(pg.AllDoc, op.Name+"All returns every item matching req, fetching pages as the sequence is ranged."))
	f.p("func (c *Client) %sAll(ctx context.Context, req *%s, optFns ...func(*Options)) iter.Seq2[%s, error] {", op.Name, req, f.goType(pg.Item))
	f.p("\treturn pages.Items(ctx, %sPages, c.%s, req, optFns)", lower(op.Name), op.Name)
	f.p("}")
	f.p("")
	product := "service.Product"
	if f.g.m.Protocol == "tc3" {
		product = "product"
	}
	f.doc("", lower(op.Name)+"Pages tells the shared pager where "+op.Name+" keeps its paging fields.")
	f.p("var %sPages = &pages.Spec[%s, %s, %s]{", lower(op.Name), req, resp, f.goType(pg.Item))
	f.p("\tProduct: %s,", product)
	f.p("\tOperation: %q,", op.Name)
	if pg.Style == "token" {
		f.p("\tToken: func(r *%s) *string { return &r.%s },", req, pg.Page)
		f.p("\tNext: func(r *%s) string { return r.%s },", resp, pg.Next)
	} else {
		f.p("\tPage: func(r *%s) *int { return &r.%s },", req, pg.Page)
	}
	if pg.Size != "" {
		f.p("\tSize: func(r *%s) *int { return &r.%s },", req, pg.Size)
	}
	if pg.DefaultSize != "" {
		f.p("\tDefaultSize: %s,", pg.DefaultSize)
	}
	if pg.LastPage != "" {
		f.p("\tLastPage: %s,", pg.LastPage)
	}
	if pg.Style == "offset" {
		f.p("\tOffset: true,")
	}
	f.p("\tItems: func(r *%s) []%s { return r.%s },", resp, f.goType(pg.Item), pg.Items)
	if pg.Total != "" {
		f.p("\tTotal: func(r *%s) int { return %s },", resp, f.totalExpr(op))
	}
	if pg.Key != "" {
		f.p("\tKey: func(in %s) string { return %s },", pg.Item, f.keyExpr(pg))
	}
	f.p("}")
	f.p("")
}

// keyExpr is the text of the item's identifying member, which the model
// may type as an integer.
func (f *file) keyExpr(pg *Paging) string {
	if s := f.g.m.Shape(pg.Item); s != nil {
		for _, mem := range s.Members {
			if mem.Name == pg.Key && (mem.Type == "int" || mem.Type == "int64") {
				f.use("strconv")
				return "strconv.FormatInt(int64(in." + mem.Name + "), 10)"
			}
		}
	}
	return "in." + pg.Key
}

// totalExpr is the paginator's int of the response's total, which the
// model may type int64.
func (f *file) totalExpr(op *Operation) string {
	for _, mem := range op.Response.Members {
		if mem.Name == op.Paginate.Total && mem.Type != "int" {
			return "int(r." + mem.Name + ")"
		}
	}
	return "r." + op.Paginate.Total
}

// jsonTag names a response member's wire key for encoding/json, which can
// encode responses; decoding is the generated decoders' (there is no
// UnmarshalJSON).
func jsonTag(mem *Member) string {
	if mem.FromRequest != "" {
		return `json:"-"`
	}
	return `json:"` + lastSegment(mem.wirePath()) + `"`
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
