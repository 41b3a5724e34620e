package reliability

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
	"github.com/typedcloud/sdk-go/signer"
)

// secrets are the secrets the tests' clients hold; none may ever show in an
// error's text.
var secrets = []string{
	outboundbottest.AccessKeySecret, outboundbottest.STSAccessKeySecret, outboundbottest.SecurityToken,
	industrialcloudtest.Token, industrialcloudtest.SecretKey, staleSTSToken, staleToken,
}

// Tokens the fakes do not accept: an STS token past its life and an
// industrial cloud token the console has expired.
const (
	staleSTSToken = "reliability-expired-sts-token"
	staleToken    = "reliability-expired-industrial-token"
)

// settings is how a test wants its client: its HTTP client (always one of
// its own), retries, and an alternative credential.
type settings struct {
	http  transport.HTTPClient
	retry transport.Retry
	// Alibaba: sign with the STS AccessKey and this SecurityToken.
	stsToken string
	// industrialcloud: ask this provider for the token of each attempt.
	tokens industrialcloud.TokenProvider
	// endpoint, when set, replaces the fake's address.
	endpoint string
	// acs3 signs Alibaba calls with ACS3-HMAC-SHA256 instead of HMAC-SHA1.
	acs3 bool
	// Options.Timeout; 0 means none.
	timeout time.Duration
	// Alibaba: sign with this credential instead (it wins over stsToken).
	credential credentials.Credential
	// industrialcloud: send this token and sign with this secret key.
	token, secretKey string
	// logger receives the client's debug lines; nil is silent.
	logger *slog.Logger
}

// env is one running fake of a product.
type env struct {
	fakeserver.Server
	typed  any                           // *outboundbottest.Server, *ccctest.Server, *industrialcloudtest.Server
	client func(s settings) (any, error) // a client wired to the fake
	expire func(token string)            // industrialcloud: stop accepting token
	nonces bool                          // requests carry a SignatureNonce
}

// product is one SDK package and its fake.
type product struct {
	name    string
	tencent bool // Tencent Cloud API 3.0 envelope (industrialcloud) rather than Alibaba RPC
	start   func(skew time.Duration) *env
}

// skewed returns a clock skew ahead of the real one.
func skewed(skew time.Duration) func() time.Time {
	return func() time.Time { return time.Now().Add(skew) }
}

func stsCredential(token string) credentials.Credential {
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("sts").
		SetAccessKeyId(outboundbottest.STSAccessKeyID).SetAccessKeySecret(outboundbottest.STSAccessKeySecret).
		SetSecurityToken(token))
	if err != nil {
		panic(err)
	}
	return cred
}

var outboundbotProduct = &product{name: "outboundbot", start: func(skew time.Duration) *env {
	srv := outboundbottest.NewServer(outboundbottest.WithClock(skewed(skew)))
	return &env{Server: srv.Server, typed: srv, nonces: true, client: func(s settings) (any, error) {
		return srv.Client(func(o *outboundbot.Options) {
			o.HTTPClient, o.Retry, o.Timeout, o.Logger = s.http, outboundbot.RetryOptions(s.retry), s.timeout, s.logger
			if s.stsToken != "" {
				o.Credential = stsCredential(s.stsToken)
			}
			if s.endpoint != "" {
				o.Endpoint = s.endpoint
			}
			if s.acs3 {
				o.SignatureVersion = signer.ACS3
			}
			if s.credential != nil {
				o.Credential = s.credential
			}
		})
	}}
}}

var cccProduct = &product{name: "ccc", start: func(skew time.Duration) *env {
	srv := ccctest.NewServer(ccctest.WithClock(skewed(skew)))
	return &env{Server: srv.Server, typed: srv, nonces: true, client: func(s settings) (any, error) {
		return srv.Client(func(o *ccc.Options) {
			o.HTTPClient, o.Retry, o.Timeout, o.Logger = s.http, ccc.RetryOptions(s.retry), s.timeout, s.logger
			if s.stsToken != "" {
				o.Credential = stsCredential(s.stsToken)
			}
			if s.endpoint != "" {
				o.Endpoint = s.endpoint
			}
			if s.acs3 {
				o.SignatureVersion = signer.ACS3
			}
			if s.credential != nil {
				o.Credential = s.credential
			}
		})
	}}
}}

