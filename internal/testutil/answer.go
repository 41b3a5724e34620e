package testutil

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// answerTime is the time FullAnswer sends, in each decoding's spelling.
var answerTime = map[string]time.Time{
	"millis":  time.UnixMilli(1578469042851).UTC(),
	"seconds": time.Unix(1578469042, 0).UTC(),
}

// CheckAnswered fails for every member of v, a response or shape decoded
// from FullAnswer, that does not hold the value FullAnswer sent for it:
// its text, number, boolean, enum value, time (as its decoding reads it),
// JSON text verbatim, and the one element of each list and map, nested
// shapes member by member. A member filled from the request, or filling
// another, is not the answer's; a time read by a product function is only
// checked to be set.
func CheckAnswered(t testing.TB, m *apigen.Model, members []apigen.Member, path string, v reflect.Value) {
	t.Helper()
	for _, mem := range members {
		if mem.FromRequest != "" || mem.Fills != "" {
			continue
		}
		checkAnswered(t, m, &mem, mem.Type, path+"."+mem.Name, v.FieldByName(mem.Name))
	}
}

func checkAnswered(t testing.TB, m *apigen.Model, mem *apigen.Member, typ, path string, got reflect.Value) {
	t.Helper()
	elem := strings.TrimPrefix(typ, "[]")
	if elem == typ {
		elem = strings.TrimPrefix(typ, "map[string]")
	}
	var want any
	switch {
	case strings.HasPrefix(typ, "[]"):
		if got.Len() != 1 {
			t.Errorf("%s has %d elements, the answer 1", path, got.Len())
			return
		}
		checkAnswered(t, m, mem, elem, path+"[0]", got.Index(0))
		return
	case strings.HasPrefix(typ, "map[string]"):
		if got.Len() != 1 || !got.MapIndex(reflect.ValueOf("k")).IsValid() {
			t.Errorf("%s is %v, the answer has the one key k", path, got)
			return
		}
		checkAnswered(t, m, mem, elem, path+"[k]", got.MapIndex(reflect.ValueOf("k")))
		return
	case m.Shape(typ) != nil:
		CheckAnswered(t, m, m.Shape(typ).Members, path, got)
		return
	case m.Enum(typ) != nil:
		want = m.Enum(typ).Values[0].Value
		got = reflect.ValueOf(got.String())
	case typ == "time" && strings.HasPrefix(mem.Decode, "func:"):
		if got.Interface().(time.Time).IsZero() {
			t.Errorf("%s is zero", path)
		}
		return
	case typ == "time" && strings.HasPrefix(mem.Decode, "layout:"):
		layout := strings.TrimPrefix(mem.Decode, "layout:")
		w, err := time.Parse(layout, time.Date(2024, 8, 20, 11, 0, 0, 0, time.UTC).Format(layout))
		if err != nil {
			t.Fatal(err)
		}
		want = w.UTC()
	case typ == "time":
		want = answerTime[mem.Decode]
	case typ == "raw":
		want = json.RawMessage(`{"k":"v"}`)
	default:
		want = answerValue(m, &apigen.Member{Type: typ, Decode: mem.Decode})
	}
	g := got.Interface()
	switch w := want.(type) {
	case int:
		ok := got.CanInt() && got.Int() == int64(w)
		if !ok {
			t.Errorf("%s is %v, the answer sent %v", path, g, w)
		}
		return
	case time.Time:
		if gt, ok := g.(time.Time); !ok || !gt.Equal(w) || gt.Location() != time.UTC {
			t.Errorf("%s is %v, the answer sent %v", path, g, w)
		}
		return
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("%s is %#v, the answer sent %#v", path, g, want)
	}
}
