// Command testing is a small service built on the SDK, a Provisioner that
// makes sure an Outbound Bot instance of a given name exists, together with
// the tests that check it against the SDK's fake, outboundbottest:
//
//	go run ./examples/testing          # the service, against the in-process fake
//	go test -race ./examples/testing   # its tests: provisioner_test.go
//
// provisioner.go and provisioner_test.go are meant to be copied: the test
// starts the fake, hands its client to the service, injects throttling and
// a lost answer, and checks what reached the fake, with secrets redacted.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout)) }

func run(ctx context.Context, _ []string, stdout io.Writer) int {
	srv := outboundbottest.NewServer(outboundbottest.WithoutSeed())
	defer srv.Close()
	client, err := srv.Client() // in production: outboundbot.New(outboundbot.Options{Region: "cn-shanghai"})
	if err != nil {
		fmt.Fprintln(stdout, "testing:", err)
		return 1
	}
	p := NewProvisioner(client)
	fmt.Fprintln(stdout, "testing: the Provisioner against the embedded fake; its tests are in provisioner_test.go")

	// The second "follow-up" finds the first; "follow-up" is not confused
	// with "follow-up-night", which the service's Name filter also matches.
	for _, name := range []string{"follow-up-night", "follow-up", "follow-up"} {
		in, created, err := p.Ensure(ctx, name, 5)
		if err != nil {
			fmt.Fprintln(stdout, "testing:", err)
			return 1
		}
		verb := "found  "
		if created {
			verb = "created"
		}
		fmt.Fprintf(stdout, "  ensure %-16q %s %s\n", name, verb, in.InstanceID)
	}
	fmt.Fprintf(stdout, "the fake holds %d instances after %d CreateInstance requests\n",
		len(srv.Instances()), srv.Received("CreateInstance"))
	return 0
}
