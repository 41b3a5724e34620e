package outboundbot_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// TestModifyInstanceClearsDescription: a pointer to "" is sent as an empty
// InstanceDescription, which clears it; nil leaves it as it is.
func TestModifyInstanceClearsDescription(t *testing.T) {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	capture := &testutil.Capture{Next: http.DefaultClient}
	c, err := srv.Client(func(o *outboundbot.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	ctx := t.Context()
	id := outboundbottest.ExampleInstanceID

	_, err = c.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{InstanceID: id, MaxConcurrentConversation: 2})
	require.NoError(t, err)
	assert.NotContains(t, capture.Last(t), "InstanceDescription", "nil is not sent")
	got, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: id})
	require.NoError(t, err)
	require.NotEmpty(t, got.Instance.InstanceDescription, "nil keeps the description")

	_, err = c.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{InstanceID: id, MaxConcurrentConversation: 2,
		InstanceDescription: outboundbot.String("")})
	require.NoError(t, err)
	assert.Contains(t, capture.Last(t), "InstanceDescription=\n", "a pointer to \"\" is sent empty")
	got, err = c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: id})
	require.NoError(t, err)
	assert.Empty(t, got.Instance.InstanceDescription, "an empty value clears it")
}

// TestListInstancesOmitsEmptyTagValue: a tag filter without a Value sends
// Tag.N.Key alone, as the official SDKs do, not an empty Tag.N.Value.
func TestListInstancesOmitsEmptyTagValue(t *testing.T) {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	capture := &testutil.Capture{Next: http.DefaultClient}
	c, err := srv.Client(func(o *outboundbot.Options) { o.HTTPClient = capture })
	require.NoError(t, err)
	_, err = c.ListInstances(t.Context(), &outboundbot.ListInstancesRequest{Tags: []outboundbot.Tag{{Key: "team"}, {Key: "age", Value: "20"}}})
	require.NoError(t, err)
	sent := capture.Last(t)
	assert.Contains(t, sent, "Tag.1.Key=team")
	assert.NotContains(t, sent, "Tag.1.Value")
	assert.Contains(t, sent, "Tag.2.Value=20")
}
