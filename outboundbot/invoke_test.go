package outboundbot_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// describeParams and describeAnswer are DescribeInstance as a caller of
// Invoke would write it.
type describeParams struct {
	InstanceID string `url:"InstanceId"`
}

type describeAnswer struct {
	RequestID string `json:"RequestId"`
	Instance  struct {
		InstanceID   string `json:"InstanceId"`
		InstanceName string
	}
}

func newInvokeClient(t *testing.T) (*outboundbottest.Server, *outboundbot.Client) {
	t.Helper()
	srv := outboundbottest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(func(o *outboundbot.Options) { o.Retry.BaseDelay, o.Retry.MaxDelay = time.Millisecond, time.Millisecond })
	require.NoError(t, err)
	return srv, c
}

// TestInvokeModelledAction: a modelled action called through Invoke sends
// what the typed method sends and decodes the same answer.
func TestInvokeModelledAction(t *testing.T) {
	srv, c := newInvokeClient(t)
	typed, err := c.DescribeInstance(t.Context(), &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
	require.NoError(t, err)
	var out describeAnswer
	require.NoError(t, c.InvokeRead(t.Context(), "DescribeInstance", describeParams{outboundbottest.ExampleInstanceID}, &out))
	assert.NotEmpty(t, out.RequestID)
	assert.Equal(t, typed.Instance.InstanceID, out.Instance.InstanceID)
	assert.Equal(t, typed.Instance.InstanceName, out.Instance.InstanceName)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, reqs[0].Params["InstanceId"], reqs[1].Params["InstanceId"])
}

// TestInvokeErrors: an unknown action is the fake's *APIError; a write is
// not resent after a 500, a read is; bad arguments fail before any I/O.
func TestInvokeErrors(t *testing.T) {
	srv, c := newInvokeClient(t)
	err := c.Invoke(t.Context(), "NoSuchAction", nil, nil)
	var apiErr *outboundbot.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidAction.NotFound", apiErr.Code)
	assert.ErrorIs(t, err, outboundbot.ErrInvalidParameter)

	params := describeParams{outboundbottest.ExampleInstanceID}
	srv.Inject(fakeserver.Fault{Action: "DescribeInstance", Code: "InternalError", Status: 500})
	err = c.Invoke(t.Context(), "DescribeInstance", params, nil)
	assert.ErrorIs(t, err, outboundbot.ErrServer)
	assert.Equal(t, 1, srv.Received("DescribeInstance"), "a write is sent once")

	srv.Inject(fakeserver.Fault{Action: "DescribeInstance", Code: "InternalError", Status: 500})
	require.NoError(t, c.InvokeRead(t.Context(), "DescribeInstance", params, new(describeAnswer)))
	assert.Equal(t, 3, srv.Received("DescribeInstance"), "a read is retried")

	srv.ResetRequests()
	var out describeAnswer
	for name, call := range map[string]func() error{
		"nil ctx":       func() error { return c.Invoke(nilContext(), "DescribeInstance", params, &out) },
		"empty action":  func() error { return c.Invoke(t.Context(), "", params, &out) },
		"bad action":    func() error { return c.Invoke(t.Context(), "Describe\r\nInstance", params, &out) },
		"out not a ptr": func() error { return c.Invoke(t.Context(), "DescribeInstance", params, out) },
		"params":        func() error { return c.Invoke(t.Context(), "DescribeInstance", 42, &out) },
	} {
		err := call()
		var opErr *outboundbot.OperationError
		if assert.ErrorAs(t, err, &opErr, name) {
			assert.Zero(t, opErr.Attempts, name)
		}
	}
	assert.Empty(t, srv.Requests(), "nothing is sent")
}

// nilContext returns a nil context.Context (vet refuses a literal nil).
func nilContext() context.Context { return nil }

func ExampleClient_InvokeRead() {
	client, done := newExampleClient()
	defer done()

	// DescribeInstance, as a caller writes an action this package does not
	// model yet: the parameters with url tags, the answer with json tags.
	params := struct {
		InstanceID string `url:"InstanceId"`
	}{outboundbottest.ExampleInstanceID}
	var out struct {
		Instance struct{ InstanceName string }
	}
	if err := client.InvokeRead(context.Background(), "DescribeInstance", params, &out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.Instance.InstanceName)

	err := client.Invoke(context.Background(), "NoSuchAction", nil, nil)
	fmt.Println(errors.Is(err, outboundbot.ErrInvalidParameter))
	// Output:
	// 第一个实例
	// true
}
