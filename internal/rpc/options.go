package rpc

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/internal/transport"
	"github.com/typedcloud/sdk-go/observe"
	"github.com/typedcloud/sdk-go/signer"
)

// Options configures a client of an Alibaba Cloud RPC product (Outbound Bot,
// Contact Center). The zero value of every field means its default, so
// Options{} is a working configuration wherever credentials-go finds
// credentials. Each product package declares an Options of its own with
// these fields, documented for go doc, and converts it (see Convert).
type Options struct {
	// Region is the region ID, e.g. "cn-shanghai" (the default). It picks
	// the endpoint <product>.<Region>.aliyuncs.com and is sent as RegionId.
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
	HTTPClient transport.HTTPClient

	// Retry sets attempts and backoff; see RetryOptions. The retry budget is
	// sized when the client is created and shared by all its calls.
	Retry transport.Retry

	// Timeout bounds each call, retries and backoff included. 0 means only
	// the context bounds it.
	Timeout time.Duration

	// Logger receives one debug line per attempt (operation, attempt,
	// status, request ID, latency; never a secret). nil means silent.
	Logger *slog.Logger

	// Observer is told of every call and every attempt (see package
	// observe): the hook for tracing and metrics, such as the OpenTelemetry
	// one of the module github.com/typedcloud/sdk-go/otel. nil means none.
	Observer observe.Observer

	// UserAgent is appended to the SDK's User-Agent header.
	UserAgent string

	// SignatureVersion selects signer.RPCV1 (HMAC-SHA1, the default) or
	// signer.ACS3 (ACS3-HMAC-SHA256).
	SignatureVersion signer.Version
}

// validate reports every invalid field at once.
func (o *Options) validate() error {
	var bad []string
	if o.Region == "" && o.Endpoint == "" {
		bad = append(bad, "Region or Endpoint is required")
	}
	if o.Endpoint != "" {
		if _, err := transport.ParseEndpoint(o.Endpoint); err != nil {
			bad = append(bad, "Endpoint: "+err.Error())
		}
	}
	if o.SignatureVersion != signer.RPCV1 && o.SignatureVersion != signer.ACS3 {
		bad = append(bad, fmt.Sprintf("SignatureVersion: unknown %v", o.SignatureVersion))
	}
	if o.Retry.MaxAttempts < 0 || o.Retry.BaseDelay < 0 || o.Retry.MaxDelay < 0 {
		bad = append(bad, "Retry: MaxAttempts, BaseDelay and MaxDelay must not be negative")
	}
	if o.Timeout < 0 {
		bad = append(bad, "Timeout must not be negative")
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("invalid options: %v", bad)
}
