// Package reliability proves that the SDK behaves under the failures real
// cloud calls meet, using the public fakes' fault injection. It holds only
// tests:
//
//   - TestFaultMatrix: every operation of outboundbot, ccc and
//     industrialcloud against every fault (refused and reset connections,
//     a body cut short, HTTP 500/502/503/504, throttling,
//     ServiceUnavailable, InternalError, a response slower than the
//     deadline, a gateway HTML page, an empty, truncated, wrongly shaped or
//     oversized body, HTTP 200 with Success:false, an expired token, clock
//     skew). Each cell checks the typed error or the eventual success the
//     contract promises, the number of attempts, that a write ran at most
//     once, that every attempt was freshly built and signed, and that no
//     goroutine and no connection outlives the cell.
//   - TestCancelMidCall: cancelling a call in flight or in backoff returns
//     promptly with context.Canceled wrapped, for every operation.
//   - TestSecretsInEverySpelling: for every operation, canary secrets
//     (AccessKey secret, SecurityToken, BearerToken, industrialcloud Token
//     and SecretKey, the request's Signature) echoed raw, percent-encoded
//     once or twice in either hex case, in Alibaba's SignatureDoesNotMatch
//     string to sign, as HTML references in a gateway page, JSON-escaped in
//     a truncated body, in a value a decoder rejects and in an HTTPClient's
//     error appear in no spelling in the error (every verb, every cause),
//     the debug log or a recorded fixture; the string to sign is kept, the
//     secrets in it replaced.
//   - TestLoad (not with -short): 64 goroutines share one client under 5 %
//     injected retryable faults (industrialcloud: 64 × 2,000 calls,
//     64 × 150 under -race; outboundbot: 64 × 60 calls); no unexpected
//     error, one retry per fault, then a storm in which the retry budget
//     bounds the attempts exactly, and memory back to its baseline
//     afterwards. Run it under -race for the data-race half.
//
// The fuzz targets live beside the code they exercise (fuzz_test.go in
// internal/rpc, internal/tc3api, internal/apierror, internal/redact,
// outboundbot, ccc and industrialcloud).
//
// Run it with
//
//	ALIBABA_CLOUD_ECS_METADATA_DISABLED=true go test -race -v ./internal/reliability/
package reliability
