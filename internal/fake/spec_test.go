package fake_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/fakeserver"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/fake/allkinds"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

const allKindsVersion = "2019-12-26"

func allKinds(t *testing.T) *fake.Server {
	s := fake.NewAlibaba("AllKinds", allKindsVersion, "allkinds.fake", allkinds.API(), nil, nil)
	t.Cleanup(s.Close)
	return s
}

// call sends action with params (query) and form to s.
func call(t *testing.T, s *fake.Server, method, action string, params, form map[string]string) (int, map[string]any) {
	q := map[string]string{"Action": action}
	for k, v := range params {
		q[k] = v
	}
	return testutil.AlibabaCall(t, s.URL(), allKindsVersion, method, q, form)
}

func with(base map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "<delete>" {
			delete(out, kv[i])
			continue
		}
		out[kv[i]] = kv[i+1]
	}
	return out
}

// TestCheck: every kind of parameter of the test model is checked as the
// model says, the first bad one named; where a parameter travels does not
// matter.
func TestCheck(t *testing.T) {
	s := allKinds(t)
	scalars := map[string]string{"Name": "abc", "Total": "5"}
	content := map[string]string{"Content": "body text"}
	list := map[string]string{"Name.1": "a"}
	tests := []struct {
		name   string
		action string
		params map[string]string
		form   map[string]string
		code   string // "" accepted
		param  string // the parameter the refusal names
	}{
		{"scalars", "SetScalars", scalars, content, "", ""},
		{"body parameter in the query", "SetScalars", with(scalars, "Content", "q"), nil, "", ""},
		{"query parameters in the body", "SetScalars", nil, with(scalars, "Content", "b"), "", ""},
		{"unknown parameter", "SetScalars", with(scalars, "Bogus", "x"), content, "", ""},
		{"every scalar", "SetScalars", with(scalars, "Code", "abc", "Count", "10", "Total", "-9223372036854775808", "Ratio", "0.5",
			"Enabled", "false", "Color", "GREEN", "Mood", "anything", "Level", "04"), content, "", ""},
		{"required text absent", "SetScalars", with(scalars, "Name", "<delete>"), content, "MissingParameter", "Name"},
		{"required text empty", "SetScalars", with(scalars, "Name", ""), content, "MissingParameter", "Name"},
		{"required body parameter absent", "SetScalars", scalars, nil, "MissingParameter", "Content"},
		{"too short", "SetScalars", with(scalars, "Name", "a"), content, "InvalidParameter", "Name"},
		{"too long in characters", "SetScalars", with(scalars, "Name", "长长长长长长"), content, "InvalidParameter", "Name"},
		{"not matching the pattern", "SetScalars", with(scalars, "Code", "ABC"), content, "InvalidParameter", "Code"},
		{"int not an integer", "SetScalars", with(scalars, "Count", "x"), content, "InvalidParameter", "Count"},
		{"int beyond 32 bits", "SetScalars", with(scalars, "Count", "2147483648"), content, "InvalidParameter", "Count"},
		{"int below its minimum", "SetScalars", with(scalars, "Count", "0"), content, "InvalidParameter", "Count"},
		{"int above its maximum", "SetScalars", with(scalars, "Count", "11"), content, "InvalidParameter", "Count"},
		{"int64 beyond 64 bits", "SetScalars", with(scalars, "Total", "9223372036854775808"), content, "InvalidParameter", "Total"},
		{"float not a number", "SetScalars", with(scalars, "Ratio", "half"), content, "InvalidParameter", "Ratio"},
		{"float above its maximum", "SetScalars", with(scalars, "Ratio", "1.5"), content, "InvalidParameter", "Ratio"},
		{"bool capitalised", "SetScalars", with(scalars, "Enabled", "True"), content, "InvalidParameter", "Enabled"},
		{"enum value of another case", "SetScalars", with(scalars, "Color", "green"), content, "InvalidParameter", "Color"},
		{"int not a documented value", "SetScalars", with(scalars, "Level", "3"), content, "InvalidParameter", "Level"},
		{"first bad parameter named", "SetScalars", with(scalars, "Count", "x", "Ratio", "y"), content, "InvalidParameter", "Count"},

		{"lists", "ListThings", list, nil, "", ""},
		{"every list", "ListThings", with(list, "Name.2", "b", "Num.1", "9", "Tag.1.Key", "k", "Tag.1.Value", "abc", "Tag.1.Level", "0",
			"Tag.1.Alias.1", "x", "Tag.3.Key", "gap", "Ids", `["a"]`, "Counts", `[1,9007199254740993]`,
			"Filter", `{"Min":2,"Labels":["a"],"Exact":true,"Color":"red","Other":1}`, "Filters", `[{"Min":1}]`,
			"Limits", `{"a":1}`, "Extra", `[1,{"x":null}]`, "PageNumber", "1", "PageSize", "50"), nil, "", ""},
		{"required repeat list absent", "ListThings", nil, nil, "MissingParameter", "Name"},
		{"empty element", "ListThings", with(list, "Name.2", ""), nil, "InvalidParameter", "Name.2"},
		{"index 0", "ListThings", with(list, "Name.0", "a"), nil, "InvalidParameter", "Name.0"},
		{"index with a leading zero", "ListThings", with(list, "Name.01", "a"), nil, "InvalidParameter", "Name.01"},
		{"index not a number", "ListThings", with(list, "Name.x", "a"), nil, "InvalidParameter", "Name.x"},
		{"scalar element with a field", "ListThings", with(list, "Name.1.Key", "a"), nil, "InvalidParameter", "Name.1.Key"},
		{"repeat element out of range", "ListThings", with(list, "Num.1", "10"), nil, "InvalidParameter", "Num.1"},
		{"repeat element not an integer", "ListThings", with(list, "Num.2", "x"), nil, "InvalidParameter", "Num.2"},
		{"object element without its required field", "ListThings", with(list, "Tag.1.Value", "v"), nil, "MissingParameter", "Tag.1.Key"},
		{"object element field out of range", "ListThings", with(list, "Tag.1.Key", "k", "Tag.1.Level", "6"), nil, "InvalidParameter", "Tag.1.Level"},
		{"object element field too long", "ListThings", with(list, "Tag.1.Key", "k", "Tag.1.Value", "abcd"), nil, "InvalidParameter", "Tag.1.Value"},
		{"object element without a field", "ListThings", with(list, "Tag.1", "k"), nil, "InvalidParameter", "Tag.1"},
		{"nested repeat index 0", "ListThings", with(list, "Tag.1.Key", "k", "Tag.1.Alias.0", "a"), nil, "InvalidParameter", "Tag.1.Alias.0"},
		{"JSON list not JSON", "ListThings", with(list, "Ids", `["a"`), nil, "InvalidParameter", "Ids"},
		{"JSON list with trailing text", "ListThings", with(list, "Ids", `["a"] x`), nil, "InvalidParameter", "Ids"},
		{"JSON list an object", "ListThings", with(list, "Ids", `{"a":1}`), nil, "InvalidParameter", "Ids"},
		{"JSON list of text with a number", "ListThings", with(list, "Ids", `[1]`), nil, "InvalidParameter", "Ids.1"},
		{"JSON list with an empty element", "ListThings", with(list, "Ids", `["a",""]`), nil, "InvalidParameter", "Ids.2"},
		{"JSON list of integers with a fraction", "ListThings", with(list, "Counts", `[1.5]`), nil, "InvalidParameter", "Counts.1"},
		{"JSON object a list", "ListThings", with(list, "Filter", `[]`), nil, "InvalidParameter", "Filter"},
		{"JSON object without its required member", "ListThings", with(list, "Filter", `{}`), nil, "MissingParameter", "Filter.Min"},
		{"JSON object member below its minimum", "ListThings", with(list, "Filter", `{"Min":0}`), nil, "InvalidParameter", "Filter.Min"},
		{"JSON object member list with an empty element", "ListThings", with(list, "Filter", `{"Min":1,"Labels":["a",""]}`), nil, "InvalidParameter", "Filter.Labels.2"},
		{"JSON object member not a bool", "ListThings", with(list, "Filter", `{"Min":1,"Exact":"yes"}`), nil, "InvalidParameter", "Filter.Exact"},
		{"JSON object member not a documented value", "ListThings", with(list, "Filter", `{"Min":1,"Color":"pink"}`), nil, "InvalidParameter", "Filter.Color"},
		{"JSON list of objects missing a member", "ListThings", with(list, "Filters", `[{"Min":1},{}]`), nil, "MissingParameter", "Filters.2.Min"},
		{"JSON map value of the wrong kind", "ListThings", with(list, "Limits", `{"a":"x"}`), nil, "InvalidParameter", "Limits.a"},
		{"JSON map a list", "ListThings", with(list, "Limits", `[1]`), nil, "InvalidParameter", "Limits"},
		{"raw JSON not JSON", "ListThings", with(list, "Extra", `{`), nil, "InvalidParameter", "Extra"},

		{"no parameters", "Ping", nil, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := http.MethodPost
			if tt.action == "ListThings" {
				method = http.MethodGet
			}
			status, body := call(t, s, method, tt.action, tt.params, tt.form)
			if tt.code == "" {
				assert.Equal(t, http.StatusOK, status, "%v", body)
				assert.Equal(t, "OK", body["Code"], "the model's answer in the envelope")
				return
			}
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Equal(t, tt.code, body["Code"], "%v", body)
			msg, _ := body["Message"].(string)
			if tt.code == "MissingParameter" {
				assert.Equal(t, `The input parameter "`+tt.param+`" that is mandatory for processing this request is not supplied.`, msg)
			} else {
				assert.Equal(t, "The specified parameter "+tt.param+" is invalid.", msg)
			}
		})
	}
}

