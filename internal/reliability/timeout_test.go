package reliability

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
)

// TestTimeoutSpansTokenRefresh: Options.Timeout is one deadline for the
// whole call, also when industrialcloud makes it twice because the service
// rejected the token. The rejection and the answer to the refreshed token
// each take most of the timeout, so a deadline per run would let the call
// succeed after nearly twice the timeout; one deadline ends it at the
// timeout, during the second run.
func TestTimeoutSpansTokenRefresh(t *testing.T) {
	const (
		timeout = 300 * time.Millisecond
		slow    = 250 * time.Millisecond
	)
	for _, op := range operations {
		if !op.product.tencent {
			continue // only industrialcloud runs a call twice
		}
		t.Run(op.String(), func(t *testing.T) {
			e := op.product.start(0)
			defer e.Close()
			d := newDialer(t)
			hc, tr := newHTTPClient(d)
			leaks := startLeakCheck(t, d, tr)
			tokens := &refreshingTokens{current: industrialcloudtest.Token}
			client, err := e.client(settings{http: newAttempts(hc), tokens: tokens, timeout: timeout})
			if err != nil {
				t.Fatal(err)
			}
			e.Inject(fake.Fault{Action: op.action, Status: 200, Code: "AuthFailure.TokenFailure", Latency: slow})
			e.Inject(fake.Fault{Action: op.action, Latency: slow})

			start := time.Now()
			err = op.call(client)(context.Background())
			elapsed := time.Since(start)
			e.ClearFaults()

			var opErr *apierror.OperationError
			if !errors.As(err, &opErr) || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("after %v: got %T %v, want an *OperationError wrapping context.DeadlineExceeded", elapsed, err, err)
			}
			if len(tokens.invalidated) != 1 {
				t.Errorf("the provider was told of %d rejected tokens, want 1: the call must have been made twice", len(tokens.invalidated))
			}
			if elapsed > timeout+time.Second {
				t.Errorf("returned %v after a %v timeout", elapsed, timeout)
			}
			checkNoSecret(t, err)
			leaks.verify()
		})
	}
}
