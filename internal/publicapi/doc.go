// Package publicapi holds tests of the module's public API as a whole; it
// has no code of its own.
package publicapi
