package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	v1creds "github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	v1ccc "github.com/aliyun/alibaba-cloud-sdk-go/services/ccc"
	v1ob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"
	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// The static AccessKey every client signs with, and the documented IDs.
const (
	AccessKeyID     = "LTAI5tBenchAccessKeyId01"
	AccessKeySecret = "BenchSecret0123456789abcdefABCD"
	Region          = "cn-shanghai"
	OBInstanceID    = "90515b5-6115-4ccf-83e2-52d5bfaf2ddf" // testdata/DescribeInstance
	CCCInstanceID   = "ccc-test"                            // testdata/GetInstance
)

// NewTransport returns the http.Transport every client gets (each its own
// instance, same settings): keep-alive on, up to 64 idle connections per
// host so 64 goroutines reuse connections, no proxy (loopback only).
func NewTransport() *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       90 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// Call is one call of one operation by one client; it returns an error
// unless the answer was decoded and reports success, and the decoded answer
// (nil for transport-only) so a one-off check can compare the contents.
type Call func(ctx context.Context) (any, error)

// Client is one client under test, ready to call one operation.
type Client struct {
	Name      string
	Call      Call
	Transport *http.Transport // closed by Close
}

// Close drops the client's idle connections.
func (c *Client) Close() {
	if c.Transport != nil {
		c.Transport.CloseIdleConnections()
	}
}

// Operation names a benchmarked operation.
type Operation int

const (
	DescribeInstance Operation = iota // outboundbot 2019-12-26
	GetInstance                       // ccc 2020-07-01
)

func (op Operation) action() string {
	if op == GetInstance {
		return "GetInstance"
	}
	return "DescribeInstance"
}

func (op Operation) version() string {
	if op == GetInstance {
		return "2020-07-01"
	}
	return "2019-12-26"
}

func (op Operation) instanceID() string {
	if op == GetInstance {
		return CCCInstanceID
	}
	return OBInstanceID
}

// Clients lists the clients of the call benchmarks, in report order.
var Clients = []string{"transport-only", "floor", "sdk", "v1", "v2"}

// NewClient returns the named client calling op against s.
func NewClient(name string, op Operation, s *Server) (*Client, error) {
	tr := NewTransport()
	hc := &http.Client{Transport: tr}
	c := &Client{Name: name, Transport: tr}
	var err error
	switch name {
	case "transport-only":
		c.Call, err = transportOnly(op, s, hc)
	case "floor":
		c.Call = floorCall(op, NewFloor(s.URL, AccessKeyID, AccessKeySecret, Region, hc))
	case "sdk":
		c.Call, err = sdkCall(op, s, hc)
	case "sdk-default":
		// The SDK with its own default HTTP client (transport.NewHTTPClient)
		// instead of the shared-settings one.
		c.Transport = nil
		c.Call, c.Transport, err = sdkDefaultCall(op, s)
	case "v1":
		c.Call, err = v1Call(op, s, tr)
	case "v2":
		c.Call, err = v2Call(op, s, hc)
	default:
		err = fmt.Errorf("unknown client %q", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// transportOnly is the HTTP exchange alone: one prebuilt, correctly signed
// POST (the floor's request, built once) sent again and again, the answer
// read and discarded. Every client pays at least this.
func transportOnly(op Operation, s *Server, hc *http.Client) (Call, error) {
	params := []floorParam{
		{"InstanceId", op.instanceID()},
		{"Action", op.action()}, {"Version", op.version()}, {"Format", "JSON"}, {"RegionId", Region},
		{"AccessKeyId", AccessKeyID}, {"SignatureMethod", "HMAC-SHA1"}, {"SignatureVersion", "1.0"},
		{"SignatureNonce", floorNonce()}, {"Timestamp", time.Now().UTC().Format("2006-01-02T15:04:05Z")},
	}
	query, sig := floorSign(params, []byte(AccessKeySecret+"&"))
	req, err := http.NewRequest(http.MethodPost, s.URL+"/?"+query+"&Signature="+percentEncode(sig), nil)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (any, error) {
		resp, err := hc.Do(req)
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		return nil, err
	}, nil
}

func floorCall(op Operation, f *Floor) Call {
	if op == GetInstance {
		return func(ctx context.Context) (any, error) {
			return f.GetInstance(ctx, CCCInstanceID)
		}
	}
	return func(ctx context.Context) (any, error) {
		return f.DescribeInstance(ctx, OBInstanceID)
	}
}

// SDKCredential is the static AccessKey credential of credentials-go that
// the SDK client is given.
func SDKCredential() (credentials.Credential, error) {
	return credentials.NewCredential(new(credentials.Config).SetType("access_key").
		SetAccessKeyId(AccessKeyID).SetAccessKeySecret(AccessKeySecret))
}

// SDKOptions are the options every SDK client of the benchmarks gets:
// the loopback endpoint, the static credential, the shared-settings
// transport, and one attempt (no retries, as the peers are configured).
func SDKOptions(s *Server, hc *http.Client) (outboundbot.Options, error) {
	cred, err := SDKCredential()
	if err != nil {
		return outboundbot.Options{}, err
	}
	return outboundbot.Options{
		Endpoint:   s.URL,
		Region:     Region,
		Credential: cred,
		HTTPClient: hc,
		Retry:      outboundbot.RetryOptions{MaxAttempts: 1},
	}, nil
}

// CCCOptions returns the Contact Center options of the same settings as o.
func CCCOptions(o outboundbot.Options) ccc.Options {
	return ccc.Options{Endpoint: o.Endpoint, Region: o.Region, Credential: o.Credential,
		HTTPClient: o.HTTPClient, Retry: ccc.RetryOptions(o.Retry)}
}

func sdkCall(op Operation, s *Server, hc *http.Client) (Call, error) {
	o, err := SDKOptions(s, hc)
	if err != nil {
		return nil, err
	}
	if op == GetInstance {
		c, err := ccc.New(CCCOptions(o))
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) (any, error) {
			return c.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: CCCInstanceID})
		}, nil
	}
	c, err := outboundbot.New(o)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (any, error) {
		return c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: OBInstanceID})
	}, nil
}

