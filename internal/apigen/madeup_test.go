package apigen_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// TestMadeUpOperation adds an operation with 10 parameters and 15 response
// members to a copy of the Outbound Bot model, generates a copy of the
// package from it next to the hand-written client, and runs the model's
// completeness test there: the operation compiles, sends every parameter,
// decodes every member from an answer and validates its required
// parameters, with no Go written for it.
func TestMadeUpOperation(t *testing.T) {
	t.Parallel() // each builds a generated package with the go command
	root := moduleRoot(t)
	m, err := apigen.Load(filepath.Join(root, "api", "outboundbot", "2019-12-26.json"))
	if err != nil {
		t.Fatal(err)
	}
	var op apigen.Operation
	if err := json.Unmarshal([]byte(madeUp), &op); err != nil {
		t.Fatal(err)
	}
	if len(op.Request.Members) != 10 || len(op.Response.Members) != 15 {
		t.Fatalf("the made-up operation has %d parameters and %d members", len(op.Request.Members), len(op.Response.Members))
	}
	m.Operations = append(m.Operations, op)
	out := runGenerated(t, m, completeTest, "-run", "^TestModelComplete$")
	if !strings.Contains(out, "--- PASS: TestModelComplete/DescribeWidget") {
		t.Fatalf("the made-up operation was not tested:\n%s", out)
	}
}

// completeTest runs the model's completeness test in a generated package.
const completeTest = `package outboundbot

import (
	"io"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/testutil"
)

// The imports the constructs' tests use.
var (
	_ = io.EOF
	_ iter.Seq[int]
	_ url.Values
	_ = reflect.TypeOf
	_ = strings.Cut
	_ = apigen.Load
)

func TestModelComplete(t *testing.T) {
	cred, err := fake.TestCredential()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Complete(t, "model.json", func(hc interface{ Do(*http.Request) (*http.Response, error) }) (any, error) {
		return New(Options{Credential: cred, HTTPClient: hc})
	})
}
`

// runGenerated generates a copy of the Outbound Bot package from m next to
// its hand-written files, adds test as generated_test.go, and runs go test
// there with args (and -update, for the golden requests it writes); it
// returns the verbose output, failing t if the tests fail.
func runGenerated(t *testing.T, m *apigen.Model, test string, args ...string) string {
	t.Helper()
	root := moduleRoot(t)
	// Inside the module, to use its internal packages; under testdata, which
	// ./... patterns and the documentation checks leave out.
	dir, err := os.MkdirTemp(filepath.Join(root, "internal", "apigen", "testdata"), "generated")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// The hand-written part of the package: every file that is neither a
	// test nor generated (client, options, error types, doc, …).
	names, err := filepath.Glob(filepath.Join(root, "outboundbot", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, "_test.go") || bytes.HasPrefix(b, []byte("// Code generated")) || filepath.Base(name) == "gen.go" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	model, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(dir, "model.json"), model, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := apigen.Generate(m, "model.json", dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "generated_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1", "-v"}, append(args, ".", "-args", "-update")...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test in the generated package: %v\n%s", err, out)
	}
	return string(out)
}

func moduleRoot(t *testing.T) string {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// madeUp is the made-up operation: every kind of parameter and member the
// model knows.
const madeUp = `{
  "name": "DescribeWidget",
  "method": "POST",
  "doc": "DescribeWidget is made up for a test.",
  "errors": ["CodeInstanceNotFound"],
  "request": {"members": [
    {"wire": "WidgetId", "name": "WidgetID", "type": "string", "required": true},
    {"wire": "Label", "name": "Label", "type": "string", "minLength": 2, "maxLength": 8, "required": true},
    {"wire": "Count", "name": "Count", "type": "int", "min": 1, "max": 50},
    {"wire": "OwnerId", "name": "OwnerID", "type": "int64", "min": 0},
    {"wire": "Verbose", "name": "Verbose", "type": "bool"},
    {"wire": "Engine", "name": "Engine", "type": "NLUServiceType"},
    {"wire": "Number", "name": "Number", "type": "[]string", "list": "repeat", "elements": true},
    {"wire": "Tag", "name": "Tags", "type": "[]Tag", "list": "repeat"},
    {"wire": "Note", "name": "Note", "type": "string", "clearable": true, "maxLength": 64},
    {"wire": "Region", "name": "Region", "type": "string"}
  ]},
  "response": {"members": [
    {"wire": "Name", "name": "Name", "type": "string", "present": true},
    {"wire": "Size", "name": "Size", "type": "int", "decode": "lenient"},
    {"wire": "Weight", "name": "Weight", "type": "int64"},
    {"wire": "Enabled", "name": "Enabled", "type": "bool", "decode": "lenient"},
    {"wire": "Shiny", "name": "Shiny", "type": "bool"},
    {"wire": "CreatedTime", "name": "CreatedTime", "type": "time", "decode": "millis"},
    {"wire": "Engine", "name": "Engine", "type": "NLUServiceType"},
    {"wire": "Aliases", "name": "Aliases", "type": "[]string"},
    {"wire": "Tags", "name": "Tags", "type": "[]Tag"},
    {"wire": "Instance", "name": "Instance", "type": "Instance", "present": true},
    {"wire": "Siblings", "name": "Siblings", "type": "[]Instance"},
    {"wire": "Owner", "path": "Data.Owner", "name": "Owner", "type": "string", "decode": "lenient"},
    {"wire": "Total", "path": "Data.Total", "name": "Total", "type": "int", "decode": "lenient"},
    {"wire": "Deep", "path": "Data.Inner.Deep", "name": "Deep", "type": "string"},
    {"wire": "Items", "path": "Data.Items", "name": "Items", "type": "[]Tag", "present": true, "page": "MaxPageSize"}
  ]}
}`
