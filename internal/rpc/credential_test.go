package rpc

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/aliyun/credentials-go/credentials/providers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/credcache"
	"github.com/typedcloud/sdk-go/internal/apierror"
)

// lockedRecorder is a recorder that goroutines may share.
type lockedRecorder struct {
	mu sync.Mutex
	recorder
}

func (r *lockedRecorder) Do(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.recorder.Do(req)
}

// newBase returns a Base of a test product calling doer with cred.
func newBase(t *testing.T, doer *lockedRecorder, cred credentials.Credential) *Base[Options] {
	t.Helper()
	same := func(o Options) Options { return o }
	b, err := NewBase(Service{Product: "outboundbot", Version: "2019-12-26", DefaultRegion: "cn-shanghai"}, Convert[Options]{To: same, From: same},
		Options{Endpoint: "http://outboundbot.test.invalid", Credential: cred, HTTPClient: doer}, nil)
	require.NoError(t, err)
	return b
}

var describe = Call{Action: "DescribeInstance", Request: describeRequest{InstanceID: "i"}}

// keysModel is the answer of a Credential with these keys.
func keysModel(typ, provider, id, secret string) *credentials.CredentialModel {
	return &credentials.CredentialModel{Type: &typ, ProviderName: &provider, AccessKeyId: &id, AccessKeySecret: &secret}
}

// credentialMethods are the methods of a Credential the SDK never calls.
type credentialMethods struct{}

func (credentialMethods) GetAccessKeyId() (*string, error)     { return nil, errors.New("not called") }
func (credentialMethods) GetAccessKeySecret() (*string, error) { return nil, errors.New("not called") }
func (credentialMethods) GetSecurityToken() (*string, error)   { return nil, errors.New("not called") }
func (credentialMethods) GetBearerToken() *string              { return nil }
func (credentialMethods) GetType() *string                     { typ := "access_key"; return &typ }

// gated is a Credential of the caller's own, as slow as a refresh: each ask
// waits until release is closed. It counts its asks and how many overlap.
type gated struct {
	credentialMethods
	release chan struct{}

	mu              sync.Mutex
	asks, now, most int
}

func newGated() *gated { return &gated{release: make(chan struct{})} }

func (g *gated) GetCredential() (*credentials.CredentialModel, error) {
	g.mu.Lock()
	g.asks++
	g.now++
	g.most = max(g.most, g.now)
	n := g.asks
	g.mu.Unlock()
	<-g.release
	g.mu.Lock()
	g.now--
	g.mu.Unlock()
	return keysModel("access_key", "gated", "id", fmt.Sprintf("secret-%d", n)), nil
}

func (g *gated) counts() (asks, most int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.asks, g.most
}

// TestOneAskAtATime: the goroutines of one client, per-call options or
// not, and of clients given one credcache.Cache, ask the Credential one at
// a time; those that arrive while it is asked share its answer.
func TestOneAskAtATime(t *testing.T) {
	for name, bases := range map[string]func(*testing.T, *lockedRecorder, credentials.Credential) []*Base[Options]{
		"one client": func(t *testing.T, rec *lockedRecorder, cred credentials.Credential) []*Base[Options] {
			return []*Base[Options]{newBase(t, rec, cred)}
		},
		"two clients sharing a Cache": func(t *testing.T, rec *lockedRecorder, cred credentials.Credential) []*Base[Options] {
			shared := credcache.New(cred)
			return []*Base[Options]{newBase(t, rec, shared), newBase(t, rec, shared)}
		},
	} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				g := newGated()
				rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
				bs := bases(t, rec, g)
				var wg sync.WaitGroup
				for i := range 8 {
					b := bs[i%len(bs)]
					var optFns []func(*Options)
					if i%4 < 2 {
						optFns = append(optFns, func(o *Options) { o.Retry.MaxAttempts = 1 })
					}
					wg.Go(func() {
						assert.NoError(t, b.Invoke(t.Context(), describe.Action, false, describe.Request, nil, optFns))
					})
				}
				synctest.Wait() // every call waits for the credential
				asks, most := g.counts()
				assert.Equal(t, 1, most, "asks overlapped")
				assert.Equal(t, 1, asks, "the waiting calls share one ask")
				close(g.release)
				wg.Wait()
				require.Len(t, rec.reqs, 8)
				for _, req := range rec.reqs {
					verifyRPC(t, req, "secret-1")
				}
			})
		})
	}
}

