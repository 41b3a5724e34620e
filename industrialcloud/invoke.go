package industrialcloud

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// Invoke calls action, an instance console operation this package does not
// model yet, as a write: the call is sent with the token (and signed, with
// SecretID and SecretKey) like any other, and retried only when the
// request provably did not reach the service (see "Retries" in the package
// documentation). Use InvokeRead for an action that only reads.
//
// params is marshalled with encoding/json as the request body, which must
// be a JSON object (nil is {}); the Module field is added to it as to
// every request (see Options.Module) unless params has a Module member of
// its own. out, a pointer or nil, receives the answer's Response object
// with encoding/json (RequestId and the payload members, Data included),
// once the envelope says the call succeeded.
//
// Errors are those of every call: a refusal (a Response.Error, a legacy
// error body, a non-zero business Code) is an *APIError matching its
// category, an answer of the wrong shape a *DecodeError, a failure without
// an answer an *OperationError. There is no request type to validate, so
// there is no *ValidationError; a nil ctx, an action that is not a name of
// letters and digits, a params that is not a JSON object or an out that is
// not a pointer is an *OperationError before anything is sent.
func (c *Client) Invoke(ctx context.Context, action string, params, out any, optFns ...func(*Options)) error {
	return c.invokeAction(ctx, action, false, params, out, optFns)
}

// InvokeRead is Invoke for an action that only reads (a Describe
// operation): it is retried on any transient failure, as DescribeInstance
// is. Marking a write as a read risks doing it twice.
func (c *Client) InvokeRead(ctx context.Context, action string, params, out any, optFns ...func(*Options)) error {
	return c.invokeAction(ctx, action, true, params, out, optFns)
}

// invokeAction checks the arguments of Invoke, builds the body once, and
// runs the call.
func (c *Client) invokeAction(ctx context.Context, action string, idempotent bool, params, out any, optFns []func(*Options)) error {
	fail := func(err error) error {
		return &apierror.OperationError{Product: product, Operation: action, Err: err}
	}
	if err := transport.CheckInvoke(ctx, action, out); err != nil {
		return fail(err)
	}
	api, module, err := c.callWith(action, optFns)
	if err != nil {
		return err
	}
	body, err := invokeBody(params, module)
	if err != nil {
		return fail(err)
	}
	return api.Invoke(ctx, tc3api.Call{Action: action, Idempotent: idempotent, Body: body, Response: out})
}

// invokeBody returns params as a JSON object with the Module member added
// (when module is not empty and params has none).
func invokeBody(params any, module string) (json.RawMessage, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, errors.New("params must encode as a JSON object")
	}
	if fields == nil { // null: no parameters
		fields = map[string]json.RawMessage{}
	}
	if _, ok := fields["Module"]; !ok && module != "" {
		fields["Module"], _ = json.Marshal(module)
	}
	return json.Marshal(fields)
}
