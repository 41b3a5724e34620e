package credcache_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/credcache"
)

// counting is a Credential that counts its asks and answers with keys
// numbered after them, or with err.
type counting struct {
	asks    int
	err     error
	expires time.Time // returned by GetExpiringCredential
}

func (c *counting) GetAccessKeyId() (*string, error)     { return nil, errors.New("not called") }
func (c *counting) GetAccessKeySecret() (*string, error) { return nil, errors.New("not called") }
func (c *counting) GetSecurityToken() (*string, error)   { return nil, errors.New("not called") }
func (c *counting) GetBearerToken() *string              { return nil }
func (c *counting) GetType() *string                     { typ := "counting"; return &typ }
func (c *counting) GetCredential() (*credentials.CredentialModel, error) {
	c.asks++
	if c.err != nil {
		return nil, c.err
	}
	id, secret, token := "id", fmt.Sprintf("secret-%d", c.asks), "token"
	return &credentials.CredentialModel{AccessKeyId: &id, AccessKeySecret: &secret, SecurityToken: &token}, nil
}

// expiringCounting is counting with expiry times.
type expiringCounting struct{ counting }

func (c *expiringCounting) GetExpiringCredential() (*credentials.CredentialModel, time.Time, error) {
	m, err := c.GetCredential()
	return m, c.expires, err
}

func TestNewKeepsACache(t *testing.T) {
	c := credcache.New(&counting{})
	assert.Same(t, c, credcache.New(c), "a Cache is not wrapped twice")
	assert.Equal(t, "counting", *c.GetType())
}

func TestAnswersAreTheCallersOwn(t *testing.T) {
	c := credcache.New(&expiringCounting{}) // never expires: one answer kept
	m, err := c.GetCredential()
	require.NoError(t, err)
	*m.AccessKeySecret = "changed by a caller"
	again, err := c.GetCredential()
	require.NoError(t, err)
	assert.Equal(t, "secret-1", *again.AccessKeySecret)
	assert.NotSame(t, m, again)

	for name, get := range map[string]func() (*string, error){
		"AccessKeyId": c.GetAccessKeyId, "AccessKeySecret": c.GetAccessKeySecret, "SecurityToken": c.GetSecurityToken,
	} {
		v, err := get()
		require.NoError(t, err, name)
		assert.Equal(t, map[string]string{"AccessKeyId": "id", "AccessKeySecret": "secret-1", "SecurityToken": "token"}[name], *v, name)
	}
	assert.Empty(t, *c.GetBearerToken())
}

func TestFailuresAreNotKept(t *testing.T) {
	cred := &expiringCounting{counting: counting{err: errors.New("sts: unavailable")}}
	c := credcache.New(cred)
	for range 2 {
		_, err := c.GetCredential()
		assert.EqualError(t, err, "sts: unavailable")
	}
	assert.Equal(t, 2, cred.asks)
	_, err := credcache.New(nil).GetCredential()
	assert.EqualError(t, err, "no credential configured")
	assert.Nil(t, credcache.New(nil).GetBearerToken())
}

func TestExpiredKeysAreAskedAgain(t *testing.T) {
	cred := &expiringCounting{counting: counting{expires: time.Now().Add(credcache.ExpiryWindow / 2)}}
	c := credcache.New(cred)
	for range 2 {
		_, err := c.GetCredential()
		require.NoError(t, err)
	}
	assert.Equal(t, 2, cred.asks, "keys inside the expiry window are not reused")
}

func TestDoneContextStartsNoAsk(t *testing.T) {
	cred := &counting{}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := credcache.New(cred).GetCredentialContext(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, cred.asks)
}
