package rpc

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/signer"
)

// The wire tests send one request of each parameter kind the two APIs use
// through a Client, signed both ways, and compare the parameters that land
// in the query and in the body with the ones the facts' style rules give,
// written out by hand. TestWireCasesCoverFacts walks both facts files and
// fails if a kind combination occurring in them has no case.

// Text with every byte class the encoders treat apart: space, '+', '/',
// '*', '~', '&', '=', a non-ASCII letter.
const awkward = "a b+c/未*~&="

type (
	wireTag struct {
		Key   string `url:"Key" json:"Key"`
		Value string `url:"Value,omitempty" json:"Value,omitempty"`
	}
	wireFlag struct {
		Delete bool   `url:"Delete,omitempty" json:"Delete,omitempty"`
		Name   string `url:"Name,omitempty" json:"Name,omitempty"`
	}
	// wireLeaf, wireTwig, wireBranch and wireTree are the shape of
	// OutboundBot SaveAnnotationMissionSessionList's repeat list: lists of
	// structs three deep.
	wireLeaf struct {
		Create bool   `url:"Create,omitempty"`
		Weight int    `url:"Weight,omitempty"`
		Time   int64  `url:"Time,omitempty"`
		ID     string `url:"Id,omitempty"`
	}
	wireTwig struct {
		Delete bool   `url:"Delete,omitempty"`
		Time   int64  `url:"Time,omitempty"`
		ID     string `url:"Id,omitempty"`
	}
	wireBranch struct {
		Leaves []wireLeaf `url:"Leaf,omitempty"`
		Twigs  []wireTwig `url:"Twig,omitempty"`
		Count  int        `url:"Count,omitempty"`
		Time   int64      `url:"Time,omitempty"`
		ID     string     `url:"Id,omitempty"`
	}
	wireTree struct {
		Branches []wireBranch `url:"Branch,omitempty"`
		Count    int          `url:"Count,omitempty"`
		Time     int64        `url:"Time,omitempty"`
		ID       string       `url:"Id,omitempty"`
	}
	// wireProperty has the members of CCC's JSON objects: boolean,
	// integer, number and string.
	wireProperty struct {
		Required bool    `json:"Required"`
		Size     int     `json:"Size"`
		Ratio    float64 `json:"Ratio"`
		Name     string  `json:"Name"`
	}
	wireStrategy struct {
		MaxAttempts int64  `json:"MaxAttempts"`
		Name        string `json:"Name"`
	}
	wireName struct {
		Name string `json:"Name"`
	}
)

type wireCase struct {
	name   string
	method string // "" is POST
	req    any
	query  map[string]string // the operation's parameters in the query
	body   map[string]string // in the form body
}

