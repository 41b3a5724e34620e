package signer

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSignTC3MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	names := []string{"X-TC-Action", "x-tc-version", "X-TC-Region", "Host", "content-type", "x-custom"}
	timestamps := []int64{0, 1551113065, 1704067199, 1704067200, -1, 253402300799, 253402300800, math.MaxInt32}
	for range 3000 {
		req := TC3Request{
			Method:         []string{"POST", "GET"}[r.IntN(2)],
			Host:           []string{"cvm.tencentcloudapi.com", "Instance-Console-API.example.com", " h "}[r.IntN(3)],
			CanonicalURI:   []string{"", "/"}[r.IntN(2)],
			CanonicalQuery: []string{"", "Limit=1&Offset=0", randString(r, 50)}[r.IntN(3)],
			ContentType:    []string{"application/json", "application/json; charset=utf-8", "Application/X-WWW-Form-Urlencoded"}[r.IntN(3)],
			HashedPayload:  []string{"", HashPayload([]byte(randString(r, 30)))}[r.IntN(2)],
			Service:        []string{"cvm", "example", randString(r, 10)}[r.IntN(3)],
			Timestamp:      timestamps[r.IntN(len(timestamps))],
		}
		for range r.IntN(10) { // past the stack array too
			req.ExtraHeaders = append(req.ExtraHeaders, Param{names[r.IntN(len(names))], randString(r, 15)})
		}
		id, key := randString(r, 36), randString(r, 80)
		extra := slices.Clone(req.ExtraHeaders)
		want := refTC3(req, id, key)
		got := SignTC3(req, id, key)
		if d := diffFields(got, want); d != nil {
			t.Fatalf("SignTC3(%+v):\n%s", req, strings.Join(d, "\n"))
		}
		if !slices.Equal(req.ExtraHeaders, extra) {
			t.Fatal("SignTC3 modified ExtraHeaders")
		}
	}
}

// Some clients also sign x-tc-action; names and values are lowercased.
func TestSignTC3ExtraHeaders(t *testing.T) {
	v := loadVectors(t).TC3[0]
	req := TC3Request{
		Method: v.Method, Host: v.Host, ContentType: v.ContentType,
		HashedPayload: HashPayload([]byte(v.Payload)), Service: v.Service, Timestamp: v.Timestamp,
		ExtraHeaders: []Param{{"X-TC-Action", "DescribeInstances"}, {"Host", "ignored.example.com"}},
	}
	got := SignTC3(req, v.SecretID, v.SecretKey)
	if want := "content-type;host;x-tc-action"; got.SignedHeaders != want {
		t.Errorf("SignedHeaders = %q, want %q", got.SignedHeaders, want)
	}
	wantHeaders := "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n"
	if got.CanonicalHeaders != wantHeaders {
		t.Errorf("CanonicalHeaders = %q, want %q", got.CanonicalHeaders, wantHeaders)
	}
	if d := diffFields(got, refTC3(req, v.SecretID, v.SecretKey)); d != nil {
		t.Error(strings.Join(d, "\n"))
	}
	// The date and key chain do not depend on the headers.
	if base := SignTC3(TC3Request{Service: v.Service, Timestamp: v.Timestamp}, "id", v.SecretKey); string(base.SecretSigning) != string(got.SecretSigning) {
		t.Error("SecretSigning depends on more than date, service and key")
	}
}

func TestSignTC3Allocs(t *testing.T) {
	req := TC3Request{Method: "POST", Host: "cvm.tencentcloudapi.com", ContentType: "application/json",
		Service: "cvm", Timestamp: 1716192000}
	if n := testing.AllocsPerRun(100, func() { SignTC3(req, "id", "key") }); n > 24 {
		// crypto/hmac's five for each of the four MACs, the buffer
		// holding the first key and the string to sign, the derived
		// keys and the two result strings.
		t.Errorf("SignTC3 allocates %v times, want at most 24", n)
	}
}
