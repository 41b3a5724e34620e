package bench

import (
	"bufio"
	"bytes"
	"context"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time (user + system) the process has used. On
// a shared machine it is steadier than wall time: time spent waiting for
// a core is not counted.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the process CPU time per op since start.
func reportCPU(b *testing.B, start time.Duration) {
	if b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

// mutexRecords returns the mutex profile, keyed by stack.
func mutexRecords() map[[32]uintptr]runtime.BlockProfileRecord {
	n, _ := runtime.MutexProfile(nil)
	recs := make([]runtime.BlockProfileRecord, n+64)
	n, ok := runtime.MutexProfile(recs)
	for !ok {
		recs = make([]runtime.BlockProfileRecord, 2*len(recs))
		n, ok = runtime.MutexProfile(recs)
	}
	m := make(map[[32]uintptr]runtime.BlockProfileRecord, n)
	for _, r := range recs[:n] {
		m[r.Stack0] = r
	}
	return m
}

var cyclesPerSecond = sync.OnceValue(func() float64 {
	var buf bytes.Buffer
	pprof.Lookup("mutex").WriteTo(&buf, 1)
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "cycles/second="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err == nil && f > 0 {
				return f
			}
		}
	}
	return 1e9
})

// holder returns the function that released a contended sync.Mutex or
// sync.RWMutex (the first frame after the sync package's), or "runtime"
// for the runtime's own locks (scheduler, heap, timers), whose contention
// comes from allocation and scheduling, not from a lock the code took.
func holder(stk []uintptr) string {
	frames := runtime.CallersFrames(stk)
	first := true
	for {
		f, more := frames.Next()
		fn := f.Function
		switch {
		case first && strings.HasPrefix(fn, "runtime."):
			return "runtime"
		case fn == "" || strings.HasPrefix(fn, "sync.") || strings.HasPrefix(fn, "internal/sync.") || strings.HasPrefix(fn, "runtime."):
		default:
			return fn
		}
		first = false
		if !more {
			return ""
		}
	}
}

// library reports whether fn belongs to a client library (this SDK, a
// peer SDK or their dependencies) rather than the standard library or this
// benchmark.
func library(fn string) bool {
	first, _, ok := strings.Cut(fn, "/")
	return ok && strings.Contains(first, ".") && !strings.HasPrefix(fn, "github.com/typedcloud/sdk-go/bench.")
}

// Contention is the lock contention of a sample of concurrent calls, per
// call, split by where the contended lock was held.
type Contention struct {
	LibraryNs float64  // held in the client library (or its dependencies)
	TotalNs   float64  // everywhere, net/http included
	Holders   []string // the library functions that held a contended lock
}

// measureContention runs goroutines × calls calls of c with the mutex
// profile recording every event, and returns the contention they caused.
func measureContention(c *Client, goroutines, calls int) (Contention, error) {
	before := mutexRecords()
	prev := runtime.SetMutexProfileFraction(1)
	_, err := measureCalls(c, goroutines, calls)
	runtime.SetMutexProfileFraction(prev)
	after := mutexRecords()
	if err != nil {
		return Contention{}, err
	}
	var lib, total int64
	seen := map[string]bool{}
	var holders []string
	for k, r := range after {
		d := r.Cycles - before[k].Cycles
		if d <= 0 {
			continue
		}
		total += d
		if fn := holder(r.Stack()); library(fn) {
			lib += d
			if !seen[fn] {
				seen[fn] = true
				holders = append(holders, fn)
			}
		}
	}
	n := float64(goroutines * calls)
	ns := 1e9 / cyclesPerSecond()
	return Contention{LibraryNs: float64(lib) * ns / n, TotalNs: float64(total) * ns / n, Holders: holders}, nil
}

// measureCalls runs goroutines × calls calls of c at once.
func measureCalls(c *Client, goroutines, calls int) (time.Duration, error) {
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls {
				if _, err := c.Call(context.Background()); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return time.Since(start), <-errs
}
