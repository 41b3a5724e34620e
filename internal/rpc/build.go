package rpc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/typedcloud/sdk-go/signer"
)

// timestampLayout is the documented RPC Timestamp: UTC, seconds, literal Z.
const timestampLayout = "2006-01-02T15:04:05Z"

// build makes one freshly signed request of call, and returns the
// credential and signature it carries.
func (c *Client) build(ctx context.Context, call *Call) (*http.Request, credential, string, error) {
	cr, err := c.resolve(ctx)
	if err != nil {
		return nil, cr, "", err
	}
	now, nonce := c.stamp()
	var r *http.Request
	var sig string
	switch c.SignatureVersion {
	case signer.RPCV1:
		r, sig, err = c.buildV1(ctx, call, cr, now, nonce)
	case signer.ACS3:
		r, sig, err = c.buildACS3(ctx, call, cr, now, nonce)
	default:
		err = fmt.Errorf("unsupported signature version %v", c.SignatureVersion)
	}
	return r, cr, sig, err
}

// commonParams is how many parameters buildV1 adds at most; the slice it
// signs has room for them and eight of the operation's.
const commonParams = 11

// params appends the operation parameters of call to query: for a GET,
// all of them, since a GET has no body. It returns the HTTP method.
func (c *Client) params(call *Call, query []signer.Param) (wireParams, string, error) {
	e, err := encodeParams(wireParams{query: query}, c.plans, call.Request)
	if err != nil {
		return e, "", err
	}
	method := http.MethodPost
	if call.Method == http.MethodGet {
		method = http.MethodGet
		e.query, e.body = append(e.query, e.body...), nil
	} else if call.Method != "" && call.Method != http.MethodPost {
		return e, "", fmt.Errorf("unsupported HTTP method %q: RPC calls are GET or POST", call.Method)
	}
	return e, method, nil
}

// buildV1 signs with RPC HMAC-SHA1: every parameter, the query's and the
// body's, in one sorted canonical string, as the v1 SDK signs them; the
// common ones and the signature go in the query. The query on the wire is
// the canonical query of its parameters.
func (c *Client) buildV1(ctx context.Context, call *Call, cr credential, now, nonce string) (*http.Request, string, error) {
	e, method, err := c.params(call, make([]signer.Param, 0, 8+commonParams))
	if err != nil {
		return nil, "", err
	}
	region := c.Region != "" && !has(e.query, "RegionId") && !has(e.body, "RegionId")
	e.query = append(e.query,
		signer.Param{Key: "Action", Value: call.Action},
		signer.Param{Key: "Version", Value: c.Version},
		signer.Param{Key: "Format", Value: "JSON"},
		signer.Param{Key: "SignatureMethod", Value: "HMAC-SHA1"},
		signer.Param{Key: "SignatureVersion", Value: "1.0"},
		signer.Param{Key: "SignatureNonce", Value: nonce},
		signer.Param{Key: "Timestamp", Value: now},
	)
	if region {
		e.query = append(e.query, signer.Param{Key: "RegionId", Value: c.Region})
	}
	secret := cr.secret
	if cr.bearer != "" {
		// Bearer-token auth: the token replaces the AccessKey; the signature
		// is still computed, over an empty secret.
		e.query = append(e.query, signer.Param{Key: "BearerToken", Value: cr.bearer}, signer.Param{Key: "SignatureType", Value: "BEARERTOKEN"})
		secret = ""
	} else {
		e.query = append(e.query, signer.Param{Key: "AccessKeyId", Value: cr.id})
		if cr.token != "" {
			e.query = append(e.query, signer.Param{Key: "SecurityToken", Value: cr.token})
		}
	}
	signed := e.query
	if len(e.body) > 0 {
		signed = append(slices.Clip(e.query), e.body...) // a copy: the query is sent apart
	}
	res, err := signer.SignRPC(method, signed, secret)
	if err != nil {
		return nil, "", fmt.Errorf("%w: set Options.SignatureVersion to signer.ACS3", err)
	}
	if len(e.body) == 0 {
		r := c.newRequest(ctx, method, signedQuery(res.CanonicalQuery, res.Signature), c.header(method == http.MethodPost), "")
		return r, res.Signature, nil
	}
	query := signedQuery(signer.RPCCanonicalQuery(e.query), res.Signature)
	return c.newRequest(ctx, method, query, c.header(true), formBody(e.body)), res.Signature, nil
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

// formBody is the form body of params as both official SDKs write it
// (url.Values.Encode): sorted by key, keys and values escaped by
// url.QueryEscape, so a space is '+'. The services decode the form before
// they verify a V1 signature; ACS3 signs these exact bytes.
func formBody(params []signer.Param) string {
	sorted := slices.Clone(params)
	slices.SortStableFunc(sorted, func(a, b signer.Param) int { return strings.Compare(a.Key, b.Key) })
	var b strings.Builder
	for i, p := range sorted {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(p.Key))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(p.Value))
	}
	return b.String()
}

