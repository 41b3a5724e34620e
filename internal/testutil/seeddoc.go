package testutil

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// fieldLine matches a parameter row of a seed document in any of its three
// renderings: "InstanceId String af81…", "InstanceIdstring" (a fused table
// cell) and "|InstanceId|String|是|…" (Markdown).
var fieldLine = regexp.MustCompile(`^\|?([A-Z][A-Za-z0-9]*(?:\.N(?:\.[A-Za-z]+)?)?)\|? ?\|?(?i:(string|integer|long|boolean|object|struct|list|array))`)

// Section headings of the seed documents (simplified and traditional).
var (
	requestHeading  = regexp.MustCompile(`^(## )?(请求参数|請求參數)`)
	responseHeading = regexp.MustCompile(`^(## )?(返回数据|返回參數|返回参数|返回數據)`)
	endHeading      = regexp.MustCompile(`^(## )?(示例|错误码|錯誤碼)$`)
)

// SeedFields returns the parameter names a seed document lists for the
// request and for the response, in order, without repeats. "Tag.N.Key"
// becomes "Tag" and "Key"; "CallingNumber.N" becomes "CallingNumber". The
// name of an array's item object ("Instance" under "Instances") is not a
// field and is left out.
func SeedFields(t testing.TB, path string) (request, response []string) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var section *[]string
	lastType := ""
	seen := map[*[]string]map[string]bool{&request: {}, &response: {}}
	for _, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case requestHeading.MatchString(line):
			section = &request
			continue
		case responseHeading.MatchString(line):
			section = &response
			continue
		case endHeading.MatchString(line) && section == &response:
			section = nil
		}
		m := fieldLine.FindStringSubmatch(line)
		if section == nil || m == nil {
			continue
		}
		typ := strings.ToLower(m[2])
		isItem := typ == "object" && lastType == "array"
		lastType = typ
		if isItem {
			continue
		}
		for _, name := range strings.Split(m[1], ".") {
			if name != "N" && !seen[section][name] {
				seen[section][name] = true
				*section = append(*section, name)
			}
		}
	}
	if len(request) == 0 || len(response) == 0 {
		t.Fatalf("%s: found %d request and %d response fields; has the document's format changed?", path, len(request), len(response))
	}
	return request, response
}

// TagNames returns every name a struct type (and the structs, slices and
// pointers it holds) exposes under the tag key ("url" or "json"); a field
// without the tag contributes its Go name.
func TagNames(t reflect.Type, key string) map[string]bool {
	names := map[string]bool{}
	collectNames(t, key, names, map[reflect.Type]bool{})
	return names
}

func collectNames(t reflect.Type, key string, names map[string]bool, visited map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || visited[t] || t.PkgPath() == "time" {
		return
	}
	visited[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		if name == "" {
			name = f.Name
		}
		if name != "-" {
			names[name] = true
		}
		collectNames(f.Type, key, names, visited)
	}
}
