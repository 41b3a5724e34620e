package transport

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/redact"
	"github.com/typedcloud/sdk-go/observe"
)

// HTTPClient sends one HTTP request. *http.Client satisfies it; so does any
// test double or recording wrapper.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// DefaultMaxBodyBytes caps how many bytes of an answer are read: every
// documented answer is far smaller. The cap bounds the body's bytes only;
// what decoding those bytes may cost is the decoders' to bound.
const DefaultMaxBodyBytes = 8 << 20

// Config is what the loop needs beyond the call itself. Product clients
// build one per call from their options; Budget is the client's, shared by
// every call.
type Config struct {
	// HTTPClient sends the requests: use WithoutRedirects(c), never a
	// client that follows redirects. nil means net/http's default
	// transport, redirects refused.
	HTTPClient HTTPClient
	Retry      Retry        // attempts and delays
	Budget     *Budget      // the client-wide retry budget; nil means unbounded
	Logger     *slog.Logger // one debug line per attempt; nil means silent
	// Timeout bounds the whole call, retries and backoff included. 0 means
	// only the caller's context bounds it.
	Timeout time.Duration
	// MaxBodyBytes caps the answer read; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Jitter returns the actual sleep for a backoff of at most d; nil means
	// full jitter (uniform in [0, d]). Tests pin it.
	Jitter func(d time.Duration) time.Duration
	// Observer is told of each call and each attempt; nil means none, and
	// costs a nil check per attempt.
	Observer observe.Observer
}

// Call is one operation to perform.
type Call struct {
	Product    string // for errors and logs: "outboundbot"
	Operation  string // the API action: "DescribeInstance"
	Idempotent bool   // reads; writes retry only when provably not processed

	// Protocol, Region and Host describe the call to an Observer: the wire
	// protocol (observe.ProtocolAlibabaRPC, …), the region sent with it and
	// the endpoint's host.
	Protocol, Region, Host string

	// Exchange builds the request of each attempt and decodes its answer.
	Exchange Exchange

	// Again, when set, is asked once, with the error the attempts ended in,
	// whether the service rejected credentials that have since been
	// replaced. If so the attempts run once more, retries and all, within
	// the same Timeout; nil means never.
	Again func(err error) bool
}

// Exchange is what one operation does in each attempt. It is an interface
// (not two funcs) so a protocol client passes one value it has anyway, not
// a closure allocated per call for each.
type Exchange interface {
	// Build returns a newly built and signed request for one attempt, and
	// the secret values it carries (so they can be scrubbed from errors and
	// logs). It is called once per attempt: never resend a signed request.
	Build(ctx context.Context) (*http.Request, []string, error)

	// Decode turns a complete answer into nil (the caller's response is
	// filled) or a typed error (*apierror.APIError, *apierror.DecodeError).
	Decode(a *Answer) error
}

// Funcs is an Exchange made of two functions.
type Funcs struct {
	BuildFunc  func(ctx context.Context) (*http.Request, []string, error)
	DecodeFunc func(a *Answer) error
}

// Build calls f.BuildFunc.
func (f *Funcs) Build(ctx context.Context) (*http.Request, []string, error) { return f.BuildFunc(ctx) }

// Decode calls f.DecodeFunc.
func (f *Funcs) Decode(a *Answer) error { return f.DecodeFunc(a) }

// Answer is one complete HTTP answer, body read in full.
type Answer struct {
	Status  int
	Header  http.Header
	Body    []byte
	Secrets []string // the attempt's secrets, for redacting snippets
	// RequestID is set by Decode when it finds one, for the attempt's log line.
	RequestID string
	// Context is the attempt's context: Decode stops when it is done.
	Context context.Context

	final *http.Request // the request the answer is to, as the HTTPClient reports it
}

// Do runs call: attempts, backoff and budget, and once more if call.Again
// says so. It returns nil or a typed error: *apierror.APIError,
// *apierror.DecodeError or *apierror.OperationError.
func (cfg *Config) Do(ctx context.Context, call *Call) error {
	if cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Timeout)
		defer cancel()
	}
	ctx, obs := cfg.observe(ctx, call)
	err := cfg.run(ctx, call, obs)
	if err != nil && call.Again != nil && call.Again(err) {
		obs.retrying(observe.ReasonCredentialsRejected, 0)
		err = cfg.run(ctx, call, obs)
	}
	obs.end(ctx, err)
	return err
}

