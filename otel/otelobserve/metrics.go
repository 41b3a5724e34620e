package otelobserve

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/semconv/v1.43.0/rpcconv"

	"github.com/typedcloud/sdk-go/observe"
)

// instruments are the metrics an Observer records.
type instruments struct {
	duration  metric.Float64Histogram // rpc.client.call.duration
	attempts  metric.Int64Histogram   // typedcloud.client.attempts
	retries   metric.Int64Counter     // typedcloud.client.retries
	exhausted metric.Int64Counter     // typedcloud.client.retry_budget.exhausted
}

// newInstruments creates the instruments with m. An instrument m refuses is
// reported to OpenTelemetry's error handler and replaced by a no-op one, so
// the calls go on unmeasured rather than fail.
func newInstruments(m metric.Meter) instruments {
	duration, err := rpcconv.NewClientCallDuration(m)
	otelHandle(err)
	attempts, err := m.Int64Histogram("typedcloud.client.attempts",
		metric.WithDescription("Attempts per call, the first included."),
		metric.WithUnit("{attempt}"),
		metric.WithExplicitBucketBoundaries(1, 2, 3, 4, 5, 10))
	otelHandle(err)
	if attempts == nil {
		attempts = noop.Int64Histogram{}
	}
	retries, err := m.Int64Counter("typedcloud.client.retries",
		metric.WithDescription("Attempts after the first, by the reason the previous one failed."),
		metric.WithUnit("{retry}"))
	otelHandle(err)
	if retries == nil {
		retries = noop.Int64Counter{}
	}
	exhausted, err := m.Int64Counter("typedcloud.client.retry_budget.exhausted",
		metric.WithDescription("Calls that ended without a retry they qualified for, because the client's retry budget was empty."),
		metric.WithUnit("{call}"))
	otelHandle(err)
	if exhausted == nil {
		exhausted = noop.Int64Counter{}
	}
	return instruments{duration: duration.Inst(), attempts: attempts, retries: retries, exhausted: exhausted}
}

// otelHandle passes a non-nil err to OpenTelemetry's error handler.
func otelHandle(err error) {
	if err != nil {
		otel.Handle(err)
	}
}

// record records the metrics of a finished call.
func (m instruments) record(ctx context.Context, op observe.Operation, r observe.OperationResult) {
	attrs := target(op)
	if r.BudgetExhausted {
		m.exhausted.Add(ctx, 1, metric.WithAttributes(attrs...))
	}
	set := metric.WithAttributes(append(attrs, failure(r.Result)...)...)
	m.duration.Record(ctx, r.Duration.Seconds(), set)
	m.attempts.Record(ctx, int64(r.Attempts), set)
}
