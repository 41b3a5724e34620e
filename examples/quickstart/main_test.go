package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// envOf returns a getenv reading only vars: the test's own environment
// never leaks in.
func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func runQuickstart(t *testing.T, args []string, vars map[string]string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), args, envOf(vars), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestFakeMode(t *testing.T) {
	code, out, errOut := runQuickstart(t, nil, map[string]string{"HOME": t.TempDir()})
	require.Equal(t, 0, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	for _, want := range []string{
		"running against the embedded fakes (no credentials found)",
		`ok    CreateInstance         created "quickstart-demo"`,
		"ok    DescribeInstance       read it back: 2 concurrent conversations",
		"ok    ListInstancesAll       6 instances through the iterator, fetched in pages of 2",
		"第一个实例",
		`ok    ModifyInstance         description now "modified by the quickstart", concurrency 3`,
		"*APIError InvalidInstanceName.Duplicated (HTTP 400), errors.Is(err, ErrConflict)",
		"ok    DeleteInstance",
		"the deleted instance is gone: errors.Is(err, ErrNotFound)",
		"ok    ListInstancesAll       1 instance through the iterator",
		`ok    GetInstance            "云呼测试实例" is RUNNING`,
		`ok    CreateInstance         started creating "quickstart-ccc": workflow `,
		`ok    GetInstance            "quickstart-ccc" is RUNNING after 2 reads`,
		`ok    DeleteInstance         deleting "quickstart-ccc": task 00000001-de1e-4000-8000-000000000001`,
		"ok    GetInstance            the deleted instance is gone: errors.Is(err, ErrNotFound)",
		"ok    DescribeInstancesAll   5 instances through the iterator, fetched in pages of 2",
		"ok    DescribeInstance       \"MES生产执行系统\"",
		"[request 00000000-0000-4000-8000-",
		"To run against the real cloud",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "FAIL")
	assert.Empty(t, errOut)
}

// fakeCloud starts the three fakes and returns the flags and environment
// that make the quickstart take its real-cloud path against them.
func fakeCloud(t *testing.T, secret string) ([]string, map[string]string) {
	t.Helper()
	ob, cc, ic := outboundbottest.NewServer(), ccctest.NewServer(), industrialcloudtest.NewServer()
	t.Cleanup(func() { ob.Close(); cc.Close(); ic.Close() })
	args := []string{"-endpoint-outboundbot", ob.URL(), "-endpoint-ccc", cc.URL()}
	vars := map[string]string{
		"HOME":                            t.TempDir(),
		"ALIBABA_CLOUD_ACCESS_KEY_ID":     outboundbottest.AccessKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET": secret,
		"INDUSTRIALCLOUD_ENDPOINT":        ic.URL(),
		"INDUSTRIALCLOUD_TOKEN":           industrialcloudtest.Token,
	}
	return args, vars
}

func TestRealModeReadOnly(t *testing.T) {
	args, vars := fakeCloud(t, outboundbottest.AccessKeySecret)
	code, out, errOut := runQuickstart(t, args, vars)
	require.Equal(t, 0, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Contains(t, out, "running against the real cloud (Alibaba Cloud credentials from environment variables; industrial cloud from INDUSTRIALCLOUD_*)")
	assert.Contains(t, out, "ok    ListInstancesAll       1 instance through the iterator, fetched in pages of 100")
	assert.Contains(t, out, `ok    DescribeInstance       "第一个实例", owned by xxxx`)
	assert.Contains(t, out, "ok    GetInstance")
	assert.Contains(t, out, "ok    DescribeInstancesAll")
	assert.NotContains(t, out, "CreateInstance", "read-only by default")
	assert.Contains(t, out, "All steps passed (read-only)")
}

func TestRealModeWrite(t *testing.T) {
	args, vars := fakeCloud(t, outboundbottest.AccessKeySecret)
	code, out, _ := runQuickstart(t, append(args, "-write"), vars)
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, `created "typedcloud-quickstart-`)
	assert.Contains(t, out, "the deleted instance is gone")
	assert.Contains(t, out, "no demo instance: CreateInstance needs an administrator; give -ccc-admin <RAM user ID>")
	assert.NotContains(t, out, "started creating", "no Contact Center instance without an administrator")
}

// TestRealModeWriteCCC: with an administrator, -write creates a Contact
// Center instance, waits until it is created, deletes it and waits until
// it is gone.
func TestRealModeWriteCCC(t *testing.T) {
	args, vars := fakeCloud(t, outboundbottest.AccessKeySecret)
	code, out, _ := runQuickstart(t, append(args, "-write", "-ccc-admin", ccctest.CurrentUserRAMID, "-poll", "1ms"), vars)
	require.Equal(t, 0, code, out)
	assert.Regexp(t, `ok    CreateInstance         started creating "(typedcloud-quickstart-[0-9a-f]{8})": workflow `, out)
	assert.Regexp(t, `ok    GetInstance            "typedcloud-quickstart-[0-9a-f]{8}" is RUNNING after 2 reads`, out)
	assert.Regexp(t, `ok    DeleteInstance         deleting "typedcloud-quickstart-[0-9a-f]{8}": task `, out)
	assert.Contains(t, out, "ok    GetInstance            the deleted instance is gone: errors.Is(err, ErrNotFound)")
	assert.Contains(t, out, "All steps passed.")
}

// TestBadCredential: a wrong secret gives one line per product naming the
// operation, the code and what to check.
func TestBadCredential(t *testing.T) {
	args, vars := fakeCloud(t, "not-the-secret")
	code, out, _ := runQuickstart(t, args, vars)
	assert.Equal(t, 1, code)
	var fails []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "  FAIL") {
			fails = append(fails, line)
		}
	}
	require.Len(t, fails, 2, out)
	for i, product := range []string{"outboundbot", "ccc"} {
		assert.Regexp(t, `^  FAIL  ListInstances +`+product+` ListInstances: SignatureDoesNotMatch \(HTTP 400, request [0-9A-F-]+\): `+
			`the AccessKey secret does not match the AccessKey ID: check ALIBABA_CLOUD_ACCESS_KEY_SECRET$`, fails[i])
	}
	assert.NotContains(t, out, "not-the-secret")
	assert.Contains(t, out, "Some steps failed")
}

