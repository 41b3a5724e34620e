package testutil

import "testing"

func TestRepeatsKey(t *testing.T) {
	for in, want := range map[string]bool{
		`{"a":1,"b":{"a":2}}`:               false,
		`{"a":1,"A":2}`:                     true,
		`{"a":{"x":1},"b":[{"x":1,"x":2}]}`: true,
		`[{"a":1},{"a":1}]`:                 false,
		`{"a":[1,2],"b":"a"}`:               false,
		`{"a"`:                              false,
	} {
		if got := RepeatsKey([]byte(in)); got != want {
			t.Errorf("RepeatsKey(%s) = %v", in, got)
		}
	}
}
