package interop

// The official v1 client against our fakes, for every operation our model
// and v1 share: each request, built as the differential test builds it
// (differential_build_test.go) but naming the fake's documented instance
// in every InstanceId, must be accepted (HTTP 2xx, its signature checked by
// the fake) and its answer decoded into v1's response struct without
// error. Each operation gets a fresh fake, so one that deletes the
// instance does not change what the next one finds.

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"

	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

func TestV1AgainstFakeEveryOperation(t *testing.T) {
	for _, p := range diffProducts() {
		t.Run(p.name, func(t *testing.T) {
			m, f, shared := sharedOperations(t, p)
			// Our client is only the source of the request types here: New
			// makes no network call and nothing is sent through it.
			ours, err := p.ours("http://127.0.0.1:1", &http.Client{}, accessKey(t, p))
			if err != nil {
				t.Fatal(err)
			}
			fill := &filler{m: m, fixed: map[string]string{"RegionId": p.region, "InstanceId": p.instanceID}}
			known := knownAnswerDisagreements()
			var checked []string
			for _, name := range shared {
				t.Run(name, func(t *testing.T) {
					if v1AgainstFake(t, p, ours, fill, modelOp(m, name), f, f.op(name), known) {
						checked = append(checked, name)
					}
				})
			}
			reportCoverage(t, p, m, f, shared, checked, "accepted by our fake from v1")
			for _, k := range known {
				if k.product == p.name && !k.seen {
					t.Errorf("known answer disagreement %s.%s did not occur: remove it from knownAnswerDisagreements and DISAGREEMENTS.md", k.op, k.param)
				}
			}
		})
	}
}

// v1AgainstFake sends op through v1 to a fresh fake and reports whether it
// was accepted and decoded.
func v1AgainstFake(t *testing.T, p diffProduct, ours any, fill *filler, op *apigen.Operation, f *facts, fop *factsOp, known []disagreement) bool {
	method := reflect.ValueOf(ours).MethodByName(op.Name)
	if !method.IsValid() {
		t.Errorf("our client has no method %s", op.Name)
		return false
	}
	req, err := buildOurs(method, op, fop, fill)
	if err != nil {
		t.Error(err)
		return false
	}
	if v, ok := req.Interface().(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			t.Errorf("ours rejects the request: %v", err)
			return false
		}
	}
	// The JSON text ours would send, for the parameters v1 takes as a
	// plain string.
	params, err := rpc.Params(req.Interface())
	if err != nil {
		t.Error(err)
		return false
	}
	text := func(wire string) (string, error) {
		for _, p := range params {
			if p.Key == wire {
				return p.Value, nil
			}
		}
		return "", nil
	}

	url, stop := p.fake(op.Name)
	defer stop()
	v1, base, err := p.v1(p.region, p.id, p.secret)
	if err != nil {
		t.Error(err)
		return false
	}
	tap := pointAtFake(t, base, url)
	v1req, _, err := buildV1(v1, f, fill.m, op, fop, req, text)
	if err != nil {
		t.Error(err)
		return false
	}
	out := reflect.ValueOf(v1).MethodByName(op.Name).Call([]reflect.Value{v1req})
	if err, _ := out[1].Interface().(error); err != nil {
		if k := answerDisagreement(known, p.name, op.Name, err); k != nil {
			// v1 fails to read a member the v2 facts type otherwise; the
			// answer itself came with a 2xx.
			k.seen = true
			if resp, ok := out[0].Interface().(responses.AcsResponse); !ok || out[0].IsNil() || resp.GetHttpStatus() < 200 || resp.GetHttpStatus() > 299 {
				t.Errorf("v1 against the fake: %v, and no 2xx answer", err)
				return false
			}
			return true
		}
		t.Errorf("v1 against the fake: %v", err)
		return false
	}
	resp, ok := out[0].Interface().(responses.AcsResponse)
	if !ok || out[0].IsNil() {
		t.Errorf("v1 returned %T, not an AcsResponse", out[0].Interface())
		return false
	}
	if s := resp.GetHttpStatus(); s < 200 || s > 299 {
		t.Errorf("the fake answered HTTP %d: %s", s, resp.GetHttpContentString())
		return false
	}
	if n := len(tap.all()); n != 1 {
		t.Errorf("v1 sent %d requests, want 1", n)
	}
	return true
}

// answerDisagreement returns the known answer disagreement err shows: v1
// failing to decode op's answer at that member.
func answerDisagreement(known []disagreement, product, op string, err error) *disagreement {
	msg := err.Error()
	for i := range known {
		if k := &known[i]; k.product == product && k.op == op && strings.Contains(msg, "JsonUnmarshalError") && strings.Contains(msg, k.param) {
			return k
		}
	}
	return nil
}
