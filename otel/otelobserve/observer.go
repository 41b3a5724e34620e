package otelobserve

import (
	"context"
	"net"
	"strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/typedcloud/sdk-go/observe"
)

// ScopeName is the instrumentation scope of the spans and metrics.
const ScopeName = "github.com/typedcloud/sdk-go/otel/otelobserve"

// Observer records the SDK's calls as OpenTelemetry spans and metrics. It
// implements observe.Observer and is safe for concurrent use.
type Observer struct {
	tracer  trace.Tracer
	metrics instruments
}

var _ observe.Observer = (*Observer)(nil)

// New returns an Observer that records spans with tp and metrics with mp;
// nil means the global provider. Set it as a client's Options.Observer.
func New(tp trace.TracerProvider, mp metric.MeterProvider) *Observer {
	if tp == nil {
		tp = otel.GetTracerProvider()
	}
	if mp == nil {
		mp = otel.GetMeterProvider()
	}
	return &Observer{
		tracer:  tp.Tracer(ScopeName, trace.WithSchemaURL(semconv.SchemaURL)),
		metrics: newInstruments(mp.Meter(ScopeName, metric.WithSchemaURL(semconv.SchemaURL))),
	}
}

// Span context keys: each End finds the span its Start put in the context,
// and never ends a span of the caller's.
type (
	operationKey struct{}
	attemptKey   struct{}
)

// StartOperation starts the call's client span, a child of ctx's span.
func (o *Observer) StartOperation(ctx context.Context, op observe.Operation) context.Context {
	attrs := target(op)
	if op.Region != "" {
		attrs = append(attrs, semconv.CloudRegion(op.Region))
	}
	ctx, span := o.tracer.Start(ctx, method(op), trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
	return context.WithValue(ctx, operationKey{}, span)
}

// StartAttempt starts the attempt's span, a child of the call's.
func (o *Observer) StartAttempt(ctx context.Context, op observe.Operation, a observe.Attempt) context.Context {
	attrs := []attribute.KeyValue{attemptKeyNumber.Int(a.Number)}
	if a.Number > 1 {
		attrs = append(attrs, semconv.HTTPRequestResendCount(a.Number-1))
	}
	if a.RetryReason != "" {
		attrs = append(attrs, retryReasonKey.String(string(a.RetryReason)), retryBackoffKey.Float64(a.Backoff.Seconds()))
		o.metrics.retries.Add(ctx, 1, metric.WithAttributes(append(target(op), retryReasonKey.String(string(a.RetryReason)))...))
	}
	ctx, span := o.tracer.Start(ctx, method(op)+" attempt", trace.WithSpanKind(trace.SpanKindInternal), trace.WithAttributes(attrs...))
	return context.WithValue(ctx, attemptKey{}, span)
}

// EndAttempt ends the attempt's span with its outcome.
func (o *Observer) EndAttempt(ctx context.Context, _ observe.Operation, _ observe.Attempt, r observe.Result) {
	span, ok := ctx.Value(attemptKey{}).(trace.Span)
	if !ok {
		return
	}
	if r.HTTPStatus != 0 {
		span.SetAttributes(semconv.HTTPResponseStatusCode(r.HTTPStatus))
	}
	end(span, r)
}

// EndOperation ends the call's span and records its metrics.
func (o *Observer) EndOperation(ctx context.Context, op observe.Operation, r observe.OperationResult) {
	o.metrics.record(ctx, op, r)
	span, ok := ctx.Value(operationKey{}).(trace.Span)
	if !ok {
		return
	}
	span.SetAttributes(attemptsKey.Int(r.Attempts))
	if r.BudgetExhausted {
		span.SetAttributes(budgetExhaustedKey.Bool(true))
	}
	end(span, r.Result)
}

// end sets what the service answered and how the span ended, and ends it.
func end(span trace.Span, r observe.Result) {
	if r.RequestID != "" {
		span.SetAttributes(requestIDKey.String(r.RequestID))
	}
	span.SetAttributes(failure(r)...)
	if r.Category != "" {
		span.SetStatus(codes.Error, r.Error)
	}
	span.End()
}

// failure returns error.type and rpc.response.status_code for a failed
// outcome, nothing for a success.
func failure(r observe.Result) []attribute.KeyValue {
	if r.Category == "" {
		return nil
	}
	attrs := []attribute.KeyValue{semconv.ErrorTypeKey.String(string(r.Category))}
	if r.Code != "" {
		attrs = append(attrs, semconv.RPCResponseStatusCode(r.Code))
	}
	return attrs
}

// method is the call's fully-qualified method: "outboundbot/DescribeInstance".
func method(op observe.Operation) string { return op.Product + "/" + op.Operation }

// target returns the attributes naming the call's system, method and
// server, which every span and metric carries. It has room for two more.
func target(op observe.Operation) []attribute.KeyValue {
	attrs := make([]attribute.KeyValue, 0, 6)
	attrs = append(attrs, semconv.RPCSystemNameKey.String(op.Protocol), semconv.RPCMethod(method(op)))
	host, port, err := net.SplitHostPort(op.Host)
	if err != nil {
		return append(attrs, semconv.ServerAddress(op.Host)) // no port in the endpoint
	}
	attrs = append(attrs, semconv.ServerAddress(host))
	if n, err := strconv.Atoi(port); err == nil {
		attrs = append(attrs, semconv.ServerPort(n))
	}
	return attrs
}
