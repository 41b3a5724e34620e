package reliability

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/typedcloud/sdk-go/internal/transport"
)

// editingMiddleware is a caller's HTTPClient wrapper that, once a request
// is answered, writes into its header's value slices in place. It records
// each request's header as it arrives.
type editingMiddleware struct {
	next *http.Client

	mu   sync.Mutex
	seen []http.Header
}

// edited are the headers the middleware writes into.
var edited = []string{"User-Agent", "Accept", "Content-Type"}

func (m *editingMiddleware) Do(req *http.Request) (*http.Response, error) {
	m.mu.Lock()
	m.seen = append(m.seen, req.Header.Clone())
	m.mu.Unlock()
	resp, err := m.next.Do(req) // edited afterwards: the values are signed in TC3
	for _, k := range edited {
		if vs := req.Header[k]; len(vs) > 0 {
			vs[0] = "x"
		}
	}
	return resp, err
}

// TestMiddlewareEditsStayInTheirRequest: for every operation, a middleware
// that edits one request's header values in place changes no later request
// of the client.
func TestMiddlewareEditsStayInTheirRequest(t *testing.T) {
	for _, op := range operations {
		t.Run(op.String(), func(t *testing.T) {
			e := op.product.start(0)
			defer e.Close()
			hc, tr := newHTTPClient(newDialer(t))
			defer tr.CloseIdleConnections()
			mw := &editingMiddleware{next: hc}
			client, err := e.client(settings{http: mw, retry: transport.Retry{MaxAttempts: 1}})
			if err != nil {
				t.Fatal(err)
			}
			if err := op.call(client)(context.Background()); err != nil {
				t.Fatalf("first call: %v", err)
			}
			// The second call's answer does not matter (a write may be
			// refused the second time): only what it sent does.
			_ = op.call(client)(context.Background())
			if len(mw.seen) != 2 {
				t.Fatalf("%d requests, want 2", len(mw.seen))
			}
			first, second := mw.seen[0], mw.seen[1]
			for _, k := range edited {
				if len(first[k]) == 0 && k != "Content-Type" {
					t.Errorf("the first request has no %s", k)
				}
				if len(first[k]) != len(second[k]) || len(second[k]) > 0 && second[k][0] != first[k][0] {
					t.Errorf("%s: the second request sends %q, the first %q", k, second[k], first[k])
				}
			}
		})
	}
}
