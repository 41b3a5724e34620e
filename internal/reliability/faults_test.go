package reliability

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/typedcloud/sdk-go/internal/apierror"
	"github.com/typedcloud/sdk-go/internal/fake"
	"github.com/typedcloud/sdk-go/internal/transport"
)

// retries says which operations the contract (§6) retries after a fault.
type retries int

const (
	never retries = iota // final for every operation
	reads                // reads retry; writes return at once (the request may have been processed)
	all                  // reads and writes retry: the request provably was not processed
)

// kind is how a fault is staged.
type kind int

const (
	injected      kind = iota // a fake.Fault for the next N calls of the action
	refused                   // the next N dials are refused by the kernel
	staleCreds                // the credential's token is one the fake rejects
	clockSkew                 // the fake's clock is 20 minutes ahead
	pastDeadline              // the answer is held past the caller's deadline
	scriptedPages             // a list operation's walk is answered scripted pages (list operations only)
)

// want is the error the contract promises once a fault is final or
// exhausted.
type want struct {
	typ      string                    // "operation" (*OperationError), "api" (*APIError), "decode" (*DecodeError)
	status   int                       // HTTPStatus of an APIError or DecodeError
	code     string                    // Code of an APIError
	category error                     // the sentinel errors.Is must match; nil means none may match
	wraps    error                     // a cause errors.Is must reach (ECONNREFUSED, DeadlineExceeded)
	reason   apierror.PaginationReason // Reason of a PaginationError
}

// faultCase is one column of the matrix.
type faultCase struct {
	name    string
	kind    kind
	retries retries
	// lost: the answer of a write may be lost after the work was done, so
	// the fake runs the write before the fault replaces its answer
	// (Fault.AfterHandler). Such faults must never make a write run twice.
	lost bool
	// fault builds the injected fault for an operation (without Action,
	// Times and AfterHandler).
	fault func(p *product, op operation) fake.Fault
	want  func(p *product, op operation) want
	// pages is what a scriptedPages service answers a walk of pages of
	// pageSize, and walked the list requests the walk must make.
	pages  script
	walked int
	// applies reports whether the fault can be staged for op; nil means
	// for every operation. A cell it does not apply to is not run.
	applies func(op operation) bool
}

// pageSize is the page size of the walks in the scriptedPages columns.
const pageSize = 3

const maxAttempts = 3

var (
	oversizedOnce sync.Once
	oversized     string
)

// oversizedBody is a JSON answer one MiB past the transport's read cap.
func oversizedBody() string {
	oversizedOnce.Do(func() {
		var b strings.Builder
		b.WriteString(`{"RequestId":"B16B0D7","Code":"OK","Success":true,"Data":"`)
		b.WriteString(strings.Repeat("x", transport.DefaultMaxBodyBytes+1<<20))
		b.WriteString(`"}`)
		oversized = b.String()
	})
	return oversized
}

// gatewayPage is what an nginx in front of a service answers when the
// service behind it is down.
const gatewayPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

// gatewayPage503 is an nginx's answer when the upstream is overloaded or
// down, and envoy503 is Envoy's (text/plain) when its upstream connection
// breaks: neither carries a service error code.
const (
	gatewayPage503 = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	envoy503       = "upstream connect error or disconnect/reset before headers. reset reason: connection termination"
)

func bare(status int) func(*product, operation) fake.Fault {
	return func(*product, operation) fake.Fault { return fake.Fault{Status: status} }
}

func raw(status int, body string) func(*product, operation) fake.Fault {
	return func(*product, operation) fake.Fault { return fake.Fault{Status: status, Body: body} }
}

// coded is a service error in the product's envelope: Alibaba's with its
// HTTP status, or Tencent's, whose gateway answers errors with HTTP 200.
func coded(aliStatus int, aliCode string, tcStatus int, tcCode string) func(*product, operation) fake.Fault {
	return func(p *product, _ operation) fake.Fault {
		if p.tencent {
			return fake.Fault{Status: tcStatus, Code: tcCode, Message: "injected " + tcCode}
		}
		return fake.Fault{Status: aliStatus, Code: aliCode, Message: "injected " + aliCode}
	}
}

func fixed(w want) func(*product, operation) want { return func(*product, operation) want { return w } }

func byProtocol(ali, tc want) func(*product, operation) want {
	return func(p *product, _ operation) want {
		if p.tencent {
			return tc
		}
		return ali
	}
}

