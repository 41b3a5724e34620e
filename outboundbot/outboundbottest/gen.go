package outboundbottest

// operations_gen.go, the operations the fake checks and answers requests
// with, is generated from the API model; edit the model, then run go
// generate.
//go:generate go run ../../internal/cmd/apigen -fake ../../api/outboundbot/2019-12-26.json
