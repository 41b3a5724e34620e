package paginate

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCursorStops(t *testing.T) {
	tests := []struct {
		name  string
		pages []int // items per page
		total int64
		keys  []string
		last  int64
		want  int // pages requested
	}{
		{name: "reaches total", pages: []int{2, 2, 1}, total: 5, want: 3},
		{name: "empty page", pages: []int{2, 0}, total: 10, want: 2},
		{name: "unknown total is one page", pages: []int{3, 3}, total: 0, want: 1},
		{name: "repeated page", pages: []int{2, 2, 2}, total: 100, keys: []string{"a-b", "a-b", "x"}, want: 2},
		{name: "API's last page", pages: []int{1, 1, 1, 1}, total: 100, last: 3, want: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCursor(1, 1, tt.last)
			requested := 0
			for c.HasMore() && requested < len(tt.pages) {
				assert.Equal(t, int64(requested+1), c.Next())
				key := ""
				if tt.keys != nil {
					key = tt.keys[requested]
				}
				c.Advance(tt.pages[requested], tt.total, key)
				requested++
			}
			assert.Equal(t, tt.want, requested)
			assert.False(t, c.HasMore())
		})
	}
	off := NewOffsetCursor(10)
	off.Advance(15, 50, "a")
	assert.Equal(t, int64(25), off.Next(), "offsets advance by the items received (a capped Limit skips nothing)")
	assert.True(t, off.HasMore())
	off.Advance(25, 50, "b")
	assert.False(t, off.HasMore(), "items before the first offset count toward the total: no extra request")
}

// pages serves n items in pages of size, counting requests.
type pages struct {
	n, size  int
	requests int
	failAt   int // fail the request with this number (1-based), 0 never
}

func (p *pages) start() PageFunc[int] {
	c := NewCursor(1, 1, 0)
	return func(ctx context.Context) ([]int, bool, error) {
		p.requests++
		if p.requests == p.failAt {
			return nil, false, errors.New("boom")
		}
		from := int(c.Next()-1) * p.size
		var items []int
		for i := from; i < min(from+p.size, p.n); i++ {
			items = append(items, i)
		}
		c.Advance(len(items), int64(p.n), fmt.Sprint(items))
		return items, c.HasMore(), nil
	}
}

func TestAll(t *testing.T) {
	p := &pages{n: 5, size: 2}
	seq := All(t.Context(), p.start)
	assert.Equal(t, 0, p.requests, "lazy: nothing requested before ranging")
	collect := func() []int {
		var got []int
		for v, err := range seq {
			require.NoError(t, err)
			got = append(got, v)
		}
		return got
	}
	assert.Equal(t, []int{0, 1, 2, 3, 4}, collect())
	assert.Equal(t, 3, p.requests)
	assert.Equal(t, []int{0, 1, 2, 3, 4}, collect(), "ranging twice restarts")
	assert.Equal(t, 6, p.requests)

	p.requests = 0
	for v := range seq {
		if v == 1 {
			break
		}
	}
	assert.Equal(t, 1, p.requests, "break stops further requests")

	f := &pages{n: 10, size: 2, failAt: 2}
	var got []int
	var errs int
	for v, err := range All(t.Context(), f.start) {
		if err != nil {
			errs++
			continue
		}
		got = append(got, v)
	}
	assert.Equal(t, []int{0, 1}, got)
	assert.Equal(t, 1, errs, "the error is yielded once and ends the walk")
	assert.Equal(t, 2, f.requests)
}
