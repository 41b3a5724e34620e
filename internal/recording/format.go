package recording

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FormatVersion is the version of the file format, stored in every file's
// "format" field. Load refuses files of any other version.
const FormatVersion = 1

// Redacted replaces every secret in a fixture: the value of a secret
// parameter, header or JSON field, and every known secret value wherever it
// appears.
const Redacted = "REDACTED" // redact.Placeholder, the SDK's one placeholder

// Volatile replaces the value of every parameter or header that changes on
// each call.
const Volatile = "VOLATILE"

// Exchange is one request and its answer: the content of one fixture file.
type Exchange struct {
	// Name is the file's base name ("outboundbot_DescribeInstance_1.json").
	// Load sets it; it is not stored in the file.
	Name string `json:"-"`

	// Format is FormatVersion.
	Format int `json:"format"`
	// Comment is free text for reviewers (where the exchange comes from);
	// nothing reads it.
	Comment string `json:"comment,omitempty"`
	// Action is the API operation: the Action parameter, the x-acs-action
	// header or the X-TC-Action header.
	Action string `json:"action,omitempty"`

	Request  Request  `json:"request"`
	Response Response `json:"response"`
}

// Request is a recorded request, normalised: volatile values are Volatile
// and secrets Redacted. The host is not recorded, so fixtures recorded
// against one endpoint replay against any other.
type Request struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	// Params are the query parameters, decoded.
	Params Values `json:"params,omitempty"`
	// Header holds the headers that carry meaning; User-Agent,
	// Content-Length and Accept-Encoding are left out.
	Header Values `json:"header,omitempty"`
	// Form is an application/x-www-form-urlencoded body, decoded.
	Form Values `json:"form,omitempty"`
	// Body is a JSON body, as a JSON value (re-indented, keys in the order
	// sent).
	Body json.RawMessage `json:"body,omitempty"`
	// BodyText is any other UTF-8 body.
	BodyText string `json:"body_text,omitempty"`
	// BodyBase64 is a body that is not UTF-8, base64-encoded.
	BodyBase64 string `json:"body_base64,omitempty"`
}

// Response is a recorded answer. Its body is byte for byte what the server
// sent, except secrets: every known secret value, and the value of any JSON
// field or query pair named like a secret ("Token", "Signature", …), is
// replaced by Redacted. At most one of Body, BodyLines and BodyBase64 is
// set; none means an empty body.
type Response struct {
	Status int `json:"status"`
	// Header holds the response headers, except Date, Content-Length and
	// the hop-by-hop ones.
	Header Values `json:"header,omitempty"`
	// Body is a UTF-8 body of one line (a final newline included), as a
	// string.
	Body string `json:"body,omitempty"`
	// BodyLines is a UTF-8 body of several lines (a pretty-printed JSON
	// document), split at each "\n": joined with "\n" they are the body,
	// and a final newline shows as a last, empty line.
	BodyLines []string `json:"body_lines,omitempty"`
	// BodyBase64 is a body that is not UTF-8, base64-encoded.
	BodyBase64 string `json:"body_base64,omitempty"`
}

// Bytes returns the response body.
func (r Response) Bytes() ([]byte, error) {
	switch {
	case r.BodyBase64 != "":
		return base64.StdEncoding.DecodeString(r.BodyBase64)
	case r.BodyLines != nil:
		return []byte(strings.Join(r.BodyLines, "\n")), nil
	}
	return []byte(r.Body), nil
}

// setBody stores an answer's body in the most readable of the three forms.
func (r *Response) setBody(body string) {
	switch {
	case !utf8.ValidString(body):
		r.BodyBase64 = base64.StdEncoding.EncodeToString([]byte(body))
	case strings.Contains(strings.TrimSuffix(body, "\n"), "\n"):
		r.BodyLines = strings.Split(body, "\n")
	default:
		r.Body = body
	}
}

// Values are parameters or headers: each name with its values. In a file, a
// name with one value maps to a string and a name with several to an array
// of strings; names are sorted.
type Values map[string][]string

