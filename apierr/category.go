package apierr

// Category is the kind of failure an error belongs to. The exported
// sentinels below are the only values; match them with errors.Is.
type Category struct{ name string }

// Error returns the category's name, so a sentinel reads well when printed.
func (c *Category) Error() string { return c.name }

// The category sentinels. An *APIError matches exactly one of them (or none,
// for codes that fit no category) through its Is method.
var (
	// ErrNotFound: the named resource does not exist.
	ErrNotFound = &Category{"not found"}
	// ErrThrottled: the request was rate limited; retrying later may succeed.
	ErrThrottled = &Category{"throttled"}
	// ErrAuth: the caller could not be authenticated (bad key, bad signature,
	// expired token, clock skew).
	ErrAuth = &Category{"authentication failed"}
	// ErrPermission: the caller is authenticated but not allowed.
	ErrPermission = &Category{"permission denied"}
	// ErrInvalidParameter: a parameter is missing or invalid. A
	// *ValidationError matches it too.
	ErrInvalidParameter = &Category{"invalid parameter"}
	// ErrConflict: the request conflicts with existing state (a duplicate name).
	ErrConflict = &Category{"conflict"}
	// ErrQuotaExceeded: a quota or limit would be exceeded.
	ErrQuotaExceeded = &Category{"quota exceeded"}
	// ErrServer: the service failed; retrying later may succeed.
	ErrServer = &Category{"server error"}
	// ErrNotReady: the resource or the service is not in a state to serve
	// the request: an instance still being created, stopped or released,
	// or a service the account has not enabled (CCC's AbnormalService.*).
	// It is not retried: such a state lasts minutes or until someone acts,
	// far longer than a call's backoff.
	ErrNotReady = &Category{"not ready"}
)

// ByStatus returns the category an HTTP status implies when the error code
// is unknown, or nil.
func ByStatus(status int) *Category {
	switch {
	case status == 400:
		return ErrInvalidParameter
	case status == 401:
		return ErrAuth
	case status == 403:
		return ErrPermission
	case status == 404:
		return ErrNotFound
	case status == 409:
		return ErrConflict
	case status == 429:
		return ErrThrottled
	case status >= 500:
		return ErrServer
	}
	return nil
}
