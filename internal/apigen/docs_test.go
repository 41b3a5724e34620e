package apigen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// TestDocsListTheModelsOperations: the README's table of products and
// operations, docs/OPERATIONS.md and each product's package documentation
// (every operation named; the reads and writes a Retries section lists)
// say what the models say.
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
	all, err := apigen.LoadAll(root)
	if err != nil {
		t.Fatal(err)
	}
	ops, err := os.ReadFile(filepath.Join(root, "docs", "OPERATIONS.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(ops) != apigen.OperationsDocument(all) {
		t.Error("docs/OPERATIONS.md is not what the models say: run go generate ./...")
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
			if got, want := string(row[1]), m.ReadmeCell(); got != want {
				t.Errorf("README.md lists for %s\n%s\nthe model has\n%s", m.Package, got, want)
			}
			var text []string
			for _, name := range []string{"doc.go", "doc_gen.go"} {
				b, err := os.ReadFile(filepath.Join(root, m.Package, name))
				if err != nil {
					t.Fatal(err)
				}
				text = append(text, string(b))
			}
			doc := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(text, " "), "//", "")), " ")
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

func TestSummaryAndGroups(t *testing.T) {
	m := &apigen.Model{Operations: []apigen.Operation{
		{Name: "CreateScript", Group: "Scripts", Doc: "CreateScript creates a script (OutboundBot 2019-12-26, action CreateScript). It is not idempotent."},
		{Name: "GetVersion", Doc: "GetVersion returns the API version"},
		{Name: "ListScripts", Group: "Scripts", Doc: "ListScripts returns one page of scripts."},
	}}
	if got, want := m.Operations[0].Summary(), "CreateScript creates a script."; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if got, want := m.Operations[1].Summary(), "GetVersion returns the API version."; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	var got []string
	for _, g := range m.Groups() {
		got = append(got, g.Name+":"+strconv.Itoa(len(g.Operations)))
	}
	if want := []string{"Scripts:2", "Other operations:1"}; !slices.Equal(got, want) {
		t.Errorf("Groups = %v, want %v", got, want)
	}
}
