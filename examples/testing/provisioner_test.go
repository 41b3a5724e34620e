package main

// These tests run the Provisioner against outboundbottest, the SDK's
// in-process fake of the Outbound Bot API: it checks signatures like the
// service, keeps instances in memory, injects faults and records requests.
// Copy this file next to your own service and adapt it.

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/typedcloud/sdk-go/outboundbot"
	"github.com/typedcloud/sdk-go/outboundbot/outboundbottest"
)

// newProvisioner starts an empty fake, stopped when the test ends, and
// returns the service wired to it.
func newProvisioner(t *testing.T) (*Provisioner, *outboundbottest.Server) {
	t.Helper()
	srv := outboundbottest.NewServer(outboundbottest.WithoutSeed())
	t.Cleanup(srv.Close)
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	return NewProvisioner(client), srv
}

// named returns the fake's instances called name.
func named(srv *outboundbottest.Server, name string) []outboundbot.Instance {
	var out []outboundbot.Instance
	for _, in := range srv.Instances() {
		if in.InstanceName == name {
			out = append(out, in)
		}
	}
	return out
}

func TestEnsureCreatesOnceThenFinds(t *testing.T) {
	p, srv := newProvisioner(t)

	first, created, err := p.Ensure(t.Context(), "follow-up", 5)
	if err != nil || !created {
		t.Fatalf("first Ensure = created %t, %v; want a created instance", created, err)
	}
	if first.InstanceName != "follow-up" || first.MaxConcurrentConversation != 5 {
		t.Errorf("created %+v", first)
	}
	again, created, err := p.Ensure(t.Context(), "follow-up", 5)
	if err != nil || created || again.InstanceID != first.InstanceID {
		t.Fatalf("second Ensure = %s, created %t, %v; want %s found", again.InstanceID, created, err, first.InstanceID)
	}
	if n := srv.Received("CreateInstance"); n != 1 {
		t.Errorf("CreateInstance received %d times, want 1", n)
	}
}

// The service's Name filter matches names containing the one asked for.
func TestEnsureIgnoresLongerNames(t *testing.T) {
	p, srv := newProvisioner(t)
	if _, err := srv.AddInstance(outboundbot.Instance{InstanceName: "follow-up-night", MaxConcurrentConversation: 1}); err != nil {
		t.Fatal(err)
	}
	in, created, err := p.Ensure(t.Context(), "follow-up", 5)
	if err != nil || !created || in.InstanceName != "follow-up" {
		t.Fatalf("Ensure = %q, created %t, %v; want follow-up created", in.InstanceName, created, err)
	}
}

// A throttled create is retried by the SDK (the request provably did no
// work), so Ensure still succeeds and creates exactly one instance.
func TestEnsureRidesOutThrottling(t *testing.T) {
	p, srv := newProvisioner(t)
	srv.Inject(outboundbottest.Fault{Action: "CreateInstance", Status: 400, Code: "Throttling.User"})

	if _, created, err := p.Ensure(t.Context(), "follow-up", 5); err != nil || !created {
		t.Fatalf("Ensure = created %t, %v; want created despite throttling", created, err)
	}
	if n := srv.Received("CreateInstance"); n != 2 {
		t.Errorf("CreateInstance received %d times, want 2 (throttled, then retried)", n)
	}
	if n := len(named(srv, "follow-up")); n != 1 {
		t.Errorf("%d instances named follow-up, want 1", n)
	}
}

// The service creates the instance but its answer is an InternalError: the
// SDK must not resend the create, Ensure reports the error, and the next
// Ensure finds the instance instead of creating a second one.
func TestEnsureLostAnswerDoesNotDoubleCreate(t *testing.T) {
	p, srv := newProvisioner(t)
	srv.Inject(outboundbottest.Fault{Action: "CreateInstance", Code: "InternalError", AfterHandler: true})

	_, _, err := p.Ensure(t.Context(), "follow-up", 5)
	var apiErr *outboundbot.APIError
	if !errors.Is(err, outboundbot.ErrServer) || !errors.As(err, &apiErr) || apiErr.Code != "InternalError" {
		t.Fatalf("Ensure error = %v; want the InternalError, as ErrServer", err)
	}
	if !strings.HasPrefix(err.Error(), `provision "follow-up": `) {
		t.Errorf("error %q does not say which name failed", err)
	}
	if n := srv.Received("CreateInstance"); n != 1 {
		t.Fatalf("CreateInstance received %d times, want 1: a write with a lost answer is never resent", n)
	}
	if n := len(named(srv, "follow-up")); n != 1 {
		t.Fatalf("%d instances named follow-up, want the 1 the lost answer created", n)
	}

	in, created, err := p.Ensure(t.Context(), "follow-up", 5)
	if err != nil || created || in.InstanceID != named(srv, "follow-up")[0].InstanceID {
		t.Fatalf("next Ensure = %s, created %t, %v; want the existing instance found", in.InstanceID, created, err)
	}
	if n := srv.Received("CreateInstance"); n != 1 {
		t.Errorf("CreateInstance received %d times, want still 1", n)
	}
}

