// Command apiconv completes an API model from the API facts of its
// product:
//
//	go run ./internal/cmd/apiconv -facts ../shared/api/outboundbot-2019-12-26.json -model api/outboundbot/2019-12-26.json
//
// rewrites the model in place, keeping every curated entry and adding the
// operations, members and shapes it lacks (see package internal/apiconv).
// With -check it writes nothing and exits 1 when the model is not what the
// conversion gives; the facts live outside the repository, so -check
// passes with a message when the facts file is absent. -stats prints how
// the operations page.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/typedcloud/sdk-go/internal/apiconv"
	"github.com/typedcloud/sdk-go/internal/apigen"
)

func main() {
	factsPath := flag.String("facts", "", "the API facts file (shared/api/<product>-<version>.json)")
	modelPath := flag.String("model", "", "the model file to complete (api/<product>/<version>.json)")
	check := flag.Bool("check", false, "report whether the model is up to date instead of writing it")
	stats := flag.Bool("stats", false, "print the paging counts")
	flag.Parse()
	if *factsPath == "" || *modelPath == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	code, err := run(*factsPath, *modelPath, *check, *stats)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apiconv:", err)
	}
	os.Exit(code)
}

func run(factsPath, modelPath string, check, stats bool) (int, error) {
	facts, err := apiconv.LoadFacts(factsPath)
	if errors.Is(err, fs.ErrNotExist) && check {
		fmt.Printf("apiconv: %s is absent; %s not checked\n", factsPath, modelPath)
		return 0, nil
	}
	if err != nil {
		return 1, err
	}
	old, err := os.ReadFile(modelPath)
	var curated *apigen.Model
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return 1, err
	default:
		if curated, err = apigen.Parse(old); err != nil {
			return 1, err
		}
	}
	m, err := apiconv.Convert(facts, curated)
	if err != nil {
		return 1, err
	}
	out, err := apiconv.Marshal(m)
	if err != nil {
		return 1, err
	}
	if stats {
		fmt.Print(apiconv.StatsOf(facts, m))
	}
	if check {
		if !bytes.Equal(old, out) {
			return 1, fmt.Errorf("%s is not what the facts give; run apiconv without -check", modelPath)
		}
		return 0, nil
	}
	return 0, os.WriteFile(modelPath, out, 0o644)
}
