package wire

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth is how many objects and arrays may be open at once. It is
// encoding/json's limit (its scanner accepts 10000 and fails on the
// 10001st), so the two refuse the same documents.
const maxDepth = 10000

// Decoder reads one JSON value from a byte slice, member by member, without
// reflection. Errors are sticky: after the first, every read returns the
// zero value and reads nothing.
//
// Every value is read by exactly one call: a strict reader (Str, Int,
// Bool, Float), a lenient one (LenientString, LenientInt, LenientBool,
// LenientFloat, Millis, Seconds, Time), Map,
// Raw, Skip, Object or Array (whose loops must run until Next returns
// false), or Slice. Then Finish tells whether the whole input was valid.
//
// A Decoder is meant to live on the caller's stack:
//
//	var d wire.Decoder
//	d.Reset(body)
//	decodeAnswer(&d, &out)
//	if err := d.Finish(); err != nil { ... }
type Decoder struct {
	data  []byte
	off   int // index of the next byte to read
	depth int // objects and arrays open
	err   error
	// member is 1 + the offset of the name of the member whose value is
	// read next, or that holds the array being read, or 0: error messages
	// name it. (An offset, not a Key, so that Members and Elements hold no
	// pointer that escape analysis would see flow into the Decoder.)
	member int
	buf    []byte // scratch for unescaping strings, reused
	// seen holds short strings Str returned, to return again for the same
	// bytes (see intern).
	seen [16]string
	// budget is how many bytes of list elements may still be decoded (see
	// BudgetPerByte); items counts the elements decoded, and ctx, when not
	// nil, is looked at every contextEvery of them.
	budget int64
	items  int
	ctx    context.Context
}

// NewDecoder returns a Decoder reading data. It is small enough to inline,
// so a Decoder that does not outlive its caller stays on the stack.
func NewDecoder(data []byte) *Decoder {
	return &Decoder{data: data, budget: budgetFor(len(data))}
}

// Reset makes d read data from the start, keeping its scratch buffer. It
// forgets the context SetContext gave.
func (d *Decoder) Reset(data []byte) {
	*d = Decoder{data: data, buf: d.buf[:0], budget: budgetFor(len(data))}
}

// Err returns the first error, or nil.
func (d *Decoder) Err() error { return d.err }

// Finish reports the first error, or a syntax error if anything but JSON
// whitespace follows the value read. Call it once after decoding the
// top-level value: without it, trailing garbage goes unnoticed.
func (d *Decoder) Finish() error {
	if d.err != nil {
		return d.err
	}
	if d.depth != 0 {
		d.misuse("Finish called inside an object or array: a Next loop ended early")
		return d.err
	}
	// Every reader consumes at least the first byte of its value.
	if start := len(d.data) - len(trimSpace(d.data)); d.off <= start {
		if start == len(d.data) {
			d.syntaxAt(start, "")
		} else {
			d.misuse("Finish called before the value was read")
		}
		return d.err
	}
	if d.next(); d.off < len(d.data) {
		d.syntax("after top-level value")
	}
	return d.err
}

// trimSpace returns data without its leading whitespace.
func trimSpace(data []byte) []byte {
	for len(data) > 0 && isSpace(data[0]) {
		data = data[1:]
	}
	return data
}

// Null reports whether the next value is the literal null, without
// consuming it (it may consume the whitespace before it). After an error
// it is false.
func (d *Decoder) Null() bool {
	if d.err != nil {
		return false
	}
	d.next()
	rest := d.data[d.off:]
	return len(rest) >= 4 && string(rest[:4]) == "null"
}

// Skip consumes and validates the next value, of any kind and nesting (up
// to encoding/json's depth limit), without recursion.
func (d *Decoder) Skip() {
	if d.err == nil {
		d.skip()
	}
}

// Raw returns the bytes of the next value of any kind, validated and
// without the whitespace around it, as json.RawMessage would get them:
// null gives []byte("null"). The bytes alias the input (their capacity is
// cut, so appending to them copies); after an error Raw returns nil.
func (d *Decoder) Raw() []byte {
	if d.err != nil {
		return nil
	}
	d.next()
	start := d.off
	d.skip()
	if d.err != nil {
		return nil
	}
	return d.data[start:d.off:d.off]
}

