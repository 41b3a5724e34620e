package industrialcloud

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/wire"
)

// Instance is an industrial cloud instance: a product a buyer purchased.
//
// DescribeInstance and DescribeInstances return the same type. The
// documentation lists a different set of fields for each; this is their
// union, plus fields the community SDK reads. A field an answer does not
// carry stays zero. Keys are matched case-insensitively, so "SourceInstanceId"
// and "SourceInstanceID", "SSOUrl" and "SSOURL", "Appid" and "AppID" all fill
// the same field.
type Instance struct {
	ID   string `json:"ID"`   // auto-increment row id (自增id)
	UUID string `json:"UUID"` // the instance UUID other operations take as InstanceUUID

	AppID int64 `json:"Appid"` // tenant id, default 0; sent as a string or a number
	Bid   int64 `json:"Bid"`   // the upper-layer application (business) id, default 0; string or number

	InstanceName string `json:"InstanceName"`
	Status       Status `json:"Status"`
	SubStatus    string `json:"SubStatus"`

	SourceInstanceID string `json:"SourceInstanceID"` // the instance id at the source (cloud market, third party)
	LastOrderID      string `json:"LastOrderID"`      // the current order; sent as a string or a number

	ProductID     string        `json:"ProductID"`
	ProductName   string        `json:"ProductName"` // DescribeInstances only
	ProductType   ProductType   `json:"ProductType"`
	ProductSource ProductSource `json:"ProductSource"`
	SpecUUID      string        `json:"SpecUuid"` // the product specification
	CategoryID    string        `json:"CategoryID"`
	CategoryName  string        `json:"CategoryName"` // DescribeInstances only
	Categories    []Category    `json:"Categories"`   // DescribeInstances, community SDK only
	DeliverType   DeliverType   `json:"DeliverType"`
	LifeType      LifeType      `json:"LifeType"`
	IsTrial       bool          `json:"IsTrial"`

	// InstanceCreateTime and InstanceExpireTime are read from RFC 3339,
	// "2006-01-02 15:04:05" (China Standard Time, UTC+8) or Unix seconds,
	// and returned in UTC. InstanceExpireTime falls back to
	// InstanceExpireTimeUnix when the answer has no InstanceExpireTime.
	InstanceCreateTime     time.Time `json:"InstanceCreateTime"`
	InstanceExpireTime     time.Time `json:"InstanceExpireTime"`
	InstanceExpireTimeUnix int64     `json:"InstanceExpireTimeUnix"` // Unix seconds as sent; 0 when absent

	Renewable       bool   `json:"Renewable"`       // show the renew button
	CanRefund       bool   `json:"CanRefund"`       // show the refund button
	HasRefunding    bool   `json:"HasRefunding"`    // show the refund-details tag
	CanCancelRefund bool   `json:"CanCancelRefund"` // community SDK only
	Upgradable      bool   `json:"Upgradable"`
	IsConfirm       bool   `json:"IsConfirm"`     // cloud-market manual delivery awaits confirmation; community SDK only
	CanConvert      bool   `json:"CanConvert"`    // a trial can become a purchase; community SDK only
	ConvertStatus   string `json:"ConvertStatus"` // community SDK only

	BuyerUserID string `json:"BuyerUserID"` // sent as a string or a number
	BuyerCorpID string `json:"BuyerCorpID"` // sent as a string or a number
	IsvUIN      string `json:"IsvUin"`      // the service provider

	ApplicationID  string `json:"ApplicationID"` // the IDaaS application
	SSOURL         string `json:"SSOUrl"`        // password-less login URL
	LoginType      string `json:"LoginType"`     // DescribeInstances, community SDK only
	Logo           string `json:"Logo"`          // DescribeInstances, community SDK only
	Certificate    string `json:"Certificate"`   // DescribeInstance, community SDK only
	AdditionalInfo string `json:"AdditionalInfo"`
	AppInfo        string `json:"AppInfo"`

	CreatedAt time.Time `json:"CreatedAt"` // same formats as InstanceCreateTime
	UpdatedAt time.Time `json:"UpdatedAt"`

	// CustomSpecItems are the extra billing items, returned by
	// DescribeInstance when With holds WithInstanceCustomSpecs. They are
	// found under Data.Instance (as documented) or under Data (as the
	// community SDK reads them).
	CustomSpecItems []CustomSpecItem `json:"CustomSpecItems"`
}

