package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/observe"
)

// event is one call to an Observer, as recorder notes it.
type event struct {
	kind    string // "start op", "start attempt", "end attempt", "end op"
	attempt observe.Attempt
	result  observe.Result
	op      observe.OperationResult
}

// ctxKey marks the contexts the recorder hands out, to check that each End
// is given its Start's context and that attempts run inside the operation's.
type ctxKey string

// recorder is an Observer that notes every call in order and checks the
// contexts it is given.
type recorder struct {
	t      *testing.T
	events []event
	ops    []observe.Operation
}

func (r *recorder) StartOperation(ctx context.Context, op observe.Operation) context.Context {
	r.ops = append(r.ops, op)
	r.events = append(r.events, event{kind: "start op"})
	return context.WithValue(ctx, ctxKey("scope"), "op")
}

func (r *recorder) StartAttempt(ctx context.Context, op observe.Operation, a observe.Attempt) context.Context {
	assert.Equal(r.t, "op", ctx.Value(ctxKey("scope")), "an attempt runs in the operation's context")
	r.ops = append(r.ops, op)
	r.events = append(r.events, event{kind: "start attempt", attempt: a})
	return context.WithValue(ctx, ctxKey("scope"), fmt.Sprint("attempt ", a.Number))
}

func (r *recorder) EndAttempt(ctx context.Context, op observe.Operation, a observe.Attempt, res observe.Result) {
	assert.Equal(r.t, fmt.Sprint("attempt ", a.Number), ctx.Value(ctxKey("scope")), "EndAttempt gets StartAttempt's context")
	r.ops = append(r.ops, op)
	res.Duration = 0 // checked apart: synctest makes it exact, but it is noise here
	r.events = append(r.events, event{kind: "end attempt", attempt: a, result: res})
}

func (r *recorder) EndOperation(ctx context.Context, op observe.Operation, res observe.OperationResult) {
	assert.Equal(r.t, "op", ctx.Value(ctxKey("scope")), "EndOperation gets StartOperation's context")
	r.ops = append(r.ops, op)
	res.Duration = 0
	r.events = append(r.events, event{kind: "end op", op: res})
}

// observedCall is testCall with what an Observer is told of it, whose
// request carries the context of its attempt in a header (to check that
// StartAttempt's context reaches the request).
func observedCall(idempotent bool) *Call {
	c := testCall(idempotent)
	c.Protocol, c.Region, c.Host = observe.ProtocolAlibabaRPC, "cn-shanghai", "fake.invalid"
	build := c.Exchange.(*Funcs).BuildFunc
	c.Exchange.(*Funcs).BuildFunc = func(ctx context.Context) (*http.Request, []string, error) {
		if ctx.Value(ctxKey("scope")) == nil {
			return nil, nil, errors.New("the request is not built in the attempt's context")
		}
		return build(ctx)
	}
	return c
}

// Shorthands for the expected events.
func startOp() event { return event{kind: "start op"} }
func startAttempt(n int, reason observe.Reason, backoff time.Duration) event {
	return event{kind: "start attempt", attempt: observe.Attempt{Number: n, RetryReason: reason, Backoff: backoff}}
}
func endAttempt(n int, reason observe.Reason, backoff time.Duration, r observe.Result) event {
	e := startAttempt(n, reason, backoff)
	e.kind, e.result = "end attempt", r
	return e
}
func endOp(r observe.OperationResult) event { return event{kind: "end op", op: r} }

