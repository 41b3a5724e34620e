package industrialcloud

// The per-operation code (api_op_*.go, types_gen.go, errors_gen.go) is
// generated from the API model; edit the model, then run go generate.
//go:generate go run ../internal/cmd/apigen ../api/industrialcloud/2019-12-26.json
