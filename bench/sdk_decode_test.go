package bench

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// sdkDecode replicates, line for line, what the SDK does with a 2xx JSON
// answer to ListInstances: rpc.DoWire's decode (internal/rpc/envelope.go
// Client.decode, base.go wireOf.decodeWire: trim, one json.Unmarshal into
// the zeroed wire mirror, the embedded envelope checked) and the
// converter (outboundbot/wire.go listInstancesWire, listInstancesFromWire).
// Those are unexported, so the benchmark runs this copy, with the SDK's own
// rpc.Envelope and wire types; keep it in step with them.
func sdkDecode(raw []byte) (*outboundbot.ListInstancesResponse, error) {
	body := bytes.TrimSpace(raw)
	if len(body) == 0 || body[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	slot := new(sdkListWire)
	*slot = sdkListWire{}
	if err := json.Unmarshal(body, slot); err != nil {
		return nil, err
	}
	env := slot.RPCEnvelope()
	if env.Success == rpc.FlagFalse || env.RequestID == "" {
		return nil, errors.New("not a success")
	}
	switch env.Code {
	case "", "OK", "ok", "Success", "200":
	default:
		return nil, errors.New("not a success")
	}
	return sdkListFromWire(slot), nil
}

type sdkInstanceWire struct {
	InstanceID                string `json:"InstanceId"`
	InstanceName              string
	InstanceDescription       string
	MaxConcurrentConversation wire.Int64
	CreationTime              wire.Millis
	CreatorID                 wire.Int64 `json:"CreatorId"`
	CreatorName               string
	OwnerName                 string
	ResourceGroupID           string `json:"ResourceGroupId"`
	ResourceTags              []outboundbot.Tag
	IsPreset                  wire.Bool
}

type sdkListWire struct {
	rpc.Envelope
	Instances                        []sdkInstanceWire
	TotalCount, PageNumber, PageSize wire.Int64
}

func sdkListFromWire(w *sdkListWire) *outboundbot.ListInstancesResponse {
	r := &outboundbot.ListInstancesResponse{RequestID: w.RequestID,
		TotalCount: int(w.TotalCount), PageNumber: int(w.PageNumber), PageSize: int(w.PageSize)}
	if w.Instances != nil {
		r.Instances = make([]outboundbot.Instance, len(w.Instances))
		for i := range w.Instances {
			in := &w.Instances[i]
			r.Instances[i] = outboundbot.Instance{
				InstanceID:                in.InstanceID,
				InstanceName:              in.InstanceName,
				InstanceDescription:       in.InstanceDescription,
				MaxConcurrentConversation: int(in.MaxConcurrentConversation),
				CreationTime:              in.CreationTime.Time,
				CreatorID:                 int64(in.CreatorID),
				CreatorName:               in.CreatorName,
				OwnerName:                 in.OwnerName,
				ResourceGroupID:           in.ResourceGroupID,
				ResourceTags:              in.ResourceTags,
				IsPreset:                  bool(in.IsPreset),
			}
		}
	}
	return r
}
