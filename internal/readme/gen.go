// Package readme checks the README against the module: its Go snippets
// compile, its table of operations says what the models say.
package readme

// The README's table of operations and docs/OPERATIONS.md are written from
// the API models; edit a model, then run go generate.
//go:generate go run ../cmd/apidocs ../..