// newRequest returns a request to the client's endpoint with rawQuery, h
// and body ("" for none), built directly: http.NewRequestWithContext would
// format and parse the URL again and Header.Set allocate each value anew.
func (c *Client) newRequest(ctx context.Context, method, rawQuery string, h http.Header, body string) *http.Request {
	u := new(url.URL)
	*u = *c.Endpoint
	u.RawQuery = rawQuery
	r := &http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
		Host:       u.Host,
	}
	if body != "" {
		r.ContentLength = int64(len(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(body)), nil }
		r.Body, _ = r.GetBody()
	}
	return r.WithContext(ctx)
}

// buildACS3 signs with ACS3-HMAC-SHA256: the operation's query parameters
// in the canonical query, its body parameters in a form body signed
// through its hash (x-acs-content-sha256) and its content-type, the common
// ones in x-acs-* headers, as the darabonba SDK sends them.
func (c *Client) buildACS3(ctx context.Context, call *Call, cr credential, now, nonce string) (*http.Request, string, error) {
	if cr.bearer != "" {
		return nil, "", errors.New("bearer-token credentials are not supported with ACS3 signing; use signer.RPCV1")
	}
	if err := signer.CheckHMACKeyLen(len(cr.secret)); err != nil {
		return nil, "", err
	}
	e, method, err := c.params(call, nil)
	if err != nil {
		return nil, "", err
	}
	var body string
	hash := signer.EmptyPayloadHash
	if len(e.body) > 0 {
		body = formBody(e.body)
		hash = signer.HashPayload([]byte(body))
	}
	headers := []signer.Param{
		{Key: "host", Value: c.Endpoint.Host},
		{Key: "x-acs-action", Value: call.Action},
		{Key: "x-acs-version", Value: c.Version},
		{Key: "x-acs-date", Value: now},
		{Key: "x-acs-signature-nonce", Value: nonce},
		{Key: "x-acs-content-sha256", Value: hash},
	}
	if cr.token != "" {
		headers = append(headers, signer.Param{Key: "x-acs-security-token", Value: cr.token})
	}
	signed := headers
	if body != "" {
		signed = append(slices.Clip(headers), signer.Param{Key: "content-type", Value: formType})
	}
	res := signer.SignACS3(signer.ACS3Request{Method: method, Query: e.query, Headers: signed, HashedPayload: hash}, cr.id, cr.secret)
	// The Content-Type of a body is the one signed above; host goes in
	// Request.Host.
	h := c.header(body != "")
	for _, p := range headers[1:] {
		h.Set(p.Key, p.Value)
	}
	h.Set("Authorization", res.Authorization)
	return c.newRequest(ctx, method, res.CanonicalQuery, h, body), res.Signature, nil
}

func has(params []signer.Param, key string) bool {
	for _, p := range params {
		if p.Key == key {
			return true
		}
	}
	return false
}
