package bench

import (
	"context"
	"fmt"
	"time"

	v1ccc "github.com/aliyun/alibaba-cloud-sdk-go/services/ccc"
	v1ob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// Summary renders the fields of a decoded answer that every client must
// agree on, whatever its types: the documented example's identity, a
// number, a Chinese string and the nested lists.
func Summary(v any) (string, error) {
	switch r := v.(type) {
	case *FloorDescribeInstance:
		in := r.Instance
		return obSummary(in.InstanceId, in.InstanceName, in.MaxConcurrentConversation, in.CreatorId, in.CreationTime), nil
	case *outboundbot.DescribeInstanceResponse:
		in := r.Instance
		return obSummary(in.InstanceID, in.InstanceName, in.MaxConcurrentConversation, in.CreatorID, in.CreationTime.UnixMilli()), nil
	case *v1ob.DescribeInstanceResponse:
		in := r.Instance
		return obSummary(in.InstanceId, in.InstanceName, in.MaxConcurrentConversation, in.CreatorId, in.CreationTime), nil
	case *FloorGetInstance:
		d := r.Data
		return cccSummary(d.Id, d.Name, len(d.AdminList), len(d.NumberList), d.NumberList[0].SkillGroups[0].Name), nil
	case *ccc.GetInstanceResponse:
		d := r.Instance
		return cccSummary(d.ID, d.Name, len(d.AdminList), len(d.NumberList), d.NumberList[0].SkillGroups[0].Name), nil
	case *v1ccc.GetInstanceResponse:
		d := r.Data
		return cccSummary(d.Id, d.Name, len(d.AdminList), len(d.NumberList), d.NumberList[0].SkillGroups[0].Name), nil
	case map[string]any: // v2 CallApi body
		if in, ok := r["Instance"].(map[string]any); ok {
			return obSummary(str(in["InstanceId"]), str(in["InstanceName"]), num(in["MaxConcurrentConversation"]),
				int64(num(in["CreatorId"])), int64(num(in["CreationTime"]))), nil
		}
		if d, ok := r["Data"].(map[string]any); ok {
			admins, _ := d["AdminList"].([]any)
			numbers, _ := d["NumberList"].([]any)
			skill := ""
			if len(numbers) > 0 {
				if groups, _ := numbers[0].(map[string]any)["SkillGroups"].([]any); len(groups) > 0 {
					skill = str(groups[0].(map[string]any)["Name"])
				}
			}
			return cccSummary(str(d["Id"]), str(d["Name"]), len(admins), len(numbers), skill), nil
		}
	}
	return "", fmt.Errorf("unexpected answer %T", v)
}

func obSummary(id, name string, maxConc int, creator, created int64) string {
	return fmt.Sprintf("InstanceId=%s InstanceName=%s MaxConcurrentConversation=%d CreatorId=%d CreationTime=%d", id, name, maxConc, creator, created)
}

func cccSummary(id, name string, admins, numbers int, skill string) string {
	return fmt.Sprintf("Id=%s Name=%s admins=%d numbers=%d skillGroup=%s", id, name, admins, numbers, skill)
}

func str(v any) string { s, _ := v.(string); return s }

// num reads a v2 number: darabonba decodes with UseNumber.
func num(v any) int {
	switch n := v.(type) {
	case interface{ Int64() (int64, error) }:
		i, _ := n.Int64()
		return int(i)
	case float64:
		return int(n)
	case int:
		return n
	case int64:
		return int(n)
	}
	return -1
}

// WantSummary is the Summary of the documented example answer of op.
func WantSummary(op Operation) string {
	if op == GetInstance {
		return cccSummary("ccc-test", "云呼测试实例", 1, 1, "test")
	}
	return obSummary(OBInstanceID, "第一个实例", 4, 435986, 1578469042851)
}

// Check makes one recorded call with c and verifies, before any timing,
// that the request was correctly signed with the expected parameters and
// that the answer was decoded to the documented contents.
func Check(c *Client, op Operation, s *Server) error {
	rec := s.Record()
	v, err := c.Call(context.Background())
	s.StopRecording()
	if err != nil {
		return fmt.Errorf("%s: call: %w", c.Name, err)
	}
	reqs := rec.Requests()
	if len(reqs) != 1 {
		return fmt.Errorf("%s: %d requests for one call", c.Name, len(reqs))
	}
	if err := VerifyRPC(reqs[0], AccessKeySecret, WantParams(op)); err != nil {
		return fmt.Errorf("%s: request: %w", c.Name, err)
	}
	if c.Name == "transport-only" {
		return nil
	}
	got, err := Summary(v)
	if err != nil {
		return fmt.Errorf("%s: %w", c.Name, err)
	}
	if want := WantSummary(op); got != want {
		return fmt.Errorf("%s: decoded %s\n want %s", c.Name, got, want)
	}
	return nil
}

// Warm makes n calls so connections, caches and pools are set up.
func Warm(c *Client, n int) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for range n {
		if _, err := c.Call(ctx); err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
	}
	return nil
}
