package apierr

import (
	"strconv"
	"strings"
)

// PaginationReason is why a PaginationError ended a walk.
type PaginationReason int

// The reasons a walk ends with a PaginationError.
const (
	// RepeatedPage: the page lists the same items as an earlier page of
	// the walk (a service ignoring the page parameter, or cycling).
	RepeatedPage PaginationReason = iota + 1
	// RepeatedItem: the page lists an item twice, or one the page before
	// it listed (the listing moved back while it was walked).
	RepeatedItem
	// PageLimit: the list goes on past the last page the walk may
	// request: the last page the API accepts, or the pages TotalCount
	// implies plus one.
	PageLimit
)

// PaginationError ends a list walk (a paginator's NextPage or an All
// iterator) whose pages would list an item twice, or that cannot reach the
// end of the list. The items yielded before it were each listed once; the
// page that broke the rule is not yielded, and nothing follows the error.
// It matches no category sentinel: use errors.As, and Reason to tell a
// misbehaving service (RepeatedPage, RepeatedItem) from a list longer than
// the API serves (PageLimit).
type PaginationError struct {
	Product   string
	Operation string
	Reason    PaginationReason
	// Page is the page number (or, with Offset, the item offset) of the
	// page that ended the walk: the page refused, or for PageLimit the
	// page the walk may not request.
	Page   int
	Offset bool
	// Item is the key listed again (RepeatedItem).
	Item string
	// Listed is how many items the walk yielded; Total is the TotalCount
	// last answered, 0 or less when unknown.
	Listed, Total int
}

// Error returns one line, for example:
//
//	ccc ListInstances: page 3 repeats an earlier page (200 items listed)
func (e *PaginationError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Product, e.Operation))
	if e.Offset {
		b.WriteString("the page at offset ")
	} else {
		b.WriteString("page ")
	}
	b.WriteString(strconv.Itoa(e.Page))
	switch e.Reason {
	case RepeatedPage:
		b.WriteString(" repeats an earlier page")
	case RepeatedItem:
		b.WriteString(" lists item ")
		b.WriteString(strconv.Quote(oneLine(e.Item)))
		b.WriteString(" again")
	case PageLimit:
		b.WriteString(" is past the last page the walk may request")
	default:
		b.WriteString(" ends the walk")
	}
	b.WriteString(" (")
	b.WriteString(strconv.Itoa(e.Listed))
	if e.Total > 0 {
		b.WriteString(" of ")
		b.WriteString(strconv.Itoa(e.Total))
	}
	b.WriteString(" items listed)")
	return b.String()
}
