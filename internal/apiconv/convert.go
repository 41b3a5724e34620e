// Package apiconv turns the API facts of an Alibaba Cloud product (what
// its official SDKs say about every operation, shared/api/*.json) into the
// project's API model (api/<product>/<version>.json), merging into the
// model that is there: curated entries win, and only what is missing is
// added. internal/cmd/apiconv runs it.
package apiconv

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// converter holds one conversion's state.
type converter struct {
	facts    *Facts
	product  product
	pageSize string
	shapes   *shapes
	omitted  []apigen.Omission
}

// Convert returns curated (which may be nil) completed with every
// operation, member and shape of the facts it lacks. Curated entries keep
// their content; converting the result again changes nothing.
//
// A conversion can map an object to a shape the model already has that
// an earlier object of the same conversion widened; so Convert converts
// again, into its own result, until nothing changes: the result is what a
// second run gives too.
func Convert(f *Facts, curated *apigen.Model) (*apigen.Model, error) {
	m := curated
	var last []byte
	for range maxRounds {
		fresh, err := convert(f, m)
		if err != nil {
			return nil, err
		}
		if m, err = merge(m, fresh); err != nil {
			return nil, err
		}
		b, err := Marshal(m)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(b, last) {
			return m, nil
		}
		last = b
	}
	return nil, fmt.Errorf("apiconv: the conversion of %s %s does not settle in %d rounds", f.Product, f.Version, maxRounds)
}

// maxRounds bounds the conversions into the result: each round can only
// add members, so the rounds end; two or three do in practice.
const maxRounds = 10

// convert is the model of the facts alone, its shapes named around the
// curated ones.
func convert(f *Facts, curated *apigen.Model) (*apigen.Model, error) {
	p := productOf(f.Product, f.Version)
	if curated != nil && curated.Title != "" {
		p.title = curated.Title
	}
	c := &converter{facts: f, product: p, pageSize: p.pageSize, shapes: newShapes(curated, p.hints)}
	for _, op := range f.Operations {
		c.shapes.reserve(op.Name)
	}
	m := &apigen.Model{
		Product: strings.ToLower(f.Product), Package: strings.ToLower(f.Product), Protocol: "rpc",
		Version: f.Version, Title: p.title,
	}
	for i := range f.Operations {
		op, err := c.operation(&f.Operations[i])
		if err != nil {
			return nil, err
		}
		m.Operations = append(m.Operations, op)
	}
	c.shapes.dedupe(m.Operations)
	m.Shapes = c.shapes.all()
	m.Omitted = c.omitted
	if !slices.ContainsFunc(curatedConstants(curated), func(k apigen.Constant) bool { return k.Name == c.pageSize }) {
		m.Constants = append(m.Constants, apigen.Constant{Name: c.pageSize, Value: "100",
			Doc: c.pageSize + " is the page size the paginators ask for when a request's PageSize is zero."})
	}
	return m, nil
}

func curatedConstants(m *apigen.Model) []apigen.Constant {
	if m == nil {
		return nil
	}
	return m.Constants
}

func (c *converter) operation(f *FactOperation) (apigen.Operation, error) {
	if !exported(f.Name) {
		return apigen.Operation{}, fmt.Errorf("apiconv: operation %q is not a Go name", f.Name)
	}
	op := apigen.Operation{
		Name:   f.Name,
		Method: f.Method,
		Write:  !isRead(f.Name),
		Group:  c.product.groupOf(f.Name),
		Link:   c.product.link + strings.ToLower(f.Name),
	}
	if op.Method == "" {
		op.Method = "POST"
	}
	op.Request = c.request(f)
	var page *listing
	op.Response, page = c.response(f)
	op.Request.Members = uniqueNames(op.Request.Members)
	op.Response.Members = uniqueNames(op.Response.Members)
	op.Paginate = c.paging(f.Name, &op.Request, &op.Response, page)
	op.Doc = opDoc(c.product.title, f.Name, op.Write, op.Paginate != nil)
	return op, nil
}
