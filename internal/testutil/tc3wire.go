package testutil

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// SameTC3Decode checks that a Tencent-style product's one-pass decode
// function reads a 2xx answer body exactly as the three passes of
// encoding/json do (the top object, the envelope in Response, then
// Response into Out by reference, the model's reference decoder, with
// Response.RequestId as Out's RequestID). The body is sent twice to a
// client: once through tc3api.Do with decode, once through Invoke, which
// takes the encoding/json path. Both fail, or
// both succeed with equal responses; a refusal (an *APIError) must be the
// same error either way, and a body one path cannot decode (a
// *DecodeError) must be one for the other too. A body that repeats a key
// is out of scope (which occurrence wins is not specified), and so is one
// past the one pass's element budget (wire.BudgetPerByte), which
// encoding/json does not keep.
func SameTC3Decode[Out any](t testing.TB, body []byte, decode tc3api.Decode[Out], reference func(body []byte, out any) error) {
	t.Helper()
	if RepeatsKey(body) {
		return
	}
	want := new(Out)
	werr := tc3Client(body).Invoke(context.Background(), tc3api.Call{Action: "Decode", Response: &referenced{want, reference}})
	got, gerr := tc3api.Do(context.Background(), tc3Client(body), tc3api.Call{Action: "Decode"}, decode)
	if overBudget(gerr) && werr == nil {
		return
	}
	var wantAPI, gotAPI *apierror.APIError
	var wantDecode, gotDecode *apierror.DecodeError
	switch {
	case (werr == nil) != (gerr == nil):
		t.Fatalf("encoding/json: %v, one pass: %v\n%s", werr, gerr, body)
	case werr == nil:
		if !reflect.DeepEqual(*got, *want) {
			t.Fatalf("one pass decodes\n%+v\nthe public type decodes\n%+v\n%s", *got, *want, body)
		}
	case errors.As(werr, &wantAPI):
		if !errors.As(gerr, &gotAPI) || werr.Error() != gerr.Error() {
			t.Fatalf("encoding/json refuses with\n%v\nthe one pass fails with\n%v\n%s", werr, gerr, body)
		}
	case errors.As(werr, &wantDecode) != errors.As(gerr, &gotDecode):
		t.Fatalf("encoding/json fails with\n%v\nthe one pass with\n%v\n%s", werr, gerr, body)
	}
}

// referenced decodes a Response object into out with a reference decoder,
// for the encoding/json path of Invoke.
type referenced struct {
	out       any
	reference func(body []byte, out any) error
}

func (r *referenced) UnmarshalJSON(b []byte) error {
	var env struct {
		RequestID string `json:"RequestId"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	if err := r.reference(b, r.out); err != nil {
		return err
	}
	setRequestID(r.out, env.RequestID)
	return nil
}

// overBudget reports whether err is the one pass's element budget running
// out (see wire.BudgetPerByte).
func overBudget(err error) bool {
	var le *wire.LimitError
	return errors.As(err, &le) && le.Limit == 0
}

// tc3Client returns a client whose every call is answered with 200 and
// body, without retries.
func tc3Client(body []byte) *tc3api.Client {
	ep, _ := url.Parse("http://tc3.example.invalid/")
	return &tc3api.Client{
		Product:     "tc3wire",
		Endpoint:    ep,
		Credentials: func(context.Context) (tc3api.Credentials, error) { return tc3api.Credentials{Token: "t"}, nil },
		Transport:   transport.Config{HTTPClient: answer(body), Retry: transport.Retry{MaxAttempts: 1}},
	}
}

// answer is an HTTP client that answers every request with 200 and body.
type answer []byte

func (a answer) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(string(a)))}, nil
}
