package apiconv

import (
	"slices"
	"strings"
)

// product is what a conversion needs to know of a product beyond its
// facts.
type product struct {
	title    string // "OutboundBot 2019-12-26"
	link     string // the API reference's address, before the lower-case action
	pageSize string // the Go constant a paginator asks for
	groups   []group
	hints    map[string]string // shape names by sorted wire names, for shapes many operations share
}

// group files the operations whose noun (the name without its verb)
// contains one of its words under a resource.
type group struct {
	name  string
	words []string
}

func productOf(name, version string) product {
	switch strings.ToLower(name) {
	case "outboundbot":
		return product{
			title:    "OutboundBot " + version,
			link:     "https://help.aliyun.com/zh/outboundbot/developer-reference/api-outboundbot-" + version + "-",
			pageSize: "MaxPageSize",
			groups:   outboundbotGroups,
		}
	case "ccc":
		return product{
			title:    "CCC " + version,
			link:     "https://help.aliyun.com/zh/ccs/developer-reference/api-ccc-" + version + "-",
			pageSize: "MaxPageSize",
			groups:   cccGroups,
			hints:    cccHints,
		}
	}
	return product{title: name + " " + version, pageSize: "MaxPageSize"}
}

var outboundbotGroups = []group{
	{"Instances", []string{"Instance", "Version", "ConcurrentConversationQuota", "CurrentConcurrency", "ResourceGroup", "TenantKey", "PublicKey"}},
	{"Job groups", []string{"JobGroup", "BatchJob", "BatchRepeatJob", "JobDataParsing", "JobDataUpload", "GroupExecutingInfo"}},
	{"Jobs", []string{"Job", "AssignJobs"}},
	{"Tasks", []string{"Task", "Call", "Recording", "Failure"}},
	{"Scripts", []string{"Script", "Dialogue", "GlobalQuestion", "Intent", "Waveform", "Variable", "TTS", "Asr", "Chatbot", "ApiPlugin", "FlashSms", "Intention", "UploadUrl", "DownloadUrl", "DownloadTask", "DsReport"}},
	{"Agent profiles", []string{"AgentProfile"}},
	{"Annotation missions", []string{"AnnotationMission"}},
	{"Tags", []string{"Tag", "Resources"}},
	{"Numbers", []string{"Number", "ContactBlockList", "ContactWhiteList", "BindNumber"}},
	{"Strategies", []string{"Strategy", "MaxAttempts", "EffectiveDays", "AfterAnswerDelayPlayback", "EmptyNumber"}},
	{"Reports", []string{"Report", "Summary", "Statistics", "TagHits"}},
}

var cccGroups = []group{
	{"Instances", []string{"Instance", "AccessChannel", "ConfigItem", "Subscription", "Privileges"}},
	{"Users", []string{"User", "Admins", "RamUser", "Role", "LoginDetail"}},
	{"Skill groups", []string{"SkillGroup", "SkillLevel", "UserLevel"}},
	{"Numbers", []string{"Number", "DoNotCall", "Blacklist"}},
	{"Contact flows", []string{"ContactFlow", "IvrTracking"}},
	{"Campaigns", []string{"Campaign", "Case", "Attempt"}},
	{"Call records", []string{"CallDetailRecord", "Recording", "Voicemail", "Video", "Conversation", "EarlyMedia", "CallSummar", "SummaryTemplate", "AudioData", "Feedback"}},
	{"Reports", []string{"Report", "States", "Stats", "AgentStateLog", "AgentStates", "LegacyAgent", "LegacyQueue", "LegacyAppraise"}},
	{"Tickets", []string{"Ticket"}},
	{"Audio files", []string{"AudioFile"}},
	{"Call tags", []string{"CallTag", "Tagging", "Categor"}},
	{"Documents", []string{"Schema", "Document"}},
	{"Messaging", []string{"FlashSms", "Sms", "Notification"}},
	{"Chats", []string{"Chat", "Messages", "AliMe", "CustomIM"}},
	{"Devices", []string{"Device", "RTC", "Rtc", "TerminalLog", "Turn", "DataChannel", "Dtmf"}},
	{"Agent states", []string{"WorkMode", "Break", "AgentState", "Group", "ReadyForService", "UserStatus", "Visibility", "Authentication", "Survey"}},
	{"Calls", []string{"Call", "Conference", "Transfer", "Number"}},
}

// groupOf is an operation's group: the first group one of whose words
// its name (without the verb) contains; the Calls-style catch-alls come
// last.
func (p *product) groupOf(op string) string {
	_, rest := opVerb(op)
	for _, target := range []string{rest, op} {
		for _, g := range p.groups {
			if slices.ContainsFunc(g.words, func(w string) bool { return strings.Contains(target, w) }) {
				return g.name
			}
		}
	}
	return ""
}

// cccHints name the answers many CCC operations share.
var cccHints = map[string]string{
	"CallContext,UserContext":           "CallState",
	"CallContext,ContextId,UserContext": "CallState",
}
