package bench

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/typedcloud/sdk-go/outboundbot"
)

// liveHeap forces a collection and returns the bytes of heap objects
// still reachable.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// walker ranges every instance of the listing; sample is called at the
// first instance of each page (while that page is held).
type walker func(ctx context.Context, sample func()) (int, error)

func listWalkers(s *Server) map[string]walker {
	return map[string]walker{
		"sdk": func(ctx context.Context, sample func()) (int, error) {
			o, err := SDKOptions(s, &http.Client{Transport: NewTransport()})
			if err != nil {
				return 0, err
			}
			defer o.HTTPClient.(*http.Client).CloseIdleConnections()
			c, err := outboundbot.New(o)
			if err != nil {
				return 0, err
			}
			n := 0
			for in, err := range c.ListInstancesAll(ctx, &outboundbot.ListInstancesRequest{PageSize: 100}) {
				if err != nil {
					return n, err
				}
				if n%100 == 0 && sample != nil {
					sample()
				}
				if in.InstanceID == "" {
					return n, fmt.Errorf("instance %d has no ID", n)
				}
				n++
			}
			return n, nil
		},
		"floor": func(ctx context.Context, sample func()) (int, error) {
			hc := &http.Client{Transport: NewTransport()}
			defer hc.CloseIdleConnections()
			f := NewFloor(s.URL, AccessKeyID, AccessKeySecret, Region, hc)
			n := 0
			var bad error
			err := f.ListInstancesAll(ctx, 100, func(in *FloorInstance) bool {
				if n%100 == 0 && sample != nil {
					sample()
				}
				if in.InstanceId == "" {
					bad = fmt.Errorf("instance %d has no ID", n)
					return false
				}
				n++
				return true
			})
			if err == nil {
				err = bad
			}
			return n, err
		},
	}
}

// peakLive walks the listing once, forcing a collection at the first
// instance of every page, and returns the largest live heap seen above
// the live heap before the walk.
func peakLive(w walker) (uint64, int, error) {
	base := liveHeap()
	var peak uint64
	n, err := w(context.Background(), func() {
		if l := liveHeap(); l > base && l-base > peak {
			peak = l - base
		}
	})
	return peak, n, err
}

func benchListAll(b *testing.B, total int) {
	s := NewServer(ListPages(total))
	defer s.Close()
	walkers := listWalkers(s)
	for _, name := range []string{"floor", "sdk"} {
		b.Run("client="+name, func(b *testing.B) {
			w := walkers[name]
			// Untimed: the peak live heap, sampled on every page.
			peak, n, err := peakLive(w)
			if err != nil || n != total {
				b.Fatalf("walked %d of %d instances: %v", n, total, err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if n, err := w(context.Background(), nil); err != nil || n != total {
					b.Fatalf("walked %d of %d instances: %v", n, total, err)
				}
			}
			b.ReportMetric(float64(peak), "peak-live-B")
			b.ReportMetric(float64(total), "instances")
		})
	}
}

// BenchmarkListAll100k ranges ListInstancesAll over 100,000 instances
// (1,000 pages of 100) and reports the peak live heap during the walk;
// BenchmarkListAll10k is the same over 10,000, so the two peaks show
// whether memory grows with the total.
func BenchmarkListAll100k(b *testing.B) { benchListAll(b, 100_000) }

// BenchmarkListAll10k: see BenchmarkListAll100k.
func BenchmarkListAll10k(b *testing.B) { benchListAll(b, 10_000) }
