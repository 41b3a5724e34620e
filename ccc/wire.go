package ccc

import (
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// The functions below decode each answer as the client receives it: in one
// pass over the bytes, envelope and payload together (rpc.Do), without
// reflection. Each assigns the members its type holds, reads the lenient
// ones as the wire types do, and hands every other top-level member to the
// envelope. They read exactly what the public types' UnmarshalJSON
// (encoding/json) read from the same bytes: wire_test.go checks it on every
// documented answer and by fuzzing.

func decodeInstance(d *wire.Decoder, in *Instance) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Id"):
			in.ID = d.Str()
		case k.Is("Name"):
			in.Name = d.Str()
		case k.Is("Description"):
			in.Description = d.Str()
		case k.Is("DomainName"):
			in.DomainName = d.Str()
		case k.Is("Status"):
			in.Status = InstanceStatus(d.Str())
		case k.Is("ConsoleUrl"):
			in.ConsoleURL = d.Str()
		case k.Is("AliyunUid"):
			in.AliyunUID = d.LenientString()
		case k.Is("CreateTime"):
			in.CreateTime = d.Millis()
		case k.Is("AdminList"):
			in.AdminList = wire.Slice(d, in.AdminList, decodeUser)
		case k.Is("NumberList"):
			in.NumberList = wire.Slice(d, in.NumberList, decodePhoneNumber)
		case k.Is("AgentType"):
			in.AgentType = d.Str()
		case k.Is("ChatbotBusinessUnit"):
			in.ChatbotBusinessUnit = decodeChatbotBusinessUnit(d)
		default:
			d.Skip()
		}
	}
	if in.ID == "" {
		d.Reject(errNoInstanceID)
	}
}

func decodeUser(d *wire.Decoder, u *User) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("UserId"):
			u.UserID = d.Str()
		case k.Is("LoginName"):
			u.LoginName = d.Str()
		case k.Is("DisplayName"):
			u.DisplayName = d.Str()
		case k.Is("Email"):
			u.Email = d.Str()
		case k.Is("Mobile"):
			u.Mobile = d.Str()
		case k.Is("Extension"):
			u.Extension = d.Str()
		case k.Is("InstanceId"):
			u.InstanceID = d.Str()
		case k.Is("RoleId"):
			u.RoleID = d.Str()
		case k.Is("RoleName"):
			u.RoleName = d.Str()
		case k.Is("WorkMode"):
			u.WorkMode = d.Str()
		default:
			d.Skip()
		}
	}
}

func decodePhoneNumber(d *wire.Decoder, p *PhoneNumber) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Number"):
			p.Number = d.Str()
		case k.Is("City"):
			p.City = d.Str()
		case k.Is("Province"):
			p.Province = d.Str()
		case k.Is("InstanceId"):
			p.InstanceID = d.Str()
		case k.Is("ContactFlowId"):
			p.ContactFlowID = d.Str()
		case k.Is("Usage"):
			p.Usage = NumberUsage(d.Str())
		case k.Is("UserId"):
			p.UserID = d.Str()
		case k.Is("Active"):
			p.Active = d.LenientBool()
		case k.Is("SkillGroups"):
			p.SkillGroups = wire.Slice(d, p.SkillGroups, decodeSkillGroup)
		default:
			d.Skip()
		}
	}
}

func decodeSkillGroup(d *wire.Decoder, g *SkillGroup) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("SkillGroupId"):
			g.SkillGroupID = d.Str()
		case k.Is("Name"):
			g.Name = d.Str()
		case k.Is("DisplayName"):
			g.DisplayName = d.Str()
		case k.Is("Description"):
			g.Description = d.Str()
		case k.Is("InstanceId"):
			g.InstanceID = d.Str()
		case k.Is("PhoneNumberCount"):
			g.PhoneNumberCount = int(d.LenientInt())
		case k.Is("UserCount"):
			g.UserCount = int(d.LenientInt())
		default:
			d.Skip()
		}
	}
}

