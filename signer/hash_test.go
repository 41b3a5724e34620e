package signer

import "testing"

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
