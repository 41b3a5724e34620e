package wire

import (
	"context"
	"errors"
	"strings"
	"testing"
)

type limitItem struct{ A, B, C, D string }

func decodeLimitItem(d *Decoder, x *limitItem) { d.Skip() }

// TestPageSlice: a page of up to PageMargin times the page size decodes;
// one element more is a *LimitError, before that element is decoded.
func TestPageSlice(t *testing.T) {
	page := func(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("{},", n), ",") + "]" }
	got, err := read(page(2*10), func(d *Decoder) []limitItem { return PageSlice(d, nil, 10, decodeLimitItem) })
	if err != nil || len(got) != 20 {
		t.Fatalf("a page of 20 (size 10): %d elements, %v", len(got), err)
	}
	_, err = read(page(2*10+1), func(d *Decoder) []limitItem { return PageSlice(d, nil, 10, decodeLimitItem) })
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != 20 {
		t.Fatalf("a page of 21 (size 10): %v, want a *LimitError of 20", err)
	}
	if CheckPage(20, 10) != nil || !errors.As(CheckPage(21, 10), &le) {
		t.Errorf("CheckPage does not agree with PageSlice")
	}
}

// TestBudget: the lists of one answer may not decode into more than
// BudgetPerByte bytes per byte of body (or MinBudget): empty objects, three
// bytes each, cannot become a struct each without end.
func TestBudget(t *testing.T) {
	n := 2*MinBudget/int(sizeOf[limitItem]()) + 1
	body := "[" + strings.Repeat("{},", n-1) + "{}]"
	_, err := read(body, func(d *Decoder) []limitItem { return Slice(d, nil, decodeLimitItem) })
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != 0 {
		t.Fatalf("%d empty objects: %v, want the budget's *LimitError", n, err)
	}
	// The same count of small elements fits.
	if _, err := read(body, func(d *Decoder) []struct{} {
		return Slice(d, nil, func(d *Decoder, _ *struct{}) { d.Skip() })
	}); err != nil {
		t.Fatalf("%d empty structs: %v", n, err)
	}
}

// TestSliceObservesContext: a done context stops a long list with an error
// matching the context's; a short one is not looked at.
func TestSliceObservesContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	body := []byte("[" + strings.Repeat("{},", contextEvery) + "{}]")
	d := NewDecoder(body)
	d.SetContext(ctx)
	Slice(d, nil, decodeLimitItem)
	if err := d.Finish(); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want an error matching context.Canceled", err)
	}
	d.Reset(body) // forgets the context
	Slice(d, nil, decodeLimitItem)
	if err := d.Finish(); err != nil {
		t.Fatalf("after Reset: %v", err)
	}
}