// Someone else creates the instance between our list and our create: the
// list is stale (an injected empty page), the create fails with
// ErrConflict, and Ensure returns the existing instance.
func TestEnsureLosesARace(t *testing.T) {
	p, srv := newProvisioner(t)
	theirs, err := srv.AddInstance(outboundbot.Instance{InstanceName: "follow-up", MaxConcurrentConversation: 2})
	if err != nil {
		t.Fatal(err)
	}
	srv.Inject(outboundbottest.Fault{Action: "ListInstances", Status: 200,
		Body: `{"RequestId":"stale-page","Success":true,"Instances":[],"TotalCount":0,"PageNumber":1,"PageSize":100}`})

	in, created, err := p.Ensure(t.Context(), "follow-up", 5)
	if err != nil || created || in.InstanceID != theirs.InstanceID {
		t.Fatalf("Ensure = %s, created %t, %v; want theirs, %s", in.InstanceID, created, err, theirs.InstanceID)
	}
	var codes []string
	for _, r := range srv.Requests() {
		codes = append(codes, r.Action+" "+r.Code)
	}
	want := []string{"ListInstances fault:raw-body", "CreateInstance InvalidInstanceName.Duplicated", "ListInstances "}
	if fmt.Sprint(codes) != fmt.Sprint(want) {
		t.Errorf("requests %q, want %q", codes, want)
	}
}

// Many callers at once still make one instance; run with -race.
func TestEnsureConcurrently(t *testing.T) {
	p, srv := newProvisioner(t)
	const callers = 8
	ids := make([]string, callers)
	creators := make([]bool, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() {
			in, created, err := p.Ensure(t.Context(), "follow-up", 5)
			if err != nil {
				t.Error(err)
			}
			ids[i], creators[i] = in.InstanceID, created
		})
	}
	wg.Wait()

	n := 0
	for i := range callers {
		if ids[i] != ids[0] || ids[i] == "" {
			t.Errorf("caller %d got %q, caller 0 %q", i, ids[i], ids[0])
		}
		if creators[i] {
			n++
		}
	}
	if n != 1 || len(named(srv, "follow-up")) != 1 {
		t.Errorf("%d callers created, %d instances exist; want 1 and 1", n, len(named(srv, "follow-up")))
	}
}

// What reached the fake: the actions and parameters the service sent, and
// no secret: the signature is redacted, the AccessKey secret never appears.
func TestEnsureRequests(t *testing.T) {
	p, srv := newProvisioner(t)
	if _, _, err := p.Ensure(t.Context(), "follow-up", 5); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Action != "ListInstances" || reqs[1].Action != "CreateInstance" {
		t.Fatalf("requests = %+v; want ListInstances then CreateInstance", reqs)
	}
	list, create := reqs[0].Params, reqs[1].Params
	if list["Name"] != "follow-up" {
		t.Errorf("ListInstances Name = %q, want the name filter", list["Name"])
	}
	if create["InstanceName"] != "follow-up" || create["MaxConcurrentConversation"] != "5" {
		t.Errorf("CreateInstance params = %v", create)
	}
	if create["Signature"] != "REDACTED" || create["AccessKeyId"] != outboundbottest.AccessKeyID {
		t.Errorf("Signature = %q, AccessKeyId = %q; want the signature redacted, the key ID kept", create["Signature"], create["AccessKeyId"])
	}
	if all := fmt.Sprintf("%+v", reqs); strings.Contains(all, outboundbottest.AccessKeySecret) {
		t.Error("a recorded request contains the AccessKey secret")
	}
}
