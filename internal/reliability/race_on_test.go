//go:build race

package reliability

// raceEnabled scales the load test down under the race detector, which
// makes every call several times slower: CI runs go test -race ./...
// without -short, and the load test must stay well under two minutes there.
const raceEnabled = true
