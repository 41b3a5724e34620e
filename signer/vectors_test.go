package signer

import (
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The vectors are /work/shared/protocol/vectors.json, copied byte for byte:
// official documentation examples and the output of the official Go SDKs.

type rpcVector struct {
	ID              string            `json:"id"`
	Source          string            `json:"source"`
	Method          string            `json:"method"`
	AccessKeySecret string            `json:"access_key_secret"`
	Params          map[string]string `json:"params"`
	QueryParams     map[string]string `json:"query_params"`
	FormParams      map[string]string `json:"form_params"`
	CanonicalQuery  string            `json:"canonicalized_query_string"`
	StringToSign    string            `json:"string_to_sign"`
	HMACKey         string            `json:"hmac_key"`
	Signature       string            `json:"expected_signature"`
	SignatureEnc    string            `json:"expected_signature_percent_encoded"`
}

type acs3Vector struct {
	ID                     string            `json:"id"`
	Method                 string            `json:"method"`
	CanonicalURI           string            `json:"canonical_uri"`
	AccessKeyID            string            `json:"access_key_id"`
	AccessKeySecret        string            `json:"access_key_secret"`
	Query                  map[string]string `json:"query"`
	Body                   string            `json:"body"`
	Headers                map[string]string `json:"headers"`
	CanonicalQuery         string            `json:"canonical_query_string"`
	CanonicalHeaders       string            `json:"canonical_headers"`
	SignedHeaders          string            `json:"signed_headers"`
	HashedPayload          string            `json:"hashed_request_payload"`
	CanonicalRequest       string            `json:"canonical_request"`
	HashedCanonicalRequest string            `json:"hashed_canonical_request"`
	StringToSign           string            `json:"string_to_sign"`
	Signature              string            `json:"expected_signature"`
	Authorization          string            `json:"expected_authorization"`
}

type tc3Vector struct {
	ID                     string `json:"id"`
	Method                 string `json:"method"`
	Host                   string `json:"host"`
	CanonicalURI           string `json:"canonical_uri"`
	Service                string `json:"service"`
	Timestamp              int64  `json:"timestamp"`
	SecretID               string `json:"secret_id"`
	SecretKey              string `json:"secret_key"`
	ContentType            string `json:"content_type"`
	Payload                string `json:"payload"`
	UnsignedPayload        bool   `json:"unsigned_payload"`
	CanonicalQuery         string `json:"canonical_query_string"`
	HashedPayload          string `json:"hashed_request_payload"`
	CanonicalHeaders       string `json:"canonical_headers"`
	SignedHeaders          string `json:"signed_headers"`
	CanonicalRequest       string `json:"canonical_request"`
	HashedCanonicalRequest string `json:"hashed_canonical_request"`
	Date                   string `json:"date"`
	CredentialScope        string `json:"credential_scope"`
	StringToSign           string `json:"string_to_sign"`
	SecretDateHex          string `json:"secret_date_hex"`
	SecretServiceHex       string `json:"secret_service_hex"`
	SecretSigningHex       string `json:"secret_signing_hex"`
	Signature              string `json:"expected_signature"`
	Authorization          string `json:"expected_authorization"`
}

type vectorFile struct {
	Counts map[string]int `json:"counts"`
	RPC    []rpcVector    `json:"alibaba_rpc_hmac_sha1"`
	ACS3   []acs3Vector   `json:"alibaba_acs3_hmac_sha256"`
	TC3    []tc3Vector    `json:"tencent_tc3_hmac_sha256"`
}

func loadVectors(t testing.TB) vectorFile {
	t.Helper()
	data, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf vectorFile
	if err := json.Unmarshal(data, &vf); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]int{
		"alibaba_rpc_hmac_sha1":    len(vf.RPC),
		"alibaba_acs3_hmac_sha256": len(vf.ACS3),
		"tencent_tc3_hmac_sha256":  len(vf.TC3),
	} {
		if want := vf.Counts[name]; got != want || got == 0 {
			t.Fatalf("%s: loaded %d vectors, file counts %d", name, got, want)
		}
	}
	return vf
}

// paramsOf turns a vector's key/value object into params. The order is
// deliberately not sorted: map order varies, and the signers must not care.
func paramsOf(m map[string]string) []Param {
	ps := make([]Param, 0, len(m))
	for k, v := range m {
		ps = append(ps, Param{k, v})
	}
	return ps
}

