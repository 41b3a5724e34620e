// Package ccctest runs an in-process fake of the Contact Center API (CCC
// 2020-07-01) for unit tests and examples. The fake speaks the real wire
// format: it verifies HMAC-SHA1 and ACS3 signatures, rejects a reused
// SignatureNonce (SignatureNonceUsed) and a timestamp more than 15 minutes
// off (InvalidTimeStamp.Expired), validates parameters with the service's
// Parameter.* codes, and answers with the CCC envelope
// ({"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":…,"Data":…})
// and the documented error codes. It keeps instances in memory, seeded with
// the documented GetInstance example instance (ExampleInstanceID), and can
// inject faults and record the requests it received (secrets redacted).
//
//	srv := ccctest.NewServer()
//	defer srv.Close()
//	client, err := srv.Client()
//	// use client as in production
//
// # The calling user
//
// The fake answers as if every request came from one RAM user: the one with
// ID CurrentUserRAMID and login name CurrentUserLoginName, the administrator
// of the documented example instance. ListInstances lists every instance of
// the account; ListInstancesOfUser lists those whose AdminList has a user
// with login name CurrentUserLoginName. CreateInstance imports each ID of
// AdminRamIdList as an administrator, named CurrentUserLoginName for
// CurrentUserRAMID and after the ID itself otherwise, so an instance created
// with CurrentUserRAMID among its administrators is listed by both.
//
// # Instance lifecycle
//
// CreateInstance answers with a workflow ID and stores the instance as
// CREATING. The first GetInstance of it reports CREATING and finishes the
// creation: later reads report RUNNING. An instance stored with AddInstance
// keeps the status it was given. DeleteInstance answers with a task ID and
// removes the instance at once, in any status: it is no longer listed, and
// GetInstance, ModifyInstance and DeleteInstance of it answer 404
// NotExists.InstanceId. (The real service deletes in the background.)
//
// # Users, skill groups and numbers
//
// Each instance keeps its users (CreateUser, GetUser, ListUsers, ModifyUser,
// RemoveUsers, ResetUserPassword, AssignUsers), skill groups
// (CreateSkillGroup, GetSkillGroup, ListSkillGroups, ModifySkillGroup,
// DeleteSkillGroup) with their members (AddUsersToSkillGroup,
// ListUserLevelsOfSkillGroup, ModifyUserLevelsOfSkillGroup,
// RemoveUsersFromSkillGroup, ListSkillLevelsOfUser), and phone numbers
// (AddPhoneNumbers, ListPhoneNumbers, ModifyPhoneNumber, RemovePhoneNumbers,
// AddNumbersToSkillGroup, ListPhoneNumbersOfSkillGroup,
// RemovePhoneNumbersFromSkillGroup); it starts with the administrators and
// numbers it was created with, and DeleteInstance drops it all.
// ImportCorpNumbers records a number's provider, region and tags for the
// account, which AddPhoneNumbers then gives it. A user's ID is its login
// name and the instance ID joined by @, as a skill group's is its name's;
// ResetUserPassword keeps no password. While an instance is CREATING these
// operations answer 403 AbnormalService.Creating (STOPPED: 403
// AbnormalService.Ceased). An unknown user, skill group or number answers
// 404 NotExists.UserId, NotExists.SkillGroupId or NotExists.Number, a name
// in use 409 AlreadyExists.UserId or AlreadyExists.SkillGroupId: the
// product documents these families, not each member.
//
// # Operations and parameter checks
//
// Every operation of the API model is answered. Each request's parameters
// are first checked against the model, then the operations the fake keeps
// state for answer from it, and every other one answers
// the model's example answer, every member set; an unknown action answers
// 404 InvalidAction.NotFound. A test changes the answer of any action with
// Server.Handle.
//
// Missing parameters answer 400 Parameter.Blank ("The parameter %s must not
// be blank."), an empty AdminRamIdList 400 Parameter.Empty, numbers below
// or above their range (PageNumber and PageSize: 1 to 100) 400
// Parameter.Minimum or Parameter.Maximum ("The parameter %s must be less
// than or equal to %s."), and other bad values (the wrong type, lengths,
// the DomainName alphabet, JSON list text) the common 400
// InvalidParameter. An unknown InstanceId answers 404 NotExists.InstanceId,
// a DomainName in use 409 AlreadyExists.InstanceId, and a number another
// instance uses 404 NotExists.Number. Only the Parameter.Maximum message is
// documented; the other Parameter.* messages follow its pattern.
//
// A Server is safe for concurrent use.
package ccctest

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/internal/fake"
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

