package bench

import (
	"slices"
	"testing"

	"github.com/typedcloud/sdk-go/internal/wire"
	"github.com/typedcloud/sdk-go/signer"
)

// allocBudget is one allocation budget: what a hot path of the SDK may
// allocate per run. The budgets used to be asserted in unit tests, where a
// new Go release (a changed escape analysis, a runtime that allocates
// differently) could break the build; here they are figures that
// BenchmarkAllocBudget reports and RESULTS.md judges against the budget.
type allocBudget struct {
	name   string
	budget float64 // allocations per run at most
	run    func()
}

// budgetRPCParams is the parameter list of a DescribeInstance call as the
// client signs it.
var budgetRPCParams = []signer.Param{
	{Key: "AccessKeyId", Value: AccessKeyID},
	{Key: "Action", Value: "DescribeInstance"},
	{Key: "Format", Value: "JSON"},
	{Key: "InstanceId", Value: OBInstanceID},
	{Key: "RegionId", Value: "cn-shanghai"},
	{Key: "SignatureMethod", Value: "HMAC-SHA1"},
	{Key: "SignatureNonce", Value: "3b7b8a4c1d2e4f5a9b0c1d2e3f4a5b6c"},
	{Key: "SignatureVersion", Value: "1.0"},
	{Key: "Timestamp", Value: "2024-05-20T08:00:00Z"},
	{Key: "Version", Value: "2019-12-26"},
}

// wireNumbers holds numbers, booleans and a skipped member: none of them
// needs an allocation to read.
var wireNumbers = []byte(`{"a": 1, "b": -2, "c": true, "d": false, "e": null, "skip": {"x": [1, 2.5e3, "text", {"y": null}], "z": "\u00e9"}, "f": "12", "g": "true", "h": 1578469042851}`)

var sink struct {
	n int64
	b bool
	s string
}

func allocBudgets() []allocBudget {
	params := slices.Clone(budgetRPCParams)
	acs3 := signer.ACS3Request{Method: "POST", Query: []signer.Param{{Key: "InstanceId", Value: OBInstanceID}},
		Headers: []signer.Param{
			{Key: "host", Value: "outboundbot.cn-shanghai.aliyuncs.com"},
			{Key: "x-acs-action", Value: "DescribeInstance"},
			{Key: "x-acs-version", Value: "2019-12-26"},
			{Key: "x-acs-date", Value: "2024-05-20T08:00:00Z"},
			{Key: "x-acs-signature-nonce", Value: "3b7b8a4c1d2e4f5a9b0c1d2e3f4a5b6c"},
			{Key: "x-acs-content-sha256", Value: signer.EmptyPayloadHash},
		}}
	tc3 := signer.TC3Request{Method: "POST", Host: "cvm.tencentcloudapi.com", ContentType: "application/json",
		Service: "cvm", Timestamp: 1716192000}
	var d wire.Decoder
	plain, escaped := []byte(`"héllo, 世界"`), []byte(`"a\nb\u00e9"`)
	doc := []byte(`["ccc-test", "ccc-test", "user@ccc-test", "ccc-test"]`)
	in, quoted, flag := []byte(`1578469042851`), []byte(`"1578469042851"`), []byte(`"true"`)
	return []allocBudget{
		{"signer.SignRPC", 10, func() { copy(params, budgetRPCParams); signer.SignRPC("POST", params, AccessKeySecret) }},
		// crypto/hmac allocates five times per MAC: SignACS3 has one MAC,
		// SignTC3 four (the derived key's chain and the signature).
		{"signer.SignACS3", 8, func() { signer.SignACS3(acs3, AccessKeyID, AccessKeySecret) }},
		{"signer.SignTC3", 24, func() { signer.SignTC3(tc3, "id", "key") }},
		{"signer.PercentEncode-unreserved", 0, func() { sink.s = signer.PercentEncode("already-unreserved_1.0~") }},
		{"wire.Decoder-numbers-booleans-skips", 0, func() { sink.n = readNumbers(&d) }},
		{"wire.Decoder-string", 1, func() { d.Reset(plain); sink.s = d.Str() }},
		{"wire.Decoder-escaped-string", 1, func() { d.Reset(escaped); sink.s = d.Str() }},
		{"wire.Key.Is", 0, func() { sink.b = wire.Key("requestid").Is("RequestId") && !wire.Key("requestid").Is("Code") }},
		{"wire.Decoder-interned-repeats", 2, func() {
			d.Reset(doc)
			for e := d.Array(); e.Next(); {
				sink.s = d.Str()
			}
		}},
		{"wire.Int64-Bool-Millis", 0, func() {
			var n wire.Int64
			var b wire.Bool
			var m wire.Millis
			_ = n.UnmarshalJSON(in)
			_ = n.UnmarshalJSON(quoted)
			_ = b.UnmarshalJSON(flag)
			_ = m.UnmarshalJSON(quoted)
		}},
	}
}

func readNumbers(d *wire.Decoder) int64 {
	var n int64
	d.Reset(wireNumbers)
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("a"), k.Is("b"):
			n += d.Int()
		case k.Is("c"), k.Is("d"), k.Is("e"):
			sink.b = d.Bool()
		case k.Is("f"):
			n += d.LenientInt()
		case k.Is("g"):
			sink.b = d.LenientBool()
		case k.Is("h"):
			n += d.Millis().Unix()
		default:
			d.Skip()
		}
	}
	return n
}

// BenchmarkAllocBudget reports the allocations per run of each budgeted
// hot path (allocs/op) beside its budget (budget-allocs/op); the report
// (cmd/report) lists each as a target. It never fails: a Go release that
// moves a figure shows in RESULTS.md, not as a broken build.
func BenchmarkAllocBudget(b *testing.B) {
	for _, a := range allocBudgets() {
		b.Run("case="+a.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a.run()
			}
			b.ReportMetric(a.budget, "budget-allocs/op")
		})
	}
}
