// Package redact is the one sanitizer every error, log line, snippet and
// recording goes through before it leaves the SDK. It removes secrets two
// ways: by name (the values of sensitive query parameters, headers and JSON
// fields) and by value (every known secret of the current call), and both
// see through every spelling a service, a gateway or a decoder writes a
// secret in: raw, percent-encoded once or more in either hex case, HTML- or
// JSON-escaped, form-encoded. So a secret echoed somewhere unexpected, such
// as the doubly encoded SecurityToken in the string to sign of an Alibaba
// SignatureDoesNotMatch message, is caught too.
package redact

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Placeholder replaces every secret.
const Placeholder = "REDACTED"

// IsSensitive reports whether a parameter, header or JSON field of this name
// holds a secret.
func IsSensitive(name string) bool {
	for _, n := range sensitiveNames {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

var sensitiveNames = [...]string{"Signature", "SecurityToken", "BearerToken", "AccessKeySecret", "Token", "SecretKey",
	"X-TC-Token", "x-acs-security-token", "x-acs-bearer-token", "Authorization", "Password"}

// String removes every secret from s: the values of sensitive parameters
// (name=value, in any spelling of the '=' and the value) and JSON string
// members, and every spelling of each value in secrets (values shorter than
// 4 bytes are ignored). The text around a secret is kept as it is: an
// Alibaba string to sign stays readable, its SecurityToken%3D followed by
// the Placeholder.
func String(s string, secrets ...string) string {
	spans := appendValues(nil, s, secrets)
	spans = appendQueryValues(spans, s)
	spans = appendJSONValues(spans, s)
	return replace(s, spans)
}

// minSecret is the shortest value Values replaces: shorter "secrets" are
// test placeholders, and replacing them would mangle ordinary text.
const minSecret = 4

// Values replaces each secret in s, in every spelling: raw, percent-encoded
// once or more in either hex case, as HTML character references, with JSON
// escapes, and with + for a space. It does not look at names.
func Values(s string, secrets ...string) string {
	return replace(s, appendValues(nil, s, secrets))
}

// URL returns u as a string with every secret removed.
func URL(u *url.URL, secrets ...string) string {
	if u == nil {
		return ""
	}
	return String(u.String(), secrets...)
}

// snippetWindow is how many times its limit a snippet reads of a body: the
// redaction of the secrets at its start may shrink it a lot.
const snippetWindow = 16

// Snippet returns at most limit bytes of body, redacted, cut on a rune
// boundary.
func Snippet(body []byte, limit int, secrets ...string) string {
	// Redact before cutting, so a secret straddling the cut is still found;
	// but only a window of the body, which may be megabytes. What straddles
	// the window's end (a secret, a sensitive value) is redacted to its end.
	if window := snippetWindow * max(limit, 1); len(body) > window {
		body = body[:window]
	}
	s := String(string(body), secrets...)
	if len(s) <= limit {
		return s
	}
	s = s[:limit]
	for len(s) > 0 {
		if r, size := utf8.DecodeLastRuneInString(s); r != utf8.RuneError || size > 1 {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}
