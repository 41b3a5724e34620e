package otelobserve_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// TestNoSecretInTelemetry: whatever a call meets — success, a throttled
// answer echoing a secret in its message, a gateway page quoting one, a
// refusal after the retries — no span name, attribute, event, status or
// metric holds any of the secrets the client sends, in any spelling.
func TestNoSecretInTelemetry(t *testing.T) {
	forEachProduct(t, retry{attempts: 2}, func(t *testing.T, tl *telemetry, p product) {
		ctx := context.Background()
		_ = p.call(ctx)
		echo := p.throttled
		echo.Times = 3
		p.inject(echo)
		_ = p.call(ctx)
		for _, s := range p.secrets {
			p.inject(fault{Status: 502, Body: "<html>bad gateway " + s + "</html>", ContentType: "text/html", Times: 2})
			_ = p.call(ctx)
		}

		dump := render(tl)
		assert.Contains(t, dump, "throttled", "the dump holds the failures")
		assert.Contains(t, dump, "typedcloud.request_id", "the dump holds the answers")
		for _, secret := range p.secrets {
			for _, spelling := range []string{secret, url.QueryEscape(secret), url.QueryEscape(url.QueryEscape(secret)), strings.ToLower(url.QueryEscape(secret))} {
				assert.NotContains(t, dump, spelling)
			}
		}
	})
}

// render writes out everything tl recorded: each span's name, attributes,
// events, links and status, and each metric's name and data points.
func render(tl *telemetry) string {
	var b strings.Builder
	for _, s := range tl.spans.Ended() {
		fmt.Fprintf(&b, "span %s %s %v %s\n", s.Name(), s.Status().Description, s.Status().Code, encode(s.Attributes()...))
		for _, e := range s.Events() {
			fmt.Fprintf(&b, "  event %s %s\n", e.Name, encode(e.Attributes...))
		}
		for _, l := range s.Links() {
			fmt.Fprintf(&b, "  link %s\n", encode(l.Attributes...))
		}
	}
	var rm metricdata.ResourceMetrics
	_ = tl.reader.Collect(context.Background(), &rm)
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			fmt.Fprintf(&b, "metric %s %s %s\n", m.Name, m.Description, m.Unit)
			for _, set := range pointAttributes(m.Data) {
				fmt.Fprintf(&b, "  point %s\n", encode(set.ToSlice()...))
			}
		}
	}
	return b.String()
}

// encode writes attributes out as key=value pairs.
func encode(kvs ...attribute.KeyValue) string {
	set := attribute.NewSet(kvs...)
	return set.Encoded(attribute.DefaultEncoder())
}

// pointAttributes returns the attributes of each data point of a.
func pointAttributes(a metricdata.Aggregation) []attribute.Set {
	var out []attribute.Set
	switch a := a.(type) {
	case metricdata.Histogram[float64]:
		for _, p := range a.DataPoints {
			out = append(out, p.Attributes)
		}
	case metricdata.Histogram[int64]:
		for _, p := range a.DataPoints {
			out = append(out, p.Attributes)
		}
	case metricdata.Sum[int64]:
		for _, p := range a.DataPoints {
			out = append(out, p.Attributes)
		}
	default:
		out = append(out, attribute.NewSet(attribute.String("unknown aggregation", fmt.Sprintf("%T %+v", a, a))))
	}
	return out
}
