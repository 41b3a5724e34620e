package transport

import (
	"fmt"
	"io"
	"net"
	"os"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRetryRules runs every row of retryRules: each example failure must
// fall in its row, and a read and a write that meet it every time must be
// retried (or not) and charged exactly as the row says.
func TestRetryRules(t *testing.T) {
	dnsErr := &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "fake.invalid", IsNotFound: true}}
	timeout := &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
	examples := map[failure][]step{
		final: {
			{status: 404, code: "NotExist.Instance"},
			{status: 400, code: "SignatureDoesNotMatch"},
			{status: 400, code: "MissingParameter"},
			{status: 200, code: "AuthFailure.TokenFailure"},
			{status: 503, code: "InvalidAccessKeyId.NotFound"}, // the service's own word, whatever the status
			{status: 200, body: "<html>not JSON</html>"},
			{status: 400, body: "<html>400 Bad Request</html>"},
		},
		notSent:      {{err: refused}, {err: dnsErr}},
		lostInFlight: {{err: reset}, {err: io.ErrUnexpectedEOF}, {err: timeout}},
		throttled: {
			{status: 400, code: "Throttling.User"},
			{status: 503, code: "Throttling.Api"},
			{status: 200, code: "RequestLimitExceeded"},
			{status: 429, code: "TooManyRequests"}, // an unknown code, throttled by its status
		},
		turnedAway: {
			{status: 503, code: "ServiceUnavailable"},
			{status: 503, code: "ServiceUnavailable.Maintenance"},
			{status: 400, code: "SignatureNonceUsed"},
		},
		serviceFault: {
			{status: 500, code: "InternalError"},
			{status: 200, code: "InternalError"},
			{status: 502, code: "Biz.Unexpected"}, // an unknown code on a 5xx
		},
		bareStatus: {
			{status: 503, body: gatewayPage503},
			{status: 503, body: envoy503},
			{status: 503},
			{status: 502, body: "<html><title>502 Bad Gateway</title></html>"},
			{status: 500, body: "Internal Server Error"},
			{status: 504, body: "upstream request timeout"},
			{status: 429, body: "<html>429 Too Many Requests</html>"},
		},
	}
	for row, rule := range retryRules {
		kind := failure(row)
		require.NotEmpty(t, examples[kind], "row %d of retryRules has no example", row)
		for _, ex := range examples[kind] {
			for _, write := range []bool{false, true} {
				retried := rule.reads
				if write {
					retried = rule.writes
				}
				t.Run(exampleName(ex, write), func(t *testing.T) {
					synctest.Test(t, func(t *testing.T) {
						once := &Config{HTTPClient: &script{steps: []step{ex}}}
						assert.Equal(t, kind, kindOf(once.attempt(t.Context(), testCall(!write), 1, nil)), "row")

						s := &script{steps: []step{ex}}
						retry := Retry{MaxAttempts: 2}
						cfg := &Config{HTTPClient: s, Retry: retry, Budget: NewBudget(retry)}
						require.Error(t, cfg.Do(t.Context(), testCall(!write)))
						wantAttempts, wantCost := 1, 0
						if retried {
							wantAttempts, wantCost = 2, rule.cost
						}
						assert.Len(t, s.times, wantAttempts, "attempts")
						assert.Equal(t, DefaultBudgetTokens-wantCost, cfg.Budget.Tokens(), "budget spent")
					})
				})
			}
		}
	}
}

func exampleName(ex step, write bool) string {
	op := "read"
	if write {
		op = "write"
	}
	switch {
	case ex.err != nil:
		return fmt.Sprintf("%s/%v", op, ex.err)
	case ex.code != "":
		return fmt.Sprintf("%s/HTTP %d %s", op, ex.status, ex.code)
	}
	return fmt.Sprintf("%s/HTTP %d %.30q", op, ex.status, ex.body)
}

// TestRetryRulesAreTheContract pins the table itself against §6 of the
// contract: what a write may be resent after is exactly the connection
// never made and the service's own throttling or not-processed codes.
func TestRetryRulesAreTheContract(t *testing.T) {
	var writes []failure
	for row, rule := range retryRules {
		if rule.writes {
			writes = append(writes, failure(row))
			assert.True(t, rule.reads, "row %d: a write retried where a read is not", row)
		}
		if rule.reads || rule.writes {
			assert.Positive(t, rule.cost, "row %d: a retry that costs nothing", row)
		}
	}
	assert.Equal(t, []failure{notSent, throttled, turnedAway}, writes)
	assert.Equal(t, retryRule{}, retryRules[final])
}
