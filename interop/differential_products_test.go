package interop

// The products the differential tests cover, and the v1/model
// disagreements they know of. Everything else they read from the model and
// the facts.

import (
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
	// fake starts the product's fake seeded with its documented instance.
	fake func() (url string, stop func())
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
			fake: func() (string, func()) {
				s := outboundbottest.NewServer()
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
			fake: func() (string, func()) {
				s := ccctest.NewServer()
				return s.URL(), s.Close
			},
		},
	}
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
	settled            string // asJSONText or wireDiffers
	reason             string
}

func knownDisagreements() []disagreement {
	return []disagreement{
		{"ccc", "CreateCampaign", "CaseList", asJSONText,
			"the v2 facts declare a list of cases sent as JSON text; v1 declares a plain string, which is where that text goes"},
		{"ccc", "CreateInstance", "NumberList", asJSONText,
			"the facts (v2 and v1) declare a string; the model types it as []string sent as JSON array text, the documented value (NumberList=[\"0830011xxxx\"])"},
		{"ccc", "CreateInstance", "AdminRamIdList", asJSONText,
			"as NumberList: a string in the facts, JSON array text of RAM user IDs in the model"},
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
