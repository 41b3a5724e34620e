package apiconv

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/typedcloud/sdk-go/internal/apigen"
)

// fixture converts testdata/facts.json into testdata/curated.json.
func fixture(t *testing.T) *apigen.Model {
	t.Helper()
	f, err := LoadFacts("testdata/facts.json")
	require.NoError(t, err)
	curated, err := apigen.Load("testdata/curated.json")
	require.NoError(t, err)
	m, err := Convert(f, curated)
	require.NoError(t, err)
	return m
}

func member(t *testing.T, ms []apigen.Member, wire string) apigen.Member {
	t.Helper()
	for _, m := range ms {
		if m.Wire == wire || m.Path == wire {
			return m
		}
	}
	t.Fatalf("no member %s in %v", wire, ms)
	return apigen.Member{}
}

func op(t *testing.T, m *apigen.Model, name string) *apigen.Operation {
	t.Helper()
	o := operation(m, name)
	require.NotNil(t, o, name)
	return o
}

func TestRequestRules(t *testing.T) {
	m := fixture(t)
	req := op(t, m, "CreateScript").Request.Members
	id := member(t, req, "InstanceId")
	assert.Equal(t, "InstanceID", id.Name)
	assert.True(t, id.Required)
	assert.Equal(t, "i-1", id.Example)
	assert.Equal(t, "InstanceID names the instance. Required.", id.Doc)
	assert.Equal(t, "body", member(t, req, "ScriptName").In)
	nlu := member(t, req, "NluServiceType")
	assert.Equal(t, "NLUServiceType", nlu.Name)
	assert.Equal(t, []string{"Managed", "Provided"}, nlu.Values, "a plain scalar whose example is a value keeps its values")
	assert.Nil(t, member(t, req, "StatusFilter").Values, "an example outside the values is not the plain scalar they describe")
	level := member(t, req, "Level")
	require.NotNil(t, level.Min)
	require.NotNil(t, level.Max)
	assert.Equal(t, int64(0), *level.Min)
	assert.Equal(t, int64(2), *level.Max)
	jobs := member(t, req, "JobId")
	assert.Equal(t, "JobIDs", jobs.Name, "a repeat list with a singular wire name gets a plural Go name")
	assert.Equal(t, "[]string", jobs.Type)
	assert.Equal(t, "repeat", jobs.List)
	tts := member(t, req, "TtsConfig")
	assert.Equal(t, "TTSConfig", tts.Name)
	assert.Equal(t, "json", tts.List)
	s := m.Shape(tts.Type)
	require.NotNil(t, s, tts.Type)
	assert.True(t, s.Request)
	assert.True(t, member(t, s.Members, "Voice").Required)
	tags := member(t, req, "Tag")
	assert.Equal(t, "[]Tag", tags.Type, "a request list of {Key, Value} is the curated Tag")
	assert.Equal(t, "Tags", tags.Name)
	for _, mem := range req {
		assert.NotEqual(t, "OldParam", mem.Wire, "v1-only parameters are left out")
	}
	assert.Contains(t, m.Omitted, apigen.Omission{Operation: "CreateScript", Param: "OldParam",
		Reason: "only the v1 SDK sends it; the v2 SDK and the API reference do not list it"})
}

func TestPagingRequestDefaults(t *testing.T) {
	m := fixture(t)
	req := op(t, m, "ListScripts").Request.Members
	page, size := member(t, req, "PageNumber"), member(t, req, "PageSize")
	assert.False(t, page.Required)
	assert.False(t, size.Required)
	assert.Equal(t, "1", page.Default)
	assert.Equal(t, "MaxPageSize", size.Default)
}

