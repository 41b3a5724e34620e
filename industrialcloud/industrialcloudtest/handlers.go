package industrialcloudtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/internal/fake"
)

// fail is an error answer; the API 3.0 gateway answers errors with HTTP 200.
func fail(code, format string, args ...any) fake.Reply {
	return fake.Error(http.StatusOK, code, fmt.Sprintf(format, args...))
}

func missing(name string) fake.Reply {
	return fail(industrialcloud.CodeMissingParameter, "The request is missing the required parameter %s.", name)
}

func outOfRange(name, why string) fake.Reply {
	return fail(industrialcloud.CodeInvalidParameterValue, "The value of parameter %s is invalid: %s.", name, why)
}

func noSuchInstance(uuid string) fake.Reply {
	return fail(industrialcloud.CodeResourceNotFound, "The instance %s does not exist.", uuid)
}

// parse reads the JSON body into v, as a Go server would (keys matched
// case-insensitively, unknown keys ignored), and checks the Module field.
func (s *Server) parse(c *fake.Call, v any) *fake.Reply {
	var head struct{ Module *string }
	if err := json.Unmarshal(c.Body, &head); err != nil {
		r := fail(industrialcloud.CodeInvalidParameter, "The request body is not a JSON object.")
		return &r
	}
	if head.Module != nil && *head.Module != s.cfg.module {
		r := fail(industrialcloud.CodeInvalidParameter, "The parameter Module %q is invalid.", *head.Module)
		return &r
	}
	if err := json.Unmarshal(c.Body, v); err != nil {
		field := "body"
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			field = te.Field
		}
		r := fail(industrialcloud.CodeInvalidParameter, "The parameter %s has the wrong type.", field)
		return &r
	}
	return nil
}

// lookup returns a copy of the instance named uuid.
func (s *Server) lookup(uuid string) (industrialcloud.Instance, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.byUUID[uuid]
	if in == nil {
		return industrialcloud.Instance{}, false
	}
	return clone(in), true
}

func (s *Server) describeInstance(c *fake.Call) fake.Reply {
	var req struct {
		InstanceUUID string
		With         []string
	}
	if bad := s.parse(c, &req); bad != nil {
		return *bad
	}
	if req.InstanceUUID == "" {
		return missing("InstanceUUID")
	}
	in, ok := s.lookup(req.InstanceUUID)
	if !ok {
		return noSuchInstance(req.InstanceUUID)
	}
	instance := detail(&in)
	data := map[string]any{"Instance": instance}
	if slices.Contains(req.With, industrialcloud.WithInstanceCustomSpecs) {
		if s.cfg.specsUnderData {
			data["CustomSpecItems"] = specItems(&in)
		} else {
			instance["CustomSpecItems"] = specItems(&in)
		}
	}
	return fake.Reply{Body: map[string]any{"Data": data}}
}

// listQuery is DescribeInstances' body.
type listQuery struct {
	Status        []string
	ProductSource string
	DeliverType   []string
	CategoryID    []string
	Bid           int64
	Offset        int
	Limit         int
	SortSet       []struct{ Key, Direction string }
}

// check validates the query the way the console documents it, filling the
// default Limit.
func (q *listQuery) check() *fake.Reply {
	var r fake.Reply
	switch {
	case len(q.Status) == 0:
		r = missing("Status")
	case q.Offset < 0:
		r = outOfRange("Offset", "must not be negative")
	case q.Limit < 0 || q.Limit > industrialcloud.MaxLimit:
		r = outOfRange("Limit", "must be between 1 and 100")
	default:
		for _, s := range q.SortSet {
			if s.Key != industrialcloud.SortKeyCreatedAt {
				r = outOfRange("SortSet.Key", "only created_at is supported")
			} else if d := strings.ToLower(s.Direction); d != "asc" && d != "desc" {
				r = outOfRange("SortSet.Direction", "must be asc or desc")
			}
		}
	}
	if r.Code != "" {
		return &r
	}
	if q.Limit == 0 {
		q.Limit = industrialcloud.DefaultLimit
	}
	return nil
}

// matches reports whether in passes every filter of q.
func (q *listQuery) matches(in *industrialcloud.Instance) bool {
	return slices.Contains(q.Status, string(in.Status)) &&
		(q.ProductSource == "" || q.ProductSource == string(in.ProductSource)) &&
		(len(q.DeliverType) == 0 || slices.ContainsFunc(q.DeliverType, func(d string) bool { return strings.EqualFold(d, string(in.DeliverType)) })) &&
		(len(q.CategoryID) == 0 || slices.Contains(q.CategoryID, in.CategoryID)) &&
		(q.Bid == 0 || q.Bid == in.BusinessID)
}

func (s *Server) describeInstances(c *fake.Call) fake.Reply {
	var q listQuery
	if bad := s.parse(c, &q); bad != nil {
		return *bad
	}
	if bad := q.check(); bad != nil {
		return *bad
	}
	s.mu.Lock()
	var hits []industrialcloud.Instance
	for _, uuid := range s.order {
		if in := s.byUUID[uuid]; q.matches(in) {
			hits = append(hits, clone(in))
		}
	}
	s.mu.Unlock()
	// Stable sorts from the last key to the first leave the first primary.
	for i := len(q.SortSet) - 1; i >= 0; i-- {
		desc := strings.EqualFold(q.SortSet[i].Direction, "desc")
		slices.SortStableFunc(hits, func(a, b industrialcloud.Instance) int {
			if desc {
				return b.CreatedAt.Compare(a.CreatedAt)
			}
			return a.CreatedAt.Compare(b.CreatedAt)
		})
	}
	from := min(q.Offset, len(hits))
	page := hits[from:min(from+q.Limit, len(hits))]
	items := make([]map[string]any, 0, len(page))
	for i := range page {
		items = append(items, listed(&page[i]))
	}
	return fake.Reply{Body: map[string]any{"Data": map[string]any{"TotalCount": len(hits), "Instances": items}}}
}

