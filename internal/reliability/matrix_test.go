package reliability

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// variant is one way a cell is run: the fault lasting fewer calls than the
// client's attempts (the call recovers), as many (the call exhausts its
// attempts), or a fault the contract never retries (final).
type variant struct {
	name     string
	times    int  // calls the fault affects (refused dials for "refused")
	success  bool // the call must succeed
	attempts int  // requests the client must send
	received int  // requests that must reach the fake's handler stage
	refresh  bool // industrialcloud: the token provider hands a fresh token after the rejection
}

// variantsOf computes, from the contract alone, how a cell is run and what
// it must yield.
func variantsOf(op operation, f faultCase) []variant {
	retried := f.retries == all || f.retries == reads && !op.write
	switch {
	case f.kind == scriptedPages && op.list == nil:
		return nil // not a list operation: the cell does not apply
	case f.kind == scriptedPages:
		return []variant{{name: "final", attempts: f.walked, received: f.walked}}
	case f.applies != nil && !f.applies(op):
		return nil
	case f.kind == staleCreds && op.product.tencent:
		// A rejected token is refreshed and the call made once more, even
		// a write (it was not processed); a static token cannot be.
		return []variant{
			{name: "recovers", success: true, attempts: 2, received: 1, refresh: true},
			{name: "final", attempts: 1, received: 0},
		}
	case f.kind == staleCreds || f.kind == clockSkew:
		return []variant{{name: "final", attempts: 1, received: 0}}
	case f.kind == pastDeadline:
		return []variant{{name: "final", times: maxAttempts, attempts: 1, received: 1}}
	case retried:
		recv := func(n int) int {
			if f.kind == refused {
				return maxAttempts - n
			}
			return maxAttempts
		}
		return []variant{
			{name: "recovers", times: maxAttempts - 1, success: true, attempts: maxAttempts, received: recv(maxAttempts - 1)},
			{name: "exhausts", times: maxAttempts, attempts: maxAttempts, received: recv(maxAttempts)},
		}
	}
	// Final: the fault is armed for every attempt, so a retry the contract
	// forbids would show as an extra attempt.
	return []variant{{name: "final", times: maxAttempts, attempts: 1, received: 1}}
}

// deadline is the caller's deadline in the slow-answer cells.
const deadline = 200 * time.Millisecond

