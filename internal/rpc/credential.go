package rpc

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/aliyun/credentials-go/credentials/providers"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// secrets of one resolved credential.
type credential struct {
	id, secret, token, bearer string
}

// isStatic reports whether cred is credentials-go's own fixed AccessKey
// (its provider wrapper around a StaticAKCredentialsProvider), which never
// rotates and so is read once, when the client is prepared. Any other
// Credential, even a wrapper of the caller's that reports the type
// "access_key", is asked on every attempt. The check reads the wrapper's
// unexported field by reflection: should credentials-go rename it, keys
// are only asked more often.
func isStatic(cred credentials.Credential) bool {
	v := reflect.ValueOf(cred)
	if !v.IsValid() || v.Type() != reflect.TypeOf(credentials.FromCredentialsProvider("", nil)) || v.IsNil() {
		return false
	}
	p := v.Elem().FieldByName("provider")
	return p.IsValid() && p.Kind() == reflect.Interface && !p.IsNil() &&
		p.Elem().Type() == reflect.TypeFor[*providers.StaticAKCredentialsProvider]()
}

// resolve returns the credential of one attempt: the fixed AccessKey read
// when the client was prepared, or the provider's answer, asked per attempt so
// rotating STS credentials are picked up between retries.
func (c *Client) resolve() (credential, error) {
	if c.static != nil {
		return *c.static, nil
	}
	if c.Credential == nil {
		return credential{}, &apierror.CredentialsError{Err: errors.New("no credential configured")}
	}
	m, err := ask(c.Credential)
	if err != nil {
		return credential{}, &apierror.CredentialsError{Err: err}
	}
	cr := credential{id: str(m.AccessKeyId), secret: str(m.AccessKeySecret), token: str(m.SecurityToken), bearer: str(m.BearerToken)}
	if cr.bearer == "" && (cr.id == "" || cr.secret == "") {
		return credential{}, &apierror.CredentialsError{Err: errors.New("the provider returned no AccessKey")}
	}
	return cr, nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// ask returns cred's current keys. credentials-go's providers keep their
// caches in plain fields (the default chain writes the provider it last
// used; a RAM-role or ECS-role provider its STS session and expiry), so
// asking one from several goroutines at once is a data race, and at expiry
// every goroutine would call STS for itself. Its credentials are therefore
// asked under a lock: the lock of the credential, not of a client, since
// one credential may serve the clients of several products. A refresh then
// happens once while the other callers wait for it. A Credential of the
// caller's own type is asked without a lock: it must be safe for concurrent
// use, as Options.Credential says.
func ask(cred credentials.Credential) (*credentials.CredentialModel, error) {
	if mu := credentialLock(cred); mu != nil {
		mu.Lock()
		defer mu.Unlock()
	}
	return cred.GetCredential()
}

// credentialLocks serialise the asks of credentials-go credentials. The
// table is shared by every client so that a credential has the same lock
// in all of them; the credential's address picks its lock, and two
// credentials sharing one only wait for each other.
var credentialLocks [64]sync.Mutex

// credentialLock returns the lock of a credentials-go credential, or nil
// for any other type.
func credentialLock(cred credentials.Credential) *sync.Mutex {
	v := reflect.ValueOf(cred)
	if v.Kind() != reflect.Pointer || v.IsNil() || !strings.HasPrefix(v.Type().Elem().PkgPath(), "github.com/aliyun/credentials-go/") {
		return nil
	}
	return &credentialLocks[(v.Pointer()>>4)%uintptr(len(credentialLocks))]
}
