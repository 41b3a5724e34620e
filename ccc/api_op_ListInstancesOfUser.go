package ccc

import (
	"context"
	"encoding/json"
	"iter"

	"github.com/typedcloud/sdk-go/internal/paginate"
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// ListInstancesOfUserRequest is the input of ListInstancesOfUser.
type ListInstancesOfUserRequest struct {
	// PageNumber is the page to return, 1 to MaxPageNumber; 0 sends 1.
	PageNumber int `url:"PageNumber"`
	// PageSize is the number of instances per page, 1 to MaxPageSize; 0
	// sends MaxPageSize.
	PageSize int `url:"PageSize"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *ListInstancesOfUserRequest) Validate() error {
	if r == nil {
		return nil
	}
	return checkPage("ListInstancesOfUser", r.PageNumber, r.PageSize)
}

// ListInstancesOfUserResponse is one page of ListInstancesOfUser. The
// answer nests the page under Data; it is flattened here.
type ListInstancesOfUserResponse struct {
	RequestID  string     `json:"RequestId"`
	Instances  []Instance `json:"Instances"`  // the answer's Data.List
	PageNumber int        `json:"PageNumber"` // the page returned
	PageSize   int        `json:"PageSize"`
	TotalCount int        `json:"TotalCount"` // instances in all pages
}

// UnmarshalJSON decodes a page from the answer's Data.
func (r *ListInstancesOfUserResponse) UnmarshalJSON(b []byte) error {
	var all ListInstancesResponse
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	*r = ListInstancesOfUserResponse(all)
	return nil
}

// ListInstancesOfUser returns one page of the Contact Center instances the
// calling user belongs to (CCC 2020-07-01, action ListInstancesOfUser),
// without CreateTime. It is a read and is retried on any transient failure.
// To walk every page, use ListInstancesOfUserAll or
// NewListInstancesOfUserPaginator.
//
// Errors: CodeParameterMaximum, CodeParameterMinimum, CodeParameterBlank
// (ErrInvalidParameter; the client checks the documented ranges first).
//
// https://help.aliyun.com/zh/ccs/developer-reference/api-ccc-2020-07-01-listinstancesofuser
func (c *Client) ListInstancesOfUser(ctx context.Context, req *ListInstancesOfUserRequest, optFns ...func(*Options)) (*ListInstancesOfUserResponse, error) {
	var r ListInstancesOfUserRequest
	if req != nil {
		r = *req
	}
	r.PageNumber, r.PageSize = pageDefaults(r.PageNumber, r.PageSize)
	return rpc.Do(ctx, c.base, "ListInstancesOfUser", true, &r, optFns, decodeListInstancesOfUser)
}

// ListInstancesOfUserAPIClient is the method the ListInstancesOfUser
// paginator needs; *Client satisfies it, and so can a test double.
type ListInstancesOfUserAPIClient interface {
	ListInstancesOfUser(ctx context.Context, req *ListInstancesOfUserRequest, optFns ...func(*Options)) (*ListInstancesOfUserResponse, error)
}

var _ ListInstancesOfUserAPIClient = (*Client)(nil)

// ListInstancesOfUserPaginator walks the pages of ListInstancesOfUser with
// the rules of ListInstancesPaginator.
type ListInstancesOfUserPaginator = paginate.Pager[ListInstancesOfUserRequest, ListInstancesOfUserResponse, Instance, func(*Options)]

// NewListInstancesOfUserPaginator returns a paginator over the instances of
// the calling user. It copies req: the caller's request is never changed.
func NewListInstancesOfUserPaginator(client ListInstancesOfUserAPIClient, req *ListInstancesOfUserRequest) *ListInstancesOfUserPaginator {
	return paginate.NewPager(listInstancesOfUserPages, client.ListInstancesOfUser, req)
}

// ListInstancesOfUserAll returns every instance of the calling user with
// the rules of ListInstancesAll.
func (c *Client) ListInstancesOfUserAll(ctx context.Context, req *ListInstancesOfUserRequest, optFns ...func(*Options)) iter.Seq2[Instance, error] {
	return paginate.Items(ctx, listInstancesOfUserPages, c.ListInstancesOfUser, req, optFns)
}

var listInstancesOfUserPages = &paginate.Spec[ListInstancesOfUserRequest, ListInstancesOfUserResponse, Instance]{
	Product:     service.Product,
	Operation:   "ListInstancesOfUser",
	Page:        func(r *ListInstancesOfUserRequest) *int { return &r.PageNumber },
	Size:        func(r *ListInstancesOfUserRequest) *int { return &r.PageSize },
	DefaultSize: MaxPageSize,
	LastPage:    MaxPageNumber,
	Items:       func(r *ListInstancesOfUserResponse) []Instance { return r.Instances },
	Total:       func(r *ListInstancesOfUserResponse) int { return r.TotalCount },
	Key:         instanceKey,
}
