package apiconv

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// pageParams are the request fields of page-number paging.
var pageParams = map[string]bool{"PageNumber": true, "PageIndex": true, "PageSize": true}

// request converts an operation's parameters; v1-only ones go to Omitted.
func (c *converter) request(op *FactOperation) apigen.Shape {
	var s apigen.Shape
	for i := range op.Params {
		p := &op.Params[i]
		if p.v1Only() {
			c.omitted = append(c.omitted, apigen.Omission{Operation: op.Name, Param: p.Name,
				Reason: "only the v1 SDK sends it; the v2 SDK and the API reference do not list it"})
			continue
		}
		s.Members = append(s.Members, c.param(op.Name, p))
	}
	return s
}

func (c *converter) param(op string, p *FactParam) apigen.Member {
	at := place{op: op, field: p.Name, request: true, repeat: p.Style == "repeatList"}
	m := apigen.Member{Wire: p.Name, Name: GoName(p.Name), Type: c.typeOf(&p.FactSchema, at),
		Required: p.required(), Example: p.example()}
	if p.In == "body" {
		m.In = "body"
	}
	switch p.Style {
	case "repeatList":
		m.List = "repeat"
		if !isPlural(p.Name) {
			m.Name = plural(m.Name)
		}
	case "json":
		m.List = "json"
	}
	if t := jsonArrayText(p); t != "" && m.Type == "string" {
		// Text the documentation shows as a JSON array ("NumberList":
		// ["0830011****"]): a typed list the client writes as that text.
		m.Type, m.List = t, "json"
	}
	if m.Type == "[]string" {
		m.Elements = true
	}
	if pageParams[p.Name] {
		m.Type = "int"
		if m.Required {
			m.Required = false
			m.Default = "1"
			if p.Name == "PageSize" {
				m.Default = c.pageSize
			}
		}
	}
	if values := enumValues(p, m.Type); values != nil {
		m.Values = values
		// An optional number whose documented values include 0 must be
		// able to send 0: a pointer, nil for "not sent".
		if !m.Required && m.Default == "" && m.Type != "string" && slices.Contains(values, "0") {
			m.Clearable = true
		}
	}
	if m.Type == "int" || m.Type == "int64" {
		m.Min, m.Max = integral(p.Minimum), integral(p.Maximum)
	}
	m.Doc = paramDoc(&m, p)
	return m
}

// jsonArrayText is the list type of a plain string parameter whose
// documented example is a JSON array: see JSONArrayList.
func jsonArrayText(p *FactParam) string {
	if p.Style != "" {
		return ""
	}
	return JSONArrayList(p.example())
}

// JSONArrayList is the model's list type for a plain string parameter
// documented with example: []string when the example is a JSON array of
// strings, []int64 when of integers, "" otherwise. The model sends such a
// list as one parameter of that JSON text (the interop test settles the
// class by the same rule).
func JSONArrayList(example string) string {
	ex := strings.TrimSpace(example)
	if !strings.HasPrefix(ex, "[") {
		return ""
	}
	var texts []string
	if json.Unmarshal([]byte(ex), &texts) == nil && len(texts) > 0 {
		return "[]string"
	}
	var numbers []int64
	if json.Unmarshal([]byte(ex), &numbers) == nil && len(numbers) > 0 {
		return "[]int64"
	}
	return ""
}

// enumValues are the documented values of a plain scalar, when its
// example (if any) is one of them: an example that is not (JSON list
// text, say) shows the value is not the plain scalar the list describes.
func enumValues(p *FactParam, typ string) []string {
	if len(p.Enum) == 0 || (typ != "string" && typ != "int" && typ != "int64") {
		return nil
	}
	if ex := p.example(); ex != "" && !slices.Contains(p.Enum, ex) {
		return nil
	}
	return slices.Clone(p.Enum)
}

func integral(f *float64) *int64 {
	if f == nil || *f != math.Trunc(*f) {
		return nil
	}
	v := int64(*f)
	return &v
}

// switched is what a boolean parameter turns on, in words: IsAsynchrony →
// "asynchrony", EmotionEnable → "emotion".
func switched(name string) string {
	for _, w := range []string{"Is", "Enable", "Enabled", "Use", "Need"} {
		if t := strings.TrimPrefix(name, w); t != name && t != "" && unicode.IsUpper(rune(t[0])) {
			name = t
		}
		if t := strings.TrimSuffix(name, w); t != name && t != "" {
			name = t
		}
	}
	return phrase(name)
}

// paramDoc is a parameter's doc line, from its name by rule.
func paramDoc(m *apigen.Member, p *FactParam) string {
	n := m.Name
	ws := words(n)
	last := ws[len(ws)-1]
	what := phrase(strings.Join(ws[:len(ws)-1], ""))
	var doc string
	switch {
	case p.Name == "PageNumber" || p.Name == "PageIndex":
		doc = n + " is the page to return, from 1"
		if m.Default != "" {
			doc += "; 0 sends 1"
		}
	case p.Name == "PageSize":
		doc = n + " is the number of items per page"
		if m.Default != "" {
			doc += "; 0 sends " + m.Default
		}
	case p.Name == "NextToken" || p.Name == "NextPageToken":
		doc = n + " is the token of the page to return, from the previous answer; empty for the first page"
	case last == "ID" && what != "":
		doc = n + " names the " + what
	case last == "IDs" && what != "":
		doc = n + " lists the " + plural(what)
	case last == "Name" && what != "":
		doc = n + " is the name of the " + what
	case last == "Filter" && what != "":
		doc = n + " lists only those whose " + what + " matches"
	case last == "JSON" || strings.HasSuffix(n, "JSONString"):
		doc = n + " is the " + phrase(strings.TrimSuffix(strings.TrimSuffix(n, "String"), "JSON")) + ", as JSON text"
	case m.Type == "bool":
		doc = n + " turns on " + switched(n)
	default:
		doc = n + " is the " + phrase(n)
	}
	switch m.List {
	case "repeat":
		doc += ", sent as " + p.Name + ".N"
	case "json":
		doc += ", sent as one parameter of JSON text"
	}
	doc += "."
	if len(m.Values) > 0 {
		doc += " One of " + strings.Join(m.Values, ", ") + "."
	}
	if m.Required {
		doc += " Required."
	}
	if p.ConditionallyRequired {
		doc += " Required in some cases (see the API reference)."
	}
	if p.Deprecated {
		doc += "\n\nDeprecated: the API reference marks it deprecated."
	}
	return doc
}
