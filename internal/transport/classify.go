package transport

import (
	"errors"
	"net"
	"syscall"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// verdict is what the loop does after a failed attempt.
type verdict struct {
	retry bool // worth another attempt
	cost  int  // budget tokens the retry takes
}

// classify decides whether err, the outcome of one attempt, may be retried.
// Reads retry on anything transient. Writes retry only when the request
// provably was not processed: the connection was never made, or the
// service answered that it throttled or was unavailable.
func classify(err error, idempotent bool) verdict {
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	var sendErr *sendError
	switch {
	case errors.As(err, &apiErr):
		return byAnswer(apiErr.HTTPStatus, apiErr.Code, apiErr.Category(), idempotent)
	case errors.As(err, &decErr):
		// A body we could not read: the status alone tells what happened.
		return byAnswer(decErr.HTTPStatus, "", apierror.ByStatus(decErr.HTTPStatus), idempotent)
	case errors.As(err, &sendErr):
		// Whether the caller's context ended is Do's decision: a net
		// timeout of one attempt (a dial that got no answer) matches
		// context.DeadlineExceeded too, and is retryable.
		return verdict{retry: idempotent || notSent(sendErr.err), cost: TimeoutCost}
	}
	return verdict{}
}

// notProcessedCodes are answers that say the request was turned away before
// any work was done, so even a write may be sent again (freshly signed).
var notProcessedCodes = map[string]bool{
	"ServiceUnavailable": true,
	"SignatureNonceUsed": true, // a nonce collision; the new attempt has a new one
}

func byAnswer(status int, code string, cat error, idempotent bool) verdict {
	switch {
	case cat == error(apierror.ErrThrottled), notProcessedCodes[code], status == 503 && code == "":
		return verdict{retry: true, cost: RetryCost}
	case status == 500, status == 502, status == 504, cat == error(apierror.ErrServer):
		return verdict{retry: idempotent, cost: RetryCost}
	}
	return verdict{}
}

// notSent reports whether a send error happened before the request could
// reach the service: the dial failed (refused, unreachable, DNS).
func notSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED)
}

// sendError marks a failure of the HTTP exchange itself (no complete answer).
type sendError struct{ err error }

func (e *sendError) Error() string { return e.err.Error() }
func (e *sendError) Unwrap() error { return e.err }
