//go:build race

package reliability

// raceEnabled scales the load test down under the race detector, which
// makes every call several times slower: CI runs the load test under
// -race, and it must stay well under two minutes there.
const raceEnabled = true
