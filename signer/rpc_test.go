package signer

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSignRPCMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 3000 {
		params := make([]Param, r.IntN(40))
		for i := range params {
			params[i] = Param{randString(r, 20), randString(r, 60)}
		}
		if r.IntN(3) == 0 {
			params = append(params, Param{"Signature", "stale"})
		}
		method := []string{"GET", "POST", ""}[r.IntN(3)]
		secret := randString(r, 80) // past a block, too
		want := refRPC(method, slices.Clone(params), secret)
		got := signRPC(t, method, params, secret)
		if d := diffFields(got, want); d != nil {
			t.Fatalf("SignRPC(%q, %q):\n%s", method, params, strings.Join(d, "\n"))
		}
	}
}

func TestSignRPCLargeRequest(t *testing.T) {
	// Past the stack scratch buffer.
	var params []Param
	for i := range 60 {
		params = append(params, Param{"Tag." + strings.Repeat("k", i), strings.Repeat("值 ", 40)})
	}
	secret := strings.Repeat("s", 100)
	want := refRPC("POST", slices.Clone(params), secret)
	if d := diffFields(signRPC(t, "POST", params, secret), want); d != nil {
		t.Fatal(strings.Join(d, "\n"))
	}
}

func TestSignRPCSortsInPlace(t *testing.T) {
	params := []Param{{"b", "2"}, {"Signature", "x"}, {"a", "1"}}
	signRPC(t, "GET", params, "secret")
	want := []Param{{"Signature", "x"}, {"a", "1"}, {"b", "2"}}
	if !slices.Equal(params, want) {
		t.Errorf("params after SignRPC = %v, want %v", params, want)
	}
}

func TestSignRPCNoParams(t *testing.T) {
	got := signRPC(t, "GET", nil, "secret")
	if got.CanonicalQuery != "" || got.StringToSign != "GET&%2F&" {
		t.Errorf("SignRPC with no params = %+v", got)
	}
	if want, _ := RPCSignature("secret", "GET&%2F&"); got.Signature != want {
		t.Errorf("Signature = %q, want %q", got.Signature, want)
	}
}
