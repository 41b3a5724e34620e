package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/typedcloud/sdk-go/outboundbot"
)

const outboundbotTitle = "Outbound Bot (outboundbot, API 2019-12-26)"

// outboundbotWalk lists every instance through the iterator and describes
// one; with write it first creates a demo instance and afterwards modifies
// it, shows a typed error and deletes it.
func outboundbotWalk(c *outboundbot.Client, write bool, demoName string, pageSize int) walk {
	const product = "outboundbot"
	return walk{title: outboundbotTitle, run: func(ctx context.Context, r *report) bool {
		r.section(outboundbotTitle)
		var demo string
		if write {
			resp, err := c.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{
				InstanceName: demoName, InstanceDescription: "created by the typedcloud quickstart", MaxConcurrentConversation: 2,
			})
			if err != nil {
				r.fail(product, "CreateInstance", err)
				return false
			}
			demo = resp.Instance.InstanceID
			r.step("CreateInstance", fmt.Sprintf("created %q (%s)", demoName, demo), resp.RequestID)

			got, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: demo})
			if err != nil {
				r.fail(product, "DescribeInstance", err)
				return false
			}
			r.step("DescribeInstance", fmt.Sprintf("read it back: %d concurrent conversations, created %s",
				got.Instance.MaxConcurrentConversation, got.Instance.CreationTime.Format("2006-01-02 15:04 MST")), got.RequestID)
		}

		var rows [][]string
		var first string
		for in, err := range c.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: pageSize}) {
			if err != nil {
				r.fail(product, "ListInstances", err)
				return false
			}
			if first == "" {
				first = in.InstanceID
			}
			rows = append(rows, []string{shorten(in.InstanceID, 38), shorten(in.InstanceName, 24),
				strconv.Itoa(in.MaxConcurrentConversation), day(in.CreationTime)})
		}
		r.step("ListInstancesAll", count(len(rows), "instance")+fmt.Sprintf(" through the iterator, fetched in pages of %d", pageSize), "")
		r.table([]string{"INSTANCE ID", "NAME", "CONCURRENCY", "CREATED"}, rows)

		if !write {
			if first == "" {
				r.note("no instance to describe in this region")
				return true
			}
			got, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: first})
			if err != nil {
				r.fail(product, "DescribeInstance", err)
				return false
			}
			r.step("DescribeInstance", fmt.Sprintf("%q, owned by %s", got.Instance.InstanceName, got.Instance.OwnerName), got.RequestID)
			return true
		}
		return outboundbotChanges(ctx, r, c, demo, demoName)
	}}
}

// outboundbotChanges modifies the demo instance, shows the typed error a
// duplicate name gives, deletes it, and shows it is gone.
func outboundbotChanges(ctx context.Context, r *report, c *outboundbot.Client, id, name string) bool {
	const product = "outboundbot"
	mod, err := c.ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{InstanceID: id, InstanceDescription: outboundbot.String("modified by the quickstart"), MaxConcurrentConversation: 3})
	if err != nil {
		r.fail(product, "ModifyInstance", err)
		return false
	}
	r.step("ModifyInstance", fmt.Sprintf("description now %q, concurrency %d", mod.Instance.InstanceDescription, mod.Instance.MaxConcurrentConversation), mod.RequestID)

	_, err = c.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: name, MaxConcurrentConversation: 1})
	var apiErr *outboundbot.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, outboundbot.ErrConflict) {
		r.fail(product, "CreateInstance", fmt.Errorf("creating a duplicate name should fail with ErrConflict, got %v", err))
		return false
	}
	r.step("typed error", fmt.Sprintf("a second %q: *APIError %s (HTTP %d), errors.Is(err, ErrConflict)", name, apiErr.Code, apiErr.HTTPStatus), apiErr.RequestID)

	del, err := c.DeleteInstance(ctx, &outboundbot.DeleteInstanceRequest{InstanceID: id})
	if err != nil {
		r.fail(product, "DeleteInstance", err)
		return false
	}
	r.step("DeleteInstance", "deleted the demo instance", del.RequestID)

	_, err = c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: id})
	if !errors.Is(err, outboundbot.ErrNotFound) {
		r.fail(product, "DescribeInstance", fmt.Errorf("the deleted instance should be ErrNotFound, got %v", err))
		return false
	}
	r.step("DescribeInstance", "the deleted instance is gone: errors.Is(err, ErrNotFound)", "")
	return true
}
