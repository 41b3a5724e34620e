package reliability

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// lister is how a list operation pages, for the pagination table and the
// scripted-page columns of the fault matrix.
type lister struct {
	// item is one listed item in the answer's JSON with this key as its
	// ID; an empty key leaves the ID member out.
	item func(key string) string
	// answer is a well-formed page holding items (JSON objects) and, unless
	// total is "", the raw JSON TotalCount total.
	answer func(items []string, total string) string
	// walk lists every item with the page size size, by the paginator
	// (paged) or the iterator.
	walk func(ctx context.Context, client any, size int, paged bool) walked
	// asked reads the page number (or item offset) a request asked for.
	asked    func(r fake.Record) int
	offset   bool // pages by item offset rather than page number
	lastPage int  // the largest page number the API accepts; 0 for none
}

// walked is what a walk yielded and how it ended.
type walked struct {
	keys []string
	errs []error
	more bool // paginator: HasMorePages after the walk ended
}

// Most a walk is let run, so that a walker looping on a service that
// repeats itself fails the test instead of hanging it.
const (
	walkItems = 2000
	walkPages = 200
)

// iterate ranges an All iterator.
func iterate[T any](seq iter.Seq2[T, error], key func(T) string) walked {
	var w walked
	for item, err := range seq {
		if err != nil {
			w.errs = append(w.errs, err)
			continue
		}
		if w.keys = append(w.keys, key(item)); len(w.keys) >= walkItems {
			break
		}
	}
	return w
}

// pager is a product's paginator.
type pager[R, O any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context, optFns ...O) (*R, error)
}

// paginate walks a paginator until it has no more pages or fails.
func paginate[R, O, T any](ctx context.Context, p pager[R, O], items func(*R) []T, key func(T) string) walked {
	var w walked
	for i := 0; p.HasMorePages() && i < walkPages; i++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			w.errs = append(w.errs, err)
			break
		}
		for _, item := range items(page) {
			w.keys = append(w.keys, key(item))
		}
	}
	w.more = p.HasMorePages()
	return w
}

func jsonItem(member string) func(string) string {
	return func(key string) string {
		if key == "" {
			return `{"Description":"an item without its ID"}`
		}
		return `{"` + member + `":` + strconv.Quote(key) + `}`
	}
}

func totalMember(total string) string {
	if total == "" {
		return ""
	}
	return `,"TotalCount":` + total
}

func alibabaPage(r fake.Record) int {
	n, _ := strconv.Atoi(r.Params["PageNumber"])
	return n
}

var outboundbotLister = &lister{
	item: jsonItem("InstanceId"),
	answer: func(items []string, total string) string {
		return `{"RequestId":"8C9A0D3E","Code":"OK","Success":true,"Instances":[` + strings.Join(items, ",") + `]` + totalMember(total) + `}`
	},
	walk: func(ctx context.Context, c any, size int, paged bool) walked {
		client, req := c.(*outboundbot.Client), &outboundbot.ListInstancesRequest{PageSize: size}
		key := func(in outboundbot.Instance) string { return in.InstanceID }
		if paged {
			return paginate(ctx, outboundbot.NewListInstancesPaginator(client, req),
				func(r *outboundbot.ListInstancesResponse) []outboundbot.Instance { return r.Instances }, key)
		}
		return iterate(client.ListInstancesAll(ctx, req), key)
	},
	asked: alibabaPage,
}

// cccAnswer is a page of either ccc list operation.
func cccAnswer(items []string, total string) string {
	return `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"8C9A0D3E","Data":{"List":[` +
		strings.Join(items, ",") + `]` + totalMember(total) + `}}`
}

func cccKey(in ccc.Instance) string { return in.ID }

var cccListInstances = &lister{
	item: jsonItem("Id"), answer: cccAnswer, asked: alibabaPage, lastPage: ccc.MaxPageNumber,
	walk: func(ctx context.Context, c any, size int, paged bool) walked {
		client, req := c.(*ccc.Client), &ccc.ListInstancesRequest{PageSize: size}
		if paged {
			return paginate(ctx, ccc.NewListInstancesPaginator(client, req),
				func(r *ccc.ListInstancesResponse) []ccc.Instance { return r.Instances }, cccKey)
		}
		return iterate(client.ListInstancesAll(ctx, req), cccKey)
	},
}

var cccListInstancesOfUser = &lister{
	item: jsonItem("Id"), answer: cccAnswer, asked: alibabaPage, lastPage: ccc.MaxPageNumber,
	walk: func(ctx context.Context, c any, size int, paged bool) walked {
		client, req := c.(*ccc.Client), &ccc.ListInstancesOfUserRequest{PageSize: size}
		if paged {
			return paginate(ctx, ccc.NewListInstancesOfUserPaginator(client, req),
				func(r *ccc.ListInstancesOfUserResponse) []ccc.Instance { return r.Instances }, cccKey)
		}
		return iterate(client.ListInstancesOfUserAll(ctx, req), cccKey)
	},
}

