package interop

// Where the parameters of a call land, ours against the OFFICIAL v1 client
// (github.com/aliyun/alibaba-cloud-sdk-go services/ccc, unmodified): one
// POST with form-body parameters (ListRealtimeAgentStates: AgentIdList and
// StateList are position:"Body" in the v1 SDK, in: body in the facts) and
// one GET (ListAttempts, request.Method = GET in the v1 SDK). Both clients
// send to a capture server on a loopback port that keeps the method, the
// query and the form body of each request, and answers success.

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	alicc "github.com/aliyun/alibaba-cloud-sdk-go/services/ccc"
	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/signer"
)

// landed is one request as the capture server read it.
type landed struct {
	method      string
	contentType string
	query, body url.Values
}

// captureServer keeps every request and answers the CCC success envelope.
type captureServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []landed
}

func newCaptureServer(t *testing.T) *captureServer {
	t.Helper()
	s := &captureServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		body, err := url.ParseQuery(string(raw))
		if err != nil {
			t.Errorf("form body %q: %v", raw, err)
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, landed{r.Method, r.Header.Get("Content-Type"), r.URL.Query(), body})
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		io.WriteString(w, `{"RequestId":"R-1","Code":"OK","HttpStatusCode":200,"Message":"","Data":{}}`)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *captureServer) take(t *testing.T) landed {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.reqs) != 1 {
		t.Fatalf("%d requests landed, want 1", len(s.reqs))
	}
	r := s.reqs[0]
	s.reqs = nil
	return r
}

// volatile are the parameters that differ between any two requests.
var volatile = []string{"Signature", "SignatureNonce", "Timestamp"}

// officialAt is the v1 CCC client sending to the capture server.
func officialAt(t *testing.T, s *captureServer) *alicc.Client {
	t.Helper()
	c, err := alicc.NewClientWithAccessKey(cccRegion, "LTAI-interop", "interop-secret")
	if err != nil {
		t.Fatalf("official CCC client: %v", err)
	}
	c.Domain = loopbackHost(t, s.URL)
	c.GetConfig().WithScheme("HTTP")
	return c
}

// samePlaces compares where the parameters of two requests landed: the same
// method, the same query and the same form body, but for the volatile
// parameters and SignatureType, which the v1 SDK always sends, empty, and
// we send only for bearer tokens (an empty parameter means nothing to the
// service).
func samePlaces(t *testing.T, official, ours landed) {
	t.Helper()
	if official.method != ours.method {
		t.Errorf("method: official %s, ours %s", official.method, ours.method)
	}
	if v, ok := official.query["SignatureType"]; !ok || len(v) != 1 || v[0] != "" {
		t.Errorf("the official client sent SignatureType=%q; the comparison below expects it empty", v)
	}
	delete(official.query, "SignatureType")
	for _, k := range volatile {
		if official.query.Get(k) == "" || ours.query.Get(k) == "" {
			t.Errorf("%s: official %q, ours %q: both must send it", k, official.query.Get(k), ours.query.Get(k))
		}
		delete(official.query, k)
		delete(ours.query, k)
	}
	if !equalValues(official.query, ours.query) {
		t.Errorf("query:\nofficial %v\nours     %v", official.query, ours.query)
	}
	if !equalValues(official.body, ours.body) {
		t.Errorf("form body:\nofficial %v\nours     %v", official.body, ours.body)
	}
}

func equalValues(a, b url.Values) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		vb, ok := b[k]
		if !ok || len(va) != len(vb) {
			return false
		}
		for i := range va {
			if va[i] != vb[i] {
				return false
			}
		}
	}
	return true
}

func ourCCC(t *testing.T, s *captureServer) *ccc.Client {
	t.Helper()
	c, err := ccc.New(ccc.Options{Endpoint: s.URL, Region: cccRegion, Credential: staticKey(t, "LTAI-interop", "interop-secret")})
	if err != nil {
		t.Fatalf("ccc.New: %v", err)
	}
	return c
}

