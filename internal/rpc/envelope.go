package rpc

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// Envelope is what Alibaba puts beside every payload, and the whole of an
// error answer. A product's Decode reads it in the same pass as the
// payload, through Member. Names match as encoding/json matches them
// (case-insensitively too), which also covers the lowercase
// code/requestId some gateways send; the JSON tags serve the error path,
// which decodes with encoding/json.
type Envelope struct {
	RequestID      string `json:"RequestId"`
	Code           Text   `json:"Code"` // most products send a string, a few a number
	Message        string `json:"Message"`
	Success        Flag   `json:"Success"`
	HTTPStatusCode Status `json:"HttpStatusCode"` // the status the body claims, or 0
	HostID         string `json:"HostId"`
	Recommend      string `json:"Recommend"`
}

// Member reads the value of the top-level member k: into e when k names an
// envelope field, and skipped otherwise. The lenient fields read as their
// UnmarshalJSON reads them.
func (e *Envelope) Member(d *wire.Decoder, k wire.Key) {
	switch {
	case k.Is("RequestId"):
		e.RequestID = d.Str()
	case k.Is("Code"):
		_ = e.Code.UnmarshalJSON(d.Raw())
	case k.Is("Message"):
		e.Message = d.Str()
	case k.Is("Success"):
		_ = e.Success.UnmarshalJSON(d.Raw())
	case k.Is("HttpStatusCode"):
		_ = e.HTTPStatusCode.UnmarshalJSON(d.Raw())
	case k.Is("HostId"):
		e.HostID = d.Str()
	case k.Is("Recommend"):
		e.Recommend = d.Str()
	default:
		d.Skip()
	}
}

// failed reports whether a 2xx answer still says the call failed: a
// Success that is present and not true (false, 0, "no": only true and
// "true", in any letter case, are a success), or a Code other than OK. An
// answer without Success (CCC sends none) is judged by its Code alone.
func (e *Envelope) failed() bool {
	if e.Success == FlagFalse || e.Success == FlagOther {
		return true
	}
	switch e.Code {
	case "", "OK", "ok", "Success", "200":
		return false
	default:
		return true
	}
}

// Text is a JSON scalar as text: a string's contents, or a number's or
// boolean's literal (any other value's JSON text). It never fails.
type Text string

// UnmarshalJSON implements json.Unmarshaler.
func (t *Text) UnmarshalJSON(b []byte) error {
	s := wire.Unquote(b)
	switch string(s) { // the usual codes, without an allocation
	case "":
		*t = ""
	case "OK":
		*t = "OK"
	case "200":
		*t = "200"
	case "Success":
		*t = "Success"
	default:
		*t = Text(s)
	}
	return nil
}

// Flag is a lenient boolean that tells an absent value from false, and
// both from a value that is neither. It never fails.
type Flag uint8

// The Flag values.
const (
	FlagAbsent Flag = iota // absent, null or ""
	FlagTrue               // true, or "true" in any letter case
	FlagFalse              // false, or "false" in any letter case
	FlagOther              // anything else: 0, 1, "yes", an object
)

// UnmarshalJSON implements json.Unmarshaler.
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch s := wire.Unquote(b); {
	case len(s) == 0 || string(s) == "null":
		*f = FlagAbsent
	case bytes.EqualFold(s, []byte("true")):
		*f = FlagTrue
	case bytes.EqualFold(s, []byte("false")):
		*f = FlagFalse
	default:
		*f = FlagOther
	}
	return nil
}

// Status is an HTTP status sent as a number or a string; anything else
// reads as 0. It never fails.
type Status int

// UnmarshalJSON implements json.Unmarshaler.
func (n *Status) UnmarshalJSON(b []byte) error {
	s := wire.Unquote(b)
	v, _ := strconv.Atoi(string(s))
	*n = Status(v)
	return nil
}

// envelope is the envelope-only reading of an answer, with encoding/json:
// for error answers (any status, JSON or XML) and for a Call.Response that
// is not a Do payload, decoded in a second pass.
type envelope struct {
	RequestID      string          `json:"RequestId" xml:"RequestId"`
	HostID         string          `json:"HostId" xml:"HostId"`
	Code           json.RawMessage `json:"Code" xml:"-"`
	Message        string          `json:"Message" xml:"Message"`
	Recommend      string          `json:"Recommend" xml:"Recommend"`
	Success        json.RawMessage `json:"Success" xml:"-"`
	HTTPStatusCode json.RawMessage `json:"HttpStatusCode" xml:"-"`

	XMLCode string `json:"-" xml:"Code"`
}

