// Command quickstart walks a real task on each product of the SDK.
//
//	go run ./examples/quickstart
//
// With no credentials configured it starts the three public fakes
// in-process and runs against them; with credentials it runs against the
// real cloud, read-only unless -write is given. Run with -h for the flags.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// run is the whole program: it parses args, decides where to run from the
// environment (read through getenv, never the network), walks every
// product and returns the exit code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	env := detect(getenv)
	r := newReport(stdout)
	var walks []walk
	if cfg.fake || !env.anyConfigured() {
		fakes, err := startFakes()
		if err != nil {
			fmt.Fprintln(stderr, "quickstart: starting the fakes:", err)
			return 1
		}
		defer fakes.close()
		r.header("running against the embedded fakes (" + fakeReason(cfg, env) + ")")
		walks, err = fakes.walks(cfg)
		if err != nil {
			fmt.Fprintln(stderr, "quickstart:", err)
			return 1
		}
	} else {
		r.header("running against the real cloud (" + env.describe() + ")")
		walks, err = realWalks(cfg, env, getenv)
		if err != nil {
			fmt.Fprintln(stderr, "quickstart:", err)
			return 1
		}
	}
	ok := true
	for _, w := range walks {
		ok = w.run(ctx, r) && ok
	}
	r.footer(ok, cfg.fake || !env.anyConfigured(), cfg.write)
	if !ok {
		return 1
	}
	return 0
}

func fakeReason(cfg config, env environment) string {
	if cfg.fake {
		return "-fake was given"
	}
	return "no credentials found"
}
