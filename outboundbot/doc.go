// Package outboundbot is a typed client for the Alibaba Cloud Outbound Bot
// API (version 2019-12-26): every operation of it, from business instances
// to the scripts, job groups and jobs of a calling campaign and their
// results ("# Operations" below lists them by what they act on).
//
//	client, err := outboundbot.New(outboundbot.Options{Region: "cn-shanghai"})
//	if err != nil { … }
//	resp, err := client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{
//		InstanceName:              "follow-up",
//		MaxConcurrentConversation: 10,
//	})
//
// Every operation takes a context, a request value and optional per-call
// option functions, and returns a response value or a typed error. A Client
// is safe for concurrent use; create one and share it. Credentials come from
// Options.Credential, or from the credentials-go default chain (environment
// variables, profile files, OIDC, ECS RAM role) and are resolved per
// attempt, so rotating STS credentials work; package credcache shares one
// credential between clients.
//
// # Optional values in writes
//
// One rule holds for every operation: a request field is a plain value
// whose zero means "not sent", except an optional write value whose empty
// value is a request of its own, which is a pointer: nil leaves the value
// as it is, and a pointer to "" sends it empty, which clears it
// (ModifyInstanceRequest.InstanceDescription; String makes the pointer).
// A repeated parameter (CallingNumber.N) has no empty form on the wire:
// nil and empty both leave it as it is. An optional sub-value of a
// repeated struct is not sent when empty: a Tag without a Value sends
// Tag.N.Key alone.
//
// The request and response types, their validation and decoding are
// generated from the API model in api/outboundbot/2019-12-26.json.
//
// # Errors
//
// The error types are defined in package apierr, which this package
// re-exports: go doc github.com/typedcloud/sdk-go/apierr APIError shows
// the fields.
//
// Match categories with errors.Is and read details with errors.As:
//
//	var apiErr *outboundbot.APIError
//	switch {
//	case errors.Is(err, outboundbot.ErrNotFound):      // NotExist.Instance
//	case errors.Is(err, outboundbot.ErrConflict):      // InvalidInstanceName.Duplicated
//	case errors.As(err, &apiErr):
//		log.Print(apiErr.Code, apiErr.RequestID)
//	}
//
// A *ValidationError lists every bad request field before anything is
// sent. An *APIError is the service's refusal (also for an HTTP 200 whose
// body says Success:false with an error Code). A *DecodeError is an answer
// that is not the documented shape: a gateway's HTML page, truncated JSON,
// an answer without its Instance or Instances (absent or null), an instance
// without InstanceId, a Success that is not true (true or "true" in any
// letter case) with no Code, a number that does not fit its field exactly,
// a page of more than twice MaxPageSize instances. A context that ends
// while an answer is decoded stops the decoding: the *DecodeError then
// matches errors.Is(err, context.DeadlineExceeded) or context.Canceled.
// A *RedirectError is an answer that sent the call elsewhere (HTTP 3xx): a
// signed call never follows a redirect, and nothing is resent. An
// *OperationError is a call that got no complete answer: a network failure
// after the last attempt, an answer cut off before its end, a cancelled
// context, unusable credentials; it wraps the cause, so errors.Is(err,
// context.DeadlineExceeded) works. Error strings
// never contain secrets.
//
// # Retries
//
// Each call makes up to 3 attempts with exponential backoff and full jitter
// (100 ms doubling, capped at 5 s), every attempt freshly signed with a new
// nonce and timestamp. Reads — the Describe, Get, List, Query and Search
// operations, such as DescribeInstance — retry on network failures,
// throttling, HTTP 500/502/503/504 and InternalError. Writes — every other
// operation, such as CreateInstance, AssignJobs or StartJob — retry only when the
// request provably was not processed — a refused connection, or the
// service's own error answer with a throttling or ServiceUnavailable code —
// so a lost answer never creates a second instance or assigns a job twice. A bare HTTP 502, 503 or
// 504 without the service's error code (a gateway's HTML page, a proxy's
// plain text) proves nothing: a write is not sent again after it. A client-wide retry budget stops a failing service from
// multiplying the load. Tune it with Options.Retry, per client or per call:
//
//	client.DescribeInstance(ctx, req, func(o *outboundbot.Options) { o.Retry.MaxAttempts = 1 })
//
// # Pagination
//
// ListInstancesAll returns an iter.Seq2 over every instance, fetching pages
// of MaxPageSize as the loop needs them:
//
//	for in, err := range client.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{}) {
//		if err != nil { … }
//		fmt.Println(in.InstanceName)
//	}
//
// Nothing is fetched until the loop starts, breaking out stops the requests,
// ranging again starts over, and the caller's request is never modified.
// The walk ends on an empty page or on reaching TotalCount; an answer
// without a TotalCount (or with a negative one) is walked while its pages
// are full. No instance is yielded twice: a page that repeats an earlier
// one, or lists an instance again, ends the walk with a *PaginationError
// (Reason RepeatedPage or RepeatedItem) and is not yielded; pages that
// never reach TotalCount end it, after the pages the total implies plus
// one, with Reason PageLimit. NewListInstancesPaginator gives page-by-page
// control.
//
// Every paginator is a pages.Pager: go doc github.com/typedcloud/sdk-go/pages
// Pager shows its HasMorePages and NextPage.
//
// # Actions newer than this package
//
// The package has a method for every operation of its API model. Invoke
// calls an action the service added since, signed, checked
// and with errors typed like every other call; it is retried like a write,
// InvokeRead like a read:
//
//	err := client.InvokeRead(ctx, "DescribeNewThing", params, &out)
//
// params is a struct with go-querystring url tags, and out receives the
// whole answer object with encoding/json.
//
// # Testing
//
// Package outboundbottest runs a fake Outbound Bot server in-process that
// checks signatures, timestamps and nonces like the real service, keeps
// instances in memory and can inject faults. Its Client method returns a
// Client wired to it; the examples in this package run against it.
package outboundbot
