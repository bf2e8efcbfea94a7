package bot

import (
	"sync"
	"time"
)

// The per-person question rate: a burst of questionsPerWindow, refilled
// evenly over questionWindow.
const (
	questionsPerWindow = 5
	questionWindow     = 10 * time.Second
)

// A limiter is a token bucket per user: each holds up to burst tokens,
// refilled at burst per window, and each question takes one. It is safe for
// concurrent use. Its clock is a field so that tests can move time.
type limiter struct {
	burst  float64
	window time.Duration
	now    func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	calls   int // since the last sweep of full buckets
}

type bucket struct {
	tokens float64
	at     time.Time // when tokens was last brought up to date
}

func newLimiter(burst int, window time.Duration, now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{burst: float64(burst), window: window, now: now, buckets: make(map[string]*bucket)}
}

// allow takes a token from user's bucket. When the bucket is empty it
// returns false and how long until the next token.
func (l *limiter) allow(user string) (bool, time.Duration) {
	if l == nil { // no limiter: every question is allowed
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	b, ok := l.buckets[user]
	if !ok {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[user] = b
	}
	b.tokens = min(l.burst, b.tokens+l.refill(now.Sub(b.at)))
	b.at = now
	if b.tokens < 1 {
		return false, time.Duration((1 - b.tokens) / l.burst * float64(l.window))
	}
	b.tokens--
	return true, 0
}

func (l *limiter) refill(elapsed time.Duration) float64 {
	if elapsed <= 0 {
		return 0
	}
	return l.burst * float64(elapsed) / float64(l.window)
}

// sweep forgets, every 1024 calls, the buckets that have refilled: they are
// the same as new ones, and forgetting them keeps memory bounded by the
// people active in the last window.
func (l *limiter) sweep(now time.Time) {
	if l.calls++; l.calls < 1024 {
		return
	}
	l.calls = 0
	for user, b := range l.buckets {
		if b.tokens+l.refill(now.Sub(b.at)) >= l.burst {
			delete(l.buckets, user)
		}
	}
}
