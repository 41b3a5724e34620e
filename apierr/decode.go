package apierr

import (
	"strconv"
	"strings"
)

// SnippetLimit is the most bytes of a response body a DecodeError keeps.
const SnippetLimit = 256

// DecodeError is an answer that could not be read as the documented shape:
// an HTML gateway page, a truncated or empty body, a body over the size cap,
// or a field whose value cannot mean its type.
type DecodeError struct {
	Product    string
	Operation  string
	RequestID  string // when it could be found
	HTTPStatus int
	Snippet    string // the start of the body, at most SnippetLimit bytes, secrets redacted
	// Err is what went wrong. When its text held a secret (a decoder
	// quoting the value it rejects), Err is a redacted view of it:
	// errors.Is reaches the original, errors.As does not.
	Err error
}

// Error returns one line with the status, the cause and a quoted snippet.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Product, e.Operation))
	b.WriteString("cannot decode response (HTTP ")
	b.WriteString(strconv.Itoa(e.HTTPStatus))
	if e.RequestID != "" {
		b.WriteString(", request ")
		b.WriteString(oneLine(e.RequestID))
	}
	b.WriteString(")")
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(oneLine(e.Err.Error()))
	}
	if e.Snippet != "" {
		b.WriteString("; body: ")
		b.WriteString(strconv.Quote(e.Snippet))
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// Is matches the category of a non-2xx status, so that an HTML 502 page from
// a gateway still satisfies errors.Is(err, ErrServer).
func (e *DecodeError) Is(target error) bool {
	if e.HTTPStatus < 300 {
		return false
	}
	c := ByStatus(e.HTTPStatus)
	return c != nil && target == error(c)
}
