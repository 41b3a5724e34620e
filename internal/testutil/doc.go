// Package testutil holds test helpers the product packages share: golden
// request snapshots, the seed-document field check and the pagination
// conformance suite. Only _test.go files import it.
package testutil
