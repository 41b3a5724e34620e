package industrialcloud_test

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
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
)

// describeParams and describeAnswer are DescribeInstance as a caller of
// Invoke would write it.
type describeParams struct {
	InstanceUUID string
}

type describeAnswer struct {
	RequestID string `json:"RequestId"`
	Data      struct {
		Instance struct{ UUID, InstanceName string }
	}
}

func newInvokeClient(t *testing.T) (*industrialcloudtest.Server, *industrialcloud.Client) {
	t.Helper()
	srv := industrialcloudtest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(func(o *industrialcloud.Options) {
		o.Retry.BaseDelay, o.Retry.MaxDelay = time.Millisecond, time.Millisecond
	})
	require.NoError(t, err)
	return srv, c
}

// TestInvokeModelledAction: a modelled action called through Invoke sends
// what the typed method sends and decodes the same answer.
func TestInvokeModelledAction(t *testing.T) {
	srv, c := newInvokeClient(t)
	typed, err := c.DescribeInstance(t.Context(), &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	require.NoError(t, err)
	var out describeAnswer
	require.NoError(t, c.InvokeRead(t.Context(), "DescribeInstance", describeParams{industrialcloudtest.ExampleInstanceUUID}, &out))
	assert.NotEmpty(t, out.RequestID)
	assert.Equal(t, typed.Instance.UUID, out.Data.Instance.UUID)
	assert.Equal(t, typed.Instance.InstanceName, out.Data.Instance.InstanceName)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.JSONEq(t, reqs[0].Body, reqs[1].Body, "the same body, Module included")

	err = c.InvokeRead(t.Context(), "DescribeInstance", map[string]string{"InstanceUUID": out.Data.Instance.UUID, "Module": "own"}, nil)
	assert.ErrorIs(t, err, industrialcloud.ErrInvalidParameter, "the fake knows its Module")
	assert.JSONEq(t, `{"InstanceUUID":"`+out.Data.Instance.UUID+`","Module":"own"}`, srv.Requests()[2].Body, "a Module of params is kept")
}

// TestInvokeErrors: an unknown action is the fake's *APIError; a write is
// not resent after a 500, a read is; bad arguments fail before any I/O.
func TestInvokeErrors(t *testing.T) {
	srv, c := newInvokeClient(t)
	err := c.Invoke(t.Context(), "NoSuchAction", nil, nil)
	var apiErr *industrialcloud.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidAction.NotFound", apiErr.Code)
	assert.ErrorIs(t, err, industrialcloud.ErrInvalidParameter)

	params := describeParams{industrialcloudtest.ExampleInstanceUUID}
	srv.Inject(fakeserver.Fault{Action: "DescribeInstance", Code: "InternalError", Status: 500})
	err = c.Invoke(t.Context(), "DescribeInstance", params, nil)
	assert.ErrorIs(t, err, industrialcloud.ErrServer)
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
		"params":        func() error { return c.Invoke(t.Context(), "DescribeInstance", []int{42}, &out) },
	} {
		err := call()
		var opErr *industrialcloud.OperationError
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
	// model yet: the body and the Response object as encoding/json sees them.
	params := map[string]any{"InstanceUUID": industrialcloudtest.ExampleInstanceUUID}
	var out struct {
		Data struct {
			Instance struct{ InstanceName string }
		}
	}
	if err := client.InvokeRead(context.Background(), "DescribeInstance", params, &out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.Data.Instance.InstanceName)

	err := client.Invoke(context.Background(), "NoSuchAction", nil, nil)
	fmt.Println(errors.Is(err, industrialcloud.ErrInvalidParameter))
	// Output:
	// MES生产执行系统
	// true
}
