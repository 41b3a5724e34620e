package industrialcloud

import (
	"context"
	"encoding/json"
	"iter"
	"strconv"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/paginate"
	"github.com/typedcloud/sdk-go/internal/wire"
)

// Page sizes of DescribeInstances.
const (
	// DefaultLimit is the documented default Limit, and the page size the
	// paginator asks for when the request's Limit is zero.
	DefaultLimit = 20
	// MaxLimit is the largest Limit the client sends. The console documents
	// no maximum; 100 is the Tencent Cloud convention for Offset/Limit APIs.
	MaxLimit = 100
)

// SortKeyCreatedAt, as Sort.Key, orders by creation time (the documented
// example key).
const SortKeyCreatedAt = "created_at"

// SortDirection is the order of a Sort.
type SortDirection string

// The documented directions (the service also accepts "ASC" and "DESC").
const (
	SortAscending  SortDirection = "asc"
	SortDescending SortDirection = "desc"
)

// Valid reports whether d is a documented direction, in either case.
func (d SortDirection) Valid() bool {
	switch d {
	case SortAscending, SortDescending, "ASC", "DESC":
		return true
	}
	return false
}

// Sort is one ordering of DescribeInstances (an element of SortSet).
type Sort struct {
	Key       string        `json:"Key"`       // a column, e.g. SortKeyCreatedAt
	Direction SortDirection `json:"Direction"` // SortAscending or SortDescending
}

// DescribeInstancesRequest is the input of DescribeInstances. Status is
// required; every other field is an optional filter or paging parameter.
type DescribeInstancesRequest struct {
	// Status lists the states to return (必填). Required, at least one.
	Status []Status `json:"Status"`
	// ProductSource filters by where the product comes from; third-party
	// integrators usually use ProductSourceIopThird. Empty means no filter.
	ProductSource ProductSource `json:"ProductSource,omitempty"`
	// DeliverType filters by delivery type; empty means no filter.
	DeliverType []DeliverType `json:"DeliverType,omitempty"`
	// CategoryID filters by category; empty means no filter.
	CategoryID []string `json:"CategoryID,omitempty"`
	// Bid filters by business (application) id; 0 means no filter.
	Bid int64 `json:"Bid,omitempty"`
	// Offset is the number of instances to skip; 0 is the first.
	Offset int `json:"Offset,omitempty"`
	// Limit is the number of instances per page, 1 to MaxLimit; 0 means the
	// service's default, 20 (the paginator sends DefaultLimit).
	Limit int `json:"Limit,omitempty"`
	// SortSet orders the instances, e.g. {SortKeyCreatedAt, SortDescending}.
	SortSet []Sort `json:"SortSet,omitempty"`
}

// Validate reports every invalid field of r before any network I/O.
func (r *DescribeInstancesRequest) Validate() error {
	if r == nil {
		r = &DescribeInstancesRequest{}
	}
	var v apierror.Validator
	v.Check(len(r.Status) > 0, "Status", "is required (at least one status)")
	for i, s := range r.Status {
		v.Check(s.Valid(), "Status["+strconv.Itoa(i)+"]", "must be one of default, delivering, delivered, deliver_failed, expired, destroyed, deleted")
	}
	v.Check(r.ProductSource.Valid(), "ProductSource", "must be one of cloud_market, local, iop_third")
	for i, d := range r.DeliverType {
		v.Check(d.Valid(), "DeliverType["+strconv.Itoa(i)+"]", "must be saas or manual")
	}
	for i, id := range r.CategoryID {
		v.Check(id != "", "CategoryID["+strconv.Itoa(i)+"]", "must not be empty")
	}
	v.Check(r.Bid >= 0, "Bid", "must not be negative")
	v.Check(r.Offset >= 0, "Offset", "must not be negative")
	v.Check(r.Limit >= 0 && r.Limit <= MaxLimit, "Limit", "must be between 1 and 100 (0 for the default)")
	for i, s := range r.SortSet {
		at := "SortSet[" + strconv.Itoa(i) + "]"
		v.Required(at+".Key", s.Key)
		v.Check(s.Direction.Valid(), at+".Direction", "must be asc or desc")
	}
	return v.Err(product, "DescribeInstances")
}

// describeInstancesBody is the JSON body: the request and the Module field.
type describeInstancesBody struct {
	Module string `json:"Module,omitempty"`
	*DescribeInstancesRequest
}

// DescribeInstancesResponse is one page of DescribeInstances.
type DescribeInstancesResponse struct {
	RequestID  string     `json:"RequestId"`
	Instances  []Instance `json:"Instances"`  // Data.Instances of the answer
	TotalCount int        `json:"TotalCount"` // Data.TotalCount: matching instances in all pages
}

