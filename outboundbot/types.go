package outboundbot

import (
	"encoding/json"
	"time"

	"github.com/typedcloud/sdk-go/internal/wire"
)

// Instance is an Outbound Bot business instance.
//
// CreateInstance, DescribeInstance and ModifyInstance return every field but
// ResourceTags and IsPreset, which only ListInstances fills; ModifyInstance
// also leaves ResourceGroupID empty.
type Instance struct {
	InstanceID                string    `json:"InstanceId"`
	InstanceName              string    `json:"InstanceName"`
	InstanceDescription       string    `json:"InstanceDescription"`
	MaxConcurrentConversation int       `json:"MaxConcurrentConversation"` // concurrent calls the instance may hold
	CreationTime              time.Time `json:"CreationTime"`              // sent as epoch milliseconds
	CreatorID                 int64     `json:"CreatorId"`
	CreatorName               string    `json:"CreatorName"`
	OwnerName                 string    `json:"OwnerName"` // the owning (main) account
	ResourceGroupID           string    `json:"ResourceGroupId"`
	ResourceTags              []Tag     `json:"ResourceTags"`
	IsPreset                  bool      `json:"IsPreset"` // a preset instance created by the service
}

// UnmarshalJSON decodes an instance, accepting numbers and booleans sent as
// JSON strings and CreationTime as epoch milliseconds. An instance without
// InstanceId (an empty object, null) is an error.
func (in *Instance) UnmarshalJSON(b []byte) error {
	type plain Instance
	var w struct {
		*plain
		MaxConcurrentConversation wire.Int64
		CreationTime              wire.Millis
		CreatorID                 wire.Int64 `json:"CreatorId"`
		IsPreset                  wire.Bool
	}
	w.plain = (*plain)(in)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	in.MaxConcurrentConversation = int(w.MaxConcurrentConversation)
	in.CreationTime = w.CreationTime.Time
	in.CreatorID = int64(w.CreatorID)
	in.IsPreset = bool(w.IsPreset)
	if in.InstanceID == "" {
		return errNoInstanceID
	}
	return nil
}

// The shapes an answer must have (a *DecodeError otherwise): an instance
// names itself, and an answer holds its payload.
var (
	errNoInstanceID = wire.Missing("an instance", "InstanceId")
	errNoInstance   = wire.Missing("the answer", "Instance")
	errNoInstances  = wire.Missing("the answer", "Instances")
)

// readInstanceAnswer reads an answer whose payload is one Instance, as
// the UnmarshalJSON of CreateInstanceResponse, DescribeInstanceResponse
// and ModifyInstanceResponse do: without an Instance (absent or null) the
// answer is not the documented shape.
func readInstanceAnswer(b []byte) (requestID string, in Instance, err error) {
	var w struct {
		RequestID string `json:"RequestId"`
		Instance  *Instance
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return "", Instance{}, err
	}
	if w.Instance == nil {
		return "", Instance{}, errNoInstance
	}
	return w.RequestID, *w.Instance, nil
}

// Tag is a resource tag, as listed in Instance.ResourceTags and used to
// filter ListInstances.
type Tag struct {
	Key   string `json:"Key" url:"Key"`
	Value string `json:"Value" url:"Value"`
}

// NluServiceType is the conversation engine an instance uses.
type NluServiceType string

// The documented NluServiceType values. The service uses Managed when none
// is given.
const (
	NluServiceDialogStudio NluServiceType = "DialogStudio" // Conversation Engine 3.0
	NluServiceAuthorized   NluServiceType = "Authorized"   // a bot service the customer bought on the public cloud
	NluServiceProvided     NluServiceType = "Provided"     // an on-premises bot
	NluServiceManaged      NluServiceType = "Managed"      // the legacy canvas; the default
)

// Valid reports whether t is empty (the default) or a documented value.
func (t NluServiceType) Valid() bool {
	switch t {
	case "", NluServiceDialogStudio, NluServiceAuthorized, NluServiceProvided, NluServiceManaged:
		return true
	}
	return false
}
