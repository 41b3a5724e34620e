package interop

// The model-driven differential test against the official Go SDK v1
// (github.com/aliyun/alibaba-cloud-sdk-go): for every operation both our
// model and v1 have, our client and v1's send one request each, filled
// with the same values (differential_build_test.go), to a capture server
// (differential_capture_test.go). Both must send the same HTTP method and
// the same multiset of (query|body, name, value), once these are left out:
//
//   - Signature, SignatureNonce and Timestamp, which differ per request (the
//     capture server checks each signature against the parameters sent);
//   - v1's SignatureType, which it always sends empty and ours does not
//     send for an AccessKey: both sign what they send;
//   - the parameters of ours the v1 SDK does not have (facts: "absent in
//     v1"), once the test has seen ours send them. RegionId is not one of
//     them: v1 sends the client's region as RegionId whenever a request has
//     none, so the model's RegionId parameter is given that region;
//   - the known disagreements settled by leaving them out (wireDiffers).
//
// Parameters whose value is JSON text are compared as JSON: the service
// parses them, and the two SDKs order object keys differently.
//
// The operation list comes from the model and the facts; an operation both
// have that is not checked fails the test.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/internal/apiconv"
	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

func TestV1WireEveryOperation(t *testing.T) {
	known := knownDisagreements()
	for _, p := range diffProducts() {
		t.Run(p.name, func(t *testing.T) {
			m, f, shared := sharedOperations(t, p)
			cs := newCaptureServer(t, p.secret)
			ours, err := p.ours(cs.URL(), cs.client(t), accessKey(t, p))
			if err != nil {
				t.Fatal(err)
			}
			v1, base, err := p.v1(p.region, p.id, p.secret)
			if err != nil {
				t.Fatal(err)
			}
			pointAtFake(t, base, cs.URL())
			d := &differ{p: p, m: m, f: f, cs: cs, ours: ours, v1: v1, known: known, used: map[*disagreement]bool{}}
			var checked []string
			for _, name := range shared {
				t.Run(name, func(t *testing.T) {
					if d.check(t, name) {
						checked = append(checked, name)
					}
				})
			}
			reportCoverage(t, p, m, f, shared, checked, "compared on the wire with v1")
			for i := range known {
				k := &known[i]
				if k.product == p.name && slices.Contains(shared, k.op) && !d.used[k] {
					t.Errorf("known disagreement %s.%s (%s) did not occur: remove it from knownDisagreements and DISAGREEMENTS.md", k.op, k.param, k.settled)
				}
			}
		})
	}
}

// accessKey is the product's fixed AccessKey as a credentials-go
// credential.
func accessKey(t *testing.T, p diffProduct) credentials.Credential {
	t.Helper()
	cred, err := credentials.NewCredential(new(credentials.Config).
		SetType("access_key").SetAccessKeyId(p.id).SetAccessKeySecret(p.secret))
	if err != nil {
		t.Fatal(err)
	}
	return cred
}

// sharedOperations loads the model and the facts and returns the
// operations both have that v1 has too. A model operation the facts lack
// fails the test.
func sharedOperations(t *testing.T, p diffProduct) (*apigen.Model, *facts, []string) {
	t.Helper()
	m, err := apigen.Load(p.model)
	if err != nil {
		t.Fatal(err)
	}
	f, err := loadFacts(p.facts)
	if err != nil {
		t.Fatal(err)
	}
	var shared []string
	for _, op := range m.Operations {
		fop := f.op(op.Name)
		switch {
		case fop == nil:
			t.Errorf("the model's %s is not in the facts", op.Name)
		case fop.InV1:
			shared = append(shared, op.Name)
		}
	}
	return m, f, shared
}

