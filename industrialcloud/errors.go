package industrialcloud

import (
	"github.com/typedcloud/sdk-go/internal/apierror"
)

// Error types, re-exported so they can be named from this package.
type (
	// APIError is an answer in which the service refused the request: a
	// Response.Error object, a legacy {"code","message","codeDesc"} body,
	// or a non-zero business Code (ModifyInstanceName's envelope).
	APIError = apierror.APIError
	// ValidationError is a request rejected before any network I/O.
	ValidationError = apierror.ValidationError
	// FieldError is one bad field of a ValidationError.
	FieldError = apierror.FieldError
	// DecodeError is an answer that could not be read as documented.
	DecodeError = apierror.DecodeError
	// OperationError is a call that ended without a complete answer: a
	// network failure, an answer cut short, a cancelled context, a
	// TokenProvider that failed.
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
	// CredentialsError is the Err of an OperationError whose token could
	// not be obtained; it unwraps to the TokenProvider's error.
	CredentialsError = apierror.CredentialsError
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