// TestModelAnswer: an operation without a handler answers the model's
// answer in the envelope; an action the model lacks is not found.
func TestModelAnswer(t *testing.T) {
	s := allKinds(t)
	status, body := call(t, s, http.MethodGet, "ListThings", map[string]string{"Name.1": "a"}, nil)
	require.Equal(t, http.StatusOK, status)
	var want map[string]any
	for _, op := range allkinds.API().Operations {
		if op.Name == "ListThings" {
			require.NoError(t, json.Unmarshal([]byte(op.Answer), &want))
		}
	}
	require.NotEmpty(t, want)
	for k, v := range want {
		assert.Equal(t, v, body[k], k)
	}
	assert.Equal(t, "00000000-0000-4000-8000-000000000001", body["RequestId"])
	assert.Equal(t, 1, s.Received("ListThings"))

	status, body = call(t, s, http.MethodPost, "Unknown", nil, nil)
	assert.Equal(t, http.StatusNotFound, status)
	assert.Equal(t, "InvalidAction.NotFound", body["Code"])
	assert.Equal(t, "Specified api Unknown is not found.", body["Message"])
}

// TestHandle: a registered handler answers in place of the model's answer,
// after the checks unless registered unchecked; its Request carries the
// call, Builtin the answer the fake would give, and its Response is put in
// the envelopes.
func TestHandle(t *testing.T) {
	s := allKinds(t)
	valid := map[string]string{"Name": "abc", "Total": "5", "Content": "c"}
	var got []*fakeserver.Request
	record := func(resp fakeserver.Response) fakeserver.Handler {
		return func(r *fakeserver.Request) fakeserver.Response {
			got = append(got, r)
			return resp
		}
	}
	tests := []struct {
		name      string
		action    string
		handler   fakeserver.Handler
		unchecked bool
		params    map[string]string
		status    int
		body      map[string]any // members the answer must have
		calls     int            // handler calls
	}{
		{name: "a body gets the envelope", action: "SetScalars", handler: record(fakeserver.Response{Body: map[string]any{"Data": map[string]any{"Id": "mine"}}}),
			params: valid, status: 200, body: map[string]any{"Code": "OK", "Data": map[string]any{"Id": "mine"}, "RequestId": "00000000-0000-4000-8000-000000000001"}, calls: 1},
		{name: "the envelope members it sets are kept", action: "SetScalars", handler: record(fakeserver.Response{Status: 202, Body: struct{ Code string }{"Accepted"}}),
			params: valid, status: 202, body: map[string]any{"Code": "Accepted"}, calls: 1},
		{name: "an error", action: "SetScalars", handler: record(fakeserver.Response{Code: "Busy", Message: "try later"}),
			params: valid, status: 400, body: map[string]any{"Code": "Busy", "Message": "try later"}, calls: 1},
		{name: "an error with its status", action: "SetScalars", handler: record(fakeserver.Response{Status: 503, Code: "ServiceUnavailable"}),
			params: valid, status: 503, body: map[string]any{"Code": "ServiceUnavailable"}, calls: 1},
		{name: "checked first", action: "SetScalars", handler: record(fakeserver.Response{}),
			params: with(valid, "Count", "x"), status: 400, body: map[string]any{"Code": "InvalidParameter"}, calls: 0},
		{name: "unchecked", action: "SetScalars", handler: record(fakeserver.Response{}), unchecked: true,
			params: with(valid, "Count", "x"), status: 200, body: map[string]any{"Code": "OK"}, calls: 1},
		{name: "Builtin is the model's answer", action: "SetScalars",
			handler: func(r *fakeserver.Request) fakeserver.Response { got = append(got, r); return r.Builtin() },
			params:  valid, status: 200, body: map[string]any{"Code": "OK", "Data": map[string]any{"Id": "Id-1"}}, calls: 1},
		{name: "Example is the model's answer", action: "SetScalars",
			handler: func(r *fakeserver.Request) fakeserver.Response { got = append(got, r); return r.Example() },
			params:  valid, status: 200, body: map[string]any{"Code": "OK", "Data": map[string]any{"Id": "Id-1"}}, calls: 1},
		{name: "Example of an action the model lacks is an empty success", action: "Brand",
			handler: func(r *fakeserver.Request) fakeserver.Response { got = append(got, r); return r.Example() },
			status:  200, body: map[string]any{"Code": "OK"}, calls: 1},
		{name: "an action the model lacks", action: "Brand", handler: record(fakeserver.Response{Body: map[string]any{"New": true}}),
			status: 200, body: map[string]any{"New": true, "Code": "OK"}, calls: 1},
		{name: "Builtin of an action the model lacks", action: "Brand",
			handler: func(r *fakeserver.Request) fakeserver.Response { got = append(got, r); return r.Builtin() },
			status:  404, body: map[string]any{"Code": "InvalidAction.NotFound"}, calls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			s.Handle(tt.action, tt.handler, tt.unchecked)
			defer s.Handle(tt.action, nil, false)
			status, body := call(t, s, http.MethodPost, tt.action, tt.params, nil)
			assert.Equal(t, tt.status, status, "%v", body)
			for k, v := range tt.body {
				if k == "RequestId" {
					assert.NotEmpty(t, body[k])
					continue
				}
				assert.Equal(t, v, body[k], k)
			}
			require.Len(t, got, tt.calls)
			if tt.calls > 0 {
				r := got[0]
				assert.Equal(t, tt.action, r.Action)
				assert.Equal(t, fake.TestAccessKeyID, r.AccessKeyID)
				assert.Equal(t, body["RequestId"], r.RequestID)
				for k, v := range tt.params {
					assert.Equal(t, v, r.Params[k], k)
				}
			}
		})
	}

	t.Run("a non-object body is sent as it is", func(t *testing.T) {
		s.Handle("Ping", func(*fakeserver.Request) fakeserver.Response {
			return fakeserver.Response{Body: json.RawMessage(`[1,2]`)}
		}, false)
		defer s.Handle("Ping", nil, false)
		status, raw := testutil.AlibabaCallRaw(t, s.URL(), allKindsVersion, http.MethodPost, map[string]string{"Action": "Ping"}, nil)
		assert.Equal(t, 200, status)
		assert.Equal(t, "[1,2]", strings.TrimSpace(string(raw)))
	})
	t.Run("removed, the model answers again", func(t *testing.T) {
		status, body := call(t, s, http.MethodPost, "SetScalars", valid, nil)
		assert.Equal(t, 200, status)
		assert.Equal(t, map[string]any{"Id": "Id-1"}, body["Data"])
	})
}
