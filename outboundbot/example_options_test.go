package outboundbot_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// Every operation takes option functions after its request; they change
// the client's options for that call only. Here retries are off for one
// call, so the fake's InternalError is final after one attempt, while a
// call with the defaults rides out two of them in three attempts.
func ExampleOptions_retriesOff() {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	req := &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID}

	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Code: "InternalError"})
	_, err = client.DescribeInstance(ctx, req, func(o *outboundbot.Options) { o.Retry.MaxAttempts = 1 })
	fmt.Println("retries off:", srv.Received("DescribeInstance"), "attempt,", err)

	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Code: "InternalError", Times: 2})
	before := srv.Received("DescribeInstance")
	resp, err := client.DescribeInstance(ctx, req) // the client's defaults: 3 attempts
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("retries on:", srv.Received("DescribeInstance")-before, "attempts,", resp.Instance.InstanceName)
	// Output:
	// retries off: 1 attempt, outboundbot DescribeInstance: InternalError (HTTP 500, request 00000000-0000-4000-8000-000000000001)
	// retries on: 3 attempts, 第一个实例
}

// Timeout bounds one call, its retries and backoff included. Against a
// fake that holds its answer back for five seconds, the call gives up
// after 200 ms with an *OperationError that wraps
// context.DeadlineExceeded.
func ExampleOptions_timeout() {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Latency: 5 * time.Second})

	start := time.Now()
	_, err = client.DescribeInstance(context.Background(),
		&outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID},
		func(o *outboundbot.Options) { o.Timeout = 200 * time.Millisecond })

	var opErr *outboundbot.OperationError
	if errors.As(err, &opErr) {
		fmt.Println("*OperationError, attempts:", opErr.Attempts)
	}
	fmt.Println("context.DeadlineExceeded:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println("gave up long before the answer:", time.Since(start) < 2*time.Second)
	// Output:
	// *OperationError, attempts: 1
	// context.DeadlineExceeded: true
	// gave up long before the answer: true
}

// A Logger for one call writes one debug line per attempt: operation,
// attempt, status, request ID, latency and error, never a secret. (This
// example drops the time and the latency to keep its output stable.)
func ExampleOptions_logger() {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "latency" {
				return slog.Attr{}
			}
			return a
		},
	}))
	srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Status: 400, Code: "Throttling.User"})

	_, err = client.DescribeInstance(context.Background(),
		&outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID},
		func(o *outboundbot.Options) { o.Logger = logger })
	fmt.Println("error:", err)
	// Output:
	// level=DEBUG msg="typedcloud: attempt" product=outboundbot operation=DescribeInstance attempt=1 status=400 request_id=00000000-0000-4000-8000-000000000001 error="outboundbot DescribeInstance: Throttling.User (HTTP 400, request 00000000-0000-4000-8000-000000000001)"
	// level=DEBUG msg="typedcloud: attempt" product=outboundbot operation=DescribeInstance attempt=2 status=200 request_id=00000000-0000-4000-8000-000000000002
	// error: <nil>
}