var industrialcloudProduct = &product{name: "industrialcloud", tencent: true, start: func(skew time.Duration) *env {
	// Every request must carry a valid TC3 signature besides its token:
	// API 3.0 has no nonce, so this is how the fake checks that each
	// attempt was signed (the attempts recorder checks it was built anew).
	srv := industrialcloudtest.NewServer(industrialcloudtest.WithClock(skewed(skew)), industrialcloudtest.RequireSignature())
	return &env{Server: srv.Server, typed: srv, expire: srv.ExpireToken, client: func(s settings) (any, error) {
		return srv.Client(func(o *industrialcloud.Options) {
			o.HTTPClient, o.Retry, o.Timeout, o.Logger = s.http, industrialcloud.RetryOptions(s.retry), s.timeout, s.logger
			if s.tokens != nil {
				o.TokenProvider = s.tokens
			}
			if s.endpoint != "" {
				o.Endpoint = s.endpoint
			}
			if s.token != "" {
				o.Token, o.SecretID, o.SecretKey = s.token, industrialcloudtest.SecretID, s.secretKey
			}
		})
	}}
}}

// operation is one API operation, called with a valid request on the
// fake's seeded state.
type operation struct {
	product *product
	action  string
	write   bool // not idempotent: retried only when provably not processed
	// call binds the operation to a client of its product.
	call func(client any) func(ctx context.Context) error
	// effect reports whether the write's change is visible in the fake.
	effect func(typed any) bool
	// wrongShape is a well-formed answer whose payload has the wrong shape
	// for this operation.
	wrongShape string
	// list is how a list operation pages; nil for the others.
	list *lister
	// payload is the shape of the payload of a success answer, for the
	// decoding tests; nil for an answer that is only the envelope.
	payload *payload
}

// payload is where a success answer of an operation holds its payload,
// and what a valid one is.
type payload struct {
	// answer returns a success answer holding payload, the payload
	// member's JSON text; "" leaves the member out.
	answer func(payload string) string
	// item is a valid payload object: the answer's payload, or an element
	// of its list when pageSize, the largest page, is not 0.
	item     string
	pageSize int
	// nested is a list member of item, and integer a member of item
	// holding an integer; "" for none.
	nested, integer string
}

// member returns `,"name":value`, or "" for an empty value.
func member(name, value string) string {
	if value == "" {
		return ""
	}
	return `,"` + name + `":` + value
}

// wrapped returns an answer function: head, the payload member, tail.
func wrapped(head, name, tail string) func(string) string {
	return func(p string) string { return head + member(name, p) + tail }
}

const (
	obEnvelope  = `{"RequestId":"8C9A0D3E","Code":"OK","HttpStatusCode":200,"Success":true`
	cccEnvelope = `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E"`
	obItem      = `{"InstanceId":"i-1","InstanceName":"n","MaxConcurrentConversation":4,"CreatorId":7,"CreationTime":1578469042851}`
	cccItem     = `{"Id":"ccc-test","Name":"n","DomainName":"ccc-test","CreateTime":1578469042851}`
	icItem      = `{"UUID":"u-1","InstanceName":"n","Appid":3,"Bid":4}`
)

var (
	obInstance  = &payload{answer: wrapped(obEnvelope, "Instance", "}"), item: obItem, nested: "ResourceTags", integer: "CreatorId"}
	obList      = &payload{answer: wrapped(obEnvelope+`,"TotalCount":1`, "Instances", "}"), item: obItem, pageSize: outboundbot.MaxPageSize, nested: "ResourceTags", integer: "CreatorId"}
	cccInstance = &payload{answer: wrapped(cccEnvelope, "Data", "}"), item: cccItem, nested: "NumberList", integer: "CreateTime"}
	cccList     = &payload{answer: wrapped(cccEnvelope+`,"Data":{"TotalCount":1,"PageNumber":1,"PageSize":100`, "List", "}}"),
		item: cccItem, pageSize: ccc.MaxPageSize, nested: "NumberList", integer: "CreateTime"}
	cccWorkflow = &payload{answer: wrapped(cccEnvelope, "Data", "}"), item: `"workflow-1"`}
	cccTask     = &payload{answer: wrapped(cccEnvelope+`,"Params":[]`, "Data", "}"), item: `"task-1"`}
	icInstance  = &payload{answer: wrapped(`{"Response":{"RequestId":"8C9A0D3E","Data":{"X":0`, "Instance", "}}}"), item: icItem, nested: "CustomSpecItems", integer: "Appid"}
	icList      = &payload{answer: wrapped(`{"Response":{"RequestId":"8C9A0D3E","Data":{"TotalCount":1`, "Instances", "}}}"),
		item: icItem, pageSize: industrialcloud.MaxLimit, nested: "CustomSpecItems", integer: "Appid"}
)

