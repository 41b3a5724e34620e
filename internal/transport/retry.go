package transport

import (
	"math/rand/v2"
	"sync/atomic"
	"time"
)

// Retry configures retries. The zero value means the defaults: 3 attempts,
// exponential backoff with full jitter from 100 ms, capped at 5 s.
type Retry struct {
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
	// spends RetryCost tokens (TimeoutCost after a network failure) and each
	// successful call returns one, so a failing service cannot turn every
	// call into MaxAttempts calls. 0 means 500; a negative value disables
	// the budget. It is read once, when the client is created.
	BudgetTokens int
}

// Defaults of Retry.
const (
	DefaultMaxAttempts  = 3
	DefaultBaseDelay    = 100 * time.Millisecond
	DefaultMaxDelay     = 5 * time.Second
	DefaultBudgetTokens = 500
	// RetryCost is what one retry takes from the budget.
	RetryCost = 5
	// TimeoutCost is what a retry after a network failure takes: such
	// failures tend to come in storms.
	TimeoutCost = 10
)

func (r Retry) maxAttempts() int {
	if r.MaxAttempts <= 0 {
		return DefaultMaxAttempts
	}
	return r.MaxAttempts
}

// backoff returns the un-jittered delay before attempt n+1 (n ≥ 1).
func (r Retry) backoff(n int) time.Duration {
	base, ceiling := r.BaseDelay, r.MaxDelay
	if base <= 0 {
		base = DefaultBaseDelay
	}
	if ceiling <= 0 {
		ceiling = DefaultMaxDelay
	}
	d := base
	for i := 1; i < n && d < ceiling; i++ {
		d *= 2
	}
	return min(d, ceiling)
}

// fullJitter returns a uniformly random duration in [0, d].
func fullJitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return rand.N(d + 1)
}

// Budget is a client-wide token bucket that bounds retries. It is safe for
// concurrent use and lock-free: when the budget is full, as it is while the
// service is healthy, a successful call costs one atomic load. A nil *Budget
// allows every retry.
type Budget struct {
	tokens   atomic.Int64
	capacity int64
}

// NewBudget returns a full budget for r, or nil when r disables it.
func NewBudget(r Retry) *Budget {
	n := r.BudgetTokens
	switch {
	case n < 0:
		return nil
	case n == 0:
		n = DefaultBudgetTokens
	}
	b := &Budget{capacity: int64(n)}
	b.tokens.Store(int64(n))
	return b
}

// take removes cost tokens and reports whether they were there.
func (b *Budget) take(cost int) bool {
	if b == nil {
		return true
	}
	for {
		cur := b.tokens.Load()
		if cur < int64(cost) {
			return false
		}
		if b.tokens.CompareAndSwap(cur, cur-int64(cost)) {
			return true
		}
	}
}

// give returns n tokens, up to the capacity.
func (b *Budget) give(n int) {
	if b == nil {
		return
	}
	for {
		cur := b.tokens.Load()
		if cur >= b.capacity {
			return
		}
		if b.tokens.CompareAndSwap(cur, min(cur+int64(n), b.capacity)) {
			return
		}
	}
}
