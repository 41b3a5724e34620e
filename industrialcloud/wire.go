package industrialcloud

import (
	"time"

	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// The functions below decode the Response object of each answer as the
// client receives it: in one pass over the bytes, envelope and payload
// together (tc3api.Do), without reflection. Each assigns the members its
// type holds, reads the lenient ones as the wire types do, and hands every
// other member to the envelope. They accept exactly what the public types'
// UnmarshalJSON (encoding/json) accept, and read the same from it; where
// those fail for a reason the decoder does not see (a missing object, a
// bad time), they reject the answer with d.Reject. wire_test.go checks it
// on every documented answer and by fuzzing.

func decodeDescribeInstance(d *wire.Decoder, env *tc3api.Envelope) *DescribeInstanceResponse {
	var (
		in        Instance
		found     bool
		dataItems []CustomSpecItem
	)
	for m := d.Object(); m.Next(); {
		k := m.Key()
		if !k.Is("Data") {
			env.Member(d, k)
			continue
		}
		// Data is a pointer to encoding/json: null leaves it nil, and the
		// answer without Data.Instance.
		found = false
		for m := d.Object(); m.Next(); {
			switch k := m.Key(); {
			case k.Is("Instance"):
				found, in = !d.Null(), Instance{}
				if found {
					decodeInstance(d, &in)
				} else {
					d.Skip()
				}
			case k.Is("CustomSpecItems"):
				dataItems = wire.Slice(d, dataItems, decodeCustomSpecItem)
			default:
				d.Skip()
			}
		}
	}
	if !found {
		d.Reject(errNoInstance)
	}
	if len(in.CustomSpecItems) == 0 && len(dataItems) > 0 {
		in.CustomSpecItems = dataItems
	}
	return &DescribeInstanceResponse{RequestID: env.RequestID, Instance: in}
}

func decodeDescribeInstances(d *wire.Decoder, env *tc3api.Envelope) *DescribeInstancesResponse {
	var (
		r     DescribeInstancesResponse
		found bool
	)
	for m := d.Object(); m.Next(); {
		k := m.Key()
		if !k.Is("Data") {
			env.Member(d, k)
			continue
		}
		found = !d.Null() // Data is a pointer: null is an answer without Data
		for m := d.Object(); m.Next(); {
			switch k := m.Key(); {
			case k.Is("TotalCount"):
				r.TotalCount = int(d.LenientInt())
			case k.Is("Instances"):
				r.Instances = wire.PageSlice(d, r.Instances, MaxLimit, decodeInstance)
			default:
				d.Skip()
			}
		}
	}
	switch {
	case !found:
		d.Reject(errNoData)
	case r.Instances == nil: // absent or null; [] is an empty page
		d.Reject(errNoInstances)
	}
	r.RequestID = env.RequestID
	return &r
}

func decodeModifyInstanceName(d *wire.Decoder, env *tc3api.Envelope) *ModifyInstanceNameResponse {
	for m := d.Object(); m.Next(); {
		env.Member(d, m.Key())
	}
	return &ModifyInstanceNameResponse{RequestID: env.RequestID}
}

// decodeInstance reads an instance as Instance.UnmarshalJSON does, and
// rejects it where that fails on values the decoder accepts: a time
// parseTime refuses, and an instance without UUID.
func decodeInstance(d *wire.Decoder, in *Instance) {
	readTime := func(name string, dst *time.Time) {
		t, err := parseTime(name, d.LenientString())
		if *dst = t; err != nil {
			d.Reject(err)
		}
	}
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("ID"):
			in.ID = d.LenientString()
		case k.Is("UUID"):
			in.UUID = d.Str()
		case k.Is("Appid"):
			in.AppID = d.LenientInt()
		case k.Is("Bid"):
			in.Bid = d.LenientInt()
		case k.Is("InstanceName"):
			in.InstanceName = d.Str()
		case k.Is("Status"):
			in.Status = Status(d.Str())
		case k.Is("SubStatus"):
			in.SubStatus = d.Str()
		case k.Is("SourceInstanceID"):
			in.SourceInstanceID = d.Str()
		case k.Is("LastOrderID"):
			in.LastOrderID = d.LenientString()
		case k.Is("InstanceCreateTime"):
			readTime("InstanceCreateTime", &in.InstanceCreateTime)
		case k.Is("InstanceExpireTime"):
			readTime("InstanceExpireTime", &in.InstanceExpireTime)
		case k.Is("InstanceExpireTimeUnix"):
			in.InstanceExpireTimeUnix = d.LenientInt()
		case k.Is("CreatedAt"):
			readTime("CreatedAt", &in.CreatedAt)
		case k.Is("UpdatedAt"):
			readTime("UpdatedAt", &in.UpdatedAt)
		case k.Is("Categories"):
			in.Categories = wire.Slice(d, in.Categories, decodeCategory)
		case k.Is("CustomSpecItems"):
			in.CustomSpecItems = wire.Slice(d, in.CustomSpecItems, decodeCustomSpecItem)
		default:
			if !instanceFlag(d, k, in) {
				instanceText(d, k, in)
			}
		}
	}
	// UnmarshalJSON falls back after reading every member, whatever their
	// order.
	if in.InstanceExpireTime.IsZero() && in.InstanceExpireTimeUnix > 0 {
		in.InstanceExpireTime = time.Unix(in.InstanceExpireTimeUnix, 0).UTC()
	}
	if in.UUID == "" {
		d.Reject(errNoUUID)
	}
}

