package otelobserve_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/otel/otelobserve"
)

// telemetry is an Observer recording into the SDK's in-memory span
// recorder and a manual metric reader.
type telemetry struct {
	obs    *otelobserve.Observer
	tp     *sdktrace.TracerProvider
	spans  *tracetest.SpanRecorder
	reader *sdkmetric.ManualReader
}

func newTelemetry(t *testing.T) *telemetry {
	t.Helper()
	spans, reader := tracetest.NewSpanRecorder(), sdkmetric.NewManualReader()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()); _ = mp.Shutdown(context.Background()) })
	return &telemetry{obs: otelobserve.New(tp, mp), tp: tp, spans: spans, reader: reader}
}

// metrics collects the metrics recorded so far, by name.
func (tl *telemetry) metrics(t *testing.T) map[string]metricdata.Aggregation {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, tl.reader.Collect(context.Background(), &rm))
	out := map[string]metricdata.Aggregation{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			out[m.Name] = m.Data
		}
	}
	return out
}

// named returns the ended spans called name, in the order they ended.
func (tl *telemetry) named(name string) []sdktrace.ReadOnlySpan {
	var out []sdktrace.ReadOnlySpan
	for _, s := range tl.spans.Ended() {
		if s.Name() == name {
			out = append(out, s)
		}
	}
	return out
}

// forEachProduct runs test for every product, each with its own telemetry
// and fake.
func forEachProduct(t *testing.T, r retry, test func(t *testing.T, tl *telemetry, p product)) {
	for _, newProduct := range []func(*testing.T, observe.Observer, retry) product{outboundbotProduct, cccProduct, industrialcloudProduct} {
		tl := newTelemetry(t)
		p := newProduct(t, tl.obs, r)
		t.Run(p.name, func(t *testing.T) { test(t, tl, p) })
	}
}

func attrs(s sdktrace.ReadOnlySpan) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range s.Attributes() {
		m[kv.Key] = kv.Value
	}
	return m
}

func attrSet(kvs ...attribute.KeyValue) attribute.Set { return attribute.NewSet(kvs...) }

// TestRetriedTwice: a call throttled twice, then answered, is one client
// span, a child of the caller's, with three attempt spans under it: two
// failed with the throttling code and status, the third a success; its
// metrics count one call of three attempts and two retries.
func TestRetriedTwice(t *testing.T) {
	forEachProduct(t, retry{attempts: 3}, func(t *testing.T, tl *telemetry, p product) {
		throttled := p.throttled
		throttled.Times = 2
		p.inject(throttled)
		ctx, caller := tl.tp.Tracer("test").Start(context.Background(), "caller")
		require.NoError(t, p.call(ctx))
		caller.End()

		method := p.name + "/" + p.operation
		ops := tl.named(method)
		require.Len(t, ops, 1, "one span per call")
		op := ops[0]
		assert.Equal(t, trace.SpanKindClient, op.SpanKind())
		assert.Equal(t, caller.SpanContext().SpanID(), op.Parent().SpanID(), "the caller's span is the parent")
		assert.Equal(t, codes.Unset, op.Status().Code)
		a := attrs(op)
		assert.Equal(t, p.system, a["rpc.system.name"].AsString())
		assert.Equal(t, method, a["rpc.method"].AsString())
		assert.Equal(t, "127.0.0.1", a["server.address"].AsString())
		assert.Positive(t, a["server.port"].AsInt64())
		assert.Equal(t, p.region, a["cloud.region"].AsString())
		assert.EqualValues(t, 3, a["typedcloud.attempts"].AsInt64())
		assert.NotEmpty(t, a["typedcloud.request_id"].AsString())
		assert.NotContains(t, a, attribute.Key("error.type"))

		attempts := tl.named(method + " attempt")
		require.Len(t, attempts, 3, "one span per attempt")
		for i, s := range attempts {
			a := attrs(s)
			assert.Equal(t, op.SpanContext().SpanID(), s.Parent().SpanID(), "attempt %d is a child of the call", i+1)
			assert.EqualValues(t, i+1, a["typedcloud.attempt"].AsInt64())
			assert.NotEmpty(t, a["typedcloud.request_id"].AsString(), "attempt %d", i+1)
			if i == 0 {
				assert.NotContains(t, a, attribute.Key("typedcloud.retry.reason"))
				assert.NotContains(t, a, attribute.Key("http.request.resend_count"))
			} else {
				assert.Equal(t, "throttled", a["typedcloud.retry.reason"].AsString(), "attempt %d", i+1)
				assert.EqualValues(t, i, a["http.request.resend_count"].AsInt64())
				assert.GreaterOrEqual(t, a["typedcloud.retry.backoff"].AsFloat64(), 0.0)
			}
			if i < 2 {
				assert.Equal(t, codes.Error, s.Status().Code, "attempt %d", i+1)
				assert.Contains(t, s.Status().Description, p.throttled.Code)
				assert.Equal(t, "throttled", a["error.type"].AsString())
				assert.Equal(t, p.throttled.Code, a["rpc.response.status_code"].AsString())
				assert.EqualValues(t, p.throttled.Status, a["http.response.status_code"].AsInt64())
				continue
			}
			assert.Equal(t, codes.Unset, s.Status().Code, "the last attempt succeeded")
			assert.EqualValues(t, 200, a["http.response.status_code"].AsInt64())
			assert.NotContains(t, a, attribute.Key("error.type"))
		}

		m := tl.metrics(t)
		target := attrSet(attribute.String("rpc.system.name", p.system), attribute.String("rpc.method", method),
			attribute.String("server.address", "127.0.0.1"), attribute.Int64("server.port", a["server.port"].AsInt64()))
		duration := m["rpc.client.call.duration"].(metricdata.Histogram[float64])
		require.Len(t, duration.DataPoints, 1)
		assert.EqualValues(t, 1, duration.DataPoints[0].Count)
		assert.LessOrEqual(t, duration.DataPoints[0].Sum, op.EndTime().Sub(op.StartTime()).Seconds(),
			"the call's duration is within its span's")
		assert.Equal(t, target, duration.DataPoints[0].Attributes, "a success's call metrics carry the target alone")
		count := m["typedcloud.client.attempts"].(metricdata.Histogram[int64])
		require.Len(t, count.DataPoints, 1)
		assert.Equal(t, target, count.DataPoints[0].Attributes)
		assert.EqualValues(t, 3, count.DataPoints[0].Sum)
		retries := m["typedcloud.client.retries"].(metricdata.Sum[int64])
		require.Len(t, retries.DataPoints, 1)
		assert.EqualValues(t, 2, retries.DataPoints[0].Value)
		reason, _ := retries.DataPoints[0].Attributes.Value("typedcloud.retry.reason")
		assert.Equal(t, "throttled", reason.AsString())
		assert.NotContains(t, m, "typedcloud.client.retry_budget.exhausted")
	})
}
