package bot

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// clock is a fake time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestLimiter(t *testing.T) {
	c := &clock{t: time.Date(2024, 3, 23, 12, 0, 0, 0, time.UTC)}
	l := newLimiter(5, 10*time.Second, c.now)
	steps := []struct {
		advance time.Duration
		user    string
		ok      bool
		wait    time.Duration
	}{
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", false, 2 * time.Second}, // the burst is spent; one token refills every 2 s
		{0, "b", true, 0},                // others are not affected
		{time.Second, "a", false, time.Second},
		{time.Second, "a", true, 0},
		{0, "a", false, 2 * time.Second},
		{time.Hour, "a", true, 0}, // refills to the burst, never beyond
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", false, 2 * time.Second},
	}
	for n, s := range steps {
		c.advance(s.advance)
		ok, wait := l.allow(s.user)
		if ok != s.ok || wait.Round(time.Millisecond) != s.wait {
			t.Errorf("step %d: allow(%q) = %v, %v; want %v, %v", n, s.user, ok, wait, s.ok, s.wait)
		}
	}
}

func TestLimiterForgetsIdleUsers(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	l := newLimiter(5, 10*time.Second, c.now)
	for n := range 2000 {
		l.allow(fmt.Sprint(n))
	}
	c.advance(time.Minute)
	for range 1024 {
		l.allow("x")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.buckets) > 2 {
		t.Errorf("%d buckets after everyone went idle, want at most 2", len(l.buckets))
	}
}

func TestLimiterConcurrent(t *testing.T) {
	l := newLimiter(5, 10*time.Second, nil)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := l.allow("same"); ok {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if allowed != 5 {
		t.Errorf("%d of 50 concurrent questions allowed, want 5", allowed)
	}
}
