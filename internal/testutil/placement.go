package testutil

import (
	"net/url"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// CheckPlacement fails for every parameter of op that the request
// snapshot sent (see Snapshot) does not carry where the model puts it: an
// Alibaba parameter in the query, or with in "body" in the form body and
// not the query, as Name, Name.N (a repeat list) or Name.N.Key; a Tencent
// one in the JSON body. A GET sends no body and no Content-Type.
func CheckPlacement(t testing.TB, m *apigen.Model, op *apigen.Operation, sent string) {
	t.Helper()
	query, body := url.Values{}, ""
	for _, line := range strings.Split(sent, "\n") {
		switch {
		case strings.HasPrefix(line, "query "):
			k, v, _ := strings.Cut(strings.TrimPrefix(line, "query "), "=")
			query.Add(k, v)
		case strings.HasPrefix(line, "body "):
			body = strings.TrimPrefix(line, "body ")
		}
	}
	if op.Method == "GET" && (body != "" || strings.Contains(sent, "\nheader Content-Type:")) {
		t.Errorf("the GET request has a body or a Content-Type:\n%s", sent)
	}
	if m.Protocol != "rpc" {
		for _, mem := range op.Request.Members {
			if !strings.Contains(body, `"`+mem.Wire+`"`) {
				t.Errorf("the request body does not send %s (%s)", mem.Wire, mem.Name)
			}
		}
		return
	}
	form, err := url.ParseQuery(body)
	if err != nil {
		t.Errorf("the request body is not a form: %v", err)
	}
	for _, mem := range op.Request.Members {
		inQuery, inBody := holds(query, mem.Wire), holds(form, mem.Wire)
		switch {
		case mem.In == "body" && (!inBody || inQuery):
			t.Errorf("%s (%s) is not sent in the body alone (query %v, body %v)", mem.Wire, mem.Name, inQuery, inBody)
		case mem.In != "body" && (!inQuery || inBody):
			t.Errorf("%s (%s) is not sent in the query alone (query %v, body %v)", mem.Wire, mem.Name, inQuery, inBody)
		}
	}
}

// holds reports whether params holds the parameter wire, or a list or
// struct under it (wire.1, wire.1.Key).
func holds(params url.Values, wire string) bool {
	for k := range params {
		if k == wire || strings.HasPrefix(k, wire+".") {
			return true
		}
	}
	return false
}
