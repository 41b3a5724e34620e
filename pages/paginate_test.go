package pages

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/apierr"
)

func TestCursorStops(t *testing.T) {
	tests := []struct {
		name        string
		first, size int64
		last        int64
		pages       []int // items per page served
		total       int64
		want        int  // pages requested
		capped      bool // the walk ends with PageLimit
	}{
		{name: "reaches total", first: 1, size: 2, pages: []int{2, 2, 1}, total: 5, want: 3},
		{name: "empty page", first: 1, size: 2, pages: []int{2, 0}, total: 10, want: 2},
		{name: "unknown total goes on while pages are full", first: 1, size: 3, pages: []int{3, 3, 2, 3}, total: 0, want: 3},
		{name: "negative total is unknown", first: 1, size: 3, pages: []int{3, 3, 3, 0}, total: -1, want: 4},
		{name: "unknown total, empty page", first: 1, size: 3, pages: []int{3, 0}, total: 0, want: 2},
		{name: "API's last page", first: 1, size: 1, last: 3, pages: []int{1, 1, 1, 1}, total: 100, want: 3, capped: true},
		{name: "API's last page, unknown total", first: 1, size: 2, last: 2, pages: []int{2, 2, 2}, total: 0, want: 2, capped: true},
		{name: "total reached on the API's last page", first: 1, size: 2, last: 2, pages: []int{2, 2, 2}, total: 4, want: 2},
		{name: "pages the total implies plus one", first: 1, size: 10, pages: []int{5, 5, 5, 5, 5}, total: 20, want: 3, capped: true},
		{name: "pages before the first count", first: 3, size: 2, pages: []int{2, 1, 0}, total: 7, want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCursor(tt.first, tt.size, tt.last)
			requested := 0
			for c.HasMore() && !c.Capped() && requested < len(tt.pages) {
				assert.Equal(t, tt.first+int64(requested), c.Next())
				c.Advance(tt.pages[requested], tt.total)
				requested++
			}
			assert.Equal(t, tt.want, requested)
			assert.Equal(t, tt.capped, c.Capped(), "capped")
			assert.Equal(t, tt.capped, c.HasMore(), "a capped walk still has its error to report")
		})
	}
	off := newOffsetCursor(10, 20)
	off.Advance(15, 50)
	assert.Equal(t, int64(25), off.Next(), "offsets advance by the items received (a capped Limit skips nothing)")
	assert.True(t, off.HasMore())
	off.Advance(25, 50)
	assert.False(t, off.HasMore(), "items before the first offset count toward the total: no extra request")
	assert.Equal(t, int64(40), off.Listed())
}

func TestRepeats(t *testing.T) {
	tests := []struct {
		name   string
		pages  [][]string
		at     int // the page refused, -1 for none
		reason apierr.PaginationReason
		item   string
	}{
		{name: "distinct pages", pages: [][]string{{"a", "b"}, {"c", "d"}, {"e"}}, at: -1},
		{name: "same page again", pages: [][]string{{"a", "b"}, {"a", "b"}}, at: 1, reason: apierr.RepeatedPage},
		{name: "same items in another order", pages: [][]string{{"a", "b"}, {"b", "a"}}, at: 1, reason: apierr.RepeatedPage},
		{name: "A, B, A", pages: [][]string{{"a", "b"}, {"c", "d"}, {"a", "b"}}, at: 2, reason: apierr.RepeatedPage},
		{name: "an earlier page again", pages: [][]string{{"a"}, {"b"}, {"c"}, {"a"}}, at: 3, reason: apierr.RepeatedPage},
		{name: "item twice on a page", pages: [][]string{{"a", "a", "b"}}, at: 0, reason: apierr.RepeatedItem, item: "a"},
		{name: "listing moved back", pages: [][]string{{"a", "b", "c"}, {"c", "d", "e"}}, at: 1, reason: apierr.RepeatedItem, item: "c"},
		{name: "items without keys never repeat", pages: [][]string{{"", ""}, {"", ""}, {"", "", ""}}, at: -1},
		{name: "keyless items are left out", pages: [][]string{{"a", ""}, {"b", ""}, {"", "c"}}, at: -1},
		{name: "empty pages", pages: [][]string{{}, {}}, at: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r repeats
			at := -1
			for i, page := range tt.pages {
				reason, item := r.check(len(page), func(j int) string { return page[j] })
				if reason != 0 {
					at = i
					assert.Equal(t, tt.reason, reason)
					assert.Equal(t, tt.item, item)
					break
				}
			}
			assert.Equal(t, tt.at, at, "page refused")
		})
	}
}

// list is a scripted list operation: page i of the walk (from 0) answers
// answers[i], whatever the request asks.
type list struct {
	answers  []answer
	asked    []int // the page (or offset) of each request
	failNext bool
}

type answer struct {
	keys  []string
	total int
}

type listReq struct{ Page, Size int }

