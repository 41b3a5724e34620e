package bench

import (
	"context"
	"os"
	"testing"
	"time"
)

// documented returns the documented example answer of op.
func documented(tb testing.TB, op Operation) []byte {
	tb.Helper()
	path := "../outboundbot/testdata/DescribeInstance/response.json"
	if op == GetInstance {
		path = "../ccc/testdata/GetInstance/response.json"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// newChecked returns the named client for op against s, checked (signed
// request, decoded contents) and warmed up.
func newChecked(tb testing.TB, name string, op Operation, s *Server) *Client {
	tb.Helper()
	c, err := NewClient(name, op, s)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	if err := Check(c, op, s); err != nil {
		tb.Fatal(err)
	}
	if err := Warm(c, 20); err != nil {
		tb.Fatal(err)
	}
	return c
}

// TestClients checks every client of the call benchmarks once: a correctly
// signed request with the same parameters, and the documented contents
// decoded.
func TestClients(t *testing.T) {
	for _, op := range []Operation{DescribeInstance, GetInstance} {
		s := NewServer(Static(documented(t, op)))
		t.Cleanup(s.Close)
		for _, name := range Clients {
			t.Run(op.action()+"/client="+name, func(t *testing.T) { newChecked(t, name, op, s) })
		}
	}
}

func benchCall(b *testing.B, op Operation) {
	s := NewServer(Static(documented(b, op)))
	defer s.Close()
	for _, name := range Clients {
		b.Run("client="+name, func(b *testing.B) {
			c := newChecked(b, name, op, s)
			ctx := context.Background()
			b.ReportAllocs()
			var cpu time.Duration
			for b.Loop() {
				if cpu == 0 {
					cpu = cpuTime()
				}
				if _, err := c.Call(ctx); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkDescribeInstance is one outboundbot DescribeInstance call
// against the loopback server answering the documented example bytes.
func BenchmarkDescribeInstance(b *testing.B) { benchCall(b, DescribeInstance) }

// BenchmarkGetInstance is one ccc GetInstance call against the loopback
// server answering the documented example bytes.
func BenchmarkGetInstance(b *testing.B) { benchCall(b, GetInstance) }
