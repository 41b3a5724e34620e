// Command contactcenter runs the first job of a contact-center admin
// service: it creates a Contact Center instance, waits for it to run,
// adds an agent and a skill group, assigns the agent and a phone number to
// the group, and lists the call records with an iterator.
//
//	go run ./examples/contactcenter                                   # an in-process fake
//	go run ./examples/contactcenter -real -instance <id>              # your cloud, read-only
//	go run ./examples/contactcenter -real -write -domain <name> -admin <RAM user ID> -number <number>
//
// As in the quickstart, a set ALIBABA_CLOUD_ACCESS_KEY_ID also selects the
// cloud; -real=false keeps the fake. Read-only, it shows an instance's
// users, skill groups, numbers and the last day's call records. With
// -write it creates a new instance (which the service bills).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout))
}

// config is what the flags ask for.
type config struct {
	cloud, write bool
	instance     string        // read-only: the instance to show
	domain       string        // write: the new instance's domain name, which becomes its ID
	admin        string        // write: the RAM user ID of its administrator
	number       string        // write: a phone number the account owns
	wait         time.Duration // between reads while the instance is being created
	tries        int           // how many reads before giving up on it
}

func parse(args []string, out io.Writer) (config, error) {
	fs := flag.NewFlagSet("contactcenter", flag.ContinueOnError)
	fs.SetOutput(out)
	var c config
	fs.BoolVar(&c.cloud, "real", os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") != "", "run against your cloud account (credentials from the default chain)")
	fs.BoolVar(&c.write, "write", false, "on the cloud, create an instance, a user and a skill group (without it the run only reads)")
	fs.StringVar(&c.instance, "instance", "", "read-only: the instance to show")
	fs.StringVar(&c.domain, "domain", "", "with -write: the new instance's domain name (its ID)")
	fs.StringVar(&c.admin, "admin", "", "with -write: the RAM user ID of its administrator")
	fs.StringVar(&c.number, "number", "", "with -write: a phone number of the account for the instance")
	fs.DurationVar(&c.wait, "wait", 0, "the pause between reads while the instance is created (the cloud needs some seconds)")
	fs.IntVar(&c.tries, "tries", 30, "how many reads to wait for the instance to run")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case c.cloud && c.write && (c.domain == "" || c.admin == "" || c.number == ""):
		fmt.Fprintln(out, "contactcenter: -real -write needs -domain, -admin and -number")
		return c, errors.New("missing flags")
	case c.cloud && !c.write && c.instance == "":
		fmt.Fprintln(out, "contactcenter: -real needs -instance, the instance to show (or -write to create one)")
		return c, errors.New("missing flags")
	}
	return c, nil
}

