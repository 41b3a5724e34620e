package outboundbot

import (
	"context"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// ModifyInstanceRequest is the input of ModifyInstance.
type ModifyInstanceRequest struct {
	// InstanceID names the instance to change. Required.
	InstanceID string `url:"InstanceId"`
	// InstanceName renames the instance (names are unique); empty keeps it.
	InstanceName string `url:"InstanceName,omitempty"`
	// InstanceDescription replaces the description; empty keeps it.
	InstanceDescription string `url:"InstanceDescription,omitempty"`
	// MaxConcurrentConversation must be sent even when it does not change.
	// Required, > 0.
	MaxConcurrentConversation int `url:"MaxConcurrentConversation"`
	// CallingNumber sets the caller numbers, sent as CallingNumber.N.
	CallingNumber []string `url:"CallingNumber,omitempty"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *ModifyInstanceRequest) Validate() error {
	if r == nil {
		r = &ModifyInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceID", r.InstanceID)
	v.Check(r.MaxConcurrentConversation > 0, "MaxConcurrentConversation", "must be greater than 0")
	checkCallingNumbers(&v, r.CallingNumber)
	return v.Err(service.Product, "ModifyInstance")
}

// ModifyInstanceResponse is the output of ModifyInstance. Its Instance has
// no ResourceGroupID.
type ModifyInstanceResponse struct {
	RequestID string   `json:"RequestId"`
	Instance  Instance `json:"Instance"`
}

// UnmarshalJSON decodes the answer. One without an Instance, or with an
// instance without InstanceId, is an error: it is not the documented shape.
func (r *ModifyInstanceResponse) UnmarshalJSON(b []byte) (err error) {
	r.RequestID, r.Instance, err = readInstanceAnswer(b)
	return err
}

// ModifyInstance changes an Outbound Bot business instance (OutboundBot
// 2019-12-26, action ModifyInstance). It is retried only when the request
// provably did not reach the service.
//
// Errors: CodeInstanceNameDuplicated (ErrConflict),
// CodeConcurrentConversationLimitExceeded (ErrQuotaExceeded),
// CodeInstanceNotFound (ErrNotFound), CodeInternalError (ErrServer).
//
// https://help.aliyun.com/zh/ccs/outbound-bot/developer-reference/api-outboundbot-2019-12-26-modifyinstance
func (c *Client) ModifyInstance(ctx context.Context, req *ModifyInstanceRequest, optFns ...func(*Options)) (*ModifyInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "ModifyInstance", false, req, optFns, decodeModifyInstance)
}
