// Command apidocs writes what the README and docs/OPERATIONS.md say about
// the operations from the API models under api/: the README's table of
// products (between its operations markers) and the full list of
// operations by product and group. go generate runs it from
// internal/readme:
//
//	//go:generate go run ../cmd/apidocs ../..
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: apidocs <module root>")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "apidocs:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	models, err := apigen.LoadAll(root)
	if err != nil {
		return err
	}
	readme := filepath.Join(root, "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	b, err = apigen.ReplaceOperationsTable(b, models)
	if err != nil {
		return err
	}
	if err := writeIfChanged(readme, b); err != nil {
		return err
	}
	return writeIfChanged(filepath.Join(root, "docs", "OPERATIONS.md"), []byte(apigen.OperationsDocument(models)))
}

// writeIfChanged leaves a file that already holds b untouched, so go
// generate does not change its modification time.
func writeIfChanged(path string, b []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
