package credcache_test

import (
	"context"
	"fmt"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/credcache"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// Clients of two products share one credential: it is asked by one
// goroutine at a time, whichever client's call needs it. The in-process
// fakes stand in for the services here.
func ExampleNew() {
	bots, centre := outboundbottest.NewServer(), ccctest.NewServer()
	defer bots.Close()
	defer centre.Close()
	ctx := context.Background()

	cred, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(outboundbottest.STSAccessKeyID).
		SetAccessKeySecret(outboundbottest.STSAccessKeySecret).
		SetSecurityToken(outboundbottest.SecurityToken))
	if err != nil {
		fmt.Println(err)
		return
	}
	shared := credcache.New(cred)

	bot, err := bots.Client(func(o *outboundbot.Options) { o.Credential = shared })
	if err != nil {
		fmt.Println(err)
		return
	}
	cc, err := centre.Client(func(o *ccc.Options) { o.Credential = shared })
	if err != nil {
		fmt.Println(err)
		return
	}
	botInstances, err := bot.ListInstances(ctx, &outboundbot.ListInstancesRequest{})
	if err != nil {
		fmt.Println(err)
		return
	}
	cccInstances, err := cc.ListInstances(ctx, &ccc.ListInstancesRequest{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("outboundbot instances:", botInstances.TotalCount)
	fmt.Println("ccc instances:", cccInstances.TotalCount)
	fmt.Println("the clients share the cache:", bot.Options().Credential == cc.Options().Credential)
	// Output:
	// outboundbot instances: 1
	// ccc instances: 1
	// the clients share the cache: true
}
