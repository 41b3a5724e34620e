package outboundbottest

import (
	"net/http"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/fake"
)

// Script statuses the fake uses: a script is DRAFTED until its first
// PublishScript, PUBLISHED after.
const (
	scriptDrafted   = "DRAFTED"
	scriptPublished = "PUBLISHED"
)

// script is a dialogue script and its settings.
type script struct {
	ID, Name, Description, Industry, Scene string
	Status                                 string
	// Drafted: the script has changes no PublishScript has published yet.
	Drafted bool

	AsrConfig, TtsConfig, ChatConfig, LabelConfig, NlsConfig string
	ChatbotID, AgentKey, NluEngine, NluAccessType            string
	AgentID                                                  int64
	AgentLlm, EmotionEnable, LongWaitEnable                  bool
	MiniPlaybackEnable, NewBargeInEnable                     bool
	NluProfile                                               nluProfile
	Created, Updated                                         time.Time
}

// nluProfile is the third-party NLU function of ScriptNluProfileJsonString.
type nluProfile struct {
	FcFunction           string `json:"fcFunction"`
	FcHTTPTriggerURL     string `json:"fcHttpTriggerUrl"`
	FcRegion             string `json:"fcRegion"`
	SupportBeebotPrompts bool   `json:"supportBeebotPrompts"`
}

// scriptFlags are the boolean parameters Create and Modify share.
var scriptFlags = []string{"AgentLlm", "EmotionEnable", "LongWaitEnable", "MiniPlaybackEnable", "NewBargeInEnable"}

// set applies the parameters Create and Modify share; absent ones keep
// their value.
func (sc *script) set(a fake.Args) *fake.Reply {
	if bad := flags(a, scriptFlags, &sc.AgentLlm, &sc.EmotionEnable, &sc.LongWaitEnable, &sc.MiniPlaybackEnable, &sc.NewBargeInEnable); bad != nil {
		return bad
	}
	if bad := longParam(a, "AgentId", &sc.AgentID); bad != nil {
		return bad
	}
	if bad := jsonParam(a, "ScriptNluProfileJsonString", &sc.NluProfile); bad != nil {
		return bad
	}
	for name, field := range map[string]*string{
		"ScriptName": &sc.Name, "ScriptDescription": &sc.Description, "Industry": &sc.Industry, "Scene": &sc.Scene,
		"AsrConfig": &sc.AsrConfig, "TtsConfig": &sc.TtsConfig, "ChatConfig": &sc.ChatConfig, "LabelConfig": &sc.LabelConfig,
		"NlsConfig": &sc.NlsConfig, "ChatbotId": &sc.ChatbotID, "AgentKey": &sc.AgentKey, "NluEngine": &sc.NluEngine,
		"NluAccessType": &sc.NluAccessType,
	} {
		if v, sent := a[name]; sent {
			*field = v
		}
	}
	return nil
}

func (s *Server) createScript(c *fake.Call) fake.Reply {
	return s.within(c, []string{"ScriptName", "Industry", "Scene"}, func(w *workspace) fake.Reply {
		now := s.now().UTC().Truncate(time.Millisecond)
		sc := &script{Status: scriptDrafted, Drafted: true, Created: now, Updated: now}
		if bad := sc.set(c.Params); bad != nil {
			return *bad
		}
		if w.scriptNamed(sc.Name) != nil {
			return *fake.Invalid("ScriptName")
		}
		sc.ID = s.newID(kindScript)
		w.scripts[sc.ID] = sc
		w.scriptIDs = append(w.scriptIDs, sc.ID)
		return ok(c, map[string]any{"Script": sc.detail()})
	})
}

func (w *workspace) scriptNamed(name string) *script {
	for _, sc := range w.scripts {
		if sc.Name == name {
			return sc
		}
	}
	return nil
}

// withScript runs fn on the call's script.
func (s *Server) withScript(c *fake.Call, required []string, fn func(w *workspace, sc *script) fake.Reply) fake.Reply {
	return s.within(c, append([]string{"ScriptId"}, required...), func(w *workspace) fake.Reply {
		sc := w.scripts[c.Params["ScriptId"]]
		if sc == nil {
			return unknown("ScriptId")
		}
		return fn(w, sc)
	})
}

func (s *Server) describeScript(c *fake.Call) fake.Reply {
	return s.withScript(c, nil, func(_ *workspace, sc *script) fake.Reply {
		return ok(c, map[string]any{"Script": sc.detail(), "NlsConfig": sc.NlsConfig})
	})
}

