// Package reliability proves that the SDK behaves under the failures real
// cloud calls meet, using the public fakes' fault injection. It holds only
// tests:
//
//   - TestFaultMatrix: every operation of outboundbot, ccc and
//     industrialcloud against every fault (refused and reset connections,
//     a body cut short, HTTP 500/502/503/504, throttling,
//     ServiceUnavailable, InternalError, a response slower than the
//     deadline, a gateway's 502 HTML page, a gateway's bare 503 (nginx's
//     HTML page, Envoy's text/plain), an empty, truncated, wrongly shaped or
//     oversized body, a null payload, more list elements than a page holds,
//     HTTP 200 with Success:false, an expired token, clock skew; for the
//     list operations, a walk answered the same page forever or two pages in
//     turn under a total never reached; the payload faults only where the
//     answer has a payload). Each cell checks the typed error or the eventual success the
//     contract promises, the number of attempts, that a write ran at most
//     once, that every attempt was freshly built and signed, and that no
//     goroutine and no connection outlives the cell.
//   - TestPagination: every list operation's paginator and iterator
//     against the contract's paging cases (§7): page sizes 1, 2, n and
//     n+10, a page repeated or cycling, an earlier page again, a listing
//     that moved back, TotalCount missing or -1, items without IDs, short
//     pages never reaching the total, the API's last page. Each checks the
//     items yielded (each once), the requests made and the typed error.
//   - TestCancelMidCall: cancelling a call in flight or in backoff returns
//     promptly with context.Canceled wrapped, for every operation.
//   - TestAnswerShapes: answers that are not the documented shape (a
//     missing or null payload, an instance without its ID or with every
//     member null, a page too long, a Success that is not true, an integer
//     that does not fit) are a *DecodeError for every operation;
//     TestDecodeObservesContext: a context that ends while an answer is
//     decoded stops the decoding.
//   - TestSecretsInEverySpelling: for every operation, canary secrets
//     (AccessKey secret, SecurityToken, BearerToken, industrialcloud Token
//     and SecretKey, the request's Signature) echoed raw, percent-encoded
//     once or twice in either hex case, in Alibaba's SignatureDoesNotMatch
//     string to sign, as HTML references in a gateway page, JSON-escaped in
//     a truncated body, in a value a decoder rejects and in an HTTPClient's
//     error appear in no spelling in the error (every verb, every cause),
//     the debug log or a recorded fixture; the string to sign is kept, the
//     secrets in it replaced.
//   - TestLoad (only with TYPEDCLOUD_LOAD=1): 64 goroutines share one client under 5 %
//     injected retryable faults (industrialcloud: 64 × 2,000 calls,
//     64 × 150 under -race; outboundbot: 64 × 60 calls); no unexpected
//     error, one retry per fault, then a storm in which the retry budget
//     bounds the attempts exactly, and memory back to its baseline
//     afterwards. Run it under -race for the data-race half.
//
// The fuzz targets live beside the code they exercise (fuzz_test.go in
// internal/rpc, internal/tc3api, apierr, internal/redact,
// outboundbot, ccc and industrialcloud).
//
// Run it with
//
//	ALIBABA_CLOUD_ECS_METADATA_DISABLED=true go test -race -v ./internal/reliability/
//
// and the load test, as .ci/run does, with
//
//	TYPEDCLOUD_LOAD=1 go test -race -count=1 -run '^TestLoad$' ./internal/reliability/
package reliability
