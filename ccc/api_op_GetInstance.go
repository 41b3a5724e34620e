package ccc

import (
	"context"
	"encoding/json"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// GetInstanceRequest is the input of GetInstance.
type GetInstanceRequest struct {
	// InstanceID names the instance, e.g. "ccc-test". Required.
	InstanceID string `url:"InstanceId"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *GetInstanceRequest) Validate() error {
	if r == nil {
		r = &GetInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceID", r.InstanceID)
	return v.Err(service.Product, "GetInstance")
}

// GetInstanceResponse is the output of GetInstance.
type GetInstanceResponse struct {
	RequestID string `json:"RequestId"`
	// Instance is the answer's Data. Its CreateTime is zero: GetInstance
	// does not return it.
	Instance Instance `json:"Data"`
}

// UnmarshalJSON decodes the answer. One without Data (absent or null), or
// whose instance has no Id, is an error: it is not the documented shape.
func (r *GetInstanceResponse) UnmarshalJSON(b []byte) error {
	var w struct {
		RequestID string `json:"RequestId"`
		Data      *Instance
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Data == nil {
		return errNoData
	}
	r.RequestID, r.Instance = w.RequestID, *w.Data
	return nil
}

// GetInstance returns one Contact Center instance with its administrators
// and phone numbers (CCC 2020-07-01, action GetInstance). It is a read and
// is retried on any transient failure. Poll it after CreateInstance until
// the status leaves InstanceStatusCreating.
//
// Errors: CodeInstanceNotFound (ErrNotFound).
//
// https://help.aliyun.com/document_detail/439548.html
func (c *Client) GetInstance(ctx context.Context, req *GetInstanceRequest, optFns ...func(*Options)) (*GetInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "GetInstance", true, req, optFns, decodeGetInstance)
}
