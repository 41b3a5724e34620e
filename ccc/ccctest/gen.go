package ccctest

// operations_gen.go, the operations the fake checks and answers requests
// with, is generated from the API model; edit the model, then run go
// generate.
//go:generate go run ../../internal/cmd/apigen -fake ../../api/ccc/2020-07-01.json
