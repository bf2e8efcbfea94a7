package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
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

func TestRateLimitCountsQuestionsOnly(t *testing.T) {
	more := &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Title: "when?"}}}
	tests := []struct {
		name    string
		i       *discordgo.Interaction
		limited bool
	}{
		{"/ask", slash(cmdAsk, opt(optQuestion, "when?")), true},
		{"More answers", click("v1:more", more), true},
		{"More answers after a follow-up", click("v1:more:b1:p4", more), true},
		{"/help", slash(cmdHelp), false},
		{"/about", slash(cmdAbout), false},
		{"/timeline", slash(cmdTimeline), false},
		{"/sources", slash(cmdSources), false},
		{"autocomplete", typing(cmdSources, focused(optName, "a")), false},
		{"page", click("v1:src:1", nil), false},
		{"Full paragraph", click("v1:para:b1:p4", more), false},
		{"vote", click("v1:up:b1:p4", more), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := testHandler(newFake().engine())
			c := &clock{t: time.Unix(1_700_000_000, 0)}
			h.limit, h.now = newLimiter(questionsPerWindow, questionWindow, c.now), c.now
			for range questionsPerWindow { // the user's whole allowance
				h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "q")), &recorder{})
			}
			var rec recorder
			tt.i.Member, tt.i.User = nil, &discordgo.User{ID: "42"}
			h.interaction(context.Background(), tt.i, &rec)
			got := strings.Contains(rec.responses[0].Data.Content, "You're asking quickly")
			if got != tt.limited {
				t.Errorf("rate limited = %v, want %v: %+v", got, tt.limited, rec.responses[0].Data)
			}
		})
	}
}

func TestRateLimitedSaysWhen(t *testing.T) {
	now := time.Unix(1_700_000_000, 500_000_000)
	tests := []struct {
		wait time.Duration
		want string // the relative timestamp: the next whole second at or after now+wait
	}{
		{1200 * time.Millisecond, "<t:1700000002:R>"},
		{500 * time.Millisecond, "<t:1700000001:R>"},
		{2 * time.Second, "<t:1700000003:R>"},
	}
	for _, tt := range tests {
		r := rateLimited(now, tt.wait)
		if !strings.Contains(r.content, "You can ask again "+tt.want) || !r.ephemeral {
			t.Errorf("rateLimited(%v) = %q, want it to say %s, ephemerally", tt.wait, r.content, tt.want)
		}
	}
	// The limiter's wait is the truth: a question at that moment is allowed.
	c := &clock{t: now}
	l := newLimiter(questionsPerWindow, questionWindow, c.now)
	for range questionsPerWindow {
		l.allow("42")
	}
	ok, wait := l.allow("42")
	if ok {
		t.Fatal("sixth question allowed")
	}
	c.advance(wait)
	if ok, _ := l.allow("42"); !ok {
		t.Errorf("refused again at the moment the refusal named (%v later)", wait)
	}
}