// reportCoverage prints how many operations were checked and fails when
// one the model and v1 share was not, or, once the model has every
// operation of the facts, when they share fewer than the facts say.
func reportCoverage(t *testing.T, p diffProduct, m *apigen.Model, f *facts, shared, checked []string, what string) {
	t.Helper()
	inV1 := 0
	for _, op := range f.Operations {
		if op.InV1 {
			inV1++
		}
	}
	line := fmt.Sprintf("interop: %s: %d of %d operations the model (%d) and v1 share %s; the facts have %d, %d of them in v1",
		p.name, len(checked), len(shared), len(m.Operations), what, len(f.Operations), inV1)
	t.Log(line)
	fmt.Println(line)
	for _, name := range shared {
		if !slices.Contains(checked, name) {
			t.Errorf("%s: %s is in the model and in v1 but was not checked", p.name, name)
		}
	}
	if len(m.Operations) == len(f.Operations) && len(shared) != inV1 {
		t.Errorf("%s: the model has every operation but shares %d with v1, the facts %d", p.name, len(shared), inV1)
	}
}

// differ runs the comparison for one product.
type differ struct {
	p     diffProduct
	m     *apigen.Model
	f     *facts
	cs    *captureServer
	ours  any
	v1    any
	known []disagreement
	used  map[*disagreement]bool
}

// check sends op through both clients and compares the requests; it
// reports whether both were sent and compared.
func (d *differ) check(t *testing.T, name string) bool {
	op := modelOp(d.m, name)
	fop := d.f.op(name)
	fill := &filler{m: d.m, fixed: map[string]string{"RegionId": d.p.region}}
	d.cs.respond(testutil.FullAnswer(d.m, op))

	req, err := d.sendOurs(op, fop, fill)
	if req == nil {
		t.Error(err)
		return false
	}
	ours := d.one(t, "ours")
	if ours == nil {
		t.Errorf("ours, every parameter set: %v", err)
		return false
	}
	if err != nil {
		// The request was sent: what ours made of the answer is the
		// completeness tests' business (testutil.Complete).
		t.Logf("ours' answer (not compared here): %v", err)
	}
	bridged, ok := d.sendV1(t, op, fop, *req, ours)
	if !ok {
		return false
	}
	v1 := d.one(t, "v1")
	if v1 == nil {
		return false
	}
	d.compare(t, op, fop, ours, v1, bridged)
	return true
}

func modelOp(m *apigen.Model, name string) *apigen.Operation {
	for i := range m.Operations {
		if m.Operations[i].Name == name {
			return &m.Operations[i]
		}
	}
	return nil
}

// one returns the one request the capture server got from who.
func (d *differ) one(t *testing.T, who string) *wireRequest {
	t.Helper()
	got, errs := d.cs.take()
	for _, err := range errs {
		t.Errorf("%s's request: %v", who, err)
	}
	if len(got) != 1 {
		t.Errorf("%s sent %d requests, want 1", who, len(got))
		return nil
	}
	return &got[0]
}

// sendOurs fills our request of op with every model parameter and sends
// it. It returns the request (nil if it could not be built) and the call's
// error.
func (d *differ) sendOurs(op *apigen.Operation, fop *factsOp, fill *filler) (*reflect.Value, error) {
	method := reflect.ValueOf(d.ours).MethodByName(op.Name)
	if !method.IsValid() {
		return nil, fmt.Errorf("our client has no method %s", op.Name)
	}
	req, err := buildOurs(method, op, fop, fill)
	if err != nil {
		return nil, err
	}
	out := method.Call([]reflect.Value{reflect.ValueOf(context.Background()), req})
	err, _ = out[1].Interface().(error)
	return &req, err
}

// buildOurs returns our request of op, of the method's parameter type,
// with every model parameter set.
func buildOurs(method reflect.Value, op *apigen.Operation, fop *factsOp, fill *filler) (reflect.Value, error) {
	mt := method.Type()
	if mt.NumIn() != 3 || mt.In(1).Kind() != reflect.Pointer || mt.In(1).Elem().Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("our %s has the signature %v", op.Name, mt)
	}
	for _, mem := range op.Request.Members {
		if fop.param(mem.Wire) == nil {
			return reflect.Value{}, fmt.Errorf("the model's parameter %s is not in the facts of %s", mem.Wire, op.Name)
		}
	}
	req := reflect.New(mt.In(1).Elem())
	fill.texts = 0 // the same values for the same operation, whatever ran before
	err := fill.fillMembers(op.Request.Members, req.Elem(), func(wire string) *factsSchema { return fop.param(wire).schema() }, 0)
	return req, err
}

