package ccc

import (
	"github.com/typedcloud/sdk-go/internal/apierror"
)

// Error types, re-exported so they can be named from this package.
type (
	// APIError is an answer in which the service refused the request.
	APIError = apierror.APIError
	// ValidationError is a request rejected before any network I/O.
	ValidationError = apierror.ValidationError
	// FieldError is one bad field of a ValidationError.
	FieldError = apierror.FieldError
	// DecodeError is an answer that could not be read as documented.
	DecodeError = apierror.DecodeError
	// OperationError is a call that ended without a complete answer: a
	// network failure, an answer cut short, a cancelled context, unusable
	// credentials.
	OperationError = apierror.OperationError
	// RedirectError is an answer that sent the call to another address:
	// refused, never followed, never retried.
	RedirectError = apierror.RedirectError
	// PaginationError ends a list walk whose next page would list an item
	// again, or that cannot reach the end of the list; its Reason is one
	// of RepeatedPage, RepeatedItem and PageLimit. Match it with errors.As.
	PaginationError = apierror.PaginationError
	// PaginationReason is why a PaginationError ended a walk.
	PaginationReason = apierror.PaginationReason
)

// Why a list walk ended with a PaginationError.
const (
	// RepeatedPage: the page lists the same items as an earlier one.
	RepeatedPage = apierror.RepeatedPage
	// RepeatedItem: the page lists an item twice, or one the page before
	// it listed.
	RepeatedItem = apierror.RepeatedItem
	// PageLimit: the list goes on past the last page the walk may request.
	PageLimit = apierror.PageLimit
)

// Error categories, matched with errors.Is.
var (
	ErrNotFound         = apierror.ErrNotFound
	ErrThrottled        = apierror.ErrThrottled
	ErrAuth             = apierror.ErrAuth
	ErrPermission       = apierror.ErrPermission
	ErrInvalidParameter = apierror.ErrInvalidParameter
	ErrConflict         = apierror.ErrConflict
	ErrQuotaExceeded    = apierror.ErrQuotaExceeded
	ErrServer           = apierror.ErrServer
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