// decodeChatbotBusinessUnit reads the whole unit anew, as its
// UnmarshalJSON does.
func decodeChatbotBusinessUnit(d *wire.Decoder) ChatbotBusinessUnit {
	var u ChatbotBusinessUnit
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("UnitId"):
			u.UnitID = d.LenientInt()
		case k.Is("UnitKey"):
			u.UnitKey = d.Str()
		default:
			d.Skip()
		}
	}
	return u
}

// decodeGetInstance reads the answer of GetInstance, whose Data is the
// instance: without it (absent or null) the answer is not the documented
// shape.
func decodeGetInstance(d *wire.Decoder, env *rpc.Envelope) *GetInstanceResponse {
	r := new(GetInstanceResponse)
	found := false
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case !k.Is("Data"):
			env.Member(d, k)
		case d.Null():
			d.Skip()
			found = false
		default:
			found, r.Instance = true, Instance{}
			decodeInstance(d, &r.Instance)
		}
	}
	if !found {
		d.Reject(errNoData)
	}
	r.RequestID = env.RequestID
	return r
}

// dataText reads an answer whose Data is text: CreateInstance and
// ModifyInstance.
func dataText(d *wire.Decoder, env *rpc.Envelope) string {
	var data string
	for m := d.Object(); m.Next(); {
		if k := m.Key(); k.Is("Data") {
			data = d.Str()
		} else {
			env.Member(d, k)
		}
	}
	return data
}

// decodeCreateInstance reads the answer of CreateInstance, whose Data is
// the workflow ID: without it the answer is not the documented shape.
func decodeCreateInstance(d *wire.Decoder, env *rpc.Envelope) *CreateInstanceResponse {
	data := dataText(d, env)
	if data == "" {
		d.Reject(errNoData)
	}
	return &CreateInstanceResponse{RequestID: env.RequestID, WorkflowID: data}
}

func decodeModifyInstance(d *wire.Decoder, env *rpc.Envelope) *ModifyInstanceResponse {
	data := dataText(d, env)
	return &ModifyInstanceResponse{RequestID: env.RequestID, Data: data}
}

// decodeDeleteInstance reads the answer of DeleteInstance, whose Data is
// the deletion task's ID: without it the answer is not the documented
// shape. Params is a list of text.
func decodeDeleteInstance(d *wire.Decoder, env *rpc.Envelope) *DeleteInstanceResponse {
	r := new(DeleteInstanceResponse)
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Data"):
			r.TaskID = d.Str()
		case k.Is("Params"):
			r.Params = wire.Slice(d, r.Params, decodeText)
		default:
			env.Member(d, k)
		}
	}
	if r.TaskID == "" {
		d.Reject(errNoData)
	}
	r.RequestID = env.RequestID
	return r
}

func decodeText(d *wire.Decoder, s *string) { *s = d.Str() }

// decodeListInstances reads a page of ListInstances or
// ListInstancesOfUser: the list and its counts are in Data.
// Without Data, or a Data without List (absent or null), the answer is not
// the documented shape.
func decodeListInstances(d *wire.Decoder, env *rpc.Envelope) *ListInstancesResponse {
	r := new(ListInstancesResponse)
	found := false
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case !k.Is("Data"):
			env.Member(d, k)
		case d.Null():
			d.Skip()
			found = false
		default:
			found = true
			decodePage(d, r)
		}
	}
	if !found {
		d.Reject(errNoData)
	}
	r.RequestID = env.RequestID
	return r
}

func decodePage(d *wire.Decoder, r *ListInstancesResponse) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("List"):
			r.Instances = wire.PageSlice(d, r.Instances, MaxPageSize, decodeInstance)
		case k.Is("PageNumber"):
			r.PageNumber = int(d.LenientInt())
		case k.Is("PageSize"):
			r.PageSize = int(d.LenientInt())
		case k.Is("TotalCount"):
			r.TotalCount = int(d.LenientInt())
		default:
			d.Skip()
		}
	}
	if r.Instances == nil { // absent or null; [] is an empty page
		d.Reject(errNoList)
	}
}

func decodeListInstancesOfUser(d *wire.Decoder, env *rpc.Envelope) *ListInstancesOfUserResponse {
	return (*ListInstancesOfUserResponse)(decodeListInstances(d, env))
}
