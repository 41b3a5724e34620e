package ccc_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/fakeserver"
)

// describeParams and describeAnswer are GetInstance as a caller of
// Invoke would write it.
type describeParams struct {
	InstanceID string `url:"InstanceId"`
}

type describeAnswer struct {
	RequestID string `json:"RequestId"`
	Data      struct {
		ID   string `json:"Id"`
		Name string
	}
}

func newInvokeClient(t *testing.T) (*ccctest.Server, *ccc.Client) {
	t.Helper()
	srv := ccctest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(func(o *ccc.Options) { o.Retry.BaseDelay, o.Retry.MaxDelay = time.Millisecond, time.Millisecond })
	require.NoError(t, err)
	return srv, c
}

// TestInvokeModelledAction: a modelled action called through Invoke sends
// what the typed method sends and decodes the same answer.
func TestInvokeModelledAction(t *testing.T) {
	srv, c := newInvokeClient(t)
	typed, err := c.GetInstance(t.Context(), &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
	require.NoError(t, err)
	var out describeAnswer
	require.NoError(t, c.InvokeRead(t.Context(), "GetInstance", describeParams{ccctest.ExampleInstanceID}, &out))
	assert.NotEmpty(t, out.RequestID)
	assert.Equal(t, typed.Instance.ID, out.Data.ID)
	assert.Equal(t, typed.Instance.Name, out.Data.Name)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, reqs[0].Params["InstanceId"], reqs[1].Params["InstanceId"])
}

// TestInvokeErrors: an unknown action is the fake's *APIError; a write is
// not resent after a 500, a read is; bad arguments fail before any I/O.
func TestInvokeErrors(t *testing.T) {
	srv, c := newInvokeClient(t)
	err := c.Invoke(t.Context(), "NoSuchAction", nil, nil)
	var apiErr *ccc.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidAction.NotFound", apiErr.Code)
	assert.ErrorIs(t, err, ccc.ErrInvalidParameter)

	params := describeParams{ccctest.ExampleInstanceID}
	srv.Inject(fakeserver.Fault{Action: "GetInstance", Code: "InternalError", Status: 500})
	err = c.Invoke(t.Context(), "GetInstance", params, nil)
	assert.ErrorIs(t, err, ccc.ErrServer)
	assert.Equal(t, 1, srv.Received("GetInstance"), "a write is sent once")

	srv.Inject(fakeserver.Fault{Action: "GetInstance", Code: "InternalError", Status: 500})
	require.NoError(t, c.InvokeRead(t.Context(), "GetInstance", params, new(describeAnswer)))
	assert.Equal(t, 3, srv.Received("GetInstance"), "a read is retried")

	srv.ResetRequests()
	var out describeAnswer
	for name, call := range map[string]func() error{
		"nil ctx":       func() error { return c.Invoke(nilContext(), "GetInstance", params, &out) },
		"empty action":  func() error { return c.Invoke(t.Context(), "", params, &out) },
		"bad action":    func() error { return c.Invoke(t.Context(), "Get\r\nInstance", params, &out) },
		"out not a ptr": func() error { return c.Invoke(t.Context(), "GetInstance", params, out) },
		"params":        func() error { return c.Invoke(t.Context(), "GetInstance", 42, &out) },
	} {
		err := call()
		var opErr *ccc.OperationError
		if assert.ErrorAs(t, err, &opErr, name) {
			assert.Zero(t, opErr.Attempts, name)
		}
	}
	assert.Empty(t, srv.Requests(), "nothing is sent")
}

// nilContext returns a nil context.Context (vet refuses a literal nil).
func nilContext() context.Context { return nil }

func ExampleClient_InvokeRead() {
	client, srv := startFake()
	defer srv.Close()

	// GetInstance, as a caller writes an action this package does not
	// model yet: the parameters with url tags, the answer with json tags.
	params := struct {
		InstanceID string `url:"InstanceId"`
	}{ccctest.ExampleInstanceID}
	var out struct {
		Data struct{ Name string }
	}
	if err := client.InvokeRead(context.Background(), "GetInstance", params, &out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.Data.Name)

	err := client.Invoke(context.Background(), "NoSuchAction", nil, nil)
	fmt.Println(errors.Is(err, ccc.ErrInvalidParameter))
	// Output:
	// 云呼测试实例
	// true
}
