package signer

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSignACS3MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	names := []string{"host", "Host", "content-type", "Content-Type", "x-acs-date", "X-Acs-Signature-Nonce",
		"x-acs-action", "x-acs-", "user-agent", "Accept", "authorization", "x-acsz", "hoſt", "X-ACS-Ünicode"}
	for range 3000 {
		req := ACS3Request{
			Method:        []string{"GET", "POST"}[r.IntN(2)],
			CanonicalURI:  []string{"", "/", "/path"}[r.IntN(3)],
			HashedPayload: []string{"", HashPayload([]byte(randString(r, 30)))}[r.IntN(2)],
		}
		for range r.IntN(20) {
			req.Query = append(req.Query, Param{randString(r, 15), randString(r, 40)})
		}
		for range r.IntN(22) { // past the stack array too
			req.Headers = append(req.Headers, Param{names[r.IntN(len(names))], " " + randString(r, 20) + "\t"})
		}
		id, secret := randString(r, 20), randString(r, 90)
		query, headers := slices.Clone(req.Query), slices.Clone(req.Headers)
		want := refACS3(req, id, secret)
		got := SignACS3(req, id, secret)
		if d := diffFields(got, want); d != nil {
			t.Fatalf("SignACS3(%+v):\n%s", req, strings.Join(d, "\n"))
		}
		if !slices.Equal(req.Query, query) || !slices.Equal(req.Headers, headers) {
			t.Fatal("SignACS3 modified the request's slices")
		}
	}
}

// The header rules of alibaba-rpc.md §5 on the documentation example:
// names in any case and order, values padded, unsigned headers present.
func TestSignACS3HeaderNormalization(t *testing.T) {
	v := loadVectors(t).ACS3[0]
	want := SignACS3(ACS3Request{Method: v.Method, Query: paramsOf(v.Query), Headers: paramsOf(v.Headers)},
		v.AccessKeyID, v.AccessKeySecret)
	if want.Signature != v.Signature {
		t.Fatalf("baseline signature %s, want %s", want.Signature, v.Signature)
	}

	var headers []Param
	for k, val := range v.Headers {
		headers = append(headers, Param{strings.ToUpper(k[:1]) + k[1:], "  " + val + " "})
	}
	headers = append(headers,
		Param{"User-Agent", "typedcloud"},
		Param{"Accept", "application/json"},
		Param{"Authorization", "ACS3-HMAC-SHA256 stale"})
	slices.Reverse(headers)
	query := paramsOf(v.Query)
	slices.Reverse(query)
	got := SignACS3(ACS3Request{Method: v.Method, Query: query, Headers: headers}, v.AccessKeyID, v.AccessKeySecret)
	if d := diffFields(got, want); d != nil {
		t.Fatal(strings.Join(d, "\n"))
	}
}

func TestSignACS3EmptyQueryValue(t *testing.T) {
	got := SignACS3(ACS3Request{Method: "GET", Query: []Param{{"b", ""}, {"a", "x y"}}}, "id", "secret")
	if want := "a=x%20y&b="; got.CanonicalQuery != want {
		t.Errorf("CanonicalQuery = %q, want %q", got.CanonicalQuery, want)
	}
	if want := "GET\n/\na=x%20y&b=\n\n\n" + EmptyPayloadHash; got.CanonicalRequest != want {
		t.Errorf("CanonicalRequest = %q", got.CanonicalRequest)
	}
}

func TestSignACS3Allocs(t *testing.T) {
	v := loadVectors(t).ACS3[2]
	req := ACS3Request{Method: v.Method, Query: sortedParams(paramsOf(v.Query)), Headers: paramsOf(v.Headers)}
	if n := testing.AllocsPerRun(100, func() { SignACS3(req, v.AccessKeyID, v.AccessKeySecret) }); n > 8 {
		// crypto/hmac's five, the buffer holding the key and the string
		// to sign, and the two result strings.
		t.Errorf("SignACS3 allocates %v times, want at most 8", n)
	}
}

// sortedParams returns params in canonical order, sorted in place.
func sortedParams(params []Param) []Param {
	sortParams(params)
	return params
}
