package ccc

import (
	"context"
	"encoding/json"
	"iter"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/paginate"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// Paging limits of ListInstances and ListInstancesOfUser: both parameters
// are required by the API and must be 1 to 100, so at most
// MaxPageNumber*MaxPageSize (10,000) instances can be listed.
const (
	MaxPageSize   = 100
	MaxPageNumber = 100
)

// ListInstancesRequest is the input of ListInstances.
type ListInstancesRequest struct {
	// PageNumber is the page to return, 1 to MaxPageNumber; 0 sends 1.
	PageNumber int `url:"PageNumber"`
	// PageSize is the number of instances per page, 1 to MaxPageSize; 0
	// sends MaxPageSize.
	PageSize int `url:"PageSize"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *ListInstancesRequest) Validate() error {
	if r == nil {
		return nil
	}
	return checkPage("ListInstances", r.PageNumber, r.PageSize)
}

// ListInstancesResponse is one page of ListInstances. The answer nests the
// page under Data; it is flattened here.
type ListInstancesResponse struct {
	RequestID  string     `json:"RequestId"`
	Instances  []Instance `json:"Instances"`  // the answer's Data.List
	PageNumber int        `json:"PageNumber"` // the page returned
	PageSize   int        `json:"PageSize"`
	TotalCount int        `json:"TotalCount"` // instances in all pages
}

// UnmarshalJSON decodes a page from the answer's Data. An answer without
// Data or its List, or with more than twice MaxPageSize instances, is an
// error.
func (r *ListInstancesResponse) UnmarshalJSON(b []byte) error {
	var p page
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	switch {
	case p.Data == nil:
		return errNoData
	case p.Data.List == nil: // absent or null; [] is an empty page
		return errNoList
	}
	*r = ListInstancesResponse{RequestID: p.RequestID, Instances: p.Data.List,
		PageNumber: int(p.Data.PageNumber), PageSize: int(p.Data.PageSize), TotalCount: int(p.Data.TotalCount)}
	return wire.CheckPage(len(r.Instances), MaxPageSize)
}

// ListInstances returns one page of the Contact Center instances of the
// calling Alibaba Cloud account (CCC 2020-07-01, action ListInstances),
// each with its CreateTime. A RAM user needs the AliyunCCCFullAccess
// policy. It is a read and is retried on any transient failure. To walk
// every page, use ListInstancesAll or NewListInstancesPaginator.
//
// Errors: CodeParameterBlank, CodeParameterMinimum, CodeParameterMaximum
// (ErrInvalidParameter; the client checks the documented ranges first).
//
// https://help.aliyun.com/zh/ccs/cccai/developer-reference/api-ccc-2020-07-01-listinstances
func (c *Client) ListInstances(ctx context.Context, req *ListInstancesRequest, optFns ...func(*Options)) (*ListInstancesResponse, error) {
	var r ListInstancesRequest
	if req != nil {
		r = *req
	}
	r.PageNumber, r.PageSize = pageDefaults(r.PageNumber, r.PageSize)
	return rpc.Do(ctx, c.base, "ListInstances", true, &r, optFns, decodeListInstances)
}

// ListInstancesAPIClient is the method the ListInstances paginator needs;
// *Client satisfies it, and so can a test double.
type ListInstancesAPIClient interface {
	ListInstances(ctx context.Context, req *ListInstancesRequest, optFns ...func(*Options)) (*ListInstancesResponse, error)
}

var _ ListInstancesAPIClient = (*Client)(nil)

// ListInstancesPaginator walks the pages of ListInstances, starting at the
// request's PageNumber (or 1) with its PageSize (or MaxPageSize), and stops
// after the last page or on an empty page. A page that would list an
// instance again (a repeated page, or one going backwards) is not returned:
// NextPage returns a *PaginationError instead, and so it does, without a
// request, when instances are left after page MaxPageNumber. Its methods
// are HasMorePages() bool and NextPage(ctx, optFns...)
// (*ListInstancesResponse, error); NextPage returns ErrNoMorePages after
// the last page, and a page that failed to arrive can be fetched again.
type ListInstancesPaginator = paginate.Pager[ListInstancesRequest, ListInstancesResponse, Instance, func(*Options)]

// NewListInstancesPaginator returns a paginator over the instances of the
// account. It copies req: the caller's request is never changed.
func NewListInstancesPaginator(client ListInstancesAPIClient, req *ListInstancesRequest) *ListInstancesPaginator {
	return paginate.NewPager(listInstancesPages, client.ListInstances, req)
}

// ListInstancesAll returns every instance of the account, fetching pages as
// the sequence is ranged. Nothing is fetched until then; ranging again
// starts over; breaking out stops further requests; an error is yielded
// once and ends the sequence. req is copied when ListInstancesAll is called.
func (c *Client) ListInstancesAll(ctx context.Context, req *ListInstancesRequest, optFns ...func(*Options)) iter.Seq2[Instance, error] {
	return paginate.Items(ctx, listInstancesPages, c.ListInstances, req, optFns)
}

// ErrNoMorePages is returned by a paginator's NextPage after the last page.
var ErrNoMorePages = paginate.ErrNoMorePages

var listInstancesPages = &paginate.Spec[ListInstancesRequest, ListInstancesResponse, Instance]{
	Product:     service.Product,
	Operation:   "ListInstances",
	Page:        func(r *ListInstancesRequest) *int { return &r.PageNumber },
	Size:        func(r *ListInstancesRequest) *int { return &r.PageSize },
	DefaultSize: MaxPageSize,
	LastPage:    MaxPageNumber,
	Items:       func(r *ListInstancesResponse) []Instance { return r.Instances },
	Total:       func(r *ListInstancesResponse) int { return r.TotalCount },
	Key:         instanceKey,
}

// page is the wire form of both list answers.
type page struct {
	RequestID string `json:"RequestId"`
	Data      *struct {
		PageNumber, PageSize, TotalCount wire.Int64
		List                             []Instance
	}
}

// checkPage validates the paging fields of both list requests; 0 stands for
// the default.
func checkPage(op string, number, size int) error {
	var v apierror.Validator
	v.Check(number >= 0 && number <= MaxPageNumber, "PageNumber", "must be between 1 and 100 (0 means 1)")
	v.Check(size >= 0 && size <= MaxPageSize, "PageSize", "must be between 1 and 100 (0 means 100)")
	return v.Err(service.Product, op)
}

// pageDefaults fills the paging parameters the API requires.
func pageDefaults(number, size int) (int, int) {
	if number == 0 {
		number = 1
	}
	if size == 0 {
		size = MaxPageSize
	}
	return number, size
}

func instanceKey(in Instance) string { return in.ID }
