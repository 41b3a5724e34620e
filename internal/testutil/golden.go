package testutil

import (
	"bytes"
	"flag"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing")

// Volatile lists the request parameters and headers whose values change on
// every call (or with the machine) and are cleared in snapshots.
var volatile = map[string]bool{
	"Signature": true, "SignatureNonce": true, "Timestamp": true, "AccessKeyId": true, "SecurityToken": true,
	"Authorization": true, "User-Agent": true, "X-Acs-Date": true, "X-Acs-Signature-Nonce": true,
	"X-Tc-Timestamp": true, "X-Tc-Token": true, "X-Acs-Security-Token": true,
}

// Capture is an HTTPClient that forwards to Next and keeps a snapshot of
// every request it sent.
type Capture struct {
	Next interface {
		Do(*http.Request) (*http.Response, error)
	}
	mu        sync.Mutex
	snapshots []string
}

// Do implements the SDK's HTTPClient.
func (c *Capture) Do(r *http.Request) (*http.Response, error) {
	snap, err := Snapshot(r)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.snapshots = append(c.snapshots, snap)
	c.mu.Unlock()
	return c.Next.Do(r)
}

// Last returns the snapshot of the last request sent.
func (c *Capture) Last(t testing.TB) string {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.snapshots) == 0 {
		t.Fatal("no request was sent")
	}
	return c.snapshots[len(c.snapshots)-1]
}

// Snapshot renders a request as text: method and path, then the sorted
// query parameters, headers and body, volatile values cleared. It restores
// the body it reads.
func Snapshot(r *http.Request) (string, error) {
	var b strings.Builder
	b.WriteString(r.Method + " " + r.URL.Path + "\n")
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return "", err
	}
	writeSorted(&b, "query", q, "=")
	b.WriteString("rawquery " + rawQuery(r.URL.RawQuery) + "\n")
	writeSorted(&b, "header", url.Values(r.Header), ": ")
	if r.Body != nil {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return "", err
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		b.WriteString("body " + string(body) + "\n")
	}
	return b.String(), nil
}

// rawQuery is the query as sent, volatile values cleared: it pins the
// percent-encoding, which the decoded parameters do not show.
func rawQuery(raw string) string {
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		if k, _, ok := strings.Cut(p, "="); ok && volatile[k] {
			parts[i] = k + "=<volatile>"
		}
	}
	return strings.Join(parts, "&")
}

func writeSorted(b *strings.Builder, label string, m map[string][]string, sep string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range m[k] {
			if volatile[k] {
				v = "<volatile>"
			}
			b.WriteString(label + " " + k + sep + v + "\n")
		}
	}
}

// Golden compares got with the file at path, or rewrites the file when the
// test runs with -update.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("request differs from %s (run with -update if the change is intended)\n--- want\n%s--- got\n%s", path, want, got)
	}
}

// Static is an HTTPClient that answers every request with the same status
// and body, and keeps the requests.
type Static struct {
	Status int
	Body   []byte

	mu   sync.Mutex
	Reqs []*http.Request
}

// Do implements the SDK's HTTPClient.
func (s *Static) Do(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.Reqs = append(s.Reqs, r)
	s.mu.Unlock()
	return &http.Response{StatusCode: s.Status, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(s.Body))}, nil
}
