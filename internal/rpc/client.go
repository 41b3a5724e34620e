package rpc

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"time"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/credcache"
	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/observe"
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

	// Set by Prepare (or given by the Base); a Client without them works,
	// only slower, and asks its Credential through a cache of each attempt.
	creds *credcache.Cache // asks Credential, one goroutine at a time
	plans *planCache       // the encoding plans of request types
}

// header returns the header of one request with Accept, User-Agent and, for
// a form, Content-Type. The map and its value slices are the request's own,
// since a caller's HTTPClient may edit them in place. The values share one
// array; each slice has capacity one, so appending to one copies it rather
// than overwrite its neighbour. The map has room for eight keys, one small
// map's worth, which holds ACS3's headers too (with an STS token it grows
// once).
func (c *Client) header(form bool) http.Header {
	v := &[3]string{"application/json", c.UserAgent, formType}
	h := make(http.Header, 8)
	h["Accept"] = v[0:1:1]
	h["User-Agent"] = v[1:2:2]
	if form {
		h["Content-Type"] = v[2:3:3]
	}
	return h
}

// formType is the Content-Type of a form body.
const formType = "application/x-www-form-urlencoded"

// Prepare readies c for calls: unless c has them, it makes the credentials
// cache its Credential is asked through (which reads a fixed AccessKey
// once, on the first call) and the encoding plan cache its requests share.
// It makes no network call.
func (c *Client) Prepare() {
	if c.plans == nil {
		c.plans = new(planCache)
	}
	if c.creds == nil && c.Credential != nil {
		c.creds = credcache.New(c.Credential)
	}
}

// Call describes one RPC operation.
type Call struct {
	Action     string // "DescribeInstance"
	Method     string // "GET" or "POST"; "" is POST
	Idempotent bool   // reads: retried on any transient failure
	Request    any    // a struct with `url` tags, or nil
	Response   any    // a pointer the JSON payload is decoded into
}

// Invoke runs one call: attempts through the transport, each encoding,
// signing and sending the request anew.
func (c *Client) Invoke(ctx context.Context, call Call) error {
	return c.invoke(ctx, &exchange{c: c, call: call})
}

func (c *Client) invoke(ctx context.Context, x *exchange) error {
	return c.Transport.Do(ctx, &transport.Call{
		Product:    c.Product,
		Operation:  x.call.Action,
		Idempotent: x.call.Idempotent,
		Protocol:   observe.ProtocolAlibabaRPC,
		Region:     c.Region,
		Host:       c.Endpoint.Host,
		Exchange:   x,
	})
}

// exchange is one call's transport.Exchange. It keeps the secrets of the
// latest attempt in place, so building one allocates no slice for them.
type exchange struct {
	c       *Client
	call    Call
	secrets [4]string
}

// Build builds and signs the request of one attempt.
func (x *exchange) Build(ctx context.Context) (*http.Request, []string, error) {
	r, cr, sig, err := x.c.build(ctx, &x.call)
	if err != nil {
		return nil, nil, err
	}
	x.secrets = [4]string{cr.secret, cr.token, cr.bearer, sig}
	return r, x.secrets[:], nil
}

// Decode classifies one answer and, on success, fills the response.
func (x *exchange) Decode(a *transport.Answer) error {
	return x.c.decode(x.call.Action, a, x.call.Response)
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// stamp returns the Timestamp and SignatureNonce of one attempt, formatted
// into one string: UTC seconds, and 16 random bytes in hex.
func (c *Client) stamp() (now, nonce string) {
	t := c.now().UTC()
	if c.Nonce != nil {
		return t.Format(timestampLayout), c.Nonce()
	}
	var buf [len(timestampLayout) + 32]byte
	b := t.AppendFormat(buf[:0], timestampLayout)
	n := len(b)
	var random [16]byte
	rand.Read(random[:]) // never fails (crypto/rand documents it)
	b = hex.AppendEncode(b, random[:])
	s := string(b)
	return s[:n], s[n:]
}
