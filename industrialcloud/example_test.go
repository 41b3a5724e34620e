package industrialcloud_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"

	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
)

// newExampleClient starts the fake and returns a client wired to it. In
// production:
//
//	industrialcloud.New(industrialcloud.Options{Domain: "industry.example.com", Token: token})
func newExampleClient() (*industrialcloud.Client, func()) {
	srv := industrialcloudtest.NewServer()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	return client, srv.Close
}

func ExampleClient_DescribeInstance() {
	client, done := newExampleClient()
	defer done()

	resp, err := client.DescribeInstance(context.Background(), &industrialcloud.DescribeInstanceRequest{
		InstanceUUID: industrialcloudtest.ExampleInstanceUUID,
		With:         []string{industrialcloud.WithInstanceCustomSpecs},
	})
	if err != nil {
		log.Fatal(err)
	}
	in := resp.Instance
	fmt.Println(in.InstanceName, in.Status, in.DeliverType, in.AppID)
	fmt.Println("expires", in.InstanceExpireTime.Format("2006-01-02 15:04 MST"))
	for _, item := range in.CustomSpecItems {
		fmt.Printf("%s (%s): %s %s\n", item.Name, item.NameEn, item.Value, item.Unit)
	}
	// Output:
	// MES生产执行系统 delivered saas 1300012345
	// expires 2025-03-01 02:00 UTC
	// 用户数 (users): 50 个
	// 工位数 (stations): 20 个
}

func ExampleClient_DescribeInstances() {
	client, done := newExampleClient()
	defer done()

	resp, err := client.DescribeInstances(context.Background(), &industrialcloud.DescribeInstancesRequest{
		Status:        []industrialcloud.Status{industrialcloud.StatusDelivered},
		ProductSource: industrialcloud.ProductSourceIopThird,
		SortSet:       []industrialcloud.Sort{{Key: industrialcloud.SortKeyCreatedAt, Direction: industrialcloud.SortDescending}},
		Limit:         2,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range resp.Instances {
		fmt.Println(in.InstanceName, in.ProductName)
	}
	fmt.Println("total:", resp.TotalCount)
	// Output:
	// 数据盘-备份 高性能云硬盘
	// 工业云服务器 云服务器 S5
	// total: 3
}

func ExampleClient_DescribeInstancesAll() {
	client, done := newExampleClient()
	defer done()

	// Pages of two; the iterator fetches the next page as the loop needs it.
	req := &industrialcloud.DescribeInstancesRequest{
		Status: []industrialcloud.Status{industrialcloud.StatusDelivered, industrialcloud.StatusDelivering, industrialcloud.StatusExpired},
		Limit:  2,
	}
	for in, err := range client.DescribeInstancesAll(context.Background(), req) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(in.Status, in.InstanceName)
	}
	// Output:
	// delivered MES生产执行系统
	// delivering 设备远程运维平台
	// expired 能耗监测看板
	// delivered 工业云服务器
	// delivered 数据盘-备份
}

func ExampleNewDescribeInstancesPaginator() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()

	p := industrialcloud.NewDescribeInstancesPaginator(client, &industrialcloud.DescribeInstancesRequest{
		Status: []industrialcloud.Status{industrialcloud.StatusDelivered},
		Limit:  2,
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d of %d instances\n", len(page.Instances), page.TotalCount)
	}
	// Output:
	// 2 of 3 instances
	// 1 of 3 instances
}

func ExampleClient_ModifyInstanceName() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()

	_, err := client.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{
		InstanceUUID: industrialcloudtest.ExampleInstanceUUID,
		InstanceName: "一号车间MES",
	})
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Instance.InstanceName)
	// Output: 一号车间MES
}

// refreshingToken is a TokenProvider that fetches a new token when the
// service rejects the current one (in production: the iam-app token API).
type refreshingToken struct {
	mu      sync.Mutex
	current string
	fetch   func() string
}

func (p *refreshingToken) Token(context.Context) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.current == "" {
		p.current = p.fetch()
	}
	return p.current, nil
}

func (p *refreshingToken) Invalidate(token string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.current == token {
		p.current = ""
	}
}

// A TokenProvider with an Invalidate method gets a rejected token back, is
// asked again, and the call goes through once more.
func ExampleTokenProvider() {
	srv := industrialcloudtest.NewServer()
	defer srv.Close()
	srv.AddToken("token-1")
	srv.AddToken("token-2")
	issued := []string{"token-1", "token-2"}
	provider := &refreshingToken{fetch: func() string { t := issued[0]; issued = issued[1:]; return t }}
	client, err := srv.Client(func(o *industrialcloud.Options) { o.TokenProvider = provider })
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	req := &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID}
	if _, err := client.DescribeInstance(ctx, req); err != nil {
		log.Fatal(err)
	}

	srv.ExpireToken("token-1") // token-1 expires mid-run
	if _, err := client.DescribeInstance(ctx, req); err != nil {
		log.Fatal(err)
	}
	for _, r := range srv.Requests() {
		fmt.Printf("%s %q\n", r.Action, r.Code)
	}
	// Output:
	// DescribeInstance ""
	// DescribeInstance "AuthFailure.TokenFailure"
	// DescribeInstance ""
}

// Errors are typed: match the category with errors.Is, read the details
// with errors.As.
func Example_errors() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()

	_, err := client.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: "no-such-instance"})
	var apiErr *industrialcloud.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Code, errors.Is(err, industrialcloud.ErrNotFound))
	}

	_, err = client.ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{InstanceName: "一个超过二十个字符长度限制的非常非常长的实例名称"})
	var invalid *industrialcloud.ValidationError
	if errors.As(err, &invalid) {
		for _, f := range invalid.Fields {
			fmt.Println(f)
		}
	}
	// Output:
	// ResourceNotFound true
	// InstanceUUID is required
	// InstanceName must be at most 20 characters
}
