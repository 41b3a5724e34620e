package bench

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUncalledOperationsAreNotLinked builds each one-call program and
// reads its symbol table: of the product's operations, only the one it
// calls may be in the binary (method, decoder, request and response
// types). Breadth must cost a program nothing for the operations it does
// not use.
func TestUncalledOperationsAreNotLinked(t *testing.T) {
	for _, tc := range []struct{ program, pkg, model, called string }{
		{"outboundbot", "outboundbot", "../api/outboundbot/2019-12-26.json", "DescribeInstance"},
		{"ccc", "ccc", "../api/ccc/2020-07-01.json", "GetInstance"},
	} {
		t.Run(tc.program, func(t *testing.T) {
			bin := filepath.Join(t.TempDir(), tc.program)
			build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/onecall/"+tc.program)
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			nm, err := exec.Command("go", "tool", "nm", bin).Output()
			if err != nil {
				t.Fatalf("go tool nm: %v", err)
			}
			ops := operations(t, tc.model)
			linked := linkedOperations(string(nm), "github.com/typedcloud/sdk-go/"+tc.pkg, ops)
			if len(linked) != 1 || linked[0] != tc.called {
				t.Errorf("operations linked into %s: %v; want only %s (of %d)", tc.program, linked, tc.called, len(ops))
			}
		})
	}
}

// operations returns the operation names of a model file.
func operations(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Operations []struct{ Name string } `json:"operations"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, op := range m.Operations {
		names = append(names, op.Name)
	}
	return names
}

// linkedOperations returns the operations of pkg with any symbol in the
// nm listing: the method, its decoder, or its request or response type.
func linkedOperations(nm, pkg string, ops []string) []string {
	var linked []string
	for _, op := range ops {
		re := regexp.MustCompile(regexp.QuoteMeta(pkg) + `\.(\(\*Client\)\.` + op + `\b|decode` + op + `\b|\(?\*?` + op + `(Request|Response)\b)`)
		if re.MatchString(nm) {
			linked = append(linked, op)
		}
	}
	return linked
}

func TestLinkedOperationsFindsSymbols(t *testing.T) {
	nm := strings.Join([]string{
		"  7ceb40 T github.com/typedcloud/sdk-go/outboundbot.(*Client).DescribeInstance",
		"  7ceb40 T github.com/typedcloud/sdk-go/outboundbot.decodeListInstances",
		"  7ceb40 T github.com/typedcloud/sdk-go/outboundbot.(*ModifyInstanceRequest).Validate",
		"  7ceb40 T github.com/typedcloud/sdk-go/outboundbot.decodeInstance",
	}, "\n")
	got := linkedOperations(nm, "github.com/typedcloud/sdk-go/outboundbot", []string{"DescribeInstance", "ListInstances", "ModifyInstance", "DeleteInstance", "Describe"})
	want := []string{"DescribeInstance", "ListInstances", "ModifyInstance"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("linkedOperations = %v, want %v", got, want)
	}
}