func TestResponseRules(t *testing.T) {
	m := fixture(t)
	resp := op(t, m, "CreateScript").Response.Members
	require.Len(t, resp, 1, "the envelope members are dropped")
	assert.Equal(t, "ScriptID", resp[0].Name)
	assert.Equal(t, "lenient", resp[0].Decode)

	d := op(t, m, "DescribeScript")
	require.Len(t, d.Response.Members, 1)
	script := d.Response.Members[0]
	assert.True(t, script.Present, "a Describe operation's one object must be there")
	s := m.Shape(script.Type)
	require.NotNil(t, s)
	assert.Equal(t, "Script", s.Name)
	for wire, want := range map[string][2]string{
		"UpdateTime": {"time", "millis"},
		"CreateDate": {"time", "layout:2006-01-02 15:04:05"},
		"StartTime":  {"time", "seconds"},
		"EndTime":    {"int64", "lenient"},
		"Score":      {"float64", "lenient"},
		"ScriptName": {"string", "lenient"},
	} {
		mem := member(t, s.Members, wire)
		assert.Equal(t, want, [2]string{mem.Type, mem.Decode}, wire)
	}
	assert.Equal(t, "map[string]raw", member(t, op(t, m, "DeleteInstance").Response.Members, "Extra").Type)
}

func TestPageFlattening(t *testing.T) {
	m := fixture(t)
	o := op(t, m, "ListScripts")
	items := member(t, o.Response.Members, "Scripts.List")
	assert.Equal(t, "Scripts", items.Name)
	assert.Equal(t, "[]Script", items.Type, "a list item with a subset of Script's members is a Script")
	total := member(t, o.Response.Members, "Scripts.TotalCount")
	assert.Equal(t, "int", total.Type)
	require.NotNil(t, o.Paginate)
	assert.Equal(t, apigen.Paging{Style: "page", Page: "PageNumber", Size: "PageSize", DefaultSize: "MaxPageSize",
		Items: "Scripts", Total: "TotalCount", Item: "Script", Key: "ScriptID"},
		apigen.Paging{Style: o.Paginate.Style, Page: o.Paginate.Page, Size: o.Paginate.Size, DefaultSize: o.Paginate.DefaultSize,
			Items: o.Paginate.Items, Total: o.Paginate.Total, Item: o.Paginate.Item, Key: o.Paginate.Key})
	assert.Contains(t, o.Paginate.Doc, "ListScriptsPaginator walks the pages of ListScripts")
	assert.Contains(t, o.Paginate.NewDoc, "NewListScriptsPaginator")
	assert.Contains(t, o.Paginate.AllDoc, "ListScriptsAll returns every one of the scripts")

	tok := op(t, m, "ListTagResources").Paginate
	require.NotNil(t, tok)
	assert.Equal(t, []string{"token", "NextToken", "NextToken", "TagResources", "Tag"},
		[]string{tok.Style, tok.Page, tok.Next, tok.Items, tok.Item})
}

func TestOperationRules(t *testing.T) {
	m := fixture(t)
	for name, want := range map[string]struct {
		write bool
		group string
		doc   string
	}{
		"CreateScript":     {true, "Scripts", "CreateScript creates a script (OutboundBot 2019-12-26, action CreateScript). It is not idempotent: it is retried only when the request provably did not reach the service."},
		"DescribeScript":   {false, "Scripts", "DescribeScript describes the script (OutboundBot 2019-12-26, action DescribeScript). It is a read and is retried on any transient failure."},
		"ListScripts":      {false, "Scripts", "ListScripts lists the scripts (OutboundBot 2019-12-26, action ListScripts). It is a read and is retried on any transient failure. To walk every page, use ListScriptsAll or NewListScriptsPaginator."},
		"ListTagResources": {false, "Tags", ""},
	} {
		o := op(t, m, name)
		assert.Equal(t, want.write, o.Write, name)
		assert.Equal(t, want.group, o.Group, name)
		if want.doc != "" {
			assert.Equal(t, want.doc, o.Doc, name)
		}
		assert.Equal(t, "https://help.aliyun.com/zh/outboundbot/developer-reference/api-outboundbot-2019-12-26-"+lowerASCII(name), o.Link)
	}
	assert.Equal(t, "GET", op(t, m, "DescribeScript").Method)
}

func lowerASCII(s string) string { return string(bytes.ToLower([]byte(s))) }

