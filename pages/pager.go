package pages

import (
	"context"
	"iter"

	"github.com/typedcloud/sdk-go/apierr"
)

// Spec describes how one list operation pages: where its request keeps the
// page number (or offset, or next-page token) and size, and where its
// response keeps the items, the total and the next token. Products declare
// one per list operation; one written by hand can walk a list operation
// called through a client's Invoke.
type Spec[Req, Resp, Item any] struct {
	// Product and Operation name the operation in a PaginationError.
	Product, Operation string
	// Page returns the request's page-number field (or offset field, with
	// Offset set). A token walk has none.
	Page func(*Req) *int
	// Token, for an operation paged by a next-page token, returns the
	// request's token field, and Next the token a response gives for the
	// page after it ("" after the last). The walk starts at the request's
	// token (or the first page) and ends when Next gives "".
	Token func(*Req) *string
	Next  func(*Resp) string
	// Size returns the request's page-size field; DefaultSize fills it when
	// it is zero. nil: the operation takes no page size (only a token walk
	// may lack one).
	Size        func(*Req) *int
	DefaultSize int
	// Offset makes Page an item offset, starting at 0 and advancing by the
	// items each page held, instead of a page number starting at 1.
	Offset bool
	// LastPage, when positive, is the largest page number the API accepts.
	LastPage int
	// Items and Total read a response; a Total of 0 or less, or a nil
	// Total, is unknown (see cursor.Advance). Key identifies an item, to
	// notice a page that repeats; a nil Key, or one returning "", means
	// the items cannot be told apart.
	Items func(*Resp) []Item
	Total func(*Resp) int
	Key   func(Item) string
}

// Fetch is a list operation's method: (*Client).ListInstances and the like.
type Fetch[Req, Resp, O any] func(ctx context.Context, req *Req, optFns ...O) (*Resp, error)

// Pager walks the pages of one list operation: call NextPage while
// HasMorePages reports true. Products expose it under a per-operation name
// (outboundbot.ListInstancesPaginator), made by their
// New<Operation>Paginator functions.
type Pager[Req, Resp, Item, O any] struct {
	spec    *Spec[Req, Resp, Item]
	fetch   Fetch[Req, Resp, O]
	req     Req
	cursor  cursor
	repeats repeats
	total   int    // the TotalCount last answered
	token   string // a token walk's token of the page to request next
	loop    bool   // a token walk was given a token it had already followed
}

// NewPager returns a pager starting at req's page or token (or the
// first), with req's page size (or the default). req is copied: the
// caller's request is never changed.
func NewPager[Req, Resp, Item, O any](spec *Spec[Req, Resp, Item], fetch Fetch[Req, Resp, O], req *Req) *Pager[Req, Resp, Item, O] {
	p := &Pager[Req, Resp, Item, O]{spec: spec, fetch: fetch}
	if req != nil {
		p.req = *req
	}
	size := 0
	if spec.Size != nil {
		s := spec.Size(&p.req)
		if *s == 0 {
			*s = spec.DefaultSize
		}
		size = *s
	}
	switch {
	case spec.Token != nil:
		p.token = *spec.Token(&p.req)
		p.repeats.followed(p.token)
		p.cursor = newTokenCursor(int64(size))
	case spec.Offset:
		p.cursor = newOffsetCursor(int64(max(*spec.Page(&p.req), 0)), int64(size))
	default:
		p.cursor = newCursor(int64(max(*spec.Page(&p.req), 1)), int64(size), int64(spec.LastPage))
	}
	return p
}

// HasMorePages reports whether NextPage has another page to fetch (or a
// PaginationError to return).
func (p *Pager[Req, Resp, Item, O]) HasMorePages() bool { return p.cursor.HasMore() }

// NextPage fetches the next page, or returns ErrNoMorePages after the last.
// A page that failed to arrive can be fetched again by calling NextPage
// again. A page that would list an item a second time is not returned: the
// walk ends with a *apierr.PaginationError, as it does, without a
// request, when the list goes on past the last page the walk may request.
func (p *Pager[Req, Resp, Item, O]) NextPage(ctx context.Context, optFns ...O) (*Resp, error) {
	if !p.cursor.HasMore() {
		return nil, ErrNoMorePages
	}
	switch {
	case p.cursor.Capped():
		return nil, p.fail(apierr.PageLimit, "")
	case p.loop:
		return nil, p.fail(apierr.RepeatedPage, "")
	}
	req := p.req
	if p.spec.Token != nil {
		*p.spec.Token(&req) = p.token
	} else {
		*p.spec.Page(&req) = int(p.cursor.Next())
	}
	resp, err := p.fetch(ctx, &req, optFns...)
	if err != nil {
		return nil, err
	}
	items := p.spec.Items(resp)
	if p.spec.Total != nil {
		p.total = p.spec.Total(resp)
	}
	key := func(int) string { return "" }
	if p.spec.Key != nil {
		key = func(i int) string { return p.spec.Key(items[i]) }
	}
	if reason, item := p.repeats.check(len(items), key); reason != 0 {
		return nil, p.fail(reason, item)
	}
	p.cursor.Advance(len(items), int64(p.total))
	if p.spec.Next != nil {
		p.token = p.spec.Next(resp)
		switch {
		case p.token == "":
			p.cursor.Stop()
		case !p.repeats.followed(p.token):
			p.loop = true // the next page would be one the walk has had
		}
	}
	return resp, nil
}

// fail ends the walk with a PaginationError about the page to request next.
func (p *Pager[Req, Resp, Item, O]) fail(reason apierr.PaginationReason, item string) error {
	p.cursor.Stop()
	return &apierr.PaginationError{
		Product: p.spec.Product, Operation: p.spec.Operation, Reason: reason,
		Page: int(p.cursor.Next()), Offset: p.spec.Offset, Item: item,
		Listed: int(p.cursor.Listed()), Total: p.total,
	}
}

// Items returns every item of the list, fetching pages as the sequence is
// ranged (see All and NextPage for the rules). req is copied now.
func Items[Req, Resp, Item, O any](ctx context.Context, spec *Spec[Req, Resp, Item], fetch Fetch[Req, Resp, O], req *Req, optFns []O) iter.Seq2[Item, error] {
	var r Req
	if req != nil {
		r = *req
	}
	return all(ctx, func() pageFunc[Item] {
		p := NewPager(spec, fetch, &r)
		return func(ctx context.Context) ([]Item, bool, error) {
			resp, err := p.NextPage(ctx, optFns...)
			if err != nil {
				return nil, false, err
			}
			return spec.Items(resp), p.HasMorePages(), nil
		}
	})
}
