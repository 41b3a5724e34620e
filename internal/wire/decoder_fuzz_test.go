package wire

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// fuzzDoc is a small answer with a field of every kind the Decoder reads,
// decoded by encoding/json through reflection and by decodeFuzzDoc by hand.
type fuzzDoc struct {
	S     string
	K     string // the Kelvin sign folds to its name
	N     int64
	B     bool
	L     []string
	O     struct{ A string }
	Items []item
	R     json.RawMessage
	LI    Int64
	LB    Bool
	LS    String
	M     Millis
	Ren   string `json:"renamed"`
}

func decodeFuzzDoc(d *Decoder, x *fuzzDoc) {
	for m := d.Object(); m.Next(); {
		switch k := m.Key(); {
		case k.Is("S"):
			x.S = d.Str()
		case k.Is("K"):
			x.K = d.Str()
		case k.Is("N"):
			x.N = d.Int()
		case k.Is("B"):
			x.B = d.Bool()
		case k.Is("L"):
			x.L = Slice(d, x.L, decodeString)
		case k.Is("O"):
			for m := d.Object(); m.Next(); {
				if m.Key().Is("A") {
					x.O.A = d.Str()
				} else {
					d.Skip()
				}
			}
		case k.Is("Items"):
			x.Items = Slice(d, x.Items, decodeItem)
		case k.Is("R"):
			x.R = d.Raw()
		case k.Is("LI"):
			x.LI = Int64(d.LenientInt())
		case k.Is("LB"):
			x.LB = Bool(d.LenientBool())
		case k.Is("LS"):
			x.LS = String(d.LenientString())
		case k.Is("M"):
			x.M = Millis{d.Millis()}
		case k.Is("renamed"):
			x.Ren = d.Str()
		default:
			d.Skip()
		}
	}
}

func decodeString(d *Decoder, s *string) { *s = d.Str() }

// foldedDuplicates reports whether an object in data repeats a name, up to
// case folding: there encoding/json merges or keeps values in ways
// field-by-field code need not mimic. Invalid input reports false.
func foldedDuplicates(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object, wantKey bool
		keys            []string
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		top := len(stack) - 1
		if s, ok := tok.(string); ok && top >= 0 && stack[top].wantKey {
			for _, k := range stack[top].keys {
				if strings.EqualFold(k, s) {
					return true
				}
			}
			stack[top].keys = append(stack[top].keys, s)
			stack[top].wantKey = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:top]
		}
		// A value ended: an object wants its next key.
		if n := len(stack) - 1; n >= 0 && stack[n].object {
			stack[n].wantKey = true
		}
	}
}

// checkDoc requires the Decoder and json.Unmarshal to agree on data: both
// fail, or both give the same fuzzDoc.
func checkDoc(t *testing.T, data []byte) {
	t.Helper()
	if foldedDuplicates(data) {
		return
	}
	var want, got fuzzDoc
	jerr := json.Unmarshal(data, &want)
	d := NewDecoder(data)
	decodeFuzzDoc(d, &got)
	err := d.Finish()
	if (err == nil) != (jerr == nil) {
		t.Fatalf("%q: decoder error %v, encoding/json error %v", data, err, jerr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\ndecoder       %#v\nencoding/json %#v", data, got, want)
	}
}

// docSeeds are answers for the differential tests and the fuzz corpus.
var docSeeds = []string{
	`{"S":"a","K":"k","N":1,"B":true,"L":["x","y"],"O":{"A":"b"},"Items":[{"X":"c","Y":2}],"R":{"k":[1,2]},"LI":"3","LB":"TRUE","LS":4,"M":"1578469042851","renamed":"r","unknown":{"deep":[1,{"x":null}]}}`,
	`{"S":null,"K":null,"N":null,"B":null,"L":null,"O":null,"Items":null,"R":null,"LI":null,"LB":null,"LS":null,"M":null,"renamed":null}`,
	`{"s":"a","n":-1,"b":false,"l":[],"o":{"a":""},"items":[],"r":null,"li":4.0,"lb":"false","ls":true,"m":0,"RENAMED":"x"}`,
	`{"\u017f":"long s","\u212a":"kelvin","iTeMs":[{"\u0078":"x","\u0059":9}]}`,
	`{"\u0053":"\u00e9\ud83d\ude00\ud83d","O":{"\u0041":"\udc00x"}}`,
	"{\"S\":\"a\xffb\",\"L\":[\"\xed\xa0\x80\",\"\xc0\"],\"x\xff\":1}",
	"{\"S\xff\":\"no match\"}",
	`{"L":[null,"a",null]}`, `{"Items":[null]}`, `{"Items":[{},{"X":null,"Y":null}]}`,
	`{"L":[]}`, `{"Items":[]}`, `{"O":{}}`, `{"R":[]}`, `{"R":  1.5e10 }`, `{"R":"\u0041"}`, `{"R":{"a":{"b":[]}}}`,
	`{"N":9223372036854775807}`, `{"N":-9223372036854775808}`, `{"N":9223372036854775808}`,
	`{"N":1.0}`, `{"N":1e2}`, `{"N":"1"}`, `{"N":true}`, `{"N":-0}`, `{"N":01}`,
	`{"S":1}`, `{"S":true}`, `{"S":[]}`, `{"S":{}}`, `{"B":"true"}`, `{"B":1}`, `{"B":null}`,
	`{"L":"x"}`, `{"L":[1]}`, `{"L":{}}`, `{"O":[]}`, `{"O":"x"}`, `{"Items":[1]}`, `{"Items":{}}`,
	`{"LI":"x"}`, `{"LI":"1e3"}`, `{"LI":{}}`, `{"LB":"yes"}`, `{"LB":2}`, `{"LS":{}}`, `{"LS":[]}`,
	`{"M":"2020-01-08"}`, `{"M":1.5}`, `{"M":""}`, `{"M":-1}`,
	`{"S":"a","S2":"b"}`, `{"S":"a","s":"b"}`, `{"O":{"A":"a","a":"b"}}`,
	`{}`, `null`, `[]`, `"x"`, `1`, `true`, ``, ` `, `{`, `}`, `{"S":"a"} `, `{"S":"a"}x`, `{"S":"a",}`,
	" {\t\"S\" \n:\r\"a\" } ", `{"x":[[[[[[[[{}]]]]]]]]}`, `{"x":[[[[[[[[{}]]]]]]]}`,
}

// TestDecoderMatchesEncodingJSON runs the differential checks on the seeds
// and on every truncation and one-byte deletion of them: mostly broken
// documents, each of which both must refuse.
func TestDecoderMatchesEncodingJSON(t *testing.T) {
	for _, in := range allSeeds() {
		data := []byte(in)
		for i := 0; i <= len(data); i++ {
			checkDoc(t, data[:i])
			checkSkip(t, data[:i])
			mutated := append(append([]byte(nil), data[:i]...), data[min(i+1, len(data)):]...)
			checkDoc(t, mutated)
			checkSkip(t, mutated)
		}
	}
}

// allSeeds returns the answers, and every table input as the value of
// each field.
func allSeeds() []string {
	seeds := append([]string(nil), docSeeds...)
	seeds = append(seeds, skipCases...)
	var values []string
	for _, c := range stringCases {
		values = append(values, c.in)
	}
	for _, c := range intCases {
		values = append(values, c.in)
	}
	for _, v := range values {
		seeds = append(seeds, v)
		for _, f := range []string{"S", "N", "B", "L", "O", "R", "LI", "LB", "LS", "M", "Z"} {
			seeds = append(seeds, `{"`+f+`":`+v+`}`)
		}
		seeds = append(seeds, `{"L":[`+v+`]}`, `{"Items":[{"X":`+v+`,"Y":`+v+`}]}`)
	}
	return seeds
}

func FuzzDecoderMatchesEncodingJSON(f *testing.F) {
	for _, s := range allSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(checkDoc)
}

func FuzzSkipMatchesValid(f *testing.F) {
	for _, s := range allSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(checkSkip)
}
