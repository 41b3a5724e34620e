// Command cccv1 makes the same GetInstance call with the official v1 SDK
// (alibaba-cloud-sdk-go), for comparison.
package main

import (
	"fmt"
	"os"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ccc"
)

func main() {
	c, err := ccc.NewClientWithAccessKey("cn-shanghai", os.Getenv("ACCESS_KEY_ID"), os.Getenv("ACCESS_KEY_SECRET"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	req := ccc.CreateGetInstanceRequest()
	req.InstanceId = os.Getenv("INSTANCE_ID")
	out, err := c.GetInstance(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out.Data.Name)
}