var wireCases = []wireCase{
	{
		name: "scalars in the query",
		req: struct {
			S string `url:"S"`
			I int    `url:"I"`
			L int64  `url:"L"`
			B bool   `url:"B"`
		}{awkward, -3, 1 << 40, true},
		query: map[string]string{"S": awkward, "I": "-3", "L": "1099511627776", "B": "true"},
	},
	{
		name: "scalars of a GET",
		req: struct {
			S string `url:"S"`
			I int    `url:"I"`
			L int64  `url:"L"`
			B bool   `url:"B"`
		}{awkward, 7, -1, false},
		method: http.MethodGet,
		query:  map[string]string{"S": awkward, "I": "7", "L": "-1", "B": "false"},
	},
	{
		name: "scalars in the body, beside the query",
		req: struct {
			S  string `url:"S,body"`
			I  int    `url:"I,omitempty,body"`
			L  int64  `url:"L,body"`
			Q  string `url:"Q"`
			No string `url:"No,omitempty,body"`
		}{S: awkward, I: 5, L: 1 << 40, Q: "in query"},
		query: map[string]string{"Q": "in query"},
		body:  map[string]string{"S": awkward, "I": "5", "L": "1099511627776"},
	},
	{
		name: "repeat list of a GET",
		req: struct {
			List []string `url:"List,omitempty"`
		}{[]string{"x", awkward}},
		method: http.MethodGet,
		query:  map[string]string{"List.1": "x", "List.2": awkward},
	},
	{
		name: "repeat lists of scalars",
		req: struct {
			Names []string `url:"Name,omitempty"`
			Ints  []int    `url:"Int,omitempty"`
			Empty []string `url:"Empty,omitempty"`
		}{Names: []string{"a", "", awkward}, Ints: []int{0, 12}},
		query: map[string]string{"Name.1": "a", "Name.2": "", "Name.3": awkward, "Int.1": "0", "Int.2": "12"},
	},
	{
		name: "repeat lists of structs",
		req: struct {
			Tags  []wireTag  `url:"Tag,omitempty"`
			Flags []wireFlag `url:"Flag,omitempty"`
		}{[]wireTag{{"k", awkward}, {Key: "only"}}, []wireFlag{{true, "n"}, {}}},
		query: map[string]string{"Tag.1.Key": "k", "Tag.1.Value": awkward, "Tag.2.Key": "only", "Flag.1.Delete": "true", "Flag.1.Name": "n"},
	},
	{
		name: "repeat list of structs holding lists of structs",
		req: struct {
			Trees []wireTree `url:"Tree,omitempty"`
		}{[]wireTree{{ID: "t1", Count: 2, Time: 3, Branches: []wireBranch{
			{ID: "b1", Leaves: []wireLeaf{{ID: "l1", Create: true, Weight: 4, Time: 5}, {ID: "l2"}}, Twigs: []wireTwig{{ID: "w1", Delete: true, Time: 6}}, Count: 7, Time: 8},
			{ID: "b2"},
		}}, {ID: "t2"}}},
		query: map[string]string{
			"Tree.1.Id": "t1", "Tree.1.Count": "2", "Tree.1.Time": "3",
			"Tree.1.Branch.1.Id": "b1", "Tree.1.Branch.1.Count": "7", "Tree.1.Branch.1.Time": "8",
			"Tree.1.Branch.1.Leaf.1.Id": "l1", "Tree.1.Branch.1.Leaf.1.Create": "true", "Tree.1.Branch.1.Leaf.1.Weight": "4", "Tree.1.Branch.1.Leaf.1.Time": "5",
			"Tree.1.Branch.1.Leaf.2.Id": "l2",
			"Tree.1.Branch.1.Twig.1.Id": "w1", "Tree.1.Branch.1.Twig.1.Delete": "true", "Tree.1.Branch.1.Twig.1.Time": "6",
			"Tree.1.Branch.2.Id": "b2",
			"Tree.2.Id":          "t2",
		},
	},
	{
		name: "JSON text in the query",
		req: struct {
			Ints     []int        `url:"Ints,omitempty,json"`
			Names    []string     `url:"Names,omitempty,json"`
			Items    []wireName   `url:"Items,omitempty,json"`
			Strategy wireStrategy `url:"Strategy,omitempty,json"`
			Only     wireName     `url:"Only,omitempty,json"`
			Unset    wireName     `url:"Unset,omitempty,json"`
			None     []string     `url:"None,omitempty,json"`
		}{Ints: []int{1, 2}, Names: []string{awkward, "<b>"}, Items: []wireName{{"x"}}, Strategy: wireStrategy{9007199254740993, "s"}, Only: wireName{"o"}},
		query: map[string]string{
			"Ints": `[1,2]`, "Names": `["a b+c/未*~&=","<b>"]`, "Items": `[{"Name":"x"}]`,
			"Strategy": `{"MaxAttempts":9007199254740993,"Name":"s"}`, "Only": `{"Name":"o"}`,
		},
	},
	{
		name: "JSON text in the body",
		req: struct {
			IDs        []int64        `url:"IDs,omitempty,json,body"`
			Names      []string       `url:"Names,omitempty,json,body"`
			Properties []wireProperty `url:"Properties,omitempty,json,body"`
			Property   wireProperty   `url:"Property,omitempty,json,body"`
			Sorts      []wireName     `url:"Sorts,omitempty,json,body"`
			InstanceID string         `url:"InstanceId"`
		}{IDs: []int64{1 << 40}, Names: []string{"&"}, Properties: []wireProperty{{true, 3, 0.25, "p"}}, Property: wireProperty{Ratio: 1e-7, Name: "q"},
			Sorts: []wireName{{"n"}}, InstanceID: "i"},
		query: map[string]string{"InstanceId": "i"},
		body: map[string]string{
			"IDs": `[1099511627776]`, "Names": `["&"]`,
			"Properties": `[{"Required":true,"Size":3,"Ratio":0.25,"Name":"p"}]`,
			"Property":   `{"Required":false,"Size":0,"Ratio":1e-7,"Name":"q"}`,
			"Sorts":      `[{"Name":"n"}]`,
		},
	},
	{
		name: "a GET sends body parameters in its query",
		req: struct {
			S    string   `url:"S,body"`
			List []string `url:"List,omitempty,body"`
		}{"s", []string{"x"}},
		method: http.MethodGet,
		query:  map[string]string{"S": "s", "List.1": "x"},
	},
	{
		name: "a list in the body",
		req: struct {
			Tags []wireTag `url:"Tag,omitempty,body"`
		}{[]wireTag{{"k", "v"}}},
		body: map[string]string{"Tag.1.Key": "k", "Tag.1.Value": "v"},
	},
	{
		name: "nested structs, maps, floats and optional values",
		req: struct {
			Tag    wireTag           `url:"Tag"`
			Zero   wireTag           `url:"Zero,omitempty"`
			Labels map[string]string `url:"Labels,omitempty,json"`
			NoMap  map[string]int    `url:"NoMap,omitempty,json"`
			Ptr    *wireName         `url:"Ptr,omitempty,json"`
			Nil    *wireName         `url:"Nil,omitempty,json"`
			Ratio  float64           `url:"Ratio"`
			Big    float64           `url:"Big"`
			Small  float32           `url:"Small,omitempty"`
			Floats []float64         `url:"Floats,omitempty"`
			Clear  *string           `url:"Clear,omitempty"`
			Count  *int              `url:"Count,omitempty"`
			Unset  *string           `url:"Unset,omitempty"`
		}{Tag: wireTag{Key: "k"}, Labels: map[string]string{"b": "2", "a": "<1>"}, Ptr: &wireName{"p"}, Ratio: 0.1, Big: 1e21, Small: 2.5,
			Floats: []float64{1, -0.5}, Clear: new(string), Count: new(int)},
		query: map[string]string{"Tag.Key": "k", "Labels": `{"a":"<1>","b":"2"}`, "Ptr": `{"Name":"p"}`, "Ratio": "0.1", "Big": "1e+21", "Small": "2.5",
			"Floats.1": "1", "Floats.2": "-0.5", "Clear": "", "Count": "0"},
	},
}

