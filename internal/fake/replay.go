package fake

import (
	"bytes"
	"io"
	"net/http"

	"github.com/typedcloud/sdk-go/internal/recording"
)

// CodeFixtureNotFound is the error code a fake in replay mode answers when
// no fixture matches a request.
const CodeFixtureNotFound = "FixtureNotFound"

// Replaying returns a fake with old's configuration in replay mode, and
// closes old. Every request is authenticated as usual (signature,
// timestamp, nonce, token); then, instead of the handlers, the matching
// fixture at path (a directory or one file, see recording.Load)
// answers with its recorded status, headers and body, byte for byte. A
// request no fixture matches gets HTTP 400 FixtureNotFound in the
// protocol's error envelope, its message naming the closest fixture and
// each difference. Faults, Received and Requests work as usual.
//
// It is a function, not a method, so the public fakes that embed *Server do
// not grow it. When the fixtures cannot be loaded, old is left running and
// the error returned.
func Replaying(old *Server, path string) (*Server, error) {
	cfg := old.cfg
	names := recording.Options{SecretNames: cfg.Protocol.SecretHeaders()}
	if t, ok := cfg.Protocol.(*Tencent); ok {
		names.VolatileNames = []string{t.headers().Timestamp}
	}
	m, err := recording.NewMatcher(path, names)
	if err != nil {
		return nil, err
	}
	cfg.Protocol = replayProtocol{cfg.Protocol}
	cfg.Replay = func(r *http.Request, c *Call) Reply {
		req := r.Clone(r.Context())
		req.Body = io.NopCloser(bytes.NewReader(c.Body))
		ex, err := m.Match(req)
		if err != nil {
			return Error(http.StatusBadRequest, CodeFixtureNotFound, err.Error())
		}
		body, err := ex.Response.Bytes()
		if err != nil {
			return Error(http.StatusInternalServerError, CodeFixtureNotFound, err.Error())
		}
		return Reply{Status: ex.Response.Status, Body: recorded{header: ex.Response.Header, body: body}}
	}
	old.Close()
	return NewServer(cfg), nil
}

// recorded is a fixture's answer, sent as it is.
type recorded struct {
	header recording.Values
	body   []byte
}

// replayProtocol writes recorded answers verbatim and everything else (auth
// rejections, faults, FixtureNotFound) in the protocol's envelope.
type replayProtocol struct{ Protocol }

func (p replayProtocol) Write(w http.ResponseWriter, c *Call, requestID string, r Reply) {
	rec, ok := r.Body.(recorded)
	if !ok || r.Code != "" {
		p.Protocol.Write(w, c, requestID, r)
		return
	}
	for k, vs := range rec.header {
		w.Header()[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	w.WriteHeader(r.Status)
	w.Write(rec.body)
}
