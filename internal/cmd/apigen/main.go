// Command apigen writes a product package's per-operation code from its
// API model. go generate runs it from each product package:
//
//	//go:generate go run ../internal/cmd/apigen ../api/outboundbot/2019-12-26.json
//
// It writes into the current directory; see package internal/apigen. With
// -fake it writes instead the spec a product's fake checks and answers
// requests with (operations_gen.go), from the fake's package:
//
//	//go:generate go run ../../internal/cmd/apigen -fake ../../api/outboundbot/2019-12-26.json
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

func main() {
	args := os.Args[1:]
	fake := len(args) == 2 && args[0] == "-fake"
	if fake {
		args = args[1:]
	}
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: apigen [-fake] <model.json>")
		os.Exit(2)
	}
	if err := run(args[0], fake); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(path string, fake bool) error {
	m, err := apigen.Load(path)
	if err != nil {
		return err
	}
	// The header names the model from the module root: api/<product>/<version>.json.
	source := filepath.ToSlash(filepath.Join("api", filepath.Base(filepath.Dir(path)), filepath.Base(path)))
	if fake {
		return apigen.GenerateFakeSpec(m, source, ".")
	}
	return apigen.Generate(m, source, ".")
}
