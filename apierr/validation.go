package apierr

import "strings"

// FieldError is one bad field of a request.
type FieldError struct {
	Field  string // the Go field name, e.g. "MaxConcurrentConversation" or "Tags[2].Key"
	Reason string // what is wrong, e.g. "is required"
}

// String returns "Field Reason".
func (f FieldError) String() string { return f.Field + " " + f.Reason }

// ValidationError is a request rejected before any network I/O. Fields lists
// every bad field at once, so one round of fixes suffices.
type ValidationError struct {
	Product   string
	Operation string
	Fields    []FieldError
}

// Error returns one line listing every bad field.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Product, e.Operation))
	b.WriteString("invalid request: ")
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// Is matches ErrInvalidParameter: a request the service would reject for a
// bad parameter is the same category whichever side noticed.
func (e *ValidationError) Is(target error) bool { return target == error(ErrInvalidParameter) }
