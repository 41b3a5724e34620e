package ccctest

import (
	"encoding/json"
	"os"
	"testing"
)

// TestStatefulHandlersHaveFacts: every action the fake answers from an
// instance's users, skill groups or numbers is listed in
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
	instance := map[string]bool{"CreateInstance": true, "DeleteInstance": true, "GetInstance": true,
		"ListInstances": true, "ListInstancesOfUser": true, "ModifyInstance": true}
	for action := range (&Server{}).handlers() {
		if !instance[action] && !listed[action] {
			t.Errorf("%s has a handler but no facts in testdata/responses.json", action)
		}
	}
}
