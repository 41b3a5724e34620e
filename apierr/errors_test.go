package apierr

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
)

var categories = []*Category{ErrNotFound, ErrThrottled, ErrAuth, ErrPermission, ErrInvalidParameter, ErrConflict, ErrQuotaExceeded, ErrServer}

// matches returns the categories err matches with errors.Is.
func matches(err error) []*Category {
	var got []*Category
	for _, c := range categories {
		if errors.Is(err, c) {
			got = append(got, c)
		}
	}
	return got
}

func TestAPIErrorString(t *testing.T) {
	e := &APIError{Product: "outboundbot", Operation: "DescribeInstance", HTTPStatus: 500, Code: "InternalError",
		Message: "An error occurred while processing your request.\nPlease try again later.", RequestID: "254EB995"}
	assert.Equal(t, "outboundbot DescribeInstance: InternalError: An error occurred while processing your request. Please try again later. (HTTP 500, request 254EB995)", e.Error())

	bare := &APIError{Product: "ccc", Operation: "GetInstance", HTTPStatus: 502}
	assert.Equal(t, "ccc GetInstance: HTTP 502 (HTTP 502)", bare.Error())
}

func TestAPIErrorIsExactlyOneCategory(t *testing.T) {
	e := &APIError{Code: "InvalidInstanceName.Duplicated", HTTPStatus: 400}
	SetCategory(e, ErrConflict)
	assert.Equal(t, []*Category{ErrConflict}, matches(e))
	assert.Equal(t, []*Category{ErrConflict}, matches(fmt.Errorf("wrapped: %w", e)))

	unset := &APIError{Code: "Throttling.User", HTTPStatus: 400}
	assert.Equal(t, []*Category{ErrThrottled}, matches(unset), "falls back to the protocol tables")

	unknown := &APIError{Code: "Odd", HTTPStatus: 200}
	assert.Empty(t, matches(unknown))
	assert.Nil(t, unknown.Category())
}

// TestCodeTables checks every row of both protocol tables, and codes that
// reach a row through their dotted family.
func TestCodeTables(t *testing.T) {
	for name, table := range map[string]Codes{"alibaba": AlibabaCodes, "tencent": TencentCodes} {
		for code, want := range table {
			t.Run(name+"/"+code, func(t *testing.T) {
				assert.Same(t, want, Classify(code, 0, table))
			})
		}
	}
	families := []struct {
		code  string
		table Codes
		want  *Category
	}{
		{"Throttling.User", AlibabaCodes, ErrThrottled},
		{"Throttling.Api", AlibabaCodes, ErrThrottled},
		{"InvalidAccessKeyId.NotFound", AlibabaCodes, ErrAuth},
		{"InvalidAccessKeyId.Inactive", AlibabaCodes, ErrAuth},
		{"InvalidTimeStamp.Expired", AlibabaCodes, ErrAuth},
		{"InvalidSecurityToken.Expired", AlibabaCodes, ErrAuth},
		{"Forbidden.RAM", AlibabaCodes, ErrPermission},
		{"InvalidParameter.PageSize", AlibabaCodes, ErrInvalidParameter},
		{"AuthFailure.TokenFailure", TencentCodes, ErrAuth},
		{"AuthFailure.SignatureExpire", TencentCodes, ErrAuth},
		{"AuthFailure.UnauthorizedOperation", TencentCodes, ErrPermission},
		{"RequestLimitExceeded.UinLimitExceeded", TencentCodes, ErrThrottled},
		{"ResourceNotFound.InstanceNotExist", TencentCodes, ErrNotFound},
		{"InvalidParameterValue.Limit", TencentCodes, ErrInvalidParameter},
	}
	for _, f := range families {
		assert.Same(t, f.want, Classify(f.code, 400, f.table), f.code)
	}
}

func TestClassifyOrderAndStatusFallback(t *testing.T) {
	product := Codes{"NotExist.Instance": ErrNotFound, "InternalError": ErrQuotaExceeded}
	assert.Same(t, ErrNotFound, Classify("NotExist.Instance", 404, product, AlibabaCodes))
	assert.Same(t, ErrQuotaExceeded, Classify("InternalError", 500, product, AlibabaCodes), "the product table comes first")
	assert.Same(t, ErrNotFound, Classify("Mystery", 404, AlibabaCodes))
	assert.Same(t, ErrThrottled, Classify("Mystery", 429, AlibabaCodes))
	assert.Same(t, ErrServer, Classify("", 503))
	assert.Nil(t, Classify("Mystery", 418))
}

func TestDecodeError(t *testing.T) {
	e := &DecodeError{Product: "ccc", Operation: "GetInstance", HTTPStatus: 502, Snippet: "<html>Bad Gateway</html>", Err: errors.New("invalid character '<'")}
	assert.Equal(t, `ccc GetInstance: cannot decode response (HTTP 502): invalid character '<'; body: "<html>Bad Gateway</html>"`, e.Error())
	assert.Equal(t, []*Category{ErrServer}, matches(e), "a 502 page is a server error")

	ok := &DecodeError{HTTPStatus: 200, RequestID: "R1", Err: errors.New("unexpected end of JSON input")}
	assert.Empty(t, matches(ok))
	assert.Contains(t, ok.Error(), "request R1")
}

func TestOperationError(t *testing.T) {
	net := &OperationError{Product: "ccc", Operation: "ListInstances", Attempts: 3, Err: syscall.ECONNREFUSED}
	assert.Equal(t, "ccc ListInstances: failed after 3 attempts: connection refused", net.Error())
	assert.ErrorIs(t, net, syscall.ECONNREFUSED)
	assert.Equal(t, []*Category{ErrServer}, matches(net))

	cancelled := &OperationError{Operation: "ListInstances", Attempts: 1, Err: fmt.Errorf("%w during backoff", context.Canceled)}
	assert.ErrorIs(t, cancelled, context.Canceled)
	assert.Empty(t, matches(cancelled), "the caller's cancellation is not the service's fault")
	assert.Equal(t, "ListInstances: failed after 1 attempt: context canceled during backoff", cancelled.Error())
}

func TestCredentialsError(t *testing.T) {
	cause := errors.New("provider down")
	err := &OperationError{Product: "industrialcloud", Operation: "DescribeInstance", Err: &CredentialsError{Err: cause}}
	assert.ErrorIs(t, err, cause)
	assert.ErrorIs(t, err, ErrAuth)
	assert.NotErrorIs(t, err, ErrServer, "nothing was sent")
	assert.Equal(t, "industrialcloud DescribeInstance: not sent: resolve credentials: provider down", err.Error())

	// A caller that gave up waiting for its credential: its choice, not a
	// credential's failure.
	for _, ctxErr := range []error{context.Canceled, context.DeadlineExceeded} {
		waited := &OperationError{Operation: "DescribeInstance", Err: &CredentialsError{Err: ctxErr}}
		assert.ErrorIs(t, waited, ctxErr)
		assert.Empty(t, matches(waited), "%v", ctxErr)
	}
}

func TestErrorsStayOnOneLine(t *testing.T) {
	for _, err := range []error{
		&APIError{Product: "p", Operation: "o", HTTPStatus: 400, Code: "Bad\nCode", Message: "m\u2028x", RequestID: "R\r\nlevel=ERROR msg=forged"},
		&DecodeError{Product: "p", Operation: "o", HTTPStatus: 200, RequestID: "R\u0085x", Err: errors.New("a\vb")},
		&OperationError{Operation: "o", Attempts: 1, Err: errors.New("x\fy")},
	} {
		assert.False(t, strings.ContainsFunc(err.Error(), breaksLine), "%q", err.Error())
	}
}
