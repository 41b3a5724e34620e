// Package bench measures what one call costs with this SDK, side by side
// with the official peer SDKs and with the floor, a minimal hand-written
// net/http client doing the same signed request and decode. See README.md
// in this folder and RESULTS.md for the latest figures; run.sh runs
// everything.
package bench
