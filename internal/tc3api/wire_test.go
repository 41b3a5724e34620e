package tc3api

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/wire"
)

type wirePayload struct {
	RequestID string `json:"RequestId"`
	UUID      string
}

func decodeWirePayload(d *wire.Decoder, env *Envelope) *wirePayload {
	var p wirePayload
	for m := d.Object(); m.Next(); {
		if k := m.Key(); k.Is("UUID") {
			p.UUID = d.Str()
		} else {
			env.Member(d, k)
		}
	}
	p.RequestID = env.RequestID
	return &p
}

// answers is an HTTP client that gives its bodies in turn, with 200.
type answers []string

func (a *answers) Do(*http.Request) (*http.Response, error) {
	body := (*a)[0]
	*a = (*a)[1:]
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body))}, nil
}

// TestDoOnePass: a success is the response decode returned; a refusal is
// reported as Invoke reports it, and a rejected token is still retried.
func TestDoOnePass(t *testing.T) {
	bodies := answers{
		`{"Response":{"Error":{"Code":"AuthFailure.TokenFailure","Message":"expired"},"RequestId":"R1"}}`,
		`{"Response":{"UUID":"u","RequestId":"R2"}}`,
	}
	c := newClient(&recorder{}, Credentials{Token: "t"})
	c.Transport.HTTPClient = &bodies
	retried := 0
	c.TokenRejected = func(string) bool { retried++; return true }
	var onePass *wirePayload
	out, err := Do(context.Background(), c, Call{Action: "DescribeInstance"}, func(d *wire.Decoder, env *Envelope) *wirePayload {
		onePass = decodeWirePayload(d, env)
		return onePass
	})
	if err != nil || retried != 1 {
		t.Fatalf("Do: %v after %d retries", err, retried)
	}
	if out != onePass || *out != (wirePayload{RequestID: "R2", UUID: "u"}) {
		t.Fatalf("Do returned %+v, not the one pass's %+v", out, onePass)
	}
}

// TestBusinessCodeText: the one pass and the envelope-only reading agree on
// which business codes mean success.
func TestBusinessCodeText(t *testing.T) {
	for raw, want := range map[string]string{
		``: "", `0`: "", `"0"`: "", `null`: "", `"OK"`: "", `"ok"`: "", `"Success"`: "", `""`: "",
		`40001`: "40001", `"E1"`: "E1", `"\"0\""`: `\"0\`, `false`: "false",
	} {
		if got := businessCode([]byte(raw)); got != want {
			t.Errorf("businessCode(%s) = %q, want %q", raw, got, want)
		}
	}
}
