package observe

// Category sorts the failure of an attempt or an operation. Its values are
// few and fixed, so it suits a metric label or OpenTelemetry's error.type.
type Category string

// The categories. The first nine are the product packages' error sentinels
// (ErrNotFound, ErrThrottled, …) for an answer that carried the service's
// error code; the others describe failures without one.
const (
	CategoryNotFound         Category = "not_found"
	CategoryThrottled        Category = "throttled"
	CategoryAuth             Category = "auth"
	CategoryPermission       Category = "permission"
	CategoryInvalidParameter Category = "invalid_parameter"
	CategoryConflict         Category = "conflict"
	CategoryQuotaExceeded    Category = "quota_exceeded"
	CategoryServer           Category = "server"
	CategoryNotReady         Category = "not_ready"

	// CategoryAPI is a refusal with a code that fits none of the above.
	CategoryAPI Category = "api_error"
	// CategoryDecode is an answer that is not the documented shape.
	CategoryDecode Category = "decode"
	// CategoryRedirect is a 3xx answer, or an answer from another address.
	CategoryRedirect Category = "redirect"
	// CategoryNetwork is an exchange that produced no complete answer.
	CategoryNetwork Category = "network"
	// CategoryCanceled is the caller's context canceled.
	CategoryCanceled Category = "canceled"
	// CategoryTimeout is a deadline passed: the caller's, the client's
	// Timeout, or a network timeout.
	CategoryTimeout Category = "timeout"
	// CategoryCredentials is a request not sent because its credentials
	// could not be resolved.
	CategoryCredentials Category = "credentials"
	// CategoryOther is any other failure to build the request.
	CategoryOther Category = "other"
)

// Reason is why an attempt was followed by another one.
type Reason string

// The reasons.
const (
	// ReasonConnectionFailed: the connection was never made (refused,
	// unreachable, DNS).
	ReasonConnectionFailed Reason = "connection_failed"
	// ReasonConnectionLost: the exchange broke after the request may have
	// left (reset, EOF, a timeout); only a read is retried after it.
	ReasonConnectionLost Reason = "connection_lost"
	// ReasonThrottled: the service's code says the request was rate limited.
	ReasonThrottled Reason = "throttled"
	// ReasonNotProcessed: the service's code says it did no work
	// (ServiceUnavailable, SignatureNonceUsed).
	ReasonNotProcessed Reason = "not_processed"
	// ReasonServerError: the service's code is a server fault
	// (InternalError); only a read is retried after it.
	ReasonServerError Reason = "server_error"
	// ReasonHTTPStatus: HTTP 429 or 5xx without a service code, a gateway's
	// page; only a read is retried after it.
	ReasonHTTPStatus Reason = "http_status"
	// ReasonCredentialsRejected: the service rejected the token, and the
	// token provider was told and asked for a new one.
	ReasonCredentialsRejected Reason = "credentials_rejected"
)
