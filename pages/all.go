// Package pages holds the page walk every list operation of this module
// shares. Each product's paginator (outboundbot.ListInstancesPaginator,
// industrialcloud.DescribeInstancesPaginator, …) is a Pager, and each
// …All iterator is built by Items.
//
// The walk follows one set of rules: nothing is fetched until asked for;
// the caller's request is never changed; the walk stops on an empty page,
// on reaching the total the service reports, or, with no total, on a page
// short of the page size (a walk by next-page tokens: on a page that gives
// no next token); and no item is yielded twice: a page that
// repeats an earlier one, or lists an item again, ends the walk with a
// *apierr.PaginationError, as does a list that goes on past the last page
// the walk may request. NextPage returns ErrNoMorePages after the last
// page.
package pages

import (
	"context"
	"errors"
	"iter"
)

// ErrNoMorePages is returned by Pager.NextPage after the last page.
var ErrNoMorePages = errors.New("no more pages")

// pageFunc returns the items of the next page and whether more follow.
type pageFunc[T any] func(ctx context.Context) (items []T, more bool, err error)

// All returns an iterator over every item. start is called each time the
// sequence is ranged, so ranging twice restarts from the first page; no
// request is made until then. An error is yielded once and ends the
// sequence; a break stops all further requests.
func all[T any](ctx context.Context, start func() pageFunc[T]) iter.Seq2[T, error] {
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
