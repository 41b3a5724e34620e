package apierr

import (
	"strconv"
	"strings"
)

// RedirectError is an answer that sent the call elsewhere (an HTTP 3xx), or
// an answer that came from another address than the endpoint because an
// HTTPClient followed a redirect on its own. A signed call never follows a
// redirect: the request carries the signature, the AccessKey ID and the
// security token, and a 307 or 308 would send a write to an address nobody
// configured. Nothing is resent; the error is not retried.
type RedirectError struct {
	Product    string
	Operation  string
	HTTPStatus int // the 3xx status, or the status of the followed answer
	// Target is the scheme and host the answer pointed to, without path,
	// query or user info, secrets redacted; empty when it named none.
	Target string
	// Followed reports that the HTTPClient had already followed the
	// redirect: the request reached Target, and its answer was discarded.
	Followed bool
}

// Error returns one line naming the refused target.
func (e *RedirectError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Product, e.Operation))
	if e.Followed {
		b.WriteString("the HTTPClient followed a redirect")
	} else {
		b.WriteString("refused to follow a redirect")
	}
	b.WriteString(" (HTTP ")
	b.WriteString(strconv.Itoa(e.HTTPStatus))
	b.WriteString(")")
	if t := oneLine(e.Target); t != "" {
		b.WriteString(" to ")
		b.WriteString(t)
	}
	if e.Followed {
		b.WriteString("; its answer was discarded: give the SDK an HTTPClient that does not follow redirects")
	} else {
		b.WriteString("; a signed call is never sent to another address: check Endpoint")
	}
	return b.String()
}
