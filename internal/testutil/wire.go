package testutil

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/typedcloud/sdk-go/internal/recording"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// SameDecode checks that a product's one-pass decode function reads body
// exactly as two passes of encoding/json do: into rpc.Envelope, then into
// Out by reference, the model's reference decoder (apigen's Reference),
// with the envelope's RequestId as Out's RequestID. Both fail, or both
// succeed with equal envelopes and responses. A body that repeats a key is out of
// scope (which occurrence wins is not specified), and is skipped; so is one
// past the one pass's element budget (wire.BudgetPerByte), which
// encoding/json does not keep.
func SameDecode[Out any](t *testing.T, body []byte, decode rpc.Decode[Out], reference func(body []byte, out any) error) {
	t.Helper()
	if RepeatsKey(body) {
		return
	}
	var wantEnv rpc.Envelope
	var want Out
	werr := json.Unmarshal(body, &wantEnv)
	if werr == nil {
		werr = reference(body, &want)
		setRequestID(&want, wantEnv.RequestID)
	}
	var gotEnv rpc.Envelope
	d := wire.NewDecoder(body)
	got := decode(d, &gotEnv)
	gerr := d.Finish()
	if overBudget(gerr) && werr == nil {
		return
	}
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("encoding/json: %v, one pass: %v\n%s", werr, gerr, body)
	}
	if werr != nil {
		return
	}
	if gotEnv != wantEnv {
		t.Fatalf("one pass reads the envelope\n%+v\nencoding/json reads\n%+v\n%s", gotEnv, wantEnv, body)
	}
	if !reflect.DeepEqual(*got, want) {
		t.Fatalf("one pass decodes\n%+v\nthe public type decodes\n%+v\n%s", *got, want, body)
	}
}

// setRequestID sets the RequestID field of the response *out.
func setRequestID(out any, id string) {
	reflect.ValueOf(out).Elem().FieldByName("RequestID").SetString(id)
}

// RepeatsKey reports whether a JSON object in b names a key twice, ignoring
// case as encoding/json matches names. Invalid JSON reports false.
func RepeatsKey(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next token of an object is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.key {
			if s, ok := tok.(string); ok {
				k := string(bytes.ToLower([]byte(s)))
				if top.keys[k] {
					return true
				}
				top.keys[k] = true
				top.key = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, keys: map[string]bool{}, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true // a value ended
		}
	}
}

// AnswerBodies returns the bodies a product's decode tests read: seeds,
// then every documented answer (testdata/<Operation>/*.json) and the
// answer of every fixture (testdata/fixtures).
func AnswerBodies(t testing.TB, seeds []string) [][]byte {
	t.Helper()
	var bodies [][]byte
	for _, s := range seeds {
		bodies = append(bodies, []byte(s))
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no documented answers in testdata/*/*.json (%v)", err)
	}
	for _, f := range files {
		if filepath.Base(filepath.Dir(f)) == "fixtures" {
			continue // read below, as fixtures
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	exs, err := recording.Load(filepath.Join("testdata", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		b, err := ex.Response.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	return bodies
}

// JSONReference is the reference decoder of a type that encoding/json
// decodes as it is: json.Unmarshal.
func JSONReference(body []byte, out any) error { return json.Unmarshal(body, out) }
