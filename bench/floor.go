package bench

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Floor is the floor every client is measured against: a careful
// hand-written net/http client for the Alibaba RPC protocol, such as a user
// who needs one or two operations would write from the documentation. It
// uses only the standard library and its own minimal signing code (it does
// not use this SDK's signer):
//
//   - the parameters, common ones included, in a small slice, sorted by
//     key, each percent-encoded with url.QueryEscape plus the three RPC
//     fix-ups (+ → %20, * → %2A, %7E → ~);
//   - the string to sign METHOD&%2F&enc(query), HMAC-SHA1 with secret+"&",
//     Base64;
//   - a POST with the signed query in the URL and no body, as this SDK and
//     the official SDKs send these operations;
//   - the whole body read with io.ReadAll, json.Unmarshal into a plain
//     struct whose fields have the types the documented answer uses, and a
//     check of the HTTP status and of Code (and Success where sent).
//
// It has no retries, no logging and no lenient decoding: it is the least
// work a correct call does.
type Floor struct {
	endpoint string // "http://127.0.0.1:port/"
	id       string
	key      []byte // secret + "&"
	region   string
	http     *http.Client
}

// NewFloor returns a floor client for endpoint (a URL with scheme and host).
func NewFloor(endpoint, accessKeyID, accessKeySecret, region string, hc *http.Client) *Floor {
	if !strings.HasSuffix(endpoint, "/") {
		endpoint += "/"
	}
	return &Floor{endpoint: endpoint, id: accessKeyID, key: []byte(accessKeySecret + "&"), region: region, http: hc}
}

type floorParam struct{ k, v string }

// percentEncode is RFC 3986 encoding as the RPC signature wants it.
func percentEncode(s string) string {
	s = url.QueryEscape(s)
	s = strings.ReplaceAll(s, "+", "%20")
	s = strings.ReplaceAll(s, "*", "%2A")
	return strings.ReplaceAll(s, "%7E", "~")
}

// floorSign returns the canonical query and the signature of params for a
// POST. It sorts params in place.
func floorSign(params []floorParam, key []byte) (query, signature string) {
	slices.SortFunc(params, func(a, b floorParam) int { return strings.Compare(a.k, b.k) })
	var q strings.Builder
	q.Grow(512)
	for i, p := range params {
		if i > 0 {
			q.WriteByte('&')
		}
		q.WriteString(percentEncode(p.k))
		q.WriteByte('=')
		q.WriteString(percentEncode(p.v))
	}
	query = q.String()
	mac := hmac.New(sha1.New, key)
	io.WriteString(mac, "POST&%2F&")
	io.WriteString(mac, percentEncode(query))
	return query, base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func floorNonce() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// call performs one RPC call and decodes the answer into out, which must
// embed floorEnvelope.
func (f *Floor) call(ctx context.Context, action, version string, extra []floorParam, out envelopeChecker) error {
	params := make([]floorParam, 0, len(extra)+9)
	params = append(params, extra...)
	params = append(params,
		floorParam{"Action", action},
		floorParam{"Version", version},
		floorParam{"Format", "JSON"},
		floorParam{"RegionId", f.region},
		floorParam{"AccessKeyId", f.id},
		floorParam{"SignatureMethod", "HMAC-SHA1"},
		floorParam{"SignatureVersion", "1.0"},
		floorParam{"SignatureNonce", floorNonce()},
		floorParam{"Timestamp", time.Now().UTC().Format("2006-01-02T15:04:05Z")},
	)
	query, sig := floorSign(params, f.key)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.endpoint+"?"+query+"&Signature="+percentEncode(sig), nil)
	if err != nil {
		return err
	}
	resp, err := f.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %d: %.200s", action, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	return out.check(action)
}

// floorEnvelope is the part of every answer the floor checks.
type floorEnvelope struct {
	RequestId string
	Code      string
	Message   string
	Success   *bool
}

