package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/typedcloud/sdk-go/ccc"
)

const cccTitle = "Contact Center (ccc, API 2020-07-01)"

// cccDemo is the demo instance a writing walk creates and deletes.
type cccDemo struct {
	domain string        // its DomainName, which becomes its ID; "" writes nothing
	admin  string        // the RAM user ID CreateInstance imports as its administrator
	poll   time.Duration // the wait between reads while it is created or deleted
}

// maxPolls bounds the reads of a demo instance being created or deleted.
const maxPolls = 120

// cccWalk lists every instance through the iterator and gets the first;
// with a demo domain it then creates the demo instance, waits until it is
// created, deletes it and waits until it is gone.
func cccWalk(c *ccc.Client, demo cccDemo) walk {
	const product = "ccc"
	return walk{title: cccTitle, run: func(ctx context.Context, r *report) bool {
		r.section(cccTitle)
		var rows [][]string
		var first string
		for in, err := range c.ListInstancesAll(ctx, nil) {
			if err != nil {
				r.fail(product, "ListInstances", err)
				return false
			}
			if first == "" {
				first = in.ID
			}
			rows = append(rows, []string{in.ID, shorten(in.Name, 24), string(in.Status), fmt.Sprint(len(in.NumberList))})
		}
		r.step("ListInstancesAll", count(len(rows), "instance")+" through the iterator", "")
		r.table([]string{"INSTANCE ID", "NAME", "STATUS", "NUMBERS"}, rows)
		if first == "" {
			r.note("no instance to get in this region")
		} else {
			got, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: first})
			if err != nil {
				r.fail(product, "GetInstance", err)
				return false
			}
			in := got.Instance
			r.step("GetInstance", fmt.Sprintf("%q is %s with %s; console %s", in.Name, in.Status, count(len(in.AdminList), "admin"), in.ConsoleURL), got.RequestID)
		}
		if demo.domain == "" {
			return true
		}
		if demo.admin == "" {
			r.note("no demo instance: CreateInstance needs an administrator; give -ccc-admin <RAM user ID>")
			return true
		}
		return cccDemoLifecycle(ctx, r, c, demo)
	}}
}

// cccDemoLifecycle creates the demo instance, waits until it is created,
// deletes it and waits until it is gone. Both run in the background on the
// service, hence the waits.
func cccDemoLifecycle(ctx context.Context, r *report, c *ccc.Client, demo cccDemo) bool {
	const product = "ccc"
	created, err := c.CreateInstance(ctx, &ccc.CreateInstanceRequest{
		Name: demo.domain, DomainName: demo.domain, Description: "created by the typedcloud quickstart",
		AdminRAMIDList: []string{demo.admin},
	})
	if err != nil {
		r.fail(product, "CreateInstance", err)
		return false
	}
	id := created.InstanceID
	r.step("CreateInstance", fmt.Sprintf("started creating %q: workflow %s", id, created.WorkflowID), created.RequestID)

	got, reads, err := pollInstance(ctx, c, id, demo.poll, func(resp *ccc.GetInstanceResponse, err error) bool {
		return err != nil || resp.Instance.Status != ccc.InstanceStatusCreating
	})
	ok := false
	switch {
	case err != nil:
		r.fail(product, "GetInstance", err)
	case got.Instance.Status == ccc.InstanceStatusCreating:
		r.fail(product, "GetInstance", fmt.Errorf("%s is still CREATING after %s", id, count(reads, "read")))
	default:
		ok = true
		r.step("GetInstance", fmt.Sprintf("%q is %s after %s", id, got.Instance.Status, count(reads, "read")), got.RequestID)
	}

	// Delete the demo instance even when waiting for its creation failed.
	deleted, err := c.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: id})
	if err != nil {
		r.fail(product, "DeleteInstance", err)
		r.note("the demo instance %s may be left: delete it in the Contact Center console", id)
		return false
	}
	r.step("DeleteInstance", fmt.Sprintf("deleting %q: task %s", id, deleted.TaskID), deleted.RequestID)

	got, reads, err = pollInstance(ctx, c, id, demo.poll, func(resp *ccc.GetInstanceResponse, err error) bool {
		return err != nil || resp.Instance.Status == ccc.InstanceStatusReleased
	})
	switch {
	case errors.Is(err, ccc.ErrNotFound):
		r.step("GetInstance", "the deleted instance is gone: errors.Is(err, ErrNotFound)", "")
	case err != nil:
		r.fail(product, "GetInstance", err)
		return false
	case got.Instance.Status == ccc.InstanceStatusReleased:
		r.step("GetInstance", "the deleted instance is RELEASED", got.RequestID)
	default:
		r.fail(product, "GetInstance", fmt.Errorf("%s is still %s after %s", id, got.Instance.Status, count(reads, "read")))
		return false
	}
	return ok
}

// pollInstance reads the instance until settled says the answer (the
// instance, or the error of its absence) is final, waiting poll between
// reads and reading at most maxPolls times. It returns the last answer and
// the number of reads.
func pollInstance(ctx context.Context, c *ccc.Client, id string, poll time.Duration,
	settled func(*ccc.GetInstanceResponse, error) bool) (*ccc.GetInstanceResponse, int, error) {
	for reads := 1; ; reads++ {
		resp, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: id})
		if settled(resp, err) || reads == maxPolls {
			return resp, reads, err
		}
		if err := sleep(ctx, poll); err != nil {
			return nil, reads, err
		}
	}
}

// sleep waits d, or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
