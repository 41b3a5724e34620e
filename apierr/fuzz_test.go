package apierr

import (
	"errors"
	"strings"
	"testing"
)

var fuzzSentinels = []*Category{ErrNotFound, ErrThrottled, ErrAuth, ErrPermission, ErrInvalidParameter, ErrConflict, ErrQuotaExceeded, ErrServer}

// FuzzClassify checks the code → category classifier: it terminates, it
// returns nil or one of the sentinels, a code a table knows maps to that
// table's category (the product table first), an unknown code falls back
// to the status, and an APIError carrying the result matches exactly that
// sentinel through errors.Is and prints one line.
func FuzzClassify(f *testing.F) {
	for _, tables := range []Codes{AlibabaCodes, TencentCodes} {
		for code := range tables {
			f.Add(code, 400)
			f.Add(code+".Sub.Code", 503)
		}
	}
	for _, s := range []int{0, 200, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 599, -1} {
		f.Add("", s)
		f.Add("Unknown.Code", s)
	}
	f.Add("...", 200)
	f.Add(".Throttling", 200)
	f.Add("Throttling.", 200)
	product := Codes{"NotExists": ErrNotFound, "Throttling.Product": ErrQuotaExceeded}
	f.Fuzz(func(t *testing.T, code string, status int) {
		cat := Classify(code, status, product, AlibabaCodes, TencentCodes)
		if cat != nil && !isSentinel(cat) {
			t.Fatalf("Classify(%q, %d) = %v, not a sentinel", code, status, cat)
		}
		// An exact entry wins, the product table first.
		for _, table := range []Codes{product, AlibabaCodes, TencentCodes} {
			if want, ok := table[code]; ok {
				if cat != want {
					t.Fatalf("Classify(%q) = %v, want %v from its table", code, cat, want)
				}
				break
			}
		}
		// No known prefix: the status decides.
		known := false
		for c := code; c != ""; c = c[:max(strings.LastIndexByte(c, '.'), 0)] {
			if product[c] != nil || AlibabaCodes[c] != nil || TencentCodes[c] != nil {
				known = true
				break
			}
		}
		if !known && cat != ByStatus(status) {
			t.Fatalf("Classify(%q, %d) = %v, want the status's %v", code, status, cat, ByStatus(status))
		}

		e := &APIError{Product: "p", Operation: "Op", HTTPStatus: status, Code: code, Message: "m", RequestID: "r"}
		SetCategory(e, cat)
		var err error = e
		matched := 0
		for _, s := range fuzzSentinels {
			if errors.Is(err, s) {
				matched++
				if s != cat {
					t.Fatalf("%#v matches %v, its category is %v", e, s, cat)
				}
			}
		}
		if (cat == nil) != (matched == 0) || matched > 1 {
			t.Fatalf("%#v matches %d sentinels, category %v", e, matched, cat)
		}
		// Without a fixed category the default lookup (common tables)
		// still yields a sentinel or nil.
		plain := &APIError{HTTPStatus: status, Code: code}
		if c := plain.Category(); c != nil && !isSentinel(c.(*Category)) {
			t.Fatalf("default category %v", c)
		}
		// Whatever the service sent as its code, Error() is one line.
		if msg := e.Error(); strings.ContainsAny(msg, "\r\n") {
			t.Fatalf("APIError.Error() is not one line: %q", msg)
		}
	})
}

func isSentinel(c *Category) bool {
	for _, s := range fuzzSentinels {
		if c == s {
			return true
		}
	}
	return false
}