func TestBodyParametersLandAsTheOfficialSDKPutsThem(t *testing.T) {
	s := newCaptureServer(t)
	const agents, states = `["agent 1@ccc","代理+2"]`, `["Ready","Break"]`

	official := alicc.CreateListRealtimeAgentStatesRequest()
	official.InstanceId = "ccc-interop"
	official.PageSize = requests.NewInteger(20)
	official.AgentIdList = agents
	official.StateList = states
	if _, err := officialAt(t, s).ListRealtimeAgentStates(official); err != nil {
		t.Fatalf("official ListRealtimeAgentStates: %v", err)
	}
	theirs := s.take(t)

	params := struct {
		InstanceID  string `url:"InstanceId"`
		PageSize    int    `url:"PageSize,omitempty"`
		AgentIDList string `url:"AgentIdList,omitempty,body"`
		StateList   string `url:"StateList,omitempty,body"`
	}{"ccc-interop", 20, agents, states}
	if err := ourCCC(t, s).InvokeRead(t.Context(), "ListRealtimeAgentStates", params, nil); err != nil {
		t.Fatalf("our ListRealtimeAgentStates: %v", err)
	}
	ours := s.take(t)

	if ours.body.Get("AgentIdList") != agents || ours.query.Has("AgentIdList") {
		t.Errorf("AgentIdList: body %q, query %q", ours.body.Get("AgentIdList"), ours.query.Get("AgentIdList"))
	}
	if ours.contentType != "application/x-www-form-urlencoded" || theirs.contentType != ours.contentType {
		t.Errorf("Content-Type: official %q, ours %q", theirs.contentType, ours.contentType)
	}
	samePlaces(t, theirs, ours)
}

func TestGETParametersLandAsTheOfficialSDKPutsThem(t *testing.T) {
	s := newCaptureServer(t)

	official := alicc.CreateListAttemptsRequest()
	official.InstanceId = "ccc-interop"
	official.Criteria = `{"a b":"未"}`
	official.StartTime = requests.NewInteger64(1700000000000)
	official.PageNumber = requests.NewInteger(2)
	if _, err := officialAt(t, s).ListAttempts(official); err != nil {
		t.Fatalf("official ListAttempts: %v", err)
	}
	theirs := s.take(t)

	params := struct {
		InstanceID string `url:"InstanceId"`
		Criteria   string `url:"Criteria,omitempty"`
		StartTime  int64  `url:"StartTime,omitempty"`
		PageNumber int    `url:"PageNumber,omitempty"`
	}{"ccc-interop", `{"a b":"未"}`, 1700000000000, 2}
	same := func(o rpc.Options) rpc.Options { return o }
	b, err := rpc.NewBase(rpc.Service{Product: "ccc", Version: "2020-07-01", DefaultRegion: cccRegion},
		rpc.Convert[rpc.Options]{To: same, From: same},
		rpc.Options{Endpoint: s.URL, Credential: staticKey(t, "LTAI-interop", "interop-secret"), SignatureVersion: signer.RPCV1}, nil)
	if err != nil {
		t.Fatalf("rpc.NewBase: %v", err)
	}
	if err := b.InvokeAction(t.Context(), rpc.Action{Name: "ListAttempts", Method: http.MethodGet, Idempotent: true}, params, nil, nil); err != nil {
		t.Fatalf("our ListAttempts: %v", err)
	}
	ours := s.take(t)

	if ours.method != http.MethodGet || len(ours.body) != 0 || ours.contentType != "" {
		t.Errorf("ours: %s with body %v and Content-Type %q, want a GET with neither", ours.method, ours.body, ours.contentType)
	}
	samePlaces(t, theirs, ours)
}

// staticKey is a fixed AccessKey credential.
func staticKey(t *testing.T, id, secret string) credentials.Credential {
	t.Helper()
	c, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").SetAccessKeyId(id).SetAccessKeySecret(secret))
	if err != nil {
		t.Fatalf("credential: %v", err)
	}
	return c
}
