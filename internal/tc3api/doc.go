// Package tc3api speaks Tencent Cloud API 3.0 as the industrial cloud
// instance console uses it: a JSON POST with X-TC-* headers, an optional
// session token, optional TC3-HMAC-SHA256 signing, and answers wrapped in
// {"Response": {...}} with errors under Response.Error. The legacy
// {"code","message","codeDesc"} error shape is read too.
//
// Header names and the service name are fields of Client, not constants:
// what the instance console expects is only partly documented, and a
// deployment that differs is then a matter of options.
package tc3api
