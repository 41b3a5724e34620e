package outboundbottest

import (
	"slices"
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestTypedListComplete: the typed workflows of package outboundbot
// (../state_test.go, statefulActions) list exactly the actions the fake
// answers from its state, so each one's answers are read by its generated
// decoder; an action added to handlers and not to the list fails here.
func TestTypedListComplete(t *testing.T) {
	listed := testutil.LiteralKeys(t, "../state_test.go", "statefulActions")
	handled := (&Server{}).handlers()
	for action := range handled {
		if !slices.Contains(listed, action) {
			t.Errorf("%s has a handler but is missing from statefulActions in ../state_test.go", action)
		}
	}
	for _, action := range listed {
		if handled[action] == nil {
			t.Errorf("statefulActions in ../state_test.go lists %s, which has no handler", action)
		}
	}
}
