// Package rpc speaks the Alibaba Cloud RPC protocol shared by Outbound Bot
// and Contact Center: it encodes a typed request into parameters, adds the
// common parameters (fresh nonce and timestamp for every attempt), signs
// with RPC HMAC-SHA1 or ACS3-HMAC-SHA256, and reads the product envelope and
// the gateway error envelope into typed results and errors.
//
// Every call goes POST with the parameters in the URL query and an empty
// body, as the official SDKs send these operations (operations.md §1). The
// query on the wire is the RFC 3986 canonical query that was signed.
package rpc
