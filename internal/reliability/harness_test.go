package reliability

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// dialer counts the client's connections, so a test can prove that every
// connection it opened was closed. It can also refuse the next N dials for
// real: it dials a port nobody listens on, and the kernel answers
// ECONNREFUSED, exactly what a client meets when the service is down.
type dialer struct {
	closedAddr string // a loopback port that was listened on and closed
	refuse     atomic.Int64
	opened     atomic.Int64
	closed     atomic.Int64
	dials      atomic.Int64 // every dial, refused ones included
	net        net.Dialer
}

func newDialer(t testing.TB) *dialer {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return &dialer{closedAddr: addr, net: net.Dialer{Timeout: 5 * time.Second}}
}

// refuseNext makes the next n dials fail with a refused connection.
func (d *dialer) refuseNext(n int) { d.refuse.Store(int64(n)) }

func (d *dialer) takeRefusal() bool {
	for {
		n := d.refuse.Load()
		if n <= 0 {
			return false
		}
		if d.refuse.CompareAndSwap(n, n-1) {
			return true
		}
	}
}

func (d *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	d.dials.Add(1)
	if d.takeRefusal() {
		addr = d.closedAddr
	}
	c, err := d.net.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	d.opened.Add(1)
	return &countedConn{Conn: c, d: d}, nil
}

// open is the number of connections opened and not yet closed.
func (d *dialer) open() int64 { return d.opened.Load() - d.closed.Load() }

type countedConn struct {
	net.Conn
	d    *dialer
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.d.closed.Add(1) })
	return c.Conn.Close()
}

// newHTTPClient returns a client of its own (no shared default transport),
// so a test can close its idle connections and count the rest.
func newHTTPClient(d *dialer) (*http.Client, *http.Transport) {
	tr := &http.Transport{
		DialContext:         d.DialContext,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 128,
		IdleConnTimeout:     30 * time.Second,
	}
	return &http.Client{Transport: tr}, tr
}

// attempts records each request the SDK hands to its HTTPClient: one per
// attempt. It proves every attempt is a request built anew (never a signed
// request sent twice) and counts attempts where the fake cannot see them
// (a refused dial).
type attempts struct {
	next *http.Client

	mu   sync.Mutex
	reqs map[*http.Request]bool
	n    int
	dup  int
}

func newAttempts(next *http.Client) *attempts {
	return &attempts{next: next, reqs: map[*http.Request]bool{}}
}

func (a *attempts) Do(r *http.Request) (*http.Response, error) {
	a.mu.Lock()
	a.n++
	if a.reqs[r] {
		a.dup++
	}
	a.reqs[r] = true
	a.mu.Unlock()
	return a.next.Do(r)
}

func (a *attempts) count() (n, resent int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.n, a.dup
}

// leakCheck proves a test leaves no goroutine and no connection behind: it
// notes the goroutines alive when started, and verify waits (up to a
// deadline) until every goroutine started since has ended and every
// connection the dialer opened has been closed, after closing the
// transport's idle ones. Goroutines are told apart by ID, not counted, so
// one that happens to end during the test cannot hide one that leaked. The
// fakes serve each connection on a goroutine of this process, so a
// server-side connection left open shows up as a goroutine too.
type leakCheck struct {
	t       reporter
	base    map[string]bool // IDs of the goroutines alive at the start
	d       *dialer
	tr      *http.Transport
	timeout time.Duration
}

// reporter is the part of testing.TB a leakCheck uses, so the check itself
// can be tested.
type reporter interface {
	Helper()
	Fatalf(format string, args ...any)
}

func startLeakCheck(t reporter, d *dialer, tr *http.Transport) *leakCheck {
	base := map[string]bool{}
	for id := range goroutines() {
		base[id] = true
	}
	return &leakCheck{t: t, base: base, d: d, tr: tr, timeout: settleTimeout}
}

// settleTimeout bounds how long connections and goroutines may take to wind
// down after a test (a handler waking from a cancelled wait, a server
// connection reading its EOF).
const settleTimeout = 10 * time.Second

func (l *leakCheck) verify() {
	l.t.Helper()
	deadline := time.Now().Add(l.timeout)
	for {
		l.tr.CloseIdleConnections()
		var leaked []string
		for id, stack := range goroutines() {
			if !l.base[id] {
				leaked = append(leaked, stack)
			}
		}
		open := l.d.open()
		if open == 0 && len(leaked) == 0 {
			return
		}
		if time.Now().After(deadline) {
			l.t.Fatalf("leak: %d connections still open (%d opened), %d goroutines started by the test still running:\n\n%s",
				open, l.d.opened.Load(), len(leaked), strings.Join(leaked, "\n\n"))
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// goroutines returns the stack of every goroutine, by ID.
func goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		// "goroutine 42 [select]:\n…"
		head, _, _ := strings.Cut(g, " [")
		if id, ok := strings.CutPrefix(head, "goroutine "); ok {
			out[id] = g
		}
	}
	return out
}

// checkNoSecret asserts that no secret appears in err's text in any verb.
func checkNoSecret(t testing.TB, err error, extra ...string) {
	t.Helper()
	if err == nil {
		return
	}
	for _, text := range []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err)} {
		for _, s := range append(extra, secrets...) {
			if s != "" && strings.Contains(text, s) {
				t.Errorf("error text leaks a secret: %q", text)
			}
		}
		if strings.ContainsAny(text, "\r\n") {
			t.Errorf("error text is not one line: %q", text)
		}
	}
}
