package ccc_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// TestModifyInstanceClearsDescription: a pointer to "" is sent as an empty
// Description, which clears it; nil sends nothing and keeps it.
func TestModifyInstanceClearsDescription(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	capture := &testutil.Capture{Next: http.DefaultClient}
	c, err := srv.Client(func(o *ccc.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	ctx := t.Context()
	id := ccctest.ExampleInstanceID

	_, err = c.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: id})
	require.NoError(t, err)
	assert.NotContains(t, capture.Last(t), "Description", "nil is not sent")
	got, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: id})
	require.NoError(t, err)
	require.NotEmpty(t, got.Instance.Description, "nil keeps the description")

	_, err = c.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: id, Description: ccc.String("")})
	require.NoError(t, err)
	assert.Contains(t, capture.Last(t), "Description=\n", "a pointer to \"\" is sent empty")
	got, err = c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: id})
	require.NoError(t, err)
	assert.Empty(t, got.Instance.Description, "an empty value clears it")
}
