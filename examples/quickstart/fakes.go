package main

import (
	"fmt"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/ccc/ccctest"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/industrialcloud/industrialcloudtest"
	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// fakes are the three public fake servers, running in-process.
type fakes struct {
	outboundbot     *outboundbottest.Server
	ccc             *ccctest.Server
	industrialcloud *industrialcloudtest.Server
}

func startFakes() (*fakes, error) {
	f := &fakes{
		outboundbot:     outboundbottest.NewServer(),
		ccc:             ccctest.NewServer(),
		industrialcloud: industrialcloudtest.NewServer(),
	}
	// A few more instances, so that listing takes several pages.
	for _, name := range []string{"回访", "催收提醒", "满意度调查", "预约确认"} {
		if _, err := f.outboundbot.AddInstance(outboundbot.Instance{InstanceName: name, MaxConcurrentConversation: 5}); err != nil {
			f.close()
			return nil, err
		}
	}
	return f, nil
}

func (f *fakes) close() {
	f.outboundbot.Close()
	f.ccc.Close()
	f.industrialcloud.Close()
}

// walks returns the task of each product, on clients wired to the fakes.
func (f *fakes) walks(cfg config) ([]walk, error) {
	ob, err := f.outboundbot.Client(func(o *outboundbot.Options) { o.Logger = cfg.logger() })
	if err != nil {
		return nil, fmt.Errorf("outboundbot client: %w", err)
	}
	cc, err := f.ccc.Client(func(o *ccc.Options) { o.Logger = cfg.logger() })
	if err != nil {
		return nil, fmt.Errorf("ccc client: %w", err)
	}
	ic, err := f.industrialcloud.Client(func(o *industrialcloud.Options) { o.Logger = cfg.logger() })
	if err != nil {
		return nil, fmt.Errorf("industrialcloud client: %w", err)
	}
	return []walk{
		outboundbotWalk(ob, true, "quickstart-demo", 2),
		cccWalk(cc, cccDemo{domain: "quickstart-ccc", admin: ccctest.CurrentUserRAMID}),
		industrialcloudWalk(ic),
	}, nil
}
