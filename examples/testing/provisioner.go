package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/typedcloud/sdk-go/outboundbot"
)

// Provisioner is a small service built on the SDK: it makes sure that an
// Outbound Bot instance with a given name exists. provisioner_test.go tests
// it against the SDK's fake; copy both to start testing your own service.
type Provisioner struct {
	client *outboundbot.Client
}

// NewProvisioner returns a Provisioner that uses client.
func NewProvisioner(client *outboundbot.Client) *Provisioner {
	return &Provisioner{client: client}
}

// Ensure returns the instance named name, creating it with the given
// concurrency when there is none; created reports whether this call did.
//
// Two callers racing for one name, in this process or another, both get
// the one instance: the loser's create fails with ErrConflict, and it reads
// the winner's. When a create's answer is lost (the service failed after
// creating), the SDK does not resend it and Ensure returns the error; the
// instance may exist, and the next Ensure finds it instead of creating a
// second one.
func (p *Provisioner) Ensure(ctx context.Context, name string, concurrency int) (in outboundbot.Instance, created bool, err error) {
	if in, found, err := p.find(ctx, name); err != nil || found {
		return in, false, err
	}
	resp, err := p.client.CreateInstance(ctx, &outboundbot.CreateInstanceRequest{
		InstanceName:              name,
		MaxConcurrentConversation: concurrency,
	})
	switch {
	case err == nil:
		return resp.Instance, true, nil
	case errors.Is(err, outboundbot.ErrConflict): // created by someone else since we looked
		in, found, err := p.find(ctx, name)
		if err == nil && !found {
			err = fmt.Errorf("provision %q: the name is taken but no instance has it", name)
		}
		return in, false, err
	default:
		return outboundbot.Instance{}, false, fmt.Errorf("provision %q: %w", name, err)
	}
}

// find returns the instance with exactly this name. The service's Name
// filter also matches longer names that contain it, so each is checked.
func (p *Provisioner) find(ctx context.Context, name string) (outboundbot.Instance, bool, error) {
	for in, err := range p.client.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{Name: name}) {
		if err != nil {
			return outboundbot.Instance{}, false, fmt.Errorf("provision %q: %w", name, err)
		}
		if in.InstanceName == name {
			return in, true, nil
		}
	}
	return outboundbot.Instance{}, false, nil
}
