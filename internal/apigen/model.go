// Package apigen reads the API models under api/ and writes the
// per-operation Go code of a product package from them: request and
// response types, validation, the one-pass decoders, paginators, error
// codes. The models are the single source of truth; cmd/apigen runs this
// package from go generate.
package apigen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// Model is one API version of a product.
type Model struct {
	Product  string `json:"product"`  // the product name errors carry, e.g. "outboundbot"
	Package  string `json:"package"`  // the Go package
	Protocol string `json:"protocol"` // "rpc" (Alibaba) or "tc3" (Tencent API 3.0)
	Version  string `json:"version"`
	Title    string `json:"title"` // e.g. "OutboundBot 2019-12-26"

	// Doc is the package documentation's opening, before the generated
	// list of operations by group.
	Doc string `json:"doc,omitempty"`

	ErrorsDoc string `json:"errorsDoc"` // the doc comment of the error-code block
	CodesDoc  string `json:"codesDoc"`  // the doc comment of the code table

	Constants  []Constant  `json:"constants"`
	Enums      []Enum      `json:"enums"`
	Shapes     []Shape     `json:"shapes"`
	Errors     []ErrorCode `json:"errors"`
	Codes      []CodeClass `json:"codes"` // the product's code → category table
	Operations []Operation `json:"operations"`

	// Endpoints, for an RPC product, names the regions the official SDKs
	// send to one central host; nil means every region has its own,
	// <product>.<region>.aliyuncs.com.
	Endpoints *Endpoints `json:"endpoints,omitempty"`

	// Omitted lists the parameters some official SDK sends that the model
	// leaves out on purpose, and why.
	Omitted []Omission `json:"omitted,omitempty"`
}

// Omission is a parameter the model leaves out: an operation's parameter
// only the old v1 SDK has and the current documentation does not list.
type Omission struct {
	Operation string `json:"operation"`
	Param     string `json:"param"`
	Reason    string `json:"reason"`
}

// Endpoints is where the calls of a region go, as the official SDKs
// resolve it: Central for each of Regions, <product>.<region>.aliyuncs.com
// for any other region.
type Endpoints struct {
	Central string   `json:"central"`
	Regions []string `json:"regions"`
}

// Constant is a named Go constant (page limits, documented values).
type Constant struct {
	Name  string `json:"name"`
	Value string `json:"value"` // a Go expression: 100, "created_at"
	Doc   string `json:"doc"`
	Group string `json:"group"` // constants of one group share a doc comment (the first's)
}

// Enum is a named string type with its documented values.
type Enum struct {
	Name       string      `json:"name"`
	Doc        string      `json:"doc"`
	ValuesDoc  string      `json:"valuesDoc"`
	Values     []EnumValue `json:"values"`
	Valid      bool        `json:"valid"`      // generate a Valid method
	EmptyValid bool        `json:"emptyValid"` // Valid accepts "" (the default)
	AlsoValid  []string    `json:"alsoValid"`  // undocumented spellings Valid accepts
	ValidDoc   string      `json:"validDoc"`
}

// EnumValue is one documented value.
type EnumValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Doc   string `json:"doc"`
}

// Shape is a structure: shared (Instance, Tag) or an operation's request or
// response.
type Shape struct {
	Name    string   `json:"name"`
	Doc     string   `json:"doc"`
	ID      string   `json:"id"`     // the Go name of the member that identifies it: decoding rejects one without it
	IDWire  string   `json:"idWire"` // its wire name, for the error
	Members []Member `json:"members"`
	Request bool     `json:"request"` // used in requests: carries url or json tags
}