// Str reads a string as encoding/json decodes one into a string field:
// escapes decoded (an unpaired surrogate escape becomes U+FFFD) and each
// byte of invalid UTF-8 replaced by U+FFFD. null gives "". Each string
// costs one allocation, "" none, and so does a short string without
// escapes that the document already held (see intern).
//
// It is not named String: that would make *Decoder a fmt.Stringer, and
// printing a Decoder would read a value.
func (d *Decoder) Str() string {
	c, ok := d.start()
	switch {
	case !ok:
		return ""
	case c == '"':
		s, plain := d.str()
		if plain {
			return d.intern(s)
		}
		d.buf = appendUnquoted(d.buf[:0], s)
		return string(d.buf)
	case c == 'n':
		d.literal("null")
		return ""
	}
	d.mismatch("a string")
	return ""
}

// maxInterned is the longest string intern keeps: identifiers, codes and
// names, not free text.
const maxInterned = 48

// intern returns b as a string, reusing the string it returned for the same
// bytes earlier in this document when it is short. Identifiers repeat in an
// answer (a CCC instance's ID is in each of its users, numbers and skill
// groups), and each repeat would cost an allocation. The table is small and
// indexed by length and end bytes; a collision only costs the allocation.
func (d *Decoder) intern(b []byte) string {
	if len(b) == 0 || len(b) > maxInterned {
		return string(b)
	}
	slot := &d.seen[(len(b)+int(b[0])*7+int(b[len(b)-1])*31)%len(d.seen)]
	if *slot != string(b) { // the conversion in a comparison does not allocate
		*slot = string(b)
	}
	return *slot
}

// Int reads a number as encoding/json decodes one into an int64 field: an
// integer literal in range. A fraction or exponent ("1.0", "1e3") or a
// quoted number is a type error. null gives 0. It does not allocate. (For
// an int field, encoding/json's range is int's: the same on 64-bit
// platforms.)
func (d *Decoder) Int() int64 {
	c, ok := d.start()
	switch {
	case !ok:
		return 0
	case c == '-' || '0' <= c && c <= '9':
		start := d.off
		s, integer := d.number()
		if d.err != nil {
			return 0
		}
		if !integer {
			d.typeError(start, "an integer", "a number with a fraction or exponent")
			return 0
		}
		n, ok := atoi(s)
		if !ok {
			d.typeError(start, "an integer", "a number out of int64 range")
		}
		return n
	case c == 'n':
		d.literal("null")
		return 0
	}
	d.mismatch("an integer")
	return 0
}

// Bool reads true or false. null gives false.
func (d *Decoder) Bool() bool {
	c, ok := d.start()
	switch {
	case !ok:
		return false
	case c == 't':
		d.literal("true")
		return d.err == nil
	case c == 'f':
		d.literal("false")
		return false
	case c == 'n':
		d.literal("null")
		return false
	}
	d.mismatch("a boolean")
	return false
}

// LenientInt reads a value as an Int64 field would: a number or a string
// of digits, an integral float ("4.0", 1e3), and null or "" as 0.
func (d *Decoder) LenientInt() int64 {
	var v Int64
	if raw, start := d.lenient(); raw != nil && v.UnmarshalJSON(raw) != nil {
		d.typeError(start, "an integer or a string of one", kind(raw[0]))
	}
	return int64(v)
}

// LenientBool reads a value as a Bool field would: true, false or those
// words quoted in any case, and null or "" as false.
func (d *Decoder) LenientBool() bool {
	var v Bool
	if raw, start := d.lenient(); raw != nil && v.UnmarshalJSON(raw) != nil {
		d.typeError(start, "a boolean or a string of one", kind(raw[0]))
	}
	return bool(v)
}

// LenientString reads a value as a String field would: a string, or a
// number's or boolean's literal; null gives "".
func (d *Decoder) LenientString() string {
	var v String
	if raw, start := d.lenient(); raw != nil && v.UnmarshalJSON(raw) != nil {
		d.typeError(start, "a string, number or boolean", kind(raw[0]))
	}
	return string(v)
}

// Millis reads a value as a Millis field would: epoch milliseconds as a
// number or a string, with 0, null and "" as the zero time.
func (d *Decoder) Millis() time.Time {
	var v Millis
	if raw, start := d.lenient(); raw != nil && v.UnmarshalJSON(raw) != nil {
		d.typeError(start, "epoch milliseconds", kind(raw[0]))
	}
	return v.Time
}

