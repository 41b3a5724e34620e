package transport

import (
	"context"
	"errors"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/observe"
)

// observation is one call's report to the Config's Observer. A nil
// *observation, the call of a Config without an Observer, does nothing, so
// the loop calls its methods unconditionally and pays a nil check.
type observation struct {
	observer observe.Observer
	op       observe.Operation
	start    time.Time
	next     observe.Attempt // the attempt to start next
	last     observe.Result  // of the latest attempt
	budget   bool            // the retry budget stopped the call
}

// observe starts the observation of call, returning the context its
// attempts run in, or ctx and nil when cfg has no Observer.
func (cfg *Config) observe(ctx context.Context, call *Call) (context.Context, *observation) {
	if cfg.Observer == nil {
		return ctx, nil
	}
	o := &observation{
		observer: cfg.Observer,
		op: observe.Operation{
			Protocol:   call.Protocol,
			Product:    call.Product,
			Operation:  call.Operation,
			Region:     call.Region,
			Host:       call.Host,
			Idempotent: call.Idempotent,
		},
		start: time.Now(),
		next:  observe.Attempt{Number: 1},
	}
	return o.observer.StartOperation(ctx, o.op), o
}

// startAttempt reports the next attempt, returning the context it runs in.
func (o *observation) startAttempt(ctx context.Context) context.Context {
	if o == nil {
		return ctx
	}
	return o.observer.StartAttempt(ctx, o.op, o.next)
}

// endAttempt reports the outcome of the attempt that began at start.
func (o *observation) endAttempt(ctx context.Context, start time.Time, status int, requestID string, err error) {
	if o == nil {
		return
	}
	o.last = result(time.Since(start), status, requestID, err, attemptCategory(err))
	o.observer.EndAttempt(ctx, o.op, o.next, o.last)
}

// retrying records that another attempt follows, after a failure of kind
// reason and a backoff of slept.
func (o *observation) retrying(reason observe.Reason, slept time.Duration) {
	if o == nil {
		return
	}
	o.next = observe.Attempt{Number: o.next.Number + 1, RetryReason: reason, Backoff: slept}
}

// budgetExhausted records that the retry budget stopped the call.
func (o *observation) budgetExhausted() {
	if o != nil {
		o.budget = true
	}
}

// end reports the call's outcome, err being what the caller is given.
func (o *observation) end(ctx context.Context, err error) {
	if o == nil {
		return
	}
	r := result(time.Since(o.start), o.last.HTTPStatus, o.last.RequestID, err, o.last.Category)
	o.observer.EndOperation(ctx, o.op, observe.OperationResult{Result: r, Attempts: o.next.Number, BudgetExhausted: o.budget})
}

// result describes an outcome; other is the category of a failure that is
// none of the typed errors. The request ID is the answer's, or the one a
// typed error holds; every text is one the SDK's errors already carry,
// scrubbed of the attempt's secrets.
func result(d time.Duration, status int, requestID string, err error, other observe.Category) observe.Result {
	r := observe.Result{Duration: d, HTTPStatus: status, RequestID: requestID}
	if err == nil {
		return r
	}
	r.Category, r.Error = categoryOf(err, other), err.Error()
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	switch {
	case errors.As(err, &apiErr):
		r.Code = apiErr.Code
		r.RequestID = cmp(r.RequestID, apiErr.RequestID)
	case errors.As(err, &decErr):
		r.RequestID = cmp(r.RequestID, decErr.RequestID)
	}
	return r
}

// cmp returns a, or b when a is empty.
func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// apiCategories names the category sentinels.
var apiCategories = map[*apierror.Category]observe.Category{
	apierror.ErrNotFound:         observe.CategoryNotFound,
	apierror.ErrThrottled:        observe.CategoryThrottled,
	apierror.ErrAuth:             observe.CategoryAuth,
	apierror.ErrPermission:       observe.CategoryPermission,
	apierror.ErrInvalidParameter: observe.CategoryInvalidParameter,
	apierror.ErrConflict:         observe.CategoryConflict,
	apierror.ErrQuotaExceeded:    observe.CategoryQuotaExceeded,
	apierror.ErrServer:           observe.CategoryServer,
	apierror.ErrNotReady:         observe.CategoryNotReady,
}

// categoryOf sorts a failure as the SDK's errors do, other when it is none
// of the typed errors. The context's end comes first: a call canceled
// during backoff still carries its last answer. An answer without a code
// but with a failing status (a gateway's 502 page) has the status's
// category, as errors.Is has.
func categoryOf(err error, other observe.Category) observe.Category {
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	switch {
	case errors.Is(err, context.Canceled):
		return observe.CategoryCanceled
	case errors.Is(err, context.DeadlineExceeded):
		return observe.CategoryTimeout
	case errors.As(err, &apiErr):
		if c, ok := apiErr.Category().(*apierror.Category); ok {
			return apiCategories[c]
		}
		return observe.CategoryAPI
	case errors.As(err, &decErr):
		if c := apierror.ByStatus(decErr.HTTPStatus); c != nil && decErr.HTTPStatus >= 300 {
			return apiCategories[c]
		}
		return observe.CategoryDecode
	case errors.As(err, new(*apierror.RedirectError)):
		return observe.CategoryRedirect
	case errors.As(err, new(*apierror.CredentialsError)):
		return observe.CategoryCredentials
	}
	return other
}

// attemptCategory is the category of a failed attempt that is none of the
// typed errors: the exchange failed, or the request could not be built.
// The call's error does not tell them apart (it wraps the cause alone), so
// the call takes its last attempt's.
func attemptCategory(err error) observe.Category {
	if errors.As(err, new(*sendError)) {
		return observe.CategoryNetwork
	}
	return observe.CategoryOther
}
