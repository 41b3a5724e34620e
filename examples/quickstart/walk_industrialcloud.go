package main

import (
	"context"
	"fmt"

	"github.com/typedcloud/sdk-go/industrialcloud"
)

const industrialcloudTitle = "Industrial cloud instance console (industrialcloud, API 2019-12-26)"

// everyStatus lists instances in any state.
var everyStatus = []industrialcloud.Status{
	industrialcloud.StatusDefault, industrialcloud.StatusDelivering, industrialcloud.StatusDelivered,
	industrialcloud.StatusDeliverFailed, industrialcloud.StatusExpired, industrialcloud.StatusDestroyed,
}

// industrialcloudWalk lists every instance through the iterator and
// describes the first with its custom billing items.
func industrialcloudWalk(c *industrialcloud.Client) walk {
	const product = "industrialcloud"
	return walk{title: industrialcloudTitle, run: func(ctx context.Context, r *report) bool {
		r.section(industrialcloudTitle)
		var rows [][]string
		var first string
		for in, err := range c.DescribeInstancesAll(ctx, &industrialcloud.DescribeInstancesRequest{Status: everyStatus, Limit: 2}) {
			if err != nil {
				r.fail(product, "DescribeInstances", err)
				return false
			}
			if first == "" {
				first = in.UUID
			}
			rows = append(rows, []string{in.UUID, shorten(in.InstanceName, 24), string(in.Status), day(in.InstanceExpireTime)})
		}
		r.step("DescribeInstancesAll", count(len(rows), "instance")+" through the iterator, fetched in pages of 2", "")
		r.table([]string{"UUID", "NAME", "STATUS", "EXPIRES"}, rows)
		if first == "" {
			r.note("no instance to describe")
			return true
		}
		got, err := c.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: first, With: []string{industrialcloud.WithInstanceCustomSpecs}})
		if err != nil {
			r.fail(product, "DescribeInstance", err)
			return false
		}
		in := got.Instance
		r.step("DescribeInstance", fmt.Sprintf("%q (%s, %s) with %s", in.InstanceName, in.ProductType, in.LifeType, count(len(in.CustomSpecItems), "custom billing item")), got.RequestID)
		return true
	}}
}