var faults = []faultCase{
	{name: "refused", kind: refused, retries: all,
		want: fixed(want{typ: "operation", category: apierror.ErrServer, wraps: syscall.ECONNREFUSED})},
	{name: "reset-before-response", retries: reads, lost: true,
		fault: func(*product, operation) fake.Fault { return fake.Fault{Drop: true} },
		want:  fixed(want{typ: "operation", category: apierror.ErrServer})},
	{name: "reset-mid-body", retries: reads, lost: true,
		fault: func(*product, operation) fake.Fault { return fake.Fault{ResetMidBody: true} },
		want:  fixed(want{typ: "operation", category: apierror.ErrServer})},
	{name: "http-500", retries: reads, lost: true, fault: bare(500),
		want: fixed(want{typ: "decode", status: 500, category: apierror.ErrServer})},
	{name: "http-502", retries: reads, lost: true, fault: bare(502),
		want: fixed(want{typ: "decode", status: 502, category: apierror.ErrServer})},
	// A bare 503 carries no service code: it may come from a gateway after
	// the service acted, so a write is not resent (§6).
	{name: "http-503", retries: reads, lost: true, fault: bare(503),
		want: fixed(want{typ: "decode", status: 503, category: apierror.ErrServer})},
	{name: "gateway-503-html", retries: reads, lost: true,
		fault: func(*product, operation) fake.Fault {
			return fake.Fault{Status: http.StatusServiceUnavailable, Body: gatewayPage503, ContentType: "text/html"}
		},
		want: fixed(want{typ: "decode", status: 503, category: apierror.ErrServer})},
	{name: "gateway-503-envoy", retries: reads, lost: true,
		fault: func(*product, operation) fake.Fault {
			return fake.Fault{Status: http.StatusServiceUnavailable, Body: envoy503, ContentType: "text/plain"}
		},
		want: fixed(want{typ: "decode", status: 503, category: apierror.ErrServer})},
	{name: "http-504", retries: reads, lost: true, fault: bare(504),
		want: fixed(want{typ: "decode", status: 504, category: apierror.ErrServer})},
	{name: "throttling", retries: all, fault: coded(400, "Throttling.User", 200, "RequestLimitExceeded"),
		want: byProtocol(want{typ: "api", status: 400, code: "Throttling.User", category: apierror.ErrThrottled},
			want{typ: "api", status: 200, code: "RequestLimitExceeded", category: apierror.ErrThrottled})},
	{name: "throttling-subcode", retries: all, fault: coded(503, "Throttling.Api", 200, "RequestLimitExceeded.UinLimitExceeded"),
		want: byProtocol(want{typ: "api", status: 503, code: "Throttling.Api", category: apierror.ErrThrottled},
			want{typ: "api", status: 200, code: "RequestLimitExceeded.UinLimitExceeded", category: apierror.ErrThrottled})},
	{name: "service-unavailable", retries: all, fault: coded(503, "ServiceUnavailable", 503, "ServiceUnavailable"),
		want: fixed(want{typ: "api", status: 503, code: "ServiceUnavailable", category: apierror.ErrServer})},
	{name: "internal-error", retries: reads, lost: true, fault: coded(500, "InternalError", 200, "InternalError"),
		want: byProtocol(want{typ: "api", status: 500, code: "InternalError", category: apierror.ErrServer},
			want{typ: "api", status: 200, code: "InternalError", category: apierror.ErrServer})},
	{name: "slow-past-deadline", kind: pastDeadline, retries: never,
		fault: func(*product, operation) fake.Fault { return fake.Fault{Latency: time.Minute} },
		want:  fixed(want{typ: "operation", wraps: context.DeadlineExceeded})},
	{name: "gateway-html", retries: reads, lost: true,
		fault: func(*product, operation) fake.Fault {
			return fake.Fault{Status: http.StatusBadGateway, Body: gatewayPage, ContentType: "text/html"}
		},
		want: fixed(want{typ: "decode", status: 502, category: apierror.ErrServer})},
	{name: "empty-body", retries: never, lost: true, fault: raw(200, ""),
		want: fixed(want{typ: "decode", status: 200})},
	{name: "truncated-json", retries: never, lost: true,
		fault: func(p *product, _ operation) fake.Fault {
			if p.tencent {
				return fake.Fault{Status: 200, Body: `{"Response":{"RequestId":"8C9A0D3E","Data":{"Instance":{"UUID":"8d3f2c6e-`}
			}
			return fake.Fault{Status: 200, Body: `{"RequestId":"8C9A0D3E","Code":"OK","Success":true,"Instance":{"InstanceId":"90515b5-`}
		},
		want: fixed(want{typ: "decode", status: 200})},
	{name: "wrong-shape", retries: never, lost: true,
		fault: func(_ *product, op operation) fake.Fault { return fake.Fault{Status: 200, Body: op.wrongShape} },
		want:  fixed(want{typ: "decode", status: 200})},
	// An answer whose payload is null, and one with more list elements
	// than the API returns (a page past twice its largest, or a nested
	// list past the answer's element budget): not the documented shape.
	// Operations that answer only the envelope have neither.
	{name: "null-payload", retries: never, lost: true,
		applies: func(op operation) bool { return op.payload != nil },
		fault: func(_ *product, op operation) fake.Fault {
			return fake.Fault{Status: 200, Body: op.payload.answer("null")}
		},
		want: fixed(want{typ: "decode", status: 200})},
	{name: "oversized-item-count", retries: never, lost: true,
		applies: func(op operation) bool { return op.payload != nil && op.payload.oversized() != "" },
		fault: func(_ *product, op operation) fake.Fault {
			return fake.Fault{Status: 200, Body: op.payload.oversized()}
		},
		want: fixed(want{typ: "decode", status: 200})},
	{name: "oversized-body", retries: never, lost: true,
		fault: func(*product, operation) fake.Fault { return fake.Fault{Status: 200, Body: oversizedBody()} },
		want:  fixed(want{typ: "decode", status: 200})},
	{name: "http-200-success-false", retries: never,
		fault: func(p *product, _ operation) fake.Fault {
			if p.tencent {
				return fake.Fault{Status: 200, Code: "FailedOperation", Message: "The operation failed."}
			}
			return fake.Fault{Status: 200, Body: `{"RequestId":"8C9A0D3E","HttpStatusCode":200,"Success":false,"Code":"Biz.Rejected","Message":"The request was rejected."}`}
		},
		want: byProtocol(want{typ: "api", status: 200, code: "Biz.Rejected"},
			want{typ: "api", status: 200, code: "FailedOperation"})},
	// Expired token. Alibaba: the client signs with the fake's STS
	// AccessKey and a SecurityToken the fake does not accept; the fake
	// answers InvalidSecurityToken.MismatchWithAccessKey where the service
	// answers InvalidSecurityToken.Expired for a lapsed STS token: the same
	// family, ErrAuth, never retried (the clock-skew form,
	// InvalidTimeStamp.Expired, is the next column). industrialcloud: the
	// console has expired the static token (AuthFailure.TokenFailure,
	// final); with a TokenProvider the client reports the token rejected,
	// asks again and sends once more, so the call recovers, writes included.
	{name: "expired-token", kind: staleCreds, retries: never,
		want: byProtocol(want{typ: "api", status: 400, code: "InvalidSecurityToken.MismatchWithAccessKey", category: apierror.ErrAuth},
			want{typ: "api", status: 200, code: "AuthFailure.TokenFailure", category: apierror.ErrAuth})},
	// A service answering the same page whatever page is asked, and one
	// cycling through two pages under a total it never reaches: the walk
	// yields each item once and ends with a PaginationError.
	{name: "repeating-page", kind: scriptedPages, retries: never,
		pages:  script{pages: []served{{ids(0, pageSize), "1000000"}}, loops: 50},
		walked: 2, want: fixed(want{typ: "pagination", reason: apierror.RepeatedPage})},
	{name: "cycling-pages", kind: scriptedPages, retries: never,
		pages:  script{pages: []served{{ids(0, pageSize), "1000000"}, {ids(pageSize, 2*pageSize), "1000000"}}, loops: 50},
		walked: 3, want: fixed(want{typ: "pagination", reason: apierror.RepeatedPage})},
	{name: "clock-skew", kind: clockSkew, retries: never,
		want: byProtocol(want{typ: "api", status: 400, code: "InvalidTimeStamp.Expired", category: apierror.ErrAuth},
			want{typ: "api", status: 200, code: "AuthFailure.SignatureExpire", category: apierror.ErrAuth})},
}