// sendV1 fills the v1 request of op from ours and sends it; it returns
// the parameters given the JSON text ours sent.
func (d *differ) sendV1(t *testing.T, op *apigen.Operation, fop *factsOp, ours reflect.Value, sent *wireRequest) ([]string, bool) {
	req, bridged, err := buildV1(d.v1, d.f, d.m, op, fop, ours, func(wire string) (string, error) {
		for _, p := range sent.Params {
			if p.Name == wire {
				return p.Value, nil
			}
		}
		return "", fmt.Errorf("ours sent no %s", wire)
	})
	if err != nil {
		t.Error(err)
		return nil, false
	}
	for _, wire := range bridged {
		if k := disagreementFor(d.known, d.p.name, op.Name, wire); k != nil && k.settled == asJSONText {
			d.used[k] = true
			continue
		}
		if documentedJSONArray(fop.param(wire)) {
			continue // the class of text documented as a JSON array: DISAGREEMENTS.md
		}
		t.Errorf("%s: the model sends JSON text where v1 declares a string; add it to knownDisagreements (%s) with the reason", wire, asJSONText)
	}
	out := reflect.ValueOf(d.v1).MethodByName(op.Name).Call([]reflect.Value{req})
	if err, _ := out[1].Interface().(error); err != nil {
		t.Logf("v1's answer (not compared here): %v", err)
	}
	return bridged, true
}

// buildV1 returns v1's request of op with the values of ours, our request.
// text returns the text ours sent for a parameter.
func buildV1(v1 any, f *facts, m *apigen.Model, op *apigen.Operation, fop *factsOp, ours reflect.Value, text func(wire string) (string, error)) (reflect.Value, []string, error) {
	method := reflect.ValueOf(v1).MethodByName(op.Name)
	if !method.IsValid() {
		return reflect.Value{}, nil, fmt.Errorf("the v1 client has no method %s, though the facts say it has", op.Name)
	}
	req, err := newV1Request(method, f, fop)
	if err != nil {
		return reflect.Value{}, nil, err
	}
	for _, p := range fop.Params {
		if p.V1 != nil && p.Diff != v1Only && memberByWire(op, p.Name) == nil && !omitted(m, op.Name, p.Name) {
			return reflect.Value{}, nil, fmt.Errorf("v1 sends %s, which the model neither has nor lists in omitted", p.Name)
		}
	}
	var bridged []string
	for i := range op.Request.Members {
		mem := &op.Request.Members[i]
		fp := fop.param(mem.Wire)
		if fp.V1 == nil {
			continue // absent in v1: only ours sends it
		}
		dst, ok := v1Field(req.Elem(), fp.V1.Name)
		if !ok {
			return reflect.Value{}, nil, fmt.Errorf("the v1 %s has no field named %s", req.Type(), fp.V1.Name)
		}
		src, _ := fieldByWire(ours.Elem(), mem.Wire)
		asText, err := setV1(m, mem, dst, src, func() (string, error) { return text(mem.Wire) })
		if err != nil {
			return reflect.Value{}, nil, fmt.Errorf("%s: %w", mem.Wire, err)
		}
		if asText {
			bridged = append(bridged, mem.Wire)
		}
	}
	return req, bridged, nil
}

func memberByWire(op *apigen.Operation, wire string) *apigen.Member {
	for i := range op.Request.Members {
		if op.Request.Members[i].Wire == wire {
			return &op.Request.Members[i]
		}
	}
	return nil
}

func omitted(m *apigen.Model, op, param string) bool {
	for _, o := range m.Omitted {
		if o.Operation == op && o.Param == param {
			return true
		}
	}
	return false
}

// volatile are the parameters that differ between any two requests.
var volatile = []string{"Signature", "SignatureNonce", "Timestamp"}

