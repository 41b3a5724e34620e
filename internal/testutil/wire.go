package testutil

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// SameDecode checks that body decodes into a product's wire mirror W and
// its converter exactly as it did in two passes: into the envelope, then
// into the public type Out by its own UnmarshalJSON. Both fail, or both
// succeed with equal results. A body that repeats a key is out of scope
// (which occurrence wins is not specified), and is skipped.
func SameDecode[W, Out any](t *testing.T, body []byte, convert func(*W) *Out) {
	t.Helper()
	if RepeatsKey(body) {
		return
	}
	var env struct {
		RequestID      string          `json:"RequestId"`
		HostID         string          `json:"HostId"`
		Message        string          `json:"Message"`
		Recommend      string          `json:"Recommend"`
		Code           json.RawMessage `json:"Code"`
		Success        json.RawMessage `json:"Success"`
		HTTPStatusCode json.RawMessage `json:"HttpStatusCode"`
	}
	var want Out
	werr := json.Unmarshal(body, &env)
	if werr == nil {
		werr = json.Unmarshal(body, &want)
	}
	var w W
	gerr := json.Unmarshal(body, &w)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("two passes: %v, wire mirror: %v\n%s", werr, gerr, body)
	}
	if werr != nil {
		return
	}
	if got := convert(&w); !reflect.DeepEqual(*got, want) {
		t.Fatalf("wire mirror decodes\n%+v\npublic type decodes\n%+v", *got, want)
	}
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
