package wire

// Map decodes the next value, an object, into m as encoding/json decodes
// into a map[string]T field: null gives nil, {} a non-nil empty map, an
// existing map is added to, and each member's value is decoded by elem
// into a zero T stored under the member's name. elem must read exactly one
// value. Any other kind is a type error, returning m. Entries count
// against the answer's element budget, as list elements do.
func Map[T any](d *Decoder, m map[string]T, elem func(*Decoder, *T)) map[string]T {
	if d.Null() {
		d.Skip()
		return nil
	}
	members := d.Object()
	if members.d == nil {
		return m
	}
	if m == nil {
		m = map[string]T{}
	}
	size := sizeOf[T]()
	for i := 0; members.Next() && d.admit(i, -1, size); i++ {
		var v T
		elem(d, &v)
		m[string(members.Key())] = v
	}
	return m
}
