// Package transport is the one attempt loop every product call runs
// through: build and sign a fresh request, send it, read a capped body,
// classify the answer, decode it into the caller's response, and decide
// whether to retry.
//
// It knows nothing of any protocol. A Call's Exchange has two methods:
// Build, which returns a newly signed *http.Request for each attempt (so
// every retry carries a new nonce, timestamp and freshly resolved
// credentials), and Decode, which turns a complete answer into nil
// (success, response filled) or a typed error. The protocol packages
// internal/rpc and internal/tc3api provide both for their wire formats.
//
// Config.Observer, when set, is told of every call and every attempt
// (package observe): the one hook tracing and metrics build on. Without one
// the loop pays a nil check per attempt and allocates nothing for it.
package transport
