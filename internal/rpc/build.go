package rpc

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/signer"
)

// timestampLayout is the documented RPC Timestamp: UTC, seconds, literal Z.
const timestampLayout = "2006-01-02T15:04:05Z"

// secrets of one resolved credential.
type credential struct {
	id, secret, token, bearer string
}

// resolve asks the credential provider, per attempt, so rotating STS
// credentials are picked up between retries.
func (c *Client) resolve() (credential, error) {
	if c.Credential == nil {
		return credential{}, &apierror.CredentialsError{Err: errors.New("no credential configured")}
	}
	m, err := c.Credential.GetCredential()
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

// build makes one freshly signed request.
func (c *Client) build(ctx context.Context, action string, params []signer.Param) (*http.Request, []string, error) {
	cr, err := c.resolve()
	if err != nil {
		return nil, nil, err
	}
	now := c.now().UTC().Format(timestampLayout)
	nonce := c.nonce()
	var req *http.Request
	var sig string
	switch c.SignatureVersion {
	case signer.RPCV1:
		req, sig, err = c.buildV1(ctx, action, params, cr, now, nonce)
	case signer.ACS3:
		req, sig, err = c.buildACS3(ctx, action, params, cr, now, nonce)
	default:
		err = fmt.Errorf("unsupported signature version %v", c.SignatureVersion)
	}
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	return req, []string{cr.secret, cr.token, cr.bearer, sig}, nil
}

// buildV1 signs with RPC HMAC-SHA1: every parameter, common ones included,
// in the query; the query on the wire is the canonical query signed.
func (c *Client) buildV1(ctx context.Context, action string, params []signer.Param, cr credential, now, nonce string) (*http.Request, string, error) {
	all := make([]signer.Param, 0, len(params)+11)
	all = append(all, params...)
	all = append(all,
		signer.Param{Key: "Action", Value: action},
		signer.Param{Key: "Version", Value: c.Version},
		signer.Param{Key: "Format", Value: "JSON"},
		signer.Param{Key: "SignatureMethod", Value: "HMAC-SHA1"},
		signer.Param{Key: "SignatureVersion", Value: "1.0"},
		signer.Param{Key: "SignatureNonce", Value: nonce},
		signer.Param{Key: "Timestamp", Value: now},
	)
	if c.Region != "" && !has(params, "RegionId") {
		all = append(all, signer.Param{Key: "RegionId", Value: c.Region})
	}
	secret := cr.secret
	if cr.bearer != "" {
		// Bearer-token auth: the token replaces the AccessKey; the signature
		// is still computed, over an empty secret.
		all = append(all, signer.Param{Key: "BearerToken", Value: cr.bearer}, signer.Param{Key: "SignatureType", Value: "BEARERTOKEN"})
		secret = ""
	} else {
		all = append(all, signer.Param{Key: "AccessKeyId", Value: cr.id})
		if cr.token != "" {
			all = append(all, signer.Param{Key: "SecurityToken", Value: cr.token})
		}
	}
	res := signer.SignRPC(http.MethodPost, all, secret)
	u := *c.Endpoint
	u.RawQuery = res.CanonicalQuery + "&Signature=" + signer.PercentEncode(res.Signature)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req, res.Signature, nil
}

// buildACS3 signs with ACS3-HMAC-SHA256: the operation's parameters in the
// query, the common ones in x-acs-* headers, all signed.
func (c *Client) buildACS3(ctx context.Context, action string, params []signer.Param, cr credential, now, nonce string) (*http.Request, string, error) {
	if cr.bearer != "" {
		return nil, "", errors.New("bearer-token credentials are not supported with ACS3 signing; use signer.RPCV1")
	}
	query := append(make([]signer.Param, 0, len(params)), params...)
	headers := []signer.Param{
		{Key: "host", Value: c.Endpoint.Host},
		{Key: "x-acs-action", Value: action},
		{Key: "x-acs-version", Value: c.Version},
		{Key: "x-acs-date", Value: now},
		{Key: "x-acs-signature-nonce", Value: nonce},
		{Key: "x-acs-content-sha256", Value: signer.EmptyPayloadHash},
	}
	if cr.token != "" {
		headers = append(headers, signer.Param{Key: "x-acs-security-token", Value: cr.token})
	}
	res := signer.SignACS3(signer.ACS3Request{Method: http.MethodPost, Query: query, Headers: headers}, cr.id, cr.secret)
	u := *c.Endpoint
	u.RawQuery = res.CanonicalQuery
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), nil)
	if err != nil {
		return nil, "", err
	}
	for _, h := range headers[1:] { // host goes in req.Host
		req.Header.Set(h.Key, h.Value)
	}
	req.Header.Set("Authorization", res.Authorization)
	return req, res.Signature, nil
}

func has(params []signer.Param, key string) bool {
	for _, p := range params {
		if p.Key == key {
			return true
		}
	}
	return false
}
