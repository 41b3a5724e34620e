package ccctest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// harness calls a fake by action name, in the example instance unless the
// parameters name one (or the action takes none).
type harness struct {
	*testutil.Calls
	srv *ccctest.Server
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	srv := ccctest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client()
	require.NoError(t, err)
	return &harness{srv: srv, Calls: &testutil.Calls{
		T: t,
		Invoke: func(ctx context.Context, action string, params, out any) error {
			return c.Invoke(ctx, action, params, out)
		},
		Fill: func(action string, p testutil.RawParams) {
			if _, set := p["InstanceId"]; !set && action != "CreateInstance" && action != "ImportCorpNumbers" {
				p["InstanceId"] = ccctest.ExampleInstanceID
			}
		},
	}}
}

func (h *harness) call(action string, p testutil.RawParams) map[string]any {
	h.T.Helper()
	return h.Call(action, p)
}

var (
	at   = testutil.At
	str  = testutil.Str
	num  = testutil.Num
	list = testutil.List
)

// ids are the values of member name of each element of items.
func ids(items []any, name string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, str(it, name))
	}
	return out
}
