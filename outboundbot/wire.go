package outboundbot

import (
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// The functions below decode each answer as the client receives it: in one
// pass over the bytes, envelope and payload together (rpc.Do), without
// reflection. Each assigns the members its type holds, reads the lenient
// ones as the wire types do, and hands every other member to the envelope.
// They read exactly what the public types' UnmarshalJSON (encoding/json)
// read from the same bytes: wire_test.go checks it on every documented
// answer and by fuzzing.

func decodeInstance(d *wire.Decoder, in *Instance) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("InstanceId"):
			in.InstanceID = d.Str()
		case k.Is("InstanceName"):
			in.InstanceName = d.Str()
		case k.Is("InstanceDescription"):
			in.InstanceDescription = d.Str()
		case k.Is("MaxConcurrentConversation"):
			in.MaxConcurrentConversation = int(d.LenientInt())
		case k.Is("CreationTime"):
			in.CreationTime = d.Millis()
		case k.Is("CreatorId"):
			in.CreatorID = d.LenientInt()
		case k.Is("CreatorName"):
			in.CreatorName = d.Str()
		case k.Is("OwnerName"):
			in.OwnerName = d.Str()
		case k.Is("ResourceGroupId"):
			in.ResourceGroupID = d.Str()
		case k.Is("ResourceTags"):
			in.ResourceTags = wire.Slice(d, in.ResourceTags, decodeTag)
		case k.Is("IsPreset"):
			in.IsPreset = d.LenientBool()
		default:
			d.Skip()
		}
	}
	if in.InstanceID == "" {
		d.Reject(errNoInstanceID)
	}
}

func decodeTag(d *wire.Decoder, t *Tag) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Key"):
			t.Key = d.Str()
		case k.Is("Value"):
			t.Value = d.Str()
		default:
			d.Skip()
		}
	}
}

// instanceAnswer reads an answer whose payload is one Instance:
// CreateInstance, DescribeInstance and ModifyInstance. Without one (absent
// or null) the answer is not the documented shape.
func instanceAnswer(d *wire.Decoder, env *rpc.Envelope) Instance {
	var in Instance
	found := false
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case !k.Is("Instance"):
			env.Member(d, k)
		case d.Null():
			d.Skip()
			found = false
		default:
			found, in = true, Instance{}
			decodeInstance(d, &in)
		}
	}
	if !found {
		d.Reject(errNoInstance)
	}
	return in
}

func decodeDescribeInstance(d *wire.Decoder, env *rpc.Envelope) *DescribeInstanceResponse {
	in := instanceAnswer(d, env)
	return &DescribeInstanceResponse{RequestID: env.RequestID, Instance: in}
}

func decodeCreateInstance(d *wire.Decoder, env *rpc.Envelope) *CreateInstanceResponse {
	in := instanceAnswer(d, env)
	return &CreateInstanceResponse{RequestID: env.RequestID, Instance: in}
}

func decodeModifyInstance(d *wire.Decoder, env *rpc.Envelope) *ModifyInstanceResponse {
	in := instanceAnswer(d, env)
	return &ModifyInstanceResponse{RequestID: env.RequestID, Instance: in}
}

func decodeDeleteInstance(d *wire.Decoder, env *rpc.Envelope) *DeleteInstanceResponse {
	for m := d.Object(); m.Next(); {
		env.Member(d, m.Key())
	}
	return &DeleteInstanceResponse{RequestID: env.RequestID}
}

func decodeListInstances(d *wire.Decoder, env *rpc.Envelope) *ListInstancesResponse {
	r := new(ListInstancesResponse)
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Instances"):
			r.Instances = wire.PageSlice(d, r.Instances, MaxPageSize, decodeInstance)
		case k.Is("TotalCount"):
			r.TotalCount = int(d.LenientInt())
		case k.Is("PageNumber"):
			r.PageNumber = int(d.LenientInt())
		case k.Is("PageSize"):
			r.PageSize = int(d.LenientInt())
		default:
			env.Member(d, k)
		}
	}
	if r.Instances == nil { // absent or null; [] is an empty page
		d.Reject(errNoInstances)
	}
	r.RequestID = env.RequestID
	return r
}