var industrialcloudLister = &lister{
	item: jsonItem("UUID"), offset: true,
	answer: func(items []string, total string) string {
		return `{"Response":{"RequestId":"8C9A0D3E","Data":{"Instances":[` + strings.Join(items, ",") + `]` + totalMember(total) + `}}}`
	},
	walk: func(ctx context.Context, c any, size int, paged bool) walked {
		client := c.(*industrialcloud.Client)
		req := &industrialcloud.DescribeInstancesRequest{Status: []industrialcloud.Status{industrialcloud.StatusDelivered}, Limit: size}
		key := func(in industrialcloud.Instance) string { return in.UUID }
		if paged {
			return paginate(ctx, industrialcloud.NewDescribeInstancesPaginator(client, req),
				func(r *industrialcloud.DescribeInstancesResponse) []industrialcloud.Instance { return r.Instances }, key)
		}
		return iterate(client.DescribeInstancesAll(ctx, req), key)
	},
	asked: func(r fake.Record) int {
		var body struct{ Offset int }
		json.Unmarshal([]byte(r.Body), &body)
		return body.Offset
	},
}

// served is one page a scripted service answers.
type served struct {
	keys  []string
	total string // raw JSON TotalCount; "" leaves the member out
}

// script answers pages in order, then keeps answering them over (a service
// that never ends) up to loops times.
type script struct {
	pages []served
	loops int
}

// pageScenario is one way a service pages, and what every walker of every
// list operation must make of it.
type pageScenario struct {
	name     string
	size     int // the page size asked for
	script   script
	want     []string // the keys yielded, in order: each item once
	requests int      // list requests the walk makes
	reason   apierror.PaginationReason
	// orDecodeError: the decoder may refuse the first page instead, with
	// a *DecodeError (items without their ID member).
	orDecodeError bool
}

// ids returns the keys id-from … id-(to-1).
func ids(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, fmt.Sprintf("id-%03d", i))
	}
	return out
}

// pagesOf cuts keys into pages of size, each with total.
func pagesOf(keys []string, size int, total string) []served {
	var out []served
	for chunk := range slices.Chunk(keys, size) {
		out = append(out, served{chunk, total})
	}
	return out
}

// pageScenarios are the contract's cases (§7) for a list operation.
func pageScenarios(l *lister) []pageScenario {
	const n, huge = 7, "1000000"
	var out []pageScenario
	for _, size := range []int{1, 2, n, n + 10} {
		out = append(out, pageScenario{name: "size-" + strconv.Itoa(size), size: size,
			script: script{pages: pagesOf(ids(0, n), size, strconv.Itoa(n))}, want: ids(0, n), requests: (n + size - 1) / size})
	}
	a, b := served{ids(0, 3), huge}, served{ids(3, 6), huge}
	keyless := make([]string, 25)
	out = append(out,
		pageScenario{name: "same-page-forever", size: 3, script: script{pages: []served{a}, loops: 50},
			want: ids(0, 3), requests: 2, reason: apierror.RepeatedPage},
		pageScenario{name: "A-B-A-B-huge-total", size: 3, script: script{pages: []served{a, b}, loops: 50},
			want: ids(0, 6), requests: 3, reason: apierror.RepeatedPage},
		pageScenario{name: "an-earlier-page-again", size: 3,
			script: script{pages: []served{{ids(0, 3), "9"}, {ids(3, 6), "9"}, {ids(0, 3), "9"}}},
			want:   ids(0, 6), requests: 3, reason: apierror.RepeatedPage},
		pageScenario{name: "listing-moved-back", size: 3,
			script: script{pages: []served{{ids(0, 3), "9"}, {ids(2, 5), "9"}}},
			want:   ids(0, 3), requests: 2, reason: apierror.RepeatedItem},
		pageScenario{name: "item-twice-on-a-page", size: 3,
			script:   script{pages: []served{{[]string{"id-000", "id-001", "id-000"}, "9"}}},
			requests: 1, reason: apierror.RepeatedItem},
		pageScenario{name: "total-missing", size: 10, script: script{pages: pagesOf(ids(0, 25), 10, "")},
			want: ids(0, 25), requests: 3},
		pageScenario{name: "total-minus-one", size: 10, script: script{pages: pagesOf(ids(0, 25), 10, "-1")},
			want: ids(0, 25), requests: 3},
		pageScenario{name: "total-missing-full-last-page", size: 10,
			script: script{pages: append(pagesOf(ids(0, 20), 10, ""), served{})},
			want:   ids(0, 20), requests: 3},
		pageScenario{name: "items-without-ids", size: 10, script: script{pages: pagesOf(keyless, 10, "25")},
			want: keyless, requests: 3, orDecodeError: true},
		pageScenario{name: "short-pages-never-reach-total", size: 10,
			script: script{pages: pagesOf(ids(0, 100), 5, "20")},
			want:   ids(0, 15), requests: 3, reason: apierror.PageLimit},
	)
	if l.lastPage > 0 {
		out = append(out, pageScenario{name: "past-the-API's-last-page", size: 1,
			script: script{pages: pagesOf(ids(0, l.lastPage+5), 1, "1000")},
			want:   ids(0, l.lastPage), requests: l.lastPage, reason: apierror.PageLimit})
	}
	return out
}

