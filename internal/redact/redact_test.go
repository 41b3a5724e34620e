package redact

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const canary = "CANARY+secret/with=chars"

func TestStringRedactsByName(t *testing.T) {
	in := "https://h/?AccessKeyId=LTAI&Action=X&Signature=abc%2B%3D&SecurityToken=tok&Token=t2&BearerToken=bt"
	out := String(in)
	assert.Equal(t, "https://h/?AccessKeyId=LTAI&Action=X&Signature=REDACTED&SecurityToken=REDACTED&Token=REDACTED&BearerToken=REDACTED", out)

	js := `{"Token":"abc","Name":"keep","SecretKey" : "s\"k","AccessKeySecret":"x"}`
	assert.Equal(t, `{"Token":"REDACTED","Name":"keep","SecretKey" : "REDACTED","AccessKeySecret":"REDACTED"}`, String(js))
}

func TestStringRedactsByValueInEverySpelling(t *testing.T) {
	for _, spelling := range []string{canary, url.QueryEscape(canary), url.PathEscape(canary), "CANARY%2Bsecret%2Fwith%3Dchars"} {
		out := String("echo: "+spelling+" end", canary)
		assert.NotContains(t, out, spelling)
		assert.Equal(t, "echo: REDACTED end", out)
	}
	assert.Equal(t, "abc", Values("abc", "", "ab"[:1]), "empty and very short values are left alone")
}

func TestURL(t *testing.T) {
	u, _ := url.Parse("http://127.0.0.1/?Signature=" + url.QueryEscape(canary) + "&Action=List")
	assert.Equal(t, "http://127.0.0.1/?Signature=REDACTED&Action=List", URL(u, canary))
	assert.Equal(t, "", URL(nil))
}

func TestSnippet(t *testing.T) {
	body := []byte(`{"Message":"` + canary + `"}` + strings.Repeat("未", 200))
	s := Snippet(body, 256, canary)
	assert.LessOrEqual(t, len(s), 256)
	assert.True(t, utf8.ValidString(s), "cut on a rune boundary")
	assert.NotContains(t, s, canary)
	assert.True(t, strings.HasPrefix(s, `{"Message":"REDACTED"}未`))
	assert.Equal(t, "short", Snippet([]byte("short"), 256))
}

func TestIsSensitive(t *testing.T) {
	for _, n := range []string{"Signature", "SecurityToken", "BearerToken", "AccessKeySecret", "Token", "SecretKey", "X-TC-Token", "x-acs-security-token", "Authorization", "Password"} {
		assert.True(t, IsSensitive(n), n)
	}
	for _, n := range []string{"AccessKeyId", "Action", "InstanceId", "SignatureNonce"} {
		assert.False(t, IsSensitive(n), n)
	}
}

func TestError(t *testing.T) {
	cause := errors.New(`"` + canary + `" is not an integer`)
	err := Error(cause, canary)
	assert.Equal(t, `"REDACTED" is not an integer`, err.Error())
	assert.ErrorIs(t, err, cause)
	assert.NoError(t, Error(nil))
}

// spellings of canary ("CANARY+secret/with=chars"), one of each kind
// String must see through.
var canarySpellings = map[string]string{
	"raw":                     canary,
	"query-escaped":           url.QueryEscape(canary),
	"path-escaped":            url.PathEscape(canary),
	"percent upper":           "CANARY%2Bsecret%2Fwith%3Dchars",
	"percent lower":           "CANARY%2bsecret%2fwith%3dchars",
	"percent mixed case":      "CANARY%2bsecret%2Fwith%3dchars",
	"percent twice":           "CANARY%252Bsecret%252Fwith%253Dchars",
	"percent twice lower":     "CANARY%252bsecret%252fwith%253dchars",
	"percent three times":     "CANARY%25252Bsecret%25252Fwith%25253Dchars",
	"every byte encoded":      "%43%41%4E%41%52%59%2B%73%65%63%72%65%74%2F%77%69%74%68%3D%63%68%61%72%73",
	"html decimal":            "CANARY&#43;secret&#47;with&#61;chars",
	"html decimal zeros":      "CANARY&#0043;secret&#047;with&#00061;chars",
	"html hex":                "CANARY&#x2B;secret&#x2F;with&#x3D;chars",
	"html hex lower":          "CANARY&#x2b;secret&#X2f;with&#x03d;chars",
	"html named":              "CANARY&plus;secret&sol;with&equals;chars",
	"html escaped twice":      "CANARY&amp;#43;secret&amp;#x2F;with&amp;amp;#61;chars",
	"json slash":              `CANARY+secret\/with=chars`,
	"json unicode":            `CANARY\u002bsecret\u002Fwith\u003dchars`,
	"json in json":            `CANARY\\u002bsecret\\\/with\\u003Dchars`,
	"mixed in one":            "CANARY%2bsecret&#x2F;with\\u003dchars",
	"url-encoded html-quoted": "CANARY%2Bsecret%2Fwith&#61;chars",
}

