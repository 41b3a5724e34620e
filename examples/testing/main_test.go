package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(t.Context(), nil, &out))
	assert.Equal(t, "testing: the Provisioner against the embedded fake; its tests are in provisioner_test.go\n"+
		"  ensure \"follow-up-night\" created 00000001-0b07-4000-8000-000000000001\n"+
		"  ensure \"follow-up\"      created 00000002-0b07-4000-8000-000000000002\n"+
		"  ensure \"follow-up\"      found   00000002-0b07-4000-8000-000000000002\n"+
		"the fake holds 2 instances after 2 CreateInstance requests\n", out.String())
}
