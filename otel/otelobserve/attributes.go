package otelobserve

import "go.opentelemetry.io/otel/attribute"

// The attributes the semantic conventions have no name for, under the
// SDK's own namespace.
const (
	// attemptKeyNumber is an attempt's number, from 1.
	attemptKeyNumber = attribute.Key("typedcloud.attempt")
	// attemptsKey is the number of attempts a call made.
	attemptsKey = attribute.Key("typedcloud.attempts")
	// retryReasonKey is why the attempt before this one failed: an
	// observe.Reason.
	retryReasonKey = attribute.Key("typedcloud.retry.reason")
	// retryBackoffKey is the seconds slept before this attempt.
	retryBackoffKey = attribute.Key("typedcloud.retry.backoff")
	// budgetExhaustedKey marks a call whose retries the retry budget stopped.
	budgetExhaustedKey = attribute.Key("typedcloud.retry.budget_exhausted")
	// requestIDKey is the service's ID of the request (RequestId).
	requestIDKey = attribute.Key("typedcloud.request_id")
)