// lenient returns the next value's bytes and offset for a lenient reader,
// which decodes them by its type's own UnmarshalJSON so that the two can
// never disagree. (The type's error is not kept: it may quote the whole
// value.) After an error raw is nil.
func (d *Decoder) lenient() (raw []byte, start int) {
	if d.err != nil {
		return nil, 0
	}
	d.next()
	start = d.off
	return d.Raw(), start
}

// Slice decodes the next value, an array, into s as encoding/json decodes
// into a slice field: null gives nil, [] a non-nil empty slice, and each
// element is decoded by elem. Like encoding/json, elements are decoded into
// s's backing array where it has room, so an element that s already held
// keeps what elem does not overwrite; pass a nil s (as a fresh struct
// holds) for elements that start as zero T. elem must read exactly one
// value. Any other kind is a type error, returning s.
//
// Unlike encoding/json, it stops with a *LimitError once the answer's
// lists hold more elements than its size allows (see BudgetPerByte), and
// with a *StoppedError once the context given to SetContext is done.
//
// elem is called through a function value, so the compiler cannot prove
// that d stays on the stack: a Decoder passed to Slice is allocated once
// on the heap. Reuse one with Reset where that matters.
func Slice[T any](d *Decoder, s []T, elem func(*Decoder, *T)) []T {
	return slice(d, s, -1, elem)
}

// slice is Slice for a list of at most limit elements, or -1 for any
// number within the budget.
func slice[T any](d *Decoder, s []T, limit int, elem func(*Decoder, *T)) []T {
	if d.Null() {
		d.Skip()
		return nil
	}
	e := d.Array()
	if e.d == nil {
		return s
	}
	size := sizeOf[T]()
	i := 0
	for ; e.Next() && d.admit(i, limit, size); i++ {
		if i == cap(s) {
			// Double, where append grows a long slice by a quarter: a list
			// of n elements then allocates 2n, not 5n, on its way.
			s = slices.Grow(s[:i], max(i, 4))
		}
		s = s[:i+1]
		elem(d, &s[i])
	}
	if i == 0 && d.err == nil {
		return []T{}
	}
	return s[:i]
}

// Object starts reading the next value as an object. null (or an earlier
// error) gives no members; any other kind is a type error. The loop must
// run until Next returns false:
//
//	for m := d.Object(); m.Next(); {
//		switch k := m.Key(); {
//		case k.Is("Id"):
//			x.ID = d.Str()
//		default:
//			d.Skip()
//		}
//	}
func (d *Decoder) Object() Members {
	c, ok := d.start()
	switch {
	case !ok:
		return Members{}
	case c == '{':
		if !d.open() {
			return Members{}
		}
		return Members{d: d, depth: d.depth, first: true}
	case c == 'n':
		d.literal("null")
		return Members{}
	}
	d.mismatch("an object")
	return Members{}
}

// Members iterates over an object's members. It is a small value meant for
// the caller's stack.
type Members struct {
	d     *Decoder // nil once the object is done, or if it never began
	key   Key
	depth int // the decoder's depth inside this object
	first bool
}

// Next moves to the next member, consuming its name and the colon. It
// returns false at the closing brace and after any error. After it
// returns true the caller must read exactly one value.
func (m *Members) Next() bool {
	d := m.d
	if d == nil {
		return false
	}
	if !d.resume(m.depth) {
		m.d = nil
		return false
	}
	c := d.next()
	switch {
	case c == '}':
		d.close()
		m.d = nil
		return false
	case m.first:
		m.first = false
	case c == ',':
		d.off++
		c = d.next()
	default:
		d.syntax("after object key:value pair")
		m.d = nil
		return false
	}
	if c != '"' {
		d.syntax("looking for beginning of object key string")
		m.d = nil
		return false
	}
	d.member = d.off + 1
	m.key = d.name()
	if d.err == nil && d.next() != ':' {
		d.syntax("after object key")
	}
	if d.err != nil {
		m.d = nil
		return false
	}
	d.off++
	return true
}

// Key returns the current member's name, unescaped as encoding/json
// unescapes it. It aliases the input, or for a name with escapes or
// invalid UTF-8 a copy of its own; it stays valid after Next.
func (m *Members) Key() Key { return m.key }

// Key is an object member's name.
type Key []byte

