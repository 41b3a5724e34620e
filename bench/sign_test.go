package bench

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth"
	v1creds "github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	v1ob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"

	"github.com/typedcloud/sdk-go/signer"
)

// rpcParams are the parameters of one DescribeInstance call, common ones
// included, in the order a caller builds them (unsorted).
var rpcParams = []signer.Param{
	{Key: "InstanceId", Value: OBInstanceID},
	{Key: "Action", Value: "DescribeInstance"},
	{Key: "Version", Value: "2019-12-26"},
	{Key: "Format", Value: "JSON"},
	{Key: "SignatureMethod", Value: "HMAC-SHA1"},
	{Key: "SignatureVersion", Value: "1.0"},
	{Key: "SignatureNonce", Value: "f1b2c3d4e5f60718293a4b5c6d7e8f90"},
	{Key: "Timestamp", Value: "2024-05-20T08:00:00Z"},
	{Key: "RegionId", Value: Region},
	{Key: "AccessKeyId", Value: AccessKeyID},
}

// sdkCompose replicates the composition internal/rpc (client.go stamp,
// build.go buildV1 and signedQuery) does around SignRPC, up to the signed
// query: the timestamp and a fresh nonce formatted into one string, the
// parameter slice with the common parameters, SignRPC, and the query with
// the Signature appended in one allocation. Those are not exported; keep
// this copy in step with them.
func sdkCompose(params []signer.Param) string {
	var buf [20 + 32]byte
	b := time.Now().UTC().AppendFormat(buf[:0], "2006-01-02T15:04:05Z")
	n := len(b)
	var random [16]byte
	rand.Read(random[:])
	stamp := string(hex.AppendEncode(b, random[:]))
	now, nonce := stamp[:n], stamp[n:]
	all := make([]signer.Param, 0, 8+11)
	all = append(all, params...)
	all = append(all,
		signer.Param{Key: "Action", Value: "DescribeInstance"},
		signer.Param{Key: "Version", Value: "2019-12-26"},
		signer.Param{Key: "Format", Value: "JSON"},
		signer.Param{Key: "SignatureMethod", Value: "HMAC-SHA1"},
		signer.Param{Key: "SignatureVersion", Value: "1.0"},
		signer.Param{Key: "SignatureNonce", Value: nonce},
		signer.Param{Key: "Timestamp", Value: now},
		signer.Param{Key: "RegionId", Value: Region},
		signer.Param{Key: "AccessKeyId", Value: AccessKeyID},
	)
	res, err := signer.SignRPC("POST", all, AccessKeySecret)
	if err != nil {
		panic(err) // FIPS 140-only mode, which the benchmarks do not run in
	}
	var enc [3 * 64]byte
	tail := signer.AppendPercentEncode(enc[:0], res.Signature)
	var q strings.Builder
	q.Grow(len(res.CanonicalQuery) + len("&Signature=") + len(tail))
	q.WriteString(res.CanonicalQuery)
	q.WriteString("&Signature=")
	q.Write(tail)
	return q.String()
}

type signImpl struct {
	name string
	sign func() string // returns the signature (or the signed query / Authorization)
}

func rpcImpls(tb testing.TB) []signImpl {
	sts := signer.RPCStringToSign("POST", signer.RPCCanonicalQuery(append([]signer.Param(nil), rpcParams...)))
	key := []byte(AccessKeySecret + "&")
	params := make([]signer.Param, len(rpcParams))

	fparams := make([]floorParam, len(rpcParams))
	funsorted := make([]floorParam, len(rpcParams))
	for i, p := range rpcParams {
		funsorted[i] = floorParam{p.Key, p.Value}
	}

	// v1: auth.Sign on a DescribeInstance request whose own parameters
	// are in place (as the client leaves it before signing). Sign adds
	// the common parameters (new nonce and timestamp) and signs; it is
	// re-entrant, so one request is signed again and again.
	v1req := v1ob.CreateDescribeInstanceRequest()
	v1req.InstanceId = OBInstanceID
	if err := requests.InitParams(v1req); err != nil {
		tb.Fatal(err)
	}
	v1prov := v1creds.NewStaticAKCredentialsProvider(AccessKeyID, AccessKeySecret)

	v2params := map[string]*string{}
	for _, p := range rpcParams {
		v2params[p.Key] = dara.String(p.Value)
	}
	post := dara.String("POST")
	secret := dara.String(AccessKeySecret)

	return []signImpl{
		{"bare", func() string {
			mac := hmac.New(sha1.New, key)
			mac.Write([]byte(sts))
			return base64.StdEncoding.EncodeToString(mac.Sum(nil))
		}},
		{"sdk", func() string {
			copy(params, rpcParams)
			res, err := signer.SignRPC("POST", params, AccessKeySecret)
			if err != nil {
				tb.Fatal(err)
			}
			return res.Signature
		}},
		{"sdk-compose", func() string { return sdkCompose(rpcParams[:1]) }},
		{"floor", func() string {
			copy(fparams, funsorted)
			_, sig := floorSign(fparams, key)
			return sig
		}},
		{"v1", func() string {
			if err := auth.Sign(v1req, nil, Region, v1prov); err != nil {
				tb.Fatal(err)
			}
			return v1req.GetQueryParams()["Signature"]
		}},
		{"v2", func() string { return dara.StringValue(openapiutil.GetRPCSignature(v2params, post, secret)) }},
	}
}