// The identities the fake uses.
const (
	// ExampleInstanceID is the ID (and DomainName) of the documented example
	// instance the fake is seeded with.
	ExampleInstanceID = "ccc-test"
	// AccountID is the Alibaba Cloud account that owns every instance
	// (Instance.AliyunUID), the documented example's.
	AccountID = "1571234567890123"
	// CurrentUserLoginName is the login name of the calling user: the
	// documented example instance's administrator.
	CurrentUserLoginName = "user-test"
	// CurrentUserRAMID is the RAM user ID of the calling user, for
	// CreateInstanceRequest.AdminRAMIDList.
	CurrentUserRAMID = "2486138068107001"
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
	store
}

// Option configures NewServer.
type Option func(*config)

type config struct {
	now   func() time.Time
	empty bool
}

// WithClock sets the server's clock (for timestamps and creation times).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithoutSeed starts with no instances instead of the documented example.
func WithoutSeed() Option { return func(c *config) { c.empty = true } }

// NewServer starts a fake on a loopback port. Close it when done.
func NewServer(opts ...Option) *Server {
	cfg := config{now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{store: store{now: cfg.now}}
	if !cfg.empty {
		s.store.put(&record{Instance: exampleInstance()})
	}
	s.use(fake.NewAlibaba("CCC", ccc.APIVersion, "ccc.cn-shanghai.aliyuncs.com", api(), s.handlers(), cfg.now))
	return s
}

// api is the model's operations, as the fake checks and answers them.
func api() *fake.API {
	return &fake.API{Operations: operations(), Refuse: refuse, Envelope: envelope}
}

// envelope is the CCC success envelope of a request: no Success member.
func envelope(requestID string) map[string]any {
	return map[string]any{"HttpStatusCode": 200, "Code": "OK", "Message": "Success", "RequestId": requestID}
}

// refuse answers a parameter the model's checks refuse in CCC's
// Parameter.* codes.
func refuse(p fake.Problem) fake.Reply {
	switch p.Reason {
	case fake.Missing:
		return *fail(http.StatusBadRequest, ccc.CodeParameterBlank, "The parameter %s must not be blank.", p.Param)
	case fake.BelowMin:
		return *fail(http.StatusBadRequest, ccc.CodeParameterMinimum, "The parameter %s must be greater than or equal to %d.", p.Param, p.Limit)
	case fake.AboveMax:
		return *fail(http.StatusBadRequest, ccc.CodeParameterMaximum, "The parameter %s must be less than or equal to %d.", p.Param, p.Limit)
	}
	return *fake.Invalid(p.Param)
}

// Handle makes h answer action from now on, in place of the fake's own
// answer; a nil h restores the fake's own. The request is authenticated,
// faults apply and, for an operation of the model, its parameters are
// checked first, as for every request (HandleUnchecked skips the checks).
// h's Request.Builtin is the answer the fake would give without it. A
// success Response's Body gets the envelope members it lacks (RequestId,
// Code, Message, HttpStatusCode); one with a Code is an error answer. A
// replaying fake answers from its fixtures whatever is handled.
func (s *Server) Handle(action string, h fakeserver.Handler) { s.engine.Handle(action, h, false) }

// HandleUnchecked is Handle without the parameter checks: h sees every
// authenticated request of action, parameters missing or malformed
// included.
func (s *Server) HandleUnchecked(action string, h fakeserver.Handler) {
	s.engine.Handle(action, h, true)
}

// Client returns a client wired to the fake: its endpoint, the static
// AccessKey, and then optFns.
func (s *Server) Client(optFns ...func(*ccc.Options)) (*ccc.Client, error) {
	o, err := fake.AlibabaOptions(s.engine)
	if err != nil {
		return nil, err
	}
	return ccc.New(ccc.Options{Endpoint: o.Endpoint, Credential: o.Credential}, optFns...)
}

// Instances returns the instances in creation order, as ListInstances
// lists them.
func (s *Server) Instances() []ccc.Instance {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]ccc.Instance, len(s.list))
	for i, r := range s.list {
		out[i] = clone(r.Instance)
	}
	return out
}

