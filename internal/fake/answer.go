package fake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"

	"github.com/typedcloud/sdk-go/fakeserver"
)

// custom is a handler a test registered for an action.
type custom struct {
	h         fakeserver.Handler
	unchecked bool // run it without checking the parameters first
}

// Handle makes h answer action from now on, in place of the built-in
// handler or the model's answer; a nil h removes it again. Unless
// unchecked, the parameters are checked against the API first (for an
// operation it has). It is a method on the engine; the product fakes
// expose it as Handle and HandleUnchecked.
func (s *Server) Handle(action string, h fakeserver.Handler, unchecked bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if h == nil {
		delete(s.custom, action)
		return
	}
	if s.custom == nil {
		s.custom = map[string]custom{}
	}
	s.custom[action] = custom{h: h, unchecked: unchecked}
}

// route returns the handler that answers action, and whether there is one:
// a test's, the product's or, for an operation of the API, its model
// answer, behind the parameter checks where they apply.
func (s *Server) route(action string) (Handler, bool) {
	op := s.ops[action]
	builtin, ok := s.cfg.Handlers[action]
	if !ok && op != nil {
		builtin, ok = s.modelAnswer(op), true
	}
	if ok {
		builtin = s.checked(op, builtin)
	}
	s.mu.Lock()
	c, registered := s.custom[action]
	s.mu.Unlock()
	if !registered {
		return builtin, ok
	}
	if builtin == nil {
		builtin = func(call *Call) Reply { return notFound(call.Action) }
	}
	var example Handler
	if op != nil {
		example = s.modelAnswer(op)
	}
	h := s.adapt(c.h, builtin, example)
	if !c.unchecked {
		h = s.checked(op, h)
	}
	return h, true
}

// notFound is the answer to an action the fake does not know.
func notFound(action string) Reply {
	return Error(http.StatusNotFound, "InvalidAction.NotFound", fmt.Sprintf("Specified api %s is not found.", action))
}

// checked runs h once the call's parameters pass op's checks; a nil op
// checks nothing.
func (s *Server) checked(op *Operation, h Handler) Handler {
	if op == nil {
		return h
	}
	return func(c *Call) Reply {
		if p := op.Check(c.Params); p != nil {
			return s.cfg.API.refuse(*p)
		}
		return h(c)
	}
}

// modelAnswer answers op with the model's example answer in the product's
// envelope.
func (s *Server) modelAnswer(op *Operation) Handler {
	return func(c *Call) Reply {
		body, err := object([]byte(op.Answer))
		if err != nil {
			return Error(http.StatusInternalServerError, "InternalError", "fake: the model answer of "+op.Name+" is not a JSON object")
		}
		return Reply{Status: http.StatusOK, Body: s.envelope(c, body)}
	}
}

// envelope adds to body the members of the product's success envelope it
// lacks.
func (s *Server) envelope(c *Call, body map[string]any) map[string]any {
	if s.cfg.API == nil || s.cfg.API.Envelope == nil {
		return body
	}
	for k, v := range s.cfg.API.Envelope(c.RequestID) {
		if _, set := body[k]; !set {
			body[k] = v
		}
	}
	return body
}

// object decodes JSON object text, numbers kept as written.
func object(b []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("not an object")
	}
	return m, nil
}

// adapt turns a public handler into an engine one; builtin and example
// (nil: none) are what its Request.Builtin and Request.Example answer.
func (s *Server) adapt(h fakeserver.Handler, builtin, example Handler) Handler {
	return func(c *Call) Reply {
		var ex func() fakeserver.Response
		if example != nil {
			ex = func() fakeserver.Response { return response(example(c)) }
		}
		r := fakeserver.NewRequest(fakeserver.Request{
			Action:      c.Action,
			Params:      maps.Clone(map[string]string(c.Params)),
			AccessKeyID: c.KeyID,
			RequestID:   c.RequestID,
			Header:      c.Header.Clone(),
			Body:        bytes.Clone(c.Body),
		}, func() fakeserver.Response { return response(builtin(c)) }, ex)
		return s.reply(c, h(r))
	}
}

// reply is the engine's form of a handler's Response.
func (s *Server) reply(c *Call, r fakeserver.Response) Reply {
	if r.Code != "" {
		return Reply{Status: orDefault(r.Status, http.StatusBadRequest), Code: r.Code, Message: r.Message}
	}
	status := orDefault(r.Status, http.StatusOK)
	if r.Body == nil {
		return Reply{Status: status, Body: s.envelope(c, map[string]any{})}
	}
	b, err := json.Marshal(r.Body)
	if err != nil {
		return Error(http.StatusInternalServerError, "InternalError", "fake: the handler's Body does not marshal: "+err.Error())
	}
	if body, err := object(b); err == nil {
		return Reply{Status: status, Body: s.envelope(c, body)}
	}
	return Reply{Status: status, Body: json.RawMessage(b)}
}

// response is the public form of an engine Reply.
func response(r Reply) fakeserver.Response {
	return fakeserver.Response{Status: r.Status, Body: r.Body, Code: r.Code, Message: r.Message}
}

// orDefault returns v, or def when v is 0.
func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
