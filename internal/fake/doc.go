// Package fake is the engine behind the public fake servers
// (outboundbottest, ccctest, industrialcloudtest). It runs an in-process
// HTTP server that authenticates every request exactly as the real service
// does — signature, timestamp window, nonce reuse, token — answers in the
// protocol's envelopes, injects faults, and records what it received with
// secrets redacted. Products register one Handler per action and keep their
// own state.
package fake