// acs3Request is DescribeInstance signed with ACS3-HMAC-SHA256 as the SDK
// sends it.
func acs3Request() signer.ACS3Request {
	return signer.ACS3Request{
		Method: "POST",
		Query:  []signer.Param{{Key: "InstanceId", Value: OBInstanceID}, {Key: "RegionId", Value: Region}},
		Headers: []signer.Param{
			{Key: "host", Value: "outboundbot.cn-shanghai.aliyuncs.com"},
			{Key: "x-acs-action", Value: "DescribeInstance"},
			{Key: "x-acs-version", Value: "2019-12-26"},
			{Key: "x-acs-date", Value: "2024-05-20T08:00:00Z"},
			{Key: "x-acs-signature-nonce", Value: "f1b2c3d4e5f60718293a4b5c6d7e8f90"},
			{Key: "x-acs-content-sha256", Value: signer.EmptyPayloadHash},
		},
	}
}

func acs3Impls(tb testing.TB) []signImpl {
	r := acs3Request()
	ref := signer.SignACS3(r, AccessKeyID, AccessKeySecret)
	creq, key := []byte(ref.CanonicalRequest), []byte(AccessKeySecret)

	v2req := dara.NewRequest()
	v2req.Method = dara.String("POST")
	v2req.Pathname = dara.String("/")
	for _, q := range r.Query {
		v2req.Query[q.Key] = dara.String(q.Value)
	}
	for _, h := range r.Headers {
		v2req.Headers[h.Key] = dara.String(h.Value)
	}
	alg, payload := dara.String("ACS3-HMAC-SHA256"), dara.String(signer.EmptyPayloadHash)
	id, secret := dara.String(AccessKeyID), dara.String(AccessKeySecret)
	v2 := func() string { return dara.StringValue(openapiutil.GetAuthorization(v2req, alg, payload, id, secret)) }
	if got := v2(); got != ref.Authorization {
		tb.Fatalf("acs3: v2 Authorization %q, sdk %q", got, ref.Authorization)
	}
	return []signImpl{
		// The cryptography alone: SHA-256 of the canonical request, then
		// HMAC-SHA256 of the string to sign, both hex.
		{"bare", func() string {
			h := sha256.Sum256(creq)
			mac := hmac.New(sha256.New, key)
			mac.Write([]byte("ACS3-HMAC-SHA256\n"))
			mac.Write([]byte(hex.EncodeToString(h[:])))
			return hex.EncodeToString(mac.Sum(nil))
		}},
		{"sdk", func() string { return signer.SignACS3(r, AccessKeyID, AccessKeySecret).Authorization }},
		{"v2", v2},
	}
}

// tc3 inputs: a CVM DescribeInstances POST, as the Tencent SDK signs it.
const (
	tc3Payload = `{"Limit":1,"Filters":[{"Name":"instance-name","Values":["未命名"]}]}`
	tc3Host    = "cvm.tencentcloudapi.com"
	tc3Service = "cvm"
	tc3Type    = "application/json"
	tc3ID      = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
	tc3Key     = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
	tc3Time    = 1716192000
)

