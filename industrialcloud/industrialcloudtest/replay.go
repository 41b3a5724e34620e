package industrialcloudtest

import "github.com/typedcloud/sdk-go/internal/fake"

// CodeFixtureNotFound is the error code a replaying fake answers (HTTP 400)
// when no fixture matches a request.
const CodeFixtureNotFound = fake.CodeFixtureNotFound

// NewReplayServer starts a fake in replay mode: it authenticates every
// request exactly as NewServer's fake does (signature, timestamp, nonce,
// token), then answers from the fixtures at dir — a directory of files
// written by fixture.NewRecorder, or one such file — instead of from its
// in-memory state: the matching fixture's recorded status, headers and
// body, byte for byte. A request no fixture matches gets HTTP 400
// CodeFixtureNotFound, the message naming the closest fixture and each
// differing parameter. Faults, Received and Requests work as usual; opts
// configure the rest as for NewServer. Close it when done.
//
// Matching follows fixture.Replayer: the host, volatile values and secrets
// are ignored, so fixtures recorded against the real cloud with real
// credentials replay here for a client made by Client.
func NewReplayServer(dir string, opts ...Option) (*Server, error) {
	s := NewServer(opts...)
	engine, err := fake.Replaying(s.engine, dir)
	if err != nil {
		s.Close()
		return nil, err
	}
	s.use(engine)
	return s, nil
}
