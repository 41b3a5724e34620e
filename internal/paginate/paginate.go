// Package paginate holds the page walk every list operation shares: a
// page-number (or offset) cursor with the contract's stop rules, a check
// that no item is yielded twice, and the conversion of a paginator into an
// iter.Seq2 that is lazy, restartable and stops requesting as soon as the
// caller breaks.
package paginate

import (
	"context"
	"errors"
	"iter"
)

// ErrNoMorePages is returned by a paginator's NextPage after the last page.
var ErrNoMorePages = errors.New("no more pages")

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
