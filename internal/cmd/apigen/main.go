// Command apigen writes a product package's per-operation code from its
// API model. go generate runs it from each product package:
//
//	//go:generate go run ../internal/cmd/apigen ../api/outboundbot/2019-12-26.json
//
// It writes into the current directory; see package internal/apigen.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: apigen <model.json>")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(path string) error {
	m, err := apigen.Load(path)
	if err != nil {
		return err
	}
	// The header names the model from the module root: api/<product>/<version>.json.
	source := filepath.ToSlash(filepath.Join("api", filepath.Base(filepath.Dir(path)), filepath.Base(path)))
	return apigen.Generate(m, source, ".")
}
