package apigen_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// constructs loads the Outbound Bot model with testdata/constructs.json
// added: operations, shapes and an enum using every construct the models
// may hold (float64, raw, maps, nested and request shapes, body and JSON
// parameters, values, ranges, every required kind, seconds and layout
// times, paths inside shapes, token paging, paging without total or key,
// GET, an operation without parameters).
func constructs(t *testing.T) *apigen.Model {
	t.Helper()
	m, err := apigen.Load(filepath.Join(moduleRoot(t), "api", "outboundbot", "2019-12-26.json"))
	if err != nil {
		t.Fatal(err)
	}
	add, err := apigen.Load(filepath.Join("testdata", "constructs.json"))
	if err != nil {
		t.Fatal(err)
	}
	m.Enums = append(m.Enums, add.Enums...)
	m.Shapes = append(m.Shapes, add.Shapes...)
	m.Operations = append(m.Operations, add.Operations...)
	return m
}

// TestConstructs generates a package from the constructs model and runs
// in it: the completeness test (every parameter sent where the model puts
// it, every answered value decoded, every invalid value refused before
// I/O); the one-pass decoders against the reference decoder on the full
// answer and on every variant of it (other spellings, nulls, members left
// out); the request tags against the model; and the paginators' walks.
func TestConstructs(t *testing.T) {
	t.Parallel() // each builds a generated package with the go command
	m := constructs(t)
	var agree strings.Builder
	for _, op := range m.Operations {
		agree.WriteString("\tcheck(\"" + op.Name + "\", func(b []byte) { testutil.SameDecode(t, b, decode" + op.Name +
			", m.Reference(\"" + op.Name + "\", nil)) })\n")
	}
	test := completeTest + strings.Replace(constructsTest, "\t// CHECKS\n", agree.String(), 1)
	out := runGenerated(t, m, test)
	for _, op := range m.Operations {
		if !strings.Contains(out, "--- PASS: TestModelComplete/"+op.Name+" ") {
			t.Errorf("%s was not tested complete:\n%s", op.Name, out)
		}
	}
	for _, name := range []string{"TestDecodersAgree", "TestRequestTags", "TestTokenPaginator", "TestPagePaginator"} {
		if !strings.Contains(out, "--- PASS: "+name+" ") {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
}

const constructsTest = `
func TestDecodersAgree(t *testing.T) {
	m, err := apigen.Load("model.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	check := func(op string, same func([]byte)) {
		for i := range m.Operations {
			if m.Operations[i].Name == op {
				full := testutil.FullAnswer(m, &m.Operations[i])
				same(full)
				for _, b := range testutil.AnswerVariants(full) {
					same(b)
					n++
				}
			}
		}
	}
	// CHECKS
	if n < 100 {
		t.Errorf("only %d variants", n)
	}
}

// TestRequestTags: every parameter's tag says what the model says: its
// wire name, omitempty unless required or defaulted, json for JSON text,
// body for the form body.
func TestRequestTags(t *testing.T) {
	m, err := apigen.Load("model.json")
	if err != nil {
		t.Fatal(err)
	}
	c := &Client{}
	for _, op := range m.Operations {
		method, _ := reflect.TypeOf(c).MethodByName(op.Name)
		req := method.Type.In(2).Elem()
		if req.NumField() != len(op.Request.Members) {
			t.Errorf("%s has %d fields, the model %d parameters", req, req.NumField(), len(op.Request.Members))
		}
		for _, mem := range op.Request.Members {
			f, _ := req.FieldByName(mem.Name)
			want := mem.Wire
			if !mem.Required && mem.Default == "" {
				want += ",omitempty"
			}
			if mem.List == "json" {
				want += ",json"
			}
			if mem.In == "body" {
				want += ",body"
			}
			if got := f.Tag.Get("url"); got != want {
				t.Errorf("%s.%s is tagged %q, the model says %q", req, mem.Name, got, want)
			}
		}
	}
}

// pageClient answers a list operation's requests with the bodies in turn
// and keeps the requests' forms.
type pageClient struct {
	bodies []string
	forms  []url.Values
}

func (p *pageClient) Do(r *http.Request) (*http.Response, error) {
	form := r.URL.Query()
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		body, err := url.ParseQuery(string(b))
		if err != nil {
			return nil, err
		}
		for k, v := range body {
			form[k] = v
		}
	}
	p.forms = append(p.forms, form)
	body := p.bodies[0]
	p.bodies = p.bodies[1:]
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body))}, nil
}

func pageWalk[T any](t *testing.T, bodies []string, all func(*Client) iter.Seq2[T, error]) ([]T, []url.Values) {
	cred, err := fake.TestCredential()
	if err != nil {
		t.Fatal(err)
	}
	pc := &pageClient{bodies: bodies}
	c, err := New(Options{Credential: cred, HTTPClient: pc})
	if err != nil {
		t.Fatal(err)
	}
	var got []T
	for item, err := range all(c) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, item)
	}
	return got, pc.forms
}

func TestTokenPaginator(t *testing.T) {
	tags, forms := pageWalk(t, []string{
		` + "`" + `{"RequestId":"r","NextToken":"t2","Tags":[{"Key":"a"}]}` + "`" + `,
		` + "`" + `{"RequestId":"r","NextToken":"","Tags":[{"Key":"b"},{"Key":"c"}]}` + "`" + `,
	}, func(c *Client) iter.Seq2[Tag, error] {
		return c.ListWidgetTagsAll(t.Context(), &ListWidgetTagsRequest{})
	})
	if len(tags) != 3 || tags[2].Key != "c" {
		t.Errorf("walked %v", tags)
	}
	if len(forms) != 2 || forms[0].Has("NextToken") || forms[1].Get("NextToken") != "t2" {
		t.Errorf("the walk sent %v", forms)
	}
}

func TestPagePaginator(t *testing.T) {
	widgets, forms := pageWalk(t, []string{
		` + "`" + `{"RequestId":"r","Data":{"TotalCount":"3","List":[{"WidgetId":"a"},{"WidgetId":"b"}]}}` + "`" + `,
		` + "`" + `{"RequestId":"r","Data":{"TotalCount":3,"List":[{"WidgetId":"c"}]}}` + "`" + `,
	}, func(c *Client) iter.Seq2[Widget, error] {
		return c.ListWidgetsAll(t.Context(), &ListWidgetsRequest{PageSize: 2})
	})
	if len(widgets) != 3 || widgets[2].WidgetID != "c" {
		t.Errorf("walked %v", widgets)
	}
	if len(forms) != 2 || forms[0].Get("PageIndex") != "1" || forms[1].Get("PageIndex") != "2" {
		t.Errorf("the walk sent %v", forms)
	}
}
`

// TestUnusedOperationsAreDropped: a program calling only DescribeInstance
// links no other operation: no method, decoder, paginator or its pages.Spec
// of ListInstances remains (the Spec is initialised statically, so the
// linker can drop it).
func TestUnusedOperationsAreDropped(t *testing.T) {
	t.Parallel() // each builds a generated package with the go command
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp(filepath.Join(moduleRoot(t), "internal", "apigen", "testdata"), "linked")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	prog := `package main

import (
	"context"

	"github.com/typedcloud/sdk-go/outboundbot"
)

func main() {
	c, err := outboundbot.New(outboundbot.Options{Region: "cn-shanghai"})
	if err != nil {
		panic(err)
	}
	_, _ = c.DescribeInstance(context.Background(), &outboundbot.DescribeInstanceRequest{InstanceID: "x"})
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "prog")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "nm", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool nm: %v\n%s", err, out)
	}
	syms := string(out)
	if !strings.Contains(syms, "outboundbot.decodeDescribeInstance") {
		t.Fatalf("the symbol table lacks the operation called; nm printed %d bytes", len(syms))
	}
	for _, line := range strings.Split(syms, "\n") {
		if strings.Contains(line, "ListInstances") || strings.Contains(line, "listInstances") {
			t.Errorf("linked although never called: %s", line)
		}
	}
}
