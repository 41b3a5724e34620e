// Package layering checks the module's import graph against the edges its
// layering forbids.
package layering

import (
	"bufio"
	"errors"
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// forbidden lists the imports the layering rules out, direct or through
// other packages of the module, in non-test files. A pattern is a package
// path relative to the module root; "x/..." is x and every package under it.
var forbidden = []struct{ from, to, why string }{
	{"internal/...", "fixture", "internal packages sit below the public API; the record/replay engine they share is internal/recording"},
	{"industrialcloud", "internal/rpc", "industrialcloud speaks Tencent API 3.0, not the Alibaba RPC protocol"},
	{"internal/tc3api", "internal/rpc", "the two protocols are independent"},
	{"internal/recording", "internal/fake", "the fakes build on the engine, not the other way round"},
	{"internal/recording", "outboundbot/...", "the engine knows no product"},
	{"internal/recording", "ccc/...", "the engine knows no product"},
	{"internal/recording", "industrialcloud/...", "the engine knows no product"},
}

func TestForbiddenImports(t *testing.T) {
	root, module := moduleRoot(t)
	graph := importGraph(t, root, module)
	for _, rule := range forbidden {
		froms, tos := matching(graph, rule.from), matching(graph, rule.to)
		if len(froms) == 0 || len(tos) == 0 {
			t.Errorf("rule %s -> %s names no package (%d, %d): update the table", rule.from, rule.to, len(froms), len(tos))
			continue
		}
		for _, from := range froms {
			if chain := path(graph, from, func(p string) bool { return match(rule.to, p) }); chain != nil {
				t.Errorf("%s imports %s: %s\n(%s)", from, chain[len(chain)-1], strings.Join(chain, " -> "), rule.why)
			}
		}
	}
}

// moduleRoot returns the directory holding this module's go.mod and the
// module path it declares.
func moduleRoot(t *testing.T) (dir, module string) {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		f, err := os.Open(filepath.Join(dir, "go.mod"))
		if err == nil {
			defer f.Close()
			for s := bufio.NewScanner(f); s.Scan(); {
				if m, ok := strings.CutPrefix(s.Text(), "module "); ok {
					return dir, strings.TrimSpace(m)
				}
			}
			t.Fatalf("%s/go.mod declares no module", dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// importGraph maps every package of the module (by path relative to root)
// to the module packages its non-test files import. Nested modules
// (bench/, interop/), testdata and hidden directories are not part of it.
func importGraph(t *testing.T, root, module string) map[string][]string {
	t.Helper()
	graph := map[string][]string{}
	err := filepath.WalkDir(root, func(dir string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		name := d.Name()
		if dir != root {
			if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		pkg, err := build.ImportDir(dir, 0)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			return nil // no package here, or tests only
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		var deps []string
		for _, imp := range pkg.Imports {
			if dep, ok := strings.CutPrefix(imp, module+"/"); ok {
				deps = append(deps, dep)
			}
		}
		graph[filepath.ToSlash(rel)] = deps
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return graph
}

func match(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

func matching(graph map[string][]string, pattern string) []string {
	var out []string
	for pkg := range graph {
		if match(pattern, pkg) {
			out = append(out, pkg)
		}
	}
	slices.Sort(out)
	return out
}

// path returns an import chain from start to the first package found that
// satisfies target, or nil when none is reachable.
func path(graph map[string][]string, start string, target func(string) bool) []string {
	parent := map[string]string{start: ""}
	queue := []string{start}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		for _, dep := range graph[pkg] {
			if _, seen := parent[dep]; seen {
				continue
			}
			parent[dep] = pkg
			if target(dep) {
				chain := []string{dep}
				for p := pkg; p != ""; p = parent[p] {
					chain = append([]string{p}, chain...)
				}
				return chain
			}
			queue = append(queue, dep)
		}
	}
	return nil
}