func run(ctx context.Context, args []string, out io.Writer) int {
	cfg, err := parse(args, out)
	if err != nil {
		return 2
	}
	var client *ccc.Client
	if cfg.cloud {
		fmt.Fprintf(out, "contactcenter: against the cloud (%s)\n", mode(cfg.write))
		client, err = ccc.New(ccc.Options{Region: "cn-shanghai"})
	} else {
		fmt.Fprintln(out, "contactcenter: against an in-process fake (-real for your cloud)")
		srv := ccctest.NewServer()
		defer srv.Close()
		// The fake is yours to change: the run writes, a new instance.
		cfg.write, cfg.domain, cfg.admin, cfg.number = true, "support-desk", ccctest.CurrentUserRAMID, "02100000001"
		client, err = srv.Client()
	}
	if err == nil {
		a := &admin{client: client, cfg: cfg, out: out}
		if cfg.write {
			err = a.setUp(ctx)
		} else {
			err = a.show(ctx, cfg.instance)
		}
	}
	if err != nil {
		fmt.Fprintln(out, "contactcenter:", err)
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

// admin is one run's client, settings and output.
type admin struct {
	client *ccc.Client
	cfg    config
	out    io.Writer
}

// setUp creates the instance and what an agent needs to take calls in it.
func (a *admin) setUp(ctx context.Context) error {
	created, err := a.client.CreateInstance(ctx, &ccc.CreateInstanceRequest{
		Name:           "Support desk",
		DomainName:     a.cfg.domain,
		Description:    "created by examples/contactcenter",
		AdminRAMIDList: []string{a.cfg.admin},
		NumberList:     []string{a.cfg.number},
	})
	if err != nil {
		return fmt.Errorf("creating the instance: %w", err)
	}
	id := created.InstanceID
	fmt.Fprintf(a.out, "instance    %s  (workflow %s)\n", id, created.WorkflowID)
	if err := a.untilRunning(ctx, id); err != nil {
		return err
	}

	user, err := a.client.CreateUser(ctx, &ccc.CreateUserRequest{
		InstanceID:  id,
		LoginName:   "agent1",
		DisplayName: "Agent One",
		Email:       "agent1@example.com",
		RoleID:      "Agent@" + id,
	})
	if err != nil {
		return fmt.Errorf("adding the agent: %w", err)
	}
	fmt.Fprintf(a.out, "user        %s  %s\n", user.User.UserID, user.User.DisplayName)

	group, err := a.client.CreateSkillGroup(ctx, &ccc.CreateSkillGroupRequest{InstanceID: id, Name: "support", DisplayName: "Support"})
	if err != nil {
		return fmt.Errorf("creating the skill group: %w", err)
	}
	groupID := group.SkillGroup.SkillGroupID
	fmt.Fprintf(a.out, "skill group %s\n", groupID)

	levels := fmt.Sprintf(`[{"userId":%q,"skillLevel":5}]`, user.User.UserID)
	if _, err := a.client.AddUsersToSkillGroup(ctx, &ccc.AddUsersToSkillGroupRequest{InstanceID: id, SkillGroupID: groupID, UserSkillLevelList: levels}); err != nil {
		return fmt.Errorf("adding the agent to the skill group: %w", err)
	}
	if _, err := a.client.AddNumbersToSkillGroup(ctx, &ccc.AddNumbersToSkillGroupRequest{InstanceID: id, SkillGroupID: groupID, NumberList: []string{a.cfg.number}}); err != nil {
		return fmt.Errorf("assigning the number: %w", err)
	}
	fmt.Fprintf(a.out, "assigned    %s and %s to %s\n", user.User.LoginName, a.cfg.number, group.SkillGroup.Name)
	return a.show(ctx, id)
}

// untilRunning reads the instance until it has been created.
func (a *admin) untilRunning(ctx context.Context, id string) error {
	for try := 1; try <= a.cfg.tries; try++ {
		got, err := a.client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: id})
		if err != nil {
			return fmt.Errorf("reading the instance: %w", err)
		}
		fmt.Fprintf(a.out, "status      %s\n", got.Instance.Status)
		if got.Instance.Status != "CREATING" {
			return nil
		}
		if err := sleep(ctx, a.cfg.wait); err != nil {
			return err
		}
	}
	return fmt.Errorf("instance %s is still being created; run again later", id)
}

// show lists an instance's users, skill groups and numbers, and the call
// records of the last day, each with its iterator.
func (a *admin) show(ctx context.Context, id string) error {
	fmt.Fprintln(a.out, "users:")
	for u, err := range a.client.ListUsersAll(ctx, &ccc.ListUsersRequest{InstanceID: id}) {
		if err != nil {
			return fmt.Errorf("listing the users: %w", err)
		}
		fmt.Fprintf(a.out, "  %-28s %-10s %s\n", u.UserID, u.RoleName, u.DisplayName)
	}
	fmt.Fprintln(a.out, "skill groups:")
	for g, err := range a.client.ListSkillGroupsAll(ctx, &ccc.ListSkillGroupsRequest{InstanceID: id}) {
		if err != nil {
			return fmt.Errorf("listing the skill groups: %w", err)
		}
		fmt.Fprintf(a.out, "  %-28s %d users, %d numbers\n", g.SkillGroupID, g.UserCount, g.PhoneNumberCount)
	}
	fmt.Fprintln(a.out, "numbers:")
	for n, err := range a.client.ListPhoneNumbersAll(ctx, &ccc.ListPhoneNumbersRequest{InstanceID: id}) {
		if err != nil {
			return fmt.Errorf("listing the numbers: %w", err)
		}
		fmt.Fprintf(a.out, "  %-16s %-12s active=%t\n", n.Number, n.Usage, n.Active)
	}
	now := time.Now()
	fmt.Fprintln(a.out, "call records of the last day:")
	records := 0
	req := &ccc.ListCallDetailRecordsRequest{InstanceID: id, StartTime: now.Add(-24 * time.Hour).UnixMilli(), EndTime: now.UnixMilli()}
	for r, err := range a.client.ListCallDetailRecordsAll(ctx, req) {
		if err != nil {
			return fmt.Errorf("listing the call records: %w", err)
		}
		records++
		fmt.Fprintf(a.out, "  %-24s %-10s %s → %s\n", r.ContactID, r.ContactType, r.CallingNumber, r.CalledNumber)
	}
	fmt.Fprintf(a.out, "%d call records\n", records)
	return nil
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
