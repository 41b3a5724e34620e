// Package apierror defines the error types every product package returns:
// APIError (the service said no), ValidationError (the request was rejected
// before any I/O), DecodeError (the answer could not be read as the
// documented shape), RedirectError (the answer sent the call to another
// address, which a signed call never follows), OperationError (the call
// failed without a complete answer: a transport failure, a body cut short,
// a cancelled context, unusable credentials) and PaginationError (a list
// walk whose pages would yield an item twice, or that cannot reach the end
// of the list).
//
// Product packages re-export these with type aliases so users name them from
// the package they already import (outboundbot.APIError, ccc.ErrNotFound).
//
// Each APIError carries a category, matched by errors.Is against the
// sentinels ErrNotFound, ErrThrottled, ErrAuth, ErrPermission,
// ErrInvalidParameter, ErrConflict, ErrQuotaExceeded and ErrServer. The
// category comes from a per-protocol code table (AlibabaCodes, TencentCodes),
// optionally extended by a product's own codes, and falls back to the HTTP
// status.
package apierror
