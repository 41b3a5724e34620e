package wire

import (
	"context"
	"strconv"
	"unsafe"
)

// The limits below keep what decoding an answer costs proportional to the
// answer's size, whatever it holds. A body is at most a few MiB (the
// transport caps it), but a list of empty objects, "{}," for each element,
// costs three bytes of body and a whole struct of memory: unbounded, an
// answer at the cap decodes into gigabytes.
const (
	// PageMargin is how much longer than the largest page a page may be:
	// PageSlice accepts up to PageMargin times the page size.
	PageMargin = 2

	// BudgetPerByte is how many bytes of slice elements an answer may
	// decode into per byte of its body, across all its lists; and
	// MinBudget the budget of any answer, however small. Each element is
	// counted at its Go size. A real answer spends a fraction of this (a
	// list element's text is longer than its struct), the most element-
	// heavy one about six bytes per byte (CCC numbers that carry only
	// Number).
	BudgetPerByte = 8
	MinBudget     = 1 << 20

	// contextEvery is how many list elements are decoded between two looks
	// at the context.
	contextEvery = 256
)

// budgetFor returns the element budget of a body of n bytes.
func budgetFor(n int) int64 {
	return max(MinBudget, BudgetPerByte*int64(n))
}

// SetContext makes d observe ctx: once ctx is done, decoding stops between
// two list elements with an error that wraps ctx.Err(). A nil ctx (the
// default, and after Reset) is never done.
func (d *Decoder) SetContext(ctx context.Context) { d.ctx = ctx }

// PageSlice is Slice for the list of a page: more elements than
// PageMargin times pageSize, the largest page the API returns, is a
// *LimitError, reported before the first element too many is decoded.
func PageSlice[T any](d *Decoder, s []T, pageSize int, elem func(*Decoder, *T)) []T {
	return slice(d, s, PageMargin*pageSize, elem)
}

// CheckPage returns the error PageSlice reports for a list of n elements,
// or nil: the check of a decoder that reads the list before it can count
// it (the models' reference decoder in the tests).
func CheckPage(n, pageSize int) error {
	if limit := PageMargin * pageSize; n > limit {
		return &LimitError{Limit: limit, Offset: -1}
	}
	return nil
}

// admit reports whether the n-th element (from 0) of a list of at most
// limit elements (-1: no limit but the budget), of size bytes, may be
// decoded, and otherwise records why not.
func (d *Decoder) admit(n, limit int, size int64) bool {
	if limit >= 0 && n >= limit {
		d.fail(&LimitError{Limit: limit, Offset: int64(d.off), Member: d.memberName()})
		return false
	}
	if d.budget -= size; d.budget < 0 {
		d.fail(&LimitError{Offset: int64(d.off), Member: d.memberName()})
		return false
	}
	if d.items++; d.ctx != nil && d.items%contextEvery == 0 {
		if err := d.ctx.Err(); err != nil {
			d.fail(&StoppedError{Offset: int64(d.off), Err: err})
			return false
		}
	}
	return true
}

// sizeOf returns the memory one element of a []T takes.
func sizeOf[T any]() int64 {
	var zero T
	return int64(unsafe.Sizeof(zero))
}

// LimitError is an answer that holds more than a decoder accepts: a list
// longer than the largest page allows, or more list elements than the
// answer's size can account for (see BudgetPerByte).
type LimitError struct {
	// Limit is the most elements the list may hold, or 0 when the answer's
	// element budget ran out.
	Limit  int
	Offset int64 // the index of the first element too many, or -1 if unknown
	// Member is the quoted name of the member holding the list, cut to 20
	// bytes, or "".
	Member string
}

// Error says which limit was passed, and where.
func (e *LimitError) Error() string {
	var msg string
	if e.Limit > 0 {
		msg = "list longer than " + strconv.Itoa(e.Limit) + " elements (" + strconv.Itoa(PageMargin) +
			" times the largest page)"
	} else {
		msg = "answer holds more list elements than its size allows (" + strconv.Itoa(BudgetPerByte) +
			" bytes of elements per byte of body)"
	}
	if e.Offset >= 0 {
		msg += " at offset " + strconv.FormatInt(e.Offset, 10)
	}
	if e.Member != "" {
		msg += " in member " + e.Member
	}
	return msg
}

// StoppedError is a decode the context ended. It wraps the context's
// error, so errors.Is(err, context.DeadlineExceeded) holds.
type StoppedError struct {
	Offset int64 // where decoding stopped
	Err    error // ctx.Err()
}

// Error says where decoding stopped, and why.
func (e *StoppedError) Error() string {
	return "decoding stopped at offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Err.Error()
}

// Unwrap returns the context's error.
func (e *StoppedError) Unwrap() error { return e.Err }
