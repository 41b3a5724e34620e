package bench

// A prototype of the decode the SDK could do (see RESULTS.md, "Fixes"):
// one json.Unmarshal of the whole body into an unexported mirror of the
// response whose lenient fields are allocation-free scalar types, the
// envelope read from the same pass, then a copy into the public types. It
// is not the SDK's code; it shows what the fix can reach, next to the
// SDK's current decode in BenchmarkDecodeListPage (impl=proto-single-pass).

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/typedcloud/sdk-go/outboundbot"
)

// lenientInt is wire.Int64 without the allocation: the digits are parsed
// from the bytes (string(b) of a short slice passed straight to strconv
// does not escape), quotes are stripped without a second json.Unmarshal.
type lenientInt int64

func unquoteSimple(b []byte) ([]byte, bool) {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0 {
		return b[1 : len(b)-1], true
	}
	return b, false
}

func (n *lenientInt) UnmarshalJSON(b []byte) error {
	b, _ = unquoteSimple(b)
	if len(b) == 0 || string(b) == "null" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(string(b), 64)
		if ferr != nil || f != float64(int64(f)) {
			return errors.New("not an integer")
		}
		v = int64(f)
	}
	*n = lenientInt(v)
	return nil
}

type lenientBool bool

func (v *lenientBool) UnmarshalJSON(b []byte) error {
	b, _ = unquoteSimple(b)
	if len(b) == 0 || string(b) == "null" {
		*v = false
		return nil
	}
	p, err := strconv.ParseBool(string(b))
	*v = lenientBool(p)
	return err
}

type protoInstance struct {
	InstanceId                string
	InstanceName              string
	InstanceDescription       string
	MaxConcurrentConversation lenientInt
	CreationTime              lenientInt
	CreatorId                 lenientInt
	CreatorName               string
	OwnerName                 string
	ResourceGroupId           string
	ResourceTags              []outboundbot.Tag
	IsPreset                  lenientBool
}

// protoList is the answer's envelope and payload in one struct.
type protoList struct {
	RequestId  string
	Code       string
	Message    string
	Success    *lenientBool
	Instances  []protoInstance
	TotalCount lenientInt
	PageNumber lenientInt
	PageSize   lenientInt
}

func protoDecode(body []byte, out *outboundbot.ListInstancesResponse) error {
	var w protoList
	if err := json.Unmarshal(body, &w); err != nil {
		return err
	}
	if (w.Code != "" && w.Code != "OK") || (w.Success != nil && !*w.Success) || w.RequestId == "" {
		return errors.New("not a success")
	}
	out.RequestID = w.RequestId
	out.TotalCount, out.PageNumber, out.PageSize = int(w.TotalCount), int(w.PageNumber), int(w.PageSize)
	out.Instances = make([]outboundbot.Instance, len(w.Instances))
	for i := range w.Instances {
		in := &w.Instances[i]
		var created time.Time
		if in.CreationTime != 0 {
			created = time.UnixMilli(int64(in.CreationTime)).UTC()
		}
		out.Instances[i] = outboundbot.Instance{
			InstanceID: in.InstanceId, InstanceName: in.InstanceName, InstanceDescription: in.InstanceDescription,
			MaxConcurrentConversation: int(in.MaxConcurrentConversation), CreationTime: created, CreatorID: int64(in.CreatorId),
			CreatorName: in.CreatorName, OwnerName: in.OwnerName, ResourceGroupID: in.ResourceGroupId,
			ResourceTags: in.ResourceTags, IsPreset: bool(in.IsPreset),
		}
	}
	return nil
}
