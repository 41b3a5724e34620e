package outboundbot

import (
	"context"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// DescribeInstanceRequest is the input of DescribeInstance.
type DescribeInstanceRequest struct {
	// InstanceID names the instance. Required.
	InstanceID string `url:"InstanceId"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *DescribeInstanceRequest) Validate() error {
	if r == nil {
		r = &DescribeInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceID", r.InstanceID)
	return v.Err(service.Product, "DescribeInstance")
}

// DescribeInstanceResponse is the output of DescribeInstance.
type DescribeInstanceResponse struct {
	RequestID string   `json:"RequestId"`
	Instance  Instance `json:"Instance"`
}

// UnmarshalJSON decodes the answer. One without an Instance, or with an
// instance without InstanceId, is an error: it is not the documented shape.
func (r *DescribeInstanceResponse) UnmarshalJSON(b []byte) (err error) {
	r.RequestID, r.Instance, err = readInstanceAnswer(b)
	return err
}

// DescribeInstance returns one Outbound Bot business instance (OutboundBot
// 2019-12-26, action DescribeInstance). It is a read and is retried on any
// transient failure.
//
// Errors: CodeInstanceNotFound (ErrNotFound), CodeInternalError (ErrServer).
//
// https://help.aliyun.com/zh/ccs/outbound-bot/developer-reference/api-outboundbot-2019-12-26-describeinstance
func (c *Client) DescribeInstance(ctx context.Context, req *DescribeInstanceRequest, optFns ...func(*Options)) (*DescribeInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "DescribeInstance", true, req, optFns, decodeDescribeInstance)
}
