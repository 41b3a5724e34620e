package outboundbottest_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// harness calls a fake through the client's Invoke and keeps every
// successful answer by action, for TestAnswersHoldEveryFactsField.
type harness struct {
	t   testing.TB
	srv *outboundbottest.Server
	c   *outboundbot.Client

	mu      sync.Mutex
	answers map[string][]map[string]any
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	srv := outboundbottest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client()
	require.NoError(t, err)
	return &harness{t: t, srv: srv, c: c, answers: map[string][]map[string]any{}}
}

// try calls action with p in the example instance, unless p names one or
// the action makes one.
func (h *harness) try(action string, p testutil.RawParams) (map[string]any, error) {
	if _, set := p["InstanceId"]; !set && action != "CreateInstance" {
		p["InstanceId"] = outboundbottest.ExampleInstanceID
	}
	var out map[string]any
	// Invoke, not InvokeRead: a read steps jobs, so it must not be retried.
	if err := h.c.Invoke(h.t.Context(), action, testutil.Raw(p), &out); err != nil {
		return nil, err
	}
	h.mu.Lock()
	h.answers[action] = append(h.answers[action], out)
	h.mu.Unlock()
	return out, nil
}

// call is try that must succeed.
func (h *harness) call(action string, p testutil.RawParams) map[string]any {
	h.t.Helper()
	out, err := h.try(action, p)
	require.NoError(h.t, err, action)
	return out
}

// refuse is try that must fail with an *APIError, which it returns.
func (h *harness) refuse(action string, p testutil.RawParams) *outboundbot.APIError {
	h.t.Helper()
	_, err := h.try(action, p)
	var apiErr *outboundbot.APIError
	require.True(h.t, errors.As(err, &apiErr), "%s: got %v, want an *APIError", action, err)
	return apiErr
}

// at walks an answer: at(m, "Script", "ScriptId").
func at(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// str is at for a string member.
func str(v any, path ...string) string { s, _ := at(v, path...).(string); return s }

// num is at for a number member.
func num(v any, path ...string) int { n, _ := at(v, path...).(float64); return int(n) }

// list is at for an array member.
func list(v any, path ...string) []any { l, _ := at(v, path...).([]any); return l }
