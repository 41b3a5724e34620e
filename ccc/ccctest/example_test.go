package ccctest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/fakeserver"
)

// A test makes an action answer its own way with Handle: here
// ModifyInstance answers a Data of the test's and records the description
// each request sent. The parameters are checked against the model before
// the handler runs (HandleUnchecked skips that), so the handler sees only
// requests the service would take.
func ExampleServer_Handle() {
	srv := ccctest.NewServer()
	defer srv.Close()
	var sent []string
	srv.Handle("ModifyInstance", func(r *fakeserver.Request) fakeserver.Response {
		sent = append(sent, r.Params["Description"])
		return fakeserver.Response{Body: map[string]any{"Data": "done"}}
	})
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.ModifyInstance(context.Background(), &ccc.ModifyInstanceRequest{
		InstanceID: ccctest.ExampleInstanceID, Description: ccc.String("新的描述"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Data, sent)
	// Output: done [新的描述]
}
