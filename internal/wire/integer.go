package wire

import (
	"strconv"
	"strings"
)

// parseInteger reads the text of an Int64: a decimal integer, or a decimal
// number with a fraction or exponent whose value is an integer ("4.0",
// "1e3", "9007199254740993.0"). The value is read exactly, never through a
// float64, so it is either the number sent or an error: a fraction ("4.5")
// and a value outside int64 are errors, not rounded or clamped.
func parseInteger(s string) (int64, bool) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	digits, point, ok := decimal(s)
	if !ok {
		return 0, false
	}
	n := len(digits)
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return 0, true // every digit zero, whatever the exponent
	}
	// The value is digits × 10^exp.
	exp := point - (n - len(digits)) - len(digits)
	for exp < 0 && digits[len(digits)-1] == '0' {
		digits, exp = digits[:len(digits)-1], exp+1
	}
	// A fraction is left, or more digits than any int64 has.
	if exp < 0 || len(digits)+exp > 19 {
		return 0, false
	}
	v, err := strconv.ParseInt(sign+digits+strings.Repeat("0", exp), 10, 64)
	return v, err == nil
}

// decimal splits a decimal number without sign, digits[.digits][e±digits],
// into its digits and the place of its decimal point among them: after the
// first point digits (point may be negative, or past the last digit, by
// the exponent). ok is false for anything else.
func decimal(s string) (digits string, point int, ok bool) {
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	whole, frac, _ := strings.Cut(mant, ".")
	if whole == "" && frac == "" || !allDigits(whole) || !allDigits(frac) {
		return "", 0, false
	}
	point = len(whole)
	if hasExp {
		e, ok := exponent(exp)
		if !ok {
			return "", 0, false
		}
		point += e
	}
	return whole + frac, point, true
}

// exponent reads a signed decimal exponent. One past a million means the
// same as a million here (no int64 has that many digits), so larger ones
// are cut to it.
func exponent(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" || !allDigits(s) {
		return 0, false
	}
	e := 0
	for _, c := range s {
		if e = e*10 + int(c-'0'); e > 1e6 {
			e = 1e6
			break
		}
	}
	if neg {
		e = -e
	}
	return e, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
