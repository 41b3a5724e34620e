package fake

import (
	"fmt"
	"net/http"
	"regexp"
)

// API is what a fake knows of a product's operations from its model: the
// table apigen generates into the product fake (operations_gen.go), how
// the product refuses a bad parameter, and its success envelope. With an
// API, a Server checks every request of a known operation against it
// before any handler runs, and answers an operation no handler takes with
// the operation's Answer.
type API struct {
	Operations []Operation
	// Refuse renders a bad parameter in the product's codes; nil means
	// Alibaba's common MissingParameter and InvalidParameter (RefuseCommon).
	Refuse func(Problem) Reply
	// Envelope returns the members of the product's success envelope for a
	// request (RequestId, Code, Message, …); they are added to every success
	// payload that lacks them.
	Envelope func(requestID string) map[string]any
}

// Operation is one operation of the model.
type Operation struct {
	Name   string
	Method string // the HTTP method the official SDKs use
	Write  bool   // not a pure read
	Params []Param
	// Answer is the JSON object of a success answer's payload, without the
	// envelope: every member of the response model, with its example where
	// the model has one.
	Answer string
}

// Kind is what a parameter's value is.
type Kind uint8

// The kinds of value.
const (
	String  Kind = iota // any text
	Int                 // a 32-bit integer
	Int64               // a 64-bit integer
	Float64             // a number
	Bool                // true or false
	Object              // a structure: Fields
	Map                 // an object of string keys to Elem values
	RawJSON             // any JSON text
)

// Encoding is how a parameter is sent.
type Encoding uint8

// The encodings.
const (
	// Plain sends a scalar as one parameter, and an Object's fields as
	// Name.Field.
	Plain Encoding = iota
	// Repeat sends a list as Name.1, Name.2, … (Name.1.Field for objects).
	Repeat
	// JSON sends the value (a list, an Object, a Map) as one parameter of
	// JSON text.
	JSON
)

// Param is one request parameter, or a field of an object parameter.
type Param struct {
	Wire     string
	Kind     Kind     // the value's kind; for a list, its elements'
	List     bool     // a list of Kind values
	Encoding Encoding // how it is sent
	Required bool
	Body     bool     // the model sends it in the form body (the fake accepts it in either place)
	Values   []string // documented values; empty means any
	// Min and Max bound a number; nil means unbounded.
	Min, Max             *int64
	MinLength, MaxLength int            // characters; 0 means unbounded
	Pattern              *regexp.Regexp // the whole text must match
	Elements             bool           // list elements must not be empty
	Fields               []Param        // an Object's members
	Elem                 *Param         // a Map's values
}

// Bound returns a pointer to n, for Param.Min and Param.Max.
func Bound(n int64) *int64 { return &n }

// Reason is what is wrong with a parameter.
type Reason uint8

// The reasons.
const (
	Missing    Reason = iota // required and absent or empty
	Malformed                // not of its kind: text for a number, bad JSON, a bad list index
	BelowMin                 // a number below Param.Min
	AboveMax                 // a number above Param.Max
	NotAllowed               // not one of Param.Values, or outside its length or pattern
)

// Problem is the first bad parameter of a request.
type Problem struct {
	Param  string // the parameter as sent: "InstanceId", "Tag.2.Key"
	Reason Reason
	Limit  int64 // the bound crossed, for BelowMin and AboveMax
}

// String describes the problem, for test failures.
func (p Problem) String() string { return fmt.Sprintf("%s: reason %d", p.Param, p.Reason) }

// RefuseCommon renders a problem in Alibaba's common codes: a missing
// parameter is 400 MissingParameter, any other 400 InvalidParameter.
func RefuseCommon(p Problem) Reply {
	if p.Reason == Missing {
		return Error(http.StatusBadRequest, "MissingParameter",
			fmt.Sprintf("The input parameter %q that is mandatory for processing this request is not supplied.", p.Param))
	}
	return *Invalid(p.Param)
}

// index maps the operations by name; nil for no API.
func (a *API) index() map[string]*Operation {
	if a == nil {
		return nil
	}
	m := make(map[string]*Operation, len(a.Operations))
	for i := range a.Operations {
		m[a.Operations[i].Name] = &a.Operations[i]
	}
	return m
}

func (a *API) refuse(p Problem) Reply {
	if a.Refuse != nil {
		return a.Refuse(p)
	}
	return RefuseCommon(p)
}
