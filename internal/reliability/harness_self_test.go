package reliability

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
)

// recorder is a reporter that keeps the failure instead of ending the test.
type recorder struct{ failed string }

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	if r.failed == "" {
		r.failed = fmt.Sprintf(format, args...)
	}
}

// TestLeakCheckCatchesLeaks proves the leak check is not vacuous: a response
// body left open (its connection and its goroutines) and a goroutine left
// blocked both fail it, and both pass once released.
func TestLeakCheckCatchesLeaks(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	defer srv.Close()
	d := newDialer(t)
	hc, tr := newHTTPClient(d)

	rec := &recorder{}
	check := startLeakCheck(rec, d, tr)
	check.timeout = 300 * time.Millisecond
	resp, err := hc.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	check.verify()
	if rec.failed == "" {
		t.Fatal("a response body left open passed the leak check")
	}
	resp.Body.Close()
	rec.failed = ""
	check.verify()
	if rec.failed != "" {
		t.Fatalf("after closing the body: %.200s", rec.failed)
	}

	release := make(chan struct{})
	go func() { <-release }()
	check.verify()
	if rec.failed == "" {
		t.Fatal("a blocked goroutine passed the leak check")
	}
	close(release)
	rec.failed = ""
	check.verify()
	if rec.failed != "" {
		t.Fatalf("after releasing the goroutine: %.200s", rec.failed)
	}
}

// TestRefusedDialIsReal proves the "refused" faults are the kernel's
// ECONNREFUSED from a dial, not a simulation.
func TestRefusedDialIsReal(t *testing.T) {
	d := newDialer(t)
	hc, tr := newHTTPClient(d)
	defer tr.CloseIdleConnections()
	d.refuseNext(1)
	_, err := hc.Get("http://127.0.0.1:9/") // the address does not matter: the dial goes to a closed port
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("got %v, want ECONNREFUSED", err)
	}
	if d.open() != 0 || d.dials.Load() != 1 {
		t.Fatalf("%d open, %d dials", d.open(), d.dials.Load())
	}
}
