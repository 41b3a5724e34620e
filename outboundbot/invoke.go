package outboundbot

import "context"

// Invoke calls action, an Outbound Bot operation (OutboundBot 2019-12-26)
// newer than this package's model, as a write: the call is signed like any
// other, and retried only when the request provably did not reach the
// service (see "Retries" in the package documentation). Use InvokeRead for
// an action that only reads.
//
// params is a struct whose fields carry go-querystring `url` tags naming
// the parameters (`url:"InstanceId"`, `url:"Name,omitempty"`), or nil; a
// slice is sent as Alibaba's repeated parameters (Tag.1.Key, Tag.1.Value,
// …), or, with the json tag option (`url:"NumberList,omitempty,json"`), as
// one parameter of JSON text. out, a pointer or nil, receives the whole
// answer object with encoding/json (RequestId and the payload members),
// once the envelope says the call succeeded.
//
// Errors are those of every call: a refusal is an *APIError matching its
// category, an answer of the wrong shape a *DecodeError, a failure without
// an answer an *OperationError. There is no request type to validate, so
// there is no *ValidationError; a nil ctx, an action that is not a name of
// letters and digits, a params go-querystring cannot encode or an out that
// is not a pointer is an *OperationError before anything is sent.
func (c *Client) Invoke(ctx context.Context, action string, params, out any, optFns ...func(*Options)) error {
	return c.base.Invoke(ctx, action, false, params, out, optFns)
}

// InvokeRead is Invoke for an action that only reads (a Describe, Get or
// List operation): it is retried on any transient failure, as
// DescribeInstance is. Marking a write as a read risks doing it twice.
func (c *Client) InvokeRead(ctx context.Context, action string, params, out any, optFns ...func(*Options)) error {
	return c.base.Invoke(ctx, action, true, params, out, optFns)
}
