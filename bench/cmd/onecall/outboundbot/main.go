// Command outboundbot makes one Outbound Bot DescribeInstance call with
// this SDK: the program whose size breadth.sh reports.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/typedcloud/sdk-go/outboundbot"
)

func main() {
	c, err := outboundbot.New(outboundbot.Options{Region: "cn-shanghai", Endpoint: os.Getenv("ENDPOINT")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := c.DescribeInstance(context.Background(), &outboundbot.DescribeInstanceRequest{InstanceID: os.Getenv("INSTANCE_ID")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out.Instance.InstanceName)
}