// Member is a field of a shape: a request parameter or a response member.
type Member struct {
	Wire string `json:"wire"` // the wire name (parameter or JSON key)
	Name string `json:"name"` // the Go name
	Type string `json:"type"` // string, int, int64, float64, bool, time, raw (JSON text kept as it is), an enum or shape name, []T, map[string]T
	Doc  string `json:"doc"`

	// Example is a documented example value, as text; the fakes answer
	// with it and the completeness tests may send it.
	Example string `json:"example,omitempty"`

	// Request parameters. Required is checked by type: text, lists, maps
	// and raw must be non-empty, an enum set, a shape non-zero (its own
	// members are checked only when it is set); a number must be non-zero
	// unless its Values or Min/Max admit 0 (then 0 is sent); a bool is not
	// checked (false is a value, and a required parameter is always sent).
	// An optional number left 0 is not sent and passes its range. raw is
	// for answers only in an RPC model; a shape or map parameter is sent as
	// JSON text (List "json").
	Required   bool     `json:"required"`
	In         string   `json:"in,omitempty"`     // "body": sent in the form body; "" the query
	List       string   `json:"list"`             // for []T: "repeat" (Name.N, Name.N.Key) or "json" (JSON array text); for a shape or map: "json" (JSON object text)
	Values     []string `json:"values,omitempty"` // a scalar must be one of these (an int's or a string's documented values without an enum type)
	Min        *int64   `json:"min"`              // smallest value
	Max        *int64   `json:"max"`              // largest value
	MinLength  int      `json:"minLength"`        // characters (runes)
	MaxLength  int      `json:"maxLength"`        // characters (runes)
	Pattern    string   `json:"pattern"`          // a regular expression the whole value must match
	PatternDoc string   `json:"patternDoc"`       // what the pattern allows, for the error
	Default    string   `json:"default"`          // a Go expression sent when the value is zero
	ZeroDoc    string   `json:"zeroDoc"`          // how the range message explains 0, e.g. "for the default"
	Clearable  bool     `json:"clearable"`        // an optional write value whose empty value is a request of its own: a pointer
	Elements   bool     `json:"elements"`         // list elements must not be empty (and, for json lists, be valid UTF-8)
	UTF8       bool     `json:"utf8"`             // the text must be valid UTF-8

	// Response members.
	Path         string   `json:"path"`         // where the member is in the answer, dotted; default Wire
	Decode       string   `json:"decode"`       // "lenient" (numbers and booleans as strings, text from numbers), "millis" or "seconds" (epoch), "layout:<Go time layout>" (UTC text), or "func:<name>" (a product function (string field, text) (time.Time, error))
	Page         string   `json:"page"`         // a list whose length is capped: the Go constant of its page size
	Present      bool     `json:"present"`      // the answer must hold it (absent, null, or empty text is a *DecodeError)
	MissingIn    string   `json:"missingIn"`    // how the missing error names where it was looked for
	FromRequest  string   `json:"fromRequest"`  // filled from this request field, not from the answer
	Fills        string   `json:"fills"`        // a member path (Instance.CustomSpecItems) this value fills when that is empty
	UnixFallback string   `json:"unixFallback"` // a time filled from this Unix-seconds member when the answer has none
	Allowed      []string `json:"allowed"`      // list elements must equal one of these constants
}

// ErrorCode is a documented error code.
type ErrorCode struct {
	Name     string `json:"name"` // the Go constant
	Code     string `json:"code"`
	Category string `json:"category"` // ErrNotFound, …, or "" for none
	Doc      string `json:"doc"`
}

// CodeClass is one row of the product's code table: a code (or a code
// family, matched by its dotted parents) and its category.
type CodeClass struct {
	Code     string `json:"code"`
	Category string `json:"category"`
}

// Operation is one API action.
type Operation struct {
	Name     string   `json:"name"`
	Method   string   `json:"method"`          // HTTP method
	Write    bool     `json:"write"`           // not idempotent: retried only when the request provably did not arrive
	Group    string   `json:"group,omitempty"` // the resource it acts on, grouping the docs: "Job groups", "Scripts"
	Doc      string   `json:"doc"`
	Errors   []string `json:"errors"` // Go names of the codes it documents
	Link     string   `json:"link"`
	Request  Shape    `json:"request"`
	Response Shape    `json:"response"`
	Paginate *Paging  `json:"paginate"`
}

// Paging says how an operation pages.
type Paging struct {
	Style       string `json:"style"`          // "page" (number/size), "offset" (offset/limit) or "token" (a next-page token)
	Page        string `json:"page"`           // the request field of the page number, offset or token
	Next        string `json:"next,omitempty"` // "token": the response field holding the next page's token
	Size        string `json:"size"`           // the request field of the page size or limit
	DefaultSize string `json:"defaultSize"`
	LastPage    string `json:"lastPage"`
	Items       string `json:"items"` // the response field listing the items
	Total       string `json:"total"`
	Item        string `json:"item"` // the item type
	Key         string `json:"key"`  // the item's identifying field
	Doc         string `json:"doc"`  // the paginator's doc
	AllDoc      string `json:"allDoc"`
	NewDoc      string `json:"newDoc"`
}

// Load reads a model file, refusing unknown fields.
func Load(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(b)
}

// Parse reads a model, refusing unknown fields.
func Parse(b []byte) (*Model, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Model
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("apigen: %w", err)
	}
	return &m, nil
}

// Shape returns the shared shape named name, or nil.
func (m *Model) Shape(name string) *Shape {
	for i := range m.Shapes {
		if m.Shapes[i].Name == name {
			return &m.Shapes[i]
		}
	}
	return nil
}

// Enum returns the enum named name, or nil.
func (m *Model) Enum(name string) *Enum {
	for i := range m.Enums {
		if m.Enums[i].Name == name {
			return &m.Enums[i]
		}
	}
	return nil
}

// Error returns the error code whose Go name is name, or nil.
func (m *Model) Error(name string) *ErrorCode {
	for i := range m.Errors {
		if m.Errors[i].Name == name {
			return &m.Errors[i]
		}
	}
	return nil
}
