package testutil

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// Calls runs operations by name with RawParams through a client's Invoke
// and keeps every successful answer by action, for FactGaps. It is safe
// for concurrent use.
type Calls struct {
	T testing.TB
	// Invoke is the client's Invoke (a write: never retried, so a call the
	// fake acts on is acted on once).
	Invoke func(ctx context.Context, action string, params, out any) error
	// Fill, when set, completes the parameters of each call (a default
	// InstanceId).
	Fill func(action string, p RawParams)

	mu      sync.Mutex
	answers map[string][]map[string]any
}

// Try calls action with p and returns the decoded answer.
func (c *Calls) Try(action string, p RawParams) (map[string]any, error) {
	if c.Fill != nil {
		c.Fill(action, p)
	}
	var out map[string]any
	if err := c.Invoke(c.T.Context(), action, Raw(p), &out); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.answers == nil {
		c.answers = map[string][]map[string]any{}
	}
	c.answers[action] = append(c.answers[action], out)
	return out, nil
}

// Call is Try that must succeed.
func (c *Calls) Call(action string, p RawParams) map[string]any {
	c.T.Helper()
	out, err := c.Try(action, p)
	if err != nil {
		c.T.Fatalf("%s: %v", action, err)
	}
	return out
}

// Refuse is Try that must fail with an *APIError, which it returns.
func (c *Calls) Refuse(action string, p RawParams) *apierror.APIError {
	c.T.Helper()
	_, err := c.Try(action, p)
	var apiErr *apierror.APIError
	if !errors.As(err, &apiErr) {
		c.T.Fatalf("%s: got %v, want an *APIError", action, err)
	}
	return apiErr
}

// Answers returns the successful answers so far, by action.
func (c *Calls) Answers() map[string][]map[string]any {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string][]map[string]any, len(c.answers))
	for k, v := range c.answers {
		out[k] = append([]map[string]any(nil), v...)
	}
	return out
}

// At walks a decoded answer by member names: At(m, "Data", "List").
func At(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// Str is At for a string member ("" when it is not one).
func Str(v any, path ...string) string { s, _ := At(v, path...).(string); return s }

// Num is At for a number member (0 when it is not one).
func Num(v any, path ...string) int { n, _ := At(v, path...).(float64); return int(n) }

// List is At for an array member (nil when it is not one).
func List(v any, path ...string) []any { l, _ := At(v, path...).([]any); return l }

// CheckFacts asserts that answers, by action, hold every member the facts
// give each operation of facts (FactGaps), that each operation was
// answered, and that every action answered, but those of skip, has facts.
func CheckFacts(t *testing.T, facts []FactOperation, answers map[string][]map[string]any, skip ...string) {
	listed := map[string]bool{}
	for _, op := range facts {
		listed[op.Name] = true
		t.Run(op.Name, func(t *testing.T) {
			if len(answers[op.Name]) == 0 {
				t.Fatal("no workflow answered it")
			}
			for _, gap := range FactGaps(op, answers[op.Name]) {
				t.Error(gap)
			}
		})
	}
	for action := range answers {
		if !listed[action] && !slices.Contains(skip, action) {
			t.Errorf("%s answered but has no facts", action)
		}
	}
}
