package outboundbot

// String returns a pointer to s, for the optional write parameters that
// tell "leave as it is" (nil) from "set to this, even empty"
// (ModifyInstanceRequest.InstanceDescription):
//
//	req.InstanceDescription = outboundbot.String("") // clears it
func String(s string) *string { return &s }
