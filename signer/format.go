package signer

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
)

// The result types hold credentials: a signature (and so an Authorization
// header) is as good as the secret until the request expires, and the TC3
// derived keys sign any request to their service for a whole day. Their Format, String,
// GoString and LogValue methods print the intermediate strings, which are
// what one compares when debugging, and a placeholder for every secret.
// Code that needs a secret reads the field.

// redacted replaces a secret that is set; an unset one prints as empty so
// the output still tells whether it was computed.
const redacted = "REDACTED"

// field is one struct field as the result formatters print it. A secret
// field's value is already the placeholder, so the real value never
// reaches the formatting code.
type field struct {
	name    string
	value   string
	isBytes bool // a []byte field, which fmt prints differently
}

func plain(name, value string) field { return field{name: name, value: value} }

func secret(name, value string) field {
	if value != "" {
		value = redacted
	}
	return field{name: name, value: value}
}

func secretBytes(name string, value []byte) field {
	f := field{name: name, isBytes: true}
	if len(value) > 0 {
		f.value = redacted
	}
	return f
}

func (r RPCResult) fields() []field {
	return []field{
		plain("CanonicalQuery", r.CanonicalQuery),
		plain("StringToSign", r.StringToSign),
		secret("Signature", r.Signature),
	}
}

func (r ACS3Result) fields() []field {
	return []field{
		plain("CanonicalQuery", r.CanonicalQuery),
		plain("CanonicalHeaders", r.CanonicalHeaders),
		plain("SignedHeaders", r.SignedHeaders),
		plain("HashedPayload", r.HashedPayload),
		plain("CanonicalRequest", r.CanonicalRequest),
		plain("HashedCanonicalRequest", r.HashedCanonicalRequest),
		plain("StringToSign", r.StringToSign),
		secret("Signature", r.Signature),
		secret("Authorization", r.Authorization),
	}
}

func (r TC3Result) fields() []field {
	return []field{
		plain("CanonicalHeaders", r.CanonicalHeaders),
		plain("SignedHeaders", r.SignedHeaders),
		plain("CanonicalRequest", r.CanonicalRequest),
		plain("HashedCanonicalRequest", r.HashedCanonicalRequest),
		plain("Date", r.Date),
		plain("CredentialScope", r.CredentialScope),
		plain("StringToSign", r.StringToSign),
		secretBytes("SecretDate", r.SecretDate),
		secretBytes("SecretService", r.SecretService),
		secretBytes("SecretSigning", r.SecretSigning),
		secret("Signature", r.Signature),
		secret("Authorization", r.Authorization),
	}
}

// Format implements fmt.Formatter. Every verb prints the fields like %v
// would (%+v adds names, %#v uses Go syntax, %q quotes the values, so %+q
// shows every byte of the canonical strings), with Signature replaced by
// a placeholder.
func (r RPCResult) Format(f fmt.State, verb rune) {
	formatFields(f, verb, "signer.RPCResult", r.fields())
}

// String returns the %v form of r, Signature redacted.
func (r RPCResult) String() string { return fmt.Sprint(r) }

// GoString returns the %#v form of r, Signature redacted.
func (r RPCResult) GoString() string { return fmt.Sprintf("%#v", r) }

// LogValue implements slog.LogValuer so that structured logs, JSON ones
// included, get the redacted fields.
func (r RPCResult) LogValue() slog.Value { return logValue(r.fields()) }

// Format implements fmt.Formatter. Every verb prints the fields like %v
// would (%+v adds names, %#v uses Go syntax, %q quotes the values, so %+q
// shows every byte of the canonical strings), with Signature and
// Authorization replaced by placeholders.
func (r ACS3Result) Format(f fmt.State, verb rune) {
	formatFields(f, verb, "signer.ACS3Result", r.fields())
}

// String returns the %v form of r, secrets redacted.
func (r ACS3Result) String() string { return fmt.Sprint(r) }

// GoString returns the %#v form of r, secrets redacted.
func (r ACS3Result) GoString() string { return fmt.Sprintf("%#v", r) }

// LogValue implements slog.LogValuer so that structured logs, JSON ones
// included, get the redacted fields.
func (r ACS3Result) LogValue() slog.Value { return logValue(r.fields()) }

// Format implements fmt.Formatter. Every verb prints the fields like %v
// would (%+v adds names, %#v uses Go syntax, %q quotes the values, so %+q
// shows every byte of the canonical strings), with the derived keys,
// Signature and Authorization replaced by placeholders.
func (r TC3Result) Format(f fmt.State, verb rune) {
	formatFields(f, verb, "signer.TC3Result", r.fields())
}

// String returns the %v form of r, secrets redacted.
func (r TC3Result) String() string { return fmt.Sprint(r) }

// GoString returns the %#v form of r, secrets redacted.
func (r TC3Result) GoString() string { return fmt.Sprintf("%#v", r) }

// LogValue implements slog.LogValuer so that structured logs, JSON ones
// included, get the redacted fields.
func (r TC3Result) LogValue() slog.Value { return logValue(r.fields()) }

// formatFields prints fields the way fmt prints a struct, so that output
// looks familiar: {a b}, {A:a B:b} with '+', T{A:"a", B:"b"} with '#'.
// Other verbs print like %v, except that %q quotes each value.
func formatFields(f fmt.State, verb rune, typeName string, fields []field) {
	goSyntax := verb == 'v' && f.Flag('#')
	names := goSyntax || f.Flag('+')
	quote := goSyntax || verb == 'q'
	sep := " "
	if goSyntax {
		io.WriteString(f, typeName)
		sep = ", "
	}
	io.WriteString(f, "{")
	for i, fl := range fields {
		if i > 0 {
			io.WriteString(f, sep)
		}
		if names {
			io.WriteString(f, fl.name+":")
		}
		io.WriteString(f, fl.text(goSyntax, quote))
	}
	io.WriteString(f, "}")
}

// text renders the field's (already redacted) value.
func (fl field) text(goSyntax, quote bool) string {
	switch {
	case fl.isBytes && goSyntax && fl.value == "":
		return "[]byte(nil)"
	case fl.isBytes && goSyntax:
		return "[]byte(" + strconv.Quote(fl.value) + ")"
	case fl.isBytes && fl.value == "":
		return "[]"
	case quote:
		return strconv.Quote(fl.value)
	}
	return fl.value
}

func logValue(fields []field) slog.Value {
	attrs := make([]slog.Attr, len(fields))
	for i, fl := range fields {
		attrs[i] = slog.String(fl.name, fl.value)
	}
	return slog.GroupValue(attrs...)
}
