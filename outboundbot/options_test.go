package outboundbot_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
	"github.com/typedcloud/sdk-go/signer"
)

// TestOptionsKeepEveryField: Options() returns every field New was given
// (the Credential behind the cache the client asks it through), and a
// per-call option sees the client's Options and changes that call only.
func TestOptionsKeepEveryField(t *testing.T) {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	base, err := srv.Client()
	require.NoError(t, err)
	want := outboundbot.Options{
		Region: "cn-beijing", Endpoint: srv.URL(), Credential: base.Options().Credential, HTTPClient: &http.Client{},
		Retry:   outboundbot.RetryOptions{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond, BudgetTokens: 9},
		Timeout: time.Minute, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), UserAgent: "client-ua",
		SignatureVersion: signer.ACS3, Observer: &countingObserver{},
	}
	testutil.AllFieldsSet(t, want)
	c, err := outboundbot.New(want)
	require.NoError(t, err)
	assert.Equal(t, want, c.Options())

	var seen outboundbot.Options
	_, err = c.DescribeInstance(t.Context(), &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID},
		func(o *outboundbot.Options) { seen, o.UserAgent = *o, "call-ua" })
	require.NoError(t, err)
	assert.Equal(t, want, seen, "a per-call option starts from the client's Options")
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Contains(t, reqs[0].Header.Get("User-Agent"), "call-ua", "the per-call change is sent")
	assert.Equal(t, want, c.Options(), "a per-call option changes that call only")
	assert.Equal(t, int64(1), want.Observer.(*countingObserver).ops.Load(), "the Observer is told of the call")
}

// countingObserver counts the operations it is told of.
type countingObserver struct{ ops atomic.Int64 }

func (o *countingObserver) StartOperation(ctx context.Context, _ observe.Operation) context.Context {
	o.ops.Add(1)
	return ctx
}

func (o *countingObserver) StartAttempt(ctx context.Context, _ observe.Operation, _ observe.Attempt) context.Context {
	return ctx
}

func (o *countingObserver) EndAttempt(context.Context, observe.Operation, observe.Attempt, observe.Result) {
}

func (o *countingObserver) EndOperation(context.Context, observe.Operation, observe.OperationResult) {
}