// TestWireEncoding sends every case signed both ways and reads back where
// each parameter landed.
func TestWireEncoding(t *testing.T) {
	for _, tc := range wireCases {
		for _, v := range []signer.Version{signer.RPCV1, signer.ACS3} {
			t.Run(tc.name+"/"+v.String(), func(t *testing.T) {
				rec := &recorder{answers: []answer{{200, okBody}}}
				c := newClient(t, rec, staticCredential(t, "LTAIid", "secret", ""))
				c.SignatureVersion = v
				require.NoError(t, c.Invoke(t.Context(), Call{Action: "Op", Method: tc.method, Request: tc.req}))
				require.Len(t, rec.reqs, 1)
				query, body := received(t, rec.reqs[0], v, "secret")
				assert.Equal(t, cmpOr(tc.method, http.MethodPost), rec.reqs[0].Method)
				assert.Equal(t, orEmpty(tc.query), query, "query")
				assert.Equal(t, orEmpty(tc.body), body, "body")
			})
		}
		t.Run(tc.name+"/reference", func(t *testing.T) {
			require.NotNil(t, planFor(reflect.TypeOf(tc.req)), "a plan encodes it")
			assertSamePlacement(t, tc.req)
		})
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// commonNames are the parameters buildV1 adds.
var commonNames = []string{"Action", "Version", "Format", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",
	"RegionId", "AccessKeyId", "Signature"}

// received verifies the signature of req as the service would and returns
// the operation's parameters of its query and of its form body.
func received(t *testing.T, req *http.Request, v signer.Version, secret string) (query, body map[string]string) {
	t.Helper()
	var raw []byte
	if req.Body != nil {
		var err error
		raw, err = io.ReadAll(req.Body)
		require.NoError(t, err)
		require.EqualValues(t, len(raw), req.ContentLength)
		again, err := req.GetBody()
		require.NoError(t, err)
		rawAgain, _ := io.ReadAll(again)
		assert.Equal(t, raw, rawAgain, "GetBody gives the body again")
		assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
		assert.NotEmpty(t, raw, "a body is sent only with parameters")
	}
	if req.Method == http.MethodGet || v == signer.ACS3 && raw == nil {
		assert.Empty(t, req.Header.Get("Content-Type"), "no body, no Content-Type")
	}
	q, err := url.ParseQuery(req.URL.RawQuery)
	require.NoError(t, err)
	form, err := url.ParseQuery(string(raw))
	require.NoError(t, err)
	for k := range form {
		assert.NotContains(t, q, k, "%s sent twice", k)
	}
	switch v {
	case signer.RPCV1:
		var params []signer.Param
		for _, vals := range []url.Values{q, form} {
			for k, vs := range vals {
				if k != "Signature" {
					params = append(params, signer.Param{Key: k, Value: vs[0]})
				}
			}
		}
		res, err := signer.SignRPC(req.Method, params, secret)
		require.NoError(t, err)
		assert.Equal(t, res.Signature, q.Get("Signature"), "the V1 signature covers query and body")
		for _, k := range commonNames {
			assert.Contains(t, q, k, "common parameters go in the query")
			delete(q, k)
		}
	case signer.ACS3:
		assert.Equal(t, signer.HashPayload(raw), req.Header.Get("x-acs-content-sha256"), "the hash of the body bytes")
		var headers []signer.Param
		for k := range req.Header {
			headers = append(headers, signer.Param{Key: k, Value: req.Header.Get(k)})
		}
		headers = append(headers, signer.Param{Key: "host", Value: req.Host})
		var query []signer.Param
		for k, vs := range q {
			query = append(query, signer.Param{Key: k, Value: vs[0]})
		}
		want := signer.SignACS3(signer.ACS3Request{Method: req.Method, Query: query, Headers: headers, HashedPayload: signer.HashPayload(raw)}, "LTAIid", secret)
		assert.Equal(t, want.Authorization, req.Header.Get("Authorization"))
		if raw != nil {
			assert.Contains(t, want.SignedHeaders, "content-type", "a body's Content-Type is signed")
		}
	}
	return single(t, q), single(t, form)
}

func single(t *testing.T, vals url.Values) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, vs := range vals {
		assert.Len(t, vs, 1, k)
		out[k] = vs[0]
	}
	return out
}

// TestFormBodyBytes: the body is written as url.Values.Encode writes it,
// which is what both official SDKs send (and ACS3 hashes): keys sorted,
// '+' for a space.
func TestFormBodyBytes(t *testing.T) {
	params := []signer.Param{{Key: "b", Value: awkward}, {Key: "Tag.1.Key", Value: "~x"}, {Key: "a", Value: ""}, {Key: "Tag.10.Key", Value: "y"}}
	want := url.Values{}
	for _, p := range params {
		want.Add(p.Key, p.Value)
	}
	assert.Equal(t, want.Encode(), formBody(params))
	assert.Equal(t, "Tag.1.Key=~x&Tag.10.Key=y&a=&b=a+b%2Bc%2F%E6%9C%AA%2A~%26%3D", formBody(params))
}

// assertSamePlacement checks that the plan and the reference encoder put
// the same parameters in the query and in the body.
func assertSamePlacement(t *testing.T, req any) {
	t.Helper()
	plan, perr := encodeParams(wireParams{}, nil, req)
	ref, rerr := referenceParams(wireParams{}, req)
	require.Equal(t, rerr == nil, perr == nil, "errors: reference %v, plan %v", rerr, perr)
	assert.ElementsMatch(t, ref.query, plan.query, "query")
	assert.ElementsMatch(t, ref.body, plan.body, "body")
}

// A kind is one combination of what decides a parameter's encoding: the
// HTTP method, where it goes, its list style and its type, with the types
// of everything it holds (json text is encoding/json's business, so of a
// json value only whether it is a list of scalars, of objects, an object
// or a map counts).
type kind struct {
	method, in, style, shape string
}

func (k kind) String() string {
	return k.method + " " + k.in + " " + cmpOr(k.style, "scalar") + " " + k.shape
}

// factsParam is a parameter (or a nested schema) of a facts file.
type factsParam struct {
	Name   string       `json:"name"`
	In     string       `json:"in"`
	Type   string       `json:"type"`
	Style  *string      `json:"style"`
	Items  *factsParam  `json:"items"`
	Values *factsParam  `json:"values"`
	Fields []factsParam `json:"fields"`
}

func (p *factsParam) shape(deep bool) string {
	switch p.Type {
	case "array":
		if !deep {
			return "array<" + coarse(p.Items.Type) + ">"
		}
		return "array<" + p.Items.shape(true) + ">"
	case "object":
		if !deep {
			return "object"
		}
		var members []string
		for i := range p.Fields {
			members = append(members, p.Fields[i].shape(true))
		}
		return "object{" + setOf(members) + "}"
	case "map":
		if !deep {
			return "map"
		}
		return "map<" + p.Values.shape(true) + ">"
	}
	return p.Type
}

// coarse is the item kind of a json list: scalar or object.
func coarse(typ string) string {
	if typ == "object" || typ == "array" || typ == "map" {
		return typ
	}
	return "scalar"
}

func setOf(members []string) string {
	sort.Strings(members)
	return strings.Join(slices.Compact(members), ",")
}

// factsKinds returns every kind of the parameters of the facts files in
// dir, each with one parameter that has it.
func factsKinds(t *testing.T, dir string) map[kind]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.Len(t, files, 2, "the facts of both APIs")
	kinds := map[kind]string{}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		var facts struct {
			Product    string `json:"product"`
			Operations []struct {
				Name   string       `json:"name"`
				Method string       `json:"method"`
				Params []factsParam `json:"params"`
			} `json:"operations"`
		}
		require.NoError(t, json.Unmarshal(raw, &facts), file)
		require.NotEmpty(t, facts.Operations, file)
		for _, op := range facts.Operations {
			for i := range op.Params {
				p := &op.Params[i]
				style := ""
				if p.Style != nil {
					style = *p.Style
				}
				k := kind{method: op.Method, in: p.In, style: style, shape: p.shape(style != "json")}
				if _, ok := kinds[k]; !ok {
					kinds[k] = facts.Product + " " + op.Name + "." + p.Name
				}
			}
		}
	}
	return kinds
}

