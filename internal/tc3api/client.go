package tc3api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/signer"
)

// Credentials are what one attempt is sent with. Token alone authenticates
// by token; SecretID and SecretKey add a TC3 signature.
type Credentials struct {
	Token     string
	SecretID  string
	SecretKey string
}

// Headers names the headers the protocol uses.
type Headers struct {
	Action, Version, Timestamp, Region, Token string
}

// DefaultHeaders returns Tencent Cloud API 3.0's names.
func DefaultHeaders() Headers {
	return Headers{
		Action:    "X-TC-Action",
		Version:   "X-TC-Version",
		Timestamp: "X-TC-Timestamp",
		Region:    "X-TC-Region",
		Token:     "X-TC-Token",
	}
}

// Client holds what every call of one product client shares.
type Client struct {
	Product  string   // for errors and logs
	Version  string   // X-TC-Version, "2019-12-26"
	Service  string   // the TC3 credential-scope service
	Endpoint *url.URL // where calls go
	Region   string   // X-TC-Region when set
	Headers  Headers  // zero value means DefaultHeaders()
	// Credentials is asked once per attempt.
	Credentials func(ctx context.Context) (Credentials, error)
	// TokenRejected, when set, is told the token the service rejected
	// (AuthFailure.TokenFailure or another AuthFailure.Token* code). If it
	// returns true the call is made once more, with credentials asked anew.
	TokenRejected func(token string) bool
	UserAgent     string
	Codes         apierror.Codes // the product's own codes, before TencentCodes
	Transport     transport.Config
	Now           func() time.Time // nil means time.Now
}

// Call describes one operation.
type Call struct {
	Action     string
	Idempotent bool
	Body       any // marshalled to JSON once; resent byte for byte on retries
	Response   any // the Response object is decoded into it
}

// Invoke runs one call. When the service rejects the token and
// TokenRejected says so, the call is made once more, within the same
// Transport.Timeout.
func (c *Client) Invoke(ctx context.Context, call Call) error {
	body, err := marshal(call.Body)
	if err != nil {
		return &apierror.OperationError{Product: c.Product, Operation: call.Action, Err: err}
	}
	hashed := signer.HashPayload(body)
	var sent string // the token of the latest attempt
	tc := &transport.Call{
		Product:    c.Product,
		Operation:  call.Action,
		Idempotent: call.Idempotent,
		Protocol:   observe.ProtocolTencentAPI3,
		Region:     c.Region,
		Host:       c.Endpoint.Host,
		Exchange: &transport.Funcs{
			BuildFunc: func(ctx context.Context) (*http.Request, []string, error) {
				req, secrets, token, err := c.build(ctx, call.Action, body, hashed)
				sent = token
				return req, secrets, err
			},
			DecodeFunc: func(a *transport.Answer) error {
				return c.decode(call.Action, a, call.Response)
			},
		},
	}
	if c.TokenRejected != nil {
		// A rejected token means nothing was processed, so even a write may
		// go again; once, so a provider that keeps handing out bad tokens
		// cannot loop.
		tc.Again = func(err error) bool { return sent != "" && tokenRejected(err) && c.TokenRejected(sent) }
	}
	return c.Transport.Do(ctx, tc)
}

// tokenRejected reports whether err is the service refusing the token.
func tokenRejected(err error) bool {
	var e *apierror.APIError
	return errors.As(err, &e) && strings.HasPrefix(e.Code, "AuthFailure.Token")
}

// marshal encodes the body without HTML escaping: the bytes are hashed and
// sent as they are, and readable JSON is easier to debug.
func marshal(v any) ([]byte, error) {
	if v == nil {
		return []byte("{}"), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

const contentType = "application/json"

// build makes one freshly stamped (and, with a secret, signed) request,
// returning the token it carries.
func (c *Client) build(ctx context.Context, action string, body []byte, hashed string) (*http.Request, []string, string, error) {
	var cred Credentials
	if c.Credentials != nil {
		var err error
		if cred, err = c.Credentials(ctx); err != nil {
			return nil, nil, "", &apierror.CredentialsError{Err: err}
		}
	}
	if cred.Token == "" && cred.SecretKey == "" {
		return nil, nil, "", &apierror.CredentialsError{Err: errors.New("no token and no secret key configured")}
	}
	h := c.Headers
	if h == (Headers{}) {
		h = DefaultHeaders()
	}
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	ts := now().Unix()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint.String(), io.NopCloser(bytes.NewReader(body)))
	if err != nil {
		return nil, nil, "", err
	}
	req.ContentLength = int64(len(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", "application/json")
	req.Header.Set(h.Action, action)
	req.Header.Set(h.Version, c.Version)
	req.Header.Set(h.Timestamp, strconv.FormatInt(ts, 10))
	if c.Region != "" {
		req.Header.Set(h.Region, c.Region)
	}
	if cred.Token != "" {
		req.Header.Set(h.Token, cred.Token)
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	var sig string
	if cred.SecretID != "" && cred.SecretKey != "" {
		if err := signer.CheckHMACKeyLen(len("TC3") + len(cred.SecretKey)); err != nil {
			return nil, nil, "", err
		}
		res := signer.SignTC3(signer.TC3Request{
			Method:        http.MethodPost,
			Host:          c.Endpoint.Host,
			ContentType:   contentType,
			HashedPayload: hashed,
			Service:       c.Service,
			Timestamp:     ts,
		}, cred.SecretID, cred.SecretKey)
		req.Header.Set("Authorization", res.Authorization)
		sig = res.Signature
	}
	return req, []string{cred.Token, cred.SecretKey, sig}, cred.Token, nil
}

// String hides the token and the secret key, so printing credentials (or a
// struct that holds them) with %v or %+v never leaks them.
func (c Credentials) String() string {
	return "{Token:" + hidden(c.Token) + " SecretID:" + c.SecretID + " SecretKey:" + hidden(c.SecretKey) + "}"
}

// GoString is String for %#v.
func (c Credentials) GoString() string { return "tc3api.Credentials" + c.String() }

func hidden(s string) string {
	if s == "" {
		return `""`
	}
	return "REDACTED"
}