func (l *list) fetch(_ context.Context, req *listReq, _ ...struct{}) (*answer, error) {
	if l.failNext {
		l.failNext = false
		return nil, errors.New("boom")
	}
	l.asked = append(l.asked, req.Page)
	if len(l.asked) > len(l.answers) {
		return &answer{}, nil
	}
	return &l.answers[len(l.asked)-1], nil
}

func listSpec(offset bool, last int) *Spec[listReq, answer, string] {
	return &Spec[listReq, answer, string]{
		Product: "prod", Operation: "ListThings",
		Page: func(r *listReq) *int { return &r.Page }, Size: func(r *listReq) *int { return &r.Size },
		DefaultSize: 2, Offset: offset, LastPage: last,
		Items: func(a *answer) []string { return a.keys }, Total: func(a *answer) int { return a.total },
		Key: func(s string) string { return s },
	}
}

func TestPagerRefusesARepeat(t *testing.T) {
	l := &list{answers: []answer{{[]string{"a", "b"}, 100}, {[]string{"c", "d"}, 100}, {[]string{"a", "b"}, 100}}}
	req := &listReq{}
	p := NewPager(listSpec(false, 0), l.fetch, req)
	var got []string
	var err error
	for p.HasMorePages() {
		var page *answer
		if page, err = p.NextPage(t.Context()); err != nil {
			break
		}
		got = append(got, page.keys...)
	}
	assert.Equal(t, []string{"a", "b", "c", "d"}, got, "the repeated page is not returned")
	var pe *apierr.PaginationError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, apierr.PaginationError{Product: "prod", Operation: "ListThings", Reason: apierr.RepeatedPage,
		Page: 3, Listed: 4, Total: 100}, *pe)
	assert.Equal(t, "prod ListThings: page 3 repeats an earlier page (4 of 100 items listed)", err.Error())
	assert.False(t, p.HasMorePages(), "the error ends the walk")
	_, err = p.NextPage(t.Context())
	assert.ErrorIs(t, err, ErrNoMorePages)
	assert.Equal(t, []int{1, 2, 3}, l.asked)
	assert.Equal(t, &listReq{}, req, "the caller's request is never changed")
}

func TestPagerPageLimit(t *testing.T) {
	l := &list{answers: []answer{{[]string{"a", "b"}, 10}, {[]string{"c", "d"}, 10}, {[]string{"e", "f"}, 10}}}
	var got []string
	var errs []error
	for item, err := range Items(t.Context(), listSpec(false, 2), l.fetch, &listReq{}, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, item)
	}
	assert.Equal(t, []string{"a", "b", "c", "d"}, got)
	require.Len(t, errs, 1)
	var pe *apierr.PaginationError
	require.ErrorAs(t, errs[0], &pe)
	assert.Equal(t, apierr.PageLimit, pe.Reason)
	assert.Equal(t, "prod ListThings: page 3 is past the last page the walk may request (4 of 10 items listed)", pe.Error())
	assert.Equal(t, []int{1, 2}, l.asked, "page 3 is never requested")
}

func TestPagerOffsetItemAgain(t *testing.T) {
	l := &list{answers: []answer{{[]string{"a", "b"}, 0}, {[]string{"b", "c"}, 0}}}
	var got []string
	var last error
	for item, err := range Items(t.Context(), listSpec(true, 0), l.fetch, &listReq{}, nil) {
		if err != nil {
			last = err
			continue
		}
		got = append(got, item)
	}
	assert.Equal(t, []string{"a", "b"}, got)
	assert.Equal(t, `prod ListThings: the page at offset 2 lists item "b" again (2 items listed)`, last.Error())
	assert.Equal(t, []int{0, 2}, l.asked)
}

func TestAll(t *testing.T) {
	l := &list{answers: []answer{{[]string{"a", "b"}, 5}, {[]string{"c", "d"}, 5}, {[]string{"e"}, 5}}}
	seq := Items(t.Context(), listSpec(false, 0), l.fetch, &listReq{}, nil)
	assert.Empty(t, l.asked, "lazy: nothing requested before ranging")
	collect := func() []string {
		var got []string
		for v, err := range seq {
			require.NoError(t, err)
			got = append(got, v)
		}
		return got
	}
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, collect())
	assert.Equal(t, []int{1, 2, 3}, l.asked)
	l.asked = nil
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, collect(), "ranging twice restarts")
	assert.Equal(t, []int{1, 2, 3}, l.asked)

	l.asked = nil
	for v := range seq {
		if v == "b" {
			break
		}
	}
	assert.Equal(t, []int{1}, l.asked, "break stops further requests")

	l.asked = nil
	var got []string
	var errs int
	for v, err := range seq {
		if err != nil {
			errs++
			continue
		}
		got = append(got, v)
		l.failNext = true
	}
	assert.Equal(t, []string{"a", "b"}, got)
	assert.Equal(t, 1, errs, "the error is yielded once and ends the walk")
}

// tokenList is a scripted list operation paged by tokens: the page asked
// for by a token answers its items and the next token.
type tokenList struct {
	pages map[string]tokenPage
	asked []string
}

type tokenPage struct {
	keys []string
	next string
}

