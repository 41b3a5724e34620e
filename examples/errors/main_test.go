package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func TestErrors(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(t.Context(), nil, &out))
	got := out.String()
	for _, want := range []string{
		"an unknown instance ID\n  errors.Is: ErrNotFound\n  errors.As: *APIError Code=NotExist.Instance HTTPStatus=404 RequestID=00000000-0000-4000-8000-000000000001\n" +
			"             Recommend=https://api.aliyun.com/troubleshoot?q=NotExist.Instance&product=OutboundBot&requestId=00000000-0000-4000-8000-000000000001\n" +
			"  Error():   outboundbot DescribeInstance: NotExist.Instance: The specified Instance does not exist. (HTTP 404, request 00000000-0000-4000-8000-000000000001)\n",
		"a name that is taken\n  errors.Is: ErrConflict\n  errors.As: *APIError Code=InvalidInstanceName.Duplicated HTTPStatus=400",
		"throttled on all 3 attempts\n  errors.Is: ErrThrottled\n  errors.As: *APIError Code=Throttling.User HTTPStatus=400 RequestID=00000000-0000-4000-8000-000000000005",
		"a wrong AccessKey secret\n  errors.Is: ErrAuth\n  errors.As: *APIError Code=SignatureDoesNotMatch",
		`errors.Is: ErrInvalidParameter` + "\n" +
			`  errors.As: *ValidationError Fields=["InstanceName is required" "MaxConcurrentConversation must be greater than 0" "CallingNumber[0] must not be empty"]`,
		"a gateway's HTML page, on all 3 attempts\n  errors.Is: ErrServer\n  errors.As: *DecodeError HTTPStatus=502 Snippet=\"<html><body>502 Bad Gateway</body></html>\"",
		"a server that is gone\n  errors.Is: ErrServer\n  errors.As: *OperationError Attempts=3 DeadlineExceeded=false\n",
		"connect: connection refused",
		"a 200 ms deadline and a slow server\n  errors.Is: context.DeadlineExceeded\n  errors.As: *OperationError Attempts=1 DeadlineExceeded=true\n",
	} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, outboundbottest.AccessKeySecret, "no secret in any error")
	assert.NotContains(t, got, "no category")
}
