package ccc

import (
	"context"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// CreateInstanceRequest is the input of CreateInstance. Lengths count
// characters (runes), not bytes.
type CreateInstanceRequest struct {
	// Name names the instance, 4 to 32 characters. Required.
	Name string `url:"Name"`
	// DomainName is the instance's second-level domain: 4 to 48 letters,
	// digits, '_' or '-', unique across Alibaba Cloud. It becomes the
	// instance ID. Required.
	DomainName string `url:"DomainName"`
	// Description describes the instance, at most 256 characters.
	Description string `url:"Description,omitempty"`
	// NumberList lists phone numbers the account owns and no other instance
	// uses, to attach to the instance. Sent as one parameter holding JSON
	// array text: NumberList=["0830011xxxx"].
	NumberList []string `url:"NumberList,omitempty,json"`
	// AdminRAMIDList lists the IDs of the RAM users to import as the
	// instance's administrators. Sent as JSON array text, like NumberList.
	// Required, at least one.
	AdminRAMIDList []string `url:"AdminRamIdList,omitempty,json"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *CreateInstanceRequest) Validate() error {
	if r == nil {
		r = &CreateInstanceRequest{}
	}
	var v apierror.Validator
	checkLength(&v, "Name", r.Name, 4, 32)
	checkLength(&v, "DomainName", r.DomainName, 4, 48)
	v.Check(validDomainName(r.DomainName), "DomainName", "may contain only letters, digits, '_' and '-'")
	checkDescription(&v, r.Description)
	checkList(&v, "NumberList", r.NumberList)
	v.Check(len(r.AdminRAMIDList) > 0, "AdminRAMIDList", "is required")
	checkList(&v, "AdminRAMIDList", r.AdminRAMIDList)
	return v.Err(service.Product, "CreateInstance")
}

// CreateInstanceResponse is the output of CreateInstance.
type CreateInstanceResponse struct {
	RequestID string `json:"RequestId"`
	// WorkflowID is the answer's Data: the ID of the background workflow
	// that creates the instance. It is not the instance ID.
	WorkflowID string `json:"Data"`
	// InstanceID is the new instance's ID, which is the request's
	// DomainName; the service does not send it back, the client fills it in.
	InstanceID string `json:"-"`
}

// UnmarshalJSON decodes the answer. One without Data, the workflow ID, is
// an error: it is not the documented shape.
func (r *CreateInstanceResponse) UnmarshalJSON(b []byte) error {
	type plain CreateInstanceResponse
	if err := json.Unmarshal(b, (*plain)(r)); err != nil {
		return err
	}
	if r.WorkflowID == "" {
		return errNoData
	}
	return nil
}

// CreateInstance starts creating a Contact Center instance (CCC 2020-07-01,
// action CreateInstance). Creation runs in the background: the instance ID
// is the request's DomainName (also in the response's InstanceID), and the
// instance is in InstanceStatusCreating until the workflow finishes; poll
// GetInstance for its status.
//
// It is a write, retried only when the request provably did not reach the
// service. After an error that leaves the outcome unknown (an
// *OperationError, ErrServer), GetInstance with the DomainName tells
// whether the instance exists; sending the request again answers
// CodeInstanceAlreadyExists if it does.
//
// Errors: CodeInstanceAlreadyExists (ErrConflict), CodeNumberNotFound
// (ErrNotFound), CodeParameterBlank, CodeParameterEmpty
// (ErrInvalidParameter).
//
// https://help.aliyun.com/zh/ccs/developer-reference/api-ccc-2020-07-01-createinstance
func (c *Client) CreateInstance(ctx context.Context, req *CreateInstanceRequest, optFns ...func(*Options)) (*CreateInstanceResponse, error) {
	resp, err := rpc.Do(ctx, c.base, "CreateInstance", false, req, optFns, decodeCreateInstance)
	if err != nil {
		return nil, err
	}
	resp.InstanceID = req.DomainName
	return resp, nil
}

// maxDescription is the documented limit of Description, in characters.
const maxDescription = 256

func checkDescription(v *apierror.Validator, d string) {
	v.Check(utf8.RuneCountInString(d) <= maxDescription, "Description", "must be at most 256 characters")
}

// checkLength records a required text field that is empty or whose length
// in characters is outside [lo, hi].
func checkLength(v *apierror.Validator, field, value string, lo, hi int) {
	if value == "" {
		v.Add(field, "is required")
		return
	}
	n := utf8.RuneCountInString(value)
	v.Check(n >= lo && n <= hi, field, "must be "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi)+" characters")
}

func validDomainName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// checkList records each empty element of a list parameter.
func checkList(v *apierror.Validator, field string, list []string) {
	for i, s := range list {
		v.Check(s != "", field+"["+strconv.Itoa(i)+"]", "must not be empty")
		// The list is sent as JSON text, which would silently replace
		// invalid UTF-8 with U+FFFD: refuse it instead.
		v.Check(utf8.ValidString(s), field+"["+strconv.Itoa(i)+"]", "must be valid UTF-8")
	}
}
