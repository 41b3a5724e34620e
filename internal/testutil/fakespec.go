package testutil

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/signer"
)

// FakeCodes are the codes a product's fake refuses bad parameters with.
type FakeCodes struct {
	Missing  string // a required parameter absent
	Invalid  string // the wrong type, not a documented value, too long
	BelowMin string // a number below its minimum
	AboveMax string // a number above its maximum
}

// FakeSpec checks a product fake's spec (api, generated from the model at
// modelPath) against the model, operation by operation, with a fake that
// has no handlers of its own: the spec lists the operation as the model
// does; its answer, asked for with a request filled from the model,
// decodes with the client newClient makes (wired to the fake's endpoint)
// with every field set; the same parameters sent by hand are accepted, in
// the query or all in the form body; and each parameter left out when
// required, sent with the wrong type, a bad list index, outside its range
// or documented values or too long, is refused with codes, naming it.
func FakeSpec(t *testing.T, modelPath string, api *fake.API, codes FakeCodes, newClient func(endpoint string) (any, error)) {
	m, err := apigen.Load(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	var names, want []string
	for _, op := range api.Operations {
		names = append(names, op.Name)
	}
	for _, op := range m.Operations {
		want = append(want, op.Name)
	}
	if !slices.Equal(names, want) {
		t.Fatalf("the spec has operations %v, the model %v (run go generate)", names, want)
	}
	srv := fake.NewAlibaba(m.Product, m.Version, m.Product+".fake", api, nil, nil)
	t.Cleanup(srv.Close)
	client, err := newClient(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Operations {
		op, spec := &m.Operations[i], &api.Operations[i]
		t.Run(op.Name, func(t *testing.T) {
			checkSpecOperation(t, op, spec)
			req := callFilled(t, m, op, client)
			params, err := rpc.Params(req)
			if err != nil {
				t.Fatal(err)
			}
			x := fakeCall{t: t, url: srv.URL(), version: m.Version, method: spec.Method, action: op.Name}
			base := map[string]string{}
			for _, p := range params {
				base[p.Key] = p.Value
			}
			x.accepted("every parameter in the query", base, nil)
			x.accepted("every parameter in the form body of a POST", nil, base)
			for _, bad := range badParams(m, op.Request.Members, base, codes) {
				x.refused(bad)
			}
		})
	}
}

// checkSpecOperation compares the spec of an operation with the model.
func checkSpecOperation(t *testing.T, op *apigen.Operation, spec *fake.Operation) {
	method := op.Method
	if method == "" {
		method = http.MethodPost
	}
	if spec.Method != method || spec.Write != op.Write {
		t.Errorf("the spec says %s write=%v, the model %s write=%v", spec.Method, spec.Write, method, op.Write)
	}
	var got, want []string
	for _, p := range spec.Params {
		got = append(got, p.Wire+"/"+strconv.FormatBool(p.Required))
	}
	for _, mem := range op.Request.Members {
		want = append(want, mem.Wire+"/"+strconv.FormatBool(mem.Required))
	}
	if !slices.Equal(got, want) {
		t.Errorf("the spec's parameters (wire/required) are %v, the model's %v", got, want)
	}
	if !json.Valid([]byte(spec.Answer)) {
		t.Errorf("the spec's answer is not JSON: %s", spec.Answer)
	}
}

// callFilled calls the operation through the client with every parameter
// set, checks that the answer decodes with every field set, and returns
// the request.
func callFilled(t *testing.T, m *apigen.Model, op *apigen.Operation, client any) any {
	method := reflect.ValueOf(client).MethodByName(op.Name)
	if !method.IsValid() {
		t.Fatalf("the client has no method %s", op.Name)
	}
	req := reflect.New(method.Type().In(1).Elem())
	if err := FillRequest(m, op.Request.Members, req.Elem()); err != nil {
		t.Fatal(err)
	}
	out := method.Call([]reflect.Value{reflect.ValueOf(context.Background()), req})
	if err, _ := out[1].Interface().(error); err != nil {
		t.Fatalf("the spec's answer: %v", err)
	}
	resp := out[0].Elem()
	if pg := op.Paginate; pg != nil && pg.Next != "" {
		// The spec answers a last page, so that a paginator over it ends:
		// the one member it leaves empty is the next page's token.
		next := resp.FieldByName(pg.Next)
		if !next.IsZero() {
			t.Errorf("the spec's answer has a next-page token (%v): a paginator over it would never end", next)
		}
		next.SetString("next")
	}
	CheckNonZero(t, op.Name+"Response", resp)
	return req.Interface()
}

// badParam is a request one parameter of which is wrong.
type badParam struct {
	what   string
	params map[string]string
	name   string // the parameter the refusal must name
	code   string
}

// badParams lists, for each member, the requests the model forbids: base
// with the member left out (when required) or sent wrong.
func badParams(m *apigen.Model, members []apigen.Member, base map[string]string, codes FakeCodes) []badParam {
	var out []badParam
	with := func(what, name, code string, change func(p map[string]string)) {
		p := make(map[string]string, len(base))
		for k, v := range base {
			p[k] = v
		}
		change(p)
		out = append(out, badParam{what: what, params: p, name: name, code: code})
	}
	for _, mem := range members {
		w := mem.Wire
		set := func(v string) func(map[string]string) { return func(p map[string]string) { p[w] = v } }
		if mem.Required {
			with("left out", w, codes.Missing, func(p map[string]string) {
				for k := range p {
					if k == w || strings.HasPrefix(k, w+".") {
						delete(p, k)
					}
				}
			})
		}
		elem := strings.TrimPrefix(mem.Type, "[]")
		switch {
		case mem.List == "repeat" || strings.HasPrefix(mem.Type, "[]") && mem.List == "":
			key := w + ".0"
			if m.Shape(elem) != nil {
				key += "." + m.Shape(elem).Members[0].Wire
				for _, f := range m.Shape(elem).Members {
					if f.Required {
						with("without "+f.Wire, w+".1."+f.Wire, codes.Missing, func(p map[string]string) { delete(p, w+".1."+f.Wire) })
					}
				}
			}
			with("index 0", key, codes.Invalid, func(p map[string]string) { p[key] = "v" })
			continue
		case mem.List == "json" && strings.HasPrefix(mem.Type, "[]"):
			with("JSON not an array", w, codes.Invalid, set(`{"a":1}`))
			with("bad JSON", w, codes.Invalid, set(`["a"`))
			continue
		case mem.List == "json" || strings.HasPrefix(mem.Type, "map[") || mem.Type == "raw":
			with("bad JSON", w, codes.Invalid, set(`{"a":`))
			continue
		}
		switch mem.Type {
		case "int", "int64":
			with("not an integer", w, codes.Invalid, set("1.5"))
		case "float64":
			with("not a number", w, codes.Invalid, set("one"))
		case "bool":
			with("not true or false", w, codes.Invalid, set("yes"))
		}
		if mem.Min != nil {
			with("below its minimum", w, codes.BelowMin, set(strconv.FormatInt(*mem.Min-1, 10)))
		}
		if mem.Max != nil {
			with("above its maximum", w, codes.AboveMax, set(strconv.FormatInt(*mem.Max+1, 10)))
		}
		if mem.MaxLength > 0 {
			with("too long", w, codes.Invalid, set(strings.Repeat("长", mem.MaxLength+1)))
		}
		if mem.MinLength > 1 {
			with("too short", w, codes.Invalid, set(strings.Repeat("长", mem.MinLength-1)))
		}
		if e := m.Enum(mem.Type); e != nil && e.Valid || len(mem.Values) > 0 {
			v := "not-a-value"
			if len(mem.Values) > 0 {
				v = outside(mem.Values)
			}
			with("not a documented value", w, codes.Invalid, set(v))
		}
	}
	return out
}

// fakeCall sends requests of one operation to a fake by hand.
type fakeCall struct {
	t                            *testing.T
	url, version, method, action string
}

func (x fakeCall) accepted(what string, query, form map[string]string) {
	x.t.Helper()
	method := x.method
	if form != nil {
		method = http.MethodPost
	}
	status, body := AlibabaCall(x.t, x.url, x.version, method, x.with(query), form)
	if status != http.StatusOK {
		x.t.Errorf("%s: answered %d %v, want 200", what, status, body)
	}
}

func (x fakeCall) refused(b badParam) {
	x.t.Helper()
	status, body := AlibabaCall(x.t, x.url, x.version, x.method, x.with(b.params), nil)
	msg, _ := body["Message"].(string)
	if status != http.StatusBadRequest || body["Code"] != b.code || !strings.Contains(msg, b.name) {
		x.t.Errorf("%s %s: answered %d %v, want 400 %s naming %s", b.name, b.what, status, body, b.code, b.name)
	}
}

func (x fakeCall) with(params map[string]string) map[string]string {
	q := map[string]string{"Action": x.action}
	for k, v := range params {
		q[k] = v
	}
	return q
}

// AlibabaCall sends one request signed with signature V1 and the fakes'
// AccessKey to the Alibaba fake at endpoint: query (which names the Action)
// in the URL, form as a form body. It returns the answer's status and
// JSON body.
func AlibabaCall(t testing.TB, endpoint, version, method string, query, form map[string]string) (int, map[string]any) {
	t.Helper()
	status, raw := AlibabaCallRaw(t, endpoint, version, method, query, form)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("the answer is not a JSON object: %s", raw)
	}
	return status, out
}

// AlibabaCallRaw is AlibabaCall returning the answer's body as it is.
func AlibabaCallRaw(t testing.TB, endpoint, version, method string, query, form map[string]string) (int, []byte) {
	t.Helper()
	q := url.Values{}
	for k, v := range map[string]string{
		"Format": "JSON", "Version": version, "AccessKeyId": fake.TestAccessKeyID,
		"SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SignatureNonce": rand.Text(),
		"Timestamp": time.Now().UTC().Format("2006-01-02T15:04:05Z"),
	} {
		q.Set(k, v)
	}
	for k, v := range query {
		q.Set(k, v)
	}
	var signed []signer.Param
	for k := range q {
		signed = append(signed, signer.Param{Key: k, Value: q.Get(k)})
	}
	body := url.Values{}
	for k, v := range form {
		body.Set(k, v)
		signed = append(signed, signer.Param{Key: k, Value: v})
	}
	res, err := signer.SignRPC(method, signed, fake.TestAccessKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	q.Set("Signature", res.Signature)
	req, err := http.NewRequest(method, endpoint+"/?"+q.Encode(), strings.NewReader(body.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if len(form) > 0 {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, raw
}
