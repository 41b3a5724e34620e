package transport

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// step is one scripted outcome of an HTTP exchange.
type step struct {
	status int
	code   string // error code the body carries ("" = success)
	body   string // raw body, when code is not enough
	err    error  // a send failure instead of an answer
}

// script is an HTTPClient that plays steps in order and notes when each
// request arrived (on the synctest clock).
type script struct {
	steps []step
	times []time.Time
}

func (s *script) Do(r *http.Request) (*http.Response, error) {
	i := len(s.times)
	s.times = append(s.times, time.Now())
	st := s.steps[min(i, len(s.steps)-1)]
	if st.err != nil {
		return nil, &url.Error{Op: "Post", URL: r.URL.String(), Err: st.err}
	}
	body := st.body
	if st.code != "" {
		body = `{"Code":"` + st.code + `"}`
	}
	return &http.Response{StatusCode: st.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body))}, nil
}

// delays returns the gaps between consecutive attempts.
func (s *script) delays() []time.Duration {
	var d []time.Duration
	for i := 1; i < len(s.times); i++ {
		d = append(d, s.times[i].Sub(s.times[i-1]))
	}
	return d
}

// testCall decodes the scripted bodies as the protocol decoders do: a JSON
// object with a Code is the service's error envelope (an *APIError, even on
// a 2xx), an empty or JSON 2xx is success, and anything else (a gateway's
// HTML page, a proxy's plain text) is a *DecodeError with only its status.
func testCall(idempotent bool) *Call {
	return &Call{
		Product:    "testproduct",
		Operation:  "TestOp",
		Idempotent: idempotent,
		Exchange: &Funcs{BuildFunc: func(ctx context.Context) (*http.Request, []string, error) {
			r, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://fake.invalid/?Signature=SIG", nil)
			return r, []string{"SIG"}, err
		}, DecodeFunc: func(a *Answer) error {
			var env struct{ Code string }
			isJSON := json.Unmarshal(a.Body, &env) == nil
			switch {
			case env.Code != "":
				e := &apierror.APIError{Product: "testproduct", Operation: "TestOp", HTTPStatus: a.Status, Code: env.Code}
				apierror.SetCategory(e, apierror.Classify(env.Code, a.Status, apierror.AlibabaCodes, apierror.TencentCodes))
				return e
			case a.Status >= 200 && a.Status < 300 && (isJSON || len(a.Body) == 0):
				return nil
			}
			return &apierror.DecodeError{Product: "testproduct", Operation: "TestOp", HTTPStatus: a.Status, Err: errors.New("no error envelope")}
		}},
	}
}

// Bare 503s from whatever stands in front of a service: nginx's page, and
// the text/plain answer of an Envoy whose upstream went away.
const (
	gatewayPage503 = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	envoy503       = "upstream connect error or disconnect/reset before headers. reset reason: connection termination"
)

var (
	refused = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	reset   = &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	ms      = time.Millisecond
)

