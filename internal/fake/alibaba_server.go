package fake

import (
	"time"

	"github.com/typedcloud/sdk-go/internal/rpc"
)

// NewAlibaba starts the fake of one Alibaba RPC product: it accepts the
// test keys (TestKeys), answers errors with host as HostId, checks requests
// against api (nil: no checks) and dispatches to handlers, answering the
// operations of api they lack with the model's answer. now is its clock;
// nil means time.Now.
func NewAlibaba(product, version, host string, api *API, handlers map[string]Handler, now func() time.Time) *Server {
	return NewServer(Config{
		Protocol: &Alibaba{Product: product, Version: version, HostID: host, Keys: TestKeys()},
		Handlers: handlers,
		API:      api,
		Now:      now,
	})
}

// AlibabaOptions returns client options wired to s: its URL as the endpoint
// and the test AccessKey as the credential. (A function, not a method, so
// the public fakes that embed *Server do not grow it.)
func AlibabaOptions(s *Server) (rpc.Options, error) {
	cred, err := TestCredential()
	if err != nil {
		return rpc.Options{}, err
	}
	return rpc.Options{Endpoint: s.URL(), Credential: cred}, nil
}
