// Command listall lists every Outbound Bot instance, and every Contact
// Center instance of the calling user, through the SDK's iterators, and
// shows that breaking out of the loop stops the requests.
//
//	go run ./examples/listall          # in-process fakes seeded with a dozen instances
//	go run ./examples/listall -real    # your cloud, read-only, credentials from the default chain
//
// As in the quickstart, a set ALIBABA_CLOUD_ACCESS_KEY_ID also selects the
// cloud; -real=false keeps the fakes.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout)) }

func run(ctx context.Context, args []string, stdout io.Writer) int {
	fs := flag.NewFlagSet("listall", flag.ContinueOnError)
	fs.SetOutput(stdout)
	cloud := fs.Bool("real", os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") != "", "list your cloud account's instances")
	stopAfter := fs.Int("n", 7, "how many instances the early-stop loop reads")
	if fs.Parse(args) != nil {
		return 2
	}
	var ob *outboundbot.Client
	var cc *ccc.Client
	var err error
	served := func() int { return -1 } // ListInstances requests answered; only a fake knows
	if *cloud {
		fmt.Fprintln(stdout, "listall: against the cloud, cn-shanghai")
		ob, cc, err = cloudClients()
	} else {
		fmt.Fprintln(stdout, "listall: against the embedded fakes (-real for your cloud)")
		obSrv, ccSrv := outboundbottest.NewServer(), ccctest.NewServer()
		defer obSrv.Close()
		defer ccSrv.Close()
		for i := 1; i <= 12; i++ { // plus the fake's own instance: 13, three pages of 5
			must(obSrv.AddInstance(outboundbot.Instance{InstanceName: fmt.Sprintf("bot-%02d", i), MaxConcurrentConversation: i}))
		}
		admin := []ccc.User{{LoginName: ccctest.CurrentUserLoginName}}
		must(ccSrv.AddInstance(ccc.Instance{ID: "sales", Name: "Sales", AdminList: admin}))
		must(ccSrv.AddInstance(ccc.Instance{ID: "others", Name: "Not the user's"})) // not listed
		served = func() int { return obSrv.Received("ListInstances") }
		if ob, err = obSrv.Client(); err == nil {
			cc, err = ccSrv.Client()
		}
	}
	if err != nil {
		fmt.Fprintln(stdout, "listall:", err)
		return 1
	}

	// Every instance: the iterator fetches pages of 5 as the loop needs them.
	fmt.Fprintln(stdout, "\nOutbound Bot, every instance, in pages of 5:")
	n, before := 0, served()
	for in, err := range ob.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: 5}) {
		if err != nil { // yielded once, then the sequence ends
			fmt.Fprintln(stdout, "listall:", err)
			return 1
		}
		n++
		fmt.Fprintf(stdout, "  %3d  %-38s %s\n", n, in.InstanceID, in.InstanceName)
	}
	fmt.Fprintf(stdout, "  %d instances%s\n", n, requests(before, served()))

	// Early stop: once the loop breaks, no further page is requested.
	fmt.Fprintf(stdout, "\nOutbound Bot, the first %d only:\n", *stopAfter)
	n, before = 0, served()
	for in, err := range ob.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: 5}) {
		if err != nil {
			fmt.Fprintln(stdout, "listall:", err)
			return 1
		}
		n++
		fmt.Fprintf(stdout, "  %3d  %s\n", n, in.InstanceName)
		if n == *stopAfter {
			break
		}
	}
	fmt.Fprintf(stdout, "  stopped after %d%s\n", n, requests(before, served()))

	// Contact Center lists only the instances the calling user belongs to.
	fmt.Fprintln(stdout, "\nContact Center, instances of the calling user:")
	n = 0
	for in, err := range cc.ListInstancesOfUserAll(ctx, nil) {
		if err != nil {
			fmt.Fprintln(stdout, "listall:", err)
			return 1
		}
		n++
		fmt.Fprintf(stdout, "  %-10s %-8s %s\n", in.ID, in.Status, in.Name)
	}
	fmt.Fprintf(stdout, "  %d instances\n", n)
	return 0
}

// requests says how many ListInstances requests the fake answered since before.
func requests(before, now int) string {
	if now < 0 {
		return ""
	}
	return fmt.Sprintf(", in %d ListInstances requests", now-before)
}

// must stops the program if seeding a fake fails (it cannot: the names are unique).
func must[T any](_ T, err error) {
	if err != nil {
		panic(err)
	}
}

// cloudClients makes clients with the default credential chain. With no
// other source, the chain would ask the ECS metadata service for a role
// name; it may only when a role is named (ALIBABA_CLOUD_ECS_METADATA).
func cloudClients() (*outboundbot.Client, *ccc.Client, error) {
	if os.Getenv("ALIBABA_CLOUD_ECS_METADATA") == "" {
		if err := os.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"); err != nil {
			return nil, nil, err
		}
	}
	ob, err := outboundbot.New(outboundbot.Options{Region: "cn-shanghai"})
	if err != nil {
		return nil, nil, err
	}
	cc, err := ccc.New(ccc.Options{Region: "cn-shanghai"})
	return ob, cc, err
}