// UnmarshalJSON decodes an instance, accepting the ids as strings or
// numbers, booleans as "true"/"false", and the documented time formats. A
// value that cannot mean its field's type is an error, and so is an
// instance without UUID (an empty object, null).
func (in *Instance) UnmarshalJSON(b []byte) error {
	type plain Instance
	var w struct {
		*plain
		ID                                                 wire.String `json:"ID"`
		AppID                                              wire.Int64  `json:"Appid"`
		Bid                                                wire.Int64  `json:"Bid"`
		LastOrderID                                        wire.String `json:"LastOrderID"`
		BuyerUserID                                        wire.String `json:"BuyerUserID"`
		BuyerCorpID                                        wire.String `json:"BuyerCorpID"`
		InstanceExpireTimeUnix                             wire.Int64  `json:"InstanceExpireTimeUnix"`
		IsTrial, Renewable, CanRefund, HasRefunding        wire.Bool
		CanCancelRefund, Upgradable, IsConfirm, CanConvert wire.Bool
		InstanceCreateTime, InstanceExpireTime             wire.String
		CreatedAt, UpdatedAt                               wire.String
	}
	w.plain = (*plain)(in)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	in.ID, in.LastOrderID = string(w.ID), string(w.LastOrderID)
	in.AppID, in.Bid = int64(w.AppID), int64(w.Bid)
	in.BuyerUserID, in.BuyerCorpID = string(w.BuyerUserID), string(w.BuyerCorpID)
	in.InstanceExpireTimeUnix = int64(w.InstanceExpireTimeUnix)
	in.IsTrial, in.Renewable, in.CanRefund, in.HasRefunding = bool(w.IsTrial), bool(w.Renewable), bool(w.CanRefund), bool(w.HasRefunding)
	in.CanCancelRefund, in.Upgradable, in.IsConfirm, in.CanConvert = bool(w.CanCancelRefund), bool(w.Upgradable), bool(w.IsConfirm), bool(w.CanConvert)
	var err error
	for _, t := range []struct {
		name string
		raw  wire.String
		dst  *time.Time
	}{
		{"InstanceCreateTime", w.InstanceCreateTime, &in.InstanceCreateTime},
		{"InstanceExpireTime", w.InstanceExpireTime, &in.InstanceExpireTime},
		{"CreatedAt", w.CreatedAt, &in.CreatedAt},
		{"UpdatedAt", w.UpdatedAt, &in.UpdatedAt},
	} {
		if *t.dst, err = parseTime(t.name, string(t.raw)); err != nil {
			return err
		}
	}
	if in.InstanceExpireTime.IsZero() && in.InstanceExpireTimeUnix > 0 {
		in.InstanceExpireTime = time.Unix(in.InstanceExpireTimeUnix, 0).UTC()
	}
	if in.UUID == "" {
		return errNoUUID
	}
	return nil
}

// The shapes an answer must have (a *DecodeError otherwise): an instance
// names itself, and an answer holds its payload.
var (
	errNoUUID      = wire.Missing("an instance", "UUID")
	errNoData      = wire.Missing("the answer", "Data")
	errNoInstance  = wire.Missing("the answer", "Data.Instance")
	errNoInstances = wire.Missing("the answer", "Data.Instances")
)

// CustomSpecItem is an extra billing item of an instance (额外计费项), such
// as a number of user seats.
type CustomSpecItem struct {
	ID           int64  `json:"ID"` // auto-increment row id; sent as a number or a string
	InstanceUUID string `json:"InstanceUUID"`
	Name         string `json:"Name"`   // display name, e.g. "用户数"
	NameEn       string `json:"NameEn"` // parameter key, e.g. "users"
	Value        string `json:"Value"`  // sent as a string or a number
	Type         string `json:"Type"`
	CustomUUID   string `json:"CustomUuid"` // the custom billing item
	UnitType     string `json:"UnitType"`   // the kind of quantity
	Unit         string `json:"Unit"`       // e.g. "个"
}

// UnmarshalJSON decodes an item, accepting ID and Value as strings or numbers.
func (s *CustomSpecItem) UnmarshalJSON(b []byte) error {
	type plain CustomSpecItem
	var w struct {
		*plain
		ID    wire.Int64  `json:"ID"`
		Value wire.String `json:"Value"`
	}
	w.plain = (*plain)(s)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	s.ID, s.Value = int64(w.ID), string(w.Value)
	return nil
}

// Category is one category an instance is listed under (DescribeInstances,
// as the community SDK reads it).
type Category struct {
	CategoryName string `json:"CategoryName"`
	CategoryUUID string `json:"CategoryUuid"`
	IsHidden     bool   `json:"IsHidden"`
}

