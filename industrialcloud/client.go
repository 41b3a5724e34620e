package industrialcloud

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/version"
	"github.com/typedcloud/sdk-go/observe"
)

// The wire assumptions, each an Options field with this default. The doc
// section "Wire format" gives the evidence behind each one.
const (
	// APIVersion is the X-TC-Version the instance console answers to.
	APIVersion = "2019-12-26"
	// DefaultHostLabel is the first label of the endpoint host:
	// http://instance-console-api.<Domain>.
	DefaultHostLabel = "instance-console-api"
	// DefaultService is the service of the TC3 credential scope.
	DefaultService = "instance-console-app"
	// DefaultModule is the value of the Module field every request body
	// carries.
	DefaultModule = "instance-console"
	// NoModule, as Options.Module, leaves the Module field out of the body.
	NoModule = "-"
)

const product = "industrialcloud"

// TokenProvider hands out the token each attempt carries. It is asked once
// per attempt, so a provider that refreshes tokens is picked up without a
// new Client; every goroutine sharing the Client asks it, so it must be
// safe for concurrent use. A provider that also has an Invalidate(token string) method is
// told which token the service rejected (AuthFailure.TokenFailure or another
// AuthFailure.Token* code) before it is asked again; the call is then made
// once more, and a second rejection is returned as an ErrAuth error.
type TokenProvider interface {
	Token(ctx context.Context) (string, error)
}

// tokenInvalidator is the optional half of a TokenProvider.
type tokenInvalidator interface {
	Invalidate(token string)
}

// Headers names the protocol headers. A zero field means the Tencent Cloud
// API 3.0 name.
type Headers struct {
	Action    string // the action header; X-TC-Action
	Version   string // the API version header; X-TC-Version
	Timestamp string // the Unix time header; X-TC-Timestamp
	Region    string // the region header; X-TC-Region
	Token     string // the token header; X-TC-Token
}

// DefaultHeaders returns the Tencent Cloud API 3.0 header names.
func DefaultHeaders() Headers { return Headers(tc3api.DefaultHeaders()) }

// RetryOptions configures retries. The zero value means the defaults: 3
// attempts, exponential backoff with full jitter from 100 ms, capped at 5 s,
// and a client-wide budget of 500 tokens.
type RetryOptions struct {
	// MaxAttempts is the total number of attempts, the first included.
	// 0 means 3; 1 turns retries off.
	MaxAttempts int
	// BaseDelay is the backoff before the second attempt, doubled for each
	// further one; the actual sleep is uniformly random in [0, delay]
	// ("full jitter"). 0 means 100 ms.
	BaseDelay time.Duration
	// MaxDelay caps the backoff. 0 means 5 s.
	MaxDelay time.Duration
	// BudgetTokens is the size of the client-wide retry budget: each retry
	// spends 5 tokens (10 after a network failure) and each successful call
	// returns one, so a failing service cannot turn every call into
	// MaxAttempts calls. 0 means 500; a negative value disables the budget.
	// It is read once, when the client is created.
	BudgetTokens int
}

// HTTPClient sends HTTP requests; *http.Client satisfies it, and so does a
// recording or replaying test double.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Options configures a Client. The zero value of every field means its
// default. Domain (or Endpoint) and a credential — Token, TokenProvider, or
// SecretID with SecretKey — are required.
//
// Options holds secrets: printing it (%v, %+v, %#v, slog) shows REDACTED in
// place of Token and SecretKey, and encoding/json leaves them out.
type Options struct {
	// Domain is the industrial environment's domain ("工业环境域名"), e.g.
	// "industry.example.com"; calls go to https://<HostLabel>.<Domain>/.
	Domain string

	// Endpoint overrides the address built from Domain: a host
	// ("instance-console-api.industry.example.com", reached over HTTPS) or
	// a full URL. Plain HTTP is used only when written here, as in
	// "http://instance-console-api.industry.example.com" (the address the
	// console's documentation shows, for a deployment without TLS; the
	// token then travels in clear text) or "http://127.0.0.1:8080" for a
	// fake.
	Endpoint string

	// Token is sent in the Token header (X-TC-Token) of every request.
	Token string `json:"-"`

	// TokenProvider supplies the token per attempt instead of Token; set one
	// or the other.
	TokenProvider TokenProvider

	// SecretID and SecretKey, when set (both or neither), sign every request
	// with TC3-HMAC-SHA256 in addition to the token.
	SecretID  string
	SecretKey string `json:"-"`

	// Region is sent as X-TC-Region when set; by default no region is sent.
	Region string

	// HTTPClient sends the requests. nil means a client made for this SDK
	// client: keep-alive, up to 64 idle connections per host, proxies from
	// the environment.
	//
	// A signed call never follows a redirect: a 3xx answer is returned as a
	// *RedirectError and nothing is resent. A *http.Client is used through a
	// copy whose CheckRedirect refuses redirects (your value is not
	// changed). Any other implementation must not follow redirects itself:
	// the SDK can only notice afterwards that the answer came from another
	// address, and returns a *RedirectError instead of that answer.
	HTTPClient HTTPClient

	// Retry sets attempts and backoff; see RetryOptions. The retry budget is
	// sized when the client is created and shared by all its calls.
	Retry RetryOptions

	// Timeout bounds each call, retries and backoff included, and the call
	// made again after a rejected token too. 0 means only the context
	// bounds it.
	Timeout time.Duration

	// Logger receives one debug line per attempt (operation, attempt,
	// status, request ID, latency; never a secret). nil means silent.
	Logger *slog.Logger

	// Observer is told of every call and every attempt (see package
	// observe): the hook for tracing and metrics, such as the OpenTelemetry
	// one of the module github.com/typedcloud/sdk-go/otel. nil means none.
	Observer observe.Observer

	// UserAgent is appended to the SDK's User-Agent header.
	UserAgent string

	// HostLabel is the first label of the host built from Domain; empty
	// means DefaultHostLabel. The community SDK's examples use
	// "instance-console-app-api".
	HostLabel string

	// Service is the TC3 credential-scope service; empty means
	// DefaultService. Used only when signing.
	Service string

	// APIVersion is sent as X-TC-Version; empty means APIVersion.
	APIVersion string

	// Module is the body's Module field; empty means DefaultModule, and
	// NoModule leaves the field out.
	Module string

	// Headers renames the protocol headers; zero fields keep the defaults.
	Headers Headers
}

