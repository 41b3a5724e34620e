package paginate

import (
	"context"
	"iter"
)

// Spec describes how one list operation pages: where its request keeps the
// page number (or offset) and size, and where its response keeps the items
// and the total. Products declare one per list operation.
type Spec[Req, Resp, Item any] struct {
	// Page returns the request's page-number field (or offset field, with
	// Offset set).
	Page func(*Req) *int
	// Size returns the request's page-size field; DefaultSize fills it when
	// it is zero.
	Size        func(*Req) *int
	DefaultSize int
	// Offset makes Page an item offset, starting at 0 and advancing by the
	// items each page held, instead of a page number starting at 1.
	Offset bool
	// LastPage, when positive, is the largest page number the API accepts.
	LastPage int
	// Items and Total read a response; Key identifies an item, to notice a
	// page that repeats.
	Items func(*Resp) []Item
	Total func(*Resp) int
	Key   func(Item) string
}

// Fetch is a list operation's method: (*Client).ListInstances and the like.
type Fetch[Req, Resp, O any] func(ctx context.Context, req *Req, optFns ...O) (*Resp, error)

// Pager walks the pages of one list operation. Products expose it under a
// per-operation alias (ListInstancesPaginator).
type Pager[Req, Resp, Item, O any] struct {
	spec   *Spec[Req, Resp, Item]
	fetch  Fetch[Req, Resp, O]
	req    Req
	cursor Cursor
}

// NewPager returns a pager starting at req's page (or the first), with
// req's page size (or the default). req is copied: the caller's request is
// never changed.
func NewPager[Req, Resp, Item, O any](spec *Spec[Req, Resp, Item], fetch Fetch[Req, Resp, O], req *Req) *Pager[Req, Resp, Item, O] {
	p := &Pager[Req, Resp, Item, O]{spec: spec, fetch: fetch}
	if req != nil {
		p.req = *req
	}
	size := spec.Size(&p.req)
	if *size == 0 {
		*size = spec.DefaultSize
	}
	first := *spec.Page(&p.req)
	if spec.Offset {
		p.cursor = NewOffsetCursor(int64(max(first, 0)))
	} else {
		p.cursor = NewCursor(int64(max(first, 1)), 1, int64(spec.LastPage))
	}
	return p
}

// HasMorePages reports whether NextPage has another page to fetch.
func (p *Pager[Req, Resp, Item, O]) HasMorePages() bool { return p.cursor.HasMore() }

// NextPage fetches the next page, or returns ErrNoMorePages after the last.
// A page that failed can be fetched again by calling NextPage again.
func (p *Pager[Req, Resp, Item, O]) NextPage(ctx context.Context, optFns ...O) (*Resp, error) {
	if !p.cursor.HasMore() {
		return nil, ErrNoMorePages
	}
	req := p.req
	*p.spec.Page(&req) = int(p.cursor.Next())
	resp, err := p.fetch(ctx, &req, optFns...)
	if err != nil {
		return nil, err
	}
	items := p.spec.Items(resp)
	p.cursor.Advance(len(items), int64(p.spec.Total(resp)), p.key(items))
	return resp, nil
}

// key identifies a page by its first and last items.
func (p *Pager[Req, Resp, Item, O]) key(items []Item) string {
	if len(items) == 0 {
		return ""
	}
	return p.spec.Key(items[0]) + "\x00" + p.spec.Key(items[len(items)-1])
}

// Items returns every item of the list, fetching pages as the sequence is
// ranged (see All for the rules). req is copied now.
func Items[Req, Resp, Item, O any](ctx context.Context, spec *Spec[Req, Resp, Item], fetch Fetch[Req, Resp, O], req *Req, optFns []O) iter.Seq2[Item, error] {
	var r Req
	if req != nil {
		r = *req
	}
	return All(ctx, func() PageFunc[Item] {
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
