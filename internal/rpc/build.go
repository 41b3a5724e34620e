package rpc

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/typedcloud/sdk-go/signer"
)

// timestampLayout is the documented RPC Timestamp: UTC, seconds, literal Z.
const timestampLayout = "2006-01-02T15:04:05Z"

// build makes one freshly signed request, and returns the credential and
// signature it carries.
func (c *Client) build(ctx context.Context, action string, req any) (*http.Request, credential, string, error) {
	cr, err := c.resolve(ctx)
	if err != nil {
		return nil, cr, "", err
	}
	now, nonce := c.stamp()
	var r *http.Request
	var sig string
	switch c.SignatureVersion {
	case signer.RPCV1:
		r, sig, err = c.buildV1(ctx, action, req, cr, now, nonce)
	case signer.ACS3:
		r, sig, err = c.buildACS3(ctx, action, req, cr, now, nonce)
	default:
		err = fmt.Errorf("unsupported signature version %v", c.SignatureVersion)
	}
	return r, cr, sig, err
}

// commonParams is how many parameters buildV1 adds at most; the slice it
// signs has room for them and eight of the operation's.
const commonParams = 11

// buildV1 signs with RPC HMAC-SHA1: every parameter, common ones included,
// in the query; the query on the wire is the canonical query signed.
func (c *Client) buildV1(ctx context.Context, action string, req any, cr credential, now, nonce string) (*http.Request, string, error) {
	all, err := appendParams(make([]signer.Param, 0, 8+commonParams), c.plans, req)
	if err != nil {
		return nil, "", err
	}
	region := c.Region != "" && !has(all, "RegionId")
	all = append(all,
		signer.Param{Key: "Action", Value: action},
		signer.Param{Key: "Version", Value: c.Version},
		signer.Param{Key: "Format", Value: "JSON"},
		signer.Param{Key: "SignatureMethod", Value: "HMAC-SHA1"},
		signer.Param{Key: "SignatureVersion", Value: "1.0"},
		signer.Param{Key: "SignatureNonce", Value: nonce},
		signer.Param{Key: "Timestamp", Value: now},
	)
	if region {
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
	res, err := signer.SignRPC(http.MethodPost, all, secret)
	if err != nil {
		return nil, "", fmt.Errorf("%w: set Options.SignatureVersion to signer.ACS3", err)
	}
	r := c.newRequest(ctx, signedQuery(res.CanonicalQuery, res.Signature), c.header(true))
	return r, res.Signature, nil
}

// signedQuery is the wire query of an RPC request: the canonical query
// followed by the signature, in one allocation.
func signedQuery(canonical, signature string) string {
	var enc [3 * 64]byte // a Base64 HMAC-SHA1 is 28 bytes, at most 84 encoded
	tail := signer.AppendPercentEncode(enc[:0], signature)
	var b strings.Builder
	b.Grow(len(canonical) + len("&Signature=") + len(tail))
	b.WriteString(canonical)
	b.WriteString("&Signature=")
	b.Write(tail)
	return b.String()
}

// newRequest returns a POST to the client's endpoint with rawQuery and h,
// built directly: http.NewRequestWithContext would format and parse the
// URL again and Header.Set allocate each value anew.
func (c *Client) newRequest(ctx context.Context, rawQuery string, h http.Header) *http.Request {
	u := new(url.URL)
	*u = *c.Endpoint
	u.RawQuery = rawQuery
	r := &http.Request{
		Method:     http.MethodPost,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
		Host:       u.Host,
	}
	return r.WithContext(ctx)
}

// buildACS3 signs with ACS3-HMAC-SHA256: the operation's parameters in the
// query, the common ones in x-acs-* headers, all signed.
func (c *Client) buildACS3(ctx context.Context, action string, req any, cr credential, now, nonce string) (*http.Request, string, error) {
	if cr.bearer != "" {
		return nil, "", errors.New("bearer-token credentials are not supported with ACS3 signing; use signer.RPCV1")
	}
	if err := signer.CheckHMACKeyLen(len(cr.secret)); err != nil {
		return nil, "", err
	}
	query, err := appendParams(nil, c.plans, req)
	if err != nil {
		return nil, "", err
	}
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
	h := c.header(false)
	for _, p := range headers[1:] { // host goes in Request.Host
		h.Set(p.Key, p.Value)
	}
	h.Set("Authorization", res.Authorization)
	return c.newRequest(ctx, res.CanonicalQuery, h), res.Signature, nil
}

func has(params []signer.Param, key string) bool {
	for _, p := range params {
		if p.Key == key {
			return true
		}
	}
	return false
}