func TestStringRedactsEverySpelling(t *testing.T) {
	for name, spelling := range canarySpellings {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, "echo: "+Placeholder+" end", String("echo: "+spelling+" end", canary))
			assert.Equal(t, Placeholder, Values(spelling, canary))
			assert.Equal(t, "x"+Placeholder+"y"+Placeholder, String("x"+spelling+"y"+spelling, canary), "every occurrence")
		})
	}
	// and nothing that is not the secret:
	for _, s := range []string{
		"CANARY+secret/with=char", // one byte short
		"CANARY%2Bsecret%2Fwith%3Dchar",
		"CANARY%2Csecret%2Fwith%3Dchars", // %2C is ','
		"CANARY&#44;secret/with=chars",
		"CANARY&#x2B secret/with=chars", // no ';'
		"canary+secret/with=chars",      // a secret is case-sensitive
		"100% of &amp; \\ %zz &#; &#x; \\u12",
	} {
		s += " end" // a secret cut short by the end of the text is redacted
		assert.Equal(t, s, String(s, canary), s)
	}
}

func TestStringSpaceAsPlus(t *testing.T) {
	assert.Equal(t, "q="+Placeholder, Values("q=two+words+here", "two words here"))
	assert.Equal(t, "q="+Placeholder, Values("q=two%20words%2bhere", "two words+here"))
	assert.Equal(t, "q="+Placeholder, Values("q=two%2Bwords", "two words"), "form-encoded, then percent-encoded")
}

// Alibaba's answer to a bad signature quotes the string it signed, in
// which each value is percent-encoded twice; the string stays readable.
func TestStringToSign(t *testing.T) {
	const token = "CAIS+sts/token=="
	sts := "POST&%2F&AccessKeyId%3DSTS.id%26Action%3DListInstances%26SecurityToken%3DCAIS%252Bsts%252Ftoken%253D%253D%26SignatureMethod%3DHMAC-SHA1"
	want := "POST&%2F&AccessKeyId%3DSTS.id%26Action%3DListInstances%26SecurityToken%3D" + Placeholder + "%26SignatureMethod%3DHMAC-SHA1"
	msg := "Specified signature is not matched with our calculation. server string to sign is:"
	assert.Equal(t, msg+want, String(msg+sts, token), "by value")
	assert.Equal(t, msg+want, String(msg+sts), "by name, the secret unknown")
	lower := strings.ReplaceAll(strings.ReplaceAll(sts, "%252B", "%252b"), "%3D", "%3d")
	assert.Equal(t, msg+strings.ReplaceAll(want, "%3D", "%3d"), String(msg+lower))
}

func TestStringRedactsByNameInEverySpelling(t *testing.T) {
	for in, want := range map[string]string{
		"a=1&Signature=abc%2Bdef&b=2":                  "a=1&Signature=REDACTED&b=2",
		"a%3D1%26SecurityToken%3Dabc%252Bdef%26b%3D2":  "a%3D1%26SecurityToken%3DREDACTED%26b%3D2",
		"a%253D1%2526Token%253Dabc%25252B%2526b":       "a%253D1%2526Token%253DREDACTED%2526b",
		"?a=1&amp;BearerToken=abc&#43;def&amp;b=2":     "?a=1&amp;BearerToken=REDACTED&amp;b=2",
		`{"url":"?x=1\u0026Token=abc\u002bd\u0026y"}`:  `{"url":"?x=1\u0026Token=REDACTED\u0026y"}`,
		"token&#61;abc def":                            "token&#61;REDACTED def",
		`{"Msg":"{\"SecretKey\":\"s3cr3t\",\"n\":1}"}`: `{"Msg":"{\"SecretKey\":\"REDACTED\",\"n\":1}"}`,
		"NextToken=abc&SignatureNonce=n":               "NextToken=abc&SignatureNonce=n",
		"x%2BToken=abc":                                "x%2BToken=REDACTED",
		"AccessKeyId=LTAI&Action=X":                    "AccessKeyId=LTAI&Action=X",
	} {
		assert.Equal(t, want, String(in), in)
	}
}

