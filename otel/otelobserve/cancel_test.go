package otelobserve_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/codes"

	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// ErrThrottled is the one sentinel of every product: they share it.
var ErrThrottled = outboundbot.ErrThrottled

// cancelling is an Observer that cancels the call when its first attempt
// starts (the request is then cut off in flight) or ends (the call is then
// in its backoff), and otherwise passes every call on.
type cancelling struct {
	observe.Observer
	atEnd  bool
	cancel context.CancelFunc
}

func (c *cancelling) StartAttempt(ctx context.Context, op observe.Operation, a observe.Attempt) context.Context {
	ctx = c.Observer.StartAttempt(ctx, op, a)
	if !c.atEnd {
		c.cancel()
	}
	return ctx
}

func (c *cancelling) EndAttempt(ctx context.Context, op observe.Operation, a observe.Attempt, r observe.Result) {
	c.Observer.EndAttempt(ctx, op, a, r)
	if c.atEnd {
		c.cancel()
	}
}

// TestCanceledCallEndsItsSpans: a call whose context is canceled during an
// attempt, or after a failed one, still ends every span it started, the
// call's with the error.type of what the caller is given: "canceled", or
// the last answer's category when the cancel came between attempts (the
// loop then returns that answer). The cancel during a backoff's sleep is
// internal/transport's TestObserverSeesEveryAttempt, on a fake clock.
func TestCanceledCallEndsItsSpans(t *testing.T) {
	for _, tt := range []struct {
		name        string
		atEnd       bool
		attemptType string // the attempt's error.type
		callType    string // the call's
		wantErr     error  // the caller's error, by errors.Is
	}{
		{name: "during an attempt", attemptType: "canceled", callType: "canceled", wantErr: context.Canceled},
		{name: "after an attempt", atEnd: true, attemptType: "throttled", callType: "throttled", wantErr: ErrThrottled},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, newProduct := range []func(*testing.T, observe.Observer, retry) product{outboundbotProduct, cccProduct, industrialcloudProduct} {
				tl := newTelemetry(t)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				obs := &cancelling{Observer: tl.obs, atEnd: tt.atEnd, cancel: cancel}
				p := newProduct(t, obs, retry{attempts: 3})
				t.Run(p.name, func(t *testing.T) {
					held := p.throttled
					held.Times, held.Latency = 10, time.Minute
					if tt.atEnd {
						held.Latency = 0
					}
					p.inject(held)
					require.ErrorIs(t, p.call(ctx), tt.wantErr)

					assert.Len(t, tl.spans.Started(), 2, "the call and its one attempt")
					assert.Len(t, tl.spans.Ended(), 2, "every span started is ended")
					method := p.name + "/" + p.operation
					ops, attempts := tl.named(method), tl.named(method+" attempt")
					require.Len(t, ops, 1)
					require.Len(t, attempts, 1)
					assert.Equal(t, codes.Error, ops[0].Status().Code)
					assert.Equal(t, tt.callType, attrs(ops[0])["error.type"].AsString())
					assert.Equal(t, codes.Error, attempts[0].Status().Code)
					assert.Equal(t, tt.attemptType, attrs(attempts[0])["error.type"].AsString())
				})
			}
		})
	}
}
