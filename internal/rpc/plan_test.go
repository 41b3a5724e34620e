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

// planSelf holds itself: its parameters would have no end.
type planSelf struct {
	Name string     `url:"Name"`
	Kids []planSelf `url:"Kid,omitempty"`
}

type stringer string

func (s stringer) String() string { return "shown-" + string(s) }

type planTag struct {
	Key   string `url:"Key"`
	Value string `url:"Value,omitempty"`
	Count uint8  `url:"Count,omitempty"`
}

// planBranch is a list element holding lists, a struct and JSON text.
type planBranch struct {
	ID     string    `url:"Id"`
	Leaves []planTag `url:"Leaf,omitempty"`
	Names  []string  `url:"Name,omitempty"`
	Inner  planTag   `url:"Inner,omitempty"`
	Ratio  float64   `url:"Ratio,omitempty"`
	JSON   []planTag `url:"JSON,omitempty,json"`
}

// planned has every kind of field a plan encodes.
type planned struct {
	Name     string            `url:"Name"`
	Empty    string            `url:"Empty"` // no omitempty: sent as Empty=
	Opt      string            `url:"Opt,omitempty"`
	Status   planStatus        `url:"Status,omitempty"`
	N        int               `url:"N"`
	I8       int8              `url:"I8,omitempty"`
	U        uint64            `url:"U,omitempty"`
	B        bool              `url:"B"`
	List     []string          `url:"List,omitempty"`
	Ints     []int             `url:"Ints"`
	Bools    []bool            `url:"Bools,omitempty"`
	Tags     []planTag         `url:"Tag,omitempty"`
	Clear    *string           `url:"Clear,omitempty"` // set to "": sent as Clear=
	Unset    *string           `url:"Unset,omitempty"` // nil: not sent
	PtrN     *int              `url:"PtrN,omitempty"`
	JSON     []string          `url:"JSONList,omitempty,json"`
	Branches []planBranch      `url:"Branch,omitempty"`
	Nested   planTag           `url:"Nested"`
	ZeroOpt  planTag           `url:"ZeroOpt,omitempty"`
	Object   planTag           `url:"Object,omitempty,json"`
	Map      map[string][]int  `url:"Map,omitempty,json"`
	PtrObj   *planTag          `url:"PtrObj,omitempty,json"`
	Float    float64           `url:"Float"`
	F32      float32           `url:"F32,omitempty"`
	PtrF     *float64          `url:"PtrF,omitempty"`
	Floats   []float64         `url:"Floats,omitempty"`
	InBody   string            `url:"InBody,omitempty,body"`
	BodyList []planBranch      `url:"BodyList,omitempty,body"`
	BodyJSON map[string]string `url:"BodyJSON,omitempty,json,body"`
	NoTag    string
	Skip     string `url:"-"`
	internal string //nolint:unused // unexported: never sent
}

func TestPlanMatchesQuerystring(t *testing.T) {
	empty, seven, half := "", 7, 0.5
	branch := planBranch{ID: "b", Leaves: []planTag{{Key: "l"}}, Names: []string{"x y"}, Inner: planTag{Key: "i"}, Ratio: 1e-9, JSON: []planTag{{Key: "<j>"}}}
	full := planned{Clear: &empty, PtrN: &seven, Branches: []planBranch{branch, {}}, Nested: planTag{Value: "n"}, Object: planTag{Key: "o"},
		Map: map[string][]int{"a": {1}}, PtrObj: &planTag{}, Float: 1e21, F32: 0.1, PtrF: &half, Floats: []float64{-0, 3},
		InBody: "b", BodyList: []planBranch{branch}, BodyJSON: map[string]string{"k": "v"}, Name: "第一 a+b&c", Opt: "o", Status: "RUNNING", N: -4, I8: 7, U: 1 << 63, B: true,
		List: []string{"1", "", "3"}, Ints: []int{0, 12}, Bools: []bool{false, true},
		Tags: []planTag{{Key: "k", Value: "v", Count: 2}, {}}, JSON: []string{"a", `"q"`}, NoTag: "nt", Skip: "s", internal: "i"}
	for name, req := range map[string]any{"full": full, "pointer": &full, "zero": planned{}, "nil": (*planned)(nil)} {
		t.Run(name, func(t *testing.T) {
			require.NotNil(t, planFor(reflect.TypeFor[planned]()), "planned is encoded by a plan")
			assertSameParams(t, req)
			assertSamePlacement(t, req)
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
		"pointer to a struct": reflect.TypeFor[struct {
			S *planTag `url:"S"`
		}](),
		"map without json": reflect.TypeFor[struct {
			M map[string]string `url:"M"`
		}](),
		"json on a pointer to a scalar": reflect.TypeFor[struct {
			P *string `url:"P,omitempty,json"`
		}](),
		"time in a list element": reflect.TypeFor[struct {
			L []struct {
				T time.Time `url:"T"`
			} `url:"L"`
		}](),
		"a type that holds itself": reflect.TypeFor[planSelf](),
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
	// The Alibaba forms apply around what go-querystring alone encodes.
	req := struct {
		T    time.Time  `url:"T"`
		Tags []planTag  `url:"Tag,omitempty,body"`
		Obj  planTag    `url:"Obj,omitempty,json"`
		Big  float64    `url:"Big"`
		Sub  planBranch `url:"Sub"`
	}{T: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Tags: []planTag{{Key: "k"}}, Obj: planTag{Key: "o"}, Big: 1e21,
		Sub: planBranch{ID: "s", Names: []string{"a"}, Inner: planTag{Key: "i"}}}
	e, err := encodeParams(wireParams{}, nil, req)
	require.NoError(t, err)
	assert.ElementsMatch(t, []signer.Param{{Key: "T", Value: "2026-01-02T03:04:05Z"}, {Key: "Obj", Value: `{"Key":"o","Value":"","Count":0}`}, {Key: "Big", Value: "1e+21"},
		{Key: "Sub.Id", Value: "s"}, {Key: "Sub.Name.1", Value: "a"}, {Key: "Sub.Inner.Key", Value: "i"}}, e.query)
	assert.Equal(t, []signer.Param{{Key: "Tag.1.Key", Value: "k"}}, e.body)
	assertSameParams(t, embedded{planTag{Key: "k"}})
}

func TestPlanCache(t *testing.T) {
	var c planCache
	p := c.get(reflect.TypeFor[planned]())
	require.NotNil(t, p)
	assert.Same(t, p, c.get(reflect.TypeFor[planned]()), "built once per type")
	typ := reflect.TypeFor[struct{ T time.Time }]()
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
