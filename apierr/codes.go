package apierr

import "strings"

// Codes maps a service error code to its category. A code with dotted
// suffixes ("Throttling.User") that is not in the table is looked up again
// without its last segment ("Throttling"), so a family is one entry.
type Codes map[string]*Category

// Classify returns the category of code in the first table that knows it
// (trying shorter dotted prefixes in each table in turn), else the category
// the HTTP status implies, else nil.
func Classify(code string, status int, tables ...Codes) *Category {
	for c := code; c != ""; c = parent(c) {
		for _, t := range tables {
			if cat, ok := t[c]; ok {
				return cat
			}
		}
	}
	return ByStatus(status)
}

func parent(code string) string {
	i := strings.LastIndexByte(code, '.')
	if i < 0 {
		return ""
	}
	return code[:i]
}

// AlibabaCodes are the gateway and common codes of Alibaba Cloud RPC APIs
// (the gateway codes every Alibaba Cloud RPC API can return). Product packages add their own codes in front.
var AlibabaCodes = Codes{
	"SignatureDoesNotMatch":       ErrAuth,
	"IncompleteSignature":         ErrAuth,
	"InvalidAccessKeyId":          ErrAuth, // .NotFound, .Inactive
	"InvalidTimeStamp":            ErrAuth, // .Format, .Expired: clock skew
	"IllegalTimestamp":            ErrAuth,
	"SignatureNonceUsed":          ErrAuth,
	"InvalidSecurityToken":        ErrAuth, // .Expired, .Malformed, .MismatchWithAccessKey
	"InvalidBearerToken":          ErrAuth,
	"Forbidden":                   ErrPermission, // .RAM, .NoPermission, …
	"NoPermission":                ErrPermission,
	"MissingParameter":            ErrInvalidParameter,
	"InvalidParameter":            ErrInvalidParameter,
	"InvalidApi.NotFound":         ErrInvalidParameter, // an unknown action, not a missing resource
	"InvalidAction.NotFound":      ErrInvalidParameter,
	"InvalidAction":               ErrInvalidParameter,
	"NoSuchVersion":               ErrInvalidParameter,
	"InvalidVersion":              ErrInvalidParameter,
	"UnsupportedHTTPMethod":       ErrInvalidParameter,
	"Throttling":                  ErrThrottled, // .User, .Api
	"ServiceUnavailable":          ErrServer,
	"InternalError":               ErrServer,
	"LimitExceeded":               ErrQuotaExceeded,
	"QuotaExceeded":               ErrQuotaExceeded,
	"EntityNotExist":              ErrNotFound,
	"ResourceNotFound":            ErrNotFound,
	"OperationConflict":           ErrConflict,
	"IdempotentParameterMismatch": ErrConflict,
}

// TencentCodes are the common codes of Tencent Cloud API 3.0 (the common codes of every action of that protocol).
var TencentCodes = Codes{
	"AuthFailure":                       ErrAuth, // .SignatureFailure, .SignatureExpire, .TokenFailure, …
	"AuthFailure.UnauthorizedOperation": ErrPermission,
	"UnauthorizedOperation":             ErrPermission,
	"RequestLimitExceeded":              ErrThrottled,
	"InternalError":                     ErrServer,
	"ResourceUnavailable":               ErrConflict,
	"ResourceInUse":                     ErrConflict,
	"ResourceInsufficient":              ErrQuotaExceeded,
	"LimitExceeded":                     ErrQuotaExceeded,
	"InvalidAction":                     ErrInvalidParameter,
	"InvalidParameter":                  ErrInvalidParameter,
	"InvalidParameterValue":             ErrInvalidParameter,
	"MissingParameter":                  ErrInvalidParameter,
	"UnknownParameter":                  ErrInvalidParameter,
	"NoSuchVersion":                     ErrInvalidParameter,
	"UnsupportedOperation":              ErrInvalidParameter,
	"UnsupportedProtocol":               ErrInvalidParameter,
	"UnsupportedRegion":                 ErrInvalidParameter,
	"ResourceNotFound":                  ErrNotFound,
}
