package apiconv

import (
	"encoding/json"
	"fmt"
	"os"
)

// Facts is one API's facts file (shared/api/<product>-<version>.json): what
// the official SDKs say about every operation, without their code or prose.
type Facts struct {
	Product    string          `json:"product"`
	Version    string          `json:"version"`
	Operations []FactOperation `json:"operations"`
}

// FactOperation is one operation of the facts.
type FactOperation struct {
	Name     string      `json:"name"`
	Method   string      `json:"method"`
	Params   []FactParam `json:"params"`
	Response struct {
		Fields []FactSchema `json:"fields"`
	} `json:"response"`
}

// FactParam is a request parameter. V1Only marks a parameter only the old
// v1 SDK sends (its diff says so).
type FactParam struct {
	FactSchema
	In                    string `json:"in"`
	Style                 string `json:"style"`
	ConditionallyRequired bool   `json:"conditionallyRequired"`
	Diff                  string `json:"diff"`
}

// FactSchema is a typed value: a parameter, a nested field, a list's items
// or a map's values.
type FactSchema struct {
	Name       string       `json:"name"`
	Type       string       `json:"type"`
	Items      *FactSchema  `json:"items"`
	Values     *FactSchema  `json:"values"`
	Fields     []FactSchema `json:"fields"`
	Required   *bool        `json:"required"`
	Example    *string      `json:"example"`
	Enum       []string     `json:"enum"`
	Minimum    *float64     `json:"minimum"`
	Maximum    *float64     `json:"maximum"`
	Deprecated bool         `json:"deprecated"`
}

// v1Only reports whether only the v1 SDK sends p.
func (p *FactParam) v1Only() bool { return p.Diff == "absent in v2 (v1 only)" }

func (s *FactSchema) required() bool { return s.Required != nil && *s.Required }

func (s *FactSchema) example() string {
	if s.Example == nil {
		return ""
	}
	return *s.Example
}

// LoadFacts reads a facts file.
func LoadFacts(path string) (*Facts, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseFacts(b)
}

// ParseFacts reads the facts of one API.
func ParseFacts(b []byte) (*Facts, error) {
	var f Facts
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("apiconv: facts: %w", err)
	}
	if len(f.Operations) == 0 {
		return nil, fmt.Errorf("apiconv: facts: no operations")
	}
	return &f, nil
}
