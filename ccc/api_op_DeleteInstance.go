package ccc

import (
	"context"
	"encoding/json"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// DeleteInstanceRequest is the input of DeleteInstance.
type DeleteInstanceRequest struct {
	// InstanceID names the instance to delete, e.g. "ccc-test". Required.
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
	// TaskID is the answer's Data: the ID of the background task that
	// deletes the instance, e.g. "b7feb007-994a-497f-8934-2f0c6f89867c".
	TaskID string `json:"Data"`
	// Params is the answer's Params, a list of text with no documented
	// meaning; kept as sent, nil when the answer has none.
	Params []string `json:"Params"`
}

// UnmarshalJSON decodes the answer. One without Data, the task ID, is an
// error: it is not the documented shape.
func (r *DeleteInstanceResponse) UnmarshalJSON(b []byte) error {
	type plain DeleteInstanceResponse
	if err := json.Unmarshal(b, (*plain)(r)); err != nil {
		return err
	}
	if r.TaskID == "" {
		return errNoData
	}
	return nil
}

// DeleteInstance deletes a Contact Center instance (CCC 2020-07-01, action
// DeleteInstance). The deletion runs in the background, as the task named
// by the response's TaskID.
//
// It is a write, retried only when the request provably did not reach the
// service. After an error that leaves the outcome unknown (an
// *OperationError, ErrServer), GetInstance tells whether the instance
// still exists; sending the request again answers CodeInstanceNotFound if
// it does not.
//
// Errors: CodeInstanceNotFound (ErrNotFound).
//
// https://help.aliyun.com/zh/ccs/developer-reference/api-ccc-2020-07-01-deleteinstance
func (c *Client) DeleteInstance(ctx context.Context, req *DeleteInstanceRequest, optFns ...func(*Options)) (*DeleteInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "DeleteInstance", false, req, optFns, decodeDeleteInstance)
}
