package outboundbot

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/internal/rpc"
	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/signer"
)

// Options configures a Client. The zero value of every field means its
// default: region cn-shanghai (endpoint outboundbot.cn-shanghai.aliyuncs.com),
// credentials from the credentials-go default chain, 3 attempts with
// jittered backoff, HMAC-SHA1 signing.
type Options struct {
	// Region is the region ID, e.g. "cn-shanghai" (the default). It picks
	// the endpoint outboundbot.<Region>.aliyuncs.com and is sent as
	// RegionId.
	Region string

	// Endpoint overrides the regional endpoint: a host
	// ("outboundbot.cn-shanghai.aliyuncs.com", reached over HTTPS) or a full
	// URL ("http://127.0.0.1:8080" for a fake).
	Endpoint string

	// Credential provides the AccessKey, STS token or bearer token. The
	// client asks it through a credcache.Cache, by one goroutine at a time
	// (credentials-go's credentials are not safe for concurrent use), each
	// caller waiting no longer than its context allows. credentials-go's
	// fixed AccessKey is read once, on the first call; the keys of a
	// credcache.ExpiringCredential are kept until shortly before they
	// expire; any other Credential is asked on every attempt, so rotating
	// credentials (STS, RAM roles, a wrapper of your own, whatever type it
	// reports) are picked up.
	//
	// To share one Credential between clients, of one product or several,
	// wrap it once with credcache.New and give each client the Cache:
	// clients given one credentials-go Credential unwrapped ask it each on
	// its own, which races inside credentials-go. A Credential set by a
	// per-call option is asked through a cache of that call alone. Options()
	// returns the Cache in use.
	//
	// nil means credentials-go's default chain: environment variables,
	// OIDC, the CLI and credentials profile files, then the ECS RAM role
	// (set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip it).
	Credential credentials.Credential

	// HTTPClient sends the requests. nil means a client made for this SDK
	// client: keep-alive, up to 64 idle connections per host, proxies from
	// the environment.
	//
	// A signed call never follows a redirect: a 3xx answer is returned as a
	// *RedirectError and nothing is resent. A *http.Client is used through a
	// copy whose CheckRedirect refuses redirects (your value is not
	// changed). Any other implementation must not follow redirects itself:
	// the SDK can only notice afterwards that the answer came from another
	// address, and returns a *RedirectError instead of that answer.
	HTTPClient HTTPClient

	// Retry sets attempts and backoff; see RetryOptions. The retry budget is
	// sized when the client is created and shared by all its calls.
	Retry RetryOptions

	// Timeout bounds each call, retries and backoff included. 0 means only
	// the context bounds it.
	Timeout time.Duration

	// Logger receives one debug line per attempt (operation, attempt,
	// status, request ID, latency; never a secret). nil means silent.
	Logger *slog.Logger

	// UserAgent is appended to the SDK's User-Agent header.
	UserAgent string

	// SignatureVersion selects signer.RPCV1 (HMAC-SHA1, the default) or
	// signer.ACS3 (ACS3-HMAC-SHA256).
	SignatureVersion signer.Version

	// Observer is told of every call and every attempt (see package
	// observe), for tracing and metrics; otelobserve in the module
	// github.com/typedcloud/sdk-go/otel is one. nil means none.
	Observer observe.Observer
}

// RetryOptions configures retries. The zero value means the defaults: 3
// attempts, exponential backoff with full jitter from 100 ms, capped at 5 s,
// and a client-wide budget of 500 tokens.
type RetryOptions struct {
	// MaxAttempts is the total number of attempts, the first included.
	// 0 means 3; 1 turns retries off.
	MaxAttempts int
	// BaseDelay is the backoff before the second attempt, doubled for each
	// further one; the actual sleep is uniformly random in [0, delay]
	// ("full jitter"). 0 means 100 ms.
	BaseDelay time.Duration
	// MaxDelay caps the backoff. 0 means 5 s.
	MaxDelay time.Duration
	// BudgetTokens is the size of the client-wide retry budget: each retry
	// spends 5 tokens (10 after a network failure) and each successful call
	// returns one, so a failing service cannot turn every call into
	// MaxAttempts calls. 0 means 500; a negative value disables the budget.
	// It is read once, when the client is created.
	BudgetTokens int
}

// HTTPClient sends HTTP requests; *http.Client satisfies it, and so does a
// recording or replaying test double.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// convert turns Options into the RPC protocol's options and back.
var convert = rpc.Convert[Options]{
	To: func(o Options) rpc.Options {
		return rpc.Options{
			Region: o.Region, Endpoint: o.Endpoint, Credential: o.Credential, HTTPClient: o.HTTPClient,
			Retry: transport.Retry(o.Retry), Timeout: o.Timeout, Logger: o.Logger, UserAgent: o.UserAgent,
			SignatureVersion: o.SignatureVersion, Observer: o.Observer,
		}
	},
	From: func(o rpc.Options) Options {
		return Options{
			Region: o.Region, Endpoint: o.Endpoint, Credential: o.Credential, HTTPClient: o.HTTPClient,
			Retry: RetryOptions(o.Retry), Timeout: o.Timeout, Logger: o.Logger, UserAgent: o.UserAgent,
			SignatureVersion: o.SignatureVersion, Observer: o.Observer,
		}
	},
}
