package pages

import (
	"hash/maphash"
	"slices"

	"github.com/typedcloud/sdk-go/apierr"
)

// repeats notices a page that would make a walk yield an item twice. The
// zero value is ready.
//
// It keeps no set of every key: a walk of 100,000 items would then hold
// 100,000 keys, and a walk's memory must stay that of a page
// (bench/listall_test.go). Instead it keeps:
//
//   - each page's fingerprint for the whole walk: the sum of the hashes of
//     its keys, so a page listing the same items in another order matches
//     too. That is one word per page, kept in a sorted slice (8 KB for a
//     walk of 100,000 items in pages of 100; a map would take five times
//     that), and a walk with a total requests at most the pages it implies
//     plus one. A page whose fingerprint was seen repeats an earlier page:
//     a service ignoring the page parameter, or cycling through pages
//     under a total that is never reached.
//   - the key hashes of the page and of the one before, bounded by two
//     pages: an item listed twice on a page, or again on the next page (a
//     listing that moved back while it was walked).
//
// What it does not see is a lone item coming back two pages or more later
// on a page otherwise new. Hashes use a seed made per walk, so a service
// cannot contrive a collision; the chance of an accidental one is about
// pages²/2⁶⁴. Empty keys (an item without its ID) are left out: they cannot
// tell items apart, so they never count as a repeat.
type repeats struct {
	seed      maphash.Seed
	pages     []uint64            // fingerprints of the pages accepted, sorted
	prev, cur map[uint64]struct{} // key hashes of the last page accepted, and of this one
	tokens    []uint64            // hashes of the next-page tokens a token walk followed, sorted
}

// check reports whether a page of n items, whose keys key returns, repeats
// the walk so far (with the key listed again, for RepeatedItem); a page
// that does not is recorded as accepted.
func (r *repeats) check(n int, key func(i int) string) (apierr.PaginationReason, string) {
	r.init()
	clear(r.cur)
	var print uint64
	again := ""
	for i := range n {
		k := key(i)
		if k == "" {
			continue
		}
		h := maphash.String(r.seed, k)
		if _, ok := r.cur[h]; ok && again == "" {
			again = k
		}
		if _, ok := r.prev[h]; ok && again == "" {
			again = k
		}
		r.cur[h] = struct{}{}
		print += h
	}
	at, seen := slices.BinarySearch(r.pages, print)
	if len(r.cur) > 0 && seen {
		return apierr.RepeatedPage, ""
	}
	if again != "" {
		return apierr.RepeatedItem, again
	}
	if len(r.cur) > 0 {
		r.pages = slices.Insert(r.pages, at, print)
	}
	r.prev, r.cur = r.cur, r.prev
	return 0, ""
}

func (r *repeats) init() {
	if r.prev == nil {
		r.seed = maphash.MakeSeed()
		r.prev, r.cur = map[uint64]struct{}{}, map[uint64]struct{}{}
	}
}

// followed records the next-page token a token walk is about to follow,
// and reports false if it followed it before: the service is cycling, and
// keyless items would not show it. "" (the first page) is not recorded.
// As with page fingerprints, one word per page is kept.
func (r *repeats) followed(token string) bool {
	if token == "" {
		return true
	}
	r.init()
	h := maphash.String(r.seed, token)
	at, seen := slices.BinarySearch(r.tokens, h)
	if seen {
		return false
	}
	r.tokens = slices.Insert(r.tokens, at, h)
	return true
}
