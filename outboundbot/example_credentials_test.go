package outboundbot_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// STS credentials through credentials-go: an AccessKey ID and secret that
// come with a security token. The fake accepts its STS key only with its
// token, and records the token redacted. In production, pass the
// credential in Options.Credential:
//
//	client, err := outboundbot.New(outboundbot.Options{Region: "cn-shanghai", Credential: cred})
//
// The client asks the credential for keys on every attempt, so a
// refreshing provider (ram_role_arn, ecs_ram_role, oidc_role_arn) keeps a
// long-lived client working as its STS keys rotate.
func ExampleOptions_stsCredential() {
	srv := outboundbottest.NewServer()
	defer srv.Close()

	cred, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(outboundbottest.STSAccessKeyID).
		SetAccessKeySecret(outboundbottest.STSAccessKeySecret).
		SetSecurityToken(outboundbottest.SecurityToken))
	if err != nil {
		log.Fatal(err)
	}
	client, err := srv.Client(func(o *outboundbot.Options) { o.Credential = cred })
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.DescribeInstance(context.Background(),
		&outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Instance.InstanceName)
	rec := srv.Requests()[0]
	fmt.Println(rec.Params["AccessKeyId"], rec.Params["SecurityToken"])

	// The same key with a token that is not its own is refused: ErrAuth.
	stale, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(outboundbottest.STSAccessKeyID).
		SetAccessKeySecret(outboundbottest.STSAccessKeySecret).
		SetSecurityToken("a-token-from-another-session"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.DescribeInstance(context.Background(),
		&outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID},
		func(o *outboundbot.Options) { o.Credential = stale })
	var apiErr *outboundbot.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Code, errors.Is(err, outboundbot.ErrAuth))
	}
	// Output:
	// 第一个实例
	// STS.TypedcloudFakeKey REDACTED
	// InvalidSecurityToken.MismatchWithAccessKey true
}
