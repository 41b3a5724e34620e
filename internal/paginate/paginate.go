// Package paginate is the name the product packages use for the public
// page walk, package github.com/typedcloud/sdk-go/pages, where every name
// here is defined and documented.
package paginate

import (
	"context"
	"iter"

	"github.com/typedcloud/sdk-go/pages"
)

// Spec is pages.Spec.
type Spec[Req, Resp, Item any] = pages.Spec[Req, Resp, Item]

// Fetch is pages.Fetch.
type Fetch[Req, Resp, O any] = pages.Fetch[Req, Resp, O]

// Pager is pages.Pager.
type Pager[Req, Resp, Item, O any] = pages.Pager[Req, Resp, Item, O]

// ErrNoMorePages is pages.ErrNoMorePages.
var ErrNoMorePages = pages.ErrNoMorePages

// NewPager is pages.NewPager.
func NewPager[Req, Resp, Item, O any](spec *Spec[Req, Resp, Item], fetch Fetch[Req, Resp, O], req *Req) *Pager[Req, Resp, Item, O] {
	return pages.NewPager(spec, fetch, req)
}

// Items is pages.Items.
func Items[Req, Resp, Item, O any](ctx context.Context, spec *Spec[Req, Resp, Item], fetch Fetch[Req, Resp, O], req *Req, optFns []O) iter.Seq2[Item, error] {
	return pages.Items(ctx, spec, fetch, req, optFns)
}
