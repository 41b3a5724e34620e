package main

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func runCampaign(t *testing.T, args ...string) (int, string) {
	t.Helper()
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "") // the fake, whatever the shell has
	var out bytes.Buffer
	code := run(t.Context(), args, &out)
	return code, out.String()
}

func TestCampaignRunsTheJobOnTheFake(t *testing.T) {
	code, out := runCampaign(t)
	require.Equal(t, 0, code, out)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^campaign: against an in-process fake`),
		regexp.MustCompile(`(?m)^script     \S+  satisfaction-follow-up-\d{8}-\d{6}$`),
		regexp.MustCompile(`(?m)^job group  \S+  follow-up calls$`),
		regexp.MustCompile(`(?m)^assigned   2 jobs$`),
		regexp.MustCompile(`(?s)round 1:\n  \S+ +Scheduling .*\n  \S+ +Scheduling `),
		regexp.MustCompile(`(?m)^every call has ended \(2 of 2\)$`),
	} {
		assert.Regexp(t, want, out)
	}
}

func TestCampaignGivesUpAfterItsRounds(t *testing.T) {
	code, out := runCampaign(t, "-rounds", "1")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "calls are still in progress")
	assert.NotContains(t, out, "every call has ended")
}

func TestCampaignOnTheCloudNeedsAnInstance(t *testing.T) {
	code, out := runCampaign(t, "-real")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "-real needs -instance")
}

func TestCampaignReadOnlyOnTheFake(t *testing.T) {
	// The read-only walk, run on the fake by hand: no script or job group
	// yet, so it says how to create one.
	var out bytes.Buffer
	cfg := config{instance: outboundbottest.ExampleInstanceID, rounds: 1}
	c := fakeCampaign(t, cfg, &out)
	require.NoError(t, c.look(t.Context()))
	assert.Contains(t, out.String(), "scripts:")
	assert.Contains(t, out.String(), "no job group yet; -write creates one")
}

// fakeCampaign is a campaign on a fresh fake, closed with the test.
func fakeCampaign(t *testing.T, cfg config, out *bytes.Buffer) *campaign {
	t.Helper()
	srv := outboundbottest.NewServer()
	t.Cleanup(srv.Close)
	client, err := srv.Client()
	require.NoError(t, err)
	return &campaign{client: client, cfg: cfg, out: out}
}
