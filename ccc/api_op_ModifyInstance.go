package ccc

import (
	"context"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// ModifyInstanceRequest is the input of ModifyInstance. The description is
// the only thing the API can change.
type ModifyInstanceRequest struct {
	// InstanceID names the instance to change. Required.
	InstanceID string `url:"InstanceId"`
	// Description replaces the description, at most 256 characters. Empty
	// leaves it as it is: the parameter is then not sent, and the API
	// documents no way to clear a description.
	Description string `url:"Description,omitempty"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *ModifyInstanceRequest) Validate() error {
	if r == nil {
		r = &ModifyInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceID", r.InstanceID)
	checkDescription(&v, r.Description)
	return v.Err(service.Product, "ModifyInstance")
}

// ModifyInstanceResponse is the output of ModifyInstance.
type ModifyInstanceResponse struct {
	RequestID string `json:"RequestId"`
	// Data is the answer's Data, text with no documented meaning (the
	// documented example is "无", "none"). It is kept as sent; success is
	// the absence of an error, not a value of Data.
	Data string `json:"Data"`
}

// ModifyInstance changes the description of a Contact Center instance (CCC
// 2020-07-01, action ModifyInstance). It is a write, retried only when the
// request provably did not reach the service.
//
// Errors: CodeInstanceNotFound (ErrNotFound).
//
// https://help.aliyun.com/zh/ccs/developer-reference/api-ccc-2020-07-01-modifyinstance
func (c *Client) ModifyInstance(ctx context.Context, req *ModifyInstanceRequest, optFns ...func(*Options)) (*ModifyInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "ModifyInstance", false, req, optFns, decodeModifyInstance)
}