// run makes the attempts of call, up to the retry limit and as far as the
// budget allows.
func (cfg *Config) run(ctx context.Context, call *Call, obs *observation) error {
	maxAttempts := cfg.Retry.maxAttempts()
	spent := 0 // budget tokens this call's retries took
	for attempt := 1; ; attempt++ {
		err := cfg.attempt(ctx, call, attempt, obs)
		if err == nil {
			cfg.Budget.give(max(spent, 1))
			return nil
		}
		var be *buildError
		if errors.As(err, &be) {
			return &apierror.OperationError{Product: call.Product, Operation: call.Operation, Attempts: attempt - 1, Err: be.err}
		}
		v := classify(err, call.Idempotent)
		// The caller's context ending (or Config.Timeout) is final; a net
		// timeout inside one attempt is not, although it matches
		// context.DeadlineExceeded too.
		if !v.retry || attempt >= maxAttempts || ctx.Err() != nil {
			return finalError(call, attempt, err)
		}
		if !cfg.Budget.take(v.cost) {
			if cfg.Logger != nil {
				cfg.Logger.LogAttrs(ctx, slog.LevelDebug, "typedcloud: retry budget exhausted",
					slog.String("product", call.Product), slog.String("operation", call.Operation), slog.Int("attempt", attempt))
			}
			obs.budgetExhausted()
			return finalError(call, attempt, err)
		}
		spent += v.cost
		slept, ctxErr := cfg.sleep(ctx, attempt)
		if ctxErr != nil {
			return &apierror.OperationError{Product: call.Product, Operation: call.Operation, Attempts: attempt,
				Err: fmt.Errorf("%w during backoff; last attempt: %w", ctxErr, lastAttempt{err})}
		}
		obs.retrying(v.reason, slept)
	}
}

// finalError returns what the caller sees after the last attempt: the
// service's typed answer as is, or the send failure wrapped with the count.
func finalError(call *Call, attempts int, err error) error {
	var se *sendError
	if errors.As(err, &se) {
		return &apierror.OperationError{Product: call.Product, Operation: call.Operation, Attempts: attempts, Err: se.err}
	}
	return err
}

// sleep waits the jittered backoff after attempt n, or until ctx is done,
// and returns the backoff.
func (cfg *Config) sleep(ctx context.Context, n int) (time.Duration, error) {
	jitter := cfg.Jitter
	if jitter == nil {
		jitter = fullJitter
	}
	d := max(jitter(cfg.Retry.backoff(n)), 0)
	if d == 0 {
		return 0, ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return d, nil
	case <-ctx.Done():
		return d, ctx.Err()
	}
}

// lastAttempt carries the last answer of a call the caller cancelled
// during backoff: errors.As still finds it (the *APIError and its request
// ID), but errors.Is does not match its category, because the call ended by
// the caller's choice, not the service's failure.
type lastAttempt struct{ err error }

func (e lastAttempt) Error() string { return e.err.Error() }

// As delegates to the last attempt's error.
func (e lastAttempt) As(target any) bool { return errors.As(e.err, target) }

// buildError marks a failure to build the request (credentials, encoding):
// nothing was sent.
type buildError struct{ err error }

func (e *buildError) Error() string { return e.err.Error() }

// Unwrap returns the cause: a context that ended while credentials were
// resolved is still that.
func (e *buildError) Unwrap() error { return e.err }

// DecodeError returns the typed error for an answer that is not the
// documented shape: its snippet and its cause are scrubbed of the attempt's
// secrets (decoders quote the values they reject, and a service may echo a
// secret into one).
func (a *Answer) DecodeError(product, operation, requestID string, err error) error {
	return &apierror.DecodeError{
		Product:    product,
		Operation:  operation,
		HTTPStatus: a.Status,
		RequestID:  redact.String(requestID, a.Secrets...),
		Snippet:    redact.Snippet(a.Body, apierror.SnippetLimit, a.Secrets...),
		Err:        redact.Error(err, a.Secrets...),
	}
}

// APIError returns the typed refusal of this answer. Every field the
// service sent is scrubbed of the attempt's secrets: a service may echo a
// token into any of them.
func (a *Answer) APIError(product, operation string, status int, code, message, requestID, hostID, recommend string) *apierror.APIError {
	scrub := func(s string) string { return redact.String(s, a.Secrets...) }
	return &apierror.APIError{
		Product:    product,
		Operation:  operation,
		HTTPStatus: status,
		Code:       scrub(code),
		Message:    scrub(message),
		RequestID:  scrub(requestID),
		HostID:     scrub(hostID),
		Recommend:  scrub(recommend),
	}
}