// TestFaultMatrix runs every operation of the three products against every
// fault. See the package documentation for what each cell proves.
func TestFaultMatrix(t *testing.T) {
	type result struct{ ran, passed int }
	results := map[string]map[string]*result{}
	runs := 0
	for _, op := range operations {
		results[op.String()] = map[string]*result{}
		for _, f := range faults {
			r := &result{}
			results[op.String()][f.name] = r
			for _, v := range variantsOf(op, f) {
				runs++
				r.ran++
				if t.Run(op.String()+"/"+f.name+"/"+v.name, func(t *testing.T) { runCell(t, op, f, v) }) {
					r.passed++
				}
			}
		}
	}

	// The matrix as a table: one row per operation, one column per fault;
	// each cell lists its variants (R recovers, E exhausts, F final) when
	// all passed, or FAIL.
	var b strings.Builder
	cells, passed := 0, 0
	fmt.Fprintf(&b, "fault matrix: %d operations × %d faults = %d cells, %d runs\n", len(operations), len(faults), len(operations)*len(faults), runs)
	for i, f := range faults {
		fmt.Fprintf(&b, "  f%-2d %s\n", i+1, f.name)
	}
	fmt.Fprintf(&b, "%-36s", "")
	for i := range faults {
		fmt.Fprintf(&b, " f%-3d", i+1)
	}
	b.WriteByte('\n')
	for _, op := range operations {
		fmt.Fprintf(&b, "%-36s", op.String())
		for _, f := range faults {
			cells++
			r := results[op.String()][f.name]
			mark := "FAIL"
			switch {
			case r.ran == 0:
				cells--
				mark = "-"
			case r.passed == r.ran:
				passed++
				mark = ""
				for _, v := range variantsOf(op, f) {
					mark += strings.ToUpper(v.name[:1])
				}
			}
			fmt.Fprintf(&b, " %-4s", mark)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%d/%d cells run pass", passed, cells)
	t.Log("\n" + b.String())
}

func runCell(t *testing.T, op operation, f faultCase, v variant) {
	skew := time.Duration(0)
	if f.kind == clockSkew {
		skew = 20 * time.Minute
	}
	e := op.product.start(skew)
	defer e.Close()

	d := newDialer(t)
	hc, tr := newHTTPClient(d)
	leaks := startLeakCheck(t, d, tr)
	rec := newAttempts(hc)
	s := settings{http: rec, retry: transport.Retry{MaxAttempts: maxAttempts, BaseDelay: time.Millisecond, MaxDelay: 4 * time.Millisecond}}

	var tokens *refreshingTokens
	afterHandler := false
	switch f.kind {
	case injected, pastDeadline:
		flt := f.fault(op.product, op)
		flt.Action, flt.Times = op.action, v.times
		afterHandler = op.write && f.lost
		flt.AfterHandler = afterHandler
		e.Inject(flt)
	case scriptedPages:
		op.list.serve(e, op.action, f.pages)
	case refused:
		d.refuseNext(v.times)
	case staleCreds:
		switch {
		case !op.product.tencent:
			s.stsToken = staleSTSToken // an STS token the service no longer accepts
		case v.refresh:
			tokens = &refreshingTokens{current: staleToken}
			s.tokens = tokens
		default:
			e.expire(industrialcloudTestToken)
		}
	}
	client, err := e.client(s)
	if err != nil {
		t.Fatal(err)
	}
	call := op.call(client)
	if f.kind == scriptedPages {
		call = func(ctx context.Context) error {
			w := op.list.walk(ctx, client, pageSize, false)
			return errors.Join(w.errs...)
		}
	}

	timeout := 30 * time.Second
	if f.kind == pastDeadline {
		timeout = deadline
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	start := time.Now()
	err = call(ctx)
	elapsed := time.Since(start)
	cancel()
	e.ClearFaults()

	// The outcome the contract promises.
	if v.success {
		if err != nil {
			t.Fatalf("want success after %d faulted calls, got %v", v.times, err)
		}
	} else {
		if err == nil {
			t.Fatal("want an error, got success")
		}
		checkError(t, op, f.want(op.product, op), v, err)
	}
	checkNoSecret(t, err)
	if f.kind == pastDeadline && elapsed > deadline+time.Second {
		t.Errorf("returned %v after a %v deadline", elapsed, deadline)
	}

	// Attempts: what the client sent, and what reached the fake.
	sent, resent := rec.count()
	if sent != v.attempts {
		t.Errorf("%d attempts, want %d", sent, v.attempts)
	}
	if resent != 0 {
		t.Errorf("%d attempts resent an already sent request; every attempt must be built and signed anew", resent)
	}
	if got := e.Received(op.action); got != v.received {
		t.Errorf("the fake received %d calls of %s, want %d", got, op.action, v.received)
	}
	if f.kind == refused {
		if got := d.dials.Load(); got != int64(v.attempts) {
			t.Errorf("%d dials, want %d (one per attempt)", got, v.attempts)
		}
	}

	// Writes: the handler ran at most once, and exactly when the contract
	// says; the fake's state agrees.
	if op.write {
		received := e.Received(op.action)
		notRun := 0
		if (f.kind == injected || f.kind == pastDeadline) && !afterHandler {
			notRun = min(v.times, received)
		}
		executed := received - notRun
		wantExec := 0
		if v.success || afterHandler {
			wantExec = 1
		}
		if executed != wantExec {
			t.Errorf("the write ran %d times, want %d", executed, wantExec)
		}
		if got := op.effect(e.typed); got != (wantExec == 1) {
			t.Errorf("the write's effect is visible: %v, want %v", got, wantExec == 1)
		}
	}

	// Fresh signing: every request that reached the fake carried a nonce
	// of its own (the fake answers SignatureNonceUsed to a replay, so a
	// recovered call already proves it for the retries).
	if e.nonces {
		seen := map[string]bool{}
		for _, r := range e.Requests() {
			if r.Params == nil {
				continue // rejected before its parameters were read
			}
			n := r.Params["SignatureNonce"]
			if n == "" || seen[n] {
				t.Errorf("request with nonce %q: empty or reused", n)
			}
			seen[n] = true
		}
	}
	if op.product.tencent {
		for _, r := range e.Requests() {
			if r.Header.Get("Authorization") == "" {
				t.Errorf("an attempt reached the fake unsigned")
			}
		}
	}
	if tokens != nil {
		if len(tokens.invalidated) != 1 || tokens.invalidated[0] != staleToken {
			t.Errorf("the provider was told %q were rejected, want [%q]", tokens.invalidated, staleToken)
		}
	}

	leaks.verify()
}

// checkError asserts that err is the typed error w describes.
func checkError(t *testing.T, op operation, w want, v variant, err error) {
	t.Helper()
	var opErr *apierror.OperationError
	var apiErr *apierror.APIError
	var decErr *apierror.DecodeError
	switch w.typ {
	case "operation":
		if !errors.As(err, &opErr) {
			t.Fatalf("got %T %v, want an *OperationError", err, err)
		}
		if opErr.Product != op.product.name || opErr.Operation != op.action {
			t.Errorf("OperationError names %s %s", opErr.Product, opErr.Operation)
		}
		if opErr.Attempts != v.attempts {
			t.Errorf("OperationError.Attempts = %d, want %d", opErr.Attempts, v.attempts)
		}
	case "api":
		if !errors.As(err, &apiErr) {
			t.Fatalf("got %T %v, want an *APIError", err, err)
		}
		if apiErr.Product != op.product.name || apiErr.Operation != op.action || apiErr.HTTPStatus != w.status || apiErr.Code != w.code {
			t.Errorf("APIError{%s %s HTTP %d %s}, want {%s %s HTTP %d %s}", apiErr.Product, apiErr.Operation, apiErr.HTTPStatus, apiErr.Code,
				op.product.name, op.action, w.status, w.code)
		}
		if apiErr.RequestID == "" {
			t.Errorf("APIError without a RequestID: %v", err)
		}
	case "decode":
		if !errors.As(err, &decErr) {
			t.Fatalf("got %T %v, want a *DecodeError", err, err)
		}
		if decErr.Product != op.product.name || decErr.Operation != op.action || decErr.HTTPStatus != w.status {
			t.Errorf("DecodeError{%s %s HTTP %d}, want {%s %s HTTP %d}", decErr.Product, decErr.Operation, decErr.HTTPStatus,
				op.product.name, op.action, w.status)
		}
		if len(decErr.Snippet) > apierror.SnippetLimit {
			t.Errorf("DecodeError snippet of %d bytes", len(decErr.Snippet))
		}
	case "pagination":
		checkPaginationError(t, op, err, w.reason, v.attempts*pageSize-pageSize)
	}
	for _, c := range []error{apierror.ErrNotFound, apierror.ErrThrottled, apierror.ErrAuth, apierror.ErrPermission,
		apierror.ErrInvalidParameter, apierror.ErrConflict, apierror.ErrQuotaExceeded, apierror.ErrServer} {
		if got := errors.Is(err, c); got != (c == w.category) {
			t.Errorf("errors.Is(err, %v) = %v (err: %v)", c, got, err)
		}
	}
	if w.wraps != nil && !errors.Is(err, w.wraps) {
		t.Errorf("%v does not wrap %v", err, w.wraps)
	}
	if !strings.Contains(err.Error(), op.action) {
		t.Errorf("%q does not name the operation", err)
	}
}
