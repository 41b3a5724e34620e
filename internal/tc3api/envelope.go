package tc3api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// answer is the API 3.0 wrapper; the legacy fields sit at the top level.
type answer struct {
	Response json.RawMessage `json:"Response"`

	// Legacy error shape: {"code": 4000, "message": "...", "codeDesc": "..."}.
	LegacyCode     json.RawMessage `json:"code"`
	LegacyMessage  string          `json:"message"`
	LegacyCodeDesc string          `json:"codeDesc"`
}

// inner is what Response holds beside the payload: the API 3.0 Error
// object, or (ModifyInstanceName's shape) a business Code and Msg, where a
// non-zero Code is a failure.
type inner struct {
	RequestID string `json:"RequestId"`
	Error     *struct {
		Code    string `json:"Code"`
		Message string `json:"Message"`
	} `json:"Error"`
	Code json.RawMessage `json:"Code"`
	Msg  string          `json:"Msg"`
}

// businessCode returns a failing business Code as text, or "".
func (in *inner) businessCode() string { return businessCode(in.Code) }

// decode classifies one answer and, on success, fills out. A Do slot is
// read in one pass when the answer is a 2xx JSON object, and that pass has
// the last word on the payload: when it refuses the answer, the envelope
// alone is read with encoding/json (two passes, the top object, then the
// envelope in Response, neither of which decodes a payload) to report a
// refusal as such, and otherwise the one pass's error is returned. For
// any other Response (Invoke's), a third pass decodes Response into out.
func (c *Client) decode(action string, a *transport.Answer, out any) error {
	body := bytes.TrimSpace(a.Body)
	w, onePass := out.(wireSlot)
	var wireErr error
	if onePass {
		wireErr = errors.New("not a 2xx JSON object")
		if a.Status >= 200 && a.Status <= 299 && len(body) != 0 && body[0] == '{' {
			var id string
			if id, wireErr = w.decodeWire(a.Context, body); wireErr == nil {
				a.RequestID = id
				return nil
			}
		}
	}
	if len(body) == 0 {
		return c.decodeError(action, a, "", errors.New("empty body"))
	}
	var top answer
	if err := json.Unmarshal(body, &top); err != nil {
		return c.decodeError(action, a, "", err)
	}
	if top.Response == nil {
		if code := legacyCode(&top); code != "" {
			return c.apiError(action, a, code, top.LegacyMessage, "")
		}
		return c.decodeError(action, a, "", errNoResponse)
	}
	var in inner
	if err := json.Unmarshal(top.Response, &in); err != nil {
		return c.decodeError(action, a, "", err)
	}
	a.RequestID = in.RequestID
	if in.Error != nil {
		if in.Error.Code == "" {
			// As for Alibaba: a refusal without a code is not the documented shape.
			return c.decodeError(action, a, in.RequestID, errors.New("an Error object without a Code"))
		}
		return c.apiError(action, a, in.Error.Code, in.Error.Message, in.RequestID)
	}
	if code := in.businessCode(); code != "" {
		return c.apiError(action, a, code, in.Msg, in.RequestID)
	}
	switch {
	case a.Status < 200 || a.Status > 299:
		return c.decodeError(action, a, in.RequestID, fmt.Errorf("HTTP %d without an error code", a.Status))
	case in.RequestID == "":
		return c.decodeError(action, a, "", errors.New("no RequestId in the answer"))
	case onePass:
		return c.decodeError(action, a, in.RequestID, wireErr)
	case out == nil:
		return nil
	}
	if err := json.Unmarshal(top.Response, out); err != nil {
		return c.decodeError(action, a, in.RequestID, err)
	}
	return nil
}

// legacyCode returns the code of a legacy error answer, or "" when the
// answer is not one (code absent or 0).
func legacyCode(top *answer) string {
	raw := string(top.LegacyCode)
	if raw == "" || raw == "0" || raw == `"0"` || raw == "null" {
		return ""
	}
	if top.LegacyCodeDesc != "" {
		return top.LegacyCodeDesc
	}
	var s string
	if json.Unmarshal(top.LegacyCode, &s) == nil {
		return s
	}
	return raw
}

func (c *Client) apiError(action string, a *transport.Answer, code, message, requestID string) error {
	e := a.APIError(c.Product, action, a.Status, code, message, requestID, "", "")
	apierror.SetCategory(e, apierror.Classify(code, a.Status, c.Codes, apierror.TencentCodes))
	return e
}

func (c *Client) decodeError(action string, a *transport.Answer, requestID string, err error) error {
	return a.DecodeError(c.Product, action, requestID, err)
}
