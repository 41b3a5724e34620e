// Package signer computes request signatures for Alibaba Cloud and Tencent
// Cloud APIs.
//
// Every function is pure: it reads its arguments, never the clock, the
// network or a random source, and keeps no state between calls. The caller
// supplies timestamps, nonces and payload hashes, which is what makes each
// signature reproducible in a test. The one setting the signers heed is
// Go's FIPS 140 mode; see below.
//
// # Schemes
//
// Alibaba RPC signature version 1.0 (HMAC-SHA1), [SignRPC], signs the
// request parameters themselves. Every parameter except Signature, from the
// query and a form body alike, is percent-encoded with [PercentEncode]
// (RFC 3986: space is %20, '*' is %2A, '~' stays literal), sorted by encoded
// key in byte order and joined into the canonical query. The string to sign
// is METHOD + "&%2F&" + PercentEncode(canonical query), and the signature is
// the Base64 HMAC-SHA1 of it keyed with the AccessKey secret followed by
// '&'. Note that the sort is byte order, so CallingNumber.10 comes before
// CallingNumber.2.
//
// Alibaba ACS3-HMAC-SHA256 (signature V3), [SignACS3], signs a canonical
// request: method, path, canonical query, the host, content-type and
// x-acs-* headers, and the SHA-256 of the body ([HashPayload]). The string
// to sign is "ACS3-HMAC-SHA256\n" + hex SHA-256 of the canonical request,
// signed with HMAC-SHA256 keyed with the raw secret, and sent as
// "ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<list>,Signature=<hex>".
// [Version] selects between the two Alibaba schemes.
//
// Tencent Cloud TC3-HMAC-SHA256, [SignTC3], builds a similar canonical
// request over the content-type and host headers. Its string to sign adds
// the X-TC-Timestamp value and a credential scope
// "<UTC date>/<service>/tc3_request", and the signing key is derived from
// the secret key through that date, service and "tc3_request". The header
// is "TC3-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<list>,
// Signature=<hex>", with a space after each comma.
//
// # Secrets
//
// Signatures, Authorization values and the TC3 derived keys grant access
// until the request or the day expires. The result types keep them in
// exported fields for the transport, but print them, through fmt and
// log/slog, as REDACTED. Everything else a result prints is safe to log.
//
// # FIPS 140
//
// Every hash and MAC comes from crypto/sha1, crypto/sha256 and
// crypto/hmac, so with GODEBUG=fips140=on or fips140=only they run inside
// Go's FIPS 140 module. ACS3 and TC3 (HMAC-SHA256) work in FIPS 140-only
// mode, where crypto/hmac panics on a key shorter than 112 bits (14 bytes);
// AccessKey secrets and Tencent SecretKeys are longer, and
// [CheckHMACKeyLen] tells a caller before it signs (the SDK's clients
// check every secret with it, so a short one is an error, not a panic).
// Alibaba RPC version
// 1.0 is built on SHA-1, which that mode does not allow: SignRPC and
// RPCSignature sign nothing there and return [ErrFIPS140SHA1], so use ACS3.
//
// # Debugging a signature mismatch
//
// When a server answers SignatureDoesNotMatch (Alibaba) or
// AuthFailure.SignatureFailure (Tencent), do not compare signatures: they
// differ completely for any one-byte difference. Compare the text the
// signature was computed over instead.
//
// An Alibaba SignatureDoesNotMatch message ends with "server string to sign
// is:" followed by the string to sign the server computed. Compare it byte
// for byte with [RPCResult.StringToSign] or [ACS3Result.StringToSign]. For
// ACS3 that string only holds a hash, so when it differs compare
// [ACS3Result.CanonicalRequest] line by line with the request actually on
// the wire. Tencent echoes nothing: compare [TC3Result.CanonicalRequest] and
// [TC3Result.StringToSign] with those of a reference signer given the same
// inputs, then the derived keys in hex. Print a whole result with %+q,
// which shows every byte, newlines included, and is safe to log.
//
// The usual causes:
//
//   - The body or query on the wire is not the one that was signed: a JSON
//     body re-encoded after hashing, a parameter added or changed after
//     signing, or a TC3 GET query rebuilt after signing.
//   - A header differs from the signed one: a Content-Type sent without the
//     "; charset=utf-8" it was signed with, a Host with a port, or an
//     x-acs-* header set after signing.
//   - The clock: a timestamp outside the server's window, or a TC3 scope
//     date taken from local time instead of UTC.
//   - The method: a GET signature is not valid for POST.
//   - The secret: a copy with trailing white space, or the AccessKey ID and
//     secret swapped.
package signer
