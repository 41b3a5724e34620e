// Command ccc makes one Contact Center GetInstance call with this SDK: the
// program whose size breadth.sh reports.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/typedcloud/sdk-go/ccc"
)

func main() {
	c, err := ccc.New(ccc.Options{Region: "cn-shanghai", Endpoint: os.Getenv("ENDPOINT")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := c.GetInstance(context.Background(), &ccc.GetInstanceRequest{InstanceID: os.Getenv("INSTANCE_ID")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out.Instance.Name)
}
