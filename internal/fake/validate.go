package fake

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Check returns the first bad parameter of a request to op, in the order
// of the model, or nil. Where a parameter was sent (query or form body) does
// not matter: the services merge them. An empty value counts as absent.
// Parameters the model does not list are ignored, as the services ignore
// them.
func (op *Operation) Check(params map[string]string) *Problem {
	for i := range op.Params {
		if p := check(&op.Params[i], op.Params[i].Wire, params); p != nil {
			return p
		}
	}
	return nil
}

// check checks the parameter p sent under name.
func check(p *Param, name string, params map[string]string) *Problem {
	switch {
	case p.List && p.Encoding == Repeat:
		return checkRepeat(p, name, params)
	case p.Kind == Object && p.Encoding != JSON:
		return checkFlat(p, name, params)
	}
	v := params[name]
	switch {
	case v == "" && p.Required:
		return &Problem{Param: name, Reason: Missing}
	case v == "":
		return nil
	case p.Encoding == JSON || p.Kind == Map || p.Kind == RawJSON:
		return checkJSONText(p, name, v)
	}
	return checkText(p, name, v)
}

// checkFlat checks an object sent as Name.Field parameters.
func checkFlat(p *Param, name string, params map[string]string) *Problem {
	if p.Required && !hasPrefixKey(params, name+".") {
		return &Problem{Param: name, Reason: Missing}
	}
	return checkFields(p.Fields, name+".", params)
}

func checkFields(fields []Param, prefix string, params map[string]string) *Problem {
	for i := range fields {
		if p := check(&fields[i], prefix+fields[i].Wire, params); p != nil {
			return p
		}
	}
	return nil
}

