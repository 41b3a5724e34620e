package fake

import (
	"net/http"
	"net/url"
	"time"

	"github.com/typedcloud/sdk-go/internal/redact"
)

// Record is one request the fake received, secrets redacted.
type Record struct {
	Time   time.Time
	Method string
	Path   string
	Action string
	// Params are the RPC parameters, with Signature, SecurityToken,
	// BearerToken and other secrets replaced by redact.Placeholder.
	Params map[string]string
	Header http.Header // Authorization and token headers redacted
	Body   string      // redacted
	Status int         // the answer's status (0 for a dropped connection)
	Code   string      // the answer's error code; "" on success
}

// Requests returns a copy of every request received so far.
func (s *Server) Requests() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Record(nil), s.records...)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	s.records = nil
	s.mu.Unlock()
}

func (s *Server) record(r *http.Request, c *Call, body []byte, rep Reply) {
	rec := Record{
		Time:   s.now(),
		Method: r.Method,
		Path:   r.URL.Path,
		Header: redactHeader(r.Header, s.cfg.Protocol.SecretHeaders()),
		Body:   redact.String(string(body)),
		Status: rep.Status,
		Code:   rep.Code,
	}
	if c != nil {
		rec.Action = c.Action
		rec.Params = redactParams(c.Params)
	} else if q, err := url.ParseQuery(r.URL.RawQuery); err == nil {
		rec.Action = q.Get("Action")
	}
	s.mu.Lock()
	s.records = append(s.records, rec)
	s.mu.Unlock()
}

func redactHeader(h http.Header, secret []string) http.Header {
	out := h.Clone()
	for k := range out {
		if redact.IsSensitive(k) {
			out[k] = []string{redact.Placeholder}
		}
	}
	for _, k := range secret {
		if _, ok := out[http.CanonicalHeaderKey(k)]; ok {
			out[http.CanonicalHeaderKey(k)] = []string{redact.Placeholder}
		}
	}
	return out
}

func redactParams(p map[string]string) map[string]string {
	if p == nil {
		return nil
	}
	out := make(map[string]string, len(p))
	for k, v := range p {
		if redact.IsSensitive(k) {
			v = redact.Placeholder
		}
		out[k] = v
	}
	return out
}