func TestSnippetRedactsEverySpellingBeforeCutting(t *testing.T) {
	for name, spelling := range canarySpellings {
		body := []byte(strings.Repeat("x", 250) + spelling + strings.Repeat("y", 100))
		s := Snippet(body, 256, canary)
		assert.Equal(t, strings.Repeat("x", 250)+Placeholder[:6], s, name)
	}
}

func TestErrorRedactsTheWholeChain(t *testing.T) {
	sentinel := errors.New("sentinel")
	quoted := fmt.Errorf("%q is not an integer: %w", "CANARY%2bsecret%2fwith%3dchars", sentinel)
	err := Error(fmt.Errorf("decode: %w", quoted), canary)

	assert.Equal(t, `decode: "REDACTED" is not an integer: sentinel`, err.Error())
	assert.ErrorIs(t, err, sentinel, "errors.Is reaches the originals")
	assert.ErrorIs(t, err, quoted)
	n := 0
	for e := err; e != nil; e = errors.Unwrap(e) {
		n++
		for _, text := range []string{e.Error(), fmt.Sprintf("%v %+v %#v %s %q", e, e, e, e, e)} {
			assert.NotContains(t, text, "CANARY")
		}
	}
	assert.Equal(t, 3, n, "decode → quoted → sentinel")
	var target *strconv.NumError
	assert.False(t, errors.As(err, &target))

	joined := Error(errors.Join(quoted, context.Canceled), canary)
	assert.ErrorIs(t, joined, context.Canceled)
	assert.ErrorIs(t, joined, sentinel)
	multi, ok := joined.(interface{ Unwrap() []error })
	require.True(t, ok, "a joined error unwraps to several")
	assert.NotContains(t, fmt.Sprintf("%v %#v", joined, multi.Unwrap()), "CANARY")
}

func TestErrorKeepsAnErrorWithoutSecrets(t *testing.T) {
	cause := &strconv.NumError{Func: "ParseInt", Num: "12x", Err: strconv.ErrSyntax}
	err := fmt.Errorf("decode: %w", cause)
	assert.Same(t, err, Error(err, canary))
}

// A text that ends inside a secret or a sensitive value, as a body cut short
// does, shows no start of it.
func TestStringRedactsASecretCutShort(t *testing.T) {
	for name, spelling := range canarySpellings {
		for _, cut := range []int{len(spelling) - 1, len(spelling) - 2, len(spelling) * 2 / 3} {
			in := "echo: " + spelling[:cut]
			assert.Equal(t, "echo: "+Placeholder, String(in, canary), "%s cut to %q", name, in)
		}
	}
	assert.Equal(t, `{"Token":"`+Placeholder, String(`{"Token":"abc+def`))
	assert.Equal(t, `{"Msg":"{\"Token\":\"`+Placeholder, String(`{"Msg":"{\"Token\":\"abc+d`))
	assert.Equal(t, "echo: CAN", String("echo: CAN", canary), "fewer than 4 bytes of it are left alone")
}

func TestSnippetOfALargeBody(t *testing.T) {
	// The snippet reads a window of the body; secrets at its start still
	// shrink to the placeholder, and one across the window's end is cut.
	var b strings.Builder
	for b.Len() < snippetWindow*256 {
		b.WriteString(canarySpellings["percent three times"] + " ")
	}
	b.WriteString(strings.Repeat("z", 1<<20))
	s := Snippet([]byte(b.String()), 256, canary)
	assert.NotContains(t, s, "CANARY")
	assert.Len(t, s, 256)
	assert.True(t, strings.HasPrefix(s, Placeholder+" "+Placeholder+" "))
}