// Is reports whether the key names the field name as encoding/json matches
// object keys to struct fields: exactly, or else with Unicode simple case
// folding, as bytes.EqualFold. (So "id" and "ID" name "Id", and so do
// "ſ" for "S" and the Kelvin sign for "K": a key and its field may differ
// in length.) encoding/json prefers an exact match over a folded one, so
// where two fields' names differ only in case, compare string(k) with
// each exactly before calling Is.
func (k Key) Is(name string) bool {
	// Most keys tested are another field's: reject those at once, on a
	// first byte that is ASCII in both and differs in more than case.
	if len(k) > 0 && len(name) > 0 && (k[0]^name[0])&^0x20 != 0 && (k[0]|name[0]) < utf8.RuneSelf {
		return false
	}
	return string(k) == name || equalFold(k, name)
}

// Array starts reading the next value as an array. null (or an earlier
// error) gives no elements; any other kind is a type error. The loop must
// run until Next returns false:
//
//	for e := d.Array(); e.Next(); {
//		x.Names = append(x.Names, d.Str())
//	}
func (d *Decoder) Array() Elements {
	c, ok := d.start()
	switch {
	case !ok:
		return Elements{}
	case c == '[':
		if !d.open() {
			return Elements{}
		}
		return Elements{d: d, member: d.member, depth: d.depth, first: true}
	case c == 'n':
		d.literal("null")
		return Elements{}
	}
	d.mismatch("an array")
	return Elements{}
}

// Elements iterates over an array's elements. It is a small value meant
// for the caller's stack.
type Elements struct {
	d      *Decoder // nil once the array is done, or if it never began
	member int      // the member holding the array, as Decoder.member
	depth  int      // the decoder's depth inside this array
	first  bool
}

// Next reports whether another element follows, consuming the comma before
// it. It returns false at the closing bracket and after any error. After
// it returns true the caller must read exactly one value.
func (e *Elements) Next() bool {
	d := e.d
	if d == nil {
		return false
	}
	if !d.resume(e.depth) {
		e.d = nil
		return false
	}
	c := d.next()
	switch {
	case c == ']':
		d.close()
		e.d = nil
		return false
	case e.first:
		e.first = false
	case c == ',':
		d.off++
	default:
		d.syntax("after array element")
		e.d = nil
		return false
	}
	d.member = e.member
	return true
}

// resume reports whether a Next loop at depth may go on: no error, and
// every value its caller read has been read to its end.
func (d *Decoder) resume(depth int) bool {
	if d.err != nil {
		return false
	}
	if d.depth != depth {
		d.misuse("Next called before the previous value was read to its end: an inner Next loop ended early")
		return false
	}
	return true
}

// start skips the whitespace before a value and returns its first byte
// (0 at the end of the input); ok is false after an error.
func (d *Decoder) start() (c byte, ok bool) {
	if d.err != nil {
		return 0, false
	}
	return d.next(), true
}

// next skips whitespace and returns the next byte, or 0 at the end of the
// input. (A NUL byte also gives 0; either is an error wherever a caller
// looks at it, and syntax tells them apart.)
func (d *Decoder) next() byte {
	data := d.data
	for i := d.off; i < len(data); i++ {
		if c := data[i]; !isSpace(c) {
			d.off = i
			return c
		}
	}
	d.off = len(data)
	return 0
}

// isSpace reports whether c is JSON whitespace: only these four bytes.
func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')
}

// open moves past the '{' or '[' at d.off, unless that would nest deeper
// than encoding/json allows.
func (d *Decoder) open() bool {
	if d.depth == maxDepth {
		d.fail(&SyntaxError{Offset: int64(d.off), msg: "exceeded max nesting depth " +
			strconv.Itoa(maxDepth) + " at offset " + strconv.Itoa(d.off)})
		return false
	}
	d.depth++
	d.off++
	return true
}

// close moves past the '}' or ']' at d.off.
func (d *Decoder) close() {
	d.depth--
	d.off++
}

// literal moves past word (true, false or null), whose first byte is at
// d.off.
func (d *Decoder) literal(word string) {
	end := d.off + len(word)
	if end <= len(d.data) && string(d.data[d.off:end]) == word {
		d.off = end
		return
	}
	for i := 1; i < len(word); i++ {
		d.off++
		if d.off == len(d.data) || d.data[d.off] != word[i] {
			d.syntax("in literal " + word + " (expecting " + quoteByte(word[i]) + ")")
			return
		}
	}
}

