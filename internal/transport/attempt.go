package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/redact"
)

// attempt builds, sends, reads and decodes once.
func (cfg *Config) attempt(ctx context.Context, call *Call, n int) error {
	req, secrets, err := call.Exchange.Build(ctx)
	if err != nil {
		return &buildError{err}
	}
	start := time.Now()
	ans, err := cfg.send(req, secrets)
	if err != nil {
		err = scrub(err, secrets)
		var tooLarge *bodyTooLargeError
		if errors.As(err, &tooLarge) {
			err = &apierror.DecodeError{Product: call.Product, Operation: call.Operation, HTTPStatus: tooLarge.status,
				Snippet: redact.Snippet(tooLarge.head, apierror.SnippetLimit, secrets...), Err: tooLarge}
		} else {
			err = &sendError{err}
		}
		cfg.logAttempt(ctx, call, n, 0, "", start, err)
		return err
	}
	err = call.Exchange.Decode(ans)
	cfg.logAttempt(ctx, call, n, ans.Status, redact.String(ans.RequestID, ans.Secrets...), start, err)
	return err
}

// send performs the HTTP exchange and reads the whole (capped) body.
func (cfg *Config) send(req *http.Request, secrets []string) (*Answer, error) {
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
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
		}
		return nil, err
	}
	return &Answer{Status: resp.StatusCode, Header: resp.Header, Body: body, Secrets: secrets}, nil
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
