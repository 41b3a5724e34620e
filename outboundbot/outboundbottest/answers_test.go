package outboundbottest_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

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
		for action, got := range h.answers {
			answers[action] = append(answers[action], got...)
		}
	}
	var names []string
	for _, op := range facts {
		names = append(names, op.Name)
		t.Run(op.Name, func(t *testing.T) {
			answers := answers[op.Name]
			if !assert.NotEmpty(t, answers, "no workflow answered it") {
				return
			}
			assert.Empty(t, testutil.FactGaps(op, answers))
		})
	}
	for action := range answers {
		if action != "CreateInstance" {
			assert.True(t, slices.Contains(names, action), "%s answered but has no facts in testdata/responses.json", action)
		}
	}
}
