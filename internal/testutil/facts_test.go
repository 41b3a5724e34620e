package testutil

import (
	"encoding/json"
	"testing"
)

// TestFactGaps: each kind of gap is reported, and a complete answer has none.
func TestFactGaps(t *testing.T) {
	op := FactOperation{Name: "X", Response: []FactField{
		{Name: "Id", Type: "string"},
		{Name: "Count", Type: "integer"},
		{Name: "Items", Type: "array", Items: &FactField{Type: "object", Fields: []FactField{{Name: "On", Type: "boolean"}}}},
		{Name: "Tags", Type: "array", Items: &FactField{Type: "string"}},
	}}
	cases := []struct {
		body string
		want []string
	}{
		{`{"Id":"a","Count":1,"Items":[{"On":true}],"Tags":[]}`, nil},
		{`{"Count":1,"Items":[{"On":true}],"Tags":[]}`, []string{"Id: missing or null"}},
		{`{"Id":"a","Count":"1","Items":[{"On":true}],"Tags":[]}`, []string{"Count: not a number"}},
		{`{"Id":"a","Count":1,"Items":[],"Tags":[]}`, []string{"Items[].On: no answer holds it (every list on the way is empty)",
			"Items[]: no answer holds it (every list on the way is empty)"}},
		{`{"Id":"a","Count":1,"Items":[{}],"Tags":[]}`, []string{"Items[].On: missing or null"}},
	}
	for _, tc := range cases {
		var body map[string]any
		if err := json.Unmarshal([]byte(tc.body), &body); err != nil {
			t.Fatal(err)
		}
		got := FactGaps(op, []map[string]any{body})
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %q, want %q", tc.body, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %q, want %q", tc.body, got, tc.want)
			}
		}
	}
}
