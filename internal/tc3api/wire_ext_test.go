package tc3api_test

import (
	"testing"

	"github.com/typedcloud/sdk-go/internal/tc3api"
	"github.com/typedcloud/sdk-go/internal/testutil"
	"github.com/typedcloud/sdk-go/internal/wire"
)

type payload struct {
	RequestID string `json:"RequestId"`
	Name      string
}

func decodePayload(d *wire.Decoder, env *tc3api.Envelope) *payload {
	var p payload
	for m := d.Object(); m.Next(); {
		if k := m.Key(); k.Is("Name") {
			p.Name = d.Str()
		} else {
			env.Member(d, k)
		}
	}
	p.RequestID = env.RequestID
	return &p
}

// TestReadAnswerMatchesEnvelope: for envelopes of every shape, Do with a
// one-pass decode returns what the encoding/json path returns, and takes
// the one pass exactly when that path succeeds.
func TestReadAnswerMatchesEnvelope(t *testing.T) {
	for _, body := range []string{
		`{"Response":{"Name":"n","RequestId":"R"}}`,
		`  {"response":{"name":"n","requestid":"R","error":null,"code":"0","msg":"ok"}}  `,
		`{"Response":{"Name":"n","RequestId":"R","Error":{}}}`,
		`{"Response":{"Name":"n","RequestId":"R","Error":{"Code":"InternalError","Message":"m"}}}`,
		`{"Response":{"Name":"n","RequestId":"R","Error":{"Code":1}}}`,
		`{"Response":{"Name":"n","RequestId":"R","Code":40001,"Msg":"bad"}}`,
		`{"Response":{"Name":"n","RequestId":"R","Code":"\"0\""}}`,
		`{"Response":{"Name":"n","RequestId":"R","Msg":1}}`,
		`{"Response":{"Name":1,"RequestId":"R"}}`,
		`{"Response":{"Name":"n"}}`,
		`{"Response":null}`,
		`{"Response":[]}`,
		`{"code":4000,"message":"legacy","codeDesc":"InvalidParameter"}`,
		`{"code":"0","message":"m"}`,
		`{"Response":{"RequestId":"R"},"message":1}`,
		`{"Response":{"RequestId":"R"},"codeDesc":null,"x":[{}]}`,
		`{"Response":{"RequestId":"R"}}}`,
		`{}`,
		``,
	} {
		testutil.SameTC3Decode(t, []byte(body), decodePayload, testutil.JSONReference)
	}
}