// number moves past the number that starts at d.off and returns its text.
// integer reports whether it has neither fraction nor exponent.
func (d *Decoder) number() (s []byte, integer bool) {
	data, start := d.data, d.off
	i := start
	if data[i] == '-' {
		i++
	}
	switch {
	case i == len(data):
		return d.syntaxAt(i, "in numeric literal")
	case data[i] == '0':
		i++
	case '1' <= data[i] && data[i] <= '9':
		i = digits(data, i+1)
	default:
		return d.syntaxAt(i, "in numeric literal")
	}
	integer = true
	if i < len(data) && data[i] == '.' {
		integer = false
		if i++; i == len(data) || !isDigit(data[i]) {
			return d.syntaxAt(i, "after decimal point in numeric literal")
		}
		i = digits(data, i+1)
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		integer = false
		if i++; i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i == len(data) || !isDigit(data[i]) {
			return d.syntaxAt(i, "in exponent of numeric literal")
		}
		i = digits(data, i+1)
	}
	d.off = i
	return data[start:i], integer
}

// digits returns the index of the first byte from i on that is not a
// decimal digit.
func digits(data []byte, i int) int {
	for i < len(data) && isDigit(data[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// atoi converts an integer literal already checked by number. ok is false
// when it does not fit an int64.
func atoi(s []byte) (n int64, ok bool) {
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	// Without leading zeros, 19 digits are below 1e19 < 2^64: no overflow
	// while summing, and anything longer is out of range.
	if len(s) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range s {
		u = u*10 + uint64(c-'0')
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true // 1<<63 converts to MinInt64, its own negation
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// str moves past the string that starts at d.off and returns its
// contents. plain reports whether they are its text as they stand: no
// escape and valid UTF-8. After an error s is empty and plain true.
func (d *Decoder) str() (s []byte, plain bool) {
	s, escaped, ascii := d.scanString()
	return s, !escaped && (ascii || utf8.Valid(s))
}

// name reads an object key. A name that is not plain is unescaped into a
// copy of its own, so that a Key never changes under its holder.
func (d *Decoder) name() Key {
	s, plain := d.str()
	if plain {
		return Key(s)
	}
	return Key(appendUnquoted(make([]byte, 0, len(s)), s))
}

// plainByte marks the bytes a string holds as they are: all but the quote,
// the backslash and the control bytes.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < len(t); c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// Masks for reading eight bytes at once.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// special is nonzero if one of the eight bytes in x is not plain. (Each
// term is the classic test for a zero byte, or a byte below 0x20, which is
// exact when no lower byte matched; only whether any did matters here.)
func special(x uint64) uint64 {
	q, b := x^(ones*'"'), x^(ones*'\\')
	return ((q-ones)&^q | (b-ones)&^b | (x-ones*0x20)&^x) & highs
}

// scanString moves past the string that starts at d.off, validating it as
// encoding/json's scanner does: no byte below 0x20, and only the escapes
// \" \\ \/ \b \f \n \r \t and \u with four hex digits. It does not check
// UTF-8, which decoding repairs. escaped reports a backslash, and ascii
// that no byte is 0x80 or above.
func (d *Decoder) scanString() (s []byte, escaped, ascii bool) {
	data := d.data
	start := d.off + 1
	var seen uint64 // the OR of the bytes passed over, for ascii
	for i := start; ; {
		// Eight bytes at a time while none needs a look, then one by one.
		for ; i+8 <= len(data); i += 8 {
			x := binary.LittleEndian.Uint64(data[i:])
			if special(x) != 0 {
				break
			}
			seen |= x
		}
		for i < len(data) && plainByte[data[i]] {
			seen |= uint64(data[i])
			i++
		}
		switch {
		case i == len(data):
			d.syntaxAt(i, "in string literal")
			return nil, false, true
		case data[i] == '"':
			d.off = i + 1
			return data[start:i], escaped, seen&highs == 0
		case data[i] == '\\':
			escaped = true
			if i = d.escape(i); i < 0 {
				return nil, false, true
			}
		default:
			d.syntaxAt(i, "in string literal")
			return nil, false, true
		}
	}
}

// escape validates the escape at data[i] (a backslash) and returns the
// index after it, or -1 after reporting a syntax error.
func (d *Decoder) escape(i int) int {
	data := d.data
	if i++; i == len(data) {
		d.syntaxAt(i, "in string escape code")
		return -1
	}
	switch data[i] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return i + 1
	case 'u':
		for j := i + 1; j < i+5; j++ {
			if j == len(data) || hexDigit(data[j]) < 0 {
				d.syntaxAt(j, "in \\u hexadecimal character escape")
				return -1
			}
		}
		return i + 5
	}
	d.syntaxAt(i, "in string escape code")
	return -1
}

// hexDigit returns the value of the hex digit c, or -1.
func hexDigit(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// appendUnquoted appends the text of the string contents s, already
// validated by scanString, to dst, with encoding/json's repairs: an
// unpaired surrogate escape, and each byte of invalid UTF-8, become
// U+FFFD.
func appendUnquoted(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && s[i+1] == 'u':
			r := hex4(s[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by a low one pairs;
				// otherwise the next escape is left to stand alone.
				r2 := rune(-1)
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2 = hex4(s[i+2:])
				}
				if r = utf16.DecodeRune(r, r2); r != unicode.ReplacementChar {
					i += 6
				}
			}
			dst = utf8.AppendRune(dst, r)
		case c == '\\':
			dst = append(dst, unescape(s[i+1]))
			i += 2
		case c < utf8.RuneSelf:
			j := i + 1
			for j < len(s) && s[j] != '\\' && s[j] < utf8.RuneSelf {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
		default:
			r, n := utf8.DecodeRune(s[i:])
			dst = utf8.AppendRune(dst, r)
			i += n
		}
	}
	return dst
}

// hex4 returns the value of the four hex digits that s starts with.
func hex4(s []byte) rune {
	return hexDigit(s[0])<<12 | hexDigit(s[1])<<8 | hexDigit(s[2])<<4 | hexDigit(s[3])
}

// unescape returns the byte a one-letter escape stands for.
func unescape(c byte) byte {
	switch c {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c // '"', '\\' and '/' stand for themselves
}

// skip moves past the value at d.off (after whitespace) and all it holds.
// It keeps its own stack of the containers it opened, one bit each,
// instead of recursing, so no input can exhaust the goroutine's stack.
func (d *Decoder) skip() {
	var open bitstack
	for d.skipOpen(&open) || d.skipClose(&open) {
	}
}

// skipOpen reads the start of a value. For an object or array with
// members it opens it, reads up to its first value and returns true;
// anything else it reads whole and returns false.
func (d *Decoder) skipOpen(open *bitstack) bool {
	switch c := d.next(); c {
	case '{', '[':
		if !d.open() {
			return false
		}
		isObject := c == '{'
		if c = d.next(); c == '}' && isObject || c == ']' && !isObject {
			d.close()
			return false
		}
		open.push(isObject)
		if isObject {
			return d.skipName()
		}
		return true
	case '"':
		d.scanString()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		if c == '-' || isDigit(c) {
			d.number()
		} else {
			d.syntax("looking for beginning of value")
		}
	}
	return false
}

// skipClose is called after a value: it closes the containers that end
// there and returns true if another value follows in one of them, having
// read up to it.
func (d *Decoder) skipClose(open *bitstack) bool {
	for d.err == nil && open.n > 0 {
		isObject := open.top()
		switch c := d.next(); {
		case c == ',':
			d.off++
			if isObject {
				return d.skipName()
			}
			return true
		case c == '}' && isObject || c == ']' && !isObject:
			d.close()
			open.pop()
			continue
		}
		if isObject {
			d.syntax("after object key:value pair")
		} else {
			d.syntax("after array element")
		}
	}
	return false
}

// skipName reads an object key and its colon, reporting whether it could.
func (d *Decoder) skipName() bool {
	if d.next() != '"' {
		d.syntax("looking for beginning of object key string")
		return false
	}
	if d.scanString(); d.err == nil && d.next() != ':' {
		d.syntax("after object key")
	}
	d.off++
	return d.err == nil
}

// bitstack is a stack of booleans, one bit each: the first 64 in a word,
// the rest (only for odd or hostile input) in a slice.
type bitstack struct {
	n    int
	low  uint64
	high []uint64
}

func (s *bitstack) push(v bool) {
	w := &s.low
	if s.n >= 64 {
		i := s.n/64 - 1
		if i == len(s.high) {
			s.high = append(s.high, 0)
		}
		w = &s.high[i]
	}
	bit := uint64(1) << (s.n % 64)
	if v {
		*w |= bit
	} else {
		*w &^= bit
	}
	s.n++
}

func (s *bitstack) top() bool {
	i, w := s.n-1, s.low
	if i >= 64 {
		w = s.high[i/64-1]
	}
	return w>>(i%64)&1 != 0
}

func (s *bitstack) pop() { s.n-- }

// equalFold reports whether s and t are equal under Unicode simple case
// folding, as bytes.EqualFold does.
func equalFold(s []byte, t string) bool {
	for len(s) > 0 && len(t) > 0 {
		if a, b := s[0], t[0]; a|b < utf8.RuneSelf {
			if a != b && !sameASCIILetter(a, b) {
				return false
			}
			s, t = s[1:], t[1:]
			continue
		}
		r, n := utf8.DecodeRune(s)
		q, m := utf8.DecodeRuneInString(t)
		s, t = s[n:], t[m:]
		if r != q && !sameFold(r, q) {
			return false
		}
	}
	return len(s) == len(t)
}

// sameASCIILetter reports whether a and b are one ASCII letter in two
// cases.
func sameASCIILetter(a, b byte) bool {
	a |= 0x20
	return a == b|0x20 && 'a' <= a && a <= 'z'
}

// sameFold reports whether q is in r's orbit under unicode.SimpleFold.
func sameFold(r, q rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == q {
			return true
		}
	}
	return false
}

// SyntaxError is input that is not JSON.
type SyntaxError struct {
	Offset int64 // the index of the offending byte, or the input's length
	msg    string
}

// Error says what was found where, quoting at most the offending byte.
func (e *SyntaxError) Error() string { return e.msg }

// TypeError is a valid JSON value of a kind the reader does not accept.
// It quotes no input but, shortened, the member's name.
type TypeError struct {
	Offset   int64  // the index of the value's first byte
	Expected string // what the reader wanted, e.g. "a string"
	Found    string // what was there, e.g. "number"
	// Member is the quoted name of the member holding the value or its
	// array, cut to 20 bytes, or "" at the top level.
	Member string
}

// Error says what was expected where, and the kind found.
func (e *TypeError) Error() string {
	msg := "expected " + e.Expected + " at offset " + strconv.FormatInt(e.Offset, 10)
	if e.Member != "" {
		msg += " in member " + e.Member
	}
	return msg + ", found " + e.Found
}

// fail records err unless an error came first.
func (d *Decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// syntax reports the byte at d.off as unexpected where context says.
func (d *Decoder) syntax(context string) {
	d.syntaxAt(d.off, context)
}

// syntaxAt reports the byte at i (or the end of the input) as unexpected.
// It returns zero values for the callers that return right after.
func (d *Decoder) syntaxAt(i int, context string) ([]byte, bool) {
	at := " at offset " + strconv.Itoa(i)
	if i >= len(d.data) {
		d.fail(&SyntaxError{Offset: int64(i), msg: "unexpected end of JSON input" + at})
	} else {
		d.fail(&SyntaxError{Offset: int64(i), msg: "invalid character " + quoteByte(d.data[i]) + at + " " + context})
	}
	return nil, false
}

// typeError reports the valid value at start as of the wrong kind.
func (d *Decoder) typeError(start int, want, found string) {
	d.fail(&TypeError{Offset: int64(start), Expected: want, Found: found, Member: d.memberName()})
}

// mismatch reports the value at d.off as of the wrong kind for a reader
// that wants want, after reading it whole: a syntax error in it, which
// encoding/json would report instead, comes first.
func (d *Decoder) mismatch(want string) {
	start := d.off
	d.skip()
	if d.err == nil {
		d.typeError(start, want, kind(d.data[start]))
	}
}

// misuse reports a decode function that broke the Decoder's rules.
func (d *Decoder) misuse(what string) {
	d.fail(errors.New("wire: decoder misused: " + what))
}

// kind names the kind of the valid value that starts with c.
func kind(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// quoteByte quotes c for a message, escaped if it is not printable ASCII.
func quoteByte(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.QuoteToASCII(string([]byte{c}))
	return "'" + q[1:len(q)-1] + "'"
}

// memberName quotes the name of the member being read for a message, cut
// to 20 bytes: names are the answer's own and should not fill a log.
func (d *Decoder) memberName() string {
	if d.member == 0 {
		return ""
	}
	r := Decoder{data: d.data, off: d.member - 1}
	k := r.name()
	if len(k) > 20 {
		return strconv.Quote(string(k[:20])) + "…"
	}
	return strconv.Quote(string(k))
}
