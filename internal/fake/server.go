package fake

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/typedcloud/sdk-go/fakeserver"
)

// Handler performs one action. It runs with no lock held; handlers guard
// their own state.
type Handler func(c *Call) Reply

// Call is one authenticated request, as a handler sees it.
type Call struct {
	Action    string
	RequestID string
	KeyID     string // the AccessKey ID the request was signed with
	// Params are the RPC parameters (query and form body merged), or nil for
	// a JSON-body protocol.
	Params Args
	Body   []byte      // the raw request body
	Header http.Header // the request headers
}

// Reply is a handler's answer. A non-empty Code makes it an error answer in
// the protocol's error envelope; otherwise Body is marshalled as the payload.
type Reply struct {
	Status  int
	Code    string
	Message string
	Body    any
}

// Error returns an error Reply.
func Error(status int, code, message string) Reply {
	return Reply{Status: status, Code: code, Message: message}
}

// Protocol is the wire format a Server speaks.
type Protocol interface {
	// Authenticate checks one request and returns the Call, or an error
	// Reply (bad signature, expired timestamp, reused nonce, bad token).
	Authenticate(s *Server, r *http.Request, body []byte) (*Call, *Reply)
	// Write renders a reply in the protocol's envelope.
	Write(w http.ResponseWriter, c *Call, requestID string, r Reply)
	// SecretHeaders names the headers, beyond the usual ones, whose values
	// records must hide (a token header under a configured name).
	SecretHeaders() []string
}

// Config configures a Server.
type Config struct {
	Protocol Protocol
	Handlers map[string]Handler
	// API, when set, is the model's operations: requests to them are
	// checked against it before any handler runs, and those without a
	// handler answer the model's example answer.
	API *API
	// Replay, when set, answers every authenticated call in place of
	// Handlers: replay mode, recorded fixtures instead of state (Replaying).
	Replay func(r *http.Request, c *Call) Reply
	// Now is the server's clock for timestamp checks; nil means time.Now.
	Now func() time.Time
}

// Server is a running fake. All methods are safe for concurrent use.
type Server struct {
	cfg Config
	srv *httptest.Server

	mu         sync.Mutex
	faults     []*fault
	records    []Record
	nonces     map[string]time.Time
	nonceOrder []string              // nonces in the order seen, oldest first
	received   map[string]int        // authenticated requests per action
	seq        int                   // request ID counter
	custom     map[string]custom     // handlers tests registered, by action
	ops        map[string]*Operation // cfg.API's operations, by name
}

// maxRequestBody caps what the fake reads of a request.
const maxRequestBody = 1 << 20

// NewServer starts a fake on a loopback port.
func NewServer(cfg Config) *Server {
	s := &Server{cfg: cfg, nonces: map[string]time.Time{}, received: map[string]int{}, ops: cfg.API.index()}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL returns the base URL, e.g. http://127.0.0.1:40123.
func (s *Server) URL() string { return s.srv.URL }

// Close shuts the server down and closes client connections.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// now returns the server's clock.
func (s *Server) now() time.Time {
	if s.cfg.Now != nil {
		return s.cfg.Now()
	}
	return time.Now()
}

// Received returns how many authenticated requests for action reached the
// handler stage (faults injected before the handler count; requests
// rejected by authentication do not).
func (s *Server) Received(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.received[action]
}

// serve authenticates, applies faults, dispatches and records.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody))
	if err != nil {
		http.Error(w, "cannot read request", http.StatusBadRequest)
		return
	}
	requestID := s.nextRequestID()
	call, reject := s.cfg.Protocol.Authenticate(s, r, body)
	if reject != nil {
		s.record(r, call, body, *reject)
		s.cfg.Protocol.Write(w, call, requestID, *reject)
		return
	}
	call.RequestID = requestID
	handler, ok := s.route(call.Action)
	if s.cfg.Replay != nil {
		handler, ok = func(c *Call) Reply { return s.cfg.Replay(r, c) }, true
	}
	if !ok {
		rep := notFound(call.Action)
		s.record(r, call, body, rep)
		s.cfg.Protocol.Write(w, call, requestID, rep)
		return
	}
	s.count(call.Action)
	fault := s.takeFault(call.Action)
	if fault != nil && !fault.delay(r.Context()) {
		return // the client gave up while the fault held the answer back
	}
	if fault.answers() && !fault.AfterHandler {
		s.record(r, call, body, fault.reply())
		fault.write(s, w, call, requestID)
		return
	}
	rep := handler(call)
	if rep.Status == 0 {
		rep.Status = http.StatusOK
	}
	if fault.answers() {
		// The work is done but its answer is lost: the case that makes
		// retrying a write dangerous.
		s.record(r, call, body, fault.reply())
		fault.write(s, w, call, requestID)
		return
	}
	s.record(r, call, body, rep)
	s.cfg.Protocol.Write(w, call, requestID, rep)
}

func (s *Server) count(action string) {
	s.mu.Lock()
	s.received[action]++
	s.mu.Unlock()
}

// nextRequestID returns a deterministic, UUID-shaped request ID, so
// examples and golden files are stable.
func (s *Server) nextRequestID() string {
	s.mu.Lock()
	s.seq++
	n := s.seq
	s.mu.Unlock()
	return fmt.Sprintf("00000000-0000-4000-8000-%012X", n)
}

// useNonce records a nonce and reports whether it was fresh. Nonces older
// than window are forgotten, as the service only needs to remember them
// while their timestamp is still acceptable.
func (s *Server) useNonce(nonce string, window time.Duration) bool {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	// Forget the oldest nonces once their window has passed: they arrive in
	// time order, so this is a queue, not a scan.
	for len(s.nonceOrder) > 0 && now.Sub(s.nonces[s.nonceOrder[0]]) > window {
		delete(s.nonces, s.nonceOrder[0])
		s.nonceOrder = s.nonceOrder[1:]
	}
	if _, used := s.nonces[nonce]; used {
		return false
	}
	s.nonces[nonce] = now
	s.nonceOrder = append(s.nonceOrder, nonce)
	return true
}

var _ fakeserver.Server = (*Server)(nil)