// tencentTC3 is the signing section of tencentcloud-sdk-go common
// (client.go, sendWithSignatureV3, from "1. Construct the Canonical
// Request" to the Authorization header, POST without query) with its
// helpers sha256hex and hmacsha256 (sign.go), transcribed: the SDK does it
// inline in the method that also sends the request.
func tencentTC3(payload string) string {
	httpRequestMethod := "POST"
	canonicalURI := "/"
	canonicalQueryString := ""
	canonicalHeaders := fmt.Sprintf("content-type:%s\nhost:%s\n", tc3Type, tc3Host)
	signedHeaders := "content-type;host"
	hashedRequestPayload := tcSHA256hex(payload)
	canonicalRequest := fmt.Sprintf("%s\n%s\n%s\n%s\n%s\n%s",
		httpRequestMethod, canonicalURI, canonicalQueryString, canonicalHeaders, signedHeaders, hashedRequestPayload)
	algorithm := "TC3-HMAC-SHA256"
	requestTimestamp := strconv.FormatInt(tc3Time, 10)
	timestamp, _ := strconv.ParseInt(requestTimestamp, 10, 64)
	t := time.Unix(timestamp, 0).UTC()
	date := t.Format("2006-01-02")
	credentialScope := fmt.Sprintf("%s/%s/tc3_request", date, tc3Service)
	hashedCanonicalRequest := tcSHA256hex(canonicalRequest)
	string2sign := fmt.Sprintf("%s\n%s\n%s\n%s", algorithm, requestTimestamp, credentialScope, hashedCanonicalRequest)
	secretDate := tcHMACSHA256(date, "TC3"+tc3Key)
	secretService := tcHMACSHA256(tc3Service, secretDate)
	secretKey := tcHMACSHA256("tc3_request", secretService)
	signature := hex.EncodeToString([]byte(tcHMACSHA256(string2sign, secretKey)))
	return fmt.Sprintf("%s Credential=%s/%s, SignedHeaders=%s, Signature=%s",
		algorithm, tc3ID, credentialScope, signedHeaders, signature)
}

func tcSHA256hex(s string) string {
	b := sha256.Sum256([]byte(s))
	return hex.EncodeToString(b[:])
}

func tcHMACSHA256(s, key string) string {
	hashed := hmac.New(sha256.New, []byte(key))
	hashed.Write([]byte(s))
	return string(hashed.Sum(nil))
}

func tc3Impls(tb testing.TB) []signImpl {
	sdk := func() string {
		return signer.SignTC3(signer.TC3Request{
			Method: "POST", Host: tc3Host, ContentType: tc3Type, Service: tc3Service, Timestamp: tc3Time,
			HashedPayload: signer.HashPayload([]byte(tc3Payload)),
		}, tc3ID, tc3Key).Authorization
	}
	if a, b := sdk(), tencentTC3(tc3Payload); a != b {
		tb.Fatalf("tc3: sdk %q, tencent %q", a, b)
	}
	ref := signer.SignTC3(signer.TC3Request{
		Method: "POST", Host: tc3Host, ContentType: tc3Type, Service: tc3Service, Timestamp: tc3Time,
		HashedPayload: signer.HashPayload([]byte(tc3Payload)),
	}, tc3ID, tc3Key)
	creq := []byte(ref.CanonicalRequest)
	return []signImpl{
		// The cryptography alone: payload and canonical-request SHA-256,
		// the three key-derivation HMACs and the signing HMAC, hex.
		{"bare", func() string {
			p := sha256.Sum256([]byte(tc3Payload))
			_ = hex.EncodeToString(p[:])
			h := sha256.Sum256(creq)
			k := hmacSHA256([]byte("TC3"+tc3Key), ref.Date)
			k = hmacSHA256(k, tc3Service)
			k = hmacSHA256(k, "tc3_request")
			return hex.EncodeToString(hmacSHA256(k, "TC3-HMAC-SHA256\n1716192000\n"+ref.CredentialScope+"\n"+hex.EncodeToString(h[:])))
		}},
		{"sdk", sdk},
		{"tencent", func() string { return tencentTC3(tc3Payload) }},
	}
}

func TestSigners(t *testing.T) {
	impls := rpcImpls(t)
	want := impls[0].sign()
	for _, im := range impls {
		got := im.sign()
		switch im.name {
		case "sdk", "v2":
			if got != want {
				t.Errorf("rpc %s: %q, want %q", im.name, got, want)
			}
		default:
			if len(got) == 0 {
				t.Errorf("rpc %s: empty", im.name)
			}
		}
	}
	acs3Impls(t)
	tc3 := tc3Impls(t)
	if a, b := tc3[0].sign(), signer.SignTC3(signer.TC3Request{
		Method: "POST", Host: tc3Host, ContentType: tc3Type, Service: tc3Service, Timestamp: tc3Time,
		HashedPayload: signer.HashPayload([]byte(tc3Payload)),
	}, tc3ID, tc3Key).Signature; a != b {
		t.Errorf("tc3 bare %q, sdk signature %q", a, b)
	}
}

// BenchmarkSign signs one request with each scheme: this SDK's pure
// signers against the bare cryptography and the peers' signers.
func BenchmarkSign(b *testing.B) {
	for _, scheme := range []struct {
		name  string
		impls func(testing.TB) []signImpl
	}{{"rpc", rpcImpls}, {"acs3", acs3Impls}, {"tc3", tc3Impls}} {
		for _, im := range scheme.impls(b) {
			b.Run("scheme="+scheme.name+"/impl="+im.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					im.sign()
				}
			})
		}
	}
}

func hmacSHA256(key []byte, s string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(s))
	return mac.Sum(nil)
}
