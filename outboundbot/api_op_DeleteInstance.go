package outboundbot

import (
	"context"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// DeleteInstanceRequest is the input of DeleteInstance.
type DeleteInstanceRequest struct {
	// InstanceID names the instance to delete. Required.
	InstanceID string `url:"InstanceId"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *DeleteInstanceRequest) Validate() error {
	if r == nil {
		r = &DeleteInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceID", r.InstanceID)
	return v.Err(service.Product, "DeleteInstance")
}

// DeleteInstanceResponse is the output of DeleteInstance.
type DeleteInstanceResponse struct {
	RequestID string `json:"RequestId"`
}

// DeleteInstance deletes an Outbound Bot business instance (OutboundBot
// 2019-12-26, action DeleteInstance). It is retried only when the request
// provably did not reach the service.
//
// Errors: CodeInstanceNotFound (ErrNotFound), CodeInternalError (ErrServer).
//
// https://help.aliyun.com/zh/outboundbot/developer-reference/api-outboundbot-2019-12-26-deleteinstance
func (c *Client) DeleteInstance(ctx context.Context, req *DeleteInstanceRequest, optFns ...func(*Options)) (*DeleteInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "DeleteInstance", false, req, optFns, decodeDeleteInstance)
}
