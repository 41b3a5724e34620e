package otelobserve_test

import (
	"context"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// fault is what the fakes inject; the three packages' Fault are one type.
type fault = outboundbottest.Fault

// retry keeps the tests fast: three attempts, a millisecond apart at most.
type retry struct{ attempts, budget int }

// product is one product client wired to its fake, for the tests that run
// for every product.
type product struct {
	name      string // the product package
	operation string // the read each test calls
	system    string // rpc.system.name
	region    string // cloud.region; "" when the client sends none
	// throttled is the fault of a throttled answer, its message echoing a
	// secret as a careless service might.
	throttled fault
	secrets   []string // the canaries: every secret the client sends
	inject    func(fault)
	call      func(ctx context.Context) error
}

// products starts each product's fake and returns a client of each, with
// obs as its Observer and r as its retries.
func products(t *testing.T, obs observe.Observer, r retry) []product {
	t.Helper()
	return []product{outboundbotProduct(t, obs, r), cccProduct(t, obs, r), industrialcloudProduct(t, obs, r)}
}

// stsCredential is the fakes' STS credential, so that the SecurityToken is
// among the canaries.
func stsCredential(t *testing.T) credentials.Credential {
	t.Helper()
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(outboundbottest.STSAccessKeyID).SetAccessKeySecret(outboundbottest.STSAccessKeySecret).
		SetSecurityToken(outboundbottest.SecurityToken))
	require.NoError(t, err)
	return cred
}

func outboundbotProduct(t *testing.T, obs observe.Observer, r retry) product {
	srv := outboundbottest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(func(o *outboundbot.Options) {
		o.Observer, o.Credential = obs, stsCredential(t)
		o.Retry = outboundbot.RetryOptions{MaxAttempts: r.attempts, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, BudgetTokens: r.budget}
	})
	require.NoError(t, err)
	return product{
		name: "outboundbot", operation: "DescribeInstance", system: observe.ProtocolAlibabaRPC, region: "cn-shanghai",
		throttled: fault{Status: 400, Code: "Throttling.User", Message: "slow down, " + outboundbottest.SecurityToken},
		secrets:   []string{outboundbottest.STSAccessKeySecret, outboundbottest.SecurityToken},
		inject:    srv.Inject,
		call: func(ctx context.Context) error {
			_, err := c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
			return err
		},
	}
}

func cccProduct(t *testing.T, obs observe.Observer, r retry) product {
	srv := ccctest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(func(o *ccc.Options) {
		o.Observer, o.Credential = obs, stsCredential(t)
		o.Retry = ccc.RetryOptions{MaxAttempts: r.attempts, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, BudgetTokens: r.budget}
	})
	require.NoError(t, err)
	return product{
		name: "ccc", operation: "GetInstance", system: observe.ProtocolAlibabaRPC, region: "cn-shanghai",
		throttled: fault{Status: 400, Code: "Throttling.User", Message: "slow down, " + ccctest.STSAccessKeySecret},
		secrets:   []string{ccctest.STSAccessKeySecret, ccctest.SecurityToken},
		inject:    srv.Inject,
		call: func(ctx context.Context) error {
			_, err := c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
			return err
		},
	}
}

func industrialcloudProduct(t *testing.T, obs observe.Observer, r retry) product {
	srv := industrialcloudtest.NewServer(industrialcloudtest.RequireSignature())
	t.Cleanup(srv.Close)
	c, err := srv.Client(func(o *industrialcloud.Options) {
		o.Observer = obs
		o.Retry = industrialcloud.RetryOptions{MaxAttempts: r.attempts, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, BudgetTokens: r.budget}
	})
	require.NoError(t, err)
	return product{
		name: "industrialcloud", operation: "DescribeInstance", system: observe.ProtocolTencentAPI3,
		throttled: fault{Status: 200, Code: "RequestLimitExceeded", Message: "slow down, " + industrialcloudtest.Token},
		secrets:   []string{industrialcloudtest.Token, industrialcloudtest.SecretKey},
		inject:    srv.Inject,
		call: func(ctx context.Context) error {
			_, err := c.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
			return err
		},
	}
}
