package redact

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzString checks that no spelling of the secret survives, wherever it is
// put in whatever text.
func FuzzString(f *testing.F) {
	f.Add("prefix ", " suffix", "CANARY+secret/with=chars", uint8(0))
	f.Add("POST&%2F&Token%3D", "%26", "tok+en/x==", uint8(3))
	f.Add("", "", "a&b\\c%d", uint8(9))
	f.Fuzz(func(t *testing.T, before, after, secret string, form uint8) {
		// A secret made of the placeholder's letters could be spelled anew
		// by the placeholder and its neighbours.
		if len(secret) < minSecret || strings.ContainsAny(secret, Placeholder) {
			return
		}
		spelled := spell(secret, form)
		out := String(before+spelled+after, secret)
		for _, s := range []string{secret, spelled} {
			if strings.Contains(out, s) {
				t.Fatalf("String(%q, %q) = %q: it holds %q", before+spelled+after, secret, out, s)
			}
		}
	})
}

// spell writes secret in one of the spellings, chosen by form.
func spell(secret string, form uint8) string {
	var b strings.Builder
	for i := 0; i < len(secret); i++ {
		c := secret[i]
		kind := (int(form) + i) % 7
		if c >= 0x80 && kind >= 3 && kind <= 5 {
			kind = 0 // HTML references and \u escapes are read for ASCII only
		}
		switch kind {
		case 0:
			b.WriteByte(c)
		case 1:
			fmt.Fprintf(&b, "%%%02X", c)
		case 2:
			fmt.Fprintf(&b, "%%25%02x", c)
		case 3:
			fmt.Fprintf(&b, "&#%d;", c)
		case 4:
			fmt.Fprintf(&b, "&#x%03X;", c)
		case 5:
			fmt.Fprintf(&b, `\u%04x`, c)
		case 6:
			fmt.Fprintf(&b, "%%2525%02X", c)
		}
	}
	return b.String()
}