// TestObserverSeesEveryAttempt: an Observer is told of the operation and
// each attempt, in order, with the attempt's number, the reason and
// backoff of each retry, and each outcome's status, category and code.
func TestObserverSeesEveryAttempt(t *testing.T) {
	ok := observe.Result{HTTPStatus: 200}
	fail := func(status int, cat observe.Category, code string) observe.Result {
		return observe.Result{HTTPStatus: status, Category: cat, Code: code, Error: "?"}
	}
	tests := []struct {
		name     string
		write    bool
		retry    Retry
		steps    []step
		cancelAt time.Duration
		again    bool // the first run's error is a rejected token, replaced
		want     []event
	}{
		{name: "success", steps: []step{{status: 200}}, want: []event{
			startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, ok),
			endOp(observe.OperationResult{Result: ok, Attempts: 1}),
		}},
		{name: "retried twice", steps: []step{{status: 500, code: "InternalError"}, {status: 400, code: "Throttling.User"}, {status: 200}}, want: []event{
			startOp(),
			startAttempt(1, "", 0), endAttempt(1, "", 0, fail(500, observe.CategoryServer, "InternalError")),
			startAttempt(2, observe.ReasonServerError, 100*ms), endAttempt(2, observe.ReasonServerError, 100*ms, fail(400, observe.CategoryThrottled, "Throttling.User")),
			startAttempt(3, observe.ReasonThrottled, 200*ms), endAttempt(3, observe.ReasonThrottled, 200*ms, ok),
			endOp(observe.OperationResult{Result: ok, Attempts: 3}),
		}},
		{name: "write after refused dial", write: true, steps: []step{{err: refused}, {status: 200}}, want: []event{
			startOp(),
			startAttempt(1, "", 0), endAttempt(1, "", 0, fail(0, observe.CategoryNetwork, "")),
			startAttempt(2, observe.ReasonConnectionFailed, 100*ms), endAttempt(2, observe.ReasonConnectionFailed, 100*ms, ok),
			endOp(observe.OperationResult{Result: ok, Attempts: 2}),
		}},
		{name: "read exhausts attempts", retry: Retry{MaxAttempts: 2}, steps: []step{{err: reset}, {status: 502, body: gatewayPage503}}, want: []event{
			startOp(),
			startAttempt(1, "", 0), endAttempt(1, "", 0, fail(0, observe.CategoryNetwork, "")),
			startAttempt(2, observe.ReasonConnectionLost, 100*ms), endAttempt(2, observe.ReasonConnectionLost, 100*ms, fail(502, observe.CategoryServer, "")),
			endOp(observe.OperationResult{Result: fail(502, observe.CategoryServer, ""), Attempts: 2}),
		}},
		{name: "final network failure", retry: Retry{MaxAttempts: 1}, steps: []step{{err: reset}}, want: []event{
			startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, fail(0, observe.CategoryNetwork, "")),
			endOp(observe.OperationResult{Result: fail(0, observe.CategoryNetwork, ""), Attempts: 1}),
		}},
		{name: "budget exhausted", retry: Retry{BudgetTokens: 4}, steps: []step{{status: 503, code: "ServiceUnavailable"}}, want: []event{
			startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, fail(503, observe.CategoryServer, "ServiceUnavailable")),
			endOp(observe.OperationResult{Result: fail(503, observe.CategoryServer, "ServiceUnavailable"), Attempts: 1, BudgetExhausted: true}),
		}},
		{name: "canceled during backoff", retry: Retry{BaseDelay: time.Second}, cancelAt: 300 * ms,
			steps: []step{{status: 500, code: "InternalError"}, {status: 200}}, want: []event{
				startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, fail(500, observe.CategoryServer, "InternalError")),
				endOp(observe.OperationResult{Result: fail(500, observe.CategoryCanceled, "InternalError"), Attempts: 1}),
			}},
		{name: "redirect", steps: []step{{status: 302}}, want: []event{
			startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, fail(302, observe.CategoryRedirect, "")),
			endOp(observe.OperationResult{Result: fail(302, observe.CategoryRedirect, ""), Attempts: 1}),
		}},
		{name: "not the documented shape", steps: []step{{status: 200, body: "<html/>"}}, want: []event{
			startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, fail(200, observe.CategoryDecode, "")),
			endOp(observe.OperationResult{Result: fail(200, observe.CategoryDecode, ""), Attempts: 1}),
		}},
		{name: "token rejected, then accepted", again: true,
			steps: []step{{status: 401, code: "AuthFailure.TokenFailure"}, {status: 200}}, want: []event{
				startOp(), startAttempt(1, "", 0), endAttempt(1, "", 0, fail(401, observe.CategoryAuth, "AuthFailure.TokenFailure")),
				startAttempt(2, observe.ReasonCredentialsRejected, 0), endAttempt(2, observe.ReasonCredentialsRejected, 0, ok),
				endOp(observe.OperationResult{Result: ok, Attempts: 2}),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				rec := &recorder{t: t}
				cfg := &Config{HTTPClient: &script{steps: tt.steps}, Retry: tt.retry, Budget: NewBudget(tt.retry),
					Jitter: func(d time.Duration) time.Duration { return d }, Observer: rec}
				ctx := t.Context()
				if tt.cancelAt > 0 {
					var cancel context.CancelFunc
					ctx, cancel = context.WithCancel(ctx)
					time.AfterFunc(tt.cancelAt, cancel)
				}
				call := observedCall(!tt.write)
				asked := 0
				if tt.again {
					call.Again = func(error) bool { asked++; return true }
				}
				err := cfg.Do(ctx, call)

				last := tt.want[len(tt.want)-1].op
				assert.Equal(t, last.Category == "", err == nil, "the operation's outcome is the caller's: %v", err)
				if err != nil {
					assert.Equal(t, err.Error(), rec.events[len(rec.events)-1].op.Error, "the operation's error text is the caller's")
				}
				assert.Equal(t, tt.want, errorsMarked(rec.events))
				want := observe.Operation{Protocol: observe.ProtocolAlibabaRPC, Product: "testproduct", Operation: "TestOp",
					Region: "cn-shanghai", Host: "fake.invalid", Idempotent: !tt.write}
				for _, op := range rec.ops {
					require.Equal(t, want, op)
				}
				if tt.again {
					assert.Equal(t, 1, asked, "Again is asked once")
				}
			})
		})
	}
}

