package transport

import (
	"errors"
	"net"
	"strings"
	"syscall"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/observe"
)

// failure is the kind of a failed attempt, as far as retrying goes.
type failure int

const (
	final        failure = iota // anything else: a refusal (auth, validation, not found, …) or a 2xx the decoder rejected
	notSent                     // the connection was never made: dial refused or failed, DNS
	lostInFlight                // the exchange broke after the request may have left: reset, EOF, a net timeout
	throttled                   // the service's code is in the throttling category (Throttling.*, RequestLimitExceeded)
	turnedAway                  // the service's code says it did no work: ServiceUnavailable*, SignatureNonceUsed
	serviceFault                // the service's code is a server fault: InternalError, or an unknown code on a 5xx
	bareStatus                  // HTTP 429/500/502/503/504 with no service code: a gateway's or proxy's page
)

// retryRule is what the loop may do after one kind of failure.
type retryRule struct {
	reads  bool // retry a read (Describe*, Get*, List*)
	writes bool // retry a write: only when the failure proves nothing was processed
	cost   int  // budget tokens the retry takes
	reason observe.Reason
}

// retryRules is the retry contract, one row per kind of failure. A write
// is sent again only after an answer that proves the request did no work:
// a connection never made, or an error code the service itself put in its
// error envelope (Alibaba's RPC JSON, Tencent's Response.Error). A bare
// status from whatever stands in front of the service — an nginx HTML page,
// Envoy's "upstream connect error or disconnect/reset before headers" — may
// come after the service acted, so it is retried for reads only.
var retryRules = [...]retryRule{
	final:        {},
	notSent:      {reads: true, writes: true, cost: TimeoutCost, reason: observe.ReasonConnectionFailed},
	lostInFlight: {reads: true, cost: TimeoutCost, reason: observe.ReasonConnectionLost},
	throttled:    {reads: true, writes: true, cost: RetryCost, reason: observe.ReasonThrottled},
	turnedAway:   {reads: true, writes: true, cost: RetryCost, reason: observe.ReasonNotProcessed},
	serviceFault: {reads: true, cost: RetryCost, reason: observe.ReasonServerError},
	bareStatus:   {reads: true, cost: RetryCost, reason: observe.ReasonHTTPStatus},
}

// verdict is what the loop does after a failed attempt.
type verdict struct {
	retry  bool           // worth another attempt
	cost   int            // budget tokens the retry takes
	reason observe.Reason // why, for an Observer
}

// classify decides whether err, the outcome of one attempt of a read
// (idempotent) or a write, may be retried, by retryRules.
func classify(err error, idempotent bool) verdict {
	rule := retryRules[kindOf(err)]
	retry := rule.writes
	if idempotent {
		retry = rule.reads
	}
	if !retry {
		return verdict{}
	}
	return verdict{retry: true, cost: rule.cost, reason: rule.reason}
}

// kindOf sorts a failed attempt into a row of retryRules. Whether the
// caller's context ended is Do's decision: a net timeout of one attempt
// matches context.DeadlineExceeded too, and is retryable.
func kindOf(err error) failure {
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	var sendErr *sendError
	switch {
	case errors.As(err, &apiErr):
		// Only the decoders make an APIError, and only from a code they
		// read in the service's error envelope.
		return byCode(apiErr.Code, apiErr.Category())
	case errors.As(err, &decErr):
		// No envelope, no code: the status line is all there is.
		return byStatus(decErr.HTTPStatus)
	case errors.As(err, &sendErr):
		if notSentErr(sendErr.err) {
			return notSent
		}
		return lostInFlight
	}
	return final
}

// notProcessedCodes are the code families the service answers with when it
// turned a request away before doing any work, so even a write may be sent
// again (freshly signed). A family covers its dotted subcodes.
var notProcessedCodes = []string{
	"ServiceUnavailable",
	"SignatureNonceUsed", // a nonce collision; the new attempt has a new one
}

// byCode sorts an answer that carries the service's error code.
func byCode(code string, cat error) failure {
	switch {
	case cat == error(apierror.ErrThrottled):
		return throttled
	case inFamilies(code, notProcessedCodes):
		return turnedAway
	case cat == error(apierror.ErrServer):
		return serviceFault
	}
	// Any other category (auth, validation, not found, conflict, …) is
	// the service's final word, whatever the status line.
	return final
}

// byStatus sorts an answer without a service code by its status line.
func byStatus(status int) failure {
	switch status {
	case 429, 500, 502, 503, 504:
		return bareStatus
	}
	return final
}

// inFamilies reports whether code is one of families or a dotted subcode
// of one ("ServiceUnavailable.Busy").
func inFamilies(code string, families []string) bool {
	for _, f := range families {
		if code == f || strings.HasPrefix(code, f+".") {
			return true
		}
	}
	return false
}

// notSentErr reports whether a send error happened before the request
// could reach the service: the dial failed (refused, unreachable, DNS).
func notSentErr(err error) bool {
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
