package signer

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"math/rand/v2"
	"testing"
)

func TestHMACMatchesCryptoHMAC(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		key := make([]byte, r.IntN(150)) // shorter and longer than a block
		msg := make([]byte, r.IntN(300))
		for i := range key {
			key[i] = byte(r.Uint32())
		}
		for i := range msg {
			msg[i] = byte(r.Uint32())
		}
		buf := append(make([]byte, blockSize), msg...)
		got1 := hmacSHA1(bytes.Clone(key), buf)
		if want := refHMAC(sha1.New, string(key), string(msg)); !bytes.Equal(got1[:], want) {
			t.Fatalf("hmacSHA1(%x, %x) = %x, want %x", key, msg, got1, want)
		}
		if !bytes.Equal(buf[:blockSize], make([]byte, blockSize)) || !bytes.Equal(buf[blockSize:], msg) {
			t.Fatal("hmacSHA1 left the pad in place or changed the message")
		}
		got256 := hmacSHA256(bytes.Clone(key), buf)
		if want := refHMAC(sha256.New, string(key), string(msg)); !bytes.Equal(got256[:], want) {
			t.Fatalf("hmacSHA256(%x, %x) = %x, want %x", key, msg, got256, want)
		}
	}
}

func TestHashPayload(t *testing.T) {
	if got := HashPayload(nil); got != EmptyPayloadHash {
		t.Errorf("HashPayload(nil) = %s, want EmptyPayloadHash", got)
	}
	// tc3-peer-unsigned-payload
	if got, want := HashPayload([]byte(UnsignedPayload)), "438d4109ef0d676b8c2c7ed13cdfcb418e494d53b843d4634ce3b1085f07bb96"; got != want {
		t.Errorf("HashPayload(UNSIGNED-PAYLOAD) = %s, want %s", got, want)
	}
}

func TestVersionString(t *testing.T) {
	for v, want := range map[Version]string{RPCV1: "RPCV1", ACS3: "ACS3", 7: "Version(7)", -1: "Version(-1)"} {
		if got := v.String(); got != want {
			t.Errorf("Version(%d).String() = %q, want %q", int(v), got, want)
		}
	}
	var zero Version
	if zero != RPCV1 {
		t.Error("the zero Version is not RPCV1")
	}
}
