// Package allkinds holds the fake spec apigen generates from a test model
// (internal/fake/testdata/allkinds.json) with every kind of parameter and
// answer member, for the tests of the fake engine.
package allkinds

import "github.com/typedcloud/sdk-go/internal/fake"

//go:generate go run ../../cmd/apigen -fake ../testdata/allkinds.json

// API returns the test model's operations, refused in Alibaba's common
// codes, with a minimal success envelope.
func API() *fake.API {
	return &fake.API{Operations: operations(), Envelope: func(requestID string) map[string]any {
		return map[string]any{"RequestId": requestID, "Code": "OK"}
	}}
}
