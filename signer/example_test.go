package signer_test

import (
	"fmt"

	"github.com/typedcloud/sdk-go/signer"
)

// The worked example of the Alibaba ECS documentation (vector
// rpc-doc-ecs-describeregions).
func ExampleSignRPC() {
	params := []signer.Param{
		{Key: "Action", Value: "DescribeRegions"},
		{Key: "Version", Value: "2014-05-26"},
		{Key: "Format", Value: "XML"},
		{Key: "AccessKeyId", Value: "testid"},
		{Key: "SignatureMethod", Value: "HMAC-SHA1"},
		{Key: "SignatureVersion", Value: "1.0"},
		{Key: "SignatureNonce", Value: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
		{Key: "Timestamp", Value: "2016-02-23T12:46:24Z"},
	}
	r, err := signer.SignRPC("GET", params, "testsecret")
	if err != nil {
		fmt.Println(err) // in FIPS 140-only mode: sign with ACS3
		return
	}
	fmt.Println(r.StringToSign)
	fmt.Println(r.Signature)
	// The query to send:
	fmt.Println(r.CanonicalQuery + "&Signature=" + signer.PercentEncode(r.Signature))
	// Output:
	// GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26
	// OLeaidS1JvxuMvnyHOwuJ+uX5qY=
	// AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D
}

// The fixed-value example of the Alibaba V3 signature documentation
// (vector acs3-doc-ecs-runinstances).
func ExampleSignACS3() {
	r := signer.SignACS3(signer.ACS3Request{
		Method: "POST",
		Query: []signer.Param{
			{Key: "ImageId", Value: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"},
			{Key: "RegionId", Value: "cn-shanghai"},
		},
		Headers: []signer.Param{
			{Key: "Host", Value: "ecs.cn-shanghai.aliyuncs.com"},
			{Key: "x-acs-action", Value: "RunInstances"},
			{Key: "x-acs-version", Value: "2014-05-26"},
			{Key: "x-acs-date", Value: "2023-10-26T10:22:32Z"},
			{Key: "x-acs-signature-nonce", Value: "3156853299f313e23d1673dc12e1703d"},
			{Key: "x-acs-content-sha256", Value: signer.EmptyPayloadHash},
			{Key: "User-Agent", Value: "not signed"},
		},
	}, "YourAccessKeyId", "YourAccessKeySecret")
	fmt.Println(r.HashedCanonicalRequest)
	fmt.Println(r.Authorization)
	// Output:
	// 7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259
	// ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0
}

// The worked example of the Tencent Cloud signature v3 documentation
// (vector tc3-doc-cvm-describeinstances). The payload holds the six
// characters \u672a, not the Chinese text: hash exactly what is sent.
func ExampleSignTC3() {
	payload := `{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`
	r := signer.SignTC3(signer.TC3Request{
		Method:        "POST",
		Host:          "cvm.tencentcloudapi.com",
		ContentType:   "application/json; charset=utf-8",
		HashedPayload: signer.HashPayload([]byte(payload)),
		Service:       "cvm",
		Timestamp:     1551113065,
	}, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")
	fmt.Println(r.CredentialScope)
	fmt.Println(r.Authorization)
	// Output:
	// 2019-02-25/cvm/tc3_request
	// TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168
}

// Printing a result is safe: the signature is replaced by a placeholder.
func ExampleRPCResult_Format() {
	r, err := signer.SignRPC("GET", []signer.Param{{Key: "Action", Value: "DescribeRegions"}}, "secret")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", r)
	// Output:
	// {CanonicalQuery:Action=DescribeRegions StringToSign:GET&%2F&Action%3DDescribeRegions Signature:REDACTED}
}

func ExamplePercentEncode() {
	fmt.Println(signer.PercentEncode("demo: a*b ~c +d /e 未"))
	// Output:
	// demo%3A%20a%2Ab%20~c%20%2Bd%20%2Fe%20%E6%9C%AA
}