// instanceFlag reads k into its boolean field of in, leniently, and
// reports whether k names one.
func instanceFlag(d *wire.Decoder, k wire.Key, in *Instance) bool {
	var dst *bool
	switch {
	case k.Is("IsTrial"):
		dst = &in.IsTrial
	case k.Is("Renewable"):
		dst = &in.Renewable
	case k.Is("CanRefund"):
		dst = &in.CanRefund
	case k.Is("HasRefunding"):
		dst = &in.HasRefunding
	case k.Is("CanCancelRefund"):
		dst = &in.CanCancelRefund
	case k.Is("Upgradable"):
		dst = &in.Upgradable
	case k.Is("IsConfirm"):
		dst = &in.IsConfirm
	case k.Is("CanConvert"):
		dst = &in.CanConvert
	default:
		return false
	}
	*dst = d.LenientBool()
	return true
}

// instanceText reads k into its plain string field of in (a string type,
// read strictly), and skips any other member.
func instanceText(d *wire.Decoder, k wire.Key, in *Instance) {
	var dst *string
	switch {
	case k.Is("ProductID"):
		dst = &in.ProductID
	case k.Is("ProductName"):
		dst = &in.ProductName
	case k.Is("ProductType"):
		dst = (*string)(&in.ProductType)
	case k.Is("ProductSource"):
		dst = (*string)(&in.ProductSource)
	case k.Is("SpecUuid"):
		dst = &in.SpecUUID
	case k.Is("CategoryID"):
		dst = &in.CategoryID
	case k.Is("CategoryName"):
		dst = &in.CategoryName
	case k.Is("DeliverType"):
		dst = (*string)(&in.DeliverType)
	case k.Is("LifeType"):
		dst = (*string)(&in.LifeType)
	case k.Is("ConvertStatus"):
		dst = &in.ConvertStatus
	case k.Is("BuyerUserID"):
		in.BuyerUserID = d.LenientString()
		return
	case k.Is("BuyerCorpID"):
		in.BuyerCorpID = d.LenientString()
		return
	case k.Is("IsvUin"):
		dst = &in.IsvUIN
	case k.Is("ApplicationID"):
		dst = &in.ApplicationID
	case k.Is("SSOUrl"):
		dst = &in.SSOURL
	case k.Is("LoginType"):
		dst = &in.LoginType
	case k.Is("Logo"):
		dst = &in.Logo
	case k.Is("Certificate"):
		dst = &in.Certificate
	case k.Is("AdditionalInfo"):
		dst = &in.AdditionalInfo
	case k.Is("AppInfo"):
		dst = &in.AppInfo
	default:
		d.Skip()
		return
	}
	*dst = d.Str()
}

func decodeCustomSpecItem(d *wire.Decoder, s *CustomSpecItem) {
	for m := d.Object(); m.Next(); {
		var dst *string
		switch k := m.Key(); {
		case k.Is("ID"):
			s.ID = d.LenientInt()
			continue
		case k.Is("Value"):
			s.Value = d.LenientString()
			continue
		case k.Is("InstanceUUID"):
			dst = &s.InstanceUUID
		case k.Is("Name"):
			dst = &s.Name
		case k.Is("NameEn"):
			dst = &s.NameEn
		case k.Is("Type"):
			dst = &s.Type
		case k.Is("CustomUuid"):
			dst = &s.CustomUUID
		case k.Is("UnitType"):
			dst = &s.UnitType
		case k.Is("Unit"):
			dst = &s.Unit
		default:
			d.Skip()
			continue
		}
		*dst = d.Str()
	}
}

func decodeCategory(d *wire.Decoder, c *Category) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("CategoryName"):
			c.CategoryName = d.Str()
		case k.Is("CategoryUuid"):
			c.CategoryUUID = d.Str()
		case k.Is("IsHidden"):
			c.IsHidden = d.LenientBool()
		default:
			d.Skip()
		}
	}
}
