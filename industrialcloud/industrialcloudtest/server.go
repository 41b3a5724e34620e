// Package industrialcloudtest runs an in-process fake of the industrial
// cloud instance console for unit tests and examples. The fake speaks the
// wire format the industrialcloud package sends: a JSON POST with X-TC-*
// headers, checked the way Tencent Cloud API 3.0 checks them (version,
// timestamp within 5 minutes, TC3-HMAC-SHA256 signature when present or
// required, token), answers wrapped in {"Response": {...}}, and the Tencent
// common error codes. It keeps instances in memory, seeded with a handful of
// realistic ones, can expire tokens mid-run, inject faults and record the
// requests it received (secrets redacted).
//
//	srv := industrialcloudtest.NewServer()
//	defer srv.Close()
//	client, err := srv.Client()
//	// use client as in production
//
// A Server is safe for concurrent use.
package industrialcloudtest

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/tc3api"
)

// Static test credentials. Token is accepted until ExpireToken(Token);
// SecretID and SecretKey are the TC3 key pair the fake verifies signatures
// with.
const (
	Token     = "typedcloud-fake-industrial-token"
	SecretID  = "AKIDTypedcloudFakeIndustrialKey"
	SecretKey = "typedcloud-fake-industrial-tc3-secret"
)

// Fault makes the next calls misbehave; see fakeserver.Fault for its
// fields, and Server.Inject.
type Fault = fakeserver.Fault

// Record is one request the fake received, secrets redacted; see
// fakeserver.Record for its fields.
type Record = fakeserver.Record

// Server is a running fake. Besides the methods below it has those of
// fakeserver.Server, which every fake shares: URL, Close, Inject,
// ClearFaults, Requests, ResetRequests and Received.
type Server struct {
	fakeserver.Server
	engine *fake.Server // the value Server holds, for the engine's own functions
	cfg    config
	store
	tokens tokens
}

// Option configures NewServer.
type Option func(*config)

type config struct {
	now            func() time.Time
	empty          bool
	requireSig     bool
	headers        industrialcloud.Headers
	module         string
	specsUnderData bool
	keys           map[string]string
}

// WithClock sets the server's clock (for timestamp checks and the times it
// stamps on instances).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithoutSeed starts with no instances instead of the seeded ones.
func WithoutSeed() Option { return func(c *config) { c.empty = true } }

// RequireSignature rejects requests without a valid TC3 signature
// (AuthFailure.SignatureFailure). Client then wires SecretID and SecretKey.
func RequireSignature() Option { return func(c *config) { c.requireSig = true } }

// WithHeaders makes the fake read these header names instead of X-TC-*;
// Client wires the same names.
func WithHeaders(h industrialcloud.Headers) Option { return func(c *config) { c.headers = h } }

// WithModule sets the Module body field the fake expects (default
// industrialcloud.DefaultModule); Client wires the same value. A request
// that carries another Module fails with InvalidParameter; one without the
// field is accepted.
func WithModule(m string) Option { return func(c *config) { c.module = m } }

// WithCustomSpecsUnderData puts DescribeInstance's CustomSpecItems under
// Data, where the community SDK reads them, instead of under Data.Instance,
// where the documentation lists them.
func WithCustomSpecsUnderData() Option { return func(c *config) { c.specsUnderData = true } }

// WithKey makes the fake accept one more TC3 key pair.
func WithKey(secretID, secretKey string) Option {
	return func(c *config) { c.keys[secretID] = secretKey }
}

// NewServer starts a fake on a loopback port. Close it when done.
func NewServer(opts ...Option) *Server {
	cfg := config{now: time.Now, module: industrialcloud.DefaultModule, keys: map[string]string{SecretID: SecretKey}}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{cfg: cfg, store: store{now: cfg.now, byUUID: map[string]*industrialcloud.Instance{}}}
	s.tokens.valid = map[string]bool{Token: true}
	if !cfg.empty {
		for _, in := range seed() {
			s.store.add(in)
		}
	}
	s.use(fake.NewServer(fake.Config{
		Protocol: &fake.Tencent{
			Version:          industrialcloud.APIVersion,
			Service:          industrialcloud.DefaultService,
			Headers:          tc3api.Headers(headersOrDefault(cfg.headers)),
			Keys:             cfg.keys,
			RequireSignature: cfg.requireSig,
			ValidToken:       s.tokens.ok,
		},
		Handlers: map[string]fake.Handler{
			"DescribeInstance":   s.describeInstance,
			"DescribeInstances":  s.describeInstances,
			"ModifyInstanceName": s.modifyInstanceName,
		},
		Now: cfg.now,
	}))
	return s
}

