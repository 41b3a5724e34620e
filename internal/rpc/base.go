package rpc

import (
	"context"
	"fmt"
	"net/http"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/credcache"
	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/version"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// Service describes one product API.
type Service struct {
	Product       string         // "outboundbot": the endpoint label, and the name in errors and logs
	Version       string         // the API version, "2019-12-26"
	DefaultRegion string         // the region when Options.Region is empty
	Codes         apierror.Codes // the product's own error codes
	// Host returns the endpoint host of a region, unless Options.Endpoint
	// names one.
	Host func(region string) string
}

// Convert turns a product's own Options type, O, into the protocol's
// Options and back. Each product documents its Options in its own package
// (go doc shows the fields of no alias), with the fields of Options.
type Convert[O any] struct {
	To   func(O) Options
	From func(Options) O
}

// Base is the shared core of a product client whose options are of type O.
// It is immutable once built and safe for concurrent use.
type Base[O any] struct {
	svc    Service
	conv   Convert[O]
	opts   Options // defaults filled in
	budget *transport.Budget
	plans  *planCache // shared by the clients of per-call options too
	client Client     // ready for calls without per-call options
}

// NewBase applies optFns to the product options po, converts them with
// conv, validates and copies them, fills the defaults and prepares the
// client. It makes no network call: credentials are resolved per
// attempt, through a credcache.Cache of the Credential (the Credential
// itself if it is one), which is what Options then returns.
func NewBase[O any](svc Service, conv Convert[O], po O, optFns []func(*O)) (*Base[O], error) {
	for _, fn := range optFns {
		fn(&po)
	}
	o := conv.To(po)
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
	// One cache for every call of the client, per-call options included:
	// the Credential is asked by one goroutine at a time.
	o.Credential = credcache.New(o.Credential)
	if o.HTTPClient == nil {
		o.HTTPClient = transport.NewHTTPClient()
	}
	b := &Base[O]{svc: svc, conv: conv, opts: o, budget: transport.NewBudget(o.Retry), plans: new(planCache)}
	c, err := b.clientFor(o)
	if err != nil {
		return nil, fmt.Errorf("%s.New: %w", svc.Product, err)
	}
	b.client = *c
	transport.WarnPlainHTTP(o.Logger, svc.Product, c.Endpoint)
	return b, nil
}

// Options returns a copy of the options in use, defaults filled in.
func (b *Base[O]) Options() O { return b.conv.From(b.opts) }

// clientFor builds the per-call protocol client for o.
func (b *Base[O]) clientFor(o Options) (*Client, error) {
	ep := o.Endpoint
	if ep == "" {
		ep = b.svc.Host(o.Region)
	}
	u, err := transport.ParseEndpoint(ep)
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
		plans:            b.plans,
		Transport: transport.Config{
			HTTPClient: transport.WithoutRedirects(o.HTTPClient),
			Retry:      o.Retry,
			Budget:     b.budget,
			Logger:     o.Logger,
			Timeout:    o.Timeout,
			Observer:   o.Observer,
		},
	}
	c.Prepare()
	return c, nil
}

// Invoke runs action, an operation the product does not model, as a POST
// with per-call option overrides: params (a struct with go-querystring url
// tags, or nil) is encoded as Params does, and the whole answer object is
// decoded into out (a pointer, or nil) with encoding/json once the
// envelope says success. Bad arguments are reported before any I/O.
func (b *Base[O]) Invoke(ctx context.Context, action string, idempotent bool, params, out any, optFns []func(*O)) error {
	return b.InvokeAction(ctx, Action{Name: action, Idempotent: idempotent}, params, out, optFns)
}

// InvokeAction is Invoke with the whole Action: its Method "GET" sends
// every parameter in the query.
func (b *Base[O]) InvokeAction(ctx context.Context, a Action, params, out any, optFns []func(*O)) error {
	fail := func(err error) error {
		return &apierror.OperationError{Product: b.svc.Product, Operation: a.Name, Err: err}
	}
	if err := transport.CheckInvoke(ctx, a.Name, out); err != nil {
		return fail(err)
	}
	if a.Method != "" && a.Method != http.MethodGet && a.Method != http.MethodPost {
		return fail(fmt.Errorf("method %q: RPC calls are GET or POST", a.Method))
	}
	if _, err := Params(params); err != nil {
		return fail(fmt.Errorf("params: %w", err))
	}
	c, err := b.clientWith(optFns)
	if err != nil {
		return fail(err)
	}
	return c.Invoke(ctx, Call{Action: a.Name, Method: a.Method, Idempotent: a.Idempotent, Request: params, Response: out})
}

// clientWith returns the client of a call: the prepared one, or one made
// for the per-call option overrides.
func (b *Base[O]) clientWith(optFns []func(*O)) (*Client, error) {
	if len(optFns) == 0 {
		return &b.client, nil
	}
	po := b.conv.From(b.opts)
	for _, fn := range optFns {
		fn(&po)
	}
	o := b.conv.To(po)
	if err := o.validate(); err != nil {
		return nil, err
	}
	return b.clientFor(o)
}

// Request is a typed request: it validates itself before any I/O.
type Request interface {
	Validate() error
}

// Decode reads one answer's top-level object with d, in one pass: each
// member the response holds into it, and every other member through
// env.Member, which keeps the envelope and skips the rest. It returns the
// response; d records any error.
type Decode[Out any] func(d *wire.Decoder, env *Envelope) *Out

// Action names an operation and says how it is sent: its HTTP method
// ("" is POST) and whether it may be retried on any transient failure.
// Generated code passes it as a composite literal, so an operation a
// program does not call leaves nothing behind in the binary.
type Action struct {
	Name       string // "DescribeInstance"
	Method     string // "GET" or "POST"; "" is POST
	Idempotent bool   // reads: retried on any transient failure
}

// Do validates req, runs the call and returns its response. A 2xx
// JSON answer is read once, envelope and payload together, by decode;
// error answers (any other status, XML, not an object, or a body decode
// refuses) are classified from the envelope alone.
func Do[Out, O any](ctx context.Context, b *Base[O], a Action, req Request, optFns []func(*O), decode Decode[Out]) (*Out, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	c, err := b.clientWith(optFns)
	if err != nil {
		return nil, &apierror.OperationError{Product: b.svc.Product, Operation: a.Name, Err: err}
	}
	p := &payload[Out]{decode: decode}
	p.x = exchange{c: c, call: Call{Action: a.Name, Method: a.Method, Idempotent: a.Idempotent, Request: req, Response: p}}
	if err := c.invoke(ctx, &p.x); err != nil {
		return nil, err
	}
	return p.out, nil
}

// wireSlot is a Call.Response decoded in one pass, which stops when ctx
// (nil: never) is done.
type wireSlot interface {
	decodeWire(ctx context.Context, body []byte) (*Envelope, error)
}

// payload is one call of Do: its exchange, the response and the decoder
// that reads it, in one allocation.
type payload[Out any] struct {
	x      exchange
	decode Decode[Out]
	d      wire.Decoder
	env    Envelope
	out    *Out
}

// decodeWire decodes body afresh (an earlier attempt may have filled the
// slot) and returns its envelope.
func (p *payload[Out]) decodeWire(ctx context.Context, body []byte) (*Envelope, error) {
	p.d.Reset(body)
	p.d.SetContext(ctx)
	p.env = Envelope{}
	p.out = p.decode(&p.d, &p.env)
	return &p.env, p.d.Finish()
}
