// Package interop holds interoperability tests that run typedcloud/sdk-go
// code side by side with the official peer SDKs and require identical
// results.
//
// It is a separate module (github.com/typedcloud/sdk-go/interop) so that the
// peer SDKs and their dependency trees never become dependencies of the main
// module. The main module is used through a replace directive pointing at
// the parent directory.
//
// The tests need the Go module proxy to download the peer SDKs (go.sum is
// complete) and nothing else. The signer tests point every peer client at
// an in-process transport that records the request and returns a canned
// answer, so they dial no socket and resolve no name; the fake tests dial
// only the fake's loopback listener (127.0.0.1, by IP, no proxy) and
// resolve no name.
//
// Current tests, named after what they test:
//
//   - signer_rpc_test.go: signer.SignRPC (Alibaba RPC, HMAC-SHA1) against
//     github.com/aliyun/alibaba-cloud-sdk-go (v1) ProcessCommonRequest.
//   - signer_acs3_test.go: signer.SignACS3 (Alibaba ACS3-HMAC-SHA256) against
//     github.com/alibabacloud-go/darabonba-openapi/v2 DoRequest and
//     github.com/alibabacloud-go/openapi-util GetAuthorization.
//   - signer_tc3_test.go: signer.SignTC3 (Tencent TC3-HMAC-SHA256) against
//     github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common
//     Client.Send.
//   - outboundbot_fake_test.go: our Outbound Bot fake
//     (outboundbot/outboundbottest) against the official
//     github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot client
//     (v1, 2019-12-26) over real HTTP on loopback: Create, Describe, List
//     (typed and CommonRequest), Modify and Delete with an AccessKey and an
//     STS credential, and the rejections of a one-byte signature change, a
//     wrong secret, an unknown AccessKeyId and an STS key without its token.
//   - ccc_fake_test.go: our Contact Center fake (ccc/ccctest) against the
//     official github.com/aliyun/alibaba-cloud-sdk-go/services/ccc client
//     (v1, 2020-07-01) over real HTTP on loopback: GetInstance,
//     ListInstances (two pages) and ListInstancesOfUser decoded into the
//     documented example instance ccc-test, with an AccessKey and an STS
//     credential; a wrong secret (SignatureDoesNotMatch) and an unknown
//     instance (NotExists.InstanceId).
//   - acs3_form_fake_test.go: the Outbound Bot and Contact Center fakes
//     against github.com/alibabacloud-go/darabonba-openapi/v2 CallApi signing
//     with ACS3-HMAC-SHA256 and sending the parameters in a form body (the
//     canonical query is the URL query alone; the body is signed through
//     x-acs-content-sha256): CreateInstance with an AccessKey and an STS
//     credential, and GetInstance of the documented example.
//   - industrialcloud_fake_test.go: our instance-console fake
//     (industrialcloud/industrialcloudtest, TC3 signatures required)
//     against the official Tencent Cloud common client
//     (github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common
//     NewCommonClient, CommonRequest, service instance-console-app, version
//     2019-12-26, token set), the base of the community industrial-cloud
//     SDK: DescribeInstance and DescribeInstances decoded; a wrong secret
//     (AuthFailure.SignatureFailure), an unknown SecretId, an expired token,
//     an unknown instance; the host-case divergence end to end; and the
//     SDK's unsigned path ("Authorization: SKIP"), which the fake currently
//     refuses (pinned as a known divergence).
//   - differential_test.go: every operation our model and the v1 SDK
//     share, sent by our client and by v1's with the same values
//     (differential_build_test.go fills both from the model and the API
//     facts in testdata/facts) to a capture server
//     (differential_capture_test.go); the methods and the parameters on
//     the wire must agree, but for the normalisations and the known
//     disagreements listed in DISAGREEMENTS.md
//     (differential_products_test.go).
//   - differential_fake_test.go: the same v1 requests against our fakes,
//     each accepted and its answer decoded by v1.
//   - fake_helpers_test.go: what the fake tests share: the recording,
//     proxy-free transport, pointing a v1 client at a fake, and the checks
//     of v1 errors and wire parameters.
//   - gen_test.go: the shared seeded input generator and request recorder.
//
// Inputs are generated from a fixed math/rand/v2 seed; every mismatch prints
// the seed, the case number and the input. INTEROP_SEED=<n> runs the same
// tests on other inputs.
//
// Run with: cd interop && go test ./...
package interop
