package apiconv

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/typedcloud/sdk-go/internal/apigen"
)

// models are the committed models the converter completed, with the
// number of operations of their facts.
var models = map[string]int{
	"../../api/outboundbot/2019-12-26.json": 165,
	"../../api/ccc/2020-07-01.json":         253,
}

// TestModelsAreWhole checks what the conversion promises of the committed
// models: every operation, with a doc and a group; Go names that are
// exported identifiers and unique in their shape, as are wire names;
// every type defined; no two shapes alike; no envelope member.
func TestModelsAreWhole(t *testing.T) {
	for path, ops := range models {
		t.Run(path, func(t *testing.T) {
			m, err := apigen.Load(path)
			require.NoError(t, err)
			assert.Len(t, m.Operations, ops)
			sigs := map[string]string{}
			for _, s := range m.Shapes {
				checkMembers(t, m, s.Name, s.Members, false)
				if other, dup := sigs[signature(s.Members)]; dup {
					t.Errorf("shapes %s and %s have the same members", other, s.Name)
				}
				sigs[signature(s.Members)] = s.Name
			}
			for _, op := range m.Operations {
				assert.NotEmpty(t, op.Doc, op.Name)
				assert.NotEmpty(t, op.Group, op.Name)
				assert.NotEmpty(t, op.Link, op.Name)
				checkMembers(t, m, op.Name+"Request", op.Request.Members, false)
				checkMembers(t, m, op.Name+"Response", op.Response.Members, true)
				if p := op.Paginate; p != nil {
					assert.NotNil(t, findMember(op.Response.Members, p.Items), op.Name)
					assert.NotNil(t, findMember(op.Request.Members, p.Page), op.Name)
				}
			}
		})
	}
}

func checkMembers(t *testing.T, m *apigen.Model, in string, ms []apigen.Member, response bool) {
	t.Helper()
	names, wires := map[string]bool{}, map[string]bool{}
	for _, mem := range ms {
		assert.True(t, exported(mem.Name), "%s.%s is not an exported Go name", in, mem.Name)
		assert.False(t, names[mem.Name], "%s has two members %s", in, mem.Name)
		key := placeOf(mem)
		assert.False(t, wires[key], "%s has two members at %s", in, key)
		names[mem.Name], wires[key] = true, true
		if response {
			assert.False(t, envelope[key], "%s holds the envelope's %s", in, key)
		}
		_, base := splitType(mem.Type)
		if !builtinType(base) {
			assert.True(t, m.Shape(base) != nil || m.Enum(base) != nil, "%s.%s has type %s, which the model does not define", in, mem.Name, mem.Type)
		}
	}
}

func findMember(ms []apigen.Member, name string) *apigen.Member {
	for i := range ms {
		if ms[i].Name == name {
			return &ms[i]
		}
	}
	return nil
}

// TestModelsRender runs the generator on the committed models, less what
// it does not render yet (float64, raw and map types; times in seconds or
// a layout; body parameters; token paging; paginators without a total or
// an item key): every file it writes must parse as Go.
func TestModelsRender(t *testing.T) {
	for path := range models {
		t.Run(path, func(t *testing.T) {
			m, err := apigen.Load(path)
			require.NoError(t, err)
			supported(m)
			files, err := apigen.Files(m, "model.json")
			require.NoError(t, err)
			for name, src := range files {
				_, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
				assert.NoError(t, err, name)
			}
		})
	}
}

// supported drops from m what the generator cannot render yet.
func supported(m *apigen.Model) {
	keep := func(ms []apigen.Member) []apigen.Member {
		var out []apigen.Member
		for _, mem := range ms {
			_, base := splitType(mem.Type)
			switch {
			case base == "float64", base == "raw", strings.Contains(mem.Type, "map["),
				mem.Decode == "seconds", strings.HasPrefix(mem.Decode, "layout:"), mem.In == "body":
				continue
			}
			out = append(out, mem)
		}
		return out
	}
	for i := range m.Shapes {
		m.Shapes[i].Members = keep(m.Shapes[i].Members)
	}
	for i := range m.Operations {
		op := &m.Operations[i]
		op.Request.Members = keep(op.Request.Members)
		op.Response.Members = keep(op.Response.Members)
		if p := op.Paginate; p != nil && (p.Style != "page" || p.Total == "" || p.Key == "" ||
			findMember(op.Response.Members, p.Items) == nil) {
			op.Paginate = nil
		}
	}
}
