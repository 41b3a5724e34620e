package industrialcloud

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// WithInstanceCustomSpecs, in DescribeInstanceRequest.With, adds the
// instance's extra billing items (Instance.CustomSpecItems) to the answer.
const WithInstanceCustomSpecs = "InstanceCustomSpecs"

// DescribeInstanceRequest is the input of DescribeInstance.
type DescribeInstanceRequest struct {
	// InstanceUUID names the instance. Required.
	InstanceUUID string `json:"InstanceUUID"`
	// With lists extra parts of the answer; the one documented value is
	// WithInstanceCustomSpecs.
	//
	// It is sent under the documented key "With". The community SDK sends
	// "with"; its request types carry gin binding tags, a sign that they
	// mirror a Go server decoding with encoding/json, which matches keys
	// case-insensitively, so both spellings reach the same field.
	With []string `json:"With,omitempty"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *DescribeInstanceRequest) Validate() error {
	if r == nil {
		r = &DescribeInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceUUID", r.InstanceUUID)
	for i, w := range r.With {
		v.Check(w == WithInstanceCustomSpecs, "With["+strconv.Itoa(i)+"]", "must be "+WithInstanceCustomSpecs)
	}
	return v.Err(product, "DescribeInstance")
}

// describeInstanceBody is the JSON body: the request and the Module field.
type describeInstanceBody struct {
	Module string `json:"Module,omitempty"`
	*DescribeInstanceRequest
}

// DescribeInstanceResponse is the output of DescribeInstance.
type DescribeInstanceResponse struct {
	RequestID string `json:"RequestId"`
	// Instance is Data.Instance of the answer. Its CustomSpecItems are
	// filled whether the answer puts them under Data.Instance or under Data.
	Instance Instance `json:"Instance"`
}

// UnmarshalJSON reads the Response object: {"RequestId", "Data":
// {"Instance": {...}, "CustomSpecItems": [...]}}. An answer without
// Data.Instance is an error: it is not the documented shape.
func (r *DescribeInstanceResponse) UnmarshalJSON(b []byte) error {
	var w struct {
		RequestID string `json:"RequestId"`
		Data      *struct {
			Instance        *Instance
			CustomSpecItems []CustomSpecItem
		}
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Data == nil || w.Data.Instance == nil {
		return errNoInstance
	}
	r.RequestID, r.Instance = w.RequestID, *w.Data.Instance
	if len(r.Instance.CustomSpecItems) == 0 && len(w.Data.CustomSpecItems) > 0 {
		r.Instance.CustomSpecItems = w.Data.CustomSpecItems
	}
	return nil
}

// DescribeInstance returns one instance by its UUID (industrial cloud
// instance console, version 2019-12-26, action DescribeInstance, 查询实例详情).
// It is a read and is retried on any transient failure.
//
// Errors: CodeResourceNotFound (ErrNotFound), CodeMissingParameter and
// CodeInvalidParameter (ErrInvalidParameter), CodeTokenFailure and the
// other AuthFailure codes (ErrAuth), CodeRequestLimitExceeded
// (ErrThrottled), CodeInternalError (ErrServer).
//
// https://industry-docs-3g1kxjw49c523e3e-1258344699.ap-shanghai.service.tcloudbase.com/document/api/3b020ca360081eac003a6b3f0dfc41af
func (c *Client) DescribeInstance(ctx context.Context, req *DescribeInstanceRequest, optFns ...func(*Options)) (*DescribeInstanceResponse, error) {
	return invoke[DescribeInstanceResponse](ctx, c, "DescribeInstance", true, req,
		func(module string) any { return describeInstanceBody{Module: module, DescribeInstanceRequest: req} }, optFns, decodeDescribeInstance)
}
