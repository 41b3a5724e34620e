// Package redact is the one sanitizer every error, log line, snippet and
// recording goes through before it leaves the SDK. It removes secrets two
// ways: by name (the values of sensitive query parameters, headers and JSON
// fields) and by value (every known secret of the current call, in raw,
// percent-encoded and form-encoded spelling), so a secret echoed somewhere
// unexpected is caught too.
package redact

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Placeholder replaces every secret.
const Placeholder = "REDACTED"

// IsSensitive reports whether a parameter, header or JSON field of this name
// holds a secret.
func IsSensitive(name string) bool {
	switch strings.ToLower(name) {
	case "signature", "securitytoken", "bearertoken", "accesskeysecret", "token", "secretkey",
		"x-tc-token", "x-acs-security-token", "x-acs-bearer-token", "authorization":
		return true
	}
	return false
}

// query pairs: key=value up to the next & (or end, or a quote/space that ends
// an embedded URL).
var queryPair = regexp.MustCompile(`([A-Za-z0-9_.\-]+)=([^&\s"']*)`)

// JSON string fields: "Key" : "value".
var jsonField = regexp.MustCompile(`"([A-Za-z0-9_.\-]+)"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// String removes every secret from s: values of sensitive query parameters
// and JSON fields, and every occurrence of each non-empty value in secrets.
func String(s string, secrets ...string) string {
	s = Values(s, secrets...)
	if strings.IndexByte(s, '=') >= 0 {
		s = queryPair.ReplaceAllStringFunc(s, func(m string) string {
			k, _, _ := strings.Cut(m, "=")
			if IsSensitive(k) {
				return k + "=" + Placeholder
			}
			return m
		})
	}
	if strings.IndexByte(s, '"') >= 0 {
		s = jsonField.ReplaceAllStringFunc(s, func(m string) string {
			sub := jsonField.FindStringSubmatch(m)
			if IsSensitive(sub[1]) {
				return `"` + sub[1] + `":"` + Placeholder + `"`
			}
			return m
		})
	}
	return s
}

// minSecret is the shortest value Values replaces: shorter "secrets" are
// test placeholders, and replacing them would mangle ordinary text.
const minSecret = 4

// Values replaces each secret in s, in its raw, RFC 3986 percent-encoded and
// form-encoded spellings.
func Values(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) < minSecret {
			continue
		}
		for _, spelling := range [...]string{sec, url.PathEscape(sec), url.QueryEscape(sec), percentEncode(sec)} {
			s = strings.ReplaceAll(s, spelling, Placeholder)
		}
	}
	return s
}

// URL returns u as a string with every secret removed.
func URL(u *url.URL, secrets ...string) string {
	if u == nil {
		return ""
	}
	return String(u.String(), secrets...)
}

// Snippet returns at most limit bytes of body, redacted, cut on a rune
// boundary.
func Snippet(body []byte, limit int, secrets ...string) string {
	// Redact before cutting, so a secret straddling the cut is still found.
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

const upperhex = "0123456789ABCDEF"

// percentEncode is RFC 3986 encoding, kept local so redact depends on
// nothing of the SDK.
func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperhex[c>>4])
		b.WriteByte(upperhex[c&15])
	}
	return b.String()
}

// Error returns err with every secret removed from its text; errors.Is and
// errors.As still reach err through Unwrap. A nil err stays nil.
func Error(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	return &redactedError{err: err, text: String(err.Error(), secrets...)}
}

type redactedError struct {
	err  error
	text string
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }
