package apigen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// TestDocsListTheModelsOperations: the README's table of products and
// operations, and each product's doc.go (every operation named; the reads
// and writes its Retries section lists), say what the models say.
func TestDocsListTheModelsOperations(t *testing.T) {
	root := moduleRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	models, err := filepath.Glob(filepath.Join(root, "api", "*", "*.json"))
	if err != nil || len(models) == 0 {
		t.Fatalf("no models under api/ (%v)", err)
	}
	for _, path := range models {
		m, err := apigen.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(m.Package, func(t *testing.T) {
			row := regexp.MustCompile("(?m)^\\| `" + m.Package + "` \\|[^|]*\\| (.*) \\|$").FindSubmatch(readme)
			if row == nil {
				t.Fatalf("README.md has no row for %s", m.Package)
			}
			if got, want := string(row[1]), m.OperationsCell(); got != want {
				t.Errorf("README.md lists for %s\n%s\nthe model has\n%s", m.Package, got, want)
			}
			b, err := os.ReadFile(filepath.Join(root, m.Package, "doc.go"))
			if err != nil {
				t.Fatal(err)
			}
			doc := strings.Join(strings.Fields(strings.ReplaceAll(string(b), "//", "")), " ")
			var reads, writes []string
			for _, op := range m.Operations {
				if !regexp.MustCompile(`\b` + op.Name + `\b`).MatchString(doc) {
					t.Errorf("doc.go does not name %s", op.Name)
				}
				if op.Write {
					writes = append(writes, op.Name)
				} else {
					reads = append(reads, op.Name)
				}
			}
			for kind, want := range map[string][]string{"Reads": reads, "Writes": writes} {
				listed := regexp.MustCompile(kind + ` \(([^)]*)\)`).FindStringSubmatch(doc)
				if listed == nil {
					continue // this doc.go does not list them
				}
				got := strings.Split(listed[1], ", ")
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("doc.go's %s are %v, the model's %v", kind, got, want)
				}
			}
		})
	}
}
