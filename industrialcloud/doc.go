// Package industrialcloud is a typed client for the instance console of
// Tencent's industrial cloud (WeMake, 工业云) — API version 2019-12-26:
// DescribeInstance, DescribeInstances and ModifyInstanceName.
//
//	client, err := industrialcloud.New(industrialcloud.Options{
//		Domain: "industry.example.com", // your environment's domain (工业环境域名)
//		Token:  token,
//	})
//	if err != nil { … }
//	resp, err := client.DescribeInstance(ctx, &industrialcloud.DescribeInstanceRequest{
//		InstanceUUID: uuid,
//		With:         []string{industrialcloud.WithInstanceCustomSpecs},
//	})
//
// Every operation takes a context, a request value and optional per-call
// option functions, and returns a response value or a typed error. A Client
// is safe for concurrent use; create one and share it. New makes no network
// call.
//
// # Tokens
//
// Every request carries a token. Options.Token sends the same one each
// time. Options.TokenProvider is asked on every attempt instead; when the
// service rejects a token (AuthFailure.TokenFailure or another
// AuthFailure.Token* code), a provider with an Invalidate(token string)
// method is told which token failed, the provider is asked again and the call
// is made once more — even ModifyInstanceName, since a rejected request was
// not processed. A second rejection is returned (errors.Is(err, ErrAuth)). A
// provider's own error is returned before anything is sent, as an
// *OperationError that matches ErrAuth and unwraps to the provider's error.
// How a token is obtained is not documented; the community SDK gets one from
// the iam-app service (DescribeAccessToken), which a TokenProvider can wrap.
//
// Setting SecretID and SecretKey also signs each request with
// TC3-HMAC-SHA256. Options, and a Client, print with the token and the
// secret key REDACTED.
//
// The request and response types, their validation and decoding are
// generated from the API model in api/industrialcloud/2019-12-26.json.
//
// # Errors
//
// The error types are defined in package apierr, which this package
// re-exports: go doc github.com/typedcloud/sdk-go/apierr APIError shows
// the fields.
//
// Match categories with errors.Is and read details with errors.As:
//
//	var apiErr *industrialcloud.APIError
//	switch {
//	case errors.Is(err, industrialcloud.ErrNotFound): // ResourceNotFound
//	case errors.Is(err, industrialcloud.ErrAuth):     // AuthFailure.*: token, signature, clock
//	case errors.As(err, &apiErr):
//		log.Print(apiErr.Code, apiErr.RequestID)
//	}
//
// A *ValidationError lists every bad request field before anything is sent.
// An *APIError is the service's refusal: a Response.Error object, the legacy
// {"code","message","codeDesc"} body, or a non-zero business Code in
// ModifyInstanceName's {"Code","Msg","RequestId"} envelope (whose codes are
// undocumented and match no category). A *DecodeError is an answer that is
// not the documented shape (a gateway's HTML page, truncated JSON, a time
// that is not a time, a DescribeInstance answer without Data.Instance, a
// DescribeInstances answer without Data.Instances or with more than twice
// MaxLimit of them, an instance without UUID). A context that ends while an
// answer is decoded stops the decoding: the *DecodeError then matches the
// context's error.
// A *RedirectError is an answer that sent the call elsewhere (HTTP 3xx): a
// signed call never follows a redirect, and nothing is resent. An
// *OperationError is a call that got no complete answer: a network failure
// after the last attempt, an answer cut off before its end, a cancelled
// context, a failing TokenProvider; it wraps the cause, so errors.Is(err,
// context.DeadlineExceeded) works. Error strings
// never contain the token or the secret key.
//
// # Retries
//
// Each call makes up to 3 attempts with exponential backoff and full jitter
// (100 ms doubling, capped at 5 s), every attempt with a fresh timestamp,
// token and signature. The reads (DescribeInstance, DescribeInstances)
// retry on network failures, RequestLimitExceeded, HTTP 500/502/503/504 and
// InternalError. ModifyInstanceName retries only when the request provably
// was not processed (a refused connection, or RequestLimitExceeded in the
// service's Response.Error), so a lost answer is never replayed; a bare HTTP
// 502, 503 or 504 from a gateway or proxy is not enough. A client-wide retry
// budget stops a failing service from multiplying the load. Tune it with
// Options.Retry, per client or per call:
//
//	client.DescribeInstance(ctx, req, func(o *industrialcloud.Options) { o.Retry.MaxAttempts = 1 })
//
// # Pagination
//
// DescribeInstances pages by Offset and Limit and reports Data.TotalCount.
// DescribeInstancesAll returns an iter.Seq2 over every matching instance,
// fetching pages of the request's Limit (DefaultLimit, 20, when zero) as
// the loop needs them:
//
//	req := &industrialcloud.DescribeInstancesRequest{Status: []industrialcloud.Status{industrialcloud.StatusDelivered}}
//	for in, err := range client.DescribeInstancesAll(ctx, req) {
//		if err != nil { … }
//		fmt.Println(in.InstanceName)
//	}
//
// Nothing is fetched until the loop starts, breaking out stops the requests,
// ranging again starts over, and the caller's request is never modified.
// The walk ends at TotalCount or on an empty page; an answer without a
// TotalCount (or with a negative one) is walked while its pages hold the
// Limit asked for. No instance is yielded twice: a page that repeats an
// earlier one, or lists an instance again, ends the walk with a
// *PaginationError (Reason RepeatedPage or RepeatedItem) and is not
// yielded; pages that never reach TotalCount end it, after the pages the
// total implies plus one, with Reason PageLimit.
// NewDescribeInstancesPaginator gives page-by-page control. The maximum
// Limit is not documented; MaxLimit (100, the Tencent Cloud convention) is
// enforced client-side. The walk advances Offset by the instances each page
// held, so a deployment serving fewer than the Limit asked for skips none.
//
// Every paginator is a pages.Pager: go doc github.com/typedcloud/sdk-go/pages
// Pager shows its HasMorePages and NextPage.
//
// # Actions not modelled yet
//
// Invoke calls an action this package has no method for, signed, checked
// and with errors typed like every other call; it is retried like a write,
// InvokeRead like a read:
//
//	err := client.InvokeRead(ctx, action, params, &out)
//
// params is marshalled with encoding/json as the request body (Module
// added), and out receives the answer's Response object.
//
// # Testing
//
// Package industrialcloudtest runs a fake instance console in-process: it
// checks the version, the timestamp window, the token (tokens can be added
// and expired mid-run) and TC3 signatures (required on request), checks the
// Module field, keeps instances in memory with the documented filters,
// sorting and paging, injects faults and records requests with secrets
// redacted. Its Client method returns a Client wired to it; the examples in
// this package run against it.
//
// # Wire format
//
// WeMake publishes two instance-console pages (DescribeInstance, and a
// truncated DescribeInstances) and nothing on tokens, signing, envelopes or
// error codes. Everything else below comes from the only public client, the
// community SDK github.com/caryxychen/cloudindustry-sdk-go (not an official
// Tencent artifact), and from running that SDK against a loopback server.
// Evidence levels: DOC (the WeMake pages), CSDK (the community SDK's
// source), PROBE (bytes the community SDK was observed to send; says nothing
// of what the server accepts), UNVERIFIED (nothing states it). Each
// assumption is an option, so a deployment that differs is configuration.
// Sources: the project's research note shared/research/industrialcloud.md.
//
//   - Host: instance-console-api.<Domain> (DOC). The community SDK's
//     examples use the label instance-console-app-api (CSDK): Options.HostLabel.
//   - Scheme: HTTPS. The console's documentation and the community SDK's
//     examples show plain http://instance-console-api.<Domain> (DOC, CSDK),
//     but every request carries the token, so the client uses https for
//     Domain and for a bare Options.Endpoint host, and plain HTTP only when
//     you write it: Options{Endpoint: "http://instance-console-api.<Domain>"}
//     for a deployment that serves no TLS. A client made with a plain-http,
//     non-loopback endpoint logs a warning through Options.Logger.
//   - Method and body: POST with a JSON body (DOC: POST; CSDK, PROBE: JSON).
//     The action goes in a header, not the body (CSDK, PROBE).
//   - Headers: X-TC-Action, X-TC-Version (2019-12-26, CSDK: Options.APIVersion),
//     X-TC-Timestamp and, when Options.Region is set, X-TC-Region (CSDK sends
//     ap-guangzhou; whether the server reads it is UNVERIFIED, so none is sent
//     by default): Options.Headers.
//   - Token: the X-TC-Token header (CSDK, PROBE; the doc says only that a
//     token is required). Options.Headers.Token renames it.
//   - Signing: TC3-HMAC-SHA256 over content-type;host with credential-scope
//     service instance-console-app (CSDK, PROBE), optional: sent only when
//     SecretID and SecretKey are set. Whether the gateway verifies it, and
//     whether the app's ClientId/ClientSecret are the key pair, is
//     UNVERIFIED. Options.Service.
//   - Module: every body carries "Module":"instance-console" (CSDK, PROBE;
//     whether the server needs it is UNVERIFIED). Options.Module;
//     NoModule leaves it out.
//   - With: sent under the documented key "With" (DOC). The community SDK
//     sends "with" (CSDK); its request types carry gin binding tags, which
//     suggests they mirror a Go server decoding with encoding/json, which
//     matches keys case-insensitively (inference, UNVERIFIED).
//   - Envelopes: success is {"Response":{"RequestId","Data":{…}}} (DOC);
//     errors are Tencent Cloud's {"Response":{"Error":{"Code","Message"},
//     "RequestId"}} (CSDK expects it; WeMake's own error shape is
//     UNVERIFIED); ModifyInstanceName answers {"Response":{"Code","Msg",
//     "RequestId"}} (CSDK). Keys of answers are matched case-insensitively,
//     so "SourceInstanceId"/"SourceInstanceID" and "Appid"/"AppID" both fill
//     their field (DOC lists both spellings; CSDK's types have no JSON tags).
//   - CustomSpecItems: under Data.Instance (DOC) or under Data (CSDK); both
//     are read, and DescribeInstanceResponse.Instance.CustomSpecItems is
//     filled either way.
//   - Number-or-string fields: Appid, Bid (BusinessID), LastOrderID,
//     InstanceExpireTimeUnix, BuyerUserID and BuyerCorpID are strings in DOC
//     and numbers in CSDK; each decodes from either. Booleans may be
//     "true"/"false" (tolerance, UNVERIFIED).
//   - Times: InstanceCreateTime (typed bool in DOC, a string in CSDK),
//     InstanceExpireTime, CreatedAt and UpdatedAt are read from RFC 3339,
//     "2006-01-02 15:04:05" or Unix seconds (UNVERIFIED which one the server
//     sends). Zone-less strings are read as China Standard Time, UTC+8: the
//     platform runs in mainland China and Tencent Cloud shows local times
//     there. Every time is returned in UTC. InstanceExpireTime falls back to
//     InstanceExpireTimeUnix (Unix seconds: CSDK types it int32). A value that
//     is none of these is a *DecodeError, never a silent zero.
//   - Paging: Offset default 0, Limit default 20, Data.TotalCount (DOC);
//     the maximum Limit is UNVERIFIED (100 enforced, the Tencent convention).
//   - ModifyInstanceName: known only from CSDK; InstanceName is 1–20
//     characters (CSDK's gin tag "min=1,max=20", which counts runes).
//   - Error codes: the Tencent Cloud API 3.0 common codes (the Code*
//     constants); WeMake documents none (its error table is empty).
package industrialcloud