// Envelope returns e in the form decode checks.
func (e *envelope) Envelope() Envelope {
	out := Envelope{RequestID: e.RequestID, Message: e.Message, HostID: e.HostID, Recommend: e.Recommend}
	if e.XMLCode != "" {
		out.Code = Text(e.XMLCode)
	} else {
		out.Code = Text(rawText(e.Code))
	}
	if len(e.Success) != 0 {
		_ = out.Success.UnmarshalJSON(e.Success)
	}
	_ = out.HTTPStatusCode.UnmarshalJSON(e.HTTPStatusCode)
	return out
}

// rawText returns a JSON scalar as text: a string's contents, or a number's
// or boolean's literal.
func rawText(raw []byte) string {
	s := wire.Unquote(raw)
	return string(s)
}

// decode classifies one answer and, on success, fills out. A Do
// payload is read in one pass; anything else in a second pass after the
// envelope.
func (c *Client) decode(action string, a *transport.Answer, out any) error {
	body := bytes.TrimSpace(a.Body)
	if w, ok := out.(wireSlot); ok && a.Status >= 200 && a.Status <= 299 && len(body) != 0 && body[0] == '{' {
		env, err := w.decodeWire(a.Context, body)
		if err != nil {
			// Read the envelope alone: the answer may still be a refusal,
			// which is reported as such.
			return c.decodeEnvelope(action, a, body, func() error { return err })
		}
		return c.check(action, a, body, env)
	}
	return c.decodeEnvelope(action, a, body, func() error {
		if out == nil {
			return nil
		}
		return json.Unmarshal(body, out)
	})
}

// decodeEnvelope reads the envelope alone, classifies the answer and, on
// success, calls payload to decode it.
func (c *Client) decodeEnvelope(action string, a *transport.Answer, body []byte, payload func() error) error {
	var raw envelope
	switch {
	case len(body) == 0:
		return c.decodeError(action, a, "", errors.New("empty body"))
	case body[0] == '<':
		if err := xml.Unmarshal(body, &raw); err != nil {
			return c.decodeError(action, a, "", fmt.Errorf("not the documented JSON: %w", err))
		}
	default:
		if err := json.Unmarshal(body, &raw); err != nil {
			return c.decodeError(action, a, "", err)
		}
	}
	env := raw.Envelope()
	if err := c.check(action, a, body, &env); err != nil {
		return err
	}
	if err := payload(); err != nil {
		return c.decodeError(action, a, env.RequestID, err)
	}
	return nil
}

// check classifies an answer by its envelope: a refusal, an answer of the
// wrong shape, or nil for a success.
func (c *Client) check(action string, a *transport.Answer, body []byte, env *Envelope) error {
	a.RequestID = env.RequestID
	if a.Status < 200 || a.Status > 299 || env.failed() {
		return c.apiError(action, a, env)
	}
	switch {
	case body[0] != '{':
		return c.decodeError(action, a, env.RequestID, errors.New("not a JSON object"))
	case env.RequestID == "":
		// Every Alibaba answer names its request; one that does not is not
		// the documented shape, whatever else it holds.
		return c.decodeError(action, a, "", errors.New("no RequestId in the answer"))
	}
	return nil
}

// apiError builds the typed error of a refusal. An answer without a code is
// not an error envelope at all (an HTML page, a bare status): that is a
// DecodeError that still matches its status's category.
func (c *Client) apiError(action string, a *transport.Answer, env *Envelope) error {
	code := string(env.Code)
	switch {
	case code == "" && a.Status >= 200 && a.Status <= 299:
		// Success not true, and no code to say what failed: the service
		// did not say no in its documented way, nor yes.
		return c.decodeError(action, a, env.RequestID, errors.New("Success is not true, and the answer has no error code"))
	case code == "":
		return c.decodeError(action, a, env.RequestID, fmt.Errorf("HTTP %d without an error code", a.Status))
	}
	status := a.Status
	classifyStatus := status
	if s := int(env.HTTPStatusCode); status < 300 && s >= 400 {
		classifyStatus = s // a 200 carrying a failure: trust the body's status
	}
	e := a.APIError(c.Product, action, status, code, env.Message, env.RequestID, env.HostID, env.Recommend)
	apierror.SetCategory(e, apierror.Classify(code, classifyStatus, c.Codes, apierror.AlibabaCodes))
	return e
}

func (c *Client) decodeError(action string, a *transport.Answer, requestID string, err error) error {
	return a.DecodeError(c.Product, action, requestID, err)
}
