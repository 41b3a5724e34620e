package reliability

// Regression tests for the SDK bugs the reliability suite found; each
// failed before its fix.

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// Bug 1: APIError.Error and DecodeError.Error print the service's Code and
// RequestID verbatim, so an answer carrying CR/LF yields a multi-line error
// (a forged log line), against CONTRACT §5 "Error() is one line".
func TestRegressionErrorTextIsOneLine(t *testing.T) {
	for _, body := range []string{
		`{"RequestId":"R","Code":"Bad\nCode","Message":"m"}`,
		`{"RequestId":"R\nlevel=ERROR msg=forged","Code":"InvalidParameter","Message":"m"}`,
	} {
		op := operations[1] // outboundbot.DescribeInstance
		e := op.product.start(0)
		d := newDialer(t)
		hc, tr := newHTTPClient(d)
		client, _ := e.client(settings{http: hc, retry: transport.Retry{MaxAttempts: 1}})
		e.Inject(fake.Fault{Action: op.action, Status: 400, Body: body})
		err := op.call(client)(context.Background())
		if strings.ContainsAny(err.Error(), "\r\n") {
			t.Errorf("error text spans lines: %q", err.Error())
		}
		tr.CloseIdleConnections()
		e.Close()
	}
}

// Bug 2: a dial that times out (SYN unanswered: a firewall, a dead host) is
// a connection error that provably did not reach the service (§6: retried
// for reads and writes), but classify treats its net timeout error, which
// matches context.DeadlineExceeded, as the caller's expired context and
// never retries. Same for an http.Client.Timeout per attempt on a read.
func TestRegressionDialTimeoutIsRetried(t *testing.T) {
	for _, op := range []operation{operations[0], operations[1]} { // a write and a read
		e := op.product.start(0)
		var dials atomic.Int64
		var nd net.Dialer
		tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dials.Add(1) == 1 { // the first dial times out, as a dropped SYN does
				return (&net.Dialer{Timeout: time.Nanosecond}).DialContext(ctx, network, addr)
			}
			return nd.DialContext(ctx, network, addr)
		}}
		client, _ := e.client(settings{http: &http.Client{Transport: tr}, retry: transport.Retry{MaxAttempts: 3, BaseDelay: time.Millisecond}})
		if err := op.call(client)(context.Background()); err != nil {
			t.Errorf("%s: a timed-out dial was not retried: %v", op, err)
		}
		tr.CloseIdleConnections()
		e.Close()
	}
}

// Bug 3: a call cancelled by its caller during backoff matches the category
// of the last attempt (ErrServer here) through the %w-wrapped last error,
// while the same call cancelled in flight matches none; apierror's own test
// says "the caller's cancellation is not the service's fault".
func TestRegressionCancelledInBackoffMatchesNoCategory(t *testing.T) {
	op := operations[1]
	e := op.product.start(0)
	defer e.Close()
	d := newDialer(t)
	hc, tr := newHTTPClient(d)
	defer tr.CloseIdleConnections()
	client, _ := e.client(settings{http: hc, retry: transport.Retry{MaxAttempts: 10, BaseDelay: time.Second, MaxDelay: time.Second}})
	e.Inject(fake.Fault{Action: op.action, Status: 503, Times: 10})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	err := op.call(client)(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	if errors.Is(err, apierror.ErrServer) {
		t.Errorf("a cancelled call matches ErrServer: %v", err)
	}
}

// Bug 4: a list sent as JSON text (ccc NumberList, AdminRamIdList) has its
// invalid UTF-8 silently replaced by U+FFFD: the request sent is not the
// request made, and no ValidationError says so.
func TestRegressionJSONListKeepsOrRefusesBytes(t *testing.T) {
	srv := ccctest.NewServer()
	defer srv.Close()
	c, _ := srv.Client(func(o *ccc.Options) { o.Retry.MaxAttempts = 1 })
	admin := "2486138068107001\xff"
	_, err := c.CreateInstance(context.Background(), &ccc.CreateInstanceRequest{Name: "name", DomainName: "utf8-check", AdminRAMIDList: []string{admin}})
	if err != nil {
		return // refused: fine
	}
	for _, r := range srv.Requests() {
		if got := r.Params["AdminRamIdList"]; got != "" && !strings.Contains(got, "\xff") {
			t.Errorf("sent AdminRamIdList=%q for %q: the value was silently changed", got, admin)
		}
	}
}

// Bug 5: a secret the service echoes in Code or RequestId (or HostId,
// Recommend) is printed as is; only Message is redacted (§8).
func TestRegressionEchoedSecretIsRedactedEverywhere(t *testing.T) {
	op := operations[1]
	e := op.product.start(0)
	defer e.Close()
	d := newDialer(t)
	hc, tr := newHTTPClient(d)
	defer tr.CloseIdleConnections()
	client, _ := e.client(settings{http: hc, retry: transport.Retry{MaxAttempts: 1}})
	s := secrets[0] // the AccessKeySecret the client signs with
	e.Inject(fake.Fault{Action: op.action, Status: 400, Body: `{"RequestId":"` + s + `","Code":"Bad.` + s + `","Message":"echo ` + s + `"}`})
	err := op.call(client)(context.Background())
	if strings.Contains(err.Error(), s) {
		t.Errorf("the secret shows in %q", err.Error())
	}
}
