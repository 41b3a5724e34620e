package signer

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"slices"
	"testing"
)

// benchParams is a realistic 12-parameter outboundbot request: the eight
// common parameters the official SDK sends on every RPC call, plus Action,
// Version, InstanceId and a Chinese InstanceName, in the unsorted order a
// caller builds them.
var benchParams = []Param{
	{"Action", "DescribeInstance"},
	{"Version", "2019-12-26"},
	{"InstanceId", "af81a389-91f0-4157-8d82-720edd02b66a"},
	{"InstanceName", "外呼机器人实例一号"},
	{"Format", "JSON"},
	{"RegionId", "cn-shanghai"},
	{"AccessKeyId", "LTAI5tBenchmarkKeyId1234"},
	{"SignatureMethod", "HMAC-SHA1"},
	{"SignatureVersion", "1.0"},
	{"SignatureNonce", "f1b2c3d4e5f60718293a4b5c6d7e8f90"},
	{"SignatureType", ""},
	{"Timestamp", "2024-05-20T08:00:00Z"},
}

const benchSecret = "testsecretBenchmark0123456789"

func BenchmarkSignRPC12(b *testing.B) {
	params := make([]Param, len(benchParams))
	b.ReportAllocs()
	for b.Loop() {
		// SignRPC sorts in place; start every round from the caller's
		// unsorted order so the sort is measured too.
		copy(params, benchParams)
		SignRPC("POST", params, benchSecret)
	}
}

// BenchmarkHMACSHA1Bare is the floor for BenchmarkSignRPC12: only the HMAC
// and Base64 over the same string to sign.
func BenchmarkHMACSHA1Bare(b *testing.B) {
	params := append([]Param(nil), benchParams...)
	sts := []byte(RPCStringToSign("POST", RPCCanonicalQuery(params)))
	key := []byte(benchSecret + "&")
	b.ReportAllocs()
	for b.Loop() {
		mac := hmac.New(sha1.New, key)
		mac.Write(sts)
		_ = base64.StdEncoding.EncodeToString(mac.Sum(nil))
	}
}

func BenchmarkSignACS3(b *testing.B) {
	req := ACS3Request{
		Method: "POST",
		Query: []Param{
			{"InstanceId", "af81a389-91f0-4157-8d82-720edd02b66a"},
			{"InstanceName", "外呼机器人实例一号"},
			{"RegionId", "cn-shanghai"},
		},
		Headers: []Param{
			{"Host", "outboundbot.cn-shanghai.aliyuncs.com"},
			{"X-Acs-Action", "DescribeInstance"},
			{"X-Acs-Version", "2019-12-26"},
			{"X-Acs-Date", "2024-05-20T08:00:00Z"},
			{"X-Acs-Signature-Nonce", "f1b2c3d4e5f60718293a4b5c6d7e8f90"},
			{"X-Acs-Content-Sha256", EmptyPayloadHash},
			{"User-Agent", "typedcloud-sdk-go"},
			{"Accept", "application/json"},
		},
	}
	b.ReportAllocs()
	for b.Loop() {
		SignACS3(req, "LTAI5tBenchmarkKeyId1234", benchSecret)
	}
}

func BenchmarkSignTC3(b *testing.B) {
	req := TC3Request{
		Method:        "POST",
		Host:          "cvm.tencentcloudapi.com",
		ContentType:   "application/json",
		HashedPayload: HashPayload([]byte(`{"Limit":1,"Filters":[{"Name":"instance-name","Values":["未命名"]}]}`)),
		Service:       "cvm",
		Timestamp:     1716192000,
	}
	b.ReportAllocs()
	for b.Loop() {
		SignTC3(req, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")
	}
}

// BenchmarkSignRPC12Sorted is BenchmarkSignRPC12 for a caller that builds
// its parameters in canonical order already.
func BenchmarkSignRPC12Sorted(b *testing.B) {
	sorted := slices.Clone(benchParams)
	sortParams(sorted)
	params := make([]Param, len(sorted))
	b.ReportAllocs()
	for b.Loop() {
		copy(params, sorted)
		SignRPC("POST", params, benchSecret)
	}
}
