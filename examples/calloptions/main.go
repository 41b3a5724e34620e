// Command calloptions shows per-call options: every operation takes option
// functions after its request that change the client's options for that
// call only — here a timeout, retries off and on, and a debug logger.
//
//	go run ./examples/calloptions
//
// It runs against the in-process Outbound Bot fake, which injects the
// latency and the failures; it needs no credentials.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout)) }

func run(ctx context.Context, _ []string, stdout io.Writer) int {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	client, err := srv.Client() // the client-wide defaults: no timeout, 3 attempts, no logger
	if err != nil {
		fmt.Fprintln(stdout, "calloptions:", err)
		return 1
	}
	req := &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID}

	// 1. Retries off for one call: the first InternalError is final.
	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Code: "InternalError"})
	before := srv.Received("DescribeInstance")
	_, err = client.DescribeInstance(ctx, req, func(o *outboundbot.Options) { o.Retry.MaxAttempts = 1 })
	fmt.Fprintf(stdout, "Retry.MaxAttempts 1, one InternalError: %d attempt, errors.Is(err, ErrServer) = %t\n",
		srv.Received("DescribeInstance")-before, errors.Is(err, outboundbot.ErrServer))

	// 2. Retries on (the default), with a logger for this call only: one
	// debug line per attempt, never a secret. (Time and latency are left
	// out here so that the output is the same on every run.)
	logger := slog.New(slog.NewTextHandler(stdout, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: stable}))
	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Code: "InternalError", Times: 2})
	before = srv.Received("DescribeInstance")
	fmt.Fprintln(stdout, "default retries, two InternalErrors, a debug logger for this call:")
	resp, err := client.DescribeInstance(ctx, req, func(o *outboundbot.Options) { o.Logger = logger })
	if err != nil {
		fmt.Fprintln(stdout, "calloptions:", err)
		return 1
	}
	fmt.Fprintf(stdout, "  %d attempts, the third answered %q\n",
		srv.Received("DescribeInstance")-before, resp.Instance.InstanceName)

	// 3. A timeout for one call: it bounds the attempts and backoff together.
	// (Last, because the fake may still be holding the abandoned request.)
	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Latency: 5 * time.Second})
	start := time.Now()
	_, err = client.DescribeInstance(ctx, req, func(o *outboundbot.Options) { o.Timeout = 200 * time.Millisecond })
	fmt.Fprintf(stdout, "Timeout 200ms, the fake answers in 5s: gave up after %s, errors.Is(err, context.DeadlineExceeded) = %t\n",
		time.Since(start).Round(50*time.Millisecond), errors.Is(err, context.DeadlineExceeded))

	// The client itself is unchanged: a plain call still has no timeout,
	// 3 attempts and no logger.
	o := client.Options()
	fmt.Fprintf(stdout, "client options afterwards: Timeout=%v Retry.MaxAttempts=%d (0 means 3) Logger=%v\n", o.Timeout, o.Retry.MaxAttempts, o.Logger)
	return 0
}

// stable drops the attributes that change from run to run.
func stable(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && (a.Key == slog.TimeKey || a.Key == "latency") {
		return slog.Attr{}
	}
	return a
}
