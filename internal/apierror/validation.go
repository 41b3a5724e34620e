package apierror

// Validator collects FieldErrors while a request is checked. The zero value
// is ready to use.
type Validator struct{ fields []FieldError }

// Add records a bad field.
func (v *Validator) Add(field, reason string) {
	v.fields = append(v.fields, FieldError{Field: field, Reason: reason})
}

// Check records a bad field unless ok.
func (v *Validator) Check(ok bool, field, reason string) {
	if !ok {
		v.Add(field, reason)
	}
}

// Required records field as missing when value is empty.
func (v *Validator) Required(field, value string) { v.Check(value != "", field, "is required") }

// Err returns a *ValidationError listing every recorded field, or nil.
func (v *Validator) Err(product, operation string) error {
	if len(v.fields) == 0 {
		return nil
	}
	return &ValidationError{Product: product, Operation: operation, Fields: v.fields}
}
