// Package observe is the hook every call of the SDK's clients passes
// through, for tracing and metrics without a dependency on any telemetry
// library.
//
// An [Observer] set in a client's Options (the Observer field) is told when
// each operation starts and ends, and when each of its attempts starts and
// ends: the product, operation, region and endpoint host; per attempt its
// number, why the attempt before it failed, the backoff slept before it,
// the HTTP status, the service's request ID and the error's category; per
// operation the number of attempts, whether the retry budget ran out, and
// how it ended. With no Observer set nothing is measured and nothing is
// allocated for it.
//
// The module github.com/typedcloud/sdk-go/otel turns these calls into
// OpenTelemetry spans and metrics. An Observer of your own can feed any
// other system; it must be safe for concurrent use, and it should be quick,
// since it runs inside the call.
//
// Nothing secret reaches an Observer: no URL, no query, no header, no body
// and no credential. What an answer says (request ID, error code, error
// text) has been scrubbed of the attempt's secrets, as the SDK's errors and
// log lines are.
package observe
