package recording

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Matcher finds the fixture that answers a request. A request matches a
// fixture when its method, path, action, parameters, headers and body equal
// the fixture's, JSON bodies compared by value and volatile and secret
// values ignored; the host is not compared. When several fixtures match,
// they are served in file order, and the last one again once all were
// served. A Matcher is safe for concurrent use.
type Matcher struct {
	source    string
	rules     *Rules
	exchanges []Exchange

	mu     sync.Mutex
	served []int
}

// NewMatcher loads the fixtures at path (see Load) and returns a Matcher
// serving them under rules o.
func NewMatcher(path string, o Options) (*Matcher, error) {
	exs, err := Load(path)
	if err != nil {
		return nil, err
	}
	return &Matcher{source: path, rules: NewRules(o), exchanges: exs, served: make([]int, len(exs))}, nil
}

// Match returns the fixture that answers req, counting it as served, or a
// *MissError. It reads req.Body and puts an unread copy back.
func (m *Matcher) Match(req *http.Request) (*Exchange, error) {
	live, err := m.rules.Request(req)
	if err != nil {
		return nil, err
	}
	var matches []int
	closest, closestScore := -1, 0
	var closestDiffs []Diff
	for i := range m.exchanges {
		diffs := m.diff(&m.exchanges[i], live.Action, &live.Request)
		if len(diffs) == 0 {
			matches = append(matches, i)
			continue
		}
		if score := score(diffs); closest < 0 || score < closestScore {
			closest, closestScore, closestDiffs = i, score, diffs
		}
	}
	if len(matches) == 0 {
		miss := &MissError{Source: m.source, Request: describe(live.Request.Method, live.Request.Path, live.Action), Diffs: closestDiffs}
		if closest >= 0 {
			miss.Closest = m.exchanges[closest].Name
		}
		return nil, miss
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	pick := matches[len(matches)-1]
	for _, i := range matches {
		if m.served[i] == 0 {
			pick = i
			break
		}
	}
	m.served[pick]++
	ex := m.exchanges[pick]
	return &ex, nil
}

// Unused returns the names of the fixtures never served so far.
func (m *Matcher) Unused() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for i, n := range m.served {
		if n == 0 {
			out = append(out, m.exchanges[i].Name)
		}
	}
	return out
}

func describe(method, path, act string) string {
	s := method + " " + path
	if act != "" {
		s += " " + act
	}
	return s
}

// Diff is one way a request differs from a fixture.
type Diff struct {
	// Field names what differs: "method", "path", "action",
	// "param InstanceId", "header X-Tc-Version", "form Name", "body" or a
	// path into a JSON body ("body.Status[1]").
	Field string
	// Fixture and Request are the two values, quoted; "(absent)" when one
	// side has none.
	Fixture, Request string
}

// String is the difference on one line: `param InstanceId: fixture "a", request "b"`.
func (d Diff) String() string {
	return d.Field + ": fixture " + d.Fixture + ", request " + d.Request
}

// MissError is a request no fixture matches.
type MissError struct {
	// Source is the fixture directory or file.
	Source string
	// Request is the request's method, path and action.
	Request string
	// Closest is the name of the fixture with the fewest differences
	// (method, path and action weigh most).
	Closest string
	// Diffs are the differences from Closest.
	Diffs []Diff
}

// maxDiffsInError bounds the one-line message; Detail lists every one.
const maxDiffsInError = 5

