package industrialcloud

import (
	"github.com/typedcloud/sdk-go/apierr"
)

// Error types, re-exported from package apierr so they can be named from
// this package. Their fields and methods are documented there, e.g.
// go doc github.com/typedcloud/sdk-go/apierr APIError.
type (
	// APIError is an answer in which the service refused the request: a
	// Response.Error object, a legacy {"code","message","codeDesc"} body,
	// or a non-zero business Code (ModifyInstanceName's envelope).
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
	// network failure, an answer cut short, a cancelled context, a
	// TokenProvider that failed.
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
	// CredentialsError is the Err of an OperationError whose token could
	// not be obtained; it unwraps to the TokenProvider's error.
	// See apierr.CredentialsError for its documentation.
	CredentialsError = apierr.CredentialsError
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