// compare checks the two requests of op against each other.
func (d *differ) compare(t *testing.T, op *apigen.Operation, fop *factsOp, ours, v1 *wireRequest, bridged []string) {
	if k := disagreementFor(d.known, d.p.name, op.Name, ""); k != nil {
		d.used[k] = true
		if ours.Method == v1.Method {
			t.Errorf("known method disagreement: both send %s", ours.Method)
		}
	} else if ours.Method != v1.Method {
		t.Errorf("HTTP method: ours %s, v1 %s (facts: v2 %s, v1 %s)", ours.Method, v1.Method, fop.Method, fop.V1Method)
	}

	keep := func(ps []wireParam, drop func(p wireParam) bool) []wireParam {
		return slices.DeleteFunc(slices.Clone(ps), drop)
	}
	a := keep(ours.Params, func(p wireParam) bool { return slices.Contains(volatile, p.Name) })
	b := keep(v1.Params, func(p wireParam) bool {
		return slices.Contains(volatile, p.Name) || p.Name == "SignatureType" && p.Value == "" && !hasParam(a, "SignatureType")
	})
	for i := range op.Request.Members {
		mem := &op.Request.Members[i]
		owns := func(p wireParam) bool { return p.Name == mem.Wire || strings.HasPrefix(p.Name, mem.Wire+".") }
		if fop.param(mem.Wire).V1 == nil && mem.Wire != "RegionId" {
			if !slices.ContainsFunc(a, owns) {
				t.Errorf("ours does not send %s (absent in v1), though it is set", mem.Wire)
			}
			a = keep(a, owns)
			continue
		}
		if k := disagreementFor(d.known, d.p.name, op.Name, mem.Wire); k != nil && k.settled == wireDiffers {
			d.used[k] = true
			if slices.Equal(sortedParams(keep(a, not(owns))), sortedParams(keep(b, not(owns)))) {
				t.Errorf("known disagreement %s: both send the same", mem.Wire)
			}
			a, b = keep(a, owns), keep(b, owns)
			continue
		}
		if mem.List == "json" || fop.param(mem.Wire).Style == "json" || slices.Contains(bridged, mem.Wire) {
			canonicalJSON(t, a, mem.Wire, "ours")
			canonicalJSON(t, b, mem.Wire, "v1")
		}
	}
	a, b = sortedParams(a), sortedParams(b)
	if slices.Equal(a, b) {
		return
	}
	for _, p := range a {
		if !slices.Contains(b, p) {
			t.Errorf("only ours sends %s", p)
		}
	}
	for _, p := range b {
		if !slices.Contains(a, p) {
			t.Errorf("only v1 sends %s", p)
		}
	}
	if len(a) != len(b) {
		t.Errorf("ours sends %d parameters, v1 %d:\nours %v\nv1   %v", len(a), len(b), a, b)
	}
}

func not(f func(wireParam) bool) func(wireParam) bool {
	return func(p wireParam) bool { return !f(p) }
}

func hasParam(ps []wireParam, name string) bool {
	return slices.ContainsFunc(ps, func(p wireParam) bool { return p.Name == name })
}

// canonicalJSON rewrites the value of the parameter wire in ps as compact
// JSON with sorted keys and no HTML escaping.
func canonicalJSON(t *testing.T, ps []wireParam, wire, who string) {
	t.Helper()
	for i := range ps {
		if ps[i].Name != wire {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(ps[i].Value), &v); err != nil {
			t.Errorf("%s sends %s, which is not JSON text: %v", who, ps[i], err)
			continue
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v)
		ps[i].Value = strings.TrimSuffix(buf.String(), "\n")
	}
}

// documentedJSONArray reports whether the facts declare p a plain string
// whose documented example is a JSON array, which the model types as a
// list sent as JSON text (apiconv.JSONArrayList): that text is a string
// too, so v1 is given the text ours sends and the wire must agree.
func documentedJSONArray(p *factsParam) bool {
	return p != nil && p.Type == "string" && p.Style == "" && apiconv.JSONArrayList(p.Example) != ""
}