func (op operation) String() string { return op.product.name + "." + op.action }

// The values the writes set, to find their effect in the fakes.
const (
	newName        = "reliability-instance"
	newDomain      = "reliability-dom"
	newDescription = "modified by the reliability suite"
	newICName      = "renamed-reliably"
)

var operations = []operation{
	{product: outboundbotProduct, action: "CreateInstance", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*outboundbot.Client).CreateInstance(ctx, &outboundbot.CreateInstanceRequest{InstanceName: newName, MaxConcurrentConversation: 2})
				return err
			}
		},
		effect: func(s any) bool {
			for _, in := range s.(*outboundbottest.Server).Instances() {
				if in.InstanceName == newName {
					return true
				}
			}
			return false
		},
		wrongShape: `{"RequestId":"8C9A0D3E","Code":"OK","Success":true,"Instance":"90515b5-6115-4ccf-83e2-52d5bfaf2ddf"}`,
		payload:    obInstance},
	{product: outboundbotProduct, action: "DescribeInstance",
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*outboundbot.Client).DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
				return err
			}
		},
		wrongShape: `{"RequestId":"8C9A0D3E","Code":"OK","Success":true,"Instance":{"InstanceId":"i","MaxConcurrentConversation":"four"}}`,
		payload:    obInstance},
	{product: outboundbotProduct, action: "ListInstances", list: outboundbotLister,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*outboundbot.Client).ListInstances(ctx, &outboundbot.ListInstancesRequest{})
				return err
			}
		},
		wrongShape: `{"RequestId":"8C9A0D3E","Code":"OK","Success":true,"Instances":{"InstanceId":"i"},"TotalCount":1}`,
		payload:    obList},
	{product: outboundbotProduct, action: "ModifyInstance", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*outboundbot.Client).ModifyInstance(ctx, &outboundbot.ModifyInstanceRequest{
					InstanceID: outboundbottest.ExampleInstanceID, InstanceDescription: outboundbot.String(newDescription), MaxConcurrentConversation: 3})
				return err
			}
		},
		effect: func(s any) bool {
			for _, in := range s.(*outboundbottest.Server).Instances() {
				if in.InstanceID == outboundbottest.ExampleInstanceID {
					return in.InstanceDescription == newDescription
				}
			}
			return false
		},
		wrongShape: `{"RequestId":"8C9A0D3E","Code":"OK","Success":true,"Instance":[1,2,3]}`,
		payload:    obInstance},
	{product: outboundbotProduct, action: "DeleteInstance", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*outboundbot.Client).DeleteInstance(ctx, &outboundbot.DeleteInstanceRequest{InstanceID: outboundbottest.ExampleInstanceID})
				return err
			}
		},
		effect: func(s any) bool { return len(s.(*outboundbottest.Server).Instances()) == 0 },
		// DeleteInstance answers only the envelope: the wrong shape is a
		// RequestId that is not text.
		wrongShape: `{"RequestId":8,"Code":"OK","Success":true}`},

	{product: cccProduct, action: "CreateInstance", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*ccc.Client).CreateInstance(ctx, &ccc.CreateInstanceRequest{
					Name: "reliability", DomainName: newDomain, AdminRAMIDList: []string{ccctest.CurrentUserRAMID}})
				return err
			}
		},
		effect: func(s any) bool {
			for _, in := range s.(*ccctest.Server).Instances() {
				if in.ID == newDomain {
					return true
				}
			}
			return false
		},
		wrongShape: `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":{"WorkflowId":"w"}}`,
		payload:    cccWorkflow},
	{product: cccProduct, action: "GetInstance",
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*ccc.Client).GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
				return err
			}
		},
		wrongShape: `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":{"Id":"ccc-test","NumberList":[{"Active":"maybe"}]}}`,
		payload:    cccInstance},
	{product: cccProduct, action: "ListInstances", list: cccListInstances,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*ccc.Client).ListInstances(ctx, &ccc.ListInstancesRequest{})
				return err
			}
		},
		wrongShape: `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":{"TotalCount":1,"List":"ccc-test"}}`,
		payload:    cccList},
	{product: cccProduct, action: "ListInstancesOfUser", list: cccListInstancesOfUser,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*ccc.Client).ListInstancesOfUser(ctx, &ccc.ListInstancesOfUserRequest{})
				return err
			}
		},
		wrongShape: `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":{"TotalCount":"many","List":[]}}`,
		payload:    cccList},
	{product: cccProduct, action: "ModifyInstance", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*ccc.Client).ModifyInstance(ctx, &ccc.ModifyInstanceRequest{InstanceID: ccctest.ExampleInstanceID, Description: ccc.String(newDescription)})
				return err
			}
		},
		effect: func(s any) bool {
			for _, in := range s.(*ccctest.Server).Instances() {
				if in.ID == ccctest.ExampleInstanceID {
					return in.Description == newDescription
				}
			}
			return false
		},
		wrongShape: `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":{"Text":"无"}}`},
	{product: cccProduct, action: "DeleteInstance", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*ccc.Client).DeleteInstance(ctx, &ccc.DeleteInstanceRequest{InstanceID: ccctest.ExampleInstanceID})
				return err
			}
		},
		effect:     func(s any) bool { return len(s.(*ccctest.Server).Instances()) == 0 },
		wrongShape: `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":"task-1","Params":"无"}`,
		payload:    cccTask},

	{product: industrialcloudProduct, action: "DescribeInstance",
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*industrialcloud.Client).DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{InstanceUUID: industrialcloudtest.ExampleInstanceUUID})
				return err
			}
		},
		wrongShape: `{"Response":{"RequestId":"8C9A0D3E","Data":{"Instance":[{"UUID":"u"}]}}}`,
		payload:    icInstance},
	{product: industrialcloudProduct, action: "DescribeInstances", list: industrialcloudLister,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*industrialcloud.Client).DescribeInstances(ctx, &industrialcloud.DescribeInstancesRequest{
					Status: []industrialcloud.Status{industrialcloud.StatusDelivered}})
				return err
			}
		},
		wrongShape: `{"Response":{"RequestId":"8C9A0D3E","Data":{"TotalCount":1,"Instances":{"UUID":"u"}}}}`,
		payload:    icList},
	{product: industrialcloudProduct, action: "ModifyInstanceName", write: true,
		call: func(c any) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := c.(*industrialcloud.Client).ModifyInstanceName(ctx, &industrialcloud.ModifyInstanceNameRequest{
					InstanceUUID: industrialcloudtest.ExampleInstanceUUID, InstanceName: newICName})
				return err
			}
		},
		effect: func(s any) bool {
			for _, in := range s.(*industrialcloudtest.Server).Instances() {
				if in.UUID == industrialcloudtest.ExampleInstanceUUID {
					return in.InstanceName == newICName
				}
			}
			return false
		},
		wrongShape: `{"Response":{"RequestId":"8C9A0D3E","Code":0,"Msg":{"text":"success"}}}`},
}

// refreshingTokens hands out a stale token until the client reports it
// rejected, then the fake's valid one: what a token service does after the
// console expired a token.
type refreshingTokens struct {
	mu          sync.Mutex
	current     string
	invalidated []string
}

func (p *refreshingTokens) Token(context.Context) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.current, nil
}

func (p *refreshingTokens) Invalidate(tok string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.invalidated = append(p.invalidated, tok)
	if tok == p.current {
		p.current = industrialcloudtest.Token
	}
}

// industrialcloudTestToken is the token industrialcloudtest's Client wires.
const industrialcloudTestToken = industrialcloudtest.Token
