package transport

// Tokens returns the tokens left (-1 for a nil budget). Only the tests
// look, so it lives here.
func (b *Budget) Tokens() int {
	if b == nil {
		return -1
	}
	return int(b.tokens.Load())
}
