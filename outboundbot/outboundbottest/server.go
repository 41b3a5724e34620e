// Package outboundbottest runs an in-process fake of the Outbound Bot API
// for unit tests and examples. The fake speaks the real wire format: it
// verifies HMAC-SHA1 and ACS3 signatures, rejects a reused SignatureNonce
// (SignatureNonceUsed) and a timestamp more than 15 minutes off
// (InvalidTimeStamp.Expired), validates parameters, and answers with the
// documented envelopes and error codes. It keeps instances in memory,
// seeded with the documented example instance, and can inject faults and
// record the requests it received (secrets redacted).
//
// Every operation of the API model is answered. Each request's parameters
// are first checked against the model: a missing required one answers 400
// MissingParameter (`The input parameter "X" that is mandatory for
// processing this request is not supplied.`), one of the wrong type (text
// for a number, not true or false, bad JSON, a bad Name.N index) or outside
// its documented values or range 400 InvalidParameter; an unknown action
// answers 404 InvalidAction.NotFound. The operations the fake keeps state
// for (the instances) then answer from it; every other one answers the
// model's example answer, every member set. A test changes the answer of
// any action with Server.Handle.
//
// # Scripts, job groups and jobs
//
// Each instance keeps its own scripts (CreateScript, DescribeScript,
// ListScripts, ModifyScript, DeleteScript, PublishScript), job groups
// (CreateJobGroup, DescribeJobGroup, ListJobGroups, ModifyJobGroup,
// DeleteJobGroup) and jobs (AssignJobs, ListJobs, ListJobsByGroup,
// QueryJobsWithResult, DescribeJob); deleting the instance drops them. A
// script is DRAFTED until PublishScript publishes it, PUBLISHED after, and
// IsDrafted says whether it has changes since. A job group may name a
// script, which DeleteScript then refuses to delete.
//
// Jobs move one step each time a read reports them (DescribeJob, ListJobs,
// ListJobsByGroup, QueryJobsWithResult): the first read reports
// Scheduling, the second Executing (its call under way), later ones
// Succeeded, with the canned call of the fake — the contact answers, is
// satisfied, and the summary says so. A group is Draft with no jobs,
// Scheduling until one starts, Executing, then Completed when all have
// succeeded; DescribeJobGroup and ListJobGroups do not move jobs.
//
// An unknown InstanceId answers 404 NotExist.Instance. The product documents
// no code for an unknown ScriptId, JobGroupId or JobId, so those answer the
// common 400 InvalidParameter naming the parameter; ListJobs leaves unknown
// job IDs out.
//
//	srv := outboundbottest.NewServer()
//	defer srv.Close()
//	client, err := srv.Client()
//	// use client as in production
//
// A Server is safe for concurrent use.
package outboundbottest

import (
	"fmt"
	"sync"
	"time"

	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// Credentials the fake accepts. Client wires the plain AccessKey; an STS
// credential must carry SecurityToken.
const (
	AccessKeyID        = fake.TestAccessKeyID
	AccessKeySecret    = fake.TestAccessKeySecret
	STSAccessKeyID     = fake.TestSTSAccessKeyID
	STSAccessKeySecret = fake.TestSTSAccessKeySecret
	SecurityToken      = fake.TestSecurityToken
)

// ExampleInstanceID is the ID of the documented example instance the fake
// is seeded with.
const ExampleInstanceID = "90515b5-6115-4ccf-83e2-52d5bfaf2ddf"

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
	store
}

// Option configures NewServer.
type Option func(*config)

type config struct {
	now      func() time.Time
	empty    bool
	capacity int
}

// WithClock sets the server's clock (for timestamps and creation times).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithoutSeed starts with no instances instead of the documented example.
func WithoutSeed() Option { return func(c *config) { c.empty = true } }

// WithConcurrencyLimit sets the purchased concurrency: a larger
// MaxConcurrentConversation fails with LimitExceeded.ConcurrentConversation.
// The default is 1000.
func WithConcurrencyLimit(n int) Option { return func(c *config) { c.capacity = n } }

// NewServer starts a fake on a loopback port. Close it when done.
func NewServer(opts ...Option) *Server {
	cfg := config{now: time.Now, capacity: 1000}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{store: store{now: cfg.now, capacity: cfg.capacity, byID: map[string]*record{}}}
	if !cfg.empty {
		s.store.add(exampleInstance(), exampleNumbers())
	}
	s.use(fake.NewAlibaba("OutboundBot", outboundbot.APIVersion, "outboundbot.cn-shanghai.aliyuncs.com", api(), s.handlers(), cfg.now))
	return s
}

// api is the model's operations, as the fake checks and answers them.
func api() *fake.API {
	return &fake.API{Operations: operations(), Envelope: envelope}
}

