package otelobserve_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/typedcloud/sdk-go/otel/otelobserve"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// Tracing a client: one line sets the Observer. Here the spans go to an
// in-memory exporter and the call to the fake, throttled once; in a service
// they go to the TracerProvider (and MeterProvider) it already has.
func Example() {
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	defer tp.Shutdown(context.Background())

	srv := outboundbottest.NewServer()
	defer srv.Close()
	srv.Inject(outboundbottest.Fault{Status: 400, Code: "Throttling.User"})
	client, err := srv.Client(func(o *outboundbot.Options) {
		o.Observer = otelobserve.New(tp, nil) // nil: the global MeterProvider
	})
	if err != nil {
		log.Fatal(err)
	}

	_, err = client.DescribeInstance(context.Background(), &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range exporter.GetSpans() {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-40s %-6s %s", s.Name, s.Status.Code, spanAttr(s, "error.type"))))
	}
	// Output:
	// outboundbot/DescribeInstance attempt     Error  throttled
	// outboundbot/DescribeInstance attempt     Unset
	// outboundbot/DescribeInstance             Unset
}

// spanAttr returns the value of the span's attribute key, or "".
func spanAttr(s tracetest.SpanStub, key string) string {
	for _, kv := range s.Attributes {
		if string(kv.Key) == key {
			return kv.Value.Emit()
		}
	}
	return ""
}
