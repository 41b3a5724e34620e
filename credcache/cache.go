package credcache

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"time"

	"github.com/aliyun/credentials-go/credentials"
)

// ExpiryWindow is how long before its expiry a Cache asks an
// ExpiringCredential for new keys: the margin credentials-go's own role
// providers refresh their STS keys with.
const ExpiryWindow = 3 * time.Minute

// ExpiringCredential is a Credential that knows when the keys it hands out
// expire. A Cache keeps its answer until ExpiryWindow before then.
type ExpiringCredential interface {
	credentials.Credential

	// GetExpiringCredential returns what GetCredential does, and the time
	// its keys expire; the zero time means they never do, and a Cache
	// reads them once.
	GetExpiringCredential() (*credentials.CredentialModel, time.Time, error)
}

// Cache is a Credential that asks the one it wraps from one goroutine at a
// time and keeps the answers known to be good (see the package doc). It is
// safe for concurrent use; the zero value is not usable, make one with New.
type Cache struct {
	cred credentials.Credential
	// wrapped: cred is credentials-go's own provider wrapper, the type
	// NewCredential and FromCredentialsProvider return.
	wrapped bool

	mu     sync.Mutex
	kept   *keys   // the answer being reused, nil if none
	flight *flight // the ask in progress, nil if none
}

// New returns a Cache asking cred, or cred itself if it is a Cache.
func New(cred credentials.Credential) *Cache {
	if c, ok := cred.(*Cache); ok {
		return c
	}
	return &Cache{
		cred:    cred,
		wrapped: cred != nil && reflect.TypeOf(cred) == reflect.TypeOf(credentials.FromCredentialsProvider("", nil)),
	}
}

// keys are the secrets of one answer, and how long they may be reused.
type keys struct {
	model                                credentials.CredentialModel // its pointers point at the fields below
	id, secret, token, bearer, typ, name string
	expires                              time.Time // zero: never
	reusable                             bool
}

// flight is one ask of the wrapped Credential.
type flight struct {
	done chan struct{} // closed when k and err are set
	k    *keys
	err  error
}

// GetCredentialContext returns the wrapped Credential's keys: the answer
// kept, or a new one. It waits for an ask in progress, or starts one,
// until ctx is done, and then returns ctx.Err(). Each call returns a model
// of its own.
func (c *Cache) GetCredentialContext(ctx context.Context) (*credentials.CredentialModel, error) {
	k, err := c.get(ctx)
	if err != nil {
		return nil, err
	}
	return k.copyModel(), nil
}

// GetCredential returns the keys as GetCredentialContext does, without a
// deadline.
func (c *Cache) GetCredential() (*credentials.CredentialModel, error) {
	return c.GetCredentialContext(context.Background())
}

// GetType returns the wrapped Credential's type.
func (c *Cache) GetType() *string {
	if c.cred == nil {
		return nil
	}
	return c.cred.GetType()
}

// GetAccessKeyId returns the AccessKey ID of GetCredential.
//
// Deprecated: use GetCredential, as credentials-go says.
func (c *Cache) GetAccessKeyId() (*string, error) {
	m, err := c.GetCredential()
	if err != nil {
		return nil, err
	}
	return m.AccessKeyId, nil
}

// GetAccessKeySecret returns the AccessKey secret of GetCredential.
//
// Deprecated: use GetCredential, as credentials-go says.
func (c *Cache) GetAccessKeySecret() (*string, error) {
	m, err := c.GetCredential()
	if err != nil {
		return nil, err
	}
	return m.AccessKeySecret, nil
}

// GetSecurityToken returns the STS token of GetCredential.
//
// Deprecated: use GetCredential, as credentials-go says.
func (c *Cache) GetSecurityToken() (*string, error) {
	m, err := c.GetCredential()
	if err != nil {
		return nil, err
	}
	return m.SecurityToken, nil
}

// GetBearerToken returns the bearer token of GetCredential, or nil if it
// fails.
func (c *Cache) GetBearerToken() *string {
	m, err := c.GetCredential()
	if err != nil {
		return nil
	}
	return m.BearerToken
}

// get returns the kept answer if it is still good, or waits for an ask.
func (c *Cache) get(ctx context.Context) (*keys, error) {
	c.mu.Lock()
	if k := c.kept; k != nil && k.good(time.Now()) {
		c.mu.Unlock()
		return k, nil
	}
	f := c.flight
	if f == nil {
		if err := ctx.Err(); err != nil {
			c.mu.Unlock()
			return nil, err // start no ask nobody waits for
		}
		f = &flight{done: make(chan struct{})}
		c.flight = f
		go c.fly(f)
	}
	c.mu.Unlock()
	select {
	case <-f.done:
		return f.k, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fly asks the wrapped Credential once, keeps the answer if it may be
// reused, and hands it to the waiters of f. A panic in the Credential is
// not recovered.
func (c *Cache) fly(f *flight) {
	k, err := c.ask()
	c.mu.Lock()
	if err == nil && k.reusable {
		c.kept = k
	}
	c.flight = nil
	c.mu.Unlock()
	f.k, f.err = k, err
	close(f.done)
}

// ask asks the wrapped Credential, the only place that does.
func (c *Cache) ask() (*keys, error) {
	if c.cred == nil {
		return nil, errors.New("no credential configured")
	}
	var m *credentials.CredentialModel
	var expires time.Time
	var err error
	exp, expiring := c.cred.(ExpiringCredential)
	if expiring {
		m, expires, err = exp.GetExpiringCredential()
	} else {
		m, err = c.cred.GetCredential()
	}
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("the Credential returned no keys")
	}
	k := newKeys(m)
	k.expires = expires
	k.reusable = expiring || c.static(k)
	return k, nil
}

// static reports whether k is an answer of credentials-go's fixed
// AccessKey, which never changes. A Credential of another type may report
// the same type and provider while it rotates keys, so both the wrapper's
// type and the provider's name are checked.
func (c *Cache) static(k *keys) bool {
	return c.wrapped && k.typ == "access_key" && k.name == "static_ak"
}

// good reports whether k may still be used at now.
func (k *keys) good(now time.Time) bool {
	return k.expires.IsZero() || now.Before(k.expires.Add(-ExpiryWindow))
}

func newKeys(m *credentials.CredentialModel) *keys {
	k := &keys{id: str(m.AccessKeyId), secret: str(m.AccessKeySecret), token: str(m.SecurityToken),
		bearer: str(m.BearerToken), typ: str(m.Type), name: str(m.ProviderName)}
	k.model = credentials.CredentialModel{AccessKeyId: &k.id, AccessKeySecret: &k.secret, SecurityToken: &k.token,
		BearerToken: &k.bearer, Type: &k.typ, ProviderName: &k.name}
	return k
}

// copyModel returns a model of the caller's own: writing through its
// pointers changes no other caller's keys.
func (k *keys) copyModel() *credentials.CredentialModel {
	return &newKeys(&k.model).model
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