// TestCuratedEntriesWin: what the model has keeps its content; only what
// it lacks is added, after it.
func TestCuratedEntriesWin(t *testing.T) {
	m := fixture(t)
	curated, err := apigen.Load("testdata/curated.json")
	require.NoError(t, err)
	d := op(t, m, "DeleteInstance")
	assert.Equal(t, "DeleteInstance is curated.", d.Doc)
	assert.Equal(t, "https://example.com/curated", d.Link)
	assert.Equal(t, curated.Operations[0].Request.Members[0], d.Request.Members[0])
	require.Len(t, d.Request.Members, 2, "the facts' Force is appended")
	assert.Equal(t, "Force", d.Request.Members[1].Name)
	assert.Equal(t, "Instances", d.Group, "a curated operation without a group gets one")
	assert.Equal(t, "DeleteInstance", m.Operations[0].Name, "curated operations keep their place")
	assert.Equal(t, *curated.Shape("Tag"), *m.Shape("Tag"))
	assert.Equal(t, "MaxPageSize is hand-written.", m.Constants[0].Doc)
	assert.Len(t, m.Constants, 1)
}

// TestHandEditsSurvive: an edit to a generated entry is kept by the next
// conversion.
func TestHandEditsSurvive(t *testing.T) {
	m := fixture(t)
	o := op(t, m, "CreateScript")
	o.Doc = "edited"
	o.Request.Members[0].Doc = "edited member"
	o.Request.Members[0].Name = "Instance"
	f, err := LoadFacts("testdata/facts.json")
	require.NoError(t, err)
	again, err := Convert(f, m)
	require.NoError(t, err)
	o = op(t, again, "CreateScript")
	assert.Equal(t, "edited", o.Doc)
	assert.Equal(t, "edited member", o.Request.Members[0].Doc)
	assert.Equal(t, "Instance", o.Request.Members[0].Name)
	assert.Len(t, o.Request.Members, len(op(t, fixture(t), "CreateScript").Request.Members))
}

// TestIdempotent: converting the result again gives the same bytes.
func TestIdempotent(t *testing.T) {
	m := fixture(t)
	first, err := Marshal(m)
	require.NoError(t, err)
	f, err := LoadFacts("testdata/facts.json")
	require.NoError(t, err)
	reread, err := apigen.Parse(first)
	require.NoError(t, err)
	again, err := Convert(f, reread)
	require.NoError(t, err)
	second, err := Marshal(again)
	require.NoError(t, err)
	assert.Equal(t, string(first), string(second))
}

// TestWithoutModel: facts alone make a whole model.
func TestWithoutModel(t *testing.T) {
	f, err := LoadFacts("testdata/facts.json")
	require.NoError(t, err)
	m, err := Convert(f, nil)
	require.NoError(t, err)
	assert.Equal(t, "outboundbot", m.Product)
	assert.Len(t, m.Operations, len(f.Operations))
	assert.NotNil(t, m.Shape("Tag"), "the {Key, Value} shape is named after its field")
}

func TestMarshalKeepsLimitsOfZero(t *testing.T) {
	zero := int64(0)
	m := &apigen.Model{Product: "p", Operations: []apigen.Operation{{Name: "X", Request: apigen.Shape{Members: []apigen.Member{
		{Wire: "A", Name: "A", Type: "int", Min: &zero}}}}}}
	b, err := Marshal(m)
	require.NoError(t, err)
	assert.Contains(t, string(b), `{"wire": "A", "name": "A", "type": "int", "min": 0}`)
	assert.NotContains(t, string(b), `"required"`)
	back, err := apigen.Parse(b)
	require.NoError(t, err)
	assert.Equal(t, m.Operations[0].Request.Members, back.Operations[0].Request.Members)
}

func TestFactsErrors(t *testing.T) {
	_, err := ParseFacts([]byte(`{"operations": []}`))
	assert.Error(t, err)
	_, err = ParseFacts([]byte(`{`))
	assert.Error(t, err)
	_, err = LoadFacts("testdata/absent.json")
	assert.ErrorIs(t, err, os.ErrNotExist)
}
