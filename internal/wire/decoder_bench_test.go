package wire

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// The bench types mirror the documented GetInstance answer of ccc as the
// SDK's wire mirrors read it: lenient types where the service quotes
// numbers and booleans.
type benchAnswer struct {
	RequestID      string `json:"RequestId"`
	Message        string
	HTTPStatusCode Int64 `json:"HttpStatusCode"`
	Params         string
	Code           string
	Data           benchInstance
}

type benchInstance struct {
	Status      string
	Description string
	DomainName  string
	ConsoleURL  string `json:"ConsoleUrl"`
	AliyunUID   String `json:"AliyunUid"`
	ID          string `json:"Id"`
	Name        string
	CreateTime  Millis
	AdminList   []benchUser
	NumberList  []benchNumber
}

type benchUser struct {
	Extension   string
	LoginName   string
	RoleName    string
	Email       string
	InstanceID  string `json:"InstanceId"`
	UserID      string `json:"UserId"`
	DisplayName string
	RoleID      string `json:"RoleId"`
	Mobile      string
	WorkMode    string
}

type benchNumber struct {
	Usage         string
	Active        Bool
	Number        string
	InstanceID    string `json:"InstanceId"`
	ContactFlowID string `json:"ContactFlowId"`
	UserID        string `json:"UserId"`
	City          string
	Province      string
	SkillGroups   []benchSkillGroup
}

type benchSkillGroup struct {
	Description      string
	PhoneNumberCount Int64
	InstanceID       string `json:"InstanceId"`
	UserCount        Int64
	DisplayName      string
	SkillGroupID     string `json:"SkillGroupId"`
	Name             string
}

// The decode functions below are what a product writes by hand: one
// switch per object, the unknown members skipped.

func decodeBenchAnswer(d *Decoder, a *benchAnswer) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("RequestId"):
			a.RequestID = d.Str()
		case k.Is("Message"):
			a.Message = d.Str()
		case k.Is("HttpStatusCode"):
			a.HTTPStatusCode = Int64(d.LenientInt())
		case k.Is("Params"):
			a.Params = d.Str()
		case k.Is("Code"):
			a.Code = d.Str()
		case k.Is("Data"):
			decodeBenchInstance(d, &a.Data)
		default:
			d.Skip()
		}
	}
}

func decodeBenchInstance(d *Decoder, in *benchInstance) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Status"):
			in.Status = d.Str()
		case k.Is("Description"):
			in.Description = d.Str()
		case k.Is("DomainName"):
			in.DomainName = d.Str()
		case k.Is("ConsoleUrl"):
			in.ConsoleURL = d.Str()
		case k.Is("AliyunUid"):
			in.AliyunUID = String(d.LenientString())
		case k.Is("Id"):
			in.ID = d.Str()
		case k.Is("Name"):
			in.Name = d.Str()
		case k.Is("CreateTime"):
			in.CreateTime = Millis{d.Millis()}
		case k.Is("AdminList"):
			in.AdminList = Slice(d, in.AdminList, decodeBenchUser)
		case k.Is("NumberList"):
			in.NumberList = Slice(d, in.NumberList, decodeBenchNumber)
		default:
			d.Skip()
		}
	}
}

func decodeBenchUser(d *Decoder, u *benchUser) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Extension"):
			u.Extension = d.Str()
		case k.Is("LoginName"):
			u.LoginName = d.Str()
		case k.Is("RoleName"):
			u.RoleName = d.Str()
		case k.Is("Email"):
			u.Email = d.Str()
		case k.Is("InstanceId"):
			u.InstanceID = d.Str()
		case k.Is("UserId"):
			u.UserID = d.Str()
		case k.Is("DisplayName"):
			u.DisplayName = d.Str()
		case k.Is("RoleId"):
			u.RoleID = d.Str()
		case k.Is("Mobile"):
			u.Mobile = d.Str()
		case k.Is("WorkMode"):
			u.WorkMode = d.Str()
		default:
			d.Skip()
		}
	}
}

func decodeBenchNumber(d *Decoder, n *benchNumber) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Usage"):
			n.Usage = d.Str()
		case k.Is("Active"):
			n.Active = Bool(d.LenientBool())
		case k.Is("Number"):
			n.Number = d.Str()
		case k.Is("InstanceId"):
			n.InstanceID = d.Str()
		case k.Is("ContactFlowId"):
			n.ContactFlowID = d.Str()
		case k.Is("UserId"):
			n.UserID = d.Str()
		case k.Is("City"):
			n.City = d.Str()
		case k.Is("Province"):
			n.Province = d.Str()
		case k.Is("SkillGroups"):
			n.SkillGroups = Slice(d, n.SkillGroups, decodeBenchSkillGroup)
		default:
			d.Skip()
		}
	}
}

func decodeBenchSkillGroup(d *Decoder, g *benchSkillGroup) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("Description"):
			g.Description = d.Str()
		case k.Is("PhoneNumberCount"):
			g.PhoneNumberCount = Int64(d.LenientInt())
		case k.Is("InstanceId"):
			g.InstanceID = d.Str()
		case k.Is("UserCount"):
			g.UserCount = Int64(d.LenientInt())
		case k.Is("DisplayName"):
			g.DisplayName = d.Str()
		case k.Is("SkillGroupId"):
			g.SkillGroupID = d.Str()
		case k.Is("Name"):
			g.Name = d.Str()
		default:
			d.Skip()
		}
	}
}

// getInstanceAnswer reads the documented GetInstance answer.
func getInstanceAnswer(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile("../../ccc/testdata/GetInstance/response.json")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func decodeBench(data []byte) (benchAnswer, error) {
	var a benchAnswer
	var d Decoder
	d.Reset(data)
	decodeBenchAnswer(&d, &a)
	return a, d.Finish()
}

// TestBenchDecodersAgree checks that both benchmarks decode the same thing,
// and all of it.
func TestBenchDecodersAgree(t *testing.T) {
	data := getInstanceAnswer(t)
	got, err := decodeBench(data)
	if err != nil {
		t.Fatal(err)
	}
	var want benchAnswer
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decoder %+v\nencoding/json %+v", got, want)
	}
	if got.Data.NumberList[0].SkillGroups[0].UserCount != 2 || !bool(got.Data.NumberList[0].Active) || got.HTTPStatusCode != 200 {
		t.Fatalf("lenient fields not decoded: %+v", got)
	}
}

func BenchmarkGetInstance(b *testing.B) {
	data := getInstanceAnswer(b)
	b.Run("Decoder", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeBench(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var a benchAnswer
			if err := json.Unmarshal(data, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkValidate compares Skip, the Decoder's validation of a whole
// value, with json.Valid.
func BenchmarkValidate(b *testing.B) {
	data := getInstanceAnswer(b)
	b.Run("Skip", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var d Decoder
			d.Reset(data)
			d.Skip()
			if d.Finish() != nil {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if !json.Valid(data) {
				b.Fatal("invalid")
			}
		}
	})
}
