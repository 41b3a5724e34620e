// Package version holds the SDK's version and the User-Agent it sends.
package version

import (
	"runtime"
	"strings"
)

// SDK is this module's version.
const SDK = "0.1.0"

// UserAgent returns the User-Agent header: the SDK, the platform and the
// product API, followed by the caller's own suffix, if any.
func UserAgent(product, apiVersion, suffix string) string {
	ua := "typedcloud-sdk-go/" + SDK + " (" + runtime.GOOS + "; " + runtime.GOARCH + ") Go/" +
		strings.TrimPrefix(runtime.Version(), "go") + " " + product + "/" + apiVersion
	if suffix != "" {
		ua += " " + suffix
	}
	return ua
}
