package publicapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/typedcloud/sdk-go"

// root is the module's directory, two levels up from this package.
var root = filepath.Join("..", "..")

// TestNoAliasOfAnInternalType checks that go doc leads from every public
// package to the fields and methods of each type it names: an exported
// alias may name a type of an internal package only when that type is
// itself an alias of a public package's type, since go doc shows an alias
// as one line and users cannot look inside internal packages.
func TestNoAliasOfAnInternalType(t *testing.T) {
	dirs := publicDirs(t)
	if len(dirs) < 9 {
		t.Fatalf("found %d public packages, want the products, their fakes and the shared ones: %v", len(dirs), dirs)
	}
	for _, dir := range dirs {
		for name, target := range aliases(t, dir) {
			if !public(t, target) {
				t.Errorf("%s: %s is an alias of %s.%s, whose fields and methods go doc does not show",
					dir, name, target.path, target.name)
			}
		}
	}
}

// publicDirs returns the directories of the module's public packages: not
// internal, not an example program, not another module.
func publicDirs(t *testing.T) []string {
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		switch first := strings.Split(filepath.ToSlash(rel), "/")[0]; first {
		case "internal", "examples", "bench", "interop", "testdata", ".git", ".ci":
			return filepath.SkipDir
		}
		if d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if len(goFiles(t, path)) > 0 {
			dirs = append(dirs, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// goFiles returns the non-test Go files of dir.
func goFiles(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			files = append(files, filepath.Join(dir, n))
		}
	}
	return files
}

// ref names a type of another package.
type ref struct{ path, name string }

// aliases returns the exported aliases of the package in dir (relative to
// root) whose target is a type of another package of this module.
func aliases(t *testing.T, dir string) map[string]ref {
	out := map[string]ref{}
	for _, file := range goFiles(t, filepath.Join(root, dir)) {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		imports := map[string]string{}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			imports[name] = path
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.TYPE {
				continue
			}
			for _, spec := range gen.Specs {
				ts := spec.(*ast.TypeSpec)
				if !ts.Assign.IsValid() || !ts.Name.IsExported() {
					continue
				}
				if r, ok := target(ts.Type, imports); ok && strings.HasPrefix(r.path, module+"/") {
					out[ts.Name.Name] = r
				}
			}
		}
	}
	return out
}

// target returns the package and name of a qualified type expression,
// generic instantiations included.
func target(e ast.Expr, imports map[string]string) (ref, bool) {
	switch x := e.(type) {
	case *ast.IndexExpr:
		return target(x.X, imports)
	case *ast.IndexListExpr:
		return target(x.X, imports)
	case *ast.SelectorExpr:
		if pkg, ok := x.X.(*ast.Ident); ok {
			return ref{imports[pkg.Name], x.Sel.Name}, true
		}
	}
	return ref{}, false
}

// public reports whether r is a public package's type, directly or through
// aliases in internal packages.
func public(t *testing.T, r ref) bool {
	rel := strings.TrimPrefix(r.path, module+"/")
	if !strings.HasPrefix(rel, "internal/") && !strings.Contains(rel, "/internal/") {
		return true
	}
	next, ok := aliases(t, rel)[r.name]
	return ok && public(t, next)
}
