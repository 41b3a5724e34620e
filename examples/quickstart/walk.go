package main

import (
	"context"
	"fmt"
	"time"
)

// walk is the task run on one product.
type walk struct {
	title string
	run   func(ctx context.Context, r *report) bool
}

// skipped is the walk of a product that is not configured.
func skipped(title, why string) walk {
	return walk{title: title, run: func(_ context.Context, r *report) bool {
		r.section(title)
		r.note("skipped: %s", why)
		return true
	}}
}

// shorten keeps a table cell readable.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// count renders n things, singular or plural.
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// day renders a date, or "-" for none.
func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}
