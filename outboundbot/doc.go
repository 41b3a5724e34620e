// Package outboundbot is a typed client for the Alibaba Cloud Outbound Bot
// API (version 2019-12-26): the whole lifecycle of business instances.
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
// # Errors
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
// body says Success:false). A *DecodeError is an answer that is not the
// documented shape (a gateway's HTML page, truncated JSON). An
// *OperationError is a call that got no answer: a network failure after the
// last attempt, a cancelled context, unusable credentials; it wraps the
// cause, so errors.Is(err, context.DeadlineExceeded) works. Error strings
// never contain secrets.
//
// # Retries
//
// Each call makes up to 3 attempts with exponential backoff and full jitter
// (100 ms doubling, capped at 5 s), every attempt freshly signed with a new
// nonce and timestamp. Reads (DescribeInstance, ListInstances) retry on
// network failures, throttling, HTTP 500/502/503/504 and InternalError.
// Writes (CreateInstance, ModifyInstance, DeleteInstance) retry only when the
// request provably did not reach the service — a refused connection, a
// throttling or ServiceUnavailable answer — so a lost answer never creates
// a second instance. A client-wide retry budget stops a failing service from
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
// NewListInstancesPaginator gives page-by-page control.
//
// # Testing
//
// Package outboundbottest runs a fake Outbound Bot server in-process that
// checks signatures, timestamps and nonces like the real service, keeps
// instances in memory and can inject faults. Its Client method returns a
// Client wired to it; the examples in this package run against it.
package outboundbot
