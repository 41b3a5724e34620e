package ccc_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
)

// startFake starts the fake and returns a client wired to it. In
// production, use ccc.New(ccc.Options{Region: "cn-shanghai"}).
func startFake() (*ccc.Client, *ccctest.Server) {
	srv := ccctest.NewServer()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	return client, srv
}

func ExampleClient_GetInstance() {
	client, srv := startFake()
	defer srv.Close()

	resp, err := client.GetInstance(context.Background(), &ccc.GetInstanceRequest{InstanceID: "ccc-test"})
	if err != nil {
		log.Fatal(err)
	}
	in := resp.Instance
	fmt.Println(in.Name, in.Status, in.ConsoleURL)
	for _, u := range in.AdminList {
		fmt.Println("admin:", u.UserID, u.RoleName)
	}
	for _, n := range in.NumberList {
		fmt.Println("number:", n.Number, n.Usage, n.Active, len(n.SkillGroups), "skill group")
	}
	// Output:
	// 云呼测试实例 RUNNING https://ccc-v2.aliyun.com/#/workbench/ccc-test
	// admin: user-test@ccc-test Admin
	// number: 083xxxx0011 Bidirection true 1 skill group
}

// CreateInstance starts a background workflow; the instance, named by its
// DomainName, is CREATING until the workflow finishes.
func ExampleClient_CreateInstance() {
	client, srv := startFake()
	defer srv.Close()
	ctx := context.Background()

	created, err := client.CreateInstance(ctx, &ccc.CreateInstanceRequest{
		Name:           "售后热线",
		DomainName:     "after-sales",
		Description:    "after-sales hotline",
		NumberList:     []string{"0830011xxxx"},
		AdminRAMIDList: []string{ccctest.CurrentUserRAMID},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("workflow:", created.WorkflowID)

	for {
		resp, err := client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: created.InstanceID})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(resp.Instance.ID, resp.Instance.Status)
		if resp.Instance.Status != ccc.InstanceStatusCreating {
			break
		}
		// A real program waits here before asking again.
	}
	// Output:
	// workflow: 00000001-c0c0-4000-8000-000000000001
	// after-sales CREATING
	// after-sales RUNNING
}

func ExampleClient_ListInstances() {
	client, srv := startFake()
	defer srv.Close()

	resp, err := client.ListInstances(context.Background(), &ccc.ListInstancesRequest{PageNumber: 1, PageSize: 10})
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range resp.Instances {
		fmt.Println(in.ID, in.Status, in.CreateTime.Format("2006-01-02"))
	}
	fmt.Println("total:", resp.TotalCount)
	// Output:
	// ccc-test RUNNING 2020-07-01
	// total: 1
}

func ExampleClient_ListInstancesAll() {
	client, srv := startFake()
	defer srv.Close()
	for _, id := range []string{"hotline-a", "hotline-b", "hotline-c"} {
		if _, err := srv.AddInstance(ccc.Instance{ID: id, Name: id}); err != nil {
			log.Fatal(err)
		}
	}

	// Pages of two; the iterator fetches the next page as the loop needs it.
	for in, err := range client.ListInstancesAll(context.Background(), &ccc.ListInstancesRequest{PageSize: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(in.ID)
	}
	// Output:
	// ccc-test
	// hotline-a
	// hotline-b
	// hotline-c
}

func ExampleNewListInstancesPaginator() {
	client, srv := startFake()
	defer srv.Close()
	ctx := context.Background()

	p := ccc.NewListInstancesPaginator(client, nil)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("page %d: %d of %d instances\n", page.PageNumber, len(page.Instances), page.TotalCount)
	}
	// Output: page 1: 1 of 1 instances
}

// ListInstancesOfUser lists only the instances the calling user belongs
// to; the fake's calling user administers ccc-test.
func ExampleClient_ListInstancesOfUser() {
	client, srv := startFake()
	defer srv.Close()
	if _, err := srv.AddInstance(ccc.Instance{ID: "someone-elses"}); err != nil {
		log.Fatal(err)
	}

	resp, err := client.ListInstancesOfUser(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range resp.Instances {
		fmt.Println(in.ID, in.AdminList[0].LoginName)
	}
	fmt.Printf("%d of %d instances in the account\n", resp.TotalCount, len(srv.Instances()))
	// Output:
	// ccc-test user-test
	// 1 of 2 instances in the account
}

func ExampleClient_ListInstancesOfUserAll() {
	client, srv := startFake()
	defer srv.Close()
	ctx := context.Background()
	for _, domain := range []string{"mine-1", "theirs", "mine-2"} {
		admins := []string{"1059803544820001"}
		if domain != "theirs" {
			admins = append(admins, ccctest.CurrentUserRAMID)
		}
		req := &ccc.CreateInstanceRequest{Name: "hotline " + domain, DomainName: domain, AdminRAMIDList: admins}
		if _, err := client.CreateInstance(ctx, req); err != nil {
			log.Fatal(err)
		}
	}

	for in, err := range client.ListInstancesOfUserAll(ctx, &ccc.ListInstancesOfUserRequest{PageSize: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(in.ID, in.Name)
	}
	// Output:
	// ccc-test 云呼测试实例
	// mine-1 hotline mine-1
	// mine-2 hotline mine-2
}

func ExampleClient_ModifyInstance() {
	client, srv := startFake()
	defer srv.Close()
	ctx := context.Background()

	_, err := client.ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: "ccc-test", Description: ccc.String("生产实例")})
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "ccc-test"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Instance.Description)
	// Output: 生产实例
}

// DeleteInstance starts a background task that deletes the instance; the
// fake deletes at once, so the instance is then not found.
func ExampleClient_DeleteInstance() {
	client, srv := startFake()
	defer srv.Close()
	ctx := context.Background()

	deleted, err := client.DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: "ccc-test"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("task:", deleted.TaskID)

	_, err = client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "ccc-test"})
	fmt.Println(errors.Is(err, ccc.ErrNotFound))
	// Output:
	// task: 00000001-de1e-4000-8000-000000000001
	// true
}

// Errors are typed: match the category with errors.Is, read the details
// with errors.As.
func Example_errors() {
	client, srv := startFake()
	defer srv.Close()
	ctx := context.Background()

	_, err := client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "no-such-instance"})
	var apiErr *ccc.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Code, apiErr.HTTPStatus, errors.Is(err, ccc.ErrNotFound))
		fmt.Println(apiErr.Message)
	}

	_, err = client.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "duplicate", DomainName: "ccc-test", AdminRAMIDList: []string{"1"}})
	fmt.Println(errors.Is(err, ccc.ErrConflict), errors.As(err, &apiErr) && apiErr.Code == ccc.CodeInstanceAlreadyExists)

	_, err = client.CreateInstance(ctx, &ccc.CreateInstanceRequest{Name: "abc", DomainName: "ccc.test"})
	var invalid *ccc.ValidationError
	if errors.As(err, &invalid) {
		for _, f := range invalid.Fields {
			fmt.Println(f)
		}
	}
	// Output:
	// NotExists.InstanceId 404 true
	// The specified instance no-such-instance does not exist.
	// true true
	// Name must be 4 to 32 characters
	// DomainName may contain only letters, digits, '_' and '-'
	// AdminRAMIDList is required
}
