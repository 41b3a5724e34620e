package readme

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryExportedNameIsDocumented: go doc reads well for every package
// of the module: each has a package comment, and every exported type,
// function, method, constant and variable has a doc comment (a grouped
// declaration's comment covers its members).
func TestEveryExportedNameIsDocumented(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	packages := map[string]bool{}
	documented := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			// Other modules, fixtures and hidden folders are not this module's API.
			if path != root && (name == "testdata" || name == "interop" || name == "bench" || name == "otel" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		packages[dir] = true
		if f.Doc != nil {
			documented[dir] = true
		}
		rel, _ := filepath.Rel(root, path)
		missing = append(missing, undocumented(rel, f)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range packages {
		if !documented[dir] {
			missing = append(missing, dir+": no package comment")
		}
	}
	for _, m := range missing {
		t.Error(m)
	}
	if len(packages) < 10 {
		t.Fatalf("walked only %d packages", len(packages))
	}
}

// undocumented lists the exported declarations of f without a comment.
func undocumented(file string, f *ast.File) []string {
	var out []string
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && d.Doc == nil && exportedReceiver(d) {
				out = append(out, file+": func "+d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				for _, name := range specNames(spec) {
					if name.IsExported() && d.Doc == nil && specDoc(spec) == nil && !(d.Lparen.IsValid() && d.Doc != nil) {
						out = append(out, file+": "+d.Tok.String()+" "+name.Name)
					}
				}
			}
		}
	}
	return out
}

// exportedReceiver reports whether a method's receiver type is exported
// (methods of unexported types are not in go doc).
func exportedReceiver(d *ast.FuncDecl) bool {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return true
	}
	typ := d.Recv.List[0].Type
	for {
		switch x := typ.(type) {
		case *ast.StarExpr:
			typ = x.X
		case *ast.IndexExpr:
			typ = x.X
		case *ast.IndexListExpr:
			typ = x.X
		case *ast.Ident:
			return x.IsExported()
		default:
			return true
		}
	}
}

func specNames(spec ast.Spec) []*ast.Ident {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return []*ast.Ident{s.Name}
	case *ast.ValueSpec:
		return s.Names
	}
	return nil
}

func specDoc(spec ast.Spec) *ast.CommentGroup {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		if s.Doc != nil {
			return s.Doc
		}
		return s.Comment
	case *ast.ValueSpec:
		if s.Doc != nil {
			return s.Doc
		}
		return s.Comment
	}
	return nil
}
