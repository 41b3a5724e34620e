package industrialcloud

import (
	"context"
	"unicode/utf8"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// MaxInstanceNameLength is the longest InstanceName, in characters (runes,
// not bytes: "生产执行系统" is 6).
const MaxInstanceNameLength = 20

// ModifyInstanceNameRequest is the input of ModifyInstanceName.
type ModifyInstanceNameRequest struct {
	// InstanceUUID names the instance. Required.
	InstanceUUID string `json:"InstanceUUID"`
	// InstanceName is the new name, 1 to MaxInstanceNameLength characters.
	// Required.
	InstanceName string `json:"InstanceName"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *ModifyInstanceNameRequest) Validate() error {
	if r == nil {
		r = &ModifyInstanceNameRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceUUID", r.InstanceUUID)
	v.Required("InstanceName", r.InstanceName)
	v.Check(utf8.RuneCountInString(r.InstanceName) <= MaxInstanceNameLength, "InstanceName", "must be at most 20 characters")
	v.Check(utf8.ValidString(r.InstanceName), "InstanceName", "must be valid UTF-8")
	return v.Err(product, "ModifyInstanceName")
}

// modifyInstanceNameBody is the JSON body: the request and the Module field.
type modifyInstanceNameBody struct {
	Module string `json:"Module,omitempty"`
	*ModifyInstanceNameRequest
}

// ModifyInstanceNameResponse is the output of ModifyInstanceName. The
// answer's business Code and Msg are read by the client: a non-zero Code is
// returned as an *APIError carrying them.
type ModifyInstanceNameResponse struct {
	RequestID string `json:"RequestId"`
}

// ModifyInstanceName renames an instance (industrial cloud instance
// console, version 2019-12-26, action ModifyInstanceName). No WeMake page
// documents it; the shape is the community SDK's. It is a write: it is
// retried only when the request provably did not reach the service (a
// refused connection, throttling), and once after a rejected token when a
// TokenProvider supplies a new one.
//
// Errors: CodeResourceNotFound (ErrNotFound), CodeMissingParameter and
// CodeInvalidParameterValue (ErrInvalidParameter), CodeTokenFailure and the
// other AuthFailure codes (ErrAuth), CodeRequestLimitExceeded
// (ErrThrottled), CodeInternalError (ErrServer), and a non-zero business
// Code (no category).
func (c *Client) ModifyInstanceName(ctx context.Context, req *ModifyInstanceNameRequest, optFns ...func(*Options)) (*ModifyInstanceNameResponse, error) {
	return invoke[ModifyInstanceNameResponse](ctx, c, "ModifyInstanceName", false, req,
		func(module string) any { return modifyInstanceNameBody{Module: module, ModifyInstanceNameRequest: req} }, optFns, decodeModifyInstanceName)
}
