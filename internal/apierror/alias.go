package apierror

import "github.com/typedcloud/sdk-go/apierr"

// The error types, defined and documented in package apierr.
type (
	APIError         = apierr.APIError
	ValidationError  = apierr.ValidationError
	FieldError       = apierr.FieldError
	DecodeError      = apierr.DecodeError
	OperationError   = apierr.OperationError
	CredentialsError = apierr.CredentialsError
	RedirectError    = apierr.RedirectError
	PaginationError  = apierr.PaginationError
	PaginationReason = apierr.PaginationReason
	Category         = apierr.Category
	Codes            = apierr.Codes
)

// Why a list walk ended with a PaginationError.
const (
	RepeatedPage = apierr.RepeatedPage
	RepeatedItem = apierr.RepeatedItem
	PageLimit    = apierr.PageLimit
)

// SnippetLimit is the most bytes of a response body a DecodeError keeps.
const SnippetLimit = apierr.SnippetLimit

// The category sentinels and the protocols' common code tables.
var (
	ErrNotFound         = apierr.ErrNotFound
	ErrThrottled        = apierr.ErrThrottled
	ErrAuth             = apierr.ErrAuth
	ErrPermission       = apierr.ErrPermission
	ErrInvalidParameter = apierr.ErrInvalidParameter
	ErrConflict         = apierr.ErrConflict
	ErrQuotaExceeded    = apierr.ErrQuotaExceeded
	ErrServer           = apierr.ErrServer
	ErrNotReady         = apierr.ErrNotReady

	AlibabaCodes = apierr.AlibabaCodes
	TencentCodes = apierr.TencentCodes
)

// Classify returns the category of code; see apierr.Classify.
func Classify(code string, status int, tables ...Codes) *Category {
	return apierr.Classify(code, status, tables...)
}

// ByStatus returns the category an HTTP status implies; see apierr.ByStatus.
func ByStatus(status int) *Category { return apierr.ByStatus(status) }

// SetCategory fixes the category of e; see apierr.SetCategory.
func SetCategory(e *APIError, c *Category) { apierr.SetCategory(e, c) }
