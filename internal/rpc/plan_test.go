package rpc

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/signer"
)

type planStatus string

type stringer string

func (s stringer) String() string { return "shown-" + string(s) }

type planTag struct {
	Key   string `url:"Key"`
	Value string `url:"Value,omitempty"`
	Count uint8  `url:"Count,omitempty"`
}

// planned has every kind of field a plan encodes.
type planned struct {
	Name     string     `url:"Name"`
	Empty    string     `url:"Empty"` // no omitempty: sent as Empty=
	Opt      string     `url:"Opt,omitempty"`
	Status   planStatus `url:"Status,omitempty"`
	N        int        `url:"N"`
	I8       int8       `url:"I8,omitempty"`
	U        uint64     `url:"U,omitempty"`
	B        bool       `url:"B"`
	List     []string   `url:"List,omitempty"`
	Ints     []int      `url:"Ints"`
	Bools    []bool     `url:"Bools,omitempty"`
	Tags     []planTag  `url:"Tag,omitempty"`
	Clear    *string    `url:"Clear,omitempty"` // set to "": sent as Clear=
	Unset    *string    `url:"Unset,omitempty"` // nil: not sent
	PtrN     *int       `url:"PtrN,omitempty"`
	JSON     []string   `url:"JSONList,omitempty,json"`
	NoTag    string
	Skip     string `url:"-"`
	internal string //nolint:unused // unexported: never sent
}

func TestPlanMatchesQuerystring(t *testing.T) {
	empty, seven := "", 7
	full := planned{Clear: &empty, PtrN: &seven, Name: "第一 a+b&c", Opt: "o", Status: "RUNNING", N: -4, I8: 7, U: 1 << 63, B: true,
		List: []string{"1", "", "3"}, Ints: []int{0, 12}, Bools: []bool{false, true},
		Tags: []planTag{{Key: "k", Value: "v", Count: 2}, {}}, JSON: []string{"a", `"q"`}, NoTag: "nt", Skip: "s", internal: "i"}
	for name, req := range map[string]any{"full": full, "pointer": &full, "zero": planned{}, "nil": (*planned)(nil)} {
		t.Run(name, func(t *testing.T) {
			require.NotNil(t, planFor(reflect.TypeFor[planned]()), "planned is encoded by a plan")
			assertSameParams(t, req)
		})
	}
}

func TestPlanDefersToQuerystring(t *testing.T) {
	type embedded struct{ planTag }
	for name, typ := range map[string]reflect.Type{
		"Stringer": reflect.TypeFor[struct {
			S stringer `url:"S"`
		}](),
		"pointer": reflect.TypeFor[struct {
			P *string `url:"P"`
		}](),
		"time": reflect.TypeFor[struct {
			T time.Time `url:"T"`
		}](),
		"nested struct": reflect.TypeFor[struct {
			S planTag `url:"S"`
		}](),
		"float": reflect.TypeFor[struct {
			F float64 `url:"F"`
		}](),
		"option int": reflect.TypeFor[struct {
			B bool `url:"B,int"`
		}](),
		"embedded":      reflect.TypeFor[embedded](),
		"list of lists": reflect.TypeFor[struct{ L [][]string }](),
		"array":         reflect.TypeFor[struct{ A [2]string }](),
		"dash name opts": reflect.TypeFor[struct {
			D []string `url:"-,omitempty"`
		}](),
	} {
		assert.Nil(t, planFor(typ), name)
	}
	// Each still encodes as go-querystring does.
	s := "x"
	assertSameParams(t, struct {
		S stringer `url:"S"`
		P *string  `url:"P"`
		F float64  `url:"F"`
	}{S: "s", P: &s, F: 1.5})
	assertSameParams(t, embedded{planTag{Key: "k"}})
}

func TestPlanCache(t *testing.T) {
	var c planCache
	p := c.get(reflect.TypeFor[planned]())
	require.NotNil(t, p)
	assert.Same(t, p, c.get(reflect.TypeFor[planned]()), "built once per type")
	typ := reflect.TypeFor[struct{ F float64 }]()
	assert.Nil(t, c.get(typ))
	assert.Nil(t, c.get(typ), "no plan is remembered too")
}

// assertSameParams checks that Params (the plan when there is one) sends
// exactly what go-querystring alone sends.
func assertSameParams(t *testing.T, req any) {
	t.Helper()
	want, werr := ReferenceParams(req)
	got, gerr := Params(req)
	require.Equal(t, werr == nil, gerr == nil, "errors: reference %v, plan %v", werr, gerr)
	if werr != nil {
		return
	}
	sortParams := func(p []signer.Param) {
		slices.SortFunc(p, func(a, b signer.Param) int {
			if c := strings.Compare(a.Key, b.Key); c != 0 {
				return c
			}
			return strings.Compare(a.Value, b.Value)
		})
	}
	sortParams(want)
	sortParams(got)
	assert.Equal(t, want, got)
}
