package testutil

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// AnswerRecorder is an HTTP client that sends each request with
// http.DefaultClient and keeps every success answer's body by action, so a test
// driving a typed client can check afterwards what the decoders were given
// (see UnreadMembers). It is safe for concurrent use.
type AnswerRecorder struct {
	mu      sync.Mutex
	answers map[string][][]byte
}

// Do sends r, keeping a copy of a 2xx answer's body under r's Action
// (error answers are the envelope's to read).
func (a *AnswerRecorder) Do(r *http.Request) (*http.Response, error) {
	action := r.URL.Query().Get("Action")
	if action == "" && r.GetBody != nil {
		if body, err := r.GetBody(); err == nil {
			b, _ := io.ReadAll(body)
			form, _ := url.ParseQuery(string(b))
			action = form.Get("Action")
		}
	}
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return resp, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	if resp.StatusCode/100 != 2 {
		return resp, nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.answers == nil {
		a.answers = map[string][][]byte{}
	}
	a.answers[action] = append(a.answers[action], b)
	return resp, nil
}

// Answers returns the answer bodies kept for action, in the order received.
func (a *AnswerRecorder) Answers(action string) [][]byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.answers[action])
}

// envelopeMembers are read by the envelope, never by an operation's type.
var envelopeMembers = []string{"requestid", "code", "message", "success", "httpstatuscode"}

// UnreadMembers returns the names of the members of the JSON answer body
// that no field of the response type typ (a struct, walked through its
// fields, slices and maps) is named after, compared without case as the
// decoders compare them: the members the typed decoder drops. Envelope
// members, and members whose value is null, an empty object or an empty
// array, are not counted; an object member is counted only through its own
// members (a paged list's wrapper is flattened away by the decoder). Each
// name is given with its path, "Jobs.List[].Extra".
func UnreadMembers(body []byte, typ reflect.Type) ([]string, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, err
	}
	known := map[string]bool{}
	fieldNames(typ, known, map[reflect.Type]bool{})
	var unread []string
	walkMembers(v, "", func(path, name string) {
		if !known[strings.ToLower(name)] && !slices.Contains(envelopeMembers, strings.ToLower(name)) {
			unread = append(unread, path)
		}
	})
	slices.Sort(unread)
	return slices.Compact(unread), nil
}

// fieldNames adds the lower-cased JSON names of typ's fields, at any depth.
func fieldNames(typ reflect.Type, into map[string]bool, seen map[reflect.Type]bool) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || seen[typ] {
		return
	}
	seen[typ] = true
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		into[strings.ToLower(name)] = true
		fieldNames(f.Type, into, seen)
	}
}

// walkMembers calls leaf for every member of v holding a value that is not
// an object, and walks into objects and arrays.
func walkMembers(v any, path string, leaf func(path, name string)) {
	switch v := v.(type) {
	case map[string]any:
		for name, m := range v {
			p := name
			if path != "" {
				p = path + "." + name
			}
			switch m := m.(type) {
			case nil:
			case map[string]any:
				walkMembers(m, p, leaf)
			case []any:
				if len(m) == 0 {
					continue
				}
				if _, objects := m[0].(map[string]any); !objects {
					leaf(p, name)
				}
				walkMembers(m, p, leaf)
			default:
				leaf(p, name)
			}
		}
	case []any:
		for _, e := range v {
			walkMembers(e, path+"[]", leaf)
		}
	}
}

// CheckAnswersRead fails t for each answer rec holds for an action of
// types (action → the operation's response value) that has a member
// UnreadMembers reports, unless the member's path is in allowed[action].
func CheckAnswersRead(t *testing.T, rec *AnswerRecorder, types map[string]any, allowed map[string][]string) {
	t.Helper()
	for action, v := range types {
		reported := map[string]bool{}
		for i, body := range rec.Answers(action) {
			unread, err := UnreadMembers(body, reflect.TypeOf(v))
			if err != nil {
				t.Errorf("%s answer %d: %v", action, i+1, err)
				continue
			}
			for _, path := range unread {
				if !slices.Contains(allowed[action], path) && !reported[path] {
					reported[path] = true
					t.Errorf("%s answers %s, which %T has no field for: the typed decoder drops it", action, path, v)
				}
			}
		}
	}
}

// LiteralKeys returns the string keys of the composite literal assigned to
// the package-level variable name in the Go file path: a fake package's
// test reads the action list a typed test keeps, to fail when the fake
// answers an action the list lacks.
func LiteralKeys(t testing.TB, path, name string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		spec, isValue := n.(*ast.ValueSpec)
		if !isValue || len(spec.Names) != 1 || spec.Names[0].Name != name || len(spec.Values) != 1 {
			return true
		}
		lit, isLit := spec.Values[0].(*ast.CompositeLit)
		if !isLit {
			t.Fatalf("%s: %s is not a composite literal", path, name)
		}
		for _, e := range lit.Elts {
			kv, isKV := e.(*ast.KeyValueExpr)
			if !isKV {
				continue
			}
			if key, isString := kv.Key.(*ast.BasicLit); isString && key.Kind == token.STRING {
				s, err := strconv.Unquote(key.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, s)
			}
		}
		return false
	})
	if keys == nil {
		t.Fatalf("%s has no variable %s with string keys", path, name)
	}
	return keys
}

// CheckActionList fails t for each action handled has that the action list
// literal name in the Go file path lacks, and for each it lists that
// handled lacks: a fake's stateful handlers and the typed test that drives
// them stay in step.
func CheckActionList[H any](t testing.TB, path, name string, handled map[string]H) {
	t.Helper()
	listed := LiteralKeys(t, path, name)
	for action := range handled {
		if !slices.Contains(listed, action) {
			t.Errorf("%s has a handler but is missing from %s in %s", action, name, path)
		}
	}
	for _, action := range listed {
		if _, ok := handled[action]; !ok {
			t.Errorf("%s in %s lists %s, which has no handler", name, path, action)
		}
	}
}
