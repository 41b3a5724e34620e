package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func TestCallOptions(t *testing.T) {
	var out bytes.Buffer
	start := time.Now()
	require.Equal(t, 0, run(t.Context(), nil, &out))
	assert.Less(t, time.Since(start), 4*time.Second, "the 200 ms timeout must not wait for the fake's 5 s latency")

	got := out.String()
	for _, want := range []string{
		"Retry.MaxAttempts 1, one InternalError: 1 attempt, errors.Is(err, ErrServer) = true\n",
		`level=DEBUG msg="typedcloud: attempt" product=outboundbot operation=DescribeInstance attempt=1 status=500 request_id=00000000-0000-4000-8000-000000000002 error="outboundbot DescribeInstance: InternalError (HTTP 500, request 00000000-0000-4000-8000-000000000002)"`,
		`attempt=2 status=500 request_id=00000000-0000-4000-8000-000000000003`,
		`attempt=3 status=200 request_id=00000000-0000-4000-8000-000000000004` + "\n",
		"Timeout 200ms, the fake answers in 5s: gave up after ",
		"errors.Is(err, context.DeadlineExceeded) = true\n",
		"  3 attempts, the third answered \"第一个实例\"\n",
		"client options afterwards: Timeout=0s Retry.MaxAttempts=0 (0 means 3) Logger=<nil>\n",
	} {
		assert.Contains(t, got, want)
	}
	assert.Equal(t, 3, strings.Count(got, "typedcloud: attempt"), "one log line per attempt of the logged call only")
	assert.NotContains(t, got, outboundbottest.AccessKeySecret)
	assert.NotContains(t, got, "latency=")
}