func TestDetect(t *testing.T) {
	home := t.TempDir()
	tests := []struct {
		name    string
		vars    map[string]string
		alibaba string
		ic      bool
	}{
		{"nothing", map[string]string{"HOME": home}, "", false},
		{"env", map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s"}, "environment variables", false},
		{"id without secret", map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "id"}, "", false},
		{"oidc", map[string]string{"ALIBABA_CLOUD_ROLE_ARN": "r", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "p", "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "/t"}, "OIDC", false},
		{"ecs role", map[string]string{"ALIBABA_CLOUD_ECS_METADATA": "my-role"}, "the ECS RAM role my-role", false},
		{"industrial", map[string]string{"INDUSTRIALCLOUD_DOMAIN": "d", "INDUSTRIALCLOUD_TOKEN": "t"}, "", true},
		{"industrial without token", map[string]string{"INDUSTRIALCLOUD_DOMAIN": "d"}, "", false},
	}
	for _, tt := range tests {
		env := detect(envOf(tt.vars))
		assert.Equal(t, tt.alibaba, env.alibaba, tt.name)
		assert.Equal(t, tt.ic, env.industrialcloud, tt.name)
	}

	profileHome := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(profileHome, ".alibabacloud"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(profileHome, ".alibabacloud", "credentials"), []byte("[default]\n"), 0o600))
	assert.Equal(t, "the credentials profile file", detect(envOf(map[string]string{"HOME": profileHome})).alibaba)
}

func TestFakeFlagWins(t *testing.T) {
	code, out, _ := runQuickstart(t, []string{"-fake"}, map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s"})
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "running against the embedded fakes (-fake was given)")
}

func TestBadFlags(t *testing.T) {
	code, _, errOut := runQuickstart(t, []string{"-nope"}, nil)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage: go run ./examples/quickstart")
}
