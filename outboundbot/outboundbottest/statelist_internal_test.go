package outboundbottest

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestTypedListComplete: the typed workflows of package outboundbot
// (../state_test.go, statefulActions) list exactly the actions the fake
// answers from its state, so each one's answers are read by its generated
// decoder; an action added to handlers and not to the list fails here.
func TestTypedListComplete(t *testing.T) {
	testutil.CheckActionList(t, "../state_test.go", "statefulActions", (&Server{}).handlers())
}