// withDefaults returns o with every empty wire assumption filled in.
func (o Options) withDefaults() Options {
	if o.HostLabel == "" {
		o.HostLabel = DefaultHostLabel
	}
	if o.Service == "" {
		o.Service = DefaultService
	}
	if o.APIVersion == "" {
		o.APIVersion = APIVersion
	}
	if o.Module == "" {
		o.Module = DefaultModule
	}
	def := tc3api.DefaultHeaders()
	fill := func(name *string, value string) {
		if *name == "" {
			*name = value
		}
	}
	fill(&o.Headers.Action, def.Action)
	fill(&o.Headers.Version, def.Version)
	fill(&o.Headers.Timestamp, def.Timestamp)
	fill(&o.Headers.Region, def.Region)
	fill(&o.Headers.Token, def.Token)
	return o
}

// validate reports every invalid field at once. o has its defaults filled.
func (o *Options) validate() error {
	var bad []string
	if o.Domain == "" && o.Endpoint == "" {
		bad = append(bad, "Domain or Endpoint is required")
	}
	if _, err := o.endpoint(); err != nil && (o.Domain != "" || o.Endpoint != "") {
		bad = append(bad, err.Error())
	}
	switch {
	case o.Token != "" && o.TokenProvider != nil:
		bad = append(bad, "set Token or TokenProvider, not both")
	case o.Token == "" && o.TokenProvider == nil && o.SecretKey == "" && o.SecretID == "":
		bad = append(bad, "Token, TokenProvider or SecretID and SecretKey is required")
	}
	if (o.SecretID == "") != (o.SecretKey == "") {
		bad = append(bad, "SecretID and SecretKey go together: set both or neither")
	}
	if o.Retry.MaxAttempts < 0 || o.Retry.BaseDelay < 0 || o.Retry.MaxDelay < 0 {
		bad = append(bad, "Retry: MaxAttempts, BaseDelay and MaxDelay must not be negative")
	}
	if o.Timeout < 0 {
		bad = append(bad, "Timeout must not be negative")
	}
	for _, h := range []struct{ field, name string }{
		{"Headers.Action", o.Headers.Action}, {"Headers.Version", o.Headers.Version},
		{"Headers.Timestamp", o.Headers.Timestamp}, {"Headers.Region", o.Headers.Region}, {"Headers.Token", o.Headers.Token},
	} {
		if !isToken(h.name) {
			bad = append(bad, fmt.Sprintf("%s: %q is not a header name", h.field, h.name))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("invalid options: %s", strings.Join(bad, "; "))
}

// endpoint returns the URL calls go to: Endpoint, or
// https://<HostLabel>.<Domain>/.
func (o *Options) endpoint() (*url.URL, error) {
	if o.Endpoint != "" {
		u, err := transport.ParseEndpoint(o.Endpoint)
		if err != nil {
			return nil, fmt.Errorf("Endpoint: %w", err)
		}
		return u, nil
	}
	if !isHost(o.Domain) {
		return nil, fmt.Errorf("Domain: %q is not a domain name (use Endpoint for a URL)", o.Domain)
	}
	if !isHost(o.HostLabel) {
		return nil, fmt.Errorf("HostLabel: %q is not a host label", o.HostLabel)
	}
	return transport.ParseEndpoint(o.HostLabel + "." + o.Domain)
}

// isHost reports whether s is made of DNS name characters (letters, digits,
// '-', '.'), with no leading or trailing dot.
func isHost(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// isToken reports whether s is a valid HTTP header name (RFC 9110 token).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// Client calls the industrial cloud instance console. It is immutable and
// safe for concurrent use; create one and share it. Printing it shows its
// options with the secrets redacted.
type Client struct {
	opts   *Options          // defaults filled in
	budget *transport.Budget // the client-wide retry budget
	api    *tc3api.Client    // ready for calls without per-call options
}

// New returns a Client configured by o, then by each optFn in order. It
// validates the options and makes no network call.
func New(o Options, optFns ...func(*Options)) (*Client, error) {
	for _, fn := range optFns {
		fn(&o)
	}
	o = o.withDefaults()
	if err := o.validate(); err != nil {
		return nil, fmt.Errorf("%s.New: %w", product, err)
	}
	if o.HTTPClient == nil {
		o.HTTPClient = transport.NewHTTPClient()
	}
	c := &Client{opts: &o, budget: transport.NewBudget(transport.Retry(o.Retry))}
	api, err := c.clientFor(o)
	if err != nil {
		return nil, fmt.Errorf("%s.New: %w", product, err)
	}
	c.api = api
	transport.WarnPlainHTTP(o.Logger, product, api.Endpoint)
	return c, nil
}

// Options returns a copy of the client's options, defaults filled in.
func (c *Client) Options() Options { return *c.opts }

// clientFor builds the protocol client for o, which has its defaults
// filled and has been validated.
func (c *Client) clientFor(o Options) (*tc3api.Client, error) {
	u, err := o.endpoint()
	if err != nil {
		return nil, err
	}
	api := &tc3api.Client{
		Product:     product,
		Version:     o.APIVersion,
		Service:     o.Service,
		Endpoint:    u,
		Region:      o.Region,
		Headers:     tc3api.Headers(o.Headers),
		Credentials: credentials(o),
		UserAgent:   version.UserAgent(product, o.APIVersion, o.UserAgent),
		Codes:       codes,
		Transport: transport.Config{
			HTTPClient: transport.WithoutRedirects(o.HTTPClient),
			Retry:      transport.Retry(o.Retry),
			Budget:     c.budget,
			Logger:     o.Logger,
			Timeout:    o.Timeout,
			Observer:   o.Observer,
		},
	}
	if p := o.TokenProvider; p != nil {
		api.TokenRejected = func(token string) bool {
			if inv, ok := p.(tokenInvalidator); ok {
				inv.Invalidate(token)
			}
			return true
		}
	}
	return api, nil
}

// credentials returns what each attempt is sent with: the static secrets
// and the token, asked of the provider afresh.
func credentials(o Options) func(context.Context) (tc3api.Credentials, error) {
	static := tc3api.Credentials{Token: o.Token, SecretID: o.SecretID, SecretKey: o.SecretKey}
	p := o.TokenProvider
	return func(ctx context.Context) (tc3api.Credentials, error) {
		cred := static
		if p != nil {
			tok, err := p.Token(ctx)
			if err != nil {
				return tc3api.Credentials{}, err
			}
			cred.Token = tok
		}
		return cred, nil
	}
}

// validator is a request that checks itself before any I/O.
type validator interface {
	Validate() error
}

// invoke validates req, applies the per-call options, and runs action with
// the body built for the call's Module. The answer is read in one pass by
// decode, the operation's generated decoder; an answer it refuses is
// classified from its envelope alone (tc3api.Do).
func invoke[Out any](ctx context.Context, c *Client, action string, idempotent bool, req validator, body func(module string) any, optFns []func(*Options), decode tc3api.Decode[Out]) (*Out, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	api, module, err := c.callWith(action, optFns)
	if err != nil {
		return nil, err
	}
	return tc3api.Do(ctx, api, tc3api.Call{Action: action, Idempotent: idempotent, Body: body(module)}, decode)
}

// callWith returns the protocol client of a call and the Module its body
// carries ("" for none): the prepared client, or one made for the per-call
// option overrides.
func (c *Client) callWith(action string, optFns []func(*Options)) (*tc3api.Client, string, error) {
	api, o := c.api, *c.opts
	if len(optFns) > 0 {
		for _, fn := range optFns {
			fn(&o)
		}
		o = o.withDefaults()
		err := o.validate()
		if err == nil {
			api, err = c.clientFor(o)
		}
		if err != nil {
			return nil, "", &apierror.OperationError{Product: product, Operation: action, Err: err}
		}
	}
	if o.Module == NoModule {
		return api, "", nil
	}
	return api, o.Module, nil
}
