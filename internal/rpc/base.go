package rpc

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/version"
)

// Service describes one product API.
type Service struct {
	Product       string         // "outboundbot": the endpoint label, and the name in errors and logs
	Version       string         // the API version, "2019-12-26"
	DefaultRegion string         // the region when Options.Region is empty
	Codes         apierror.Codes // the product's own error codes
}

// Base is the shared core of a product client. It is immutable once built
// and safe for concurrent use.
type Base struct {
	svc    Service
	opts   Options // defaults filled in
	budget *transport.Budget
	client Client // ready for calls without per-call options
}

// NewBase validates and copies the options, fills the defaults and prepares
// the client. It makes no network call: credentials are resolved per attempt.
func NewBase(svc Service, o Options, optFns []func(*Options)) (*Base, error) {
	for _, fn := range optFns {
		fn(&o)
	}
	if o.Region == "" {
		o.Region = svc.DefaultRegion
	}
	if err := o.validate(); err != nil {
		return nil, fmt.Errorf("%s.New: %w", svc.Product, err)
	}
	if o.Credential == nil {
		cred, err := credentials.NewCredential(nil)
		if err != nil {
			return nil, fmt.Errorf("%s.New: default credential chain: %w", svc.Product, err)
		}
		o.Credential = cred
	}
	if o.HTTPClient == nil {
		o.HTTPClient = transport.NewHTTPClient()
	}
	b := &Base{svc: svc, opts: o, budget: transport.NewBudget(o.Retry)}
	c, err := b.clientFor(o)
	if err != nil {
		return nil, fmt.Errorf("%s.New: %w", svc.Product, err)
	}
	b.client = *c
	return b, nil
}

// Options returns a copy of the options in use, defaults filled in.
func (b *Base) Options() Options { return b.opts }

// clientFor builds the per-call protocol client for o.
func (b *Base) clientFor(o Options) (*Client, error) {
	ep := o.Endpoint
	if ep == "" {
		ep = RegionalHost(b.svc.Product, o.Region)
	}
	u, err := Endpoint(ep)
	if err != nil {
		return nil, err
	}
	c := &Client{
		Product:          b.svc.Product,
		Version:          b.svc.Version,
		Endpoint:         u,
		Region:           o.Region,
		Credential:       o.Credential,
		SignatureVersion: o.SignatureVersion,
		UserAgent:        version.UserAgent(b.svc.Product, b.svc.Version, o.UserAgent),
		Codes:            b.svc.Codes,
		Transport: transport.Config{
			HTTPClient: o.HTTPClient,
			Retry:      o.Retry,
			Budget:     b.budget,
			Logger:     o.Logger,
			Timeout:    o.Timeout,
		},
	}
	c.Prepare()
	return c, nil
}

// Invoke runs one call with per-call option overrides.
func (b *Base) Invoke(ctx context.Context, call Call, optFns []func(*Options)) error {
	c := &b.client
	if len(optFns) > 0 {
		o := b.opts
		for _, fn := range optFns {
			fn(&o)
		}
		err := o.validate()
		if err == nil {
			c, err = b.clientFor(o)
		}
		if err != nil {
			return &apierror.OperationError{Product: b.svc.Product, Operation: call.Action, Err: err}
		}
	}
	return c.Invoke(ctx, call)
}

// Request is a typed request: it validates itself before any I/O.
type Request interface {
	Validate() error
}

// DoWire validates req, runs the call and returns the response converted
// from its wire mirror W, a struct that embeds Envelope. A 2xx JSON answer
// is decoded once, into W, envelope and payload together; error answers
// (any other status, XML, not an object, or a W that does not decode) are
// classified from the envelope alone, as Do does.
func DoWire[W any, PW interface {
	*W
	Wire
}, Out any](ctx context.Context, b *Base, action string, idempotent bool, req Request, optFns []func(*Options), convert func(*W) *Out) (*Out, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	slot := new(wireOf[W, PW])
	if err := b.Invoke(ctx, Call{Action: action, Idempotent: idempotent, Request: req, Response: slot}, optFns); err != nil {
		return nil, err
	}
	return convert(&slot.w), nil
}

// wireSlot is a Call.Response decoded in one pass.
type wireSlot interface {
	decodeWire(body []byte) (*Envelope, error)
}

// wireOf holds the wire mirror of one call.
type wireOf[W any, PW interface {
	*W
	Wire
}] struct{ w W }

// decodeWire decodes body into a zeroed mirror (an earlier attempt may
// have filled it) and returns its envelope.
func (s *wireOf[W, PW]) decodeWire(body []byte) (*Envelope, error) {
	var zero W
	s.w = zero
	err := json.Unmarshal(body, &s.w)
	return PW(&s.w).RPCEnvelope(), err
}
