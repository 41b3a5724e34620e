// Package apierr defines the errors every product client of this module
// returns, and the category sentinels they match:
//
//   - *APIError: the service said no (an error envelope, a non-2xx status,
//     or an HTTP 200 whose body says it failed).
//   - *ValidationError: the request was rejected before any I/O; Fields
//     lists every bad field.
//   - *DecodeError: the answer could not be read as the documented shape.
//   - *RedirectError: the answer sent the call to another address, which a
//     signed call never follows.
//   - *OperationError: the call failed without a complete answer (a
//     transport failure, a body cut short, a cancelled context, unusable
//     credentials, in which case its Err is a *CredentialsError).
//   - *PaginationError: a list walk whose pages would yield an item twice,
//     or that cannot reach the end of the list.
//
// The product packages re-export every name here (outboundbot.APIError,
// ccc.ErrNotFound, industrialcloud.ValidationError), so a program names
// them from the package it already imports; this package is where their
// fields and methods are documented.
//
// Each APIError belongs to at most one category, matched with errors.Is
// against ErrNotFound, ErrThrottled, ErrAuth, ErrPermission,
// ErrInvalidParameter, ErrConflict, ErrQuotaExceeded, ErrServer and ErrNotReady. The
// category comes from the product's own code table, then the protocol's
// common codes (AlibabaCodes, TencentCodes), then the HTTP status.
package apierr
