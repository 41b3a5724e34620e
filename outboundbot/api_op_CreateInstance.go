package outboundbot

import (
	"context"
	"strconv"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// CreateInstanceRequest is the input of CreateInstance.
type CreateInstanceRequest struct {
	// InstanceName names the instance; it must be unique. Required.
	InstanceName string `url:"InstanceName"`
	// InstanceDescription describes the instance.
	InstanceDescription string `url:"InstanceDescription,omitempty"`
	// MaxConcurrentConversation is the number of concurrent calls the
	// instance may hold, at most the purchased concurrency. Required, > 0.
	MaxConcurrentConversation int `url:"MaxConcurrentConversation"`
	// NluServiceType selects the conversation engine; empty means Managed.
	NluServiceType NluServiceType `url:"NluServiceType,omitempty"`
	// ResourceGroupID places the instance in a resource group.
	ResourceGroupID string `url:"ResourceGroupId,omitempty"`
	// CallingNumber lists the caller numbers, sent as CallingNumber.N.
	CallingNumber []string `url:"CallingNumber,omitempty"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *CreateInstanceRequest) Validate() error {
	if r == nil {
		r = &CreateInstanceRequest{}
	}
	var v apierror.Validator
	v.Required("InstanceName", r.InstanceName)
	v.Check(r.MaxConcurrentConversation > 0, "MaxConcurrentConversation", "must be greater than 0")
	checkNluServiceType(&v, r.NluServiceType)
	checkCallingNumbers(&v, r.CallingNumber)
	return v.Err(service.Product, "CreateInstance")
}

// CreateInstanceResponse is the output of CreateInstance.
type CreateInstanceResponse struct {
	RequestID string   `json:"RequestId"`
	Instance  Instance `json:"Instance"`
}

// UnmarshalJSON decodes the answer. One without an Instance, or with an
// instance without InstanceId, is an error: it is not the documented shape.
func (r *CreateInstanceResponse) UnmarshalJSON(b []byte) (err error) {
	r.RequestID, r.Instance, err = readInstanceAnswer(b)
	return err
}

// CreateInstance creates an Outbound Bot business instance (OutboundBot
// 2019-12-26, action CreateInstance).
//
// It is not idempotent: it is retried only when the request provably did
// not reach the service (a refused connection, throttling,
// ServiceUnavailable), so a lost answer never creates a second instance.
// Errors: CodeInstanceNameDuplicated (ErrConflict),
// CodeConcurrentConversationLimitExceeded (ErrQuotaExceeded),
// CodeInternalError (ErrServer).
//
// https://help.aliyun.com/zh/ccs/outbound-bot/developer-reference/api-outboundbot-2019-12-26-createinstance
func (c *Client) CreateInstance(ctx context.Context, req *CreateInstanceRequest, optFns ...func(*Options)) (*CreateInstanceResponse, error) {
	return rpc.Do(ctx, c.base, "CreateInstance", false, req, optFns, decodeCreateInstance)
}

func checkNluServiceType(v *apierror.Validator, t NluServiceType) {
	v.Check(t.Valid(), "NluServiceType", "must be one of DialogStudio, Authorized, Provided, Managed")
}

func checkCallingNumbers(v *apierror.Validator, numbers []string) {
	for i, n := range numbers {
		v.Check(n != "", "CallingNumber["+strconv.Itoa(i)+"]", "must not be empty")
	}
}
