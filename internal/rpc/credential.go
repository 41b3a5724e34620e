package rpc

import (
	"context"
	"errors"

	"github.com/typedcloud/sdk-go/credcache"
	"github.com/typedcloud/sdk-go/internal/apierror"
)

// secrets of one resolved credential.
type credential struct {
	id, secret, token, bearer string
}

// credentials returns the cache c asks its Credential through: the one
// Prepare (or the Base) gave it, or, for a Client that was not prepared, a
// cache of this ask alone.
func (c *Client) credentials() *credcache.Cache {
	if c.creds != nil {
		return c.creds
	}
	return credcache.New(c.Credential)
}

// resolve returns the credential of one attempt. The cache reads a fixed
// AccessKey once and keeps keys that say when they expire until shortly
// before; any other Credential is asked per attempt, so rotating STS
// credentials are picked up between retries. Waiting for an ask ends with
// ctx.
func (c *Client) resolve(ctx context.Context) (credential, error) {
	if c.Credential == nil && c.creds == nil {
		return credential{}, &apierror.CredentialsError{Err: errors.New("no credential configured")}
	}
	m, err := c.credentials().GetCredentialContext(ctx)
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
