package reliability

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// holding returns p's answer with item as its payload: the payload object
// itself, or the one element of a page.
func (p *payload) holding(item string) string {
	if p.pageSize != 0 {
		return p.answer("[" + item + "]")
	}
	return p.answer(item)
}

// object reports whether p's payload is an object (not text).
func (p *payload) object() bool { return strings.HasPrefix(p.item, "{") }

// oversized returns an answer past the decoding bounds, or "" when p has
// no list: a page of more than twice the largest page, or else one
// payload whose nested list holds more elements than the answer's size
// accounts for (empty objects, a few bytes each and a struct each once
// decoded).
func (p *payload) oversized() string {
	switch {
	case p.pageSize != 0:
		return p.answer("[" + strings.Repeat(p.item+",", 2*p.pageSize) + p.item + "]") // wire.PageMargin pages
	case p.nested != "":
		return p.holding(withMember(p.item, p.nested, emptyObjects(40000)))
	}
	return ""
}

// emptyObjects returns a JSON array of n empty objects.
func emptyObjects(n int) string {
	return "[" + strings.Repeat("{},", n-1) + "{}]"
}

// withMember returns the object obj with member name set to value (JSON
// text), or left out for "".
func withMember(obj, name, value string) string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(obj), &m); err != nil {
		panic(err)
	}
	delete(m, name)
	if value != "" {
		m[name] = json.RawMessage(value)
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// allNull returns the object obj with every member null.
func allNull(obj string) string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(obj), &m); err != nil {
		panic(err)
	}
	for k := range m {
		obj = withMember(obj, k, "null")
	}
	return obj
}

// shapeCase is one answer and what the client must make of it.
type shapeCase struct {
	name string
	body string
	ok   bool // a success; otherwise a *DecodeError
}

// shapeCases are the answers of op that are not the documented shape,
// and a few that are, from its payload.
func shapeCases(op operation) []shapeCase {
	var cs []shapeCase
	add := func(name, body string, ok bool) { cs = append(cs, shapeCase{name, body, ok}) }
	if !op.product.tencent {
		successCases(op, add)
	}
	p := op.payload
	if p == nil {
		return cs
	}
	add("valid", p.holding(p.item), true)
	add("payload-missing", p.answer(""), false)
	add("payload-null", p.answer("null"), false)
	switch {
	case p.pageSize != 0:
		add("item-null", p.answer("[null]"), false)
		add("item-empty", p.holding("{}"), false)
		add("item-all-null", p.holding(allNull(p.item)), false)
	case p.object():
		add("payload-empty", p.answer("{}"), false)
		add("payload-all-null", p.answer(allNull(p.item)), false)
	default:
		add("payload-empty-text", p.answer(`""`), false)
	}
	if body := p.oversized(); body != "" {
		add("oversized-item-count", body, false)
	}
	if p.integer != "" {
		for _, n := range []string{"-9223372036854775809", "9223372036854775808", `"9223372036854775808"`, "1e19", "4.5"} {
			add("integer-"+n, p.holding(withMember(p.item, p.integer, n)), false)
		}
	}
	return cs
}

// successCases are the Success spellings of an Alibaba answer without a
// Code: only true is a success, in the spellings the services use.
func successCases(op operation, add func(string, string, bool)) {
	valid := `{"RequestId":"8C9A0D3E","Success":true}` // an answer that is only the envelope
	if op.payload != nil {
		valid = op.payload.holding(op.payload.item)
	}
	valid = withMember(valid, "Code", "")
	for _, s := range []string{`true`, `"true"`, `"True"`, `"TRUE"`} {
		add("success-"+s, withMember(valid, "Success", s), true)
	}
	for _, s := range []string{`false`, `"false"`, `"False"`, `0`, `"0"`, `1`, `"no"`, `{}`} {
		add("success-"+s, withMember(valid, "Success", s), false)
	}
}

// TestAnswerShapes sends every operation answers of the wrong shape (a
// missing or null payload, an instance without its ID or with every member
// null, a page longer than the API allows, a Success that is not true, an
// integer that does not fit) and checks each is a *DecodeError, never a
// success with zero values; and that the documented shapes still decode.
func TestAnswerShapes(t *testing.T) {
	for _, op := range operations {
		e := op.product.start(0)
		hc := &http.Client{Transport: &http.Transport{}}
		client, err := e.client(settings{http: hc, retry: transport.Retry{MaxAttempts: 1}})
		if err != nil {
			t.Fatal(err)
		}
		call := op.call(client)
		for _, c := range shapeCases(op) {
			t.Run(op.String()+"/"+c.name, func(t *testing.T) {
				e.Inject(fake.Fault{Action: op.action, Times: 1, Status: 200, Body: c.body})
				defer e.ClearFaults()
				err := call(context.Background())
				var de *apierror.DecodeError
				switch {
				case c.ok && err != nil:
					t.Fatalf("want success, got %v\n%.300s", err, c.body)
				case !c.ok && !errors.As(err, &de):
					t.Fatalf("want a *DecodeError, got %v\n%.300s", err, c.body)
				}
				checkNoSecret(t, err)
			})
		}
		hc.CloseIdleConnections()
		e.Close()
	}
}

// TestDecodeObservesContext: a context that ends while an answer is
// decoded stops the decoding, with an error that matches the context's.
// The answer's body cancels the context as it is read to its end; the
// answer holds more list elements than decoding reads between two looks
// at the context.
func TestDecodeObservesContext(t *testing.T) {
	for _, op := range operations {
		p := op.payload
		if p == nil || p.nested == "" {
			continue // nothing long to decode
		}
		t.Run(op.String(), func(t *testing.T) {
			e := op.product.start(0)
			defer e.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			hc := &cancelAtEOF{next: &http.Client{Transport: &http.Transport{}}, cancel: cancel}
			defer hc.next.CloseIdleConnections()
			client, err := e.client(settings{http: hc, retry: transport.Retry{MaxAttempts: 1}})
			if err != nil {
				t.Fatal(err)
			}
			tags := "[" + strings.Repeat(`{"Key":"k"},`, 999) + `{"Key":"k"}]`
			e.Inject(fake.Fault{Action: op.action, Times: 1, Status: 200, Body: p.holding(withMember(p.item, p.nested, tags))})
			err = op.call(client)(ctx)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("want an error matching context.Canceled, got %v", err)
			}
		})
	}
}

// cancelAtEOF is an HTTP client that cancels a context once an answer's
// body has been read to its end.
type cancelAtEOF struct {
	next   *http.Client
	cancel context.CancelFunc
}

func (c *cancelAtEOF) Do(r *http.Request) (*http.Response, error) {
	resp, err := c.next.Do(r)
	if err == nil {
		resp.Body = &eofHook{ReadCloser: resp.Body, atEOF: c.cancel}
	}
	return resp, err
}

type eofHook struct {
	io.ReadCloser
	atEOF func()
}

func (h *eofHook) Read(p []byte) (int, error) {
	n, err := h.ReadCloser.Read(p)
	if err == io.EOF {
		h.atEOF()
	}
	return n, err
}