// TestRetrySpec is the retry contract as a table: a sequence of answers →
// the outcome, the number of attempts and the delays between them. Jitter
// is pinned to the full backoff, so delays are exact on the synctest clock.
func TestRetrySpec(t *testing.T) {
	tests := []struct {
		name       string
		write      bool
		retry      Retry
		steps      []step
		cancelAt   time.Duration // cancel the context this long after the start
		wantErr    error         // errors.Is target; nil means success
		wantCode   string        // the APIError code, when one is expected
		attempts   int
		delays     []time.Duration
		budgetLeft int // -1: don't check
	}{
		{name: "success first time", steps: []step{{status: 200}},
			attempts: 1, budgetLeft: 500},
		{name: "read succeeds after 500", steps: []step{{status: 500, code: "InternalError"}, {status: 200}},
			attempts: 2, delays: []time.Duration{100 * ms}, budgetLeft: 500},
		{name: "read succeeds after 502 and 504", steps: []step{{status: 502, body: "<html>bad gateway</html>"}, {status: 504, body: "<html/>"}, {status: 200}},
			attempts: 3, delays: []time.Duration{100 * ms, 200 * ms}, budgetLeft: 500},
		{name: "read exhausts attempts", steps: []step{{status: 503, code: "ServiceUnavailable"}},
			wantErr: apierror.ErrServer, wantCode: "ServiceUnavailable", attempts: 3, delays: []time.Duration{100 * ms, 200 * ms}, budgetLeft: 490},
		{name: "throttling is retried", steps: []step{{status: 400, code: "Throttling.User"}, {status: 200}},
			attempts: 2, delays: []time.Duration{100 * ms}, budgetLeft: 500},
		{name: "write retried after throttling", write: true, steps: []step{{status: 400, code: "Throttling.Api"}, {status: 200}},
			attempts: 2, delays: []time.Duration{100 * ms}, budgetLeft: 500},
		{name: "write retried after ServiceUnavailable", write: true, steps: []step{{status: 503, code: "ServiceUnavailable"}, {status: 200}},
			attempts: 2, delays: []time.Duration{100 * ms}, budgetLeft: 500},
		{name: "write not retried after InternalError", write: true, steps: []step{{status: 500, code: "InternalError"}, {status: 200}},
			wantErr: apierror.ErrServer, wantCode: "InternalError", attempts: 1, budgetLeft: 500},
		{name: "write not retried after reset", write: true, steps: []step{{err: reset}, {status: 200}},
			wantErr: syscall.ECONNRESET, attempts: 1, budgetLeft: 500},
		{name: "write not retried after a gateway's 503 page", write: true, steps: []step{{status: 503, body: gatewayPage503}, {status: 200}},
			wantErr: apierror.ErrServer, attempts: 1, budgetLeft: 500},
		{name: "write not retried after Envoy's 503", write: true, steps: []step{{status: 503, body: envoy503}, {status: 200}},
			wantErr: apierror.ErrServer, attempts: 1, budgetLeft: 500},
		{name: "read retried after a gateway's 503 page", steps: []step{{status: 503, body: gatewayPage503}, {status: 503, body: envoy503}, {status: 200}},
			attempts: 3, delays: []time.Duration{100 * ms, 200 * ms}, budgetLeft: 500},
		{name: "write retried after refused dial", write: true, steps: []step{{err: refused}, {status: 200}},
			attempts: 2, delays: []time.Duration{100 * ms}, budgetLeft: 500},
		{name: "read retried after reset", steps: []step{{err: reset}, {err: reset}, {status: 200}},
			attempts: 3, delays: []time.Duration{100 * ms, 200 * ms}, budgetLeft: 500},
		{name: "not found is final", steps: []step{{status: 404, code: "NotExist.Instance"}},
			wantErr: apierror.ErrNotFound, wantCode: "NotExist.Instance", attempts: 1, budgetLeft: 500},
		{name: "auth is final", steps: []step{{status: 400, code: "SignatureDoesNotMatch"}},
			wantErr: apierror.ErrAuth, wantCode: "SignatureDoesNotMatch", attempts: 1, budgetLeft: 500},
		{name: "validation is final", steps: []step{{status: 400, code: "MissingParameter"}},
			wantErr: apierror.ErrInvalidParameter, wantCode: "MissingParameter", attempts: 1, budgetLeft: 500},
		{name: "retries off", retry: Retry{MaxAttempts: 1}, steps: []step{{status: 500, code: "InternalError"}, {status: 200}},
			wantErr: apierror.ErrServer, wantCode: "InternalError", attempts: 1, budgetLeft: 500},
		{name: "backoff doubles and is capped", retry: Retry{MaxAttempts: 5, BaseDelay: time.Second, MaxDelay: 3 * time.Second},
			steps:   []step{{status: 500, code: "InternalError"}},
			wantErr: apierror.ErrServer, attempts: 5, delays: []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second}, budgetLeft: 480},
		{name: "budget exhausted", retry: Retry{MaxAttempts: 5, BudgetTokens: 10},
			steps:   []step{{status: 500, code: "InternalError"}},
			wantErr: apierror.ErrServer, wantCode: "InternalError", attempts: 3, delays: []time.Duration{100 * ms, 200 * ms}, budgetLeft: 0},
		{name: "network failure costs more budget", retry: Retry{MaxAttempts: 5, BudgetTokens: 15},
			steps:   []step{{err: reset}},
			wantErr: syscall.ECONNRESET, attempts: 2, delays: []time.Duration{100 * ms}, budgetLeft: 5},
		{name: "context cancelled during backoff", retry: Retry{BaseDelay: time.Second},
			steps: []step{{status: 500, code: "InternalError"}, {status: 200}}, cancelAt: 300 * ms,
			wantErr: context.Canceled, wantCode: "InternalError", attempts: 1, budgetLeft: 495},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := &script{steps: tt.steps}
				cfg := &Config{HTTPClient: s, Retry: tt.retry, Budget: NewBudget(tt.retry), Jitter: func(d time.Duration) time.Duration { return d }}
				ctx := t.Context()
				start := time.Now()
				if tt.cancelAt > 0 {
					var cancel context.CancelFunc
					ctx, cancel = context.WithCancel(ctx)
					time.AfterFunc(tt.cancelAt, cancel)
				}
				err := cfg.Do(ctx, testCall(!tt.write))

				assert.Len(t, s.times, tt.attempts, "attempts")
				assert.Equal(t, tt.delays, s.delays(), "delays between attempts")
				if tt.budgetLeft >= 0 {
					assert.Equal(t, tt.budgetLeft, cfg.Budget.Tokens(), "budget left")
				}
				if tt.wantErr == nil {
					require.NoError(t, err)
					return
				}
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.wantErr)
				if tt.wantCode != "" {
					var apiErr *apierror.APIError
					require.ErrorAs(t, err, &apiErr)
					assert.Equal(t, tt.wantCode, apiErr.Code)
				}
				if tt.cancelAt > 0 {
					assert.Equal(t, tt.cancelAt, time.Since(start), "returns as soon as the context is cancelled")
				}
			})
		})
	}
}

// TestBudgetIsClientWide: retries of one call drain the budget that the
// next call of the same client sees, and successes refill it.
func TestBudgetIsClientWide(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		budget := NewBudget(Retry{BudgetTokens: 10})
		failing := &Config{HTTPClient: &script{steps: []step{{status: 500, code: "InternalError"}}}, Budget: budget}
		require.Error(t, failing.Do(t.Context(), testCall(true)))
		assert.Equal(t, 0, budget.Tokens())

		s := &script{steps: []step{{status: 500, code: "InternalError"}, {status: 200}}}
		second := &Config{HTTPClient: s, Budget: budget}
		require.Error(t, second.Do(t.Context(), testCall(true)), "no budget left: the 500 is final")
		assert.Len(t, s.times, 1)

		ok := &Config{HTTPClient: &script{steps: []step{{status: 200}}}, Budget: budget}
		for range 5 {
			require.NoError(t, ok.Do(t.Context(), testCall(true)))
		}
		assert.Equal(t, 5, budget.Tokens(), "each success returns a token")
	})
}

// TestEveryAttemptIsBuiltAfresh: Build runs once per attempt, never reusing
// a request.
func TestEveryAttemptIsBuiltAfresh(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var built []*http.Request
		call := testCall(true)
		fx := call.Exchange.(*Funcs)
		inner := fx.BuildFunc
		fx.BuildFunc = func(ctx context.Context) (*http.Request, []string, error) {
			r, s, err := inner(ctx)
			built = append(built, r)
			return r, s, err
		}
		cfg := &Config{HTTPClient: &script{steps: []step{{err: reset}, {status: 500, code: "InternalError"}, {status: 200}}}}
		require.NoError(t, cfg.Do(t.Context(), call))
		require.Len(t, built, 3)
		assert.NotSame(t, built[0], built[1])
		assert.NotSame(t, built[1], built[2])
	})
}

func TestBuildFailureIsNotSent(t *testing.T) {
	call := testCall(true)
	call.Exchange.(*Funcs).BuildFunc = func(context.Context) (*http.Request, []string, error) { return nil, nil, errors.New("no credentials") }
	s := &script{steps: []step{{status: 200}}}
	err := (&Config{HTTPClient: s}).Do(t.Context(), call)
	var opErr *apierror.OperationError
	require.ErrorAs(t, err, &opErr)
	assert.Equal(t, 0, opErr.Attempts)
	assert.Empty(t, s.times)
	assert.Equal(t, "testproduct TestOp: not sent: no credentials", err.Error())
}

// TestTimeoutBoundsTheWholeCall: Config.Timeout covers retries and backoff.
func TestTimeoutBoundsTheWholeCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &script{steps: []step{{status: 503, code: "ServiceUnavailable"}}}
		cfg := &Config{HTTPClient: s, Timeout: 250 * ms, Retry: Retry{MaxAttempts: 10}, Jitter: func(d time.Duration) time.Duration { return d }}
		start := time.Now()
		err := cfg.Do(t.Context(), testCall(true))
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		var last *apierror.APIError
		require.ErrorAs(t, err, &last, "the last answer is still reachable")
		assert.Equal(t, "ServiceUnavailable", last.Code)
		assert.NotErrorIs(t, err, apierror.ErrServer, "the call ended by its deadline, not by the service")
		assert.Equal(t, 250*ms, time.Since(start))
		assert.Len(t, s.times, 2, "attempts at 0 and 100ms; the 200ms backoff is cut by the deadline")
	})
}

func TestBodyCap(t *testing.T) {
	s := &script{steps: []step{{status: 200, body: strings.Repeat("x", 2048)}}}
	cfg := &Config{HTTPClient: s, MaxBodyBytes: 1024}
	err := cfg.Do(t.Context(), testCall(true))
	var decErr *apierror.DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.Contains(t, decErr.Err.Error(), "exceeds the 1024-byte limit")
	assert.LessOrEqual(t, len(decErr.Snippet), apierror.SnippetLimit)
	assert.Len(t, s.times, 1, "an oversized 200 is not retried")
}

func TestReadCapped(t *testing.T) {
	for _, tc := range []struct {
		n, cl, limit int64
		ok           bool
	}{
		{0, 0, 10, true}, {10, 10, 10, true}, {10, -1, 10, true}, {11, -1, 10, false}, {11, 11, 10, false},
		{5000, -1, 8192, true}, {5000, 5000, 4999, false},
	} {
		got, err := readCapped(strings.NewReader(strings.Repeat("a", int(tc.n))), tc.cl, tc.limit)
		if tc.ok {
			require.NoError(t, err, "%+v", tc)
			assert.Len(t, got, int(tc.n))
		} else {
			var tooLarge *bodyTooLargeError
			assert.ErrorAs(t, err, &tooLarge, "%+v", tc)
		}
	}
}

func TestBackoff(t *testing.T) {
	r := Retry{}
	assert.Equal(t, []time.Duration{100 * ms, 200 * ms, 400 * ms, 800 * ms, 1600 * ms, 3200 * ms, 5 * time.Second, 5 * time.Second},
		[]time.Duration{r.backoff(1), r.backoff(2), r.backoff(3), r.backoff(4), r.backoff(5), r.backoff(6), r.backoff(7), r.backoff(50)})
	for range 1000 {
		d := fullJitter(100 * ms)
		require.True(t, d >= 0 && d <= 100*ms, "jitter %v out of [0, 100ms]", d)
	}
}

// A send error is scrubbed wherever it holds a secret of the attempt: the
// URL of an *url.Error, its cause, and any other error an HTTPClient
// returns. One that holds none is kept as it is, so errors.As still finds
// what classify looks for.
func TestScrubSendErrors(t *testing.T) {
	const token = "CAIS+tok/en=="
	const signed = "https://h.invalid/?SecurityToken=CAIS%2Btok%2Fen%3D%3D&Signature=s%2Bg"
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	for name, err := range map[string]error{
		"url error":           &url.Error{Op: "Post", URL: signed, Err: refused},
		"url error's cause":   &url.Error{Op: "Post", URL: signed, Err: errors.New(`stopped after 10 redirects to "/?t=CAIS%2btok%2fen%3d%3d"`)},
		"wrapped url error":   fmt.Errorf("tracing: %w", &url.Error{Op: "Post", URL: signed, Err: refused}),
		"an error of its own": fmt.Errorf("proxy refused %s", signed),
	} {
		t.Run(name, func(t *testing.T) {
			got := scrub(err, []string{token, "s+g"})
			for e := got; e != nil; e = errors.Unwrap(e) {
				assert.NotContains(t, e.Error(), "tok")
				assert.NotContains(t, fmt.Sprintf("%#v", e), "tok")
			}
		})
	}
	kept := scrub(&url.Error{Op: "Post", URL: signed, Err: refused}, []string{token})
	var opErr *net.OpError
	require.ErrorAs(t, kept, &opErr)
	assert.Same(t, refused, opErr)
	assert.ErrorIs(t, kept, syscall.ECONNREFUSED)
}