// UnmarshalJSON decodes a category, accepting IsHidden as "true"/"false".
func (c *Category) UnmarshalJSON(b []byte) error {
	type plain Category
	var w struct {
		*plain
		IsHidden wire.Bool
	}
	w.plain = (*plain)(c)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	c.IsHidden = bool(w.IsHidden)
	return nil
}

// chinaTime is the zone of times sent without one: the platform runs in
// mainland China, which keeps UTC+8 all year. A fixed zone needs no tzdata.
var chinaTime = time.FixedZone("CST", 8*60*60)

// zoneless are the layouts read in chinaTime. Fractional seconds are
// accepted after the seconds by time.Parse.
var zoneless = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

// parseTime reads a time field: "" and the zero spellings are the zero time;
// digits are Unix seconds (13 or more digits: milliseconds); RFC 3339 keeps
// its zone; the zone-less layouts are China Standard Time. The result is in
// UTC. Anything else is an error naming the field.
func parseTime(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "0", "0000-00-00 00:00:00", "0000-00-00", "null":
		return time.Time{}, nil
	}
	// Each parse is tried only where it can succeed: a failed parse
	// allocates its error, and this runs for every time of every instance.
	if n, ok := unixTime(s); ok {
		if n < 0 {
			return time.Time{}, timeError(field)
		}
		if len(s) >= 13 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	// RFC 3339 puts a T after the date's ten bytes (time.Parse reads the
	// year as four bytes, month and day as two digits each).
	if len(s) > 10 && (s[10] == 'T' || s[10] == 't') {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			if t.IsZero() {
				return time.Time{}, nil
			}
			return t.UTC(), nil
		}
	}
	for _, layout := range zoneless {
		if t, err := time.ParseInLocation(layout, s, chinaTime); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, timeError(field)
}

// unixTime reads s as strconv.ParseInt(s, 10, 64) does, calling it only
// for an optional sign and digits: anything else would fail, and a failed
// ParseInt allocates its error.
func unixTime(s string) (int64, bool) {
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// timeError names the field but not its value: the DecodeError's body
// snippet shows the value, redacted.
func timeError(field string) error {
	return fmt.Errorf("%s is not a time (want RFC 3339, \"2006-01-02 15:04:05\" or Unix seconds)", field)
}

// Status is an instance's state (工业云实例状态).
type Status string

// The documented Status values.
const (
	StatusDefault       Status = "default"
	StatusDelivering    Status = "delivering"     // being delivered (发货中)
	StatusDelivered     Status = "delivered"      // in use (使用中/已发货)
	StatusDeliverFailed Status = "deliver_failed" // delivery failed
	StatusExpired       Status = "expired"
	StatusDestroyed     Status = "destroyed" // closed (已关闭)
	StatusDeleted       Status = "deleted"
)

// Valid reports whether s is a documented value.
func (s Status) Valid() bool {
	switch s {
	case StatusDefault, StatusDelivering, StatusDelivered, StatusDeliverFailed, StatusExpired, StatusDestroyed, StatusDeleted:
		return true
	}
	return false
}

// ProductType is the kind of product an instance is.
type ProductType string

// The documented ProductType values.
const (
	ProductTypeCVM    ProductType = "cvm" // a cloud server
	ProductTypeCBS    ProductType = "cbs" // a cloud block storage disk
	ProductTypeIP     ProductType = "ip"
	ProductTypeOthers ProductType = "others" // everything else, SaaS applications included
)

// LifeType says whether an instance expires.
type LifeType string

// The documented LifeType values.
const (
	LifeTypeLimited   LifeType = "limited"   // valid until InstanceExpireTime
	LifeTypeUnlimited LifeType = "unlimited" // valid for good
)

// DeliverType is how an instance is delivered.
type DeliverType string

// The documented DeliverType values.
const (
	DeliverTypeSaaS   DeliverType = "saas"   // delivered automatically as SaaS
	DeliverTypeManual DeliverType = "manual" // delivered by hand
)

// Valid reports whether d is a documented value.
func (d DeliverType) Valid() bool { return d == DeliverTypeSaaS || d == DeliverTypeManual }

// ProductSource is where an instance's product comes from.
type ProductSource string

// The documented ProductSource values.
const (
	ProductSourceCloudMarket ProductSource = "cloud_market" // the cloud market
	ProductSourceLocal       ProductSource = "local"        // a local application
	ProductSourceIopThird    ProductSource = "iop_third"    // a third-party application; what integrators usually use
)

// Valid reports whether p is empty (no filter) or a documented value.
func (p ProductSource) Valid() bool {
	switch p {
	case "", ProductSourceCloudMarket, ProductSourceLocal, ProductSourceIopThird:
		return true
	}
	return false
}
