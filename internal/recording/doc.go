// Package recording is the engine of the SDK's recorded HTTP exchanges: the
// fixture file format (Exchange, Encode, Load), the normalisation that
// scrubs secrets and marks volatile values (Rules), and the matching of a
// live request against recorded ones (Matcher, MissError).
//
// The public fixture package is a documented layer over it, and the fakes'
// replay mode (internal/fake) and the shared test helpers
// (internal/testutil) use it directly, so that nothing under internal/
// depends on a public package. It imports neither fixture, nor the fakes,
// nor a product package; internal/layering checks that. The file format and
// the matching rules are documented for users in package fixture.
package recording
