package apigen

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// Group is the operations of one resource, in model order.
type Group struct {
	Name       string
	Operations []*Operation
}

// Groups returns the model's operations by Group, the groups in the order
// their first operation appears; an operation without a group is in
// "Other operations".
func (m *Model) Groups() []Group {
	var groups []Group
	at := map[string]int{}
	for i := range m.Operations {
		op := &m.Operations[i]
		name := op.Group
		if name == "" {
			name = "Other operations"
		}
		j, ok := at[name]
		if !ok {
			j = len(groups)
			at[name] = j
			groups = append(groups, Group{Name: name})
		}
		groups[j].Operations = append(groups[j].Operations, op)
	}
	return groups
}

// Summary is the first sentence of an operation's doc, without the
// parenthesised API version and action: "CreateScript creates a script."
func (op *Operation) Summary() string {
	s := strings.Join(strings.Fields(op.Doc), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	if i := strings.Index(s, " ("); i >= 0 {
		if j := strings.Index(s[i:], ")"); j >= 0 {
			s = s[:i] + s[i+j+1:]
		}
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// ReadmeCell is the Operations cell of the product's row in the README's
// table: how many operations, by group, with the link to the full list.
func (m *Model) ReadmeCell() string {
	var parts []string
	for _, g := range m.Groups() {
		parts = append(parts, strings.ToLower(g.Name[:1])+g.Name[1:]+" ("+strconv.Itoa(len(g.Operations))+")")
	}
	return strconv.Itoa(len(m.Operations)) + ": " + strings.Join(parts, ", ") +
		" — [every operation](docs/OPERATIONS.md#" + m.Package + ")"
}

// OperationsMarkdown is the section of docs/OPERATIONS.md for the model:
// each group's operations with what they do, whether they are retried as
// reads, and their paginators.
func (m *Model) OperationsMarkdown() string {
	var b strings.Builder
	b.WriteString("## " + m.Package + "\n\n")
	b.WriteString(m.Title + ": " + strconv.Itoa(len(m.Operations)) + " operations, each a method of `" + m.Package + ".Client`.\n")
	for _, g := range m.Groups() {
		b.WriteString("\n### " + m.Package + ": " + g.Name + "\n\n")
		b.WriteString("| Operation | Kind | What it does |\n|---|---|---|\n")
		for _, op := range g.Operations {
			kind := "read"
			if op.Write {
				kind = "write"
			}
			if op.Method == "GET" {
				kind += ", GET"
			}
			name := "`" + op.Name + "`"
			if op.Paginate != nil {
				name += " (+ `" + op.Name + "All`, `New" + op.Name + "Paginator`)"
			}
			b.WriteString("| " + name + " | " + kind + " | " + strings.ReplaceAll(op.Summary(), "|", `\|`) + " |\n")
		}
	}
	return b.String()
}

// packageDoc writes doc_gen.go: the part of the package documentation the
// model gives, the operations by group. The hand-written doc.go, read
// first, opens the package documentation; this continues it.
func (f *file) packageDoc() {
	m := f.g.m
	var b strings.Builder
	b.WriteString("# Operations\n\n")
	if m.Doc != "" {
		b.WriteString(m.Doc + "\n\n")
	}
	b.WriteString("The Client has a method for each of the " + strconv.Itoa(len(m.Operations)) +
		" operations of " + m.Title + ", listed here by what they act on. Reads are retried on any transient failure, writes only when the request provably did not reach the service.")
	for _, g := range m.Groups() {
		b.WriteString("\n\n" + g.Name + ":")
		for _, op := range g.Operations {
			line := "\n  - [Client." + op.Name + "]"
			if op.Paginate != nil {
				line += " ([Client." + op.Name + "All], [New" + op.Name + "Paginator])"
			}
			s := op.Summary()
			line += ": " + strings.TrimPrefix(s, op.Name+" ")
			if op.Write {
				line += " A write."
			}
			b.WriteString(line)
		}
	}
	f.docList(b.String())
}

// docList writes text as the package comment: paragraphs wrapped, each
// "  - " list item on lines of its own.
func (f *file) docList(text string) {
	for i, para := range strings.Split(text, "\n\n") {
		if i > 0 {
			f.buf.WriteString("//\n")
		}
		head, items, _ := strings.Cut(para, "\n  - ")
		f.doc("", head)
		if items != "" {
			for _, item := range strings.Split(items, "\n  - ") {
				f.buf.WriteString(listItem(item) + "\n")
			}
		}
	}
	f.p("package %s", f.g.m.Package)
}

// listItem wraps one "  - " item at 77 columns, continuing at its indent.
func listItem(item string) string {
	words := strings.Fields(item)
	var b strings.Builder
	line := "//   -"
	for _, w := range words {
		if len(line)+1+len(w) > 77 && line != "//   -" {
			b.WriteString(line + "\n")
			line = "//    "
		}
		line += " " + w
	}
	b.WriteString(line)
	return b.String()
}

// LoadAll reads every model under root/api, in path order.
func LoadAll(root string) ([]*Model, error) {
	paths, err := filepath.Glob(filepath.Join(root, "api", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("apigen: no models under %s", filepath.Join(root, "api"))
	}
	var models []*Model
	for _, p := range paths {
		m, err := Load(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		models = append(models, m)
	}
	return models, nil
}

// The README's table of products sits between these markers.
const (
	tableBegin = "<!-- operations:begin (written by go generate from the models) -->\n"
	tableEnd   = "<!-- operations:end -->\n"
)

// protocols names each protocol for readers.
var protocols = map[string]string{"rpc": "Alibaba Cloud RPC", "tc3": "Tencent Cloud API 3.0 style"}

// OperationsTable is the README's table of products and their operations.
func OperationsTable(models []*Model) string {
	var b strings.Builder
	b.WriteString("| Package | API | Operations |\n|---|---|---|\n")
	for _, m := range models {
		b.WriteString("| `" + m.Package + "` | " + m.Title + " (" + protocols[m.Protocol] + ") | " + m.ReadmeCell() + " |\n")
	}
	return b.String()
}

// ReplaceOperationsTable returns readme with the text between its
// operations markers replaced by the table of models.
func ReplaceOperationsTable(readme []byte, models []*Model) ([]byte, error) {
	s := string(readme)
	i, j := strings.Index(s, tableBegin), strings.Index(s, tableEnd)
	if i < 0 || j < i {
		return nil, fmt.Errorf("apigen: README.md lacks the operations markers %q … %q", strings.TrimSpace(tableBegin), strings.TrimSpace(tableEnd))
	}
	return []byte(s[:i+len(tableBegin)] + OperationsTable(models) + s[j:]), nil
}

// OperationsDocument is docs/OPERATIONS.md: every operation of every model.
func OperationsDocument(models []*Model) string {
	var b strings.Builder
	b.WriteString("<!-- Code generated by apidocs from the models under api/. DO NOT EDIT. -->\n\n")
	b.WriteString("# Operations\n\nEvery operation of every product, by what it acts on. A read is retried on any transient failure; a write only when the request provably did not reach the service. A list operation has an iterator (`…All`) and a paginator.\n\n")
	for _, m := range models {
		b.WriteString(m.OperationsMarkdown() + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
