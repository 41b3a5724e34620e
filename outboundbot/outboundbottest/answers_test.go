package outboundbottest_test

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestAnswersHoldEveryFactsField runs every stateful workflow, then checks
// each answer against the response members the facts list for its
// operation (testdata/responses.json: cut from
// /work/shared/api/outboundbot-2019-12-26.json with
//
//	jq --argjson ops '["CreateScript", …]' '[.operations[] | select(.name as $n | $ops | index($n))
//	  | {name, response: .response.fields}] | walk(if type=="object" then
//	  with_entries(select(.key|IN("name","type","fields","items","values","response"))) else . end)'
//
// ): every member present, of its JSON type, and every list member shown
// by some answer. The file lists exactly the operations the workflows
// answer, so a handler added without its facts fails here.
func TestAnswersHoldEveryFactsField(t *testing.T) {
	facts := testutil.LoadFacts(t, "testdata/responses.json")
	answers := map[string][]map[string]any{}
	for _, workflow := range []func(*testing.T, *harness){scriptWorkflow, jobGroupWorkflow, jobsProgress} {
		h := newHarness(t)
		workflow(t, h)
		for action, got := range h.Answers() {
			answers[action] = append(answers[action], got...)
		}
	}
	testutil.CheckFacts(t, facts, answers, "CreateInstance")
}
