// Command outboundbotv1 makes the same DescribeInstance call with the
// official v1 SDK (alibaba-cloud-sdk-go), for comparison.
package main

import (
	"fmt"
	"os"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"
)

func main() {
	c, err := outboundbot.NewClientWithAccessKey("cn-shanghai", os.Getenv("ACCESS_KEY_ID"), os.Getenv("ACCESS_KEY_SECRET"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	req := outboundbot.CreateDescribeInstanceRequest()
	req.InstanceId = os.Getenv("INSTANCE_ID")
	out, err := c.DescribeInstance(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out.Instance.InstanceName)
}
