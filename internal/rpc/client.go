package rpc

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"time"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/signer"
)

// Client holds what every call of one product client shares. Product
// packages build one per call from their options (it is a small value) and
// must not change it while calls run.
type Client struct {
	Product          string   // "outboundbot"; for errors and logs
	Version          string   // the API version, "2019-12-26"
	Endpoint         *url.URL // from Endpoint
	Region           string   // sent as RegionId when set, as the official SDKs do
	Credential       credentials.Credential
	SignatureVersion signer.Version
	UserAgent        string         // the full User-Agent header value
	Codes            apierror.Codes // the product's own codes, looked up before AlibabaCodes
	Transport        transport.Config

	// Now and Nonce are the clock and nonce source; nil means the real clock
	// and 16 random bytes in hex. Tests pin them.
	Now   func() time.Time
	Nonce func() string
}

// Call describes one RPC operation.
type Call struct {
	Action     string // "DescribeInstance"
	Idempotent bool   // reads: retried on any transient failure
	Request    any    // a struct with `url` tags, or nil
	Response   any    // a pointer the JSON payload is decoded into
}

// Invoke runs one call: encode, then attempts through the transport.
func (c *Client) Invoke(ctx context.Context, call Call) error {
	params, err := Params(call.Request)
	if err != nil {
		return &apierror.OperationError{Product: c.Product, Operation: call.Action, Err: err}
	}
	return c.Transport.Do(ctx, &transport.Call{
		Product:    c.Product,
		Operation:  call.Action,
		Idempotent: call.Idempotent,
		Build: func(ctx context.Context) (*http.Request, []string, error) {
			return c.build(ctx, call.Action, params)
		},
		Decode: func(a *transport.Answer) error {
			return c.decode(call.Action, a, call.Response)
		},
	})
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) nonce() string {
	if c.Nonce != nil {
		return c.Nonce()
	}
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand documents it)
	return hex.EncodeToString(b[:])
}
