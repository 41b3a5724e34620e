package interop

// The products the differential tests cover, and the v1/model
// disagreements they know of. Everything else they read from the model and
// the facts.

import (
	"github.com/typedcloud/sdk-go/fakeserver"
	"net/http"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	alicc "github.com/aliyun/alibaba-cloud-sdk-go/services/ccc"
	aliob "github.com/aliyun/alibaba-cloud-sdk-go/services/outboundbot"
	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// diffProduct is one API the differential tests run.
type diffProduct struct {
	name   string
	model  string // our model, the single source of truth
	facts  string // the API facts, with the v1 SDK's names and types
	region string // both clients' region: v1 always sends it as RegionId

	// id and secret are the AccessKey both clients sign with: the fakes'.
	id, secret string
	// instanceID is the documented instance the fake is seeded with; the
	// fake test gives it to every InstanceId parameter.
	instanceID string

	// ours returns our client, sending to endpoint through hc.
	ours func(endpoint string, hc *http.Client, cred credentials.Credential) (any, error)
	// v1 returns the official v1 client and the sdk.Client it embeds.
	v1 func(region, id, secret string) (any, *sdk.Client, error)
	// fake starts the product's fake seeded with its documented instance,
	// action answered as exampleUnlessBuiltin says.
	fake func(action string) (url string, stop func())
}

func diffProducts() []diffProduct {
	return []diffProduct{
		{
			name:   "outboundbot",
			model:  "../api/outboundbot/2019-12-26.json",
			facts:  "testdata/facts/outboundbot-2019-12-26.json",
			region: outboundbot.DefaultRegion,
			id:     outboundbottest.AccessKeyID, secret: outboundbottest.AccessKeySecret,
			instanceID: outboundbottest.ExampleInstanceID,
			ours: func(endpoint string, hc *http.Client, cred credentials.Credential) (any, error) {
				return outboundbot.New(outboundbot.Options{Region: outboundbot.DefaultRegion, Endpoint: endpoint, HTTPClient: hc, Credential: cred})
			},
			v1: func(region, id, secret string) (any, *sdk.Client, error) {
				c, err := aliob.NewClientWithAccessKey(region, id, secret)
				if err != nil {
					return nil, nil, err
				}
				return c, &c.Client, nil
			},
			fake: func(action string) (string, func()) {
				s := outboundbottest.NewServer()
				s.Handle(action, exampleUnlessBuiltin)
				return s.URL(), s.Close
			},
		},
		{
			name:   "ccc",
			model:  "../api/ccc/2020-07-01.json",
			facts:  "testdata/facts/ccc-2020-07-01.json",
			region: cccRegion,
			id:     ccctest.AccessKeyID, secret: ccctest.AccessKeySecret,
			instanceID: ccctest.ExampleInstanceID,
			ours: func(endpoint string, hc *http.Client, cred credentials.Credential) (any, error) {
				return ccc.New(ccc.Options{Region: cccRegion, Endpoint: endpoint, HTTPClient: hc, Credential: cred})
			},
			v1: func(region, id, secret string) (any, *sdk.Client, error) {
				c, err := alicc.NewClientWithAccessKey(region, id, secret)
				if err != nil {
					return nil, nil, err
				}
				return c, &c.Client, nil
			},
			fake: func(action string) (string, func()) {
				s := ccctest.NewServer()
				s.Handle(action, exampleUnlessBuiltin)
				return s.URL(), s.Close
			},
		},
	}
}

// exampleUnlessBuiltin answers as the fake would, but where the fake's
// state refuses the request (it names IDs the fake does not hold, or job
// texts it cannot read) it answers the model's example instead. It is
// registered with Handle, so the request's parameters have passed the
// model's checks by then: the fake test is about what v1 sends and
// decodes, not about the state the fake keeps.
func exampleUnlessBuiltin(r *fakeserver.Request) fakeserver.Response {
	if b := r.Builtin(); b.Code == "" {
		return b
	}
	return r.Example()
}

// How a known disagreement is settled.
const (
	// asJSONText: ours sends a list, shape or map as one parameter of
	// JSON text; v1 declares a plain string. The JSON text is a string, so
	// v1 is given the text ours sends and the wire must agree.
	asJSONText = "v1 is given the JSON text ours sends"
	// wireDiffers: the two send different parameters on purpose; the
	// parameter (or, with no parameter, the HTTP method) is left out of
	// the comparison once the test has seen that it does differ.
	wireDiffers = "left out of the comparison"
)

// disagreement is one known difference between the model and v1, with the
// reason the model is right. DISAGREEMENTS.md lists the same entries.
type disagreement struct {
	product, op, param string
	settled            string // asJSONText, wireDiffers or v1CannotDecode
	reason             string
	seen               bool // the answer disagreement occurred
}

func knownDisagreements() []disagreement {
	return []disagreement{
		{"ccc", "CreateCampaign", "CaseList", asJSONText,
			"the v2 facts declare a list of cases sent as JSON text; v1 declares a plain string, which is where that text goes", false},
	}
}

// v1CannotDecode: v1 declares a member of the answer with another type
// than the v2 facts, which the model and the fake follow, so v1 fails to
// decode the fake's answer; the test checks that the request was accepted
// and that v1's error names that member.
const v1CannotDecode = "v1's answer type differs; the model follows v2"

// knownAnswerDisagreements are the answers v1 declares differently from
// the v2 facts: param names the member, as v1's decoding error names it.
func knownAnswerDisagreements() []disagreement {
	return []disagreement{
		{"outboundbot", "GetTaskByUuid", "GetTaskByUuidResponse.Task", v1CannotDecode,
			"v2 declares Task.EndReason as text (documented example FINISHED), v1 as an int (its decoder reports the failure at the next member, EndTime)", false},
		{"ccc", "GetContactFlow", "Data.NumberList", v1CannotDecode,
			"v2 declares Data.NumberList as a list of numbers as text; v1 as a list of PhoneNumber objects", false},
	}
}

// disagreementFor returns the known disagreement of product's op.param, or
// nil.
func disagreementFor(list []disagreement, product, op, param string) *disagreement {
	for i := range list {
		if d := &list[i]; d.product == product && d.op == op && d.param == param {
			return d
		}
	}
	return nil
}
