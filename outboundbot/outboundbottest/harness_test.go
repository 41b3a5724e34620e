package outboundbottest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// harness calls a fake by action name, in the example instance unless the
// parameters name one (or the action makes one).
type harness struct {
	*testutil.Calls
	srv *outboundbottest.Server
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	srv := outboundbottest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client()
	require.NoError(t, err)
	return &harness{srv: srv, Calls: &testutil.Calls{
		T: t,
		Invoke: func(ctx context.Context, action string, params, out any) error {
			return c.Invoke(ctx, action, params, out)
		},
		Fill: func(action string, p testutil.RawParams) {
			if _, set := p["InstanceId"]; !set && action != "CreateInstance" {
				p["InstanceId"] = outboundbottest.ExampleInstanceID
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
