package rpc

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/aliyun/credentials-go/credentials/providers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestSharedDefaultChain: credentials-go's providers keep their caches in
// plain fields (the default chain writes the provider it last used on every
// first ask), so goroutines sharing one credential, here through two
// clients as two products would, must not ask it at once. The race
// detector (CI runs -race) fails this test without the credential lock.
func TestSharedDefaultChain(t *testing.T) {
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
	cred, err := credentials.NewCredential(nil)
	require.NoError(t, err)
	rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
	clients := []*Client{newClient(t, rec, cred), newClient(t, rec, cred)}
	for _, c := range clients {
		c.Prepare()
	}
	var wg sync.WaitGroup
	for i := range 16 {
		c := clients[i%2]
		wg.Go(func() {
			assert.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Request: describeRequest{InstanceID: "i"}}))
		})
	}
	wg.Wait()
	require.Len(t, rec.reqs, 16)
	for _, req := range rec.reqs {
		assert.Equal(t, "env-id", verifyRPC(t, req, "env-secret").Get("AccessKeyId"))
	}
}

// inFlight is a credentials-go provider that records how many asks
// overlap.
type inFlight struct {
	mu        sync.Mutex
	now, most int
}

func (p *inFlight) GetCredentials() (*providers.Credentials, error) {
	p.mu.Lock()
	p.now++
	p.most = max(p.most, p.now)
	p.mu.Unlock()
	time.Sleep(time.Millisecond) // a refresh takes a while
	p.mu.Lock()
	p.now--
	p.mu.Unlock()
	return &providers.Credentials{AccessKeyId: "id", AccessKeySecret: "secret"}, nil
}

func (p *inFlight) GetProviderName() string { return "in-flight" }

// TestCredentialsGoAsksDoNotOverlap: a credentials-go credential is asked
// by one goroutine at a time, across clients; a caller's own Credential
// type is not serialised.
func TestCredentialsGoAsksDoNotOverlap(t *testing.T) {
	p := new(inFlight)
	cred := credentials.FromCredentialsProvider("ram_role_arn", p)
	rec := &lockedRecorder{recorder: recorder{answers: []answer{{200, okBody}}}}
	clients := []*Client{newClient(t, rec, cred), newClient(t, rec, cred)}
	var wg sync.WaitGroup
	for i := range 8 {
		c := clients[i%2]
		wg.Go(func() {
			assert.NoError(t, c.Invoke(t.Context(), Call{Action: "DescribeInstance", Request: describeRequest{InstanceID: "i"}}))
		})
	}
	wg.Wait()
	assert.Equal(t, 1, p.most, "asks overlapped")
	assert.NotNil(t, credentialLock(cred))
	assert.Same(t, credentialLock(cred), credentialLock(cred))
	assert.Nil(t, credentialLock(&countingCredential{}), "a caller's own type is not locked")
}