// goShape is the facts shape of a request field's Go type.
func goShape(t reflect.Type, deep bool) string {
	switch t.Kind() {
	case reflect.Pointer:
		return goShape(t.Elem(), deep)
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int32:
		return "integer"
	case reflect.Int64:
		return "long"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice:
		if !deep {
			return "array<" + coarse(goShape(t.Elem(), false)) + ">"
		}
		return "array<" + goShape(t.Elem(), true) + ">"
	case reflect.Map:
		if !deep {
			return "map"
		}
		return "map<" + goShape(t.Elem(), true) + ">"
	case reflect.Struct:
		if !deep {
			return "object"
		}
		var members []string
		for i := range t.NumField() {
			members = append(members, goShape(t.Field(i).Type, true))
		}
		return "object{" + setOf(members) + "}"
	}
	return t.Kind().String()
}

// caseKinds returns the kinds the fields of the wire cases have.
func caseKinds() map[kind]bool {
	kinds := map[kind]bool{}
	for _, tc := range wireCases {
		typ := reflect.TypeOf(tc.req)
		for i := range typ.NumField() {
			f := typ.Field(i)
			_, opts := tagName(f)
			k := kind{method: cmpOr(tc.method, http.MethodPost), in: "query"}
			if hasOption(opts, "body") && k.method == http.MethodPost {
				k.in = "body"
			}
			switch {
			case hasOption(opts, "json"):
				k.style = "json"
			case f.Type.Kind() == reflect.Slice:
				k.style = "repeatList"
			case f.Type.Kind() == reflect.Struct:
				k.style = "flat"
			}
			k.shape = goShape(f.Type, k.style != "json")
			kinds[k] = true
		}
	}
	return kinds
}

// TestWireCasesCoverFacts: every kind of parameter the two APIs have is
// sent by some wire case. The facts files in testdata/facts are the
// parameter lists of /work/shared/api (see testdata/facts/README.md).
func TestWireCasesCoverFacts(t *testing.T) {
	facts := factsKinds(t, filepath.Join("testdata", "facts"))
	covered := caseKinds()
	var missing []string
	for k, example := range facts {
		if !covered[k] {
			missing = append(missing, k.String()+" (as "+example+")")
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "kinds of parameters no wire case sends")
	assert.Greater(t, len(facts), 20, "the facts have their kinds")
}

// TestInvokeAction: an Invoke sends its Action's method and its params'
// body fields as a generated operation does, and refuses a method RPC
// does not have before anything is sent.
func TestInvokeAction(t *testing.T) {
	type params struct {
		ID   string   `url:"InstanceId"`
		Jobs []string `url:"JobsJson,omitempty,json,body"`
	}
	for _, tc := range []struct {
		method      string
		query, body map[string]string
	}{
		{http.MethodGet, map[string]string{"InstanceId": "i", "JobsJson": `["j"]`}, map[string]string{}},
		{"", map[string]string{"InstanceId": "i"}, map[string]string{"JobsJson": `["j"]`}},
	} {
		rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
		b := newBase(t, rec, staticCredential(t, "LTAIid", "secret", ""))
		var out map[string]any
		require.NoError(t, b.InvokeAction(t.Context(), Action{Name: "Op", Method: tc.method, Idempotent: true}, params{"i", []string{"j"}}, &out, nil))
		require.Len(t, rec.reqs, 1)
		query, body := received(t, rec.reqs[0], signer.RPCV1, "secret")
		assert.Equal(t, cmpOr(tc.method, http.MethodPost), rec.reqs[0].Method)
		assert.Equal(t, tc.query, query)
		assert.Equal(t, tc.body, body)
		assert.Equal(t, "R-OK", out["RequestId"])
	}
	rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
	b := newBase(t, rec, staticCredential(t, "LTAIid", "secret", ""))
	err := b.InvokeAction(t.Context(), Action{Name: "Op", Method: http.MethodPut}, nil, nil, nil)
	assert.ErrorContains(t, err, `method "PUT"`)
	err = b.Invoke(t.Context(), "Op", false, struct {
		F float64 `url:"F"`
	}{math.NaN()}, nil, nil)
	assert.ErrorContains(t, err, "F: NaN is not a number")
	assert.Empty(t, rec.reqs, "nothing sent")
}
