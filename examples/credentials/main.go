// Command credentials shows three ways to give the SDK credentials through
// credentials-go: STS keys, a RAM role assumed through STS (ram_role_arn),
// and the RAM role of an ECS instance (ecs_ram_role).
//
//	go run ./examples/credentials
//
// uses STS keys against the in-process Outbound Bot fake, which accepts the
// fake's STS AccessKey with its security token. The two roles need the real
// STS or ECS metadata service, so by default they are only built (which
// makes no call) and never used. To list your instances with one of them:
//
//	export ALIBABA_CLOUD_ACCESS_KEY_ID=... ALIBABA_CLOUD_ACCESS_KEY_SECRET=...
//	export ALIBABA_CLOUD_ROLE_ARN=acs:ram::<account>:role/<role>   # ram_role_arn, or
//	export ALIBABA_CLOUD_ECS_METADATA=<role name>                    # ecs_ram_role, on ECS
//	go run ./examples/credentials -real
//
// Rotation: the SDK asks its credential for keys on every attempt (it keeps
// only credentials-go's fixed AccessKey, and keys that say when they
// expire), so a role provider that refreshes its STS keys before they
// expire keeps a long-lived client working.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout)) }

func run(ctx context.Context, args []string, stdout io.Writer) int {
	fs := flag.NewFlagSet("credentials", flag.ContinueOnError)
	fs.SetOutput(stdout)
	useCloud := fs.Bool("real", false, "list your instances with the role the environment names")
	if fs.Parse(args) != nil {
		return 2
	}
	srv := outboundbottest.NewServer()
	defer srv.Close()

	// 1. STS keys: an AccessKey ID and secret that come with a security token.
	sts, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(outboundbottest.STSAccessKeyID).
		SetAccessKeySecret(outboundbottest.STSAccessKeySecret).
		SetSecurityToken(outboundbottest.SecurityToken))
	if err != nil {
		fmt.Fprintln(stdout, "credentials:", err)
		return 1
	}
	client, err := srv.Client(func(o *outboundbot.Options) { o.Credential = sts })
	if err == nil {
		_, err = client.ListInstances(ctx, &outboundbot.ListInstancesRequest{})
	}
	if err != nil {
		fmt.Fprintln(stdout, "credentials:", err)
		return 1
	}
	fmt.Fprintln(stdout, "sts: ListInstances succeeded; the fake recorded", signedWith(srv.Requests()[0]))

	// 2. Rotation: a credential that hands out new keys on its second ask,
	// as a role provider does when its keys near expiry. One call, throttled
	// once: each attempt is signed with the keys the credential has then.
	plain, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").
		SetAccessKeyId(outboundbottest.AccessKeyID).SetAccessKeySecret(outboundbottest.AccessKeySecret))
	rotated := &rotating{Credential: plain, keys: []credentials.Credential{plain, sts}}
	srv.ResetRequests()
	srv.Inject(outboundbottest.Fault{Action: "ListInstances", Status: 400, Code: "Throttling.User"})
	if err == nil {
		_, err = client.ListInstances(ctx, &outboundbot.ListInstancesRequest{}, func(o *outboundbot.Options) { o.Credential = rotated })
	}
	if err != nil {
		fmt.Fprintln(stdout, "credentials:", err)
		return 1
	}
	fmt.Fprintln(stdout, "rotation: one call, the credential was asked once per attempt:")
	for i, r := range srv.Requests() {
		fmt.Fprintf(stdout, "  attempt %d: %s -> HTTP %d%s\n", i+1, signedWith(r), r.Status, strings.TrimRight(" "+r.Code, " "))
	}

	// 3. A RAM role: the AccessKey (from the environment here) assumes the role
	// through STS on the first ask, and again before the STS keys expire.
	roleARN := getenv("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1234567890123456:role/outboundbot-operator")
	role, err := credentials.NewCredential(new(credentials.Config).SetType("ram_role_arn").
		SetAccessKeyId(getenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-your-key-id")).
		SetAccessKeySecret(getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "your-key-secret")).
		SetRoleArn(roleARN).
		SetRoleSessionName(getenv("ALIBABA_CLOUD_ROLE_SESSION_NAME", "outboundbot-example")))
	fmt.Fprintln(stdout, "ram_role_arn:", built(err, "role "+roleARN+"; asks STS AssumeRole on first use"))

	// 4. The ECS instance's RAM role: the metadata service hands out STS keys.
	roleName := getenv("ALIBABA_CLOUD_ECS_METADATA", "OutboundBotRole")
	ecs, err := credentials.NewCredential(new(credentials.Config).SetType("ecs_ram_role").SetRoleName(roleName))
	if err != nil && strings.EqualFold(os.Getenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), "true") {
		err = fmt.Errorf("%w (ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)", err)
	}
	fmt.Fprintln(stdout, "ecs_ram_role:", built(err, "role "+roleName+"; asks the ECS metadata service on first use"))

	var cred credentials.Credential
	switch {
	case !*useCloud:
		fmt.Fprintln(stdout, "\nThe roles were built, not used. To use one against your cloud, see `go doc ./examples/credentials`.")
		return 0
	case os.Getenv("ALIBABA_CLOUD_ROLE_ARN") != "":
		cred = role
	case os.Getenv("ALIBABA_CLOUD_ECS_METADATA") != "":
		cred = ecs
	}
	if cred == nil {
		fmt.Fprintln(stdout, "credentials: -real needs a role that could be built: ALIBABA_CLOUD_ROLE_ARN and an AccessKey, or ALIBABA_CLOUD_ECS_METADATA")
		return 2
	}
	cloud, err := outboundbot.New(outboundbot.Options{Region: "cn-shanghai", Credential: cred})
	if err == nil {
		var resp *outboundbot.ListInstancesResponse
		if resp, err = cloud.ListInstances(ctx, &outboundbot.ListInstancesRequest{}); err == nil {
			fmt.Fprintf(stdout, "\ncloud: %d Outbound Bot instances in cn-shanghai (request %s)\n", resp.TotalCount, resp.RequestID)
			return 0
		}
	}
	fmt.Fprintln(stdout, "credentials:", err)
	return 1
}

// rotating hands out the keys of the next credential on each ask. The SDK
// calls only GetCredential; the other methods are the embedded one's.
type rotating struct {
	credentials.Credential
	mu   sync.Mutex
	keys []credentials.Credential
	asks int
}

func (r *rotating) GetCredential() (*credentials.CredentialModel, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.asks++
	return r.keys[min(r.asks, len(r.keys))-1].GetCredential()
}

// signedWith says which keys a request the fake recorded was signed with;
// the fake redacts the token and the signature.
func signedWith(r outboundbottest.Record) string {
	s := "AccessKeyId=" + r.Params["AccessKeyId"]
	if tok, ok := r.Params["SecurityToken"]; ok {
		s += " SecurityToken=" + tok
	}
	return s
}

func built(err error, what string) string {
	if err != nil {
		return "not built: " + err.Error()
	}
	return "built for " + what
}

func getenv(name, example string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return example
}
