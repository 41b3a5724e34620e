package industrialcloud

import (
	"github.com/typedcloud/sdk-go/apierr"
	"github.com/typedcloud/sdk-go/internal/apierror"
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

// Error codes the instance console can answer. Its documentation lists
// none ("以下仅列出了接口业务逻辑相关的错误码" over an empty table); these
// are the Tencent Cloud API 3.0 common codes every action of that protocol
// can return, which the only public client of the console expects.
const (
	// CodeTokenFailure: the token is invalid or expired (ErrAuth). A
	// TokenProvider is asked for a new token and the call is made once more.
	CodeTokenFailure = "AuthFailure.TokenFailure"
	// CodeSignatureFailure: the TC3 signature does not match, or a
	// signature is required and missing (ErrAuth).
	CodeSignatureFailure = "AuthFailure.SignatureFailure"
	// CodeSignatureExpire: X-TC-Timestamp is more than 5 minutes from the
	// server's clock (ErrAuth).
	CodeSignatureExpire = "AuthFailure.SignatureExpire"
	// CodeSecretIDNotFound: the SecretID does not exist or is disabled (ErrAuth).
	CodeSecretIDNotFound = "AuthFailure.SecretIdNotFound"
	// CodeInvalidSecretID: the SecretID is not an API key (ErrAuth).
	CodeInvalidSecretID = "AuthFailure.InvalidSecretId"
	// CodeInvalidAuthorization: the Authorization header is malformed (ErrAuth).
	CodeInvalidAuthorization = "AuthFailure.InvalidAuthorization"
	// CodeUnauthorizedOperation: authenticated but not allowed (ErrPermission).
	CodeUnauthorizedOperation = "AuthFailure.UnauthorizedOperation"
	// CodeRequestLimitExceeded: rate limited; retried with backoff (ErrThrottled).
	CodeRequestLimitExceeded = "RequestLimitExceeded"
	// CodeInternalError: the service failed; reads are retried (ErrServer).
	CodeInternalError = "InternalError"
	// CodeInvalidParameter: a parameter is invalid (ErrInvalidParameter).
	CodeInvalidParameter = "InvalidParameter"
	// CodeInvalidParameterValue: a parameter's value is out of range (ErrInvalidParameter).
	CodeInvalidParameterValue = "InvalidParameterValue"
	// CodeMissingParameter: a required parameter is absent (ErrInvalidParameter).
	CodeMissingParameter = "MissingParameter"
	// CodeUnknownParameter: the body has a field the action does not know (ErrInvalidParameter).
	CodeUnknownParameter = "UnknownParameter"
	// CodeInvalidAction: the action does not exist (ErrInvalidParameter).
	CodeInvalidAction = "InvalidAction"
	// CodeNoSuchVersion: the X-TC-Version does not exist (ErrInvalidParameter).
	CodeNoSuchVersion = "NoSuchVersion"
	// CodeUnsupportedProtocol: not a JSON POST (ErrInvalidParameter).
	CodeUnsupportedProtocol = "UnsupportedProtocol"
	// CodeResourceNotFound: no instance has this UUID (ErrNotFound).
	CodeResourceNotFound = "ResourceNotFound"
	// CodeResourceUnavailable: the instance's state does not allow the
	// operation (ErrConflict).
	CodeResourceUnavailable = "ResourceUnavailable"
	// CodeLimitExceeded: a quota would be exceeded (ErrQuotaExceeded).
	CodeLimitExceeded = "LimitExceeded"
	// CodeFailedOperation: the operation failed (no category).
	CodeFailedOperation = "FailedOperation"
)

// codes are this product's codes that the Tencent common table does not
// already classify: none so far. The field stays so that a code the console
// turns out to use is one line here.
var codes = apierror.Codes{}
