package otelobserve_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
)

// TestBudgetExhausted: a call the retry budget stops is marked on its span
// and counted, and its call metrics carry its error.type and code.
func TestBudgetExhausted(t *testing.T) {
	forEachProduct(t, retry{attempts: 3, budget: 1}, func(t *testing.T, tl *telemetry, p product) {
		throttled := p.throttled
		throttled.Times = 3
		p.inject(throttled)
		require.Error(t, p.call(context.Background()))

		method := p.name + "/" + p.operation
		ops := tl.named(method)
		require.Len(t, ops, 1)
		a := attrs(ops[0])
		assert.True(t, a["typedcloud.retry.budget_exhausted"].AsBool())
		assert.EqualValues(t, 1, a["typedcloud.attempts"].AsInt64())
		assert.Equal(t, codes.Error, ops[0].Status().Code)
		assert.Len(t, tl.named(method+" attempt"), 1)

		m := tl.metrics(t)
		exhausted := m["typedcloud.client.retry_budget.exhausted"].(metricdata.Sum[int64])
		require.Len(t, exhausted.DataPoints, 1)
		assert.EqualValues(t, 1, exhausted.DataPoints[0].Value)
		duration := m["rpc.client.call.duration"].(metricdata.Histogram[float64])
		require.Len(t, duration.DataPoints, 1)
		errType, _ := duration.DataPoints[0].Attributes.Value("error.type")
		code, _ := duration.DataPoints[0].Attributes.Value("rpc.response.status_code")
		assert.Equal(t, "throttled", errType.AsString())
		assert.Equal(t, p.throttled.Code, code.AsString())
	})
}

// rotating is a TokenProvider whose token, once the service rejects it, is
// replaced by the next one.
type rotating struct {
	mu     sync.Mutex
	tokens []string
}

func (r *rotating) Token(context.Context) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tokens[0], nil
}

func (r *rotating) Invalidate(token string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tokens[0] == token && len(r.tokens) > 1 {
		r.tokens = r.tokens[1:]
	}
}

// TestTokenRefreshIsOneCall: the industrial cloud call made again after
// the service rejected the token is part of the same call span: its
// attempt follows the rejected one, with reason credentials_rejected, and
// neither token shows anywhere.
func TestTokenRefreshIsOneCall(t *testing.T) {
	const stale, fresh = "stale-token-canary-6d1e", "fresh-token-canary-0b7f"
	tl := newTelemetry(t)
	srv := industrialcloudtest.NewServer()
	defer srv.Close()
	srv.AddToken(fresh)
	c, err := srv.Client(func(o *industrialcloud.Options) {
		o.TokenProvider, o.Observer = &rotating{tokens: []string{stale, fresh}}, tl.obs
	})
	require.NoError(t, err)
	_, err = c.DescribeInstance(context.Background(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	require.NoError(t, err)

	ops := tl.named("industrialcloud/DescribeInstance")
	require.Len(t, ops, 1, "one call span for both runs")
	assert.EqualValues(t, 2, attrs(ops[0])["typedcloud.attempts"].AsInt64())
	assert.Equal(t, codes.Unset, ops[0].Status().Code)
	attempts := tl.named("industrialcloud/DescribeInstance attempt")
	require.Len(t, attempts, 2)
	first, second := attrs(attempts[0]), attrs(attempts[1])
	assert.Equal(t, "auth", first["error.type"].AsString())
	assert.Equal(t, "AuthFailure.TokenFailure", first["rpc.response.status_code"].AsString())
	assert.Equal(t, "credentials_rejected", second["typedcloud.retry.reason"].AsString())
	assert.EqualValues(t, 2, second["typedcloud.attempt"].AsInt64())
	assert.NotContains(t, second, attribute.Key("error.type"))

	dump := render(tl)
	assert.NotContains(t, dump, stale)
	assert.NotContains(t, dump, fresh)
}