func (s *Server) modifyInstanceName(c *fake.Call) fake.Reply {
	var req struct{ InstanceUUID, InstanceName string }
	if bad := s.parse(c, &req); bad != nil {
		return *bad
	}
	switch {
	case req.InstanceUUID == "":
		return missing("InstanceUUID")
	case req.InstanceName == "":
		return missing("InstanceName")
	case utf8.RuneCountInString(req.InstanceName) > industrialcloud.MaxInstanceNameLength:
		return outOfRange("InstanceName", "must be at most 20 characters")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.byUUID[req.InstanceUUID]
	if in == nil {
		return noSuchInstance(req.InstanceUUID)
	}
	in.InstanceName = req.InstanceName
	in.UpdatedAt = s.now().UTC().Truncate(time.Second)
	return fake.Reply{Body: map[string]any{"Code": 0, "Msg": "success"}}
}

// chinaTime is the zone the console writes its zone-less times in.
var chinaTime = time.FixedZone("CST", 8*60*60)

// wallClock renders a time as the console's zone-less "2006-01-02
// 15:04:05" in China Standard Time; the zero time is "".
func wallClock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(chinaTime).Format(time.DateTime)
}

// rfc3339 renders a row timestamp as a Go server's encoding/json writes a
// time.Time: RFC 3339 with the zone.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(chinaTime).Format(time.RFC3339)
}

// detail renders an instance as DescribeInstance documents it: the ids,
// InstanceExpireTimeUnix and the buyer ids as strings.
func detail(in *industrialcloud.Instance) map[string]any {
	return map[string]any{
		"ID": in.ID, "Appid": strconv.FormatInt(in.AppID, 10), "Bid": strconv.FormatInt(in.BusinessID, 10),
		"UUID": in.UUID, "SourceInstanceID": in.SourceInstanceID, "InstanceName": in.InstanceName,
		"Status": in.Status, "SubStatus": in.SubStatus,
		"InstanceCreateTime": wallClock(in.InstanceCreateTime), "InstanceExpireTime": wallClock(in.InstanceExpireTime),
		"InstanceExpireTimeUnix": strconv.FormatInt(in.InstanceExpireTimeUnix, 10),
		"Renewable":              in.Renewable, "CanRefund": in.CanRefund, "HasRefunding": in.HasRefunding, "Upgradable": in.Upgradable,
		"LastOrderID": in.LastOrderID, "ProductID": in.ProductID, "ProductType": in.ProductType,
		"ProductSource": in.ProductSource, "SpecUuid": in.SpecUUID, "LifeType": in.LifeType, "IsTrial": in.IsTrial,
		"BuyerUserID": in.BuyerUserID, "BuyerCorpID": in.BuyerCorpID, "CategoryID": in.CategoryID,
		"DeliverType": in.DeliverType, "ApplicationID": in.ApplicationID, "SSOUrl": in.SSOURL,
		"AdditionalInfo": in.AdditionalInfo, "AppInfo": in.AppInfo, "IsvUin": in.ISVUIN,
		"CreatedAt": rfc3339(in.CreatedAt), "UpdatedAt": rfc3339(in.UpdatedAt),
	}
}

// listed renders an instance as DescribeInstances lists it (the documented
// fields and the community SDK's InstanceItem).
func listed(in *industrialcloud.Instance) map[string]any {
	cats := make([]map[string]any, 0, len(in.Categories))
	for _, c := range in.Categories {
		cats = append(cats, map[string]any{"CategoryName": c.CategoryName, "CategoryUuid": c.CategoryUUID, "IsHidden": c.IsHidden})
	}
	return map[string]any{
		"UUID": in.UUID, "InstanceName": in.InstanceName, "Status": in.Status, "SubStatus": in.SubStatus,
		"ProductName": in.ProductName, "ProductID": in.ProductID, "ProductSource": in.ProductSource,
		"CategoryName": in.CategoryName, "CategoryID": in.CategoryID, "Categories": cats,
		"DeliverType":        in.DeliverType,
		"InstanceCreateTime": wallClock(in.InstanceCreateTime), "InstanceExpireTime": wallClock(in.InstanceExpireTime),
		"Renewable": in.Renewable, "LastOrderID": in.LastOrderID, "LoginType": in.LoginType, "SpecUuid": in.SpecUUID,
		"LifeType": in.LifeType, "IsTrial": in.IsTrial, "SourceInstanceID": in.SourceInstanceID,
		"IsConfirm": in.IsConfirm, "CanRefund": in.CanRefund, "HasRefunding": in.HasRefunding, "Upgradable": in.Upgradable,
		"Logo": in.Logo, "CanCancelRefund": in.CanCancelRefund, "CanConvert": in.CanConvert, "ConvertStatus": in.ConvertStatus,
	}
}

// specItems renders the extra billing items; IDs are numbers (the
// documentation types them Integer).
func specItems(in *industrialcloud.Instance) []map[string]any {
	out := make([]map[string]any, 0, len(in.CustomSpecItems))
	for _, it := range in.CustomSpecItems {
		out = append(out, map[string]any{
			"ID": it.ID, "InstanceUUID": in.UUID, "Name": it.Name, "NameEn": it.NameEn, "Value": it.Value,
			"Type": it.Type, "CustomUuid": it.CustomUUID, "UnitType": it.UnitType, "Unit": it.Unit,
		})
	}
	return out
}
