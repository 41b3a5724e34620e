package tc3api

import (
	"bytes"
	"context"
	"errors"

	"github.com/typedcloud/sdk-go/internal/wire"
)

// Envelope is what the Response object of an answer carries beside the
// payload: the request id, the API 3.0 Error object, and the business Code
// and Msg of ModifyInstanceName's shape. A product's Decode reads it in the
// same pass as the payload, through Member. Names match as encoding/json
// matches them (case-insensitively too), as the envelope-only reading does.
type Envelope struct {
	RequestID string
	// Error reports an Error object (not null); ErrorCode and ErrorMessage
	// are its Code and Message.
	Error                   bool
	ErrorCode, ErrorMessage string
	// Code is the business Code's JSON text as sent (it aliases the answer),
	// nil when absent.
	Code []byte
	Msg  string
}

// Member reads the value of the Response member k: into e when k names an
// envelope field, and skipped otherwise. Each field is read with the
// strictness of the envelope-only reading (inner), so that a value it
// would refuse fails this pass too.
func (e *Envelope) Member(d *wire.Decoder, k wire.Key) {
	switch {
	case k.Is("RequestId"):
		e.RequestID = d.Str()
	case k.Is("Error"):
		e.readError(d)
	case k.Is("Code"):
		e.Code = d.Raw()
	case k.Is("Msg"):
		e.Msg = d.Str()
	default:
		d.Skip()
	}
}

// readError reads the Error member: null is no error (a nil pointer to
// encoding/json), and any object, even an empty one, is one.
func (e *Envelope) readError(d *wire.Decoder) {
	if d.Null() {
		d.Skip()
		e.Error = false
		return
	}
	e.Error = true
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Code"):
			e.ErrorCode = d.Str()
		case k.Is("Message"):
			e.ErrorMessage = d.Str()
		default:
			d.Skip()
		}
	}
}

// succeeded reports whether the envelope is a success the one-pass path
// may return: a request id, no Error object, and a business Code meaning
// success. Everything else goes the envelope-only way, which reports it.
func (e *Envelope) succeeded() bool {
	return e.RequestID != "" && !e.Error && businessCode(e.Code) == ""
}

// Decode reads the Response object of an answer with d, in one pass: each
// member the response holds into it, and every other member through
// env.Member, which keeps the envelope and skips the rest. It returns the
// response; d records any error, and d.Reject the answers that are valid
// JSON but not the documented shape of the response.
type Decode[Out any] func(d *wire.Decoder, env *Envelope) *Out

// errNotSuccess is a one-pass reading whose envelope is not a success: the
// envelope-only reading reports what it is.
var errNotSuccess = errors.New("the answer is not a success")

// errNoResponse is an answer without a Response object.
var errNoResponse = errors.New(`no "Response" object`)

// ReadAnswer reads a whole answer body, {"Response": {...}}, with d in one
// pass, stopping once ctx (nil: never) is done: its Response member by
// decode, the legacy top-level error fields as strictly as the
// envelope-only reading does, the rest skipped. It returns the response
// for a success: valid JSON, a Response object decode accepted, and an
// envelope that succeeded. Anything else is an error: d's, or
// errNotSuccess for a refusal, which the envelope-only reading classifies.
func ReadAnswer[Out any](ctx context.Context, d *wire.Decoder, body []byte, env *Envelope, decode Decode[Out]) (*Out, error) {
	d.Reset(body)
	d.SetContext(ctx)
	*env = Envelope{}
	var out *Out
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Response"):
			if d.Null() {
				d.Skip()
				out = nil
			} else {
				out = decode(d, env)
			}
		case k.Is("message"), k.Is("codeDesc"):
			_ = d.Str() // string fields of answer: another kind fails it
		default:
			d.Skip()
		}
	}
	switch err := d.Finish(); {
	case err != nil:
		return nil, err
	case out == nil:
		return nil, errNoResponse
	case !env.succeeded():
		return nil, errNotSuccess
	}
	return out, nil
}

// Do runs call and returns its response. A 2xx JSON answer is read once,
// envelope and payload together, by decode, whose verdict on the payload
// is final; an answer the one pass does not accept is classified from its
// envelope alone, read as Invoke reads it, so that refusals are reported
// the same either way. call.Response is ignored.
func Do[Out any](ctx context.Context, c *Client, call Call, decode Decode[Out]) (*Out, error) {
	s := &slot[Out]{decode: decode}
	call.Response = s
	if err := c.Invoke(ctx, call); err != nil {
		return nil, err
	}
	return s.out, nil
}

// wireSlot is a Call.Response that is decoded in one pass.
type wireSlot interface {
	// decodeWire reads a 2xx body in one pass, stopping once ctx is done,
	// and returns the request id, or why the answer is not a success.
	decodeWire(ctx context.Context, body []byte) (requestID string, err error)
}

// slot is one call of Do: the decoder, the envelope and the response, in
// one allocation. Each attempt fills it afresh.
type slot[Out any] struct {
	decode Decode[Out]
	d      wire.Decoder
	env    Envelope
	out    *Out
}

func (s *slot[Out]) decodeWire(ctx context.Context, body []byte) (string, error) {
	var err error
	s.out, err = ReadAnswer(ctx, &s.d, body, &s.env, s.decode)
	return s.env.RequestID, err
}

// businessCode returns a failing business Code (its JSON text, quotes
// trimmed) as text, or "" for one meaning success, without allocating then.
func businessCode(raw []byte) string {
	switch c := bytes.Trim(raw, `"`); string(c) {
	case "", "0", "null", "OK", "ok", "Success":
		return ""
	default:
		return string(c)
	}
}