// MarshalJSON writes the names sorted, one value as a string, several as an
// array.
func (v Values) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range slices.Sorted(maps.Keys(v)) {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(&b, k)
		b.WriteByte(':')
		vs := v[k]
		if len(vs) == 1 {
			writeString(&b, vs[0])
			continue
		}
		b.WriteByte('[')
		for j, s := range vs {
			if j > 0 {
				b.WriteByte(',')
			}
			writeString(&b, s)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a string or an array of strings per name.
func (v *Values) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	out := make(Values, len(raw))
	for k, r := range raw {
		var one string
		if err := json.Unmarshal(r, &one); err == nil {
			out[k] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(r, &many); err != nil {
			return fmt.Errorf("%q: want a string or an array of strings", k)
		}
		out[k] = many
	}
	*v = out
	return nil
}

// writeString writes s as a JSON string, leaving <, > and & readable.
func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	b.Truncate(b.Len() - 1)
}

// Encode renders an exchange as its file content: indented JSON, fields in a
// fixed order, names sorted, a final newline.
func Encode(ex *Exchange) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ex); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decode parses one file.
func decode(name string, data []byte) (Exchange, error) {
	var ex Exchange
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ex); err != nil {
		return ex, fmt.Errorf("fixture: %s: %w", name, err)
	}
	switch {
	case ex.Format != FormatVersion:
		return ex, fmt.Errorf("fixture: %s: format %d, want %d", name, ex.Format, FormatVersion)
	case ex.Request.Method == "" || ex.Request.Path == "":
		return ex, fmt.Errorf("fixture: %s: the request needs a method and a path", name)
	case ex.Response.Status < 100 || ex.Response.Status > 999:
		return ex, fmt.Errorf("fixture: %s: response status %d is not an HTTP status", name, ex.Response.Status)
	}
	set := 0
	for _, b := range []bool{ex.Response.Body != "", ex.Response.BodyLines != nil, ex.Response.BodyBase64 != ""} {
		if b {
			set++
		}
	}
	if set > 1 {
		return ex, fmt.Errorf("fixture: %s: the response has more than one of body, body_lines and body_base64", name)
	}
	if _, err := ex.Response.Bytes(); err != nil {
		return ex, fmt.Errorf("fixture: %s: body_base64: %w", name, err)
	}
	ex.Name = name
	ex.Request.Header = canonicalHeader(ex.Request.Header)
	ex.Response.Header = canonicalHeader(ex.Response.Header)
	return ex, nil
}

func canonicalHeader(h Values) Values {
	if h == nil {
		return nil
	}
	out := make(Values, len(h))
	for k, vs := range h {
		ck := http.CanonicalHeaderKey(k)
		out[ck] = append(out[ck], vs...)
	}
	return out
}

// Load reads the fixtures at path: every *.json file of a directory (not
// its subdirectories), or one file. Files are returned in name order, with
// numbers compared as numbers (CreateInstance_2.json before
// CreateInstance_10.json), which is the order fixture.Recorder wrote them
// in.
func Load(path string) ([]Exchange, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("fixture: %w", err)
	}
	var files []string
	if info.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, fmt.Errorf("fixture: %w", err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".json") {
				files = append(files, filepath.Join(path, e.Name()))
			}
		}
		slices.SortFunc(files, func(a, b string) int { return naturalCompare(filepath.Base(a), filepath.Base(b)) })
	} else {
		files = []string{path}
	}
	out := make([]Exchange, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("fixture: %w", err)
		}
		ex, err := decode(filepath.Base(f), data)
		if err != nil {
			return nil, err
		}
		out = append(out, ex)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("fixture: no *.json fixture in %s: %w", path, fs.ErrNotExist)
	}
	return out, nil
}

// naturalCompare orders names with runs of digits compared as numbers.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, errA := strconv.ParseUint(a[:da], 10, 64)
			nb, errB := strconv.ParseUint(b[:db], 10, 64)
			if errA == nil && errB == nil && na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			if c := strings.Compare(a[:da], b[:db]); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digits(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}
