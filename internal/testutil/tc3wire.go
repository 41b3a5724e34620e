package testutil

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// SameTC3Decode checks that a Tencent-style product's one-pass decode
// function reads a 2xx answer body exactly as the three passes of
// encoding/json do (the top object, the envelope in Response, then
// Response into the public type Out by its own UnmarshalJSON). The body
// goes through tc3api.Do twice: once with decode, once with a decode that
// refuses everything, which makes the client take the encoding/json path.
// Both fail with the same error text, or both succeed with equal
// responses; and a success must come from the one pass (the response is
// the one decode returned), so a decode that silently always falls back
// fails the check. A body that repeats a key is out of scope (which
// occurrence wins is not specified), and is skipped.
func SameTC3Decode[Out any](t testing.TB, body []byte, decode tc3api.Decode[Out]) {
	t.Helper()
	if RepeatsKey(body) {
		return
	}
	want, werr := tc3Do(body, func(d *wire.Decoder, _ *tc3api.Envelope) *Out {
		d.Skip()
		return nil
	})
	var onePass *Out
	got, gerr := tc3Do(body, func(d *wire.Decoder, env *tc3api.Envelope) *Out {
		onePass = decode(d, env)
		return onePass
	})
	switch {
	case (werr == nil) != (gerr == nil):
		t.Fatalf("encoding/json: %v, one pass: %v\n%s", werr, gerr, body)
	case werr != nil:
		if werr.Error() != gerr.Error() {
			t.Fatalf("encoding/json fails with\n%v\nthe client with the one pass with\n%v\n%s", werr, gerr, body)
		}
	case got != onePass:
		t.Fatalf("the one pass did not vouch for an answer encoding/json accepts (it returned %v)\n%s", onePass, body)
	case !reflect.DeepEqual(*got, *want):
		t.Fatalf("one pass decodes\n%+v\nthe public type decodes\n%+v\n%s", *got, *want, body)
	}
}

// tc3Do runs one call answered with body and HTTP 200.
func tc3Do[Out any](body []byte, decode tc3api.Decode[Out]) (*Out, error) {
	ep, _ := url.Parse("http://tc3.example.invalid/")
	c := &tc3api.Client{
		Product:     "tc3wire",
		Endpoint:    ep,
		Credentials: func(context.Context) (tc3api.Credentials, error) { return tc3api.Credentials{Token: "t"}, nil },
		Transport:   transport.Config{HTTPClient: answer(body), Retry: transport.Retry{MaxAttempts: 1}},
	}
	return tc3api.Do(context.Background(), c, tc3api.Call{Action: "Decode"}, decode)
}

// answer is an HTTP client that answers every request with 200 and body.
type answer []byte

func (a answer) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(string(a)))}, nil
}
