package reliability

import (
	"context"
	"errors"
	"net/http"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// loadEnv opts in to the load test: plain go test ./... stays fast, and
// .ci/run runs the load test as a step of its own.
const loadEnv = "TYPEDCLOUD_LOAD"

// Load test size. Under the race detector every call is several times
// slower, and CI runs the load test under -race, so the count is scaled
// down there (raceEnabled, set by race_on_test.go) to stay well under two
// minutes.
const (
	loadWorkers = 64
	loadCalls   = 2000 // per worker
	raceCalls   = 150  // per worker, under -race
	faultEvery  = 20   // one injected retryable fault per 20 calls: 5 %
	stormCalls  = 16   // per worker, against a service that always fails
	// loadTimeBound (raceTimeBound under -race) stops a steady phase early
	// on a machine too slow or too busy to finish it: calls not started by
	// then are not made, and the figures cover the calls that were.
	loadTimeBound = 100 * time.Second
	raceTimeBound = 40 * time.Second
	// heapSlack is how far the heap may stay above its baseline once the
	// run is over and everything it made is unreachable.
	heapSlack = 4 << 20
)

// counting counts the attempts a client sends.
type counting struct {
	next *http.Client
	n    atomic.Int64
}

func (c *counting) Do(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.Do(r)
}

type loadStats struct {
	calls, injected, failures int64
	cut                       int64 // calls ended by the time bound
	attempts, received        int64
	stormCalls, stormAttempts int64
	stormFailures, stormBound int64
	duration                  time.Duration
	peakHeap                  uint64
	firstErrors               []error
}

// TestLoad shares one client among 64 goroutines making 2,000 calls each
// (industrialcloud DescribeInstance and DescribeInstances, loopback only)
// while 5 % of the calls meet a retryable fault, then does the same with an
// outboundbot client (its fake verifying every HMAC-SHA1 signature and
// nonce). Each run then turns its
// fake into a service that fails every call and shows the retry budget
// bounding the attempts. Run it under -race for the data-race half of the
// claim.
func TestLoad(t *testing.T) {
	if os.Getenv(loadEnv) != "1" {
		t.Skip("the load test takes half a minute; it runs when " + loadEnv + "=1 (.ci/run sets it)")
	}
	perWorker, bound := loadCalls, loadTimeBound
	if raceEnabled {
		perWorker, bound = raceCalls, raceTimeBound
	}
	for _, run := range []struct {
		product *product
		calls   int
	}{
		{industrialcloudProduct, perWorker},
		{outboundbotProduct, perWorker},
	} {
		t.Run(run.product.name, func(t *testing.T) {
			before := heapAfterGC()
			s := runLoad(t, run.product, run.calls, bound)
			after := heapAfterGC()

			t.Logf("load: %d goroutines × %d calls = %d calls on one client in %v (%.0f calls/s), %d retryable faults injected",
				loadWorkers, run.calls, s.calls, s.duration.Round(time.Millisecond), float64(s.calls)/s.duration.Seconds(), s.injected)
			if want := int64(loadWorkers * run.calls); s.calls < want {
				t.Logf("load: the %v time bound stopped the run after %d of %d calls (%d cut in flight)", bound, s.calls, want, s.cut)
			}
			t.Logf("load: %d attempts sent, %d received by the fake, %d retries; %d unexpected errors",
				s.attempts, s.received, s.attempts-s.calls, s.failures)
			t.Logf("storm: %d calls, every one failing: %d attempts; bound = calls + budget/RetryCost = %d (%d without a budget)",
				s.stormCalls, s.stormAttempts, s.stormBound, s.stormCalls*maxAttempts)
			t.Logf("heap: %.1f MiB before, %.1f MiB peak, %.1f MiB after", mib(before), mib(s.peakHeap), mib(after))

			if s.failures != 0 {
				t.Errorf("%d unexpected errors, first: %v", s.failures, s.firstErrors)
			}
			if s.received > s.attempts || s.received < s.attempts-s.cut {
				t.Errorf("the client sent %d attempts, the fake received %d", s.attempts, s.received)
			}
			// Every retry answers one injected fault: no fault may cause
			// more than one, and at most one fault per goroutine can still
			// be queued, unused, at the end.
			if retries := s.attempts - s.calls; retries > s.injected || retries < s.injected-loadWorkers-s.cut {
				t.Errorf("%d retries for %d injected faults", retries, s.injected)
			}
			if s.stormAttempts != s.stormBound {
				t.Errorf("storm: %d attempts, want exactly the budget's bound %d", s.stormAttempts, s.stormBound)
			}
			if s.stormFailures != s.stormCalls {
				t.Errorf("storm: %d of %d calls failed with ErrServer, want all", s.stormFailures, s.stormCalls)
			}
			if after > before+heapSlack {
				t.Errorf("heap %.1f MiB after the run, baseline %.1f MiB", mib(after), mib(before))
			}
		})
	}
}

// readsOf returns the read operations of p.
func readsOf(p *product) []operation {
	var out []operation
	for _, op := range operations {
		if op.product == p && !op.write {
			out = append(out, op)
		}
	}
	return out
}

// loadFaultsFor returns the matrix's injected faults that a read retries,
// in p's envelope: each answers once, and the retry must succeed.
func loadFaultsFor(p *product, op operation) []fake.Fault {
	var out []fake.Fault
	for _, f := range faults {
		if f.kind == injected && f.retries != never {
			flt := f.fault(p, op)
			flt.Times = 1
			out = append(out, flt)
		}
	}
	return out
}

// runLoad runs the steady phase and the storm; everything it makes is
// unreachable once it returns, so the caller can measure the heap.
func runLoad(t *testing.T, p *product, perWorker int, bound time.Duration) *loadStats {
	e := p.start(0)
	defer e.Close()
	d := newDialer(t)
	hc, tr := newHTTPClient(d)
	leaks := startLeakCheck(t, d, tr)
	s := &loadStats{}
	reads := readsOf(p)
	loadFaults := loadFaultsFor(p, reads[0])

	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()

	// Steady phase: 5 % retryable faults. Six attempts make a call that
	// meets nothing but injected faults vanishingly unlikely.
	steady := &counting{next: hc}
	client, err := e.client(settings{http: steady,
		retry: transport.Retry{MaxAttempts: 6, BaseDelay: time.Millisecond, MaxDelay: 8 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	calls := make([]func(context.Context) error, len(reads))
	for i, op := range reads {
		calls[i] = op.call(client)
	}
	var injectedN, failures, made, cut atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	ctx := context.Background()
	bounded, cancel := context.WithTimeout(ctx, bound)
	defer cancel()
	start := time.Now()
	for w := range loadWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				if bounded.Err() != nil {
					return
				}
				n := w*perWorker + i
				if n%faultEvery == 0 {
					e.Inject(loadFaults[(n/faultEvery)%len(loadFaults)])
					injectedN.Add(1)
				}
				made.Add(1)
				if err := calls[i%len(calls)](bounded); errors.Is(err, context.DeadlineExceeded) {
					cut.Add(1)
				} else if err != nil {
					failures.Add(1)
					mu.Lock()
					if len(s.firstErrors) < 5 {
						s.firstErrors = append(s.firstErrors, err)
					}
					mu.Unlock()
				}
				if i%500 == 499 {
					e.ResetRequests() // the fake's record would grow, not the SDK
				}
			}
		}()
	}
	wg.Wait()
	s.duration = time.Since(start)
	e.ClearFaults()
	s.calls, s.cut = made.Load(), cut.Load()
	s.injected, s.failures = injectedN.Load(), failures.Load()
	s.attempts = steady.n.Load()
	for _, op := range reads {
		s.received += int64(e.Received(op.action))
	}

	// Storm: every call fails with a retryable 503. A fresh client's
	// budget (DefaultBudgetTokens, RetryCost per retry, nothing refunded
	// without a success) allows exactly 100 retries in all, however many
	// calls and however concurrent.
	storm := &counting{next: hc}
	stormClient, err := e.client(settings{http: storm,
		retry: transport.Retry{MaxAttempts: maxAttempts, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	stormCall := reads[0].call(stormClient)
	e.Inject(fake.Fault{Status: 503, Times: 1 << 30})
	var stormFailures atomic.Int64
	for range loadWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range stormCalls {
				if err := stormCall(ctx); errors.Is(err, apierror.ErrServer) {
					stormFailures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	e.ClearFaults()
	s.stormCalls = int64(loadWorkers * stormCalls)
	s.stormAttempts = storm.n.Load()
	s.stormFailures = stormFailures.Load()
	s.stormBound = s.stormCalls + int64(transport.DefaultBudgetTokens/transport.RetryCost)

	close(stop)
	<-sampled
	s.peakHeap = peak.Load()
	e.ResetRequests()
	leaks.verify()
	return s
}

// heapAfterGC returns the live heap once garbage (and sync.Pool caches,
// which need two cycles) is collected.
func heapAfterGC() uint64 {
	var m runtime.MemStats
	for range 3 {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }
