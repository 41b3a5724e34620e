package otelobserve_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/aliyun/credentials-go/credentials"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"

	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/otel/otelobserve"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// BenchmarkDescribeInstance is what tracing costs per call: one
// outboundbot DescribeInstance, answered with the documented example bytes
// by a loopback server that checks nothing, with
//
//   - observer=none: no Observer, the SDK as it is by default;
//   - observer=otel-api-noop: otelobserve with OpenTelemetry's no-op
//     providers (what an application that never set up OpenTelemetry gets
//     from the globals);
//   - observer=otel-sdk: otelobserve with the OpenTelemetry SDK recording
//     every span (sampled, exported to a no-op exporter) and every metric
//     (aggregated for a reader that is never collected).
//
// The differences between the rows are the cost; the SDK's own cost with
// no Observer is measured in instructions by bench/ (DescribeInstance,
// client=sdk).
func BenchmarkDescribeInstance(b *testing.B) {
	body, err := os.ReadFile("../../outboundbot/testdata/DescribeInstance/response.json")
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		w.Write(body)
	}))
	defer srv.Close()

	sdkTP := sdktrace.NewTracerProvider(sdktrace.WithSyncer(tracetest.NewNoopExporter()))
	sdkMP := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
	defer sdkTP.Shutdown(context.Background())
	defer sdkMP.Shutdown(context.Background())
	for _, row := range []struct {
		name string
		tp   trace.TracerProvider
		mp   metric.MeterProvider
	}{
		{name: "none"},
		{name: "otel-api-noop", tp: tracenoop.NewTracerProvider(), mp: metricnoop.NewMeterProvider()},
		{name: "otel-sdk", tp: sdkTP, mp: sdkMP},
	} {
		b.Run("observer="+row.name, func(b *testing.B) {
			var obs observe.Observer
			if row.tp != nil {
				obs = otelobserve.New(row.tp, row.mp)
			}
			cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").
				SetAccessKeyId("LTAI5tBenchKeyID").SetAccessKeySecret("bench-access-key-secret"))
			if err != nil {
				b.Fatal(err)
			}
			c, err := outboundbot.New(outboundbot.Options{Endpoint: srv.URL, Credential: cred, Observer: obs,
				Retry: outboundbot.RetryOptions{MaxAttempts: 1}})
			if err != nil {
				b.Fatal(err)
			}
			req := &outboundbot.DescribeInstanceRequest{InstanceID: "90515b5-6115-4ccf-83e2-52d5bfaf2ddf"}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.DescribeInstance(ctx, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
