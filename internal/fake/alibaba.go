package fake

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/typedcloud/sdk-go/signer"
)

// AlibabaKey is one AccessKey the fake accepts.
type AlibabaKey struct {
	Secret        string
	SecurityToken string // when set, requests must carry this STS token
}

// Alibaba is the Alibaba Cloud RPC protocol of one product: signature V1
// (HMAC-SHA1, parameters in query and form body) and V3 (ACS3-HMAC-SHA256).
type Alibaba struct {
	Product string                // product code for Recommend links, "OutboundBot"
	Version string                // the API version requests must name
	HostID  string                // reported as HostId in error answers
	Keys    map[string]AlibabaKey // AccessKeyId → key; read-only once the server runs
}

// alibabaWindow is how far a request's timestamp may be from the server's
// clock (the gateway's InvalidTimeStamp.Expired threshold).
const alibabaWindow = 15 * time.Minute

// Authenticate implements Protocol.
func (a *Alibaba) Authenticate(s *Server, r *http.Request, body []byte) (*Call, *Reply) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		return nil, errReply(http.StatusBadRequest, "UnsupportedHTTPMethod", "Specified HTTP method %s is not supported.", r.Method)
	}
	params, rep := rpcParams(r, body)
	if rep != nil {
		return nil, rep
	}
	var call *Call
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "ACS3-HMAC-SHA256 ") {
		call, rep = a.authACS3(s, r, body, auth)
	} else {
		call, rep = a.authV1(s, r, params)
	}
	if rep != nil {
		return call, rep
	}
	call.Params, call.Body, call.Header = params, body, r.Header
	return call, nil
}

// rpcParams merges the query and a form body, decoding both (so the '+'
// for space that form encoders send is read as the official SDKs expect).
func rpcParams(r *http.Request, body []byte) (map[string]string, *Reply) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, errReply(http.StatusBadRequest, "InvalidParameter", "The query string is malformed.")
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/x-www-form-urlencoded" && len(body) > 0 {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, errReply(http.StatusBadRequest, "InvalidParameter", "The form body is malformed.")
		}
		for k, vs := range form {
			q[k] = append(q[k], vs...)
		}
	}
	params := make(map[string]string, len(q))
	for k, vs := range q {
		params[k] = vs[0]
	}
	return params, nil
}

