package outboundbottest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// workspace is what an instance holds besides its own settings: the
// scripts, job groups and jobs created in it. Deleting the instance drops
// it with the record.
type workspace struct {
	scripts   map[string]*script
	scriptIDs []string // creation order, for listing
	groups    map[string]*jobGroup
	groupIDs  []string
	jobs      map[string]*job
}

// work returns the instance's workspace, made on first use. Callers hold mu.
func (r *record) work() *workspace {
	if r.space == nil {
		r.space = &workspace{scripts: map[string]*script{}, groups: map[string]*jobGroup{}, jobs: map[string]*job{}}
	}
	return r.space
}

// within checks the call's InstanceId and the other required parameters,
// then runs fn on the instance's workspace with the store locked.
func (s *Server) within(c *fake.Call, required []string, fn func(w *workspace) fake.Reply) fake.Reply {
	if bad := c.Params.Require(append([]string{"InstanceId"}, required...)...); bad != nil {
		return *bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byID[c.Params["InstanceId"]]
	if r == nil {
		return notFound()
	}
	return fn(r.work())
}

// unknown answers a ScriptId, JobGroupId or JobId the instance does not
// have. The product documents no not-found code for them (its error list
// names only NotExist.Instance), so the fake answers with the common 400
// InvalidParameter naming the parameter.
func unknown(param string) fake.Reply { return *fake.Invalid(param) }

// newID returns a UUID-shaped ID, unique within the store. kind keeps IDs
// of different resources apart when read in a log. Callers hold mu.
func (st *store) newID(kind uint16) string {
	st.seq++
	return fmt.Sprintf("%08x-%04x-4000-8000-%012d", st.seq, kind, st.seq)
}

// The kinds newID stamps into IDs.
const (
	kindScript   = 0x5c41
	kindJobGroup = 0x6a06
	kindJob      = 0x70b0
	kindTask     = 0x7a5c
	kindOther    = 0x0e7a
)

// flag reads an optional boolean parameter into *into when it is sent.
func flag(a fake.Args, name string, into *bool) *fake.Reply {
	v, set := a[name]
	if !set {
		return nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fake.Invalid(name)
	}
	*into = b
	return nil
}

// flags reads several optional booleans: names[i] into ptrs[i].
func flags(a fake.Args, names []string, ptrs ...*bool) *fake.Reply {
	for i, n := range names {
		if bad := flag(a, n, ptrs[i]); bad != nil {
			return bad
		}
	}
	return nil
}

// longParam reads an optional int64 parameter into *into when it is sent.
func longParam(a fake.Args, name string, into *int64) *fake.Reply {
	v, set := a[name]
	if !set || v == "" {
		return nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return fake.Invalid(name)
	}
	*into = n
	return nil
}

// jsonParam decodes an optional parameter of JSON text into v.
func jsonParam(a fake.Args, name string, v any) *fake.Reply {
	text, set := a[name]
	if !set || strings.TrimSpace(text) == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(text), v); err != nil {
		return fake.Invalid(name)
	}
	return nil
}

// page reads the required PageNumber and PageSize of a list operation.
func page(a fake.Args) (number, size int, bad *fake.Reply) {
	if bad := a.Require("PageNumber", "PageSize"); bad != nil {
		return 0, 0, bad
	}
	if number, bad = a.Int("PageNumber", 1, 1, 1<<31-1); bad != nil {
		return 0, 0, bad
	}
	size, bad = a.Int("PageSize", 10, 1, outboundbot.MaxPageSize)
	return number, size, bad
}

// window returns the bounds of page number of size within n items.
func window(number, size, n int) (from, to int) {
	from = min((number-1)*size, n)
	return from, min(from+size, n)
}

// lenientInt is an integer the services send in JSON text either as a
// number or as a string of digits (StrategyJson's "maxAttemptsPerDay":"3").
type lenientInt int64

func (n *lenientInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	*n = lenientInt(v)
	return err
}

// keyValue is the {Key, Value} pair answers use for extras and counters.
type keyValue struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}
