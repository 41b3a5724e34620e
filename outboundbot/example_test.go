package outboundbot_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// newExampleClient starts the fake and returns a client wired to it. In
// production, use outboundbot.New(outboundbot.Options{Region: "cn-shanghai"}).
func newExampleClient() (*outboundbot.Client, func()) {
	srv := outboundbottest.NewServer()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	return client, srv.Close
}

func ExampleClient_CreateInstance() {
	client, done := newExampleClient()
	defer done()

	resp, err := client.CreateInstance(context.Background(), &outboundbot.CreateInstanceRequest{
		InstanceName:              "回访",
		InstanceDescription:       "follow-up calls",
		MaxConcurrentConversation: 10,
		CallingNumber:             []string{"4008013260"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Instance.InstanceName, resp.Instance.MaxConcurrentConversation)
	// Output: 回访 10
}

func ExampleClient_DescribeInstance() {
	client, done := newExampleClient()
	defer done()

	resp, err := client.DescribeInstance(context.Background(), &outboundbot.DescribeInstanceRequest{
		InstanceID: outboundbottest.ExampleInstanceID,
	})
	if err != nil {
		log.Fatal(err)
	}
	in := resp.Instance
	fmt.Println(in.InstanceName, in.MaxConcurrentConversation, in.CreationTime.Format("2006-01-02 15:04:05.000 MST"))
	// Output: 第一个实例 4 2020-01-08 07:37:22.851 UTC
}

func ExampleClient_ListInstances() {
	client, done := newExampleClient()
	defer done()

	resp, err := client.ListInstances(context.Background(), &outboundbot.ListInstancesRequest{PageSize: 10})
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range resp.Instances {
		fmt.Println(in.InstanceName, in.ResourceTags)
	}
	fmt.Println("total:", resp.TotalCount)
	// Output:
	// 第一个实例 [{age 20}]
	// total: 1
}

func ExampleClient_ListInstancesAll() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	for _, name := range []string{"a", "b", "c"} {
		if _, err := client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: name, MaxConcurrentConversation: 1}); err != nil {
			log.Fatal(err)
		}
	}

	// Pages of two; the iterator fetches the next page as the loop needs it.
	for in, err := range client.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(in.InstanceName)
	}
	// Output:
	// 第一个实例
	// a
	// b
	// c
}

func ExampleNewListInstancesPaginator() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()

	p := outboundbot.NewListInstancesPaginator(client, &outboundbot.ListInstancesRequest{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("page %d: %d of %d instances\n", page.PageNumber, len(page.Instances), page.TotalCount)
	}
	// Output: page 1: 1 of 1 instances
}

func ExampleClient_ModifyInstance() {
	client, done := newExampleClient()
	defer done()

	resp, err := client.ModifyInstance(context.Background(), &outboundbot.ModifyInstanceRequest{
		InstanceID:                outboundbottest.ExampleInstanceID,
		InstanceDescription:       outboundbot.String("now with more lines"),
		MaxConcurrentConversation: 8,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Instance.InstanceDescription, resp.Instance.MaxConcurrentConversation)
	// Output: now with more lines 8
}

func ExampleClient_DeleteInstance() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()

	req := &outboundbot.DeleteInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID}
	if _, err := client.DeleteInstance(ctx, req); err != nil {
		log.Fatal(err)
	}
	_, err := client.DeleteInstance(ctx, req)
	fmt.Println(errors.Is(err, outboundbot.ErrNotFound))
	// Output: true
}

// Errors are typed: match the category with errors.Is, read the details
// with errors.As.
func Example_errors() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()

	_, err := client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: "第一个实例", MaxConcurrentConversation: 1})
	var apiErr *outboundbot.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Code, apiErr.HTTPStatus, errors.Is(err, outboundbot.ErrConflict))
	}

	_, err = client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{})
	var invalid *outboundbot.ValidationError
	if errors.As(err, &invalid) {
		for _, f := range invalid.Fields {
			fmt.Println(f)
		}
	}
	// Output:
	// InvalidInstanceName.Duplicated 400 true
	// InstanceName is required
	// MaxConcurrentConversation must be greater than 0
}
