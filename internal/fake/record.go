package fake

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/internal/redact"
)

// Record is one request the fake received; see fakeserver.Record.
type Record = fakeserver.Record

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
	var params map[string]string
	if c != nil {
		params = c.Params
	}
	secretHeaders := s.cfg.Protocol.SecretHeaders()
	secrets := secretValues(params, r.Header, secretHeaders)
	rec := Record{
		Time:   s.now(),
		Method: r.Method,
		Path:   redact.Values(r.URL.Path, secrets...),
		Header: redactHeader(r.Header, secretHeaders, secrets),
		Body:   redact.String(string(body), secrets...),
		Status: rep.Status,
		Code:   rep.Code,
	}
	if c != nil {
		rec.Action = c.Action
		rec.Params = redactParams(c.Params, secrets)
	} else if q, err := url.ParseQuery(r.URL.RawQuery); err == nil {
		rec.Action = q.Get("Action")
	}
	s.mu.Lock()
	s.records = append(s.records, rec)
	s.mu.Unlock()
}

// secretValues returns the values of the request's secret parameters and
// headers, so that they are found wherever else the request repeats them.
func secretValues(params map[string]string, h http.Header, secretHeaders []string) []string {
	var out []string
	for k, v := range params {
		if redact.IsSensitive(k) {
			out = append(out, v)
		}
	}
	for k, vs := range h {
		if redact.IsSensitive(k) || slices.ContainsFunc(secretHeaders, func(n string) bool { return http.CanonicalHeaderKey(n) == k }) {
			out = append(out, vs...)
		}
	}
	return out
}

func redactHeader(h http.Header, secretHeaders, secrets []string) http.Header {
	out := h.Clone()
	for k, vs := range out {
		for i, v := range vs {
			vs[i] = redact.Values(v, secrets...)
		}
		if redact.IsSensitive(k) {
			out[k] = []string{redact.Placeholder}
		}
	}
	for _, k := range secretHeaders {
		if _, ok := out[http.CanonicalHeaderKey(k)]; ok {
			out[http.CanonicalHeaderKey(k)] = []string{redact.Placeholder}
		}
	}
	return out
}

func redactParams(p map[string]string, secrets []string) map[string]string {
	if p == nil {
		return nil
	}
	out := make(map[string]string, len(p))
	for k, v := range p {
		if redact.IsSensitive(k) {
			v = redact.Placeholder
		} else {
			v = redact.Values(v, secrets...)
		}
		out[k] = v
	}
	return out
}