type envelopeChecker interface{ check(action string) error }

func (e *floorEnvelope) check(action string) error {
	if (e.Code != "" && e.Code != "OK") || (e.Success != nil && !*e.Success) || e.RequestId == "" {
		return fmt.Errorf("%s failed: Code=%q Message=%q", action, e.Code, e.Message)
	}
	return nil
}

// FloorInstance is an Outbound Bot instance as the documented answer sends it.
type FloorInstance struct {
	CreationTime              int64
	InstanceId                string
	OwnerName                 string
	CreatorId                 int64
	InstanceDescription       string
	InstanceName              string
	ResourceGroupId           string
	CreatorName               string
	MaxConcurrentConversation int
	ResourceTags              []struct{ Key, Value string }
	IsPreset                  bool
}

// FloorDescribeInstance is the DescribeInstance answer.
type FloorDescribeInstance struct {
	floorEnvelope
	Instance FloorInstance
}

// DescribeInstance calls outboundbot DescribeInstance.
func (f *Floor) DescribeInstance(ctx context.Context, instanceID string) (*FloorDescribeInstance, error) {
	out := new(FloorDescribeInstance)
	if err := f.call(ctx, "DescribeInstance", "2019-12-26", []floorParam{{"InstanceId", instanceID}}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// FloorListInstances is one ListInstances page.
type FloorListInstances struct {
	floorEnvelope
	Instances  []FloorInstance
	TotalCount int
	PageNumber int
	PageSize   int
}

// ListInstances calls outboundbot ListInstances for one page.
func (f *Floor) ListInstances(ctx context.Context, pageNumber, pageSize int) (*FloorListInstances, error) {
	out := new(FloorListInstances)
	extra := []floorParam{{"PageNumber", strconv.Itoa(pageNumber)}, {"PageSize", strconv.Itoa(pageSize)}}
	if err := f.call(ctx, "ListInstances", "2019-12-26", extra, out); err != nil {
		return nil, err
	}
	return out, nil
}

// ListInstancesAll calls yield for every instance, page after page, and
// keeps only the current page.
func (f *Floor) ListInstancesAll(ctx context.Context, pageSize int, yield func(*FloorInstance) bool) error {
	seen := 0
	for page := 1; ; page++ {
		p, err := f.ListInstances(ctx, page, pageSize)
		if err != nil {
			return err
		}
		for i := range p.Instances {
			if !yield(&p.Instances[i]) {
				return nil
			}
		}
		seen += len(p.Instances)
		if len(p.Instances) == 0 || seen >= p.TotalCount {
			return nil
		}
	}
}

// FloorCCCInstance is a Contact Center instance as the documented
// GetInstance answer sends it (counts and Active as strings).
type FloorCCCInstance struct {
	Status      string
	Description string
	DomainName  string
	ConsoleUrl  string
	AliyunUid   string
	Id          string
	Name        string
	AdminList   []struct {
		Extension, LoginName, RoleName, Email, InstanceId, UserId, DisplayName, RoleId, Mobile, WorkMode string
	}
	NumberList []struct {
		Usage, Active, Number, InstanceId, ContactFlowId, UserId, City, Province string
		SkillGroups                                                              []struct {
			Description, PhoneNumberCount, InstanceId, UserCount, DisplayName, SkillGroupId, Name string
		}
	}
}

// FloorGetInstance is the ccc GetInstance answer.
type FloorGetInstance struct {
	floorEnvelope
	Data FloorCCCInstance
}

// GetInstance calls ccc GetInstance.
func (f *Floor) GetInstance(ctx context.Context, instanceID string) (*FloorGetInstance, error) {
	out := new(FloorGetInstance)
	if err := f.call(ctx, "GetInstance", "2020-07-01", []floorParam{{"InstanceId", instanceID}}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// errNoSuccess is returned by peer wrappers when an answer does not say OK.
var errNoSuccess = errors.New("the answer does not report success")
