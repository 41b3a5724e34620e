package outboundbottest_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// A test makes an action answer its own way with Handle: here
// DescribeInstance refuses one instance and, for every other, answers as
// the fake would (Builtin), with a name of the test's. The parameters are
// checked against the model before the handler runs; HandleUnchecked
// skips that.
func ExampleServer_Handle() {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	srv.Handle("DescribeInstance", func(r *fakeserver.Request) fakeserver.Response {
		if r.Params["InstanceId"] == "locked" {
			return fakeserver.Response{Status: 403, Code: "Forbidden.Locked", Message: "the instance is locked"}
		}
		resp := r.Builtin()
		if body, ok := resp.Body.(map[string]any); ok {
			body["Instance"].(map[string]any)["InstanceName"] = "renamed by the test"
		}
		return resp
	})
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	_, err = client.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: "locked"})
	var apiErr *outboundbot.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.HTTPStatus, apiErr.Code)
	}
	resp, err := client.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Instance.InstanceName)
	fmt.Println(srv.Received("DescribeInstance"), "requests")
	// Output:
	// 403 Forbidden.Locked
	// renamed by the test
	// 2 requests
}
