// Command campaign runs the job an Outbound Bot service exists for: it
// creates a script and a job group, assigns jobs (the people to call) and
// walks their results with an iterator until every call is done.
//
//	go run ./examples/campaign                                # an in-process fake
//	go run ./examples/campaign -real -instance <id>           # your cloud, read-only
//	go run ./examples/campaign -real -instance <id> -write    # your cloud, creating a script, a job group and two jobs
//
// As in the quickstart, a set ALIBABA_CLOUD_ACCESS_KEY_ID also selects the
// cloud; -real=false keeps the fake. Read-only, it lists the instance's
// scripts and job groups and the results of its newest job group.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout))
}

// config is what the flags ask for.
type config struct {
	cloud, write bool
	instance     string
	rounds       int           // how many times the results are read before giving up
	wait         time.Duration // between rounds
}

func parse(args []string, out io.Writer) (config, error) {
	fs := flag.NewFlagSet("campaign", flag.ContinueOnError)
	fs.SetOutput(out)
	var c config
	fs.BoolVar(&c.cloud, "real", os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") != "", "run against your cloud account (credentials from the default chain)")
	fs.BoolVar(&c.write, "write", false, "on the cloud, create a script, a job group and jobs (without it the run only reads)")
	fs.StringVar(&c.instance, "instance", "", "the Outbound Bot instance to work in (the fake's own when empty)")
	fs.IntVar(&c.rounds, "rounds", 5, "how many times to read the results while calls are in progress")
	fs.DurationVar(&c.wait, "wait", 0, "the pause between rounds (the fake needs none; the cloud a minute or so)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.cloud && c.instance == "" {
		fmt.Fprintln(out, "campaign: -real needs -instance, the Outbound Bot instance to work in")
		return c, errors.New("no instance")
	}
	return c, nil
}

func run(ctx context.Context, args []string, out io.Writer) int {
	cfg, err := parse(args, out)
	if err != nil {
		return 2
	}
	var client *outboundbot.Client
	if cfg.cloud {
		fmt.Fprintf(out, "campaign: against the cloud, instance %s (%s)\n", cfg.instance, mode(cfg.write))
		client, err = outboundbot.New(outboundbot.Options{Region: "cn-shanghai"})
	} else {
		fmt.Fprintln(out, "campaign: against an in-process fake (-real for your cloud)")
		srv := outboundbottest.NewServer()
		defer srv.Close()
		// The fake is yours to change: the run writes, in its own instance.
		cfg.write, cfg.instance = true, outboundbottest.ExampleInstanceID
		client, err = srv.Client()
	}
	if err == nil {
		c := &campaign{client: client, cfg: cfg, out: out}
		if cfg.write {
			err = c.runJob(ctx)
		} else {
			err = c.look(ctx)
		}
	}
	if err != nil {
		fmt.Fprintln(out, "campaign:", err)
		return 1
	}
	return 0
}

func mode(write bool) string {
	if write {
		return "writing"
	}
	return "read-only; -write to create"
}

// campaign is one run's client, settings and output.
type campaign struct {
	client *outboundbot.Client
	cfg    config
	out    io.Writer
}

// runJob creates a script and a job group, assigns two jobs and follows
// them until each call has ended.
func (c *campaign) runJob(ctx context.Context) error {
	in := c.cfg.instance
	script, err := c.client.CreateScript(ctx, &outboundbot.CreateScriptRequest{
		InstanceID:        in,
		ScriptName:        "satisfaction-follow-up-" + time.Now().UTC().Format("20060102-150405"),
		ScriptDescription: "asks customers how satisfied they are",
		Industry:          "教育",
		Scene:             "回访",
	})
	if err != nil {
		return fmt.Errorf("creating the script: %w", err)
	}
	fmt.Fprintf(c.out, "script     %s  %s\n", script.Script.ScriptID, script.Script.ScriptName)

	group, err := c.client.CreateJobGroup(ctx, &outboundbot.CreateJobGroupRequest{
		InstanceID:   in,
		JobGroupName: "follow-up calls",
		ScriptID:     script.Script.ScriptID,
	})
	if err != nil {
		return fmt.Errorf("creating the job group: %w", err)
	}
	groupID := group.JobGroup.JobGroupID
	fmt.Fprintf(c.out, "job group  %s  %s\n", groupID, group.JobGroup.JobGroupName)

	jobs, err := jobTexts([]person{{"Li Lei", "1390000****"}, {"Han Meimei", "1380000****"}})
	if err != nil {
		return err
	}
	assigned, err := c.client.AssignJobs(ctx, &outboundbot.AssignJobsRequest{InstanceID: in, JobGroupID: groupID, JobsJSON: jobs})
	if err != nil {
		return fmt.Errorf("assigning the jobs: %w", err)
	}
	fmt.Fprintf(c.out, "assigned   %d jobs\n", len(assigned.JobsID))
	return c.follow(ctx, groupID, len(jobs))
}

// person is someone a job calls.
type person struct{ name, phone string }

// jobTexts writes the jobs as AssignJobs takes them: one JSON text each.
func jobTexts(people []person) ([]string, error) {
	var texts []string
	for i, p := range people {
		b, err := json.Marshal(map[string]any{
			"referenceId": fmt.Sprintf("customer-%d", i+1),
			"contacts":    []map[string]string{{"name": p.name, "phoneNumber": p.phone, "referenceId": fmt.Sprintf("customer-%d", i+1)}},
		})
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(b))
	}
	return texts, nil
}

