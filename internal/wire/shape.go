package wire

import "strconv"

// Reject records that the answer, valid JSON so far, is not its documented
// shape, for the reason err gives (a *MissingError, say): a decode function
// calls it where what the readers accepted cannot be what the answer
// means. d's error becomes a *ShapeError wrapping err, unless an error came
// first.
func (d *Decoder) Reject(err error) {
	d.fail(&ShapeError{Offset: int64(d.off), Err: err})
}

// ShapeError is valid JSON that is not the documented shape of the answer.
type ShapeError struct {
	Offset int64 // where the decoder was when the shape was refused
	Err    error // why
}

// Error says why, and where.
func (e *ShapeError) Error() string {
	return e.Err.Error() + " (at offset " + strconv.FormatInt(e.Offset, 10) + ")"
}

// Unwrap returns the reason.
func (e *ShapeError) Unwrap() error { return e.Err }

// MissingError is an answer without a member its documented shape
// requires: absent, null, or (for text) empty.
type MissingError struct {
	In     string // what lacks it: "the answer", "an instance"
	Member string // its name as sent: "Instance", "InstanceId"
}

// Missing returns the *MissingError of a member the object in lacks.
func Missing(in, member string) error {
	return &MissingError{In: in, Member: member}
}

// Error says what lacks which member.
func (e *MissingError) Error() string {
	return e.In + " has no " + strconv.Quote(e.Member)
}