func sdkDefaultCall(op Operation, s *Server) (Call, *http.Transport, error) {
	o, err := SDKOptions(s, nil)
	if err != nil {
		return nil, nil, err
	}
	o.HTTPClient = nil
	c, err := outboundbot.New(o)
	if err != nil {
		return nil, nil, err
	}
	tr, _ := c.Options().HTTPClient.(*http.Client).Transport.(*http.Transport)
	return func(ctx context.Context) (any, error) {
		return c.DescribeInstance(ctx, &outboundbot.DescribeInstanceRequest{InstanceID: OBInstanceID})
	}, tr, nil
}

// V1Config is the configuration of every v1 client: no retries, HTTP.
// (v1 always sets a read timeout on its http.Client; it cannot be turned
// off.)
func V1Config() *sdk.Config {
	return sdk.NewConfig().WithAutoRetry(false).WithMaxRetryTime(0).WithScheme("HTTP")
}

func v1Call(op Operation, s *Server, tr *http.Transport) (Call, error) {
	cred := v1creds.NewAccessKeyCredential(AccessKeyID, AccessKeySecret)
	if op == GetInstance {
		c, err := v1ccc.NewClientWithOptions(Region, V1Config(), cred)
		if err != nil {
			return nil, err
		}
		c.Domain = s.Host
		c.SetTransport(tr)
		return func(ctx context.Context) (any, error) {
			req := v1ccc.CreateGetInstanceRequest()
			req.InstanceId = CCCInstanceID
			resp, err := c.GetInstance(req)
			if err != nil {
				return nil, err
			}
			if resp.Code != "OK" || resp.RequestId == "" {
				return nil, errNoSuccess
			}
			return resp, nil
		}, nil
	}
	c, err := v1ob.NewClientWithOptions(Region, V1Config(), cred)
	if err != nil {
		return nil, err
	}
	c.Domain = s.Host
	c.SetTransport(tr)
	return func(ctx context.Context) (any, error) {
		req := v1ob.CreateDescribeInstanceRequest()
		req.InstanceId = OBInstanceID
		resp, err := c.DescribeInstance(req)
		if err != nil {
			return nil, err
		}
		if resp.Code != "OK" || !resp.Success || resp.RequestId == "" {
			return nil, errNoSuccess
		}
		return resp, nil
	}, nil
}

// daraHTTP makes darabonba send through the shared-settings http.Client
// instead of the http.Transport it builds for every request.
type daraHTTP struct{ hc *http.Client }

func (d daraHTTP) Call(req *http.Request, _ *http.Transport) (*http.Response, error) {
	return d.hc.Do(req)
}

// V2Client returns the darabonba-openapi v2 client pointed at s: static
// AccessKey, RPC HMAC-SHA1 signing (SignatureAlgorithm "v2", which routes
// CallApi to DoRPCRequest, the scheme the other clients use), HTTP, no
// retries (RetryOptions nil), our http.Client.
func V2Client(s *Server, hc *http.Client) (*openapi.Client, error) {
	return openapi.NewClient(&openapi.Config{
		AccessKeyId:        dara.String(AccessKeyID),
		AccessKeySecret:    dara.String(AccessKeySecret),
		Endpoint:           dara.String(s.Host),
		Protocol:           dara.String("HTTP"),
		RegionId:           dara.String(Region),
		SignatureAlgorithm: dara.String("v2"),
		HttpClient:         daraHTTP{hc},
	})
}

// V2Params describes op to CallApi as a generated module would.
func V2Params(action, version string) *openapiutil.Params {
	return &openapiutil.Params{
		Action:      dara.String(action),
		Version:     dara.String(version),
		Protocol:    dara.String("HTTP"),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
}

// V2Body returns the decoded body of a CallApi result after checking the
// status and Code.
func V2Body(res map[string]any) (map[string]any, error) {
	body, _ := res["body"].(map[string]any)
	if body == nil {
		return nil, errors.New("no body in the CallApi result")
	}
	if code := num(res["statusCode"]); code != http.StatusOK {
		return nil, fmt.Errorf("HTTP %v", res["statusCode"])
	}
	if body["Code"] != "OK" || body["RequestId"] == nil {
		return nil, errNoSuccess
	}
	return body, nil
}

func v2Call(op Operation, s *Server, hc *http.Client) (Call, error) {
	c, err := V2Client(s, hc)
	if err != nil {
		return nil, err
	}
	params := V2Params(op.action(), op.version())
	id := op.instanceID()
	return func(ctx context.Context) (any, error) {
		// RegionId goes in the query as the generated modules (and the
		// other clients) send it.
		req := &openapiutil.OpenApiRequest{Query: map[string]*string{
			"InstanceId": dara.String(id),
			"RegionId":   dara.String(Region),
		}}
		res, err := c.CallApi(params, req, &dara.RuntimeOptions{})
		if err != nil {
			return nil, err
		}
		return V2Body(res)
	}, nil
}
