package observe

import (
	"context"
	"time"
)

// Observer is told about every operation a client performs and every
// attempt of it. The calls for one operation come from one goroutine, in
// order: StartOperation, then StartAttempt and EndAttempt for each attempt,
// then EndOperation. Calls for different operations may run concurrently.
//
// Each Start method returns the context the work that follows runs in: the
// operation's attempts run in the context StartOperation returns, and the
// attempt's HTTP request carries the one StartAttempt returns (so an
// instrumented HTTPClient sees it). The matching End method is given that
// same context. A returned context must be derived from the one given;
// return it unchanged when there is nothing to carry.
type Observer interface {
	// StartOperation is called once per call, before its first attempt.
	StartOperation(ctx context.Context, op Operation) context.Context
	// StartAttempt is called before each attempt builds its request.
	StartAttempt(ctx context.Context, op Operation, a Attempt) context.Context
	// EndAttempt is called once the attempt has its outcome.
	EndAttempt(ctx context.Context, op Operation, a Attempt, r Result)
	// EndOperation is called once, with the outcome the caller is given.
	EndOperation(ctx context.Context, op Operation, r OperationResult)
}

// Wire protocols, the values of Operation.Protocol.
const (
	// ProtocolAlibabaRPC is Alibaba Cloud's RPC style: signed query or form
	// parameters, a JSON answer with Code and RequestId (Outbound Bot,
	// Contact Center).
	ProtocolAlibabaRPC = "alibaba_cloud_rpc"
	// ProtocolTencentAPI3 is Tencent Cloud API 3.0: a JSON POST with X-TC-*
	// headers and the answer under Response (the industrial cloud console).
	ProtocolTencentAPI3 = "tencent_cloud_api"
)

// Operation names one call: what it is and where it goes.
type Operation struct {
	Protocol   string // ProtocolAlibabaRPC or ProtocolTencentAPI3
	Product    string // the SDK package: "outboundbot", "ccc", "industrialcloud"
	Operation  string // the API action: "DescribeInstance"
	Region     string // the region sent with the request; "" when none is
	Host       string // the endpoint's host, with its port when the endpoint names one
	Idempotent bool   // a read, which every retryable failure retries
}

// Attempt is one attempt of an operation.
type Attempt struct {
	// Number counts the operation's attempts from 1, the attempts made
	// after the service rejected the credentials included.
	Number int
	// RetryReason is why the attempt before this one was not the last;
	// "" for the first attempt.
	RetryReason Reason
	// Backoff is the time slept between the previous attempt and this one.
	Backoff time.Duration
}

// Result is the outcome of an attempt, or of a whole operation.
type Result struct {
	// Duration is the attempt's time from building the request to its
	// decoded answer; for an operation, the whole call, backoff included.
	Duration time.Duration
	// HTTPStatus is the answer's status code; 0 when no answer arrived.
	HTTPStatus int
	// RequestID is the service's ID of the request, when the answer carried
	// one.
	RequestID string
	// Category sorts the failure; "" means success.
	Category Category
	// Code is the service's error code ("Throttling.User"), when the answer
	// carried one.
	Code string
	// Error is the error's text, already scrubbed of secrets; "" means
	// success.
	Error string
}

// OperationResult is the outcome of an operation: its Result, which
// describes the last attempt's answer, and how many attempts it took.
type OperationResult struct {
	Result
	// Attempts is the number of attempts started.
	Attempts int
	// BudgetExhausted reports that the last failure would have been
	// retried, but the client's retry budget was empty.
	BudgetExhausted bool
}
