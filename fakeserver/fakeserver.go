// Package fakeserver documents what the fakes of this module
// (outboundbottest, ccctest, industrialcloudtest) share: the methods every
// fake Server has, the Fault a test injects to make calls misbehave, the
// Record of each request a fake received, and the Handler a test gives the
// Alibaba fakes' Handle method to answer an action its own way.
//
// A product fake's Server embeds a Server, so these methods are called on
// it directly:
//
//	srv := outboundbottest.NewServer()
//	defer srv.Close()
//	srv.Inject(fakeserver.Fault{Action: "DescribeInstance", Code: "Throttling.User", Status: 400})
//	// ... call the fake ...
//	n := srv.Received("DescribeInstance")
package fakeserver

import (
	"net/http"
	"time"
)

// Server is the part of a product fake every product shares. All methods
// are safe for concurrent use.
type Server interface {
	// URL returns the fake's base URL, e.g. http://127.0.0.1:40123.
	URL() string
	// Close shuts the fake down and closes client connections.
	Close()
	// Inject queues a fault. Faults apply in the order injected; each
	// matching call uses up one of the first matching fault's Times.
	Inject(Fault)
	// ClearFaults removes every queued fault.
	ClearFaults()
	// Requests returns a copy of every request received so far, secrets
	// redacted, in the order received.
	Requests() []Record
	// ResetRequests forgets the recorded requests.
	ResetRequests()
	// Received returns how many authenticated requests for action reached
	// the handler stage (faulted ones included; requests rejected by
	// authentication are not counted).
	Received(action string) int
}

// Fault makes the next calls misbehave; give it to Server.Inject. Set one kind of misbehaviour (plus,
// optionally, Latency); a Fault with only Latency delays the normal answer.
type Fault struct {
	// Action limits the fault to one action; "" matches every action.
	Action string
	// Times is how many calls the fault affects; 0 means 1.
	Times int

	// Status, Code and Message answer with a service error in the
	// protocol's envelope (Status defaults to 500 when Code is set).
	Status  int
	Code    string
	Message string
	// Body answers with these raw bytes instead (a gateway HTML page, a
	// truncated JSON document), with Status (default 200) and ContentType
	// (default application/json).
	Body        string
	ContentType string
	// Drop closes the connection without answering.
	Drop bool
	// ResetMidBody sends the status line, headers and half of a JSON body,
	// then closes the connection.
	ResetMidBody bool
	// Latency holds the answer back this long (or until the client gives up).
	Latency time.Duration
	// AfterHandler runs the action (its state change happens) before the
	// fault replaces the answer.
	AfterHandler bool
}

// Record is one request the fake received, secrets redacted.
type Record struct {
	Time   time.Time
	Method string
	Path   string
	Action string
	// Params are the RPC parameters, with Signature, SecurityToken,
	// BearerToken and other secrets replaced by "REDACTED".
	Params map[string]string
	Header http.Header // Authorization and token headers redacted
	Body   string      // redacted
	Status int         // the answer's status (0 for a dropped connection)
	Code   string      // the answer's error code; "" on success
}
