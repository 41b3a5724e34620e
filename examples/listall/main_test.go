package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runListall(t *testing.T, args ...string) (int, string) {
	t.Helper()
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "") // the fakes, whatever the shell has
	var out bytes.Buffer
	code := run(t.Context(), args, &out)
	return code, out.String()
}

func TestListall(t *testing.T) {
	code, out := runListall(t)
	require.Equal(t, 0, code, out)
	for _, want := range []string{
		"listall: against the embedded fakes",
		"    1  90515b5-6115-4ccf-83e2-52d5bfaf2ddf    第一个实例",
		"   13  0000000d-0b07-4000-8000-000000000013   bot-12",
		"  13 instances, in 3 ListInstances requests",
		"    7  bot-06\n  stopped after 7, in 2 ListInstances requests",
		"  ccc-test   RUNNING  云呼测试实例\n  sales      RUNNING  Sales\n  2 instances",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "Not the user's")
}

func TestListallStopsEarly(t *testing.T) {
	code, out := runListall(t, "-n", "3")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "    3  bot-02\n  stopped after 3, in 1 ListInstances requests")
}

func TestListallBadFlag(t *testing.T) {
	code, out := runListall(t, "-nope")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "-real")
}