// UnmarshalJSON reads the Response object: {"RequestId", "Data":
// {"TotalCount", "Instances": [...]}}. An answer without Data or its
// Instances, or with more than twice MaxLimit instances, is an error.
func (r *DescribeInstancesResponse) UnmarshalJSON(b []byte) error {
	var w struct {
		RequestID string `json:"RequestId"`
		Data      *struct {
			TotalCount wire.Int64
			Instances  []Instance
		}
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	switch {
	case w.Data == nil:
		return errNoData
	case w.Data.Instances == nil: // absent or null; [] is an empty page
		return errNoInstances
	}
	r.RequestID, r.Instances, r.TotalCount = w.RequestID, w.Data.Instances, int(w.Data.TotalCount)
	return wire.CheckPage(len(r.Instances), MaxLimit)
}

// DescribeInstances returns one page of the instances in the given states
// (industrial cloud instance console, version 2019-12-26, action
// DescribeInstances, 查询实例列表). It is a read and is retried on any
// transient failure. To walk every page, use DescribeInstancesAll or
// NewDescribeInstancesPaginator.
//
// Errors: CodeMissingParameter, CodeInvalidParameter and
// CodeInvalidParameterValue (ErrInvalidParameter), CodeTokenFailure and the
// other AuthFailure codes (ErrAuth), CodeRequestLimitExceeded
// (ErrThrottled), CodeInternalError (ErrServer).
//
// https://open.wemake.tencent.com/document/api/28ee4e3e60081e7f004482935eaac1ff
func (c *Client) DescribeInstances(ctx context.Context, req *DescribeInstancesRequest, optFns ...func(*Options)) (*DescribeInstancesResponse, error) {
	return invoke[DescribeInstancesResponse](ctx, c, "DescribeInstances", true, req,
		func(module string) any { return describeInstancesBody{Module: module, DescribeInstancesRequest: req} }, optFns, decodeDescribeInstances)
}

// DescribeInstancesAPIClient is the method the paginator needs; *Client
// satisfies it, and so can a test double.
type DescribeInstancesAPIClient interface {
	DescribeInstances(ctx context.Context, req *DescribeInstancesRequest, optFns ...func(*Options)) (*DescribeInstancesResponse, error)
}

var _ DescribeInstancesAPIClient = (*Client)(nil)

// DescribeInstancesPaginator walks the pages of DescribeInstances, starting
// at the request's Offset with its Limit (or DefaultLimit) and advancing the
// Offset by the instances each page held. A page that would list an
// instance again is not returned: NextPage returns a *PaginationError
// instead. Its methods are HasMorePages() bool and NextPage(ctx, optFns...)
// (*DescribeInstancesResponse, error); NextPage returns ErrNoMorePages after
// the last page, and a page that failed to arrive can be fetched again.
type DescribeInstancesPaginator = paginate.Pager[DescribeInstancesRequest, DescribeInstancesResponse, Instance, func(*Options)]

// NewDescribeInstancesPaginator returns a paginator over the pages matching
// req, which it copies: the caller's request is never changed.
func NewDescribeInstancesPaginator(client DescribeInstancesAPIClient, req *DescribeInstancesRequest) *DescribeInstancesPaginator {
	return paginate.NewPager(describeInstancesPages, client.DescribeInstances, req)
}

// DescribeInstancesAll returns every instance matching req, fetching pages
// as the sequence is ranged. Nothing is fetched until then; ranging again
// starts over; breaking out stops further requests; an error is yielded
// once and ends the sequence. The walk ends at Data.TotalCount or on an
// empty page (without a TotalCount, on a page short of the Limit); a page
// that would list an instance again ends it with a *PaginationError. req is
// copied when DescribeInstancesAll is called.
func (c *Client) DescribeInstancesAll(ctx context.Context, req *DescribeInstancesRequest, optFns ...func(*Options)) iter.Seq2[Instance, error] {
	return paginate.Items(ctx, describeInstancesPages, c.DescribeInstances, req, optFns)
}

// ErrNoMorePages is returned by a paginator's NextPage after the last page.
var ErrNoMorePages = paginate.ErrNoMorePages

// describeInstancesPages tells the shared pager that DescribeInstances
// pages by Offset and Limit.
var describeInstancesPages = &paginate.Spec[DescribeInstancesRequest, DescribeInstancesResponse, Instance]{
	Product:     product,
	Operation:   "DescribeInstances",
	Page:        func(r *DescribeInstancesRequest) *int { return &r.Offset },
	Size:        func(r *DescribeInstancesRequest) *int { return &r.Limit },
	DefaultSize: DefaultLimit,
	Offset:      true,
	Items:       func(r *DescribeInstancesResponse) []Instance { return r.Instances },
	Total:       func(r *DescribeInstancesResponse) int { return r.TotalCount },
	Key:         func(in Instance) string { return in.UUID },
}
