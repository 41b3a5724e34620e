package apiconv

import (
	"fmt"
	"strings"

	"github.com/typedcloud/sdk-go/internal/apigen"
)

// StatsOf counts how the operations of the facts page and what the model
// made of it: requests with PageNumber, PageIndex or a next token (each
// with PageSize where it applies), and the paginators by style.
func StatsOf(f *Facts, m *apigen.Model) string {
	var number, index, token int
	for _, op := range f.Operations {
		has := map[string]bool{}
		for _, p := range op.Params {
			has[p.Name] = true
		}
		switch {
		case has["PageNumber"] && has["PageSize"]:
			number++
		case has["PageIndex"] && has["PageSize"]:
			index++
		case has["NextToken"] || has["NextPageToken"]:
			token++
		}
	}
	styles := map[string]int{}
	var noTotal, noKey []string
	for _, op := range m.Operations {
		if p := op.Paginate; p != nil {
			styles[p.Style]++
			if p.Total == "" && p.Style == "page" {
				noTotal = append(noTotal, op.Name)
			}
			if p.Key == "" {
				noKey = append(noKey, op.Name)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d operations, %d shapes, %d omitted parameters\n", f.Product, f.Version, len(m.Operations), len(m.Shapes), len(m.Omitted))
	fmt.Fprintf(&b, "requests paging: PageNumber/PageSize %d, PageIndex/PageSize %d, token %d\n", number, index, token)
	fmt.Fprintf(&b, "paginators: page %d, token %d\n", styles["page"], styles["token"])
	fmt.Fprintf(&b, "paginators without a total (%d): %s\n", len(noTotal), strings.Join(noTotal, " "))
	fmt.Fprintf(&b, "paginators without an item key (%d): %s\n", len(noKey), strings.Join(noKey, " "))
	return b.String()
}