func (a *Alibaba) authV1(s *Server, r *http.Request, p map[string]string) (*Call, *Reply) {
	for _, name := range []string{"Action", "Version", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"} {
		if p[name] == "" {
			return nil, errReply(http.StatusBadRequest, "MissingParameter", "You must specify parameter %s.", name)
		}
	}
	call := &Call{Action: p["Action"]}
	if p["SignatureMethod"] != "HMAC-SHA1" || p["SignatureVersion"] != "1.0" {
		return call, errReply(http.StatusBadRequest, "InvalidParameter", "The specified SignatureMethod or SignatureVersion is not supported.")
	}
	if rep := a.checkVersion(p["Version"]); rep != nil {
		return call, rep
	}
	if rep := checkTime(s, p["Timestamp"]); rep != nil {
		return call, rep
	}
	key, rep := a.key(p["AccessKeyId"])
	if rep != nil {
		return call, rep
	}
	signed := make([]signer.Param, 0, len(p))
	for k, v := range p {
		if k != "Signature" {
			signed = append(signed, signer.Param{Key: k, Value: v})
		}
	}
	res, err := signer.SignRPC(r.Method, signed, key.Secret)
	if err != nil { // FIPS 140-only mode: the client sends no such request
		return call, errReply(http.StatusInternalServerError, "InternalError", "%v", err)
	}
	if res.Signature != p["Signature"] {
		return call, errReply(http.StatusBadRequest, "SignatureDoesNotMatch",
			"Specified signature is not matched with our calculation. server string to sign is:%s", res.StringToSign)
	}
	if rep := checkToken(key, p["SecurityToken"]); rep != nil {
		return call, rep
	}
	if !s.useNonce(p["SignatureNonce"], alibabaWindow) {
		return call, errReply(http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.")
	}
	call.KeyID = p["AccessKeyId"]
	return call, nil
}

// authACS3 checks a signature V3 request. Its canonical query is the URL's
// query alone: parameters sent in a form body are covered by
// x-acs-content-sha256, the hash of the body's bytes.
func (a *Alibaba) authACS3(s *Server, r *http.Request, body []byte, auth string) (*Call, *Reply) {
	fields := parseAuthorization(strings.TrimPrefix(auth, "ACS3-HMAC-SHA256 "))
	call := &Call{Action: r.Header.Get("x-acs-action")}
	for _, h := range []string{"x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"} {
		if r.Header.Get(h) == "" {
			return call, errReply(http.StatusBadRequest, "MissingParameter", "You must specify header %s.", h)
		}
	}
	if rep := a.checkVersion(r.Header.Get("x-acs-version")); rep != nil {
		return call, rep
	}
	if rep := checkTime(s, r.Header.Get("x-acs-date")); rep != nil {
		return call, rep
	}
	key, rep := a.key(fields["Credential"])
	if rep != nil {
		return call, rep
	}
	// The body (a form, JSON, bytes) is signed through its hash alone.
	if signer.HashPayload(body) != r.Header.Get("x-acs-content-sha256") {
		return call, errReply(http.StatusBadRequest, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the body.")
	}
	var headers []signer.Param
	for _, name := range strings.Split(fields["SignedHeaders"], ";") {
		v := r.Header.Get(name)
		if name == "host" {
			v = r.Host
		}
		headers = append(headers, signer.Param{Key: name, Value: v})
	}
	res := signer.SignACS3(signer.ACS3Request{Method: r.Method, CanonicalURI: r.URL.EscapedPath(), Query: urlQuery(r),
		Headers: headers, HashedPayload: r.Header.Get("x-acs-content-sha256")}, fields["Credential"], key.Secret)
	if res.Signature != fields["Signature"] {
		return call, errReply(http.StatusBadRequest, "SignatureDoesNotMatch",
			"Specified signature is not matched with our calculation. server string to sign is:%s", res.StringToSign)
	}
	if rep := checkToken(key, r.Header.Get("x-acs-security-token")); rep != nil {
		return call, rep
	}
	if !s.useNonce(r.Header.Get("x-acs-signature-nonce"), alibabaWindow) {
		return call, errReply(http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.")
	}
	call.KeyID = fields["Credential"]
	return call, nil
}

// urlQuery returns every parameter of the request's URL query, repeated
// names included; rpcParams has already rejected a malformed query.
func urlQuery(r *http.Request) []signer.Param {
	q, _ := url.ParseQuery(r.URL.RawQuery)
	out := make([]signer.Param, 0, len(q))
	for k, vs := range q {
		for _, v := range vs {
			out = append(out, signer.Param{Key: k, Value: v})
		}
	}
	return out
}

// SecretHeaders implements Protocol: the usual names cover Alibaba's.
func (a *Alibaba) SecretHeaders() []string { return nil }

// parseAuthorization splits "Credential=a,SignedHeaders=b,Signature=c".
func parseAuthorization(s string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		out[k] = v
	}
	return out
}

func (a *Alibaba) checkVersion(v string) *Reply {
	if v != a.Version {
		return errReply(http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid.")
	}
	return nil
}

func (a *Alibaba) key(id string) (AlibabaKey, *Reply) {
	key, ok := a.Keys[id]
	if !ok || id == "" {
		return key, errReply(http.StatusNotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
	}
	return key, nil
}

func checkTime(s *Server, stamp string) *Reply {
	t, err := time.Parse("2006-01-02T15:04:05Z", stamp)
	if err != nil {
		return errReply(http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.")
	}
	if d := s.now().Sub(t); d > alibabaWindow || d < -alibabaWindow {
		return errReply(http.StatusBadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
	}
	return nil
}

func checkToken(key AlibabaKey, token string) *Reply {
	if token != key.SecurityToken {
		return errReply(http.StatusBadRequest, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.")
	}
	return nil
}

func errReply(status int, code, format string, args ...any) *Reply {
	r := Error(status, code, fmt.Sprintf(format, args...))
	return &r
}

// Write implements Protocol: errors in the gateway envelope, payloads as
// the handler built them.
func (a *Alibaba) Write(w http.ResponseWriter, c *Call, requestID string, r Reply) {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	if r.Code == "" {
		w.WriteHeader(r.Status)
		json.NewEncoder(w).Encode(r.Body)
		return
	}
	w.WriteHeader(r.Status)
	json.NewEncoder(w).Encode(struct {
		RequestID string `json:"RequestId"`
		HostID    string `json:"HostId"`
		Code      string
		Message   string
		Recommend string
	}{requestID, a.HostID, r.Code, r.Message,
		fmt.Sprintf("https://api.aliyun.com/troubleshoot?q=%s&product=%s&requestId=%s", url.QueryEscape(r.Code), a.Product, requestID)})
}
