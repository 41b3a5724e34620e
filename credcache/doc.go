// Package credcache shares one credentials-go Credential between the
// goroutines, and the clients, that sign with it.
//
// credentials-go's credentials are not safe for concurrent use: its default
// chain records the provider it last used, and its RAM-role and ECS-role
// providers keep their STS session in plain fields. A [Cache] asks the
// Credential it wraps from one goroutine at a time; the callers that arrive
// meanwhile wait for that answer, each for no longer than its own context
// allows. The ask itself runs in a goroutine of its own, because
// credentials-go takes no context: a caller that gives up returns at once,
// and the answer, when it comes, serves the callers after it.
//
// A Cache keeps an answer while it is known to be good:
//
//   - credentials-go's fixed AccessKey (a Credential that NewCredential or
//     FromCredentialsProvider made, of type "access_key", whose provider is
//     credentials-go's "static_ak") is read once;
//   - an [ExpiringCredential]'s answer is kept until [ExpiryWindow] before
//     the time it says the keys expire, then asked again;
//   - any other Credential is asked again by each caller that finds no ask
//     in progress, so one that rotates its keys (STS, a RAM role, a wrapper
//     of your own, whatever type it reports) is followed on every attempt.
//
// The Alibaba clients (outboundbot, ccc) wrap Options.Credential in a Cache
// of their own. Give several clients one Cache, made once with [New], to
// have them share one Credential:
//
//	cred, err := credentials.NewCredential(nil) // the default chain
//	shared := credcache.New(cred)
//	bots, err := outboundbot.New(outboundbot.Options{Credential: shared})
//	centre, err := ccc.New(ccc.Options{Credential: shared})
package credcache