// envelope is the Outbound Bot success envelope of a request.
func envelope(requestID string) map[string]any {
	return map[string]any{"HttpStatusCode": 200, "Code": "OK", "Message": "Success", "RequestId": requestID, "Success": true}
}

// Handle makes h answer action from now on, in place of the fake's own
// answer; a nil h restores the fake's own. The request is authenticated,
// faults apply and, for an operation of the model, its parameters are
// checked first, as for every request (HandleUnchecked skips the checks).
// h's Request.Builtin is the answer the fake would give without it. A
// success Response's Body gets the envelope members it lacks (RequestId,
// Code, Message, HttpStatusCode, Success); one with a Code is an error
// answer. A replaying fake answers from its fixtures whatever is handled.
func (s *Server) Handle(action string, h fakeserver.Handler) { s.engine.Handle(action, h, false) }

// HandleUnchecked is Handle without the parameter checks: h sees every
// authenticated request of action, parameters missing or malformed
// included.
func (s *Server) HandleUnchecked(action string, h fakeserver.Handler) {
	s.engine.Handle(action, h, true)
}

// Client returns a client wired to the fake: its endpoint, the static
// AccessKey, and then optFns.
func (s *Server) Client(optFns ...func(*outboundbot.Options)) (*outboundbot.Client, error) {
	o, err := fake.AlibabaOptions(s.engine)
	if err != nil {
		return nil, err
	}
	return outboundbot.New(outboundbot.Options{Endpoint: o.Endpoint, Credential: o.Credential}, optFns...)
}

// Instances returns the instances in creation order.
func (s *Server) Instances() []outboundbot.Instance {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]outboundbot.Instance, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.byID[id].Instance)
	}
	return out
}

// AddInstance stores in directly, as if created earlier, and returns it
// with the fields the service fills (ID, creation time, creator) set when
// they were empty. It fails when the ID or the name is taken.
func (s *Server) AddInstance(in outboundbot.Instance) (outboundbot.Instance, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.InstanceID != "" && s.byID[in.InstanceID] != nil {
		return in, fmt.Errorf("outboundbottest: instance %s exists", in.InstanceID)
	}
	if s.nameTaken(in.InstanceName, "") {
		return in, fmt.Errorf("outboundbottest: name %q is taken", in.InstanceName)
	}
	return s.store.add(in, nil), nil
}

// store is the fake's state.
type store struct {
	mu       sync.Mutex
	now      func() time.Time
	capacity int
	seq      int
	byID     map[string]*record
	order    []string
}

// record is an instance and what the service keeps beside it.
type record struct {
	outboundbot.Instance
	CallingNumber  []string
	NluServiceType string
	space          *workspace // scripts, job groups and jobs; see work
}

// add stores in, filling the server-assigned fields. Callers hold mu (or
// own the store exclusively).
func (st *store) add(in outboundbot.Instance, numbers []string) outboundbot.Instance {
	st.seq++
	if in.InstanceID == "" {
		in.InstanceID = fmt.Sprintf("%08x-0b07-4000-8000-%012d", st.seq, st.seq)
	}
	if in.CreationTime.IsZero() {
		in.CreationTime = st.now().UTC().Truncate(time.Millisecond)
	}
	if in.CreatorID == 0 {
		in.CreatorID, in.CreatorName, in.OwnerName = 435986, "fake-creator", "fake-owner"
	}
	st.byID[in.InstanceID] = &record{Instance: in, CallingNumber: numbers}
	st.order = append(st.order, in.InstanceID)
	return in
}

func (st *store) nameTaken(name, exceptID string) bool {
	for id, r := range st.byID {
		if r.InstanceName == name && id != exceptID {
			return true
		}
	}
	return false
}

func (st *store) remove(id string) {
	delete(st.byID, id)
	for i, o := range st.order {
		if o == id {
			st.order = append(st.order[:i], st.order[i+1:]...)
			return
		}
	}
}

// exampleInstance is the documented DescribeInstance example, with the
// ListInstances example's tag.
func exampleInstance() outboundbot.Instance {
	return outboundbot.Instance{
		InstanceID:                ExampleInstanceID,
		InstanceName:              "第一个实例",
		InstanceDescription:       "这个是第一个实例",
		MaxConcurrentConversation: 4,
		CreationTime:              time.UnixMilli(1578469042851).UTC(),
		CreatorID:                 435986,
		CreatorName:               "xxx",
		OwnerName:                 "xxxx",
		ResourceGroupID:           "90515b5-6115-4ccf-83e2-52d5bfaf2ddf",
		ResourceTags:              []outboundbot.Tag{{Key: "age", Value: "20"}},
	}
}

func exampleNumbers() []string { return []string{"4008013260"} }

// use makes e the engine of s.
func (s *Server) use(e *fake.Server) { s.engine, s.Server = e, e }
