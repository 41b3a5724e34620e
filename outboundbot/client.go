package outboundbot

import (
	"github.com/typedcloud/sdk-go/internal/rpc"
)

// APIVersion is the Outbound Bot API version this package speaks.
const APIVersion = "2019-12-26"

// DefaultRegion is the region used when Options.Region is empty.
const DefaultRegion = "cn-shanghai"

// service describes the Outbound Bot API to the shared RPC client.
var service = rpc.Service{
	Product:       "outboundbot",
	Version:       APIVersion,
	DefaultRegion: DefaultRegion,
	Codes:         codes,
	Host:          regionalHost,
}

// Client calls the Outbound Bot API. It is immutable and safe for
// concurrent use; create one and share it.
type Client struct {
	base *rpc.Base[Options]
}

// New returns a Client configured by o, then by each optFn in order. It
// validates the options and makes no network call.
func New(o Options, optFns ...func(*Options)) (*Client, error) {
	b, err := rpc.NewBase(service, convert, o, optFns)
	if err != nil {
		return nil, err
	}
	return &Client{base: b}, nil
}

// Options returns a copy of the client's options, defaults filled in.
func (c *Client) Options() Options { return c.base.Options() }
