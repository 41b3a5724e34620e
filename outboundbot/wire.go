package outboundbot

import (
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// The wire mirrors below are what the client decodes an answer into, in one
// pass with its envelope (rpc.DoWire): the JSON names of the public types,
// the lenient fields typed as wire scalars, and no UnmarshalJSON anywhere,
// so no byte is scanned twice. Each is converted into the public type,
// which reads the same as the public type's own UnmarshalJSON.

// instanceWire mirrors Instance.
type instanceWire struct {
	InstanceID                string `json:"InstanceId"`
	InstanceName              string
	InstanceDescription       string
	MaxConcurrentConversation wire.Int64
	CreationTime              wire.Millis
	CreatorID                 wire.Int64 `json:"CreatorId"`
	CreatorName               string
	OwnerName                 string
	ResourceGroupID           string `json:"ResourceGroupId"`
	ResourceTags              []Tag
	IsPreset                  wire.Bool
}

func (w *instanceWire) instance() Instance {
	return Instance{
		InstanceID:                w.InstanceID,
		InstanceName:              w.InstanceName,
		InstanceDescription:       w.InstanceDescription,
		MaxConcurrentConversation: int(w.MaxConcurrentConversation),
		CreationTime:              w.CreationTime.Time,
		CreatorID:                 int64(w.CreatorID),
		CreatorName:               w.CreatorName,
		OwnerName:                 w.OwnerName,
		ResourceGroupID:           w.ResourceGroupID,
		ResourceTags:              w.ResourceTags,
		IsPreset:                  bool(w.IsPreset),
	}
}

// instanceAnswerWire mirrors the answers that carry one Instance:
// CreateInstance, DescribeInstance and ModifyInstance.
type instanceAnswerWire struct {
	rpc.Envelope
	Instance instanceWire
}

// requestWire mirrors an answer with nothing but its envelope.
type requestWire struct{ rpc.Envelope }

func describeInstanceFromWire(w *instanceAnswerWire) *DescribeInstanceResponse {
	return &DescribeInstanceResponse{RequestID: w.RequestID, Instance: w.Instance.instance()}
}

func createInstanceFromWire(w *instanceAnswerWire) *CreateInstanceResponse {
	return &CreateInstanceResponse{RequestID: w.RequestID, Instance: w.Instance.instance()}
}

func modifyInstanceFromWire(w *instanceAnswerWire) *ModifyInstanceResponse {
	return &ModifyInstanceResponse{RequestID: w.RequestID, Instance: w.Instance.instance()}
}

func deleteInstanceFromWire(w *requestWire) *DeleteInstanceResponse {
	return &DeleteInstanceResponse{RequestID: w.RequestID}
}

// listInstancesWire mirrors ListInstancesResponse.
type listInstancesWire struct {
	rpc.Envelope
	Instances                        []instanceWire
	TotalCount, PageNumber, PageSize wire.Int64
}

func listInstancesFromWire(w *listInstancesWire) *ListInstancesResponse {
	r := &ListInstancesResponse{RequestID: w.RequestID,
		TotalCount: int(w.TotalCount), PageNumber: int(w.PageNumber), PageSize: int(w.PageSize)}
	if w.Instances != nil {
		r.Instances = make([]Instance, len(w.Instances))
		for i := range w.Instances {
			r.Instances[i] = w.Instances[i].instance()
		}
	}
	return r
}
