package apierr

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// APIError is an answer in which the service refused the request: an error
// envelope, a non-2xx status, or an HTTP 200 whose body says Success:false or
// carries a non-OK Code.
type APIError struct {
	Product    string // "outboundbot", "ccc", "industrialcloud"
	Operation  string // the API action, e.g. "DescribeInstance"
	HTTPStatus int    // the HTTP status line's code
	Code       string // the service's error code, e.g. "InvalidInstanceName.Duplicated"
	Message    string // the service's message; informational, may change without notice
	RequestID  string // quote it when you contact support
	HostID     string // the answering endpoint, when the service names it
	Recommend  string // a diagnosis link, when the service sends one

	category *Category
}

// Error returns one line:
//
//	outboundbot DescribeInstance: InternalError: <message> (HTTP 500, request <id>)
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Product, e.Operation))
	code := oneLine(e.Code)
	if code == "" {
		code = "HTTP " + strconv.Itoa(e.HTTPStatus)
	}
	b.WriteString(code)
	if msg := oneLine(e.Message); msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	b.WriteString(" (HTTP ")
	b.WriteString(strconv.Itoa(e.HTTPStatus))
	if e.RequestID != "" {
		b.WriteString(", request ")
		b.WriteString(oneLine(e.RequestID))
	}
	b.WriteByte(')')
	return b.String()
}

// Category returns the sentinel this error matches, or nil when its code
// fits no category.
func (e *APIError) Category() error {
	c := e.category
	if c == nil {
		c = Classify(e.Code, e.HTTPStatus, AlibabaCodes, TencentCodes)
	}
	if c == nil {
		return nil
	}
	return c
}

// Is reports whether target is the category sentinel of this error, so that
// errors.Is(err, outboundbot.ErrNotFound) works.
func (e *APIError) Is(target error) bool {
	c, ok := target.(*Category)
	return ok && e.Category() == error(c)
}

// SetCategory fixes the category e matches, overriding the lookup by Code
// and HTTPStatus. The clients set it from their product's code table, so
// that a product-specific code matches its sentinel; a test double that
// returns an *APIError of its own can set it too.
func SetCategory(e *APIError, c *Category) { e.category = c }

// OperationError is a call that ended without a usable answer from the
// service: the connection failed, the answer was cut off before its end,
// the context was cancelled or expired, or the credentials could not be
// resolved. Err is the underlying error, so
// errors.Is(err, context.DeadlineExceeded) works.
type OperationError struct {
	Product   string
	Operation string
	Attempts  int // how many requests were sent (0 if none was)
	Err       error
}

// Error returns one line naming the operation and the attempts made.
func (e *OperationError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Product, e.Operation))
	switch e.Attempts {
	case 0:
		b.WriteString("not sent: ")
	case 1:
		b.WriteString("failed after 1 attempt: ")
	default:
		b.WriteString("failed after ")
		b.WriteString(strconv.Itoa(e.Attempts))
		b.WriteString(" attempts: ")
	}
	if e.Err != nil {
		b.WriteString(oneLine(e.Err.Error()))
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *OperationError) Unwrap() error { return e.Err }

// Is matches ErrServer for network failures after the last attempt, so that
// one errors.Is check covers "the service is unwell" whether it answered 503
// or did not answer at all. Context errors match nothing here; they are
// reached through Unwrap.
func (e *OperationError) Is(target error) bool {
	if target != error(ErrServer) || e.Attempts == 0 {
		return false
	}
	return !errors.Is(e.Err, context.Canceled) && !errors.Is(e.Err, context.DeadlineExceeded)
}

func prefix(product, operation string) string {
	switch {
	case product != "" && operation != "":
		return product + " " + operation + ": "
	case product != "" || operation != "":
		return product + operation + ": "
	}
	return ""
}

// oneLine folds runs of white space and control characters (line and
// paragraph separators included) into single spaces, so an Error() string
// stays on one line whatever the service sent: a CR/LF in a code or
// request ID must not forge a log line.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, breaksLine) {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || breaksLine(r) }), " ")
}

// breaksLine reports whether r could start a new line or is otherwise
// unprintable control text.
func breaksLine(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085'
}

// CredentialsError is a failure to obtain credentials (an AccessKey, an STS
// token, an industrial cloud token) before a request could be signed. It
// matches ErrAuth, unless the caller's context ended while it waited for
// them.
type CredentialsError struct {
	Err error
}

// Error returns "resolve credentials: <cause>".
func (e *CredentialsError) Error() string { return "resolve credentials: " + oneLine(e.Err.Error()) }

// Unwrap returns the provider's error.
func (e *CredentialsError) Unwrap() error { return e.Err }

// Is matches ErrAuth. A context error is the caller's choice, not a
// credential's failure: it matches nothing here and is reached through
// Unwrap.
func (e *CredentialsError) Is(target error) bool {
	if target != error(ErrAuth) {
		return false
	}
	return !errors.Is(e.Err, context.Canceled) && !errors.Is(e.Err, context.DeadlineExceeded)
}
