package ccc

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
	ID                  string `json:"Id"`
	Name                string
	Description         string
	DomainName          string
	Status              InstanceStatus
	ConsoleURL          string      `json:"ConsoleUrl"`
	AliyunUID           wire.String `json:"AliyunUid"`
	CreateTime          wire.Millis
	AdminList           []User
	NumberList          []phoneNumberWire
	AgentType           string
	ChatbotBusinessUnit struct {
		UnitID  wire.Int64 `json:"UnitId"`
		UnitKey string
	}
}

func (w *instanceWire) instance() Instance {
	in := Instance{
		ID:          w.ID,
		Name:        w.Name,
		Description: w.Description,
		DomainName:  w.DomainName,
		Status:      w.Status,
		ConsoleURL:  w.ConsoleURL,
		AliyunUID:   string(w.AliyunUID),
		CreateTime:  w.CreateTime.Time,
		AdminList:   w.AdminList,
		AgentType:   w.AgentType,
		ChatbotBusinessUnit: ChatbotBusinessUnit{
			UnitID:  int64(w.ChatbotBusinessUnit.UnitID),
			UnitKey: w.ChatbotBusinessUnit.UnitKey,
		},
	}
	if w.NumberList != nil {
		in.NumberList = make([]PhoneNumber, len(w.NumberList))
		for i := range w.NumberList {
			in.NumberList[i] = w.NumberList[i].phoneNumber()
		}
	}
	return in
}

// phoneNumberWire mirrors PhoneNumber.
type phoneNumberWire struct {
	Number        string
	City          string
	Province      string
	InstanceID    string `json:"InstanceId"`
	ContactFlowID string `json:"ContactFlowId"`
	Usage         NumberUsage
	UserID        string `json:"UserId"`
	Active        wire.Bool
	SkillGroups   []skillGroupWire
}

func (w *phoneNumberWire) phoneNumber() PhoneNumber {
	p := PhoneNumber{
		Number:        w.Number,
		City:          w.City,
		Province:      w.Province,
		InstanceID:    w.InstanceID,
		ContactFlowID: w.ContactFlowID,
		Usage:         w.Usage,
		UserID:        w.UserID,
		Active:        bool(w.Active),
	}
	if w.SkillGroups != nil {
		p.SkillGroups = make([]SkillGroup, len(w.SkillGroups))
		for i := range w.SkillGroups {
			g := &w.SkillGroups[i]
			p.SkillGroups[i] = SkillGroup{
				SkillGroupID:     g.SkillGroupID,
				Name:             g.Name,
				DisplayName:      g.DisplayName,
				Description:      g.Description,
				InstanceID:       g.InstanceID,
				PhoneNumberCount: int(g.PhoneNumberCount),
				UserCount:        int(g.UserCount),
			}
		}
	}
	return p
}

// skillGroupWire mirrors SkillGroup.
type skillGroupWire struct {
	SkillGroupID     string `json:"SkillGroupId"`
	Name             string
	DisplayName      string
	Description      string
	InstanceID       string `json:"InstanceId"`
	PhoneNumberCount wire.Int64
	UserCount        wire.Int64
}

// getInstanceWire mirrors GetInstanceResponse.
type getInstanceWire struct {
	rpc.Envelope
	Data instanceWire
}

func getInstanceFromWire(w *getInstanceWire) *GetInstanceResponse {
	return &GetInstanceResponse{RequestID: w.RequestID, Instance: w.Data.instance()}
}

// dataWire mirrors the answers whose Data is text: CreateInstance and
// ModifyInstance.
type dataWire struct {
	rpc.Envelope
	Data string
}

func createInstanceFromWire(w *dataWire) *CreateInstanceResponse {
	return &CreateInstanceResponse{RequestID: w.RequestID, WorkflowID: w.Data}
}

func modifyInstanceFromWire(w *dataWire) *ModifyInstanceResponse {
	return &ModifyInstanceResponse{RequestID: w.RequestID, Data: w.Data}
}

// pageWire mirrors a page of ListInstances or ListInstancesOfUser.
type pageWire struct {
	rpc.Envelope
	Data struct {
		PageNumber, PageSize, TotalCount wire.Int64
		List                             []instanceWire
	}
}

func listInstancesFromWire(w *pageWire) *ListInstancesResponse {
	r := &ListInstancesResponse{RequestID: w.RequestID,
		PageNumber: int(w.Data.PageNumber), PageSize: int(w.Data.PageSize), TotalCount: int(w.Data.TotalCount)}
	if w.Data.List != nil {
		r.Instances = make([]Instance, len(w.Data.List))
		for i := range w.Data.List {
			r.Instances[i] = w.Data.List[i].instance()
		}
	}
	return r
}

func listInstancesOfUserFromWire(w *pageWire) *ListInstancesOfUserResponse {
	return (*ListInstancesOfUserResponse)(listInstancesFromWire(w))
}
