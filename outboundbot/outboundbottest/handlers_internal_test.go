package outboundbottest

import (
	"encoding/json"
	"os"
	"testing"
)

// TestStatefulHandlersHaveFacts: every action the fake answers from its
// workflow state, which is all but the instance operations, is listed in
// testdata/responses.json, so TestAnswersHoldEveryFactsField checks it.
func TestStatefulHandlersHaveFacts(t *testing.T) {
	b, err := os.ReadFile("testdata/responses.json")
	if err != nil {
		t.Fatal(err)
	}
	var ops []struct{ Name string }
	if err := json.Unmarshal(b, &ops); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, op := range ops {
		listed[op.Name] = true
	}
	instance := map[string]bool{"CreateInstance": true, "DescribeInstance": true, "ListInstances": true, "ModifyInstance": true, "DeleteInstance": true}
	for action := range (&Server{}).handlers() {
		if !instance[action] && !listed[action] {
			t.Errorf("%s has a handler but no facts in testdata/responses.json", action)
		}
	}
}