// follow reads the job group's results, round after round, until every
// one of its want jobs has an outcome or the rounds run out.
func (c *campaign) follow(ctx context.Context, groupID string, want int) error {
	for round := 1; round <= c.cfg.rounds; round++ {
		done, n := 0, 0
		fmt.Fprintf(c.out, "results, round %d:\n", round)
		req := &outboundbot.QueryJobsWithResultRequest{InstanceID: c.cfg.instance, JobGroupID: groupID}
		for job, err := range c.client.QueryJobsWithResultAll(ctx, req) {
			if err != nil {
				return fmt.Errorf("reading the results: %w", err)
			}
			n++
			if finished(job.Status) {
				done++
			}
			fmt.Fprintf(c.out, "  %-38s %-10s %s\n", job.ID, job.Status, job.StatusName)
		}
		if n >= want && done == n {
			fmt.Fprintf(c.out, "every call has ended (%d of %d)\n", done, n)
			return nil
		}
		if err := sleep(ctx, c.cfg.wait); err != nil {
			return err
		}
	}
	fmt.Fprintln(c.out, "calls are still in progress; run again later to read their results")
	return nil
}

// finished reports whether a job status is an outcome, not progress.
func finished(status string) bool {
	switch status {
	case "Scheduling", "Executing", "Paused", "":
		return false
	}
	return true
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// look is the read-only run: the instance's scripts, its job groups, and
// the results of the newest one.
func (c *campaign) look(ctx context.Context) error {
	in := c.cfg.instance
	fmt.Fprintln(c.out, "scripts:")
	for s, err := range c.client.ListScriptsAll(ctx, &outboundbot.ListScriptsRequest{InstanceID: in}) {
		if err != nil {
			return fmt.Errorf("listing the scripts: %w", err)
		}
		fmt.Fprintf(c.out, "  %-38s %-10s %s\n", s.ScriptID, s.Status, s.ScriptName)
	}
	var newest outboundbot.JobGroup
	fmt.Fprintln(c.out, "job groups:")
	for g, err := range c.client.ListJobGroupsAll(ctx, &outboundbot.ListJobGroupsRequest{InstanceID: in}) {
		if err != nil {
			return fmt.Errorf("listing the job groups: %w", err)
		}
		fmt.Fprintf(c.out, "  %-38s %-10s %s\n", g.JobGroupID, g.Status, g.JobGroupName)
		if g.CreationTime.After(newest.CreationTime) {
			newest = g
		}
	}
	if newest.JobGroupID == "" {
		fmt.Fprintln(c.out, "no job group yet; -write creates one")
		return nil
	}
	c.cfg.rounds = 1
	return c.follow(ctx, newest.JobGroupID, 0)
}