// check compares one named value byte for byte.
func check(t *testing.T, name, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

func TestVectorCount(t *testing.T) {
	vf := loadVectors(t)
	if n := len(vf.RPC) + len(vf.ACS3) + len(vf.TC3); n != 29 {
		t.Fatalf("got %d vectors, want 29", n)
	}
}

func TestRPCVectors(t *testing.T) {
	for _, v := range loadVectors(t).RPC {
		t.Run(v.ID, func(t *testing.T) {
			// params is the union of the query and form placements.
			if len(v.QueryParams)+len(v.FormParams) != len(v.Params) {
				t.Fatalf("query %d + form %d params != %d", len(v.QueryParams), len(v.FormParams), len(v.Params))
			}
			params := paramsOf(v.Params)
			// A Signature parameter left over from an earlier attempt must
			// not be signed.
			params = append(params, Param{"Signature", "stale"})

			got := signRPC(t, v.Method, params, v.AccessKeySecret)
			check(t, "CanonicalQuery", got.CanonicalQuery, v.CanonicalQuery)
			check(t, "StringToSign", got.StringToSign, v.StringToSign)
			check(t, "Signature", got.Signature, v.Signature)
			check(t, "hmac key", v.AccessKeySecret+"&", v.HMACKey)
			check(t, "PercentEncode(Signature)", PercentEncode(got.Signature), v.SignatureEnc)

			// The pieces agree with the one-shot signer.
			check(t, "RPCCanonicalQuery", RPCCanonicalQuery(paramsOf(v.Params)), v.CanonicalQuery)
			check(t, "RPCStringToSign", RPCStringToSign(v.Method, v.CanonicalQuery), v.StringToSign)
			sig, err := RPCSignature(v.AccessKeySecret, v.StringToSign)
			if err != nil {
				t.Fatal(err)
			}
			check(t, "RPCSignature", sig, v.Signature)

			// params came back sorted in wire order.
			for i := 1; i < len(params); i++ {
				if PercentEncode(params[i-1].Key) > PercentEncode(params[i].Key) {
					t.Errorf("params not sorted: %q before %q", params[i-1].Key, params[i].Key)
				}
			}

			// What goes on the wire decodes to exactly the signed
			// parameters plus the signature.
			wire := got.CanonicalQuery + "&Signature=" + PercentEncode(got.Signature)
			decoded, err := url.ParseQuery(wire)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", wire, err)
			}
			want := url.Values{"Signature": {v.Signature}}
			for k, val := range v.Params {
				want[k] = []string{val}
			}
			if !reflect.DeepEqual(decoded, want) {
				t.Errorf("wire query decodes to\n%v\nwant\n%v", decoded, want)
			}
		})
	}
}

func TestACS3Vectors(t *testing.T) {
	for _, v := range loadVectors(t).ACS3 {
		t.Run(v.ID, func(t *testing.T) {
			check(t, "HashPayload", HashPayload([]byte(v.Body)), v.HashedPayload)
			req := ACS3Request{
				Method:       v.Method,
				CanonicalURI: v.CanonicalURI,
				Query:        paramsOf(v.Query),
				Headers:      paramsOf(v.Headers),
			}
			if v.Body != "" {
				req.HashedPayload = HashPayload([]byte(v.Body))
			} // else: "" must mean the empty body's hash

			query := append([]Param(nil), req.Query...)
			got := SignACS3(req, v.AccessKeyID, v.AccessKeySecret)
			check(t, "CanonicalQuery", got.CanonicalQuery, v.CanonicalQuery)
			check(t, "CanonicalHeaders", got.CanonicalHeaders, v.CanonicalHeaders)
			check(t, "SignedHeaders", got.SignedHeaders, v.SignedHeaders)
			check(t, "HashedPayload", got.HashedPayload, v.HashedPayload)
			check(t, "CanonicalRequest", got.CanonicalRequest, v.CanonicalRequest)
			check(t, "HashedCanonicalRequest", got.HashedCanonicalRequest, v.HashedCanonicalRequest)
			check(t, "StringToSign", got.StringToSign, v.StringToSign)
			check(t, "Signature", got.Signature, v.Signature)
			check(t, "Authorization", got.Authorization, v.Authorization)

			if !slices.Equal(req.Query, query) {
				t.Errorf("SignACS3 modified the caller's Query slice")
			}
		})
	}
}

func TestTC3Vectors(t *testing.T) {
	for _, v := range loadVectors(t).TC3 {
		t.Run(v.ID, func(t *testing.T) {
			body := v.Payload
			if v.UnsignedPayload {
				body = UnsignedPayload
			}
			check(t, "HashPayload", HashPayload([]byte(body)), v.HashedPayload)
			req := TC3Request{
				Method:         v.Method,
				Host:           v.Host,
				CanonicalURI:   v.CanonicalURI,
				CanonicalQuery: v.CanonicalQuery,
				ContentType:    v.ContentType,
				Service:        v.Service,
				Timestamp:      v.Timestamp,
			}
			if body != "" {
				req.HashedPayload = HashPayload([]byte(body))
			} // else: "" must mean the empty body's hash

			got := SignTC3(req, v.SecretID, v.SecretKey)
			check(t, "CanonicalHeaders", got.CanonicalHeaders, v.CanonicalHeaders)
			check(t, "SignedHeaders", got.SignedHeaders, v.SignedHeaders)
			check(t, "CanonicalRequest", got.CanonicalRequest, v.CanonicalRequest)
			check(t, "hashed payload (last line)",
				got.CanonicalRequest[strings.LastIndexByte(got.CanonicalRequest, '\n')+1:], v.HashedPayload)
			check(t, "HashedCanonicalRequest", got.HashedCanonicalRequest, v.HashedCanonicalRequest)
			check(t, "Date", got.Date, v.Date)
			check(t, "CredentialScope", got.CredentialScope, v.CredentialScope)
			check(t, "StringToSign", got.StringToSign, v.StringToSign)
			check(t, "SecretDate", hex.EncodeToString(got.SecretDate), v.SecretDateHex)
			check(t, "SecretService", hex.EncodeToString(got.SecretService), v.SecretServiceHex)
			check(t, "SecretSigning", hex.EncodeToString(got.SecretSigning), v.SecretSigningHex)
			check(t, "Signature", got.Signature, v.Signature)
			check(t, "Authorization", got.Authorization, v.Authorization)
		})
	}
}