// Error is one line: the request, the closest fixture and how it differs.
func (e *MissError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fixture: no fixture in %s matches %s", e.Source, e.Request)
	if e.Closest == "" {
		return b.String()
	}
	fmt.Fprintf(&b, "; closest is %s: ", e.Closest)
	for i, d := range e.Diffs {
		if i == maxDiffsInError {
			fmt.Fprintf(&b, "; and %d more", len(e.Diffs)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Detail is the message over several lines, every difference on its own.
func (e *MissError) Detail() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fixture: no fixture in %s matches %s", e.Source, e.Request)
	if e.Closest != "" {
		fmt.Fprintf(&b, "\nclosest fixture: %s, which differs in", e.Closest)
		for _, d := range e.Diffs {
			fmt.Fprintf(&b, "\n\t%s\n\t\tfixture: %s\n\t\trequest: %s", d.Field, d.Fixture, d.Request)
		}
	}
	return b.String()
}

// score ranks a fixture's differences: fewer is closer, and a different
// method, path or action counts as much as many parameters.
func score(diffs []Diff) int {
	n := 0
	for _, d := range diffs {
		switch d.Field {
		case "method", "path", "action":
			n += 100
		default:
			n++
		}
	}
	return n
}

const absent = "(absent)"

// diff lists how live differs from ex, ignoring volatile and secret values.
func (m *Matcher) diff(ex *Exchange, act string, live *Request) []Diff {
	var out []Diff
	want := &ex.Request
	if want.Method != live.Method {
		out = append(out, Diff{"method", strconv.Quote(want.Method), strconv.Quote(live.Method)})
	}
	if want.Path != live.Path {
		out = append(out, Diff{"path", strconv.Quote(want.Path), strconv.Quote(live.Path)})
	}
	if ex.Action != act {
		out = append(out, Diff{"action", strconv.Quote(ex.Action), strconv.Quote(act)})
	}
	out = m.diffValues(out, params, "param", want.Params, live.Params)
	out = m.diffValues(out, headers, "header", want.Header, live.Header)
	out = m.diffValues(out, params, "form", want.Form, live.Form)
	return m.diffBody(out, want, live)
}

func (m *Matcher) diffValues(out []Diff, k kind, label string, want, got Values) []Diff {
	names := make(map[string]bool, len(want)+len(got))
	for k := range want {
		names[k] = true
	}
	for k := range got {
		names[k] = true
	}
	for _, name := range sortedKeys(names) {
		if m.rules.ignored(k, name) {
			continue
		}
		w, inW := want[name]
		g, inG := got[name]
		if inW && inG && slices.Equal(w, g) {
			continue
		}
		out = append(out, Diff{label + " " + name, showValues(w, inW), showValues(g, inG)})
	}
	return out
}

func showValues(vs []string, present bool) string {
	switch {
	case !present:
		return absent
	case len(vs) == 1:
		return strconv.Quote(vs[0])
	}
	return fmt.Sprintf("%q", vs)
}

// diffBody compares JSON bodies by value (field by field) and other bodies
// by their bytes.
func (m *Matcher) diffBody(out []Diff, want, live *Request) []Diff {
	if len(want.Body) > 0 && len(live.Body) > 0 {
		w, errW := decodeJSON(want.Body)
		g, errG := decodeJSON(live.Body)
		if errW == nil && errG == nil {
			return m.diffJSON(out, "body", w, g, true, true)
		}
	}
	wb, gb := bodyText(want), bodyText(live)
	if wb != gb {
		out = append(out, Diff{"body", showBody(wb), showBody(gb)})
	}
	return out
}

func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// bodyText is a body's bytes as text, for comparing and showing.
func bodyText(q *Request) string {
	switch {
	case len(q.Body) > 0:
		var b bytes.Buffer
		if json.Compact(&b, q.Body) == nil {
			return b.String()
		}
		return string(q.Body)
	case q.BodyBase64 != "":
		if b, err := base64.StdEncoding.DecodeString(q.BodyBase64); err == nil {
			return string(b)
		}
		return q.BodyBase64
	}
	return q.BodyText
}

func showBody(s string) string {
	if s == "" {
		return absent
	}
	return quoteShort(s)
}

// quoteShort quotes s, cut to a readable length.
func quoteShort(s string) string {
	const limit = 200
	if len(s) > limit {
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}

// diffJSON compares two decoded JSON values, naming each differing leaf by
// its path. Object fields named like secrets or volatile values are
// skipped.
func (m *Matcher) diffJSON(out []Diff, path string, want, got any, inW, inG bool) []Diff {
	if !inW || !inG {
		return append(out, Diff{path, showJSON(want, inW), showJSON(got, inG)})
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			break
		}
		names := make(map[string]bool, len(w)+len(g))
		for k := range w {
			names[k] = true
		}
		for k := range g {
			names[k] = true
		}
		for _, k := range sortedKeys(names) {
			if m.rules.ignored(params, k) {
				continue
			}
			wv, okW := w[k]
			gv, okG := g[k]
			out = m.diffJSON(out, path+"."+k, wv, gv, okW, okG)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok {
			break
		}
		for i := range max(len(w), len(g)) {
			var wv, gv any
			if i < len(w) {
				wv = w[i]
			}
			if i < len(g) {
				gv = g[i]
			}
			out = m.diffJSON(out, path+"["+strconv.Itoa(i)+"]", wv, gv, i < len(w), i < len(g))
		}
		return out
	}
	if !reflect.DeepEqual(want, got) {
		out = append(out, Diff{path, showJSON(want, true), showJSON(got, true)})
	}
	return out
}

func showJSON(v any, present bool) string {
	if !present {
		return absent
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	s := strings.TrimSuffix(b.String(), "\n")
	if len(s) > 200 {
		return quoteShort(s)
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
