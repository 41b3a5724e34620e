package pages

// cursor tracks a walk over numbered pages (or item offsets) and applies
// the contract's stop rules. The zero value is not ready; use newCursor or
// newOffsetCursor.
type cursor struct {
	next   int64 // the page number (or offset) to request next
	step   int64 // 1 for page numbers; 0 for offsets, which advance by the items received
	size   int64 // the page size asked for
	last   int64 // the largest page number the API accepts; 0 means no limit
	start  int64 // the list position of the walk's first item
	pos    int64 // the list position after the items received so far
	pages  int64 // pages received
	bound  int64 // the most pages the first known total allows; 0 until known
	done   bool  // the list is walked
	capped bool  // the list goes on, but the walk may not request its next page
	tokens bool  // a token walk: a short page is not the last, the token says
}

// newCursor starts a walk at page first of pages of size items. last, when
// positive, is the largest page number the API accepts. The pages before
// first count as size items each toward the total.
func newCursor(first, size, last int64) cursor {
	size = max(size, 1)
	return cursor{next: first, step: 1, size: size, last: last, start: (first - 1) * size, pos: (first - 1) * size}
}

// newOffsetCursor starts an Offset/Limit walk at offset first, asking for
// size items a page. Each page advances the offset by the items it held
// (not by the size asked for, so a service that caps Limit lower skips
// nothing), and the items before first count toward the total.
func newOffsetCursor(first, size int64) cursor {
	size = max(size, 1)
	return cursor{next: first, size: size, start: first, pos: first}
}

// newTokenCursor starts a walk by next-page tokens, asking for size items
// a page (0: the service's size). Its Next counts the pages from 1, for
// errors; the pager keeps the token.
func newTokenCursor(size int64) cursor {
	c := newCursor(1, size, 0)
	c.tokens = true
	return c
}

// HasMore reports whether the walk goes on: there is another page to
// request, or Capped has to be reported.
func (c *cursor) HasMore() bool { return !c.done }

// Capped reports whether the list goes on past the last page the walk may
// request: the API's last page, or the pages the total implies plus one.
func (c *cursor) Capped() bool { return c.capped && !c.done }

// Next returns the page number (or offset) to request.
func (c *cursor) Next() int64 { return c.next }

// Listed returns how many items the walk has received.
func (c *cursor) Listed() int64 { return c.pos - c.start }

// Stop ends the walk.
func (c *cursor) Stop() { c.done = true }

// Advance records a page of n items. total is the service's TotalCount;
// 0 or less is unknown (a missing member decodes as 0, and a page with
// items proves a total of 0 wrong). The walk ends on an empty page, on
// reaching a known total, or, with the total unknown, on a page shorter
// than the size asked for (not in a token walk, which the pager ends when
// no token follows). It is capped, and must end with an error, when
// it would go past the API's last page or request more pages than the
// first known total implies plus one: a service whose pages never reach
// its total would otherwise be walked without end.
func (c *cursor) Advance(n int, total int64) {
	c.pages++
	c.pos += int64(n)
	if c.step == 0 {
		c.next += int64(n)
	} else {
		c.next += c.step
	}
	if total > 0 && c.bound == 0 {
		c.bound = ceilDiv(total-c.start, c.size) + 1
	}
	switch {
	case n == 0, total > 0 && c.pos >= total, total <= 0 && int64(n) < c.size && !c.tokens:
		c.done = true
	case c.last > 0 && c.next > c.last, c.bound > 0 && c.pages >= c.bound:
		c.capped = true
	}
}

// ceilDiv returns a/b rounded up, and 0 for a ≤ 0.
func ceilDiv(a, b int64) int64 {
	if a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
