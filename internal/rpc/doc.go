// Package rpc speaks the Alibaba Cloud RPC protocol shared by Outbound Bot
// and Contact Center: it encodes a typed request into parameters, adds the
// common parameters (fresh nonce and timestamp for every attempt), signs
// with RPC HMAC-SHA1 or ACS3-HMAC-SHA256, and reads the product envelope and
// the gateway error envelope into typed results and errors.
//
// A call goes as its Action says, as the official SDKs send it
// (operations.md §1): a GET with every parameter in the URL query and no
// body; a POST with its parameters in the query, except those tagged with
// the "body" option, which go in an application/x-www-form-urlencoded body
// (none: an empty body). The query on the wire is the RFC 3986 canonical
// query that was signed. Signature V1 signs the query's and the body's
// parameters together, in one sorted string; ACS3 signs the query and the
// body's bytes through x-acs-content-sha256.
package rpc
