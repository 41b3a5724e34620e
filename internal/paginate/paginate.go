// Package paginate holds the page walk every list operation shares: a
// page-number (or offset) cursor with the contract's stop rules, and the
// conversion of a paginator into an iter.Seq2 that is lazy, restartable
// and stops requesting as soon as the caller breaks.
package paginate

import (
	"context"
	"errors"
	"iter"
)

// ErrNoMorePages is returned by a paginator's NextPage after the last page.
var ErrNoMorePages = errors.New("no more pages")

// Cursor tracks a walk over numbered pages (or item offsets). The zero
// value is not ready; use NewCursor or NewOffsetCursor.
type Cursor struct {
	next    int64  // the page number (or offset) to request next
	step    int64  // 1 for page numbers; 0 for offsets, which advance by the items received
	last    int64  // the largest page number (or offset) the API accepts; 0 means no limit
	seen    int64  // items returned so far
	lastKey string // identity of the previous page, to detect a repeat
	done    bool
}

// NewCursor starts a walk at first, advancing by step after each page.
// last, when positive, is the largest value the API accepts.
func NewCursor(first, step, last int64) Cursor {
	return Cursor{next: first, step: step, last: last}
}

// NewOffsetCursor starts an Offset/Limit walk at offset first. Each page
// advances the offset by the items it held (not by the Limit asked for, so
// a service that caps Limit lower skips nothing), and the items before
// first count toward the total.
func NewOffsetCursor(first int64) Cursor {
	return Cursor{next: first, seen: first}
}

// HasMore reports whether another page should be requested.
func (c *Cursor) HasMore() bool { return !c.done }

// Next returns the page number (or offset) to request.
func (c *Cursor) Next() int64 { return c.next }

// Advance records a page of n items. total is the service's TotalCount (0
// or less when unknown, which ends the walk after this page); key
// identifies the page's contents (e.g. its first and last item IDs). The
// walk ends on an empty page, on reaching total, on a page identical to the
// previous one (a service ignoring the page parameter would otherwise loop
// forever), or past the API's last accepted value.
func (c *Cursor) Advance(n int, total int64, key string) {
	c.seen += int64(n)
	if c.step == 0 {
		c.next += int64(n)
	} else {
		c.next += c.step
	}
	switch {
	case n == 0, total <= 0, c.seen >= total, key != "" && key == c.lastKey, c.last > 0 && c.next > c.last:
		c.done = true
	}
	c.lastKey = key
}

// PageFunc returns the items of the next page and whether more follow.
type PageFunc[T any] func(ctx context.Context) (items []T, more bool, err error)

// All returns an iterator over every item. start is called each time the
// sequence is ranged, so ranging twice restarts from the first page; no
// request is made until then. An error is yielded once and ends the
// sequence; a break stops all further requests.
func All[T any](ctx context.Context, start func() PageFunc[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		next := start()
		for {
			items, more, err := next(ctx)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			if !more {
				return
			}
		}
	}
}