func (s *Server) listScripts(c *fake.Call) fake.Reply {
	number, size, bad := page(c.Params)
	if bad != nil {
		return *bad
	}
	return s.within(c, nil, func(w *workspace) fake.Reply {
		match := []map[string]any{}
		for _, id := range w.scriptIDs {
			sc := w.scripts[id]
			if strings.Contains(sc.Name, c.Params["ScriptName"]) && (c.Params["NluEngine"] == "" || sc.NluEngine == c.Params["NluEngine"]) {
				match = append(match, sc.listed())
			}
		}
		from, to := window(number, size, len(match))
		return ok(c, map[string]any{"Scripts": map[string]any{
			"List": match[from:to], "PageNumber": number, "PageSize": size, "TotalCount": len(match),
		}})
	})
}

func (s *Server) modifyScript(c *fake.Call) fake.Reply {
	return s.withScript(c, []string{"ScriptName", "Industry", "Scene"}, func(w *workspace, sc *script) fake.Reply {
		if other := w.scriptNamed(c.Params["ScriptName"]); other != nil && other != sc {
			return *fake.Invalid("ScriptName")
		}
		changed := *sc
		if bad := changed.set(c.Params); bad != nil {
			return *bad
		}
		changed.Drafted, changed.Updated = true, s.now().UTC().Truncate(time.Millisecond)
		*sc = changed
		return ok(c, map[string]any{"Script": sc.detail()})
	})
}

func (s *Server) deleteScript(c *fake.Call) fake.Reply {
	return s.withScript(c, nil, func(w *workspace, sc *script) fake.Reply {
		for _, g := range w.groups {
			if g.ScriptID == sc.ID {
				return fake.Error(http.StatusBadRequest, "InvalidParameter", "The script is used by job group "+g.ID+".")
			}
		}
		delete(w.scripts, sc.ID)
		w.scriptIDs = without(w.scriptIDs, sc.ID)
		return ok(c, nil)
	})
}

// publishScript publishes the draft at once (the service goes through
// PUBLISH_IN_PROGRESS; the fake is done when it answers).
func (s *Server) publishScript(c *fake.Call) fake.Reply {
	return s.withScript(c, []string{"Description"}, func(_ *workspace, sc *script) fake.Reply {
		sc.Status, sc.Drafted, sc.Updated = scriptPublished, false, s.now().UTC().Truncate(time.Millisecond)
		return ok(c, nil)
	})
}

// detail renders the script as Create, Modify and Describe return it.
func (sc *script) detail() map[string]any {
	return map[string]any{
		"ScriptId": sc.ID, "ScriptName": sc.Name, "ScriptDescription": sc.Description,
		"Industry": sc.Industry, "Scene": sc.Scene, "Status": sc.Status,
		"IsDrafted": sc.Drafted, "DebugStatus": scriptDrafted, "IsDebugDrafted": true,
		"AgentId": sc.AgentID, "AgentKey": sc.AgentKey, "AgentLlm": sc.AgentLlm,
		"AsrConfig": sc.AsrConfig, "TtsConfig": sc.TtsConfig, "ChatConfig": sc.ChatConfig, "LabelConfig": sc.LabelConfig,
		"ChatbotId": sc.ChatbotID, "NluEngine": sc.NluEngine, "NluAccessType": sc.NluAccessType,
		"EmotionEnable": sc.EmotionEnable, "LongWaitEnable": sc.LongWaitEnable,
		"MiniPlaybackEnable": sc.MiniPlaybackEnable, "NewBargeInEnable": sc.NewBargeInEnable,
		"NluProfile": map[string]any{
			"FcFunction": sc.NluProfile.FcFunction, "FcHttpTriggerUrl": sc.NluProfile.FcHTTPTriggerURL,
			"FcRegion": sc.NluProfile.FcRegion, "SupportBeebotPrompts": sc.NluProfile.SupportBeebotPrompts,
		},
		"UpdateTime": sc.Updated.UnixMilli(),
	}
}

// listed renders the script as ListScripts returns it: the agent ID under
// the documented lower-case key, with its creation time and review state.
func (sc *script) listed() map[string]any {
	m := sc.detail()
	m["agentId"] = m["AgentId"]
	delete(m, "AgentId")
	m["CreateTime"], m["IsPreset"], m["RejectReason"] = sc.Created.UnixMilli(), false, ""
	return m
}

// without returns ids without id, keeping the order.
func without(ids []string, id string) []string {
	for i, o := range ids {
		if o == id {
			return append(ids[:i:i], ids[i+1:]...)
		}
	}
	return ids
}
