package testutil

import (
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
)

// RawParams are RPC parameters by wire name (Name.1, Name.1.Key included)
// for Invoke, for operations that have no request type yet: wrap them as
// Invoke's params with Raw. They encode themselves (go-querystring's
// Encoder), so the keys are sent exactly as written.
type RawParams map[string]string

// EncodeValues implements go-querystring's Encoder.
func (p RawParams) EncodeValues(_ string, v *url.Values) error {
	for k, val := range p {
		v.Set(k, val)
	}
	return nil
}

// rawRequest is the struct Invoke encodes: its one field adds the keys.
type rawRequest struct {
	Params RawParams `url:"params"`
}

// Raw wraps p as an Invoke params struct.
func Raw(p RawParams) any { return rawRequest{p} }

// FactField is one response member of an operation as the API facts
// (/work/shared/api, the official SDKs' response structs) describe it: a
// wire name, a type (string, integer, long, number, boolean, any, object,
// array, map) and what it holds.
type FactField struct {
	Name   string      `json:"name"`
	Type   string      `json:"type"`
	Fields []FactField `json:"fields"`
	Items  *FactField  `json:"items"`
	Values *FactField  `json:"values"`
}

// FactOperation is an operation's response members.
type FactOperation struct {
	Name     string      `json:"name"`
	Response []FactField `json:"response"`
}

// LoadFacts reads a file of FactOperation (testdata/responses.json, cut
// from the facts with jq, keeping name, type, fields, items and values).
func LoadFacts(t testing.TB, path string) []FactOperation {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ops []FactOperation
	if err := json.Unmarshal(b, &ops); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return ops
}

// FactGaps checks answers (decoded JSON bodies of one operation) against
// its response members and returns what is wrong, one line each, or
// nothing: a member some object lacks, or holds null, or holds a value of
// another JSON type (integer and long members must be numbers, boolean ones
// booleans, string ones strings: a time the facts type as a string must be
// text), and a member no answer reaches because every list on its way was
// empty — the answers together must show every member of every list of
// objects once (a list of scalars may be empty).
func FactGaps(op FactOperation, answers []map[string]any) []string {
	root := FactField{Type: "object", Fields: op.Response}
	w := factWalk{seen: map[string]bool{}}
	for _, a := range answers {
		w.value("", root, a)
	}
	var all []string
	paths("", root, &all)
	for _, p := range all {
		if !w.seen[p] {
			w.gaps = append(w.gaps, p+": no answer holds it (every list on the way is empty)")
		}
	}
	slices.Sort(w.gaps)
	return slices.Compact(w.gaps)
}

type factWalk struct {
	seen map[string]bool
	gaps []string
}

func (w *factWalk) value(path string, f FactField, v any) {
	w.seen[path] = true
	if v == nil {
		w.gaps = append(w.gaps, path+": missing or null")
		return
	}
	bad := func(want string) { w.gaps = append(w.gaps, path+": not "+want) }
	switch f.Type {
	case "string":
		if _, ok := v.(string); !ok {
			bad("a string")
		}
	case "integer", "long", "number":
		if _, ok := v.(float64); !ok {
			bad("a number")
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("a boolean")
		}
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			bad("an object")
			return
		}
		for _, c := range f.Fields {
			w.value(join(path, c.Name), c, m[c.Name])
		}
	case "array":
		list, ok := v.([]any)
		if !ok {
			bad("an array")
			return
		}
		for _, e := range list {
			w.value(path+"[]", *f.Items, e)
		}
	case "map":
		m, ok := v.(map[string]any)
		if !ok {
			bad("an object")
			return
		}
		for _, e := range m {
			w.value(path+"{}", *f.Values, e)
		}
	}
}

// paths lists every member path under f.
func paths(path string, f FactField, out *[]string) {
	*out = append(*out, path)
	for _, c := range f.Fields {
		paths(join(path, c.Name), c, out)
	}
	// A list of scalars may be empty: its elements have no members to show.
	if f.Items != nil && (f.Items.Fields != nil || f.Items.Items != nil || f.Items.Values != nil) {
		paths(path+"[]", *f.Items, out)
	}
	if f.Values != nil {
		paths(path+"{}", *f.Values, out)
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return strings.Join([]string{path, name}, ".")
}
