package testutil

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// FuzzAnswer is an HTTPClient that answers every request with one fuzzed
// status and body, so a decoder is fuzzed through the production path.
type FuzzAnswer struct {
	Status int
	Body   []byte
}

// Do implements the SDK's HTTPClient.
func (a *FuzzAnswer) Do(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode:    a.Status,
		Header:        http.Header{"Content-Type": {"application/json"}},
		ContentLength: int64(len(a.Body)),
		Body:          io.NopCloser(bytes.NewReader(a.Body)),
		Request:       r,
	}, nil
}

// FuzzStatus maps a fuzzed integer to an HTTP status: itself when it is one,
// otherwise one of the statuses the services answer.
func FuzzStatus(n int) int {
	switch {
	case n >= 100 && n <= 599:
		return n
	case n < 0:
		n = -n
	}
	common := []int{200, 200, 200, 400, 404, 409, 500, 502, 503}
	return common[n%len(common)]
}

// CheckDecoded asserts the decoding contract on one fuzzed answer: no
// (nil, nil) and no response beside an error; a success has a request ID;
// an error is an *APIError or *DecodeError of operation op, whose text is
// one line and holds none of secrets.
func CheckDecoded[T any](t *testing.T, op string, resp *T, err error, requestID func(*T) string, secrets ...string) {
	t.Helper()
	if err == nil {
		if resp == nil {
			t.Fatalf("%s returned (nil, nil)", op)
		}
		if requestID(resp) == "" {
			t.Fatalf("%s succeeded without a RequestID", op)
		}
		return
	}
	if resp != nil {
		t.Fatalf("%s returned a response and an error: %v", op, err)
	}
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	var redirErr *apierror.RedirectError
	switch {
	case errors.As(err, &redirErr):
		// Any 3xx status is refused as a redirect, whatever its body.
		if redirErr.Operation != op || redirErr.HTTPStatus < 300 || redirErr.HTTPStatus > 399 {
			t.Fatalf("%s: RedirectError %+v", op, redirErr)
		}
	case errors.As(err, &apiErr):
		if apiErr.Operation != op || apiErr.Code == "" {
			t.Fatalf("%s: APIError %+v", op, apiErr)
		}
	case errors.As(err, &decErr):
		if decErr.Operation != op || len(decErr.Snippet) > apierror.SnippetLimit {
			t.Fatalf("%s: DecodeError with operation %q and a %d-byte snippet", op, decErr.Operation, len(decErr.Snippet))
		}
	default:
		t.Fatalf("%s: untyped error %T: %v", op, err, err)
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\r\n") {
		t.Fatalf("%s: error text is not one line: %q", op, msg)
	}
	for _, s := range secrets {
		if strings.Contains(msg, s) {
			t.Fatalf("%s: error text leaks a secret: %q", op, msg)
		}
	}
}
