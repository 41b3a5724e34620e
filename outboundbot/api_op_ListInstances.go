package outboundbot

import (
	"context"
	"encoding/json"
	"iter"
	"strconv"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/paginate"
	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// MaxPageSize is the largest ListInstances page. The API documents no
// limit; 100 is the Alibaba Cloud convention (CCC documents 1–100), and the
// paginator asks for it when PageSize is zero.
const MaxPageSize = 100

// ListInstancesRequest is the input of ListInstances. Every field is an
// optional filter or paging parameter.
type ListInstancesRequest struct {
	// ResourceGroupID lists only the instances of this resource group.
	ResourceGroupID string `url:"ResourceGroupId,omitempty"`
	// Tags lists only the instances carrying every tag, sent as Tag.N.Key
	// and Tag.N.Value.
	Tags []Tag `url:"Tag,omitempty"`
	// Name lists only the instances with this name.
	Name string `url:"Name,omitempty"`
	// PageNumber is the page to return, from 1; 0 means the first.
	PageNumber int `url:"PageNumber,omitempty"`
	// PageSize is the number of instances per page, 1 to MaxPageSize; 0
	// means the service's default (the paginator uses MaxPageSize).
	PageSize int `url:"PageSize,omitempty"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *ListInstancesRequest) Validate() error {
	if r == nil {
		return nil
	}
	var v apierror.Validator
	for i, t := range r.Tags {
		v.Required("Tags["+strconv.Itoa(i)+"].Key", t.Key)
	}
	v.Check(r.PageNumber >= 0, "PageNumber", "must not be negative")
	v.Check(r.PageSize >= 0 && r.PageSize <= MaxPageSize, "PageSize", "must be between 1 and 100 (0 for the default)")
	return v.Err(service.Product, "ListInstances")
}

// ListInstancesResponse is one page of ListInstances.
type ListInstancesResponse struct {
	RequestID  string     `json:"RequestId"`
	Instances  []Instance `json:"Instances"`
	TotalCount int        `json:"TotalCount"` // matching instances in all pages
	PageNumber int        `json:"PageNumber"`
	PageSize   int        `json:"PageSize"`
}

// UnmarshalJSON decodes a page, accepting its numbers as JSON strings too.
// A page without its Instances list, or of more than twice MaxPageSize
// instances, is an error.
func (r *ListInstancesResponse) UnmarshalJSON(b []byte) error {
	type plain ListInstancesResponse
	var w struct {
		*plain
		TotalCount, PageNumber, PageSize wire.Int64
	}
	w.plain = (*plain)(r)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	r.TotalCount, r.PageNumber, r.PageSize = int(w.TotalCount), int(w.PageNumber), int(w.PageSize)
	if r.Instances == nil { // absent or null; [] is an empty page
		return errNoInstances
	}
	return wire.CheckPage(len(r.Instances), MaxPageSize)
}

// ListInstances returns one page of the Outbound Bot business instances
// (OutboundBot 2019-12-26, action ListInstances). It is a read and is
// retried on any transient failure. To walk every page, use
// ListInstancesAll or NewListInstancesPaginator.
//
// Errors: CodeInternalError (ErrServer).
//
// https://help.aliyun.com/zh/outboundbot/developer-reference/api-outboundbot-2019-12-26-listinstances
func (c *Client) ListInstances(ctx context.Context, req *ListInstancesRequest, optFns ...func(*Options)) (*ListInstancesResponse, error) {
	return rpc.Do(ctx, c.base, "ListInstances", true, req, optFns, decodeListInstances)
}

// ListInstancesAPIClient is the method the paginator needs; *Client
// satisfies it, and so can a test double.
type ListInstancesAPIClient interface {
	ListInstances(ctx context.Context, req *ListInstancesRequest, optFns ...func(*Options)) (*ListInstancesResponse, error)
}

var _ ListInstancesAPIClient = (*Client)(nil)

// ListInstancesPaginator walks the pages of ListInstances, starting at the
// request's PageNumber (or 1) with its PageSize (or MaxPageSize). Its
// methods are HasMorePages() bool and NextPage(ctx, optFns...)
// (*ListInstancesResponse, error); NextPage returns ErrNoMorePages after the
// last page, and a page that failed to arrive can be fetched again. A page
// that would list an instance again is not returned: NextPage returns a
// *PaginationError instead, and the walk ends.
type ListInstancesPaginator = paginate.Pager[ListInstancesRequest, ListInstancesResponse, Instance, func(*Options)]

// NewListInstancesPaginator returns a paginator over the pages matching
// req, which it copies: the caller's request is never changed.
func NewListInstancesPaginator(client ListInstancesAPIClient, req *ListInstancesRequest) *ListInstancesPaginator {
	return paginate.NewPager(listInstancesPages, client.ListInstances, req)
}

// ListInstancesAll returns every instance matching req, fetching pages as
// the sequence is ranged. Nothing is fetched until then; ranging again
// starts over; breaking out stops further requests; an error is yielded
// once and ends the sequence. req is copied when ListInstancesAll is called.
func (c *Client) ListInstancesAll(ctx context.Context, req *ListInstancesRequest, optFns ...func(*Options)) iter.Seq2[Instance, error] {
	return paginate.Items(ctx, listInstancesPages, c.ListInstances, req, optFns)
}

// ErrNoMorePages is returned by a paginator's NextPage after the last page.
var ErrNoMorePages = paginate.ErrNoMorePages

// listInstancesPages tells the shared pager where ListInstances keeps its
// paging fields.
var listInstancesPages = &paginate.Spec[ListInstancesRequest, ListInstancesResponse, Instance]{
	Product:     service.Product,
	Operation:   "ListInstances",
	Page:        func(r *ListInstancesRequest) *int { return &r.PageNumber },
	Size:        func(r *ListInstancesRequest) *int { return &r.PageSize },
	DefaultSize: MaxPageSize,
	Items:       func(r *ListInstancesResponse) []Instance { return r.Instances },
	Total:       func(r *ListInstancesResponse) int { return r.TotalCount },
	Key:         func(in Instance) string { return in.InstanceID },
}
