package testutil

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
)

// ValidationFields asserts that err is a *ValidationError of operation that
// matches ErrInvalidParameter, and returns its field names in order.
func ValidationFields(t testing.TB, err error, operation string) []string {
	t.Helper()
	var ve *apierror.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: got %v, want a *ValidationError", operation, err)
	}
	if ve.Operation != operation {
		t.Errorf("ValidationError.Operation = %q, want %q", ve.Operation, operation)
	}
	if !errors.Is(err, apierror.ErrInvalidParameter) {
		t.Errorf("%s: a ValidationError must match ErrInvalidParameter", operation)
	}
	fields := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		fields[i] = f.Field
	}
	return fields
}

// Unreachable asserts that err is what a call to a closed server ends in:
// an *OperationError after attempts tries (a refused connection is retried
// even for writes), wrapping ECONNREFUSED, matching ErrServer, and saying
// so in one line.
func Unreachable(t testing.TB, err error, product, operation string, attempts int) {
	t.Helper()
	var oe *apierror.OperationError
	if !errors.As(err, &oe) {
		t.Fatalf("%s: got %v, want an *OperationError", operation, err)
	}
	want := fmt.Sprintf("%s %s: failed after %d attempts", product, operation, attempts)
	switch {
	case oe.Operation != operation || oe.Attempts != attempts:
		t.Errorf("%s: Operation %q after %d attempts, want %q after %d", operation, oe.Operation, oe.Attempts, operation, attempts)
	case !errors.Is(err, syscall.ECONNREFUSED):
		t.Errorf("%s: %v does not wrap ECONNREFUSED", operation, err)
	case !errors.Is(err, apierror.ErrServer):
		t.Errorf("%s: an unreachable service must match ErrServer", operation)
	case !strings.HasPrefix(err.Error(), want):
		t.Errorf("%s: %q does not start with %q", operation, err, want)
	}
}

// WriteOnce is the contract for a write: when the request reached the
// service and its answer was lost, it is never sent again; when the service
// turned it away (throttled), it is, and takes effect once.
type WriteOnce struct {
	Action   string           // the write's action, e.g. "CreateInstance"
	Inject   func(fake.Fault) // the fake's Inject
	Send     func(n int) error
	Received func() int // the fake's Received(Action)
	Stored   func() int // how many resources the fake holds
}

// Run checks lost answers (500 after the work, a reset mid-body, a dropped
// connection, a 502 page) and a throttled first attempt. Send(n) must make
// a distinct write for each n.
func (w WriteOnce) Run(t *testing.T) {
	lost := []fake.Fault{
		{Action: w.Action, Status: 500, Code: "InternalError", AfterHandler: true},
		{Action: w.Action, ResetMidBody: true, AfterHandler: true},
		{Action: w.Action, Drop: true, AfterHandler: true},
		{Action: w.Action, Status: 502, Body: "<html>bad gateway</html>", AfterHandler: true},
	}
	for i, f := range lost {
		sent, stored := w.Received(), w.Stored()
		w.Inject(f)
		if err := w.Send(i); err == nil {
			t.Errorf("%+v: the lost answer was reported as success", f)
		}
		if got := w.Received() - sent; got != 1 {
			t.Errorf("%+v: sent %d times, want once", f, got)
		}
		if got := w.Stored() - stored; got != 1 {
			t.Errorf("%+v: took effect %d times, want once", f, got)
		}
	}
	sent, stored := w.Received(), w.Stored()
	w.Inject(fake.Fault{Action: w.Action, Status: 400, Code: "Throttling.User"})
	if err := w.Send(len(lost)); err != nil {
		t.Errorf("throttled, then retried: %v", err)
	}
	if got := w.Received() - sent; got != 2 {
		t.Errorf("throttled: sent %d times, want 2 (the throttled attempt was not processed)", got)
	}
	if got := w.Stored() - stored; got != 1 {
		t.Errorf("throttled: took effect %d times, want once", got)
	}
}
