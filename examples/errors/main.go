// Command errors provokes every kind of error the SDK returns, against the
// in-process Outbound Bot fake, and matches each the way a program should:
// the category with errors.Is, the details with errors.As.
//
//	go run ./examples/errors
//
// It needs no credentials and makes no call outside this process.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout)) }

func run(ctx context.Context, _ []string, stdout io.Writer) int {
	srv := outboundbottest.NewServer()
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		fmt.Fprintln(stdout, "errors:", err)
		return 1
	}
	example := &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID}

	cases := []struct {
		what string
		call func() error
	}{
		{"an unknown instance ID", func() error {
			_, err := client.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: "no-such-instance"})
			return err
		}},
		{"a name that is taken", func() error {
			_, err := client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: "第一个实例", MaxConcurrentConversation: 1})
			return err
		}},
		{"throttled on all 3 attempts", func() error {
			srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Status: 400, Code: "Throttling.User", Times: 3})
			_, err := client.DescribeInstance(ctx, example)
			return err
		}},
		{"a wrong AccessKey secret", func() error {
			cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").
				SetAccessKeyId(outboundbottest.AccessKeyID).SetAccessKeySecret("not-the-secret"))
			if err != nil {
				return err
			}
			_, err = client.DescribeInstance(ctx, example, func(o *outboundbot.Options) { o.Credential = cred })
			return err
		}},
		{"a request with bad fields (nothing is sent)", func() error {
			_, err := client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{CallingNumber: []string{""}})
			return err
		}},
		{"a gateway's HTML page, on all 3 attempts", func() error {
			srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Status: 502, Times: 3,
				Body: "<html><body>502 Bad Gateway</body></html>", ContentType: "text/html"})
			_, err := client.DescribeInstance(ctx, example)
			return err
		}},
		{"a server that is gone", func() error {
			gone := outboundbottest.NewServer()
			goneClient, err := gone.Client()
			gone.Close()
			if err != nil {
				return err
			}
			_, err = goneClient.DescribeInstance(ctx, example)
			return err
		}},
		{"a 200 ms deadline and a slow server", func() error {
			srv.Inject(outboundbottest.Fault{Action: "DescribeInstance", Latency: 5 * time.Second})
			ctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			defer cancel()
			_, err := client.DescribeInstance(ctx, example)
			return err
		}},
	}
	for _, c := range cases { // Error() is one line; cut at 160 characters here
		err := c.call()
		fmt.Fprintf(stdout, "\n%s\n  errors.Is: %s\n  errors.As: %s\n  Error():   %.160s\n", c.what, category(err), details(err), err)
	}
	return 0
}

// category is how a program decides what to do: match the sentinel.
func category(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded): // the caller's deadline, through *OperationError
		return "context.DeadlineExceeded"
	case errors.Is(err, outboundbot.ErrNotFound):
		return "ErrNotFound"
	case errors.Is(err, outboundbot.ErrConflict):
		return "ErrConflict"
	case errors.Is(err, outboundbot.ErrThrottled):
		return "ErrThrottled"
	case errors.Is(err, outboundbot.ErrAuth):
		return "ErrAuth"
	case errors.Is(err, outboundbot.ErrInvalidParameter):
		return "ErrInvalidParameter"
	case errors.Is(err, outboundbot.ErrServer): // a 5xx answer, or no answer after the last attempt
		return "ErrServer"
	}
	return fmt.Sprintf("no category (%v)", err)
}

// details reads what each error type carries: for logs, support and users.
func details(err error) string {
	var apiErr *outboundbot.APIError
	var invalid *outboundbot.ValidationError
	var decErr *outboundbot.DecodeError
	var opErr *outboundbot.OperationError
	switch {
	case errors.As(err, &apiErr): // the service answered no
		return fmt.Sprintf("*APIError Code=%s HTTPStatus=%d RequestID=%s\n             Recommend=%s",
			apiErr.Code, apiErr.HTTPStatus, apiErr.RequestID, apiErr.Recommend)
	case errors.As(err, &invalid): // every bad field at once
		return fmt.Sprintf("*ValidationError Fields=%q", invalid.Fields)
	case errors.As(err, &decErr): // an answer that is not the documented shape
		return fmt.Sprintf("*DecodeError HTTPStatus=%d Snippet=%q", decErr.HTTPStatus, decErr.Snippet)
	case errors.As(err, &opErr): // no answer: network, deadline, credentials
		return fmt.Sprintf("*OperationError Attempts=%d DeadlineExceeded=%t", opErr.Attempts, errors.Is(opErr, context.DeadlineExceeded))
	}
	return "no SDK error type"
}
