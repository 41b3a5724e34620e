package reliability

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// tick is the backoff tick of the cancellation tests: BaseDelay and
// MaxDelay both, so every backoff sleeps up to one tick. A cancelled call
// must return within it.
const tick = 200 * time.Millisecond

// TestCancelMidCall cancels every operation while its request is in flight
// (the fake holds the answer) and while it waits in backoff between
// attempts. Each time the call must return within one backoff tick, as an
// *OperationError wrapping context.Canceled, and leave nothing behind. A
// context cancelled before the call returns at once too.
func TestCancelMidCall(t *testing.T) {
	stages := []struct {
		name  string
		fault fake.Fault
		// ready reports that the call reached the stage to cancel at.
		ready func(e *env, action string) bool
	}{
		{name: "in-flight", fault: fake.Fault{Latency: time.Minute},
			ready: func(e *env, action string) bool { return e.Received(action) >= 1 }},
		// The service's ServiceUnavailable is retried by reads and writes
		// alike (§6); with a hundred attempts armed, the call spends its
		// time in backoff.
		{name: "in-backoff", fault: fake.Fault{Status: 503, Code: "ServiceUnavailable", Times: 100},
			ready: func(e *env, action string) bool { return e.Received(action) >= 2 }},
		{name: "before-call"},
	}
	slowest := map[string]time.Duration{}
	for _, op := range operations {
		for _, st := range stages {
			t.Run(op.String()+"/"+st.name, func(t *testing.T) {
				e := op.product.start(0)
				defer e.Close()
				d := newDialer(t)
				hc, tr := newHTTPClient(d)
				leaks := startLeakCheck(t, d, tr)
				client, err := e.client(settings{http: newAttempts(hc), retry: transport.Retry{MaxAttempts: 100, BaseDelay: tick, MaxDelay: tick}})
				if err != nil {
					t.Fatal(err)
				}
				call := op.call(client)

				ctx, cancel := context.WithCancel(context.Background())
				var cancelled time.Time
				if st.ready == nil {
					cancel()
					cancelled = time.Now()
					err = call(ctx)
				} else {
					flt := st.fault
					flt.Action = op.action
					e.Inject(flt)
					done := make(chan error, 1)
					go func() { done <- call(ctx) }()
					waitFor(t, func() bool { return st.ready(e, op.action) })
					if st.name == "in-backoff" {
						time.Sleep(tick / 4) // inside the jittered sleep, or the next attempt
					}
					cancel()
					cancelled = time.Now()
					select {
					case err = <-done:
					case <-time.After(30 * time.Second):
						t.Fatal("the call did not return after its context was cancelled")
					}
				}
				took := time.Since(cancelled)
				e.ClearFaults()
				slowest[st.name] = max(slowest[st.name], took)

				if took > tick {
					t.Errorf("returned %v after the cancellation, want within one backoff tick (%v)", took, tick)
				}
				var opErr *apierror.OperationError
				if !errors.As(err, &opErr) || !errors.Is(err, context.Canceled) {
					t.Fatalf("got %T %v, want an *OperationError wrapping context.Canceled", err, err)
				}
				if opErr.Operation != op.action || opErr.Product != op.product.name {
					t.Errorf("OperationError names %s %s", opErr.Product, opErr.Operation)
				}
				checkNoSecret(t, err)
				if op.write && op.effect(e.typed) {
					t.Error("a cancelled write took effect")
				}
				leaks.verify()
			})
		}
	}
	for _, st := range stages {
		t.Logf("%d operations cancelled %s: slowest return %v after the cancellation (tick %v)", len(operations), st.name, slowest[st.name], tick)
	}
}

// waitFor polls cond until it holds, failing the test after a while.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for the call to reach the fake")
		}
		time.Sleep(time.Millisecond)
	}
}
