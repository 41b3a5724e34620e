package fake

import (
	"net/http"
	"strconv"

	"github.com/aliyun/credentials-go/credentials"
)

// Static credentials every Alibaba fake accepts: a plain AccessKey, and an
// STS AccessKey that must come with TestSecurityToken.
const (
	TestAccessKeyID        = "LTAI5tTypedcloudFakeKey"
	TestAccessKeySecret    = "typedcloud-fake-access-key-secret"
	TestSTSAccessKeyID     = "STS.TypedcloudFakeKey"
	TestSTSAccessKeySecret = "typedcloud-fake-sts-secret"
	TestSecurityToken      = "typedcloud-fake-security-token"
)

// TestKeys returns the keys an Alibaba fake accepts.
func TestKeys() map[string]AlibabaKey {
	return map[string]AlibabaKey{
		TestAccessKeyID:    {Secret: TestAccessKeySecret},
		TestSTSAccessKeyID: {Secret: TestSTSAccessKeySecret, SecurityToken: TestSecurityToken},
	}
}

// TestCredential returns a static credentials-go credential for the fake's
// plain AccessKey.
func TestCredential() (credentials.Credential, error) {
	return credentials.NewCredential(new(credentials.Config).
		SetType("access_key").SetAccessKeyId(TestAccessKeyID).SetAccessKeySecret(TestAccessKeySecret))
}

// Args are the RPC parameters of a call, read the way the services
// validate them.
type Args map[string]string

// Require returns a MissingParameter reply naming the first absent
// parameter, or nil.
func (a Args) Require(names ...string) *Reply {
	for _, n := range names {
		if a[n] == "" {
			return errReply(http.StatusBadRequest, "MissingParameter", "You must specify parameter %s.", n)
		}
	}
	return nil
}

// Int reads an integer parameter within [lo, hi], or def when absent.
func (a Args) Int(name string, def, lo, hi int) (int, *Reply) {
	s, ok := a[name]
	if !ok || s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, Invalid(name)
	}
	return n, nil
}

// List reads a repeated parameter: name.1, name.2, … up to the first gap.
func (a Args) List(name string) []string {
	var out []string
	for i := 1; ; i++ {
		v, ok := a[name+"."+strconv.Itoa(i)]
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// Objects reads a repeated object parameter: name.1.Field, … up to the first
// index with none of fields.
func (a Args) Objects(name string, fields ...string) []map[string]string {
	var out []map[string]string
	for i := 1; ; i++ {
		obj := map[string]string{}
		for _, f := range fields {
			if v, ok := a[name+"."+strconv.Itoa(i)+"."+f]; ok {
				obj[f] = v
			}
		}
		if len(obj) == 0 {
			return out
		}
		out = append(out, obj)
	}
}

// Invalid returns the InvalidParameter reply for name.
func Invalid(name string) *Reply {
	return errReply(http.StatusBadRequest, "InvalidParameter", "The specified parameter %s is invalid.", name)
}
