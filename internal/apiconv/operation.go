package apiconv

import (
	"regexp"
	"slices"
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// readPrefixes start the names of the operations that only read.
var readPrefixes = []string{"Describe", "List", "Get", "Query", "Search", "Check", "Download"}

// isRead reports whether an operation is a pure read, retried freely.
func isRead(op string) bool {
	for _, p := range readPrefixes {
		if strings.HasPrefix(op, p) && len(op) > len(p) && op[len(p)] >= 'A' && op[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}

var (
	versionSuffix = regexp.MustCompile(`V[0-9]+$`)
	ofSuffix      = regexp.MustCompile(`(Of|By|From|To|For|In|With|Since)[A-Z].*$`)
)

// opVerb splits an operation name into its verb and the rest.
func opVerb(op string) (verb, rest string) {
	ws := words(op)
	if len(ws) < 2 {
		return op, ""
	}
	for _, two := range []string{"Barge In", "Sign In", "Sign Out", "Take Break"} {
		if strings.Join(ws[:2], " ") == two {
			return ws[0] + ws[1], strings.Join(ws[2:], "")
		}
	}
	return ws[0], strings.Join(ws[1:], "")
}

// opNoun is what an operation acts on, as a Go name: ListUsers → Users,
// ListInstancesOfUser → Instances, ListCallDetailRecordsV2 →
// CallDetailRecords.
func opNoun(op string) string {
	_, rest := opVerb(op)
	rest = versionSuffix.ReplaceAllString(rest, "")
	if t := ofSuffix.ReplaceAllString(rest, ""); t != "" {
		rest = t
	}
	if rest == "" {
		return op
	}
	return GoName(rest)
}

// verbs say in a doc line what an operation's verb does; %s is what it
// acts on.
var verbs = map[string]string{
	"List": "lists %s", "Get": "returns %s", "Describe": "describes %s", "Query": "queries %s",
	"Search": "searches %s", "Create": "creates %s", "Delete": "deletes %s", "Modify": "changes %s",
	"Update": "updates %s", "Save": "saves %s", "Submit": "submits %s", "Suspend": "suspends %s",
	"Assign": "assigns %s", "Download": "returns a download of %s", "Publish": "publishes %s",
	"Cancel": "cancels %s", "Change": "changes %s", "Duplicate": "duplicates %s", "Export": "exports %s",
	"Generate": "generates %s", "Import": "imports %s", "Resume": "resumes %s", "Rollback": "rolls back %s",
	"Start": "starts %s", "Terminate": "ends %s", "Upload": "uploads %s", "Withdraw": "withdraws %s",
	"Add": "adds %s", "Remove": "removes %s", "Enable": "enables %s", "Disable": "disables %s",
	"Abort": "aborts %s", "Accept": "accepts %s", "Analyze": "analyzes %s", "Answer": "answers %s",
	"Append": "appends %s", "BargeIn": "barges in on %s", "Claim": "claims %s", "Coach": "coaches %s",
	"Commit": "commits %s", "Complete": "completes %s", "Discard": "discards %s", "End": "ends %s",
	"Finish": "finishes %s", "Hold": "holds %s", "Initiate": "initiates %s", "Intercept": "intercepts %s",
	"Launch": "launches %s", "Make": "makes %s", "Monitor": "monitors %s", "Mute": "mutes %s",
	"Unmute": "unmutes %s", "Pause": "pauses %s", "Pick": "picks %s", "Poll": "polls %s",
	"Process": "processes %s", "Redial": "redials %s", "Register": "registers %s",
	"Unregister": "unregisters %s", "Reject": "rejects %s", "Release": "releases %s", "Reset": "resets %s",
	"Restore": "restores %s", "Resubmit": "resubmits %s", "Retrieve": "retrieves %s", "Send": "sends %s",
	"SignIn": "signs the agent in to %s", "SignOut": "signs the agent out of %s", "Switch": "switches %s",
	"Transfer": "transfers %s", "Bridge": "bridges %s",
	"Blind": "makes a blind %s", "Tag": "tags %s", "Untag": "untags %s", "Record": "records %s",
}

// specialDocs describe the operations whose names do not start with a verb.
var specialDocs = map[string]string{
	"Dialogue":            "sends one turn of a test dialogue with a script",
	"TaskPreparing":       "prepares a task before its call",
	"InflightTaskTimeout": "reports that a task in flight timed out",
	"ReadyForService":     "makes the agent ready for service",
	"TakeBreak":           "puts the agent on a break",
}

// opDoc is an operation's doc: what it does, the product and action, and
// how it is retried.
func opDoc(title, op string, write, paged bool) string {
	var what string
	if s, ok := specialDocs[op]; ok {
		what = s
	} else {
		verb, rest := opVerb(op)
		f, ok := verbs[verb]
		if !ok {
			f = "calls the " + phrase(verb) + " action on %s"
		}
		what = strings.Replace(f, "%s", object(verb, rest), 1)
	}
	doc := op + " " + what + " (" + title + ", action " + op + ")."
	if write {
		doc += " It is not idempotent: it is retried only when the request provably did not reach the service."
	} else {
		doc += " It is a read and is retried on any transient failure."
	}
	if paged {
		doc += " To walk every page, use " + op + "All or New" + op + "Paginator."
	}
	return doc
}

// object is what a verb acts on, with its article: "a script", "the
// scripts".
func object(verb, rest string) string {
	if rest == "" {
		return ""
	}
	p := phrase(rest)
	switch verb {
	case "Create", "Add", "Generate", "Register", "Make", "Blind", "Initiate", "Start", "Launch", "Send", "Record":
		if isPlural(rest) {
			return p
		}
		if strings.ContainsRune("aeiou", rune(p[0])) {
			return "an " + p
		}
		return "a " + p
	}
	return "the " + p
}

// paging is an operation's paginator, or nil when it does not page.
func (c *converter) paging(op string, req, resp *apigen.Shape, l *listing) *apigen.Paging {
	if l == nil || l.items == "" {
		return nil
	}
	has := map[string]string{}
	for _, m := range req.Members {
		has[m.Wire] = m.Name
	}
	p := &apigen.Paging{Size: has["PageSize"], DefaultSize: c.pageSize, Items: l.items, Total: l.total, Item: l.item}
	switch {
	case has["PageNumber"] != "" && p.Size != "":
		p.Style, p.Page = "page", has["PageNumber"]
	case has["PageIndex"] != "" && p.Size != "":
		p.Style, p.Page = "page", has["PageIndex"]
	case (has["NextToken"] != "" || has["NextPageToken"] != "") && l.next != "":
		p.Style, p.Page, p.Next = "token", has["NextToken"]+has["NextPageToken"], l.next
		if p.Size == "" {
			p.Size = has["MaxResults"]
		}
	default:
		return nil
	}
	if s := c.shapes.byName[p.Item]; s != nil {
		p.Key = keyOf(&s.shape, l.sent)
	}
	c.pagingDocs(op, p)
	return p
}

// keyOf is the Go name of the text member identifying a shape's items:
// Id, or <Shape>Id where the shape's name may have more words in front
// (a BriefSkillGroup is identified by its SkillGroupID). With sent, only
// a member the answer carries will do: a JobGroup listed by ListJobGroups
// has its JobGroupId, not the Id other answers give it.
func keyOf(s *apigen.Shape, sent []string) string {
	for _, m := range s.Members {
		if m.Type != "string" || !strings.HasSuffix(m.Name, "ID") {
			continue
		}
		if sent != nil && !slices.ContainsFunc(sent, func(w string) bool { return strings.EqualFold(w, m.Wire) }) {
			continue
		}
		if m.Name == "ID" || strings.HasSuffix(s.Name, strings.TrimSuffix(m.Name, "ID")) {
			return m.Name
		}
	}
	return ""
}

func (c *converter) pagingDocs(op string, p *apigen.Paging) {
	items := phrase(plural(p.Item))
	if scalar(p.Item) {
		items = "items"
	}
	if p.Style == "token" {
		p.Doc = op + "Paginator walks the pages of " + op + ", starting at the request's " + p.Page +
			" (empty for the first page) and following the " + p.Next + " of each answer until it is empty."
	} else {
		p.Doc = op + "Paginator walks the pages of " + op + ", starting at the request's " + p.Page +
			" (or 1) with its " + p.Size + " (or " + p.DefaultSize + ")."
	}
	p.Doc += " Its methods are HasMorePages() bool and NextPage(ctx, optFns...) (*" + op +
		"Response, error); NextPage returns ErrNoMorePages after the last page, and a page that failed to arrive can be fetched again."
	if p.Key != "" {
		p.Doc += " A page that would list one of the " + items + " again is not returned: NextPage returns a *PaginationError instead, and the walk ends."
	}
	p.NewDoc = "New" + op + "Paginator returns a paginator over the pages matching req, which it copies: the caller's request is never changed."
	p.AllDoc = op + "All returns every one of the " + items + " matching req, fetching pages as the sequence is ranged. " +
		"Nothing is fetched until then; ranging again starts over; breaking out stops further requests; " +
		"an error is yielded once and ends the sequence. req is copied when " + op + "All is called."
}
