package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/redact"
)

// attempt builds, sends, reads and decodes once: attempt n of this run,
// reported to obs in the context it returns.
func (cfg *Config) attempt(ctx context.Context, call *Call, n int, obs *observation) error {
	ctx = obs.startAttempt(ctx)
	start := time.Now()
	req, secrets, err := call.Exchange.Build(ctx)
	if err != nil {
		err = &buildError{err}
		obs.endAttempt(ctx, start, 0, "", err)
		return err
	}
	ans, err := cfg.send(req, secrets)
	if err != nil {
		err = cfg.sendFailure(call, err, secrets)
		cfg.report(ctx, call, n, obs, start, 0, "", err)
		return err
	}
	if re := redirected(req, ans); re != nil {
		re.Product, re.Operation = call.Product, call.Operation
		cfg.report(ctx, call, n, obs, start, ans.Status, "", re)
		return re
	}
	err = call.Exchange.Decode(ans)
	cfg.report(ctx, call, n, obs, start, ans.Status, redact.String(ans.RequestID, ans.Secrets...), err)
	return err
}

// report tells the attempt's outcome to the log and the observer.
func (cfg *Config) report(ctx context.Context, call *Call, n int, obs *observation, start time.Time, status int, requestID string, err error) {
	cfg.logAttempt(ctx, call, n, status, requestID, start, err)
	obs.endAttempt(ctx, start, status, requestID, err)
}

// sendFailure types an exchange that produced no complete answer: a body
// over the cap is a *apierror.DecodeError (the answer is not the documented
// shape, however it ends); anything else is a send failure, retried as
// classify decides.
func (cfg *Config) sendFailure(call *Call, err error, secrets []string) error {
	err = scrub(err, secrets)
	var tooLarge *bodyTooLargeError
	if errors.As(err, &tooLarge) {
		return &apierror.DecodeError{Product: call.Product, Operation: call.Operation, HTTPStatus: tooLarge.status,
			Snippet: redact.Snippet(tooLarge.head, apierror.SnippetLimit, secrets...), Err: tooLarge}
	}
	return &sendError{err}
}

// send performs the HTTP exchange and reads the whole (capped) body. A
// body that ends early (shorter than its Content-Length, a chunk cut off,
// a broken gzip stream) is an error that says the answer was cut short:
// the request reached the service, so only a read retries it.
func (cfg *Config) send(req *http.Request, secrets []string) (*Answer, error) {
	client := cfg.HTTPClient
	if client == nil {
		client = &http.Client{CheckRedirect: refuseRedirect}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	limit := cfg.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	body, err := readCapped(resp.Body, resp.ContentLength, limit)
	if err != nil {
		var tooLarge *bodyTooLargeError
		if errors.As(err, &tooLarge) {
			tooLarge.status = resp.StatusCode
			return nil, err
		}
		return nil, &readError{status: resp.StatusCode, err: err}
	}
	return &Answer{Status: resp.StatusCode, Header: resp.Header, Body: body, Secrets: secrets, Context: req.Context(), final: resp.Request}, nil
}

// readError is an answer whose body could not be read to its end: the
// request reached the service, but its answer was lost on the way.
type readError struct {
	status int
	err    error
}

func (e *readError) Error() string {
	return fmt.Sprintf("reading the answer (HTTP %d): %v", e.status, e.err)
}

func (e *readError) Unwrap() error { return e.err }

// redirected returns the error for an answer that is a redirect (any 3xx,
// which the SDK's clients return unfollowed) or that came from another
// address than req's because the HTTPClient followed one; nil otherwise.
// Only the target's scheme and host are named, scrubbed of the attempt's
// secrets: its path and query are the redirecting server's to choose.
func redirected(req *http.Request, a *Answer) *apierror.RedirectError {
	if f := a.final; f != nil && f.URL != nil && !sameOrigin(f.URL, req.URL) {
		return &apierror.RedirectError{HTTPStatus: a.Status, Target: origin(f.URL, a.Secrets), Followed: true}
	}
	if a.Status < 300 || a.Status > 399 {
		return nil
	}
	re := &apierror.RedirectError{HTTPStatus: a.Status}
	if loc := a.Header.Get("Location"); loc != "" {
		if u, err := req.URL.Parse(loc); err == nil {
			re.Target = origin(u, a.Secrets)
		}
	}
	return re
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}

// origin is u's scheme and host, secrets redacted.
func origin(u *url.URL, secrets []string) string {
	return redact.String(u.Scheme+"://"+u.Host, secrets...)
}

// readCapped reads r to the end, failing once more than limit bytes arrive.
func readCapped(r io.Reader, contentLength, limit int64) ([]byte, error) {
	size := int64(512)
	if contentLength > 0 {
		size = min(contentLength, limit) + 1
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if int64(len(buf)) > limit {
			return nil, &bodyTooLargeError{limit: limit, head: buf[:min(len(buf), apierror.SnippetLimit)]}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// bodyTooLargeError is an answer whose body passed the read cap.
type bodyTooLargeError struct {
	limit  int64
	status int
	head   []byte
}

func (e *bodyTooLargeError) Error() string {
	return fmt.Sprintf("response body exceeds the %d-byte limit", e.limit)
}

// scrub removes the attempt's secrets from a send error. An *url.Error's
// URL is shortened to scheme, host and path: a signed RPC URL carries the
// Signature and SecurityToken in its query, and the rest of the query is
// noise in an error line. Any secret left in what remains, in its cause or
// in any other error (an HTTPClient of the caller's may quote the request),
// is redacted; an error that holds none is returned as it is.
func scrub(err error, secrets []string) error {
	ue, ok := err.(*url.Error)
	if !ok {
		return redact.Error(err, secrets...)
	}
	short := ue.URL
	if u, perr := url.Parse(ue.URL); perr == nil {
		u.RawQuery, u.Fragment, u.User = "", "", nil
		short = u.String()
	}
	return &url.Error{Op: ue.Op, URL: redact.String(short, secrets...), Err: redact.Error(ue.Err, secrets...)}
}

// logAttempt writes the one debug line of an attempt. It never logs a URL,
// a header or a body: only names, numbers and the redacted error text.
func (cfg *Config) logAttempt(ctx context.Context, call *Call, n, status int, requestID string, start time.Time, err error) {
	l := cfg.Logger
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("product", call.Product),
		slog.String("operation", call.Operation),
		slog.Int("attempt", n),
		slog.Int("status", status),
		slog.String("request_id", requestID),
		slog.Duration("latency", time.Since(start)),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "typedcloud: attempt", attrs...)
}
