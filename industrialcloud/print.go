package industrialcloud

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
)

// redacted replaces a secret wherever options are printed.
const redacted = "REDACTED"

// String returns the options on one line with Token and SecretKey replaced
// by REDACTED, and the TokenProvider, HTTPClient and Logger shown by type.
func (o Options) String() string { return o.render(false) }

// GoString is String in Go syntax, for %#v.
func (o Options) GoString() string { return "industrialcloud.Options" + o.render(true) }

// Format prints the redacted form for every verb, so no verb (%v, %+v, %#v,
// %s, %q, %x, %d) can reach the secrets.
func (o Options) Format(f fmt.State, verb rune) { format(f, verb, o.String(), o.GoString()) }

// LogValue makes slog print the redacted form.
func (o Options) LogValue() slog.Value { return slog.StringValue(o.String()) }

func (o Options) render(goSyntax bool) string {
	str := func(s string) string {
		if goSyntax {
			return strconv.Quote(s)
		}
		return s
	}
	secret := func(s string) string {
		if s == "" {
			return str("")
		}
		return str(redacted)
	}
	typ := func(v any) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprintf("%T", v)
	}
	logger := "nil"
	if o.Logger != nil {
		logger = "*slog.Logger"
	}
	sep := " "
	if goSyntax {
		sep = ", "
	}
	fields := []string{
		"Domain:" + str(o.Domain),
		"Endpoint:" + str(o.Endpoint),
		"Token:" + secret(o.Token),
		"TokenProvider:" + typ(o.TokenProvider),
		"SecretID:" + str(o.SecretID),
		"SecretKey:" + secret(o.SecretKey),
		"Region:" + str(o.Region),
		"HTTPClient:" + typ(o.HTTPClient),
		fmt.Sprintf("Retry:{MaxAttempts:%d BaseDelay:%v MaxDelay:%v BudgetTokens:%d}", o.Retry.MaxAttempts, o.Retry.BaseDelay, o.Retry.MaxDelay, o.Retry.BudgetTokens),
		"Timeout:" + o.Timeout.String(),
		"Logger:" + logger,
		"Observer:" + typ(o.Observer),
		"UserAgent:" + str(o.UserAgent),
		"HostLabel:" + str(o.HostLabel),
		"Service:" + str(o.Service),
		"APIVersion:" + str(o.APIVersion),
		"Module:" + str(o.Module),
		fmt.Sprintf("Headers:{Action:%s Version:%s Timestamp:%s Region:%s Token:%s}", str(o.Headers.Action),
			str(o.Headers.Version), str(o.Headers.Timestamp), str(o.Headers.Region), str(o.Headers.Token)),
	}
	return "{" + strings.Join(fields, sep) + "}"
}

// String describes the client by its options, secrets redacted. The
// printing methods have value receivers so that a Client value, not only a
// *Client, prints redacted.
func (c Client) String() string {
	if c.opts == nil {
		return "industrialcloud.Client{}"
	}
	return "industrialcloud.Client" + c.opts.String()
}

// GoString is String in Go syntax, for %#v.
func (c Client) GoString() string {
	if c.opts == nil {
		return "industrialcloud.Client{}"
	}
	return "&industrialcloud.Client{opts:" + c.opts.GoString() + "}"
}

// Format prints the redacted form for every verb.
func (c Client) Format(f fmt.State, verb rune) { format(f, verb, c.String(), c.GoString()) }

// LogValue makes slog print the redacted form.
func (c Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// format writes s (gs for %#v) under the caller's verb and flags.
func format(f fmt.State, verb rune, s, gs string) {
	if verb == 'v' && f.Flag('#') {
		io.WriteString(f, gs)
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), s)
}