// errorsMarked replaces each non-empty error text by "?", after checking
// that it is there exactly when there is a category.
func errorsMarked(events []event) []event {
	out := make([]event, len(events))
	for i, e := range events {
		for _, r := range []*observe.Result{&e.result, &e.op.Result} {
			if r.Error != "" {
				r.Error = "?"
			}
			if (r.Error == "") != (r.Category == "") {
				r.Error = "error text and category disagree"
			}
		}
		out[i] = e
	}
	return out
}

// TestObserverDurations: each attempt's duration is its own and the
// operation's spans the whole call, backoff included.
func TestObserverDurations(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var attempts []time.Duration
		var total time.Duration
		obs := &funcObserver{
			endAttempt: func(r observe.Result) { attempts = append(attempts, r.Duration) },
			endOp:      func(r observe.OperationResult) { total = r.Duration },
		}
		slow := doFunc(func(r *http.Request) (*http.Response, error) {
			time.Sleep(50 * ms)
			return (&script{steps: []step{{status: 500, code: "InternalError"}}}).Do(r)
		})
		cfg := &Config{HTTPClient: slow, Retry: Retry{MaxAttempts: 2}, Jitter: func(d time.Duration) time.Duration { return d }, Observer: obs}
		require.Error(t, cfg.Do(t.Context(), testCall(true)))
		assert.Equal(t, []time.Duration{50 * ms, 50 * ms}, attempts)
		assert.Equal(t, 200*ms, total, "two attempts and the 100 ms backoff")
	})
}

// funcObserver is an Observer that calls its functions at the End of an
// attempt and of the operation.
type funcObserver struct {
	endAttempt func(observe.Result)
	endOp      func(observe.OperationResult)
}

func (f *funcObserver) StartOperation(ctx context.Context, _ observe.Operation) context.Context {
	return ctx
}
func (f *funcObserver) StartAttempt(ctx context.Context, _ observe.Operation, _ observe.Attempt) context.Context {
	return ctx
}
func (f *funcObserver) EndAttempt(_ context.Context, _ observe.Operation, _ observe.Attempt, r observe.Result) {
	f.endAttempt(r)
}
func (f *funcObserver) EndOperation(_ context.Context, _ observe.Operation, r observe.OperationResult) {
	f.endOp(r)
}