func hasPrefixKey(params map[string]string, prefix string) bool {
	for k := range params {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// checkRepeat checks a list sent as Name.N (scalars) or Name.N.Field
// (objects): every index a positive decimal without leading zeros, every
// element valid.
func checkRepeat(p *Param, name string, params map[string]string) *Problem {
	prefix := name + "."
	var keys []string
	for k := range params {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		if p.Required {
			return &Problem{Param: name, Reason: Missing}
		}
		return nil
	}
	slices.Sort(keys)
	var indexes []int
	for _, k := range keys {
		idx, sub, _ := strings.Cut(k[len(prefix):], ".")
		n, ok := listIndex(idx)
		if !ok || (sub == "") != (p.Kind != Object) {
			return &Problem{Param: k, Reason: Malformed}
		}
		if !slices.Contains(indexes, n) {
			indexes = append(indexes, n)
		}
	}
	slices.Sort(indexes)
	for _, n := range indexes {
		elem := prefix + strconv.Itoa(n)
		if p.Kind == Object {
			if bad := checkFields(p.Fields, elem+".", params); bad != nil {
				return bad
			}
			continue
		}
		if bad := checkElement(p, elem, params[elem]); bad != nil {
			return bad
		}
	}
	return nil
}

// listIndex reads the N of Name.N: 1, 2, … with no sign or leading zero.
func listIndex(s string) (int, bool) {
	if s == "" || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// checkElement checks one scalar element of a list.
func checkElement(p *Param, name, v string) *Problem {
	if v == "" {
		if p.Elements {
			return &Problem{Param: name, Reason: NotAllowed}
		}
		return nil
	}
	if p.Kind == RawJSON || p.Kind == Map {
		return checkJSONText(&Param{Kind: p.Kind, Elem: p.Elem}, name, v)
	}
	return checkText(p, name, v)
}

// checkText checks a scalar sent as text.
func checkText(p *Param, name, v string) *Problem {
	bad := func(r Reason) *Problem { return &Problem{Param: name, Reason: r} }
	switch p.Kind {
	case Int, Int64:
		bits := 64
		if p.Kind == Int {
			bits = 32
		}
		n, err := strconv.ParseInt(v, 10, bits)
		if err != nil {
			return bad(Malformed)
		}
		return checkNumber(p, name, float64(n), strconv.FormatInt(n, 10))
	case Float64:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return bad(Malformed)
		}
		return checkNumber(p, name, f, v)
	case Bool:
		if v != "true" && v != "false" {
			return bad(Malformed)
		}
		return nil
	}
	n := utf8.RuneCountInString(v)
	switch {
	case len(p.Values) > 0 && !slices.Contains(p.Values, v),
		p.MinLength > 0 && n < p.MinLength,
		p.MaxLength > 0 && n > p.MaxLength,
		p.Pattern != nil && !p.Pattern.MatchString(v):
		return bad(NotAllowed)
	}
	return nil
}

// checkNumber checks a number's range and documented values; text is its
// canonical form.
func checkNumber(p *Param, name string, f float64, text string) *Problem {
	switch {
	case p.Min != nil && f < float64(*p.Min):
		return &Problem{Param: name, Reason: BelowMin, Limit: *p.Min}
	case p.Max != nil && f > float64(*p.Max):
		return &Problem{Param: name, Reason: AboveMax, Limit: *p.Max}
	case len(p.Values) > 0 && !slices.Contains(p.Values, text):
		return &Problem{Param: name, Reason: NotAllowed}
	}
	return nil
}

// checkJSONText checks a parameter sent as JSON text.
func checkJSONText(p *Param, name, text string) *Problem {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return &Problem{Param: name, Reason: Malformed}
	}
	if p.List {
		list, ok := v.([]any)
		if !ok {
			return &Problem{Param: name, Reason: Malformed}
		}
		for i, e := range list {
			if bad := checkJSONElement(p, name+"."+strconv.Itoa(i+1), e); bad != nil {
				return bad
			}
		}
		return nil
	}
	return checkJSON(p, name, v)
}

func checkJSONElement(p *Param, name string, v any) *Problem {
	if v == nil || v == "" {
		if p.Elements {
			return &Problem{Param: name, Reason: NotAllowed}
		}
		return nil
	}
	return checkJSON(p, name, v)
}

// checkJSON checks one JSON value against p's kind (p.List aside). name is
// how a problem names it: the parameter, then .Field or .N inside it.
func checkJSON(p *Param, name string, v any) *Problem {
	bad := &Problem{Param: name, Reason: Malformed}
	switch p.Kind {
	case RawJSON:
		return nil
	case Object:
		obj, ok := v.(map[string]any)
		if !ok {
			return bad
		}
		for i := range p.Fields {
			if bad := checkMember(&p.Fields[i], name+"."+p.Fields[i].Wire, obj[p.Fields[i].Wire]); bad != nil {
				return bad
			}
		}
		return nil
	case Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return bad
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if p.Elem != nil {
				if bad := checkMember(p.Elem, name+"."+k, obj[k]); bad != nil {
					return bad
				}
			}
		}
		return nil
	case Bool:
		if _, ok := v.(bool); !ok {
			return bad
		}
		return nil
	case Int, Int64, Float64:
		n, ok := v.(json.Number)
		if !ok {
			return bad
		}
		return checkText(p, name, n.String())
	}
	s, ok := v.(string)
	if !ok {
		return bad
	}
	return checkText(p, name, s)
}

// checkMember checks a member of a JSON object (or a map's value), which
// may itself be a list.
func checkMember(p *Param, name string, v any) *Problem {
	if v == nil {
		if p.Required {
			return &Problem{Param: name, Reason: Missing}
		}
		return nil
	}
	if !p.List {
		return checkJSON(p, name, v)
	}
	list, ok := v.([]any)
	if !ok {
		return &Problem{Param: name, Reason: Malformed}
	}
	for i, e := range list {
		if bad := checkJSONElement(p, name+"."+strconv.Itoa(i+1), e); bad != nil {
			return bad
		}
	}
	return nil
}
