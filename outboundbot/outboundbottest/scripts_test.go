package outboundbottest_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/testutil"
)

// newScript creates a script named name and returns its ID.
func (h *harness) newScript(name string) string {
	h.T.Helper()
	out := h.call("CreateScript", testutil.RawParams{
		"ScriptName": name, "Industry": "教育", "Scene": "回访", "ScriptDescription": "课程回访",
		"NluEngine": "Prompts", "NluAccessType": "Managed", "EmotionEnable": "true", "AgentId": "1198938",
		"ScriptNluProfileJsonString": `{"fcRegion":"cn-shanghai","fcFunction":"waihu_test","fcHttpTriggerUrl":"http://waihu.example","supportBeebotPrompts":true}`,
	})
	id := str(out, "Script", "ScriptId")
	require.NotEmpty(h.T, id)
	return id
}

// TestScriptWorkflow: create → describe → list (paged) → modify → publish
// → delete → describe is refused.
func TestScriptWorkflow(t *testing.T) { scriptWorkflow(t, newHarness(t)) }

func scriptWorkflow(t *testing.T, h *harness) {
	id := h.newScript("script-0")
	for i := 1; i < 3; i++ {
		h.newScript("script-" + strconv.Itoa(i))
	}

	got := h.call("DescribeScript", testutil.RawParams{"ScriptId": id})
	assert.Equal(t, "script-0", str(got, "Script", "ScriptName"))
	assert.Equal(t, "DRAFTED", str(got, "Script", "Status"))
	assert.Equal(t, true, at(got, "Script", "IsDrafted"))
	assert.Equal(t, true, at(got, "Script", "EmotionEnable"))
	assert.Equal(t, 1198938, num(got, "Script", "AgentId"))
	assert.Equal(t, "waihu_test", str(got, "Script", "NluProfile", "FcFunction"))

	page2 := h.call("ListScripts", testutil.RawParams{"PageNumber": "2", "PageSize": "2"})
	assert.Equal(t, 3, num(page2, "Scripts", "TotalCount"))
	require.Len(t, list(page2, "Scripts", "List"), 1)
	assert.Equal(t, "script-2", str(list(page2, "Scripts", "List")[0], "ScriptName"))
	named := h.call("ListScripts", testutil.RawParams{"PageNumber": "1", "PageSize": "10", "ScriptName": "script-1"})
	assert.Equal(t, 1, num(named, "Scripts", "TotalCount"))

	h.call("PublishScript", testutil.RawParams{"ScriptId": id, "Description": "first"})
	got = h.call("DescribeScript", testutil.RawParams{"ScriptId": id})
	assert.Equal(t, "PUBLISHED", str(got, "Script", "Status"))
	assert.Equal(t, false, at(got, "Script", "IsDrafted"))

	mod := h.call("ModifyScript", testutil.RawParams{"ScriptId": id, "ScriptName": "renamed", "Industry": "电商", "Scene": "回访"})
	assert.Equal(t, "renamed", str(mod, "Script", "ScriptName"))
	assert.Equal(t, "PUBLISHED", str(mod, "Script", "Status"), "a modified published script stays published")
	assert.Equal(t, true, at(mod, "Script", "IsDrafted"), "with a draft to publish")
	got = h.call("DescribeScript", testutil.RawParams{"ScriptId": id})
	assert.Equal(t, "电商", str(got, "Script", "Industry"))
	assert.Equal(t, "课程回访", str(got, "Script", "ScriptDescription"), "parameters not sent keep their value")

	dup := h.Refuse("ModifyScript", testutil.RawParams{"ScriptId": id, "ScriptName": "script-1", "Industry": "x", "Scene": "y"})
	assert.Equal(t, "InvalidParameter", dup.Code)

	h.call("DeleteScript", testutil.RawParams{"ScriptId": id})
	gone := h.Refuse("DescribeScript", testutil.RawParams{"ScriptId": id})
	assert.Equal(t, http.StatusBadRequest, gone.HTTPStatus)
	assert.Equal(t, "InvalidParameter", gone.Code)
	assert.Contains(t, gone.Message, "ScriptId")
	after := h.call("ListScripts", testutil.RawParams{"PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 2, num(after, "Scripts", "TotalCount"))
}

// TestScriptsBelongToTheirInstance: another instance neither lists nor
// reads a script, and deleting the instance drops its scripts.
func TestScriptsBelongToTheirInstance(t *testing.T) {
	h := newHarness(t)
	id := h.newScript("mine")
	other := h.call("CreateInstance", testutil.RawParams{"InstanceName": "other", "MaxConcurrentConversation": "1"})
	otherID := str(other, "Instance", "InstanceId")
	require.NotEmpty(t, otherID)
	empty := h.call("ListScripts", testutil.RawParams{"InstanceId": otherID, "PageNumber": "1", "PageSize": "10"})
	assert.Equal(t, 0, num(empty, "Scripts", "TotalCount"))
	assert.Equal(t, "InvalidParameter", h.Refuse("DescribeScript", testutil.RawParams{"InstanceId": otherID, "ScriptId": id}).Code)
}