type tokenReq struct{ Token string }

func (l *tokenList) fetch(_ context.Context, req *tokenReq, _ ...struct{}) (*tokenPage, error) {
	l.asked = append(l.asked, req.Token)
	page := l.pages[req.Token]
	return &page, nil
}

func tokenSpec(key bool) *Spec[tokenReq, tokenPage, string] {
	s := &Spec[tokenReq, tokenPage, string]{
		Product: "prod", Operation: "ListTagged",
		Token: func(r *tokenReq) *string { return &r.Token }, Next: func(p *tokenPage) string { return p.next },
		Items: func(p *tokenPage) []string { return p.keys },
	}
	if key {
		s.Key = func(s string) string { return s }
	}
	return s
}

func TestTokenWalk(t *testing.T) {
	tests := []struct {
		name  string
		pages map[string]tokenPage
		start string
		key   bool
		want  []string // items yielded
		asked []string // tokens requested
		err   string   // the error ending the walk
	}{
		{name: "follows tokens until none", key: true,
			pages: map[string]tokenPage{"": {[]string{"a", "b"}, "t2"}, "t2": {[]string{"c"}, "t3"}, "t3": {[]string{"d", "e"}, ""}},
			want:  []string{"a", "b", "c", "d", "e"}, asked: []string{"", "t2", "t3"}},
		{name: "a short page is not the last",
			pages: map[string]tokenPage{"": {[]string{"a"}, "t2"}, "t2": {[]string{"b", "c", "d"}, ""}},
			want:  []string{"a", "b", "c", "d"}, asked: []string{"", "t2"}},
		{name: "starts at the request's token", start: "t2",
			pages: map[string]tokenPage{"": {[]string{"a"}, "t2"}, "t2": {[]string{"b"}, ""}},
			want:  []string{"b"}, asked: []string{"t2"}},
		{name: "an empty page ends it",
			pages: map[string]tokenPage{"": {[]string{"a"}, "t2"}, "t2": {nil, "t3"}},
			want:  []string{"a"}, asked: []string{"", "t2"}},
		{name: "a token followed before, keyless items",
			pages: map[string]tokenPage{"": {[]string{"a"}, "t2"}, "t2": {[]string{"b"}, "t3"}, "t3": {[]string{"c"}, "t2"}},
			want:  []string{"a", "b", "c"}, asked: []string{"", "t2", "t3"},
			err: "prod ListTagged: page 4 repeats an earlier page (3 items listed)"},
		{name: "a token that names itself",
			pages: map[string]tokenPage{"": {[]string{"a"}, "t2"}, "t2": {[]string{"b"}, "t2"}},
			want:  []string{"a", "b"}, asked: []string{"", "t2"},
			err: "prod ListTagged: page 3 repeats an earlier page (2 items listed)"},
		{name: "the start token again", start: "t1",
			pages: map[string]tokenPage{"t1": {[]string{"a"}, "t1"}},
			want:  []string{"a"}, asked: []string{"t1"},
			err: "prod ListTagged: page 2 repeats an earlier page (1 items listed)"},
		{name: "keyed items repeated under a new token", key: true,
			pages: map[string]tokenPage{"": {[]string{"a", "b"}, "t2"}, "t2": {[]string{"a", "b"}, "t3"}},
			want:  []string{"a", "b"}, asked: []string{"", "t2"},
			err: "prod ListTagged: page 2 repeats an earlier page (2 items listed)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &tokenList{pages: tt.pages}
			req := &tokenReq{Token: tt.start}
			var got []string
			var errs []string
			for item, err := range Items(t.Context(), tokenSpec(tt.key), l.fetch, req, nil) {
				if err != nil {
					errs = append(errs, err.Error())
					continue
				}
				got = append(got, item)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.asked, l.asked)
			if tt.err == "" {
				assert.Empty(t, errs)
			} else {
				assert.Equal(t, []string{tt.err}, errs)
			}
			assert.Equal(t, &tokenReq{Token: tt.start}, req, "the caller's request is never changed")
		})
	}
}

// TestPagerWithoutTotalOrKey: a page-number walk whose responses carry no
// total and whose items no key ends on a short page and never calls the
// missing funcs; a failed page can be fetched again.
func TestPagerWithoutTotalOrKey(t *testing.T) {
	l := &list{answers: []answer{{[]string{"a", "b"}, 0}, {[]string{"c"}, 0}}}
	spec := listSpec(false, 0)
	spec.Total, spec.Key = nil, nil
	p := NewPager(spec, l.fetch, &listReq{Page: 1})
	_, err := p.NextPage(t.Context())
	require.NoError(t, err)
	l.failNext = true
	_, err = p.NextPage(t.Context())
	require.Error(t, err)
	page, err := p.NextPage(t.Context())
	require.NoError(t, err, "the page that failed is fetched again")
	assert.Equal(t, []string{"c"}, page.keys)
	assert.False(t, p.HasMorePages(), "a short page ends a walk without a total")
	assert.Equal(t, []int{1, 2}, l.asked)
}
