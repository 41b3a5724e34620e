package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// runCredentials runs the program with none of the variables it reads set,
// except vars, and the ECS metadata service disabled.
func runCredentials(t *testing.T, vars map[string]string, args ...string) (int, string) {
	t.Helper()
	for _, k := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ROLE_ARN",
		"ALIBABA_CLOUD_ROLE_SESSION_NAME", "ALIBABA_CLOUD_ECS_METADATA"} {
		t.Setenv(k, "")
	}
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
	for k, v := range vars {
		t.Setenv(k, v)
	}
	var out bytes.Buffer
	code := run(t.Context(), args, &out)
	return code, out.String()
}

func TestCredentials(t *testing.T) {
	code, out := runCredentials(t, nil)
	require.Equal(t, 0, code, out)
	for _, want := range []string{
		"sts: ListInstances succeeded; the fake recorded AccessKeyId=STS.TypedcloudFakeKey SecurityToken=REDACTED\n",
		"rotation: one call, the credential was asked once per attempt:\n" +
			"  attempt 1: AccessKeyId=LTAI5tTypedcloudFakeKey -> HTTP 400 Throttling.User\n" +
			"  attempt 2: AccessKeyId=STS.TypedcloudFakeKey SecurityToken=REDACTED -> HTTP 200\n",
		"ram_role_arn: built for role acs:ram::1234567890123456:role/outboundbot-operator; asks STS AssumeRole on first use\n",
		"ecs_ram_role: not built: IMDS credentials is disabled (ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)\n",
		"The roles were built, not used.",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, outboundbottest.SecurityToken)
	assert.NotContains(t, out, outboundbottest.STSAccessKeySecret)
}

// Building the roles reads the environment and calls nothing: no STS, no
// metadata service, even with the metadata service enabled.
func TestCredentialsBuildsRolesFromTheEnvironment(t *testing.T) {
	code, out := runCredentials(t, map[string]string{
		"ALIBABA_CLOUD_ROLE_ARN":              "acs:ram::1111111111111111:role/ops",
		"ALIBABA_CLOUD_ECS_METADATA":          "EcsOps",
		"ALIBABA_CLOUD_ECS_METADATA_DISABLED": "",
	})
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "ram_role_arn: built for role acs:ram::1111111111111111:role/ops;")
	assert.Contains(t, out, "ecs_ram_role: built for role EcsOps; asks the ECS metadata service on first use\n")
}

func TestCredentialsRealNeedsARole(t *testing.T) {
	code, out := runCredentials(t, nil, "-real")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "credentials: -real needs a role that could be built")
}
