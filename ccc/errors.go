package ccc

import (
	"github.com/typedcloud/sdk-go/apierr"
	"github.com/typedcloud/sdk-go/internal/apierror"
)

// Error types, re-exported from package apierr so they can be named from
// this package. Their fields and methods are documented there, e.g.
// go doc github.com/typedcloud/sdk-go/apierr APIError.
type (
	// APIError is an answer in which the service refused the request.
	// See apierr.APIError for its documentation.
	APIError = apierr.APIError
	// ValidationError is a request rejected before any network I/O.
	// See apierr.ValidationError for its documentation.
	ValidationError = apierr.ValidationError
	// FieldError is one bad field of a ValidationError.
	// See apierr.FieldError for its documentation.
	FieldError = apierr.FieldError
	// DecodeError is an answer that could not be read as documented.
	// See apierr.DecodeError for its documentation.
	DecodeError = apierr.DecodeError
	// OperationError is a call that ended without a complete answer: a
	// network failure, an answer cut short, a cancelled context, unusable
	// credentials.
	// See apierr.OperationError for its documentation.
	OperationError = apierr.OperationError
	// RedirectError is an answer that sent the call to another address:
	// refused, never followed, never retried.
	// See apierr.RedirectError for its documentation.
	RedirectError = apierr.RedirectError
	// PaginationError ends a list walk whose next page would list an item
	// again, or that cannot reach the end of the list; its Reason is one
	// of RepeatedPage, RepeatedItem and PageLimit. Match it with errors.As.
	// See apierr.PaginationError for its documentation.
	PaginationError = apierr.PaginationError
	// PaginationReason is why a PaginationError ended a walk.
	// See apierr.PaginationReason for its documentation.
	PaginationReason = apierr.PaginationReason
)

// Why a list walk ended with a PaginationError.
const (
	// RepeatedPage: the page lists the same items as an earlier one.
	RepeatedPage = apierr.RepeatedPage
	// RepeatedItem: the page lists an item twice, or one the page before
	// it listed.
	RepeatedItem = apierr.RepeatedItem
	// PageLimit: the list goes on past the last page the walk may request.
	PageLimit = apierr.PageLimit
)

// Error categories, matched with errors.Is; see apierr.ErrNotFound and the
// others for what each covers.
var (
	ErrNotFound         = apierr.ErrNotFound
	ErrThrottled        = apierr.ErrThrottled
	ErrAuth             = apierr.ErrAuth
	ErrPermission       = apierr.ErrPermission
	ErrInvalidParameter = apierr.ErrInvalidParameter
	ErrConflict         = apierr.ErrConflict
	ErrQuotaExceeded    = apierr.ErrQuotaExceeded
	ErrServer           = apierr.ErrServer
)

// Error codes documented for the Contact Center instance operations. The
// common Alibaba Cloud codes (MissingParameter, Throttling.User,
// SignatureDoesNotMatch, …) can be returned too.
const (
	// CodeInstanceNotFound: no instance has this ID (HTTP 404, ErrNotFound).
	CodeInstanceNotFound = "NotExists.InstanceId"
	// CodeNumberNotFound: a number of NumberList does not belong to the
	// account or is used by another instance (HTTP 404, ErrNotFound).
	CodeNumberNotFound = "NotExists.Number"
	// CodeInstanceAlreadyExists: an instance with this DomainName exists
	// (HTTP 409, ErrConflict).
	CodeInstanceAlreadyExists = "AlreadyExists.InstanceId"
	// CodeParameterBlank: a required parameter is missing or blank (HTTP
	// 400, ErrInvalidParameter).
	CodeParameterBlank = "Parameter.Blank"
	// CodeParameterEmpty: a list parameter is empty (HTTP 400,
	// ErrInvalidParameter).
	CodeParameterEmpty = "Parameter.Empty"
	// CodeParameterNull: a required parameter is null (HTTP 400,
	// ErrInvalidParameter).
	CodeParameterNull = "Parameter.Null"
	// CodeParameterEnumeration: a value is not one of the allowed ones (HTTP
	// 400, ErrInvalidParameter).
	CodeParameterEnumeration = "Parameter.Enumeration"
	// CodeParameterMaximum: a value is above its maximum, such as PageSize
	// 101 (HTTP 400, ErrInvalidParameter).
	CodeParameterMaximum = "Parameter.Maximum"
	// CodeParameterMinimum: a value is below its minimum, such as
	// PageNumber 0 (HTTP 400, ErrInvalidParameter).
	CodeParameterMinimum = "Parameter.Minimum"
)

// codes are this product's code families, which the common Alibaba table
// does not classify. The classifier tries a code's dotted parents, so
// "NotExists" covers NotExists.InstanceId and NotExists.Number (and the
// NotExists.UserId-style codes of other CCC APIs), and "Parameter" covers
// the whole Parameter.* family.
var codes = apierror.Codes{
	"NotExists":     apierror.ErrNotFound,
	"AlreadyExists": apierror.ErrConflict,
	"Parameter":     apierror.ErrInvalidParameter,
}
