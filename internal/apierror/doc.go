// Package apierror is the SDK's internal view of the public error package
// github.com/typedcloud/sdk-go/apierr: it re-exports its names for the
// protocol and transport layers, and adds the Validator request types use
// to build a *ValidationError.
package apierror
