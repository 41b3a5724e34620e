package signer

import "strconv"

// Version selects the Alibaba Cloud signature scheme. The zero value is
// RPCV1.
type Version int

const (
	// RPCV1 is Alibaba RPC signature version 1.0 with HMAC-SHA1, signed by
	// SignRPC. It is the default.
	RPCV1 Version = iota

	// ACS3 is ACS3-HMAC-SHA256 (signature V3), signed by SignACS3.
	ACS3
)

// String returns "RPCV1", "ACS3", or "Version(n)" for any other value.
func (v Version) String() string {
	switch v {
	case RPCV1:
		return "RPCV1"
	case ACS3:
		return "ACS3"
	}
	return "Version(" + strconv.Itoa(int(v)) + ")"
}
