package bench

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
)

// Server is the loopback server every client in a benchmark talks to. It
// answers fixed bytes (or a generated page) without looking at the
// request's signature, so its cost is the same for every client; it counts
// the TCP connections it accepts, and while a Recorder is set it keeps the
// requests it receives so a one-off check (before timing) can verify that
// each client sent a correctly signed request.
type Server struct {
	URL  string // "http://127.0.0.1:port"
	Host string // "127.0.0.1:port"

	srv   *httptest.Server
	conns atomic.Int64
	rec   atomic.Pointer[Recorder]
}

// Captured is one request as the server received it.
type Captured struct {
	Method   string
	Path     string
	RawQuery string
	Header   http.Header
	Body     []byte
}

// Recorder collects requests while installed with Server.Record.
type Recorder struct {
	mu   sync.Mutex
	reqs []Captured
}

// Requests returns the requests recorded so far.
func (r *Recorder) Requests() []Captured {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Captured(nil), r.reqs...)
}

var (
	jsonContentType = []string{"application/json;charset=utf-8"}
)

// Responder writes the answer to one request. It must not read the request
// beyond its URL.
type Responder func(w http.ResponseWriter, r *http.Request)

// Static answers every request with body.
func Static(body []byte) Responder {
	length := []string{strconv.Itoa(len(body))}
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Type"] = jsonContentType
		h["Content-Length"] = length
		w.Write(body)
	}
}

// NewServer starts a loopback HTTP/1.1 server answering with respond.
func NewServer(respond Responder) *Server {
	s := &Server{}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rec := s.rec.Load(); rec != nil {
			body, _ := io.ReadAll(r.Body)
			rec.mu.Lock()
			rec.reqs = append(rec.reqs, Captured{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body})
			rec.mu.Unlock()
		}
		respond(w, r)
	}))
	s.srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.srv.Start()
	s.URL = s.srv.URL
	s.Host = s.srv.Listener.Addr().String()
	return s
}

// Conns returns the number of TCP connections accepted so far.
func (s *Server) Conns() int64 { return s.conns.Load() }

// Record installs a new Recorder and returns it; Stop removes it.
func (s *Server) Record() *Recorder {
	r := &Recorder{}
	s.rec.Store(r)
	return r
}

// StopRecording removes the Recorder: requests are no longer kept.
func (s *Server) StopRecording() { s.rec.Store(nil) }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }
