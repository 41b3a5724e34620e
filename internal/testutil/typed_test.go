package testutil

import (
	"reflect"
	"testing"
)

// TestUnreadMembers: members a response type has no field for are
// reported with their path, whatever their case; envelope members, empty
// values and the wrappers of flattened lists are not.
func TestUnreadMembers(t *testing.T) {
	type item struct {
		ID   string   `json:"Id"`
		Tags []string `json:"Tags"`
	}
	type response struct {
		RequestID string `json:"RequestId"`
		Items     []item `json:"List"`
		Total     int    `json:"TotalCount"`
	}
	cases := []struct {
		name, body string
		want       []string
	}{
		{"every member read", `{"RequestId":"r","Code":"OK","Page":{"List":[{"id":"1","Tags":["a"]}],"TotalCount":1}}`, nil},
		{"a member dropped", `{"RequestId":"r","Page":{"List":[{"Id":"1","Extra":2},{"Id":"2","Extra":3}]}}`, []string{"Page.List[].Extra"}},
		{"a list of texts dropped", `{"Names":["a"],"Empty":[],"None":null,"Obj":{}}`, []string{"Names"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := UnreadMembers([]byte(tc.body), reflect.TypeOf(response{}))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("UnreadMembers = %q, want %q", got, tc.want)
			}
		})
	}
}
