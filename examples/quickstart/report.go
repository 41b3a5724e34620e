package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// report prints the quickstart's output: a section per product, one line
// per step saying what it proved, and aligned tables.
type report struct{ w io.Writer }

func newReport(w io.Writer) *report { return &report{w: w} }

func (r *report) header(mode string) {
	fmt.Fprintf(r.w, "typedcloud/sdk-go quickstart: %s\n", mode)
}

func (r *report) section(title string) { fmt.Fprintf(r.w, "\n%s\n", title) }

// step reports a step that passed: the operation, what it showed, and the
// request ID to quote to support.
func (r *report) step(op, what, requestID string) {
	line := fmt.Sprintf("  ok    %-22s %s", op, what)
	if requestID != "" {
		line += "  [request " + requestID + "]"
	}
	fmt.Fprintln(r.w, line)
}

// fail reports a step that failed, in one line that says what to check.
func (r *report) fail(product, op string, err error) {
	fmt.Fprintf(r.w, "  FAIL  %-22s %s\n", op, explain(product, op, err))
}

func (r *report) note(format string, args ...any) {
	fmt.Fprintf(r.w, "        "+format+"\n", args...)
}

// table prints rows under headers, aligned by display width (a CJK
// character takes two columns, which text/tabwriter does not know),
// indented under the steps.
func (r *report) table(headers []string, rows [][]string) {
	all := append([][]string{headers}, rows...)
	widths := make([]int, len(headers))
	for _, row := range all {
		for i, cell := range row {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range all {
		var b strings.Builder
		b.WriteString("        ")
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(r.w, b.String())
	}
}

// displayWidth counts the terminal columns s takes: two for East Asian
// wide characters, one for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul),
			r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60:
			n += 2
		default:
			n++
		}
	}
	return n
}

func (r *report) footer(ok, fake, write bool) {
	fmt.Fprintln(r.w)
	switch {
	case !ok:
		fmt.Fprintln(r.w, "Some steps failed; each FAIL line says what to check.")
	case fake:
		fmt.Fprint(r.w, "All steps passed against the embedded fakes (outboundbottest, ccctest, industrialcloudtest),\n"+
			"which check signatures, timestamps and nonces like the real services.\n\n"+
			"To run against the real cloud, configure credentials and run again:\n"+
			"  export ALIBABA_CLOUD_ACCESS_KEY_ID=... ALIBABA_CLOUD_ACCESS_KEY_SECRET=...\n"+
			"  export INDUSTRIALCLOUD_DOMAIN=... INDUSTRIALCLOUD_TOKEN=...\n"+
			"  go run ./examples/quickstart          # read-only: list and describe\n"+
			"  go run ./examples/quickstart -write   # also create, modify and delete a demo instance\n"+
			"  go run ./examples/quickstart -write -ccc-admin <RAM user ID>   # and a demo Contact Center instance\n")
	case !write:
		fmt.Fprintln(r.w, "All steps passed (read-only). Add -write to also create, modify and delete a demo Outbound Bot instance,\n"+
			"and -write -ccc-admin <RAM user ID> to create and delete a demo Contact Center instance.")
	default:
		fmt.Fprintln(r.w, "All steps passed.")
	}
}
