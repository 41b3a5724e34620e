package redact

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
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
	for _, n := range []string{"Signature", "SecurityToken", "BearerToken", "AccessKeySecret", "Token", "SecretKey", "X-TC-Token", "x-acs-security-token", "Authorization"} {
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