// serve queues the script as raw answers of action.
func (l *lister) serve(e *env, action string, s script) {
	for range max(s.loops, 1) {
		for _, p := range s.pages {
			items := make([]string, len(p.keys))
			for i, k := range p.keys {
				items[i] = l.item(k)
			}
			e.Inject(fake.Fault{Action: action, Status: 200, Body: l.answer(items, p.total)})
		}
	}
}

// TestPagination runs every list operation's paginator and iterator against
// every scenario: the items yielded (each once, in order), the requests
// made and what they asked for, and the error that ends the walk.
func TestPagination(t *testing.T) {
	for _, op := range operations {
		if op.list == nil {
			continue
		}
		for _, sc := range pageScenarios(op.list) {
			for _, paged := range []bool{true, false} {
				name := op.String() + "/" + sc.name + "/iterator"
				if paged {
					name = op.String() + "/" + sc.name + "/paginator"
				}
				t.Run(name, func(t *testing.T) { runPageScenario(t, op, sc, paged) })
			}
		}
	}
}

func runPageScenario(t *testing.T, op operation, sc pageScenario, paged bool) {
	e := op.product.start(0)
	defer e.Close()
	client, err := e.client(settings{})
	if err != nil {
		t.Fatal(err)
	}
	op.list.serve(e, op.action, sc.script)
	w := op.list.walk(t.Context(), client, sc.size, paged)

	if sc.orDecodeError && len(w.errs) == 1 {
		var decErr *apierror.DecodeError
		if errors.As(w.errs[0], &decErr) && len(w.keys) == 0 {
			return // the decoder refused the page: typed, not silent
		}
	}
	if !slices.Equal(w.keys, sc.want) {
		t.Errorf("yielded %d items %v, want %d %v", len(w.keys), w.keys, len(sc.want), sc.want)
	}
	if got := e.Received(op.action); got != sc.requests {
		t.Errorf("%d requests, want %d", got, sc.requests)
	}
	checkAsked(t, op.list, e, sc)
	switch {
	case len(w.errs) > 1:
		t.Errorf("%d errors, want at most one: %v", len(w.errs), w.errs)
	case sc.reason == 0 && len(w.errs) > 0:
		t.Errorf("want no error, got %v", w.errs[0])
	case sc.reason != 0 && len(w.errs) == 0:
		t.Errorf("want a PaginationError, the walk ended without one")
	case sc.reason != 0:
		checkPaginationError(t, op, w.errs[0], sc.reason, len(sc.want))
	}
	if w.more {
		t.Errorf("the paginator has more pages after the walk ended")
	}
}

// checkAsked checks that request i asked for page i+1 (or, by offset, for
// the items the pages before it held).
func checkAsked(t *testing.T, l *lister, e *env, sc pageScenario) {
	t.Helper()
	var served []served
	for range max(sc.script.loops, 1) {
		served = append(served, sc.script.pages...)
	}
	want, next := []int{}, 0
	if !l.offset {
		next = 1
	}
	for i := 0; i < sc.requests && i < len(served); i++ {
		want = append(want, next)
		if l.offset {
			next += len(served[i].keys)
		} else {
			next++
		}
	}
	got := []int{}
	for _, r := range e.Requests() {
		got = append(got, l.asked(r))
	}
	if !slices.Equal(got, want) {
		t.Errorf("the requests asked for %v, want %v", got, want)
	}
}

// checkPaginationError asserts that err is the PaginationError a walk of
// op must end with.
func checkPaginationError(t *testing.T, op operation, err error, reason apierror.PaginationReason, listed int) {
	t.Helper()
	var pe *apierror.PaginationError
	if !errors.As(err, &pe) {
		t.Fatalf("got %T %v, want a *PaginationError", err, err)
	}
	if pe.Product != op.product.name || pe.Operation != op.action || pe.Reason != reason || pe.Listed != listed {
		t.Errorf("PaginationError{%s %s reason %d, %d listed}, want {%s %s reason %d, %d listed}",
			pe.Product, pe.Operation, pe.Reason, pe.Listed, op.product.name, op.action, reason, listed)
	}
	if !strings.Contains(err.Error(), op.action) || strings.Contains(err.Error(), "\n") {
		t.Errorf("%q: want one line naming the operation", err)
	}
}