// AddInstance stores in directly, as if created earlier, and returns it
// with the fields the service fills set when they were empty: ID and
// DomainName from each other, ConsoleURL, AliyunUID (AccountID), Status
// (RUNNING) and CreateTime (now). It fails when neither ID nor DomainName
// is set, when they differ, or when the ID is taken.
func (s *Server) AddInstance(in ccc.Instance) (ccc.Instance, error) {
	switch {
	case in.ID == "" && in.DomainName == "":
		return in, errors.New("ccctest: an instance needs an ID or a DomainName")
	case in.ID == "":
		in.ID = in.DomainName
	case in.DomainName == "":
		in.DomainName = in.ID
	case in.ID != in.DomainName:
		return in, fmt.Errorf("ccctest: ID %q differs from DomainName %q", in.ID, in.DomainName)
	}
	if in.ConsoleURL == "" {
		in.ConsoleURL = consoleURL(in.ID)
	}
	if in.AliyunUID == "" {
		in.AliyunUID = AccountID
	}
	if in.Status == "" {
		in.Status = ccc.InstanceStatusRunning
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.CreateTime.IsZero() {
		in.CreateTime = s.now().UTC().Truncate(time.Millisecond)
	}
	if s.find(in.ID) != nil {
		return in, fmt.Errorf("ccctest: instance %s exists", in.ID)
	}
	s.put(&record{Instance: clone(in)})
	return in, nil
}

// store is the fake's state. Instances are few, so a slice in creation
// order serves both listing and lookup.
type store struct {
	mu        sync.Mutex
	now       func() time.Time
	workflows int // CreateInstance calls accepted, for workflow IDs
	tasks     int // DeleteInstance calls accepted, for task IDs
	list      []*record
	corp      map[string]corpNumber // numbers ImportCorpNumbers brought to the account
}

// record is an instance and what the fake keeps beside it.
type record struct {
	ccc.Instance
	// finishOnRead: created through CreateInstance and still CREATING until
	// a GetInstance has reported it so.
	finishOnRead bool
	members      *org // users, skill groups and numbers; see record.org
}

// find returns the instance with this ID, or nil. Callers hold mu.
func (st *store) find(id string) *record {
	for _, r := range st.list {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// put appends r. Callers hold mu (or own the store exclusively).
func (st *store) put(r *record) { st.list = append(st.list, r) }

// remove deletes the instance with this ID and reports whether there was
// one. Callers hold mu.
func (st *store) remove(id string) bool {
	n := len(st.list)
	st.list = slices.DeleteFunc(st.list, func(r *record) bool { return r.ID == id })
	return len(st.list) < n
}

// clone copies an instance's lists, so the store and its callers never
// share them.
func clone(in ccc.Instance) ccc.Instance {
	in.AdminList = slices.Clone(in.AdminList)
	in.NumberList = slices.Clone(in.NumberList)
	for i := range in.NumberList {
		in.NumberList[i].SkillGroups = slices.Clone(in.NumberList[i].SkillGroups)
	}
	return in
}

func consoleURL(id string) string { return "https://ccc-v2.aliyun.com/#/workbench/" + id }

// exampleInstance is the documented GetInstance example. The document
// gives no CreateTime (GetInstance does not return it); the fake uses the
// API version's date.
func exampleInstance() ccc.Instance {
	return ccc.Instance{
		ID:          ExampleInstanceID,
		Name:        "云呼测试实例",
		Description: "测试实例",
		DomainName:  "ccc-test",
		Status:      ccc.InstanceStatusRunning,
		ConsoleURL:  "https://ccc-v2.aliyun.com/#/workbench/ccc-test",
		AliyunUID:   AccountID,
		CreateTime:  time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC),
		AdminList: []ccc.User{{
			UserID:      "user-test@ccc-test",
			LoginName:   CurrentUserLoginName,
			DisplayName: "云呼测试1",
			Email:       "18866668888@163.com",
			Mobile:      "138xxxx2114",
			Extension:   "80326034",
			InstanceID:  "ccc-test",
			RoleID:      "Admin@ccc-test",
			RoleName:    "Admin",
			WorkMode:    "ON_SITE",
		}},
		NumberList: []ccc.PhoneNumber{{
			Number:        "083xxxx0011",
			City:          "乐山",
			Province:      "四川",
			InstanceID:    "ccc-test",
			ContactFlowID: "a3fb6c62-9b49-4942-ae5b-cf2abd4123ek",
			Usage:         ccc.UsageBidirection,
			UserID:        "user-test@ccc-test",
			Active:        true,
			SkillGroups: []ccc.SkillGroup{{
				SkillGroupID:     "test@ccc-test",
				Name:             "test",
				DisplayName:      "测试技能组",
				Description:      "测试",
				InstanceID:       "ccc-test",
				PhoneNumberCount: 1,
				UserCount:        2,
			}},
		}},
	}
}

// use makes e the engine of s.
func (s *Server) use(e *fake.Server) { s.engine, s.Server = e, e }
