package fakeserver

import "net/http"

// Handler answers one action of a fake in place of its built-in behaviour;
// a product fake's Handle method registers it. It runs once the request
// is authenticated (and, unless registered with HandleUnchecked, once its
// parameters passed the model's checks), with no lock held: a handler that
// keeps state guards it itself.
type Handler func(r *Request) Response

// Request is one authenticated request, as a Handler sees it.
type Request struct {
	// Action is the operation called, e.g. "CreateScript".
	Action string
	// Params are the request's parameters, query and form body merged, by
	// wire name: "InstanceId", "Tag.1.Key". For the Alibaba protocols they
	// include the common ones (Action, Version, Timestamp, …) a signature V1
	// request carries.
	Params map[string]string
	// AccessKeyID is the AccessKey the request was signed with.
	AccessKeyID string
	// RequestID is the ID the answer carries.
	RequestID string
	// Header is the request's HTTP header; Body its raw body.
	Header http.Header
	Body   []byte

	builtin, example func() Response
}

// NewRequest returns a Request whose Builtin answers with builtin and
// Example with example (either may be nil); the fakes build their
// requests with it.
func NewRequest(r Request, builtin, example func() Response) *Request {
	r.builtin, r.example = builtin, example
	return &r
}

// Example answers the request with the model's example answer of its
// action, every member set, whatever state the fake keeps: a handler that
// only wants the request checked, or a success whatever IDs it names,
// returns it. For an action the model does not have (or a Request not
// made by a fake) it answers an empty success.
func (r *Request) Example() Response {
	if r.example == nil {
		return Response{}
	}
	return r.example()
}

// Builtin answers the request as the fake would without the handler: its
// built-in state, or the model's example answer. A handler can call it to
// change or delay what the fake answers, or answer itself only sometimes.
// For a Request not made by a fake it answers an empty success.
func (r *Request) Builtin() Response {
	if r.builtin == nil {
		return Response{}
	}
	return r.builtin()
}

// Response is a Handler's answer.
//
// With Code set it is an error answer in the product's error envelope:
// Code, Message, the RequestId, with Status (400 when 0).
//
// Otherwise Status (200 when 0) and Body, marshalled with encoding/json.
// When Body marshals to a JSON object (a map, a struct, nil for {}), the
// members of the product's success envelope it lacks are added: RequestId,
// Code "OK", Message, HttpStatusCode and, for Outbound Bot, Success. Any
// other Body (a json.RawMessage array, say) is sent as it is.
type Response struct {
	Status  int
	Body    any
	Code    string
	Message string
}
