package ccc

import (
	"encoding/json"
	"time"

	"github.com/typedcloud/sdk-go/internal/wire"
)

// Instance is a Contact Center instance (the API's CallCenterInstance).
//
// GetInstance, ListInstances and ListInstancesOfUser return it with these
// differences: CreateTime is set only by ListInstances; the NumberList
// items of ListInstances may carry only Number; AgentType and
// ChatbotBusinessUnit come only from GetInstance, and only from newer
// versions of the service.
type Instance struct {
	// ID identifies the instance. It equals DomainName, e.g. "ccc-test".
	ID          string `json:"Id"`
	Name        string `json:"Name"`
	Description string `json:"Description"`
	// DomainName is the instance's globally unique second-level domain,
	// chosen at creation.
	DomainName string         `json:"DomainName"`
	Status     InstanceStatus `json:"Status"`
	// ConsoleURL is the instance's workbench,
	// https://ccc-v2.aliyun.com/#/workbench/<ID>.
	ConsoleURL string `json:"ConsoleUrl"`
	// AliyunUID is the ID of the Alibaba Cloud account that owns the
	// instance: digits, kept as text.
	AliyunUID string `json:"AliyunUid"`
	// CreateTime is when the instance was created (sent as epoch
	// milliseconds). Only ListInstances returns it; it is zero otherwise.
	CreateTime time.Time     `json:"CreateTime"`
	AdminList  []User        `json:"AdminList"`  // the administrators
	NumberList []PhoneNumber `json:"NumberList"` // the instance's phone numbers
	// AgentType and ChatbotBusinessUnit are returned by newer versions of
	// GetInstance; their meaning is not documented.
	AgentType           string              `json:"AgentType"`
	ChatbotBusinessUnit ChatbotBusinessUnit `json:"ChatbotBusinessUnit"`
}

// UnmarshalJSON decodes an instance, reading CreateTime as epoch
// milliseconds (a number or a string) and AliyunUID as text even when it
// is sent as a number. An instance without Id (an empty object, null) is
// an error.
func (in *Instance) UnmarshalJSON(b []byte) error {
	type plain Instance
	var w struct {
		*plain
		AliyunUID  wire.String `json:"AliyunUid"`
		CreateTime wire.Millis
	}
	w.plain = (*plain)(in)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	in.AliyunUID, in.CreateTime = string(w.AliyunUID), w.CreateTime.Time
	if in.ID == "" {
		return errNoInstanceID
	}
	return nil
}

// The shapes an answer must have (a *DecodeError otherwise): an instance
// names itself, and an answer holds its payload.
var (
	errNoInstanceID = wire.Missing("an instance", "Id")
	errNoData       = wire.Missing("the answer", "Data")
	errNoList       = wire.Missing("the answer's Data", "List")
)

// InstanceStatus is the state of an instance.
type InstanceStatus string

// The documented InstanceStatus values. CreateInstance starts an instance
// in InstanceStatusCreating. A value the service adds later decodes as
// sent.
const (
	InstanceStatusCreating InstanceStatus = "CREATING"
	InstanceStatusRunning  InstanceStatus = "RUNNING"
	InstanceStatusStopped  InstanceStatus = "STOPPED"
	InstanceStatusReleased InstanceStatus = "RELEASED"
)

// User is a user of an instance; Instance.AdminList holds its
// administrators.
type User struct {
	// UserID is "<LoginName>@<InstanceID>", e.g. "user-test@ccc-test".
	UserID      string `json:"UserId"`
	LoginName   string `json:"LoginName"`
	DisplayName string `json:"DisplayName"`
	Email       string `json:"Email"`
	Mobile      string `json:"Mobile"`
	Extension   string `json:"Extension"` // the extension number
	InstanceID  string `json:"InstanceId"`
	// RoleID is "<Role>@<InstanceID>", e.g. "Admin@ccc-test".
	RoleID string `json:"RoleId"`
	// RoleName is Admin, Manager (a skill-group lead) or Agent.
	RoleName string `json:"RoleName"`
	// WorkMode is ON_SITE, OFF_SITE or OFFICE_PHONE.
	WorkMode string `json:"WorkMode"`
}

// PhoneNumber is a phone number of an instance.
type PhoneNumber struct {
	Number     string `json:"Number"`
	City       string `json:"City"`     // where the number is registered
	Province   string `json:"Province"` // where the number is registered
	InstanceID string `json:"InstanceId"`
	// ContactFlowID is the IVR contact flow linked to the number.
	ContactFlowID string      `json:"ContactFlowId"`
	Usage         NumberUsage `json:"Usage"`
	// UserID, when set, makes this the personal number of that agent.
	UserID      string       `json:"UserId"`
	Active      bool         `json:"Active"` // the number can be used
	SkillGroups []SkillGroup `json:"SkillGroups"`
}

// UnmarshalJSON decodes a phone number, accepting Active as "true" or
// "false" too.
func (p *PhoneNumber) UnmarshalJSON(b []byte) error {
	type plain PhoneNumber
	var w struct {
		*plain
		Active wire.Bool
	}
	w.plain = (*plain)(p)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	p.Active = bool(w.Active)
	return nil
}

// NumberUsage is what a phone number is used for.
type NumberUsage string

// The documented NumberUsage values.
const (
	UsageOutbound    NumberUsage = "Outbound"
	UsageInbound     NumberUsage = "Inbound"
	UsageBidirection NumberUsage = "Bidirection" // inbound and outbound
)

// SkillGroup is a skill group a phone number is linked to.
type SkillGroup struct {
	SkillGroupID     string `json:"SkillGroupId"` // "<Name>@<InstanceID>"
	Name             string `json:"Name"`
	DisplayName      string `json:"DisplayName"`
	Description      string `json:"Description"`
	InstanceID       string `json:"InstanceId"`
	PhoneNumberCount int    `json:"PhoneNumberCount"` // numbers linked to the group
	UserCount        int    `json:"UserCount"`        // agents in the group
}

// UnmarshalJSON decodes a skill group, accepting its counts as JSON
// strings too.
func (g *SkillGroup) UnmarshalJSON(b []byte) error {
	type plain SkillGroup
	var w struct {
		*plain
		PhoneNumberCount, UserCount wire.Int64
	}
	w.plain = (*plain)(g)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	g.PhoneNumberCount, g.UserCount = int(w.PhoneNumberCount), int(w.UserCount)
	return nil
}

// ChatbotBusinessUnit is the chatbot business unit of an instance, returned
// by newer versions of GetInstance; its meaning is not documented.
type ChatbotBusinessUnit struct {
	UnitID  int64  `json:"UnitId"`
	UnitKey string `json:"UnitKey"`
}

// UnmarshalJSON decodes the unit, accepting UnitID as a JSON string too.
func (u *ChatbotBusinessUnit) UnmarshalJSON(b []byte) error {
	var w struct {
		UnitID  wire.Int64 `json:"UnitId"`
		UnitKey string
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*u = ChatbotBusinessUnit{UnitID: int64(w.UnitID), UnitKey: w.UnitKey}
	return nil
}