// TestCancelledCallerReturnsAtOnce: a caller whose context ends while the
// credential is being asked returns at once with a *CredentialsError
// wrapping ctx.Err(), whether it started the ask or waited for it; the ask
// goes on, and a later call is served.
func TestCancelledCallerReturnsAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGated()
		defer close(g.release)
		rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
		b := newBase(t, rec, g)
		call := func(ctx context.Context) chan error {
			done := make(chan error, 1)
			go func() { done <- b.Invoke(ctx, describe.Action, false, describe.Request, nil, nil) }()
			return done
		}
		first, cancelFirst := context.WithCancel(t.Context())
		second, cancelSecond := context.WithCancel(t.Context())
		starter := call(first)
		synctest.Wait()
		waiter := call(second)
		synctest.Wait()

		for _, c := range []struct {
			name   string
			cancel context.CancelFunc
			done   chan error
		}{{"the caller waiting", cancelSecond, waiter}, {"the caller who started the ask", cancelFirst, starter}} {
			c.cancel()
			synctest.Wait()
			select {
			case err := <-c.done:
				var ce *apierror.CredentialsError
				require.ErrorAs(t, err, &ce, c.name)
				assert.ErrorIs(t, err, context.Canceled, c.name)
				assert.NotErrorIs(t, err, apierror.ErrAuth, "a cancelled call is no credential's failure")
				assert.Contains(t, err.Error(), "resolve credentials: context canceled", c.name)
			default:
				t.Fatalf("%s still waits for the credential", c.name)
			}
		}
		asks, _ := g.counts()
		assert.Equal(t, 1, asks, "the credential was asked once, and is still being asked")
		assert.Empty(t, rec.reqs)
	})
}

// expiring is a Credential of the caller's own whose keys expire an hour
// after each ask.
type expiring struct {
	credentialMethods
	asks int
}

func (e *expiring) GetExpiringCredential() (*credentials.CredentialModel, time.Time, error) {
	e.asks++
	return keysModel("sts", "expiring", "id", fmt.Sprintf("secret-%d", e.asks)), time.Now().Add(time.Hour), nil
}

func (e *expiring) GetCredential() (*credentials.CredentialModel, error) {
	m, _, err := e.GetExpiringCredential()
	return m, err
}

// TestRefreshBeforeExpiry: keys that say when they expire are reused until
// shortly before then, and replaced before they expire.
func TestRefreshBeforeExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cred := &expiring{}
		rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
		b := newBase(t, rec, cred)
		for _, step := range []struct {
			after  time.Duration // since the previous call
			secret string
		}{
			{0, "secret-1"},
			{time.Minute, "secret-1"},      // long before expiry: reused
			{58 * time.Minute, "secret-2"}, // a minute before expiry: refreshed
			{time.Minute, "secret-2"},      // the new keys are reused in turn
			{2 * time.Hour, "secret-3"},    // and replaced when they have expired
		} {
			time.Sleep(step.after)
			require.NoError(t, b.Invoke(t.Context(), describe.Action, false, describe.Request, nil, nil))
			verifyRPC(t, rec.reqs[len(rec.reqs)-1], step.secret)
		}
		assert.Equal(t, 3, cred.asks)
	})
}

// countingProvider is a credentials-go provider of the caller's own with a
// name of its choice, counting its asks.
type countingProvider struct {
	name string
	asks int
}

func (p *countingProvider) GetCredentials() (*providers.Credentials, error) {
	p.asks++
	return &providers.Credentials{AccessKeyId: "id", AccessKeySecret: fmt.Sprintf("secret-%d", p.asks), ProviderName: p.name}, nil
}

func (p *countingProvider) GetProviderName() string { return p.name }

