package testutil

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// AnswerVariants returns bodies derived from the JSON object body, one
// change each: every scalar in another spelling (a number or boolean as
// text, text as a number), every value null, every member left out, every
// list empty. A decoder and its reference must agree on each (SameDecode),
// spellings the model reads leniently and ones it refuses alike.
func AnswerVariants(body []byte) [][]byte {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		panic("testutil: " + err.Error())
	}
	var out [][]byte
	emit := func() {
		b, err := json.Marshal(root)
		if err != nil {
			panic(err)
		}
		out = append(out, b)
	}
	var walk func(v any, set func(any), del func())
	walk = func(v any, set func(any), del func()) {
		switch x := v.(type) {
		case json.Number:
			set(x.String())
			emit()
		case bool:
			set(strconv.FormatBool(x))
			emit()
		case string:
			set(json.Number("42"))
			emit()
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(x[k], func(n any) { x[k] = n }, func() { delete(x, k) })
			}
		case []any:
			for i := range x {
				walk(x[i], func(n any) { x[i] = n }, nil)
			}
			if set != nil {
				set([]any{})
				emit()
			}
		}
		if set != nil {
			set(nil)
			emit()
			set(v)
		}
		if del != nil {
			del()
			emit()
			set(v)
		}
	}
	walk(root, nil, nil)
	return out
}
