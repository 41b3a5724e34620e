package bench

import (
	"context"
	"runtime"
	"sync"
	"testing"
)

// goroutines is the number of goroutines sharing one client.
const goroutines = 64

var contention sync.Map // client name → Contention, measured once per run

// BenchmarkParallel64 is 64 goroutines sharing one client, each making
// DescribeInstance calls; ns/op is wall time per call (the inverse of the
// throughput). It reports the TCP connections the client opened
// (conns), and from a separate sample with the mutex profile on, the
// lock contention per call held in the client library and in total.
func BenchmarkParallel64(b *testing.B) {
	s := NewServer(Static(documented(b, DescribeInstance)))
	defer s.Close()
	for _, name := range []string{"floor", "sdk", "sdk-default", "v1", "v2"} {
		b.Run("client="+name, func(b *testing.B) {
			ct, ok := contention.Load(name)
			if !ok {
				c := newChecked(b, name, DescribeInstance, s)
				m, err := measureContention(c, goroutines, 50)
				if err != nil {
					b.Fatal(err)
				}
				c.Close()
				if len(m.Holders) > 0 {
					b.Logf("%s: lock contention held in %v", name, m.Holders)
				}
				contention.Store(name, m)
				ct = m
			}
			// A fresh client: checked and warmed by one goroutine, ramped
			// up by 64 (untimed), then timed. conns counts every
			// connection it opened; conns-steady those of the timed part.
			before := s.Conns()
			c := newChecked(b, name, DescribeInstance, s)
			if _, err := measureCalls(c, goroutines, 5); err != nil {
				b.Fatal(err)
			}
			steady := s.Conns()
			procs := runtime.GOMAXPROCS(0)
			b.SetParallelism((goroutines + procs - 1) / procs)
			b.ReportAllocs()
			cpu := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				ctx := context.Background()
				for pb.Next() {
					if _, err := c.Call(ctx); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			reportCPU(b, cpu)
			b.ReportMetric(float64(s.Conns()-before), "conns")
			b.ReportMetric(float64(s.Conns()-steady), "conns-steady")
			b.ReportMetric(ct.(Contention).LibraryNs, "lib-lock-ns/op")
			b.ReportMetric(ct.(Contention).TotalNs, "all-lock-ns/op")
			c.Close()
		})
	}
}