// TestObserverSeesNoSecret: the request ID, code and error text an
// Observer is given are scrubbed of the attempt's secrets, wherever the
// answer or the send failure put them.
func TestObserverSeesNoSecret(t *testing.T) {
	const canary = "canary-signature-5f3a9c"
	steps := []step{
		{err: errors.New("proxy said: bad request ?Signature=" + canary)},
		{status: 400, code: "InvalidParameter." + canary},
		{status: 200, body: `{"RequestId":"` + canary + `"}`},
	}
	for _, st := range steps {
		var seen []string
		obs := &funcObserver{
			endAttempt: func(r observe.Result) { seen = append(seen, fmt.Sprintf("%+v", r)) },
			endOp:      func(r observe.OperationResult) { seen = append(seen, fmt.Sprintf("%+v", r)) },
		}
		call := testCall(true)
		call.Exchange.(*Funcs).BuildFunc = func(ctx context.Context) (*http.Request, []string, error) {
			r, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://fake.invalid/?Signature="+canary, nil)
			return r, []string{canary}, err
		}
		decode := call.Exchange.(*Funcs).DecodeFunc
		call.Exchange.(*Funcs).DecodeFunc = func(a *Answer) error {
			if strings.Contains(string(a.Body), "RequestId") {
				a.RequestID = canary
				return a.DecodeError("testproduct", "TestOp", canary, errors.New("echoes "+canary))
			}
			if err := decode(a); err != nil {
				var e *apierror.APIError
				if errors.As(err, &e) {
					return a.APIError(e.Product, e.Operation, e.HTTPStatus, e.Code, "message "+canary, canary, "", "")
				}
				return err
			}
			return nil
		}
		cfg := &Config{HTTPClient: &script{steps: []step{st}}, Retry: Retry{MaxAttempts: 1}, Observer: obs}
		err := cfg.Do(t.Context(), call)
		require.Error(t, err)
		require.Len(t, seen, 2)
		assert.NotContains(t, seen[0], "Error:}", "an error text is there")
		for _, s := range seen {
			assert.NotContains(t, s, canary)
		}
	}
}

// TestNoObserverCostsNothing: without an Observer the loop's hooks are a
// nil check: no context is derived and nothing is allocated.
func TestNoObserverCostsNothing(t *testing.T) {
	cfg, call := &Config{}, testCall(true)
	ctx := t.Context()
	allocs := testing.AllocsPerRun(100, func() {
		c, obs := cfg.observe(ctx, call)
		if obs != nil || c != ctx {
			t.Fatal("an observation without an Observer")
		}
		c = obs.startAttempt(c)
		obs.endAttempt(c, time.Now(), 500, "id", errors.ErrUnsupported)
		obs.retrying(observe.ReasonThrottled, time.Second)
		obs.budgetExhausted()
		obs.end(c, errors.ErrUnsupported)
	})
	assert.Zero(t, allocs)
}

// TestObserverSeesBuildFailures: an attempt whose request could not be
// built is reported with its cause's category, the call's too.
func TestObserverSeesBuildFailures(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want observe.Category
	}{
		{&apierror.CredentialsError{Err: errors.New("no AccessKey")}, observe.CategoryCredentials},
		{&apierror.CredentialsError{Err: context.Canceled}, observe.CategoryCanceled},
		{fmt.Errorf("waiting for credentials: %w", context.DeadlineExceeded), observe.CategoryTimeout},
		{errors.New("cannot encode the request"), observe.CategoryOther},
	} {
		var got []observe.Category
		obs := &funcObserver{
			endAttempt: func(r observe.Result) { got = append(got, r.Category) },
			endOp:      func(r observe.OperationResult) { got = append(got, r.Category) },
		}
		call := testCall(true)
		call.Exchange.(*Funcs).BuildFunc = func(context.Context) (*http.Request, []string, error) { return nil, nil, tt.err }
		cfg := &Config{Observer: obs}
		require.Error(t, cfg.Do(t.Context(), call))
		assert.Equal(t, []observe.Category{tt.want, tt.want}, got, "%v", tt.err)
	}
}
