package fake

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/signer"
)

// Tencent is Tencent Cloud API 3.0 as the instance console speaks it: a JSON
// POST with X-TC-* headers, a token, and optionally a TC3 signature.
type Tencent struct {
	Version string         // the X-TC-Version requests must name
	Service string         // the TC3 credential-scope service
	Headers tc3api.Headers // header names; zero means tc3api.DefaultHeaders()
	// Keys maps SecretID → SecretKey for TC3 signatures.
	Keys map[string]string
	// RequireSignature rejects requests without a valid TC3 signature.
	RequireSignature bool
	// ValidToken reports whether a token is accepted; nil accepts none, so
	// requests must then be signed.
	ValidToken func(token string) bool
}

// tencentWindow is how far X-TC-Timestamp may be from the server's clock.
const tencentWindow = 5 * time.Minute

func (t *Tencent) headers() tc3api.Headers {
	if t.Headers == (tc3api.Headers{}) {
		return tc3api.DefaultHeaders()
	}
	return t.Headers
}

// SecretHeaders implements Protocol: the token header, whatever its name.
func (t *Tencent) SecretHeaders() []string { return []string{t.headers().Token} }

// Authenticate implements Protocol.
func (t *Tencent) Authenticate(s *Server, r *http.Request, body []byte) (*Call, *Reply) {
	h := t.headers()
	call := &Call{Action: r.Header.Get(h.Action), Body: body, Header: r.Header}
	if r.Method != http.MethodPost {
		return call, errReply(http.StatusOK, "UnsupportedProtocol", "Only POST is supported.")
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		return call, errReply(http.StatusOK, "UnsupportedProtocol", "Content-Type must be application/json.")
	}
	if call.Action == "" {
		return call, errReply(http.StatusOK, "MissingParameter", "The request is missing the %s header.", h.Action)
	}
	if r.Header.Get(h.Version) != t.Version {
		return call, errReply(http.StatusOK, "NoSuchVersion", "The API version %q does not exist.", r.Header.Get(h.Version))
	}
	ts, err := strconv.ParseInt(r.Header.Get(h.Timestamp), 10, 64)
	if err != nil {
		return call, errReply(http.StatusOK, "MissingParameter", "The request is missing a valid %s header.", h.Timestamp)
	}
	if d := s.now().Sub(time.Unix(ts, 0)); d > tencentWindow || d < -tencentWindow {
		return call, errReply(http.StatusOK, "AuthFailure.SignatureExpire", "Signature expired: the timestamp is more than 5 minutes from server time.")
	}
	if !json.Valid(body) {
		return call, errReply(http.StatusOK, "InvalidParameter", "The request body is not valid JSON.")
	}
	// The Tencent SDK's unsigned mode sends "Authorization: SKIP" with the
	// token; that is no signature, not a malformed one.
	auth := r.Header.Get("Authorization")
	signed := auth != "" && auth != "SKIP"
	if signed {
		if rep := t.verify(r, body, ts); rep != nil {
			return call, rep
		}
	} else if t.RequireSignature {
		return call, errReply(http.StatusOK, "AuthFailure.SignatureFailure", "The request is not signed.")
	}
	token := r.Header.Get(h.Token)
	switch {
	case token != "" && (t.ValidToken == nil || !t.ValidToken(token)):
		return call, errReply(http.StatusOK, "AuthFailure.TokenFailure", "The token is invalid or expired.")
	case token == "" && !signed:
		return call, errReply(http.StatusOK, "AuthFailure.TokenFailure", "The request carries no token.")
	}
	return call, nil
}

// verify checks a TC3 signature against the bytes received.
func (t *Tencent) verify(r *http.Request, body []byte, ts int64) *Reply {
	auth := r.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "TC3-HMAC-SHA256 ") {
		return errReply(http.StatusOK, "AuthFailure.InvalidAuthorization", "The Authorization header is malformed.")
	}
	fields := parseAuthorization(strings.TrimPrefix(auth, "TC3-HMAC-SHA256 "))
	id, _, _ := strings.Cut(fields["Credential"], "/")
	key, ok := t.Keys[id]
	if !ok {
		return errReply(http.StatusOK, "AuthFailure.SecretIdNotFound", "The SecretId is not found.")
	}
	res := signer.SignTC3(signer.TC3Request{
		Method:         r.Method,
		Host:           r.Host,
		CanonicalURI:   r.URL.EscapedPath(),
		CanonicalQuery: r.URL.RawQuery,
		ContentType:    r.Header.Get("Content-Type"),
		HashedPayload:  signer.HashPayload(body),
		Service:        t.Service,
		Timestamp:      ts,
	}, id, key)
	if res.Authorization != auth {
		return errReply(http.StatusOK, "AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.")
	}
	return nil
}

// Write implements Protocol: every answer is HTTP 200 (unless a handler
// chose otherwise) wrapped in {"Response": {...}} with the RequestId inside.
func (t *Tencent) Write(w http.ResponseWriter, c *Call, requestID string, r Reply) {
	var inner []byte
	if r.Code != "" {
		inner, _ = json.Marshal(map[string]any{"Error": map[string]string{"Code": r.Code, "Message": r.Message}})
	} else {
		var err error
		if inner, err = json.Marshal(r.Body); err != nil || !bytes.HasPrefix(inner, []byte("{")) {
			inner = []byte("{}")
		}
	}
	idField, _ := json.Marshal(requestID)
	var b bytes.Buffer
	b.WriteString(`{"Response":`)
	b.Write(inner[:len(inner)-1])
	if len(inner) > 2 {
		b.WriteByte(',')
	}
	b.WriteString(`"RequestId":`)
	b.Write(idField)
	b.WriteString("}}")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(r.Status)
	w.Write(b.Bytes())
}