// headersOrDefault fills the zero fields of h with the X-TC-* names.
func headersOrDefault(h industrialcloud.Headers) industrialcloud.Headers {
	def := industrialcloud.DefaultHeaders()
	pick := func(v, d string) string {
		if v == "" {
			return d
		}
		return v
	}
	return industrialcloud.Headers{Action: pick(h.Action, def.Action), Version: pick(h.Version, def.Version),
		Timestamp: pick(h.Timestamp, def.Timestamp), Region: pick(h.Region, def.Region), Token: pick(h.Token, def.Token)}
}

// Client returns a client wired to the fake: its Endpoint, header names and
// Module, then optFns, then — for what optFns left unset — the static Token
// (unless a TokenProvider is set) and, when the fake requires signatures,
// SecretID and SecretKey.
func (s *Server) Client(optFns ...func(*industrialcloud.Options)) (*industrialcloud.Client, error) {
	o := industrialcloud.Options{Endpoint: s.URL(), Headers: s.cfg.headers, Module: s.cfg.module}
	for _, fn := range optFns {
		fn(&o)
	}
	if o.Token == "" && o.TokenProvider == nil {
		o.Token = Token
	}
	if s.cfg.requireSig && o.SecretID == "" && o.SecretKey == "" {
		o.SecretID, o.SecretKey = SecretID, SecretKey
	}
	return industrialcloud.New(o)
}

// AddToken makes the fake accept tok.
func (s *Server) AddToken(tok string) { s.tokens.set(tok, true) }

// ExpireToken makes the fake reject tok with AuthFailure.TokenFailure from
// the next request on.
func (s *Server) ExpireToken(tok string) { s.tokens.set(tok, false) }

// tokens is the set of accepted tokens.
type tokens struct {
	mu    sync.Mutex
	valid map[string]bool
}

func (t *tokens) set(tok string, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ok {
		t.valid[tok] = true
	} else {
		delete(t.valid, tok)
	}
}

func (t *tokens) ok(tok string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.valid[tok]
}

// Instances returns the instances in the order DescribeInstances lists them
// without a SortSet (the order they were added).
func (s *Server) Instances() []industrialcloud.Instance {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]industrialcloud.Instance, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, clone(s.byUUID[id]))
	}
	return out
}

// AddInstance stores in directly, as if bought earlier, and returns it with
// the fields the service fills set when they were empty: UUID, ID,
// InstanceCreateTime, CreatedAt and UpdatedAt (the server's clock) and
// Status (delivered). It fails when the UUID is taken.
func (s *Server) AddInstance(in industrialcloud.Instance) (industrialcloud.Instance, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.UUID != "" && s.byUUID[in.UUID] != nil {
		return in, fmt.Errorf("industrialcloudtest: instance %s exists", in.UUID)
	}
	return s.store.add(in), nil
}

// store is the fake's state.
type store struct {
	mu     sync.Mutex
	now    func() time.Time
	seq    int
	byUUID map[string]*industrialcloud.Instance
	order  []string
}

// add stores in, filling the server-assigned fields. Callers hold mu (or
// own the store exclusively).
func (st *store) add(in industrialcloud.Instance) industrialcloud.Instance {
	st.seq++
	if in.UUID == "" {
		in.UUID = fmt.Sprintf("%08x-6c1d-4a2e-9b3f-%012d", st.seq, st.seq)
	}
	if in.ID == "" {
		in.ID = fmt.Sprint(st.seq)
	}
	now := st.now().UTC().Truncate(time.Second)
	if in.InstanceCreateTime.IsZero() {
		in.InstanceCreateTime = now
	}
	if in.CreatedAt.IsZero() {
		in.CreatedAt = in.InstanceCreateTime
	}
	if in.UpdatedAt.IsZero() {
		in.UpdatedAt = in.CreatedAt
	}
	if in.Status == "" {
		in.Status = industrialcloud.StatusDelivered
	}
	if !in.InstanceExpireTime.IsZero() {
		in.InstanceExpireTimeUnix = in.InstanceExpireTime.Unix()
	}
	stored := clone(&in)
	st.byUUID[in.UUID] = &stored
	st.order = append(st.order, in.UUID)
	return clone(&stored)
}

// clone copies an instance, its slices included, so callers never share
// the store's memory.
func clone(in *industrialcloud.Instance) industrialcloud.Instance {
	out := *in
	out.CustomSpecItems = slices.Clone(in.CustomSpecItems)
	out.Categories = slices.Clone(in.Categories)
	return out
}

// use makes e the engine of s.
func (s *Server) use(e *fake.Server) { s.engine, s.Server = e, e }
