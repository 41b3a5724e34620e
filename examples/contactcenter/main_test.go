package main

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc/ccctest"
)

func runContactCenter(t *testing.T, args ...string) (int, string) {
	t.Helper()
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "") // the fake, whatever the shell has
	var out bytes.Buffer
	code := run(t.Context(), args, &out)
	return code, out.String()
}

func TestContactCenterSetsUpAnInstanceOnTheFake(t *testing.T) {
	code, out := runContactCenter(t)
	require.Equal(t, 0, code, out)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^instance    support-desk  \(workflow \S+\)$`),
		regexp.MustCompile(`(?m)^status      CREATING\nstatus      RUNNING$`),
		regexp.MustCompile(`(?m)^user        agent1@support-desk  Agent One$`),
		regexp.MustCompile(`(?m)^skill group support@support-desk$`),
		regexp.MustCompile(`(?m)^assigned    agent1 and 02100000001 to support$`),
		regexp.MustCompile(`(?m)^  agent1@support-desk +Agent +Agent One$`),
		regexp.MustCompile(`(?m)^  support@support-desk +1 users, 1 numbers$`),
		regexp.MustCompile(`(?m)^  02100000001 +Bidirection +active=true$`),
		regexp.MustCompile(`(?m)^1 call records$`),
	} {
		assert.Regexp(t, want, out)
	}
}

func TestContactCenterGivesUpOnAnInstanceStillCreating(t *testing.T) {
	code, out := runContactCenter(t, "-tries", "1")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "instance support-desk is still being created")
}

func TestContactCenterShowsAnInstanceReadOnly(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	client, err := srv.Client()
	require.NoError(t, err)
	var out bytes.Buffer
	a := &admin{client: client, out: &out}
	require.NoError(t, a.show(t.Context(), ccctest.ExampleInstanceID))
	assert.Regexp(t, `(?m)^users:\n  user-test@ccc-test `, out.String())
	assert.Contains(t, out.String(), "call records of the last day:")
}

func TestContactCenterOnTheCloudNeedsItsFlags(t *testing.T) {
	for _, args := range [][]string{{"-real"}, {"-real", "-write", "-domain", "d"}} {
		code, out := runContactCenter(t, args...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, out, "contactcenter: -real", args)
	}
}
