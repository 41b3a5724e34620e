// Package ccc is a typed client for the Alibaba Cloud Contact Center API
// (CCC, version 2020-07-01): every operation of it, from call-center
// instances to their users, skill groups, phone numbers, contact flows,
// campaigns and call records ("# Operations" below lists them by what they
// act on).
//
//	client, err := ccc.New(ccc.Options{Region: "cn-shanghai"})
//	if err != nil { … }
//	resp, err := client.GetInstance(ctx, &ccc.GetInstanceRequest{InstanceID: "ccc-test"})
//	fmt.Println(resp.Instance.Status)
//
// Every operation takes a context, a request value and optional per-call
// option functions, and returns a response value or a typed error. A Client
// is safe for concurrent use; create one and share it. Credentials come from
// Options.Credential, or from the credentials-go default chain (environment
// variables, profile files, OIDC, ECS RAM role) and are resolved per
// attempt, so rotating STS credentials work; package credcache shares one
// credential between clients.
//
// An instance's ID is the DomainName chosen when it was created.
// CreateInstance only starts the creation: the instance is
// InstanceStatusCreating until a background workflow (CreateInstanceResponse
// .WorkflowID) finishes, so poll GetInstance. DeleteInstance too runs in
// the background, as a task (DeleteInstanceResponse.TaskID).
//
// Answers are decoded leniently field by field, as the service's own
// documented examples require: numbers and booleans may arrive as JSON
// strings ("PhoneNumberCount": "1", "Active": "true"), times as epoch
// milliseconds. A value that cannot mean its field's type is a *DecodeError,
// never a silent zero.
//
// # Optional values in writes
//
// One rule holds for every operation: a request field is a plain value
// whose zero means "not sent", except an optional write value whose empty
// value is a request of its own, which is a pointer: nil leaves the value
// as it is, and a pointer to "" sends it empty, which clears it
// (ModifyInstanceRequest.Description; String makes the pointer). Lists are
// sent as JSON array text; nil and empty lists are not sent.
//
// The request and response types, their validation and decoding are
// generated from the API model in api/ccc/2020-07-01.json.
//
// # Errors
//
// The error types are defined in package apierr, which this package
// re-exports: go doc github.com/typedcloud/sdk-go/apierr APIError shows
// the fields.
//
// Match categories with errors.Is and read details with errors.As:
//
//	var apiErr *ccc.APIError
//	switch {
//	case errors.Is(err, ccc.ErrNotFound):  // NotExists.InstanceId, NotExists.Number
//	case errors.Is(err, ccc.ErrConflict):  // AlreadyExists.InstanceId
//	case errors.As(err, &apiErr):
//		log.Print(apiErr.Code, apiErr.RequestID)
//	}
//
// A *ValidationError lists every bad request field before anything is sent:
// missing required fields, lengths counted in characters (Name 4–32,
// DomainName 4–48 of [A-Za-z0-9_-], Description at most 256), paging outside
// 1–100. An *APIError is the service's refusal (also for an HTTP 200 whose
// body carries a Code other than OK); the Code* constants name the
// documented codes. An AbnormalService.* answer (an instance stopped or
// still being created, a service the account has not enabled) is
// ErrNotReady, not ErrPermission: nothing is wrong with your RAM policy,
// and it is not retried, since such a state outlasts any backoff. A *DecodeError is an answer that is not the documented
// shape: a gateway's HTML page, truncated JSON, an answer without its Data
// (absent or null; ModifyInstance's Data is not checked), a list answer
// without Data.List or with more than twice MaxPageSize instances, an
// instance without Id, a Success that is not true with no Code. A context
// that ends while an answer is decoded stops the decoding: the
// *DecodeError then matches the context's error.
// A *RedirectError is an answer that sent the call elsewhere (HTTP 3xx): a
// signed call never follows a redirect, and nothing is resent. An
// *OperationError is a call that got no complete answer: a network failure
// after the last attempt, an answer cut off before its end, a cancelled
// context, unusable credentials; it wraps the cause, so errors.Is(err,
// context.DeadlineExceeded) works. Error strings never contain
// secrets.
//
// # Retries
//
// Each call makes up to 3 attempts with exponential backoff and full jitter
// (100 ms doubling, capped at 5 s), every attempt freshly signed with a new
// nonce and timestamp. Reads — the Get and List operations, such as
// GetInstance — retry on network failures, throttling, HTTP
// 500/502/503/504 and InternalError. Writes — every other operation, such
// as CreateInstance, CreateUser or MakeCall — retry only when the request provably was not processed — a
// refused connection, or the service's own error answer with a throttling or
// ServiceUnavailable code — so a lost answer is never sent again. A bare
// HTTP 502, 503 or 504 without the service's error code (a gateway's HTML
// page, a proxy's plain text) proves nothing: a write is not sent again
// after it. A client-wide retry budget stops a failing
// service from multiplying the load. Tune it with Options.Retry, per client
// or per call:
//
//	client.GetInstance(ctx, req, func(o *ccc.Options) { o.Retry.MaxAttempts = 1 })
//
// # Pagination
//
// ListInstancesAll (every instance of the account) and
// ListInstancesOfUserAll (every instance the calling user belongs to) return
// an iter.Seq2, fetching pages of MaxPageSize as the loop needs them:
//
//	for in, err := range client.ListInstancesAll(ctx, nil) {
//		if err != nil { … }
//		fmt.Println(in.ID, in.Status)
//	}
//
// Nothing is fetched until the loop starts, breaking out stops the requests,
// ranging again starts over, and the caller's request is never modified.
// The walk ends on an empty page or on reaching TotalCount; an answer
// without a TotalCount (or with a negative one) is walked while its pages
// are full. No instance is yielded twice: a page that repeats an earlier
// one, or lists an instance again, ends the walk with a *PaginationError
// (Reason RepeatedPage or RepeatedItem) and is not yielded. The API accepts
// page numbers up to MaxPageNumber, so at most 10,000 instances can be
// walked: a list longer than that ends, after page MaxPageNumber, with a
// *PaginationError whose Reason is PageLimit, as does one whose pages never
// reach TotalCount in the pages it implies. NewListInstancesPaginator and
// NewListInstancesOfUserPaginator give page-by-page control. A direct
// ListInstances or ListInstancesOfUser call sends PageNumber 1 and PageSize
// MaxPageSize for fields left at 0, since the API requires both.
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
//	err := client.InvokeRead(ctx, "GetNewThing", params, &out)
//
// params is a struct with go-querystring url tags, and out receives the
// whole answer object with encoding/json.
//
// # Testing
//
// Package ccctest runs a fake Contact Center server in-process that checks
// signatures, timestamps and nonces like the real service, validates
// parameters with the service's Parameter.* codes, keeps instances in
// memory (seeded with the documented ccc-test instance) and can inject
// faults. Its Client method returns a Client wired to it; the examples in
// this package run against it.
package ccc
