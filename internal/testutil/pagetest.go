package testutil

import (
	"context"
	"iter"
	"testing"
)

// PageConformance is the pagination contract, run against a fake holding
// items (in the order the service lists them).
type PageConformance[T any] struct {
	// Items are what a full walk must yield, in order.
	Items []T
	// Key identifies an item.
	Key func(T) string
	// All returns the iterator for a page size (0 means the default).
	All func(ctx context.Context, pageSize int) iter.Seq2[T, error]
	// Requests returns how many list requests the fake has received.
	Requests func() int
	// FailNext makes the next list request fail.
	FailNext func()
}

// Run checks, for page sizes 1, 2, n and n+10 (n = len(Items)): every item
// exactly once and in order, with the expected number of requests; that
// ranging twice restarts; that break stops further requests; and that an
// error mid-walk is yielded once and ends the walk.
func (pc PageConformance[T]) Run(t *testing.T) {
	n := len(pc.Items)
	if n < 3 {
		t.Fatalf("conformance needs at least 3 items, has %d", n)
	}
	for _, size := range []int{1, 2, n, n + 10} {
		seq := pc.All(t.Context(), size)
		before := pc.Requests()
		for round := 1; round <= 2; round++ {
			got := pc.collect(t, seq)
			if !equalKeys(got, pc.Items, pc.Key) {
				t.Fatalf("page size %d, range %d: got %d items %v, want %d in order", size, round, len(got), keys(got, pc.Key), n)
			}
		}
		if want := 2 * requestsFor(n, size); pc.Requests()-before != want {
			t.Errorf("page size %d: %d requests for two walks, want %d", size, pc.Requests()-before, want)
		}
	}

	before := pc.Requests()
	for range pc.All(t.Context(), 1) {
		break
	}
	if got := pc.Requests() - before; got != 1 {
		t.Errorf("break after the first item: %d requests, want 1", got)
	}

	var got []T
	errs := 0
	first := true
	for item, err := range pc.All(t.Context(), 1) {
		if err != nil {
			errs++
			continue
		}
		got = append(got, item)
		if first {
			pc.FailNext()
			first = false
		}
	}
	if errs != 1 || len(got) != 1 {
		t.Errorf("failure on page 2: %d items and %d errors, want 1 and 1", len(got), errs)
	}
}

func (pc PageConformance[T]) collect(t *testing.T, seq iter.Seq2[T, error]) []T {
	t.Helper()
	var got []T
	for item, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, item)
	}
	return got
}

// requestsFor is the number of pages a walk of n items needs: the walk
// ends on reaching the total, so no empty trailing page is requested.
func requestsFor(n, size int) int { return (n + size - 1) / size }

func equalKeys[T any](a, b []T, key func(T) string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if key(a[i]) != key(b[i]) {
			return false
		}
	}
	return true
}

func keys[T any](items []T, key func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = key(it)
	}
	return out
}
