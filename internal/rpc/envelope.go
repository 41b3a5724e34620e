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
)

// envelope is what Alibaba puts beside every payload, and the whole of an
// error answer. Field names are matched case-insensitively by encoding/json,
// which also covers the lowercase code/requestId some gateways send.
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

// code returns Code as text: most products send a string, a few a number.
func (e *envelope) code() string {
	if e.XMLCode != "" {
		return e.XMLCode
	}
	return rawText(e.Code)
}

// failed reports whether a 2xx answer still says the call failed:
// Success:false, or a Code other than OK.
func (e *envelope) failed() bool {
	if s := rawText(e.Success); s == "false" {
		return true
	}
	switch c := e.code(); c {
	case "", "OK", "ok", "Success", "200":
		return false
	default:
		return true
	}
}

// status returns the HttpStatusCode the body claims, or 0.
func (e *envelope) status() int {
	n, _ := strconv.Atoi(rawText(e.HTTPStatusCode))
	return n
}

// rawText returns a JSON scalar as text: a string's contents, or a number's
// or boolean's literal.
func rawText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	return string(raw)
}

// decode classifies one answer and, on success, fills out.
func (c *Client) decode(action string, a *transport.Answer, out any) error {
	var env envelope
	body := bytes.TrimSpace(a.Body)
	switch {
	case len(body) == 0:
		return c.decodeError(action, a, "", errors.New("empty body"))
	case body[0] == '<':
		if err := xml.Unmarshal(body, &env); err != nil {
			return c.decodeError(action, a, "", fmt.Errorf("not the documented JSON: %w", err))
		}
	default:
		if err := json.Unmarshal(body, &env); err != nil {
			return c.decodeError(action, a, "", err)
		}
	}
	a.RequestID = env.RequestID
	if a.Status < 200 || a.Status > 299 || env.failed() {
		return c.apiError(action, a, &env)
	}
	switch {
	case body[0] != '{':
		return c.decodeError(action, a, env.RequestID, errors.New("not a JSON object"))
	case env.RequestID == "":
		// Every Alibaba answer names its request; one that does not is not
		// the documented shape, whatever else it holds.
		return c.decodeError(action, a, "", errors.New("no RequestId in the answer"))
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return c.decodeError(action, a, env.RequestID, err)
	}
	return nil
}

// apiError builds the typed error of a refusal. An answer without a code is
// not an error envelope at all (an HTML page, a bare status): that is a
// DecodeError that still matches its status's category.
func (c *Client) apiError(action string, a *transport.Answer, env *envelope) error {
	code := env.code()
	if code == "" {
		return c.decodeError(action, a, env.RequestID, fmt.Errorf("HTTP %d without an error code", a.Status))
	}
	status := a.Status
	classifyStatus := status
	if s := env.status(); status < 300 && s >= 400 {
		classifyStatus = s // a 200 carrying a failure: trust the body's status
	}
	e := a.APIError(c.Product, action, status, code, env.Message, env.RequestID, env.HostID, env.Recommend)
	apierror.SetCategory(e, apierror.Classify(code, classifyStatus, c.Codes, apierror.AlibabaCodes))
	return e
}

func (c *Client) decodeError(action string, a *transport.Answer, requestID string, err error) error {
	return a.DecodeError(c.Product, action, requestID, err)
}
