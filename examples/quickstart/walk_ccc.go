package main

import (
	"context"
	"fmt"

	"github.com/typedcloud/sdk-go/ccc"
)

const cccTitle = "Contact Center (ccc, API 2020-07-01)"

// cccWalk lists every instance through the iterator and gets the first.
func cccWalk(c *ccc.Client) walk {
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
			return true
		}
		got, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: first})
		if err != nil {
			r.fail(product, "GetInstance", err)
			return false
		}
		in := got.Instance
		r.step("GetInstance", fmt.Sprintf("%q is %s with %s; console %s", in.Name, in.Status, count(len(in.AdminList), "admin"), in.ConsoleURL), got.RequestID)
		return true
	}}
}
