package ccc

import (
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// APIVersion is the Contact Center API version this package speaks.
const APIVersion = "2020-07-01"

// DefaultRegion is the region used when Options.Region is empty.
const DefaultRegion = "cn-shanghai"

// Options configures a Client. The zero value of every field means its
// default: region cn-shanghai (endpoint ccc.cn-shanghai.aliyuncs.com),
// credentials from the credentials-go default chain, 3 attempts with
// jittered backoff, HMAC-SHA1 signing. Its fields are Region, Endpoint,
// Credential, HTTPClient, Retry, Timeout, Logger, UserAgent and
// SignatureVersion; see the field documentation.
type Options = rpc.Options

// HTTPClient sends HTTP requests; *http.Client satisfies it, and so does a
// recording or replaying test double.
type HTTPClient = transport.HTTPClient

// RetryOptions sets attempts and backoff: MaxAttempts (0 means 3, 1 turns
// retries off), BaseDelay (100 ms), MaxDelay (5 s) and BudgetTokens, the
// client-wide retry budget (500; negative disables it).
type RetryOptions = transport.Retry

// service describes the Contact Center API to the shared RPC client. The
// endpoint is ccc.<Region>.aliyuncs.com.
var service = rpc.Service{
	Product:       "ccc",
	Version:       APIVersion,
	DefaultRegion: DefaultRegion,
	Codes:         codes,
}

// Client calls the Contact Center API. It is immutable and safe for
// concurrent use; create one and share it.
type Client struct {
	base *rpc.Base
}

// New returns a Client configured by o, then by each optFn in order. It
// validates the options and makes no network call.
func New(o Options, optFns ...func(*Options)) (*Client, error) {
	b, err := rpc.NewBase(service, o, optFns)
	if err != nil {
		return nil, err
	}
	return &Client{base: b}, nil
}

// Options returns a copy of the client's options, defaults filled in.
func (c *Client) Options() Options { return c.base.Options() }