// forwarding is a Credential of the caller's own that hands out the answer
// of credentials-go's fixed AccessKey, as a wrapper rotating keys behind it
// does (examples/credentials has one): type "access_key", provider
// "static_ak".
type forwarding struct {
	credentialMethods
	asks int
}

func (f *forwarding) GetCredential() (*credentials.CredentialModel, error) {
	f.asks++
	return keysModel("access_key", "static_ak", "id", fmt.Sprintf("secret-%d", f.asks)), nil
}

// neverExpiring is an ExpiringCredential whose keys never expire.
type neverExpiring struct{ forwarding }

func (n *neverExpiring) GetExpiringCredential() (*credentials.CredentialModel, time.Time, error) {
	m, err := n.GetCredential()
	return m, time.Time{}, err
}

// TestStaticAccessKeyIsReadOnce: credentials-go's fixed AccessKey (its
// wrapper, of type "access_key", of the provider it names "static_ak") and
// keys that never expire are read on the first call only. Any other
// credential is asked on every attempt, even one that reports the same
// type and provider: decided from the Credential's type, not its answer.
func TestStaticAccessKeyIsReadOnce(t *testing.T) {
	static := &countingProvider{name: "static_ak"}
	named := &countingProvider{name: "test"}
	fwd := &forwarding{}
	never := &neverExpiring{}
	for _, c := range []struct {
		name  string
		cred  credentials.Credential
		asks  *int
		reads int
	}{
		{"credentials-go wrapper of a static_ak provider", credentials.FromCredentialsProvider("access_key", static), &static.asks, 1},
		{"keys that never expire", never, &never.asks, 1},
		{"credentials-go wrapper of another provider", credentials.FromCredentialsProvider("access_key", named), &named.asks, 3},
		{"caller's type forwarding a static_ak answer", fwd, &fwd.asks, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
			b := newBase(t, rec, c.cred)
			assert.Zero(t, *c.asks, "New asks nothing")
			for range 3 {
				require.NoError(t, b.Invoke(t.Context(), describe.Action, false, describe.Request, nil, nil))
			}
			assert.Equal(t, c.reads, *c.asks)
			verifyRPC(t, rec.reqs[2], fmt.Sprintf("secret-%d", c.reads))
		})
	}
	t.Run("credentials-go's own", func(t *testing.T) {
		rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
		b := newBase(t, rec, staticCredential(t, "id", "secret", ""))
		for range 2 {
			require.NoError(t, b.Invoke(t.Context(), describe.Action, false, describe.Request, nil, nil))
			verifyRPC(t, rec.reqs[len(rec.reqs)-1], "secret")
		}
	})
}

// TestSharedDefaultChain: credentials-go's providers keep their caches in
// plain fields (the default chain writes the provider it last used on every
// first ask), so the goroutines of a client, and of clients given one
// Cache, must not ask it at once. The race detector (CI runs -race) fails
// this test if they do.
func TestSharedDefaultChain(t *testing.T) {
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
	for name, clients := range map[string]func(*testing.T, *lockedRecorder, credentials.Credential) []*Base[Options]{
		"one client": func(t *testing.T, rec *lockedRecorder, cred credentials.Credential) []*Base[Options] {
			return []*Base[Options]{newBase(t, rec, cred)}
		},
		"two clients sharing a Cache": func(t *testing.T, rec *lockedRecorder, cred credentials.Credential) []*Base[Options] {
			shared := credcache.New(cred)
			return []*Base[Options]{newBase(t, rec, shared), newBase(t, rec, shared)}
		},
	} {
		t.Run(name, func(t *testing.T) {
			cred, err := credentials.NewCredential(nil)
			require.NoError(t, err)
			rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
			bs := clients(t, rec, cred)
			var wg sync.WaitGroup
			for i := range 16 {
				b := bs[i%len(bs)]
				wg.Go(func() { assert.NoError(t, b.Invoke(t.Context(), describe.Action, false, describe.Request, nil, nil)) })
			}
			wg.Wait()
			require.Len(t, rec.reqs, 16)
			for _, req := range rec.reqs {
				assert.Equal(t, "env-id", verifyRPC(t, req, "env-secret").Get("AccessKeyId"))
			}
		})
	}
}
