package apiconv

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// Marshal writes a model the way the model files are kept: two-space
// indentation, an object holding no other object or list of objects on
// one line (a member, an enum value, a constant), fields in the schema's
// order, and empty fields left out — all but min and max, whose 0 is a
// limit. The same model always gives the same bytes.
func Marshal(m *apigen.Model) ([]byte, error) {
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	v, err := parseOrdered(json.NewDecoder(bytes.NewReader(raw)))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	write(&b, prune(v, ""), "")
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// value is a JSON value that keeps its object keys in order.
type value struct {
	keys   []string
	fields map[string]*value // an object
	items  []*value          // a list (list true)
	list   bool
	scalar json.RawMessage
}

func parseOrdered(d *json.Decoder) (*value, error) {
	d.UseNumber()
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		v := &value{}
		if t == '[' {
			v.list = true
			for d.More() {
				item, err := parseOrdered(d)
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, item)
			}
		} else {
			v.fields = map[string]*value{}
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				f, err := parseOrdered(d)
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, k.(string))
				v.fields[k.(string)] = f
			}
		}
		if _, err := d.Token(); err != nil && err != io.EOF {
			return nil, err
		}
		return v, nil
	default:
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		err := enc.Encode(t)
		return &value{scalar: bytes.TrimSuffix(b.Bytes(), []byte("\n"))}, err
	}
}

// prune drops the empty fields of objects; nil when v itself is empty.
func prune(v *value, key string) *value {
	switch {
	case v.scalar != nil:
		s := string(v.scalar)
		if s == "null" || s == "false" || s == `""` || (s == "0" && key != "min" && key != "max") {
			return nil
		}
		return v
	case v.list:
		out := &value{list: true}
		for _, it := range v.items {
			if p := prune(it, ""); p != nil {
				out.items = append(out.items, p)
			}
		}
		if len(out.items) == 0 && key != "members" {
			return nil
		}
		return out
	}
	out := &value{fields: map[string]*value{}}
	for _, k := range v.keys {
		if p := prune(v.fields[k], k); p != nil {
			out.keys = append(out.keys, k)
			out.fields[k] = p
		}
	}
	if len(out.keys) == 0 && key != "request" && key != "response" {
		return nil
	}
	return out
}

// leaf reports whether v holds no object or list of objects.
func (v *value) leaf() bool {
	for _, f := range v.fields {
		if f.fields != nil || (f.list && len(f.items) > 0 && f.items[0].fields != nil) {
			return false
		}
	}
	for _, it := range v.items {
		if it.fields != nil {
			return false
		}
	}
	return true
}

func write(b *bytes.Buffer, v *value, indent string) {
	switch {
	case v.scalar != nil:
		b.Write(v.scalar)
	case v.list && (len(v.items) == 0 || v.items[0].fields == nil):
		b.WriteByte('[')
		for i, it := range v.items {
			if i > 0 {
				b.WriteString(", ")
			}
			write(b, it, "")
		}
		b.WriteByte(']')
	case v.list:
		b.WriteString("[\n")
		for i, it := range v.items {
			b.WriteString(indent + "  ")
			write(b, it, indent+"  ")
			if i < len(v.items)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case v.leaf() && indent != "":
		parts := make([]string, len(v.keys))
		for i, k := range v.keys {
			var f bytes.Buffer
			write(&f, v.fields[k], "")
			parts[i] = fmt.Sprintf("%q: %s", k, f.String())
		}
		b.WriteString("{" + strings.Join(parts, ", ") + "}")
	default:
		b.WriteString("{\n")
		for i, k := range v.keys {
			fmt.Fprintf(b, "%s  %q: ", indent, k)
			write(b, v.fields[k], indent+"  ")
			if i < len(v.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	}
}
