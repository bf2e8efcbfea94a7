package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// BenchmarkE2EAsk measures /ask through the whole stack: the fake gateway
// dispatches a burst of N interactions at once (each from its own user, so
// the per-user rate limit stays out of it), discordgo decodes them, the bot
// answers over REST, and the fake records each callback. Reported per
// interaction, from dispatch (before the gateway write) to the accepted
// callback: p50-ms and p99-ms; answer-p99-ms also counts the edit when an
// answer was deferred; cpu-us/op is the process's CPU time per interaction
// (bot, discordgo and the fake together). Target: p99 under 50 ms at 200
// concurrent. The fake shares the CPU with the bot, and latency at 200
// concurrent is mostly the time to work through the burst, so it is only
// meaningful on an otherwise idle machine.
func BenchmarkE2EAsk(b *testing.B) {
	eng, questions := benchEngine(b)
	// Log at info, the default: at debug, discordgo logs every event.
	logs := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))
	// Metrics on, as cmd always runs the bot.
	h := start(b, eng, bot.Options{GuildID: discordtest.GuildID, Log: logs, Metrics: newMetrics(b)})
	for _, n := range []int{1, 50, 200} {
		b.Run(fmt.Sprintf("concurrent=%d", n), func(b *testing.B) {
			var callbacks, answers []time.Duration
			cpu0, cpuOK := processCPU()
			for b.Loop() {
				cb, ans := h.burst(b, n, questions)
				callbacks = append(callbacks, cb...)
				answers = append(answers, ans...)
			}
			b.ReportMetric(ms(percentile(callbacks, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(callbacks, 99)), "p99-ms")
			b.ReportMetric(ms(percentile(answers, 99)), "answer-p99-ms")
			if cpu1, ok := processCPU(); ok && cpuOK && len(callbacks) > 0 {
				// CPU of the whole process (bot, discordgo and the fake) per
				// interaction: steadier than latency on a shared machine.
				b.ReportMetric(float64((cpu1-cpu0).Microseconds())/float64(len(callbacks)), "cpu-us/op")
			}
		})
	}
}

// benchEngine is the real engine over the seed briefing.
func benchEngine(b *testing.B) (bot.Engine, []string) {
	b.Helper()
	data, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	br, err := knowledge.Parse("seed.txt", data)
	if err != nil {
		b.Fatalf("parse the seed briefing: %v", err)
	}
	return bot.Both(qa.New(br)), []string{
		"What did Colin Clarke say?",
		"Why is ISIS-K targeting Russia?",
		"When did ISIS-K membership peak?",
		"Who claimed responsibility for the Moscow concert hall attack?",
		"What is the capital of France?",
	}
}

// burst dispatches n /ask interactions at once and waits for every answer.
// It returns each one's dispatch-to-callback and dispatch-to-answer times.
func (h *harness) burst(b *testing.B, n int, questions []string) (callbacks, answers []time.Duration) {
	b.Helper()
	fake := h.fake
	after := fake.RequestCount()
	ins := make([]*discordtest.Interaction, n)
	byToken := make(map[string]*discordtest.Interaction, n)
	for i := range ins {
		ins[i] = fake.Command("ask", discordtest.Str("question", questions[i%len(questions)])).By(fake.NewID(), "bench")
		byToken[ins[i].Token] = ins[i]
	}
	go1 := make(chan struct{})
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Go(func() {
			<-go1
			if err := fake.DispatchInteraction(in); err != nil {
				b.Error(err)
			}
		})
	}
	close(go1)
	wg.Wait()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pending := make(map[string]time.Time, n) // deferred: token -> dispatched
	done := 0
	var failed []string
	_, err := fake.WaitFor(ctx, func(r discordtest.Request) bool {
		in := byToken[r.Params["token"]]
		if r.Seq <= after || in == nil || r.Status == 429 {
			return false
		}
		switch {
		case !r.OK():
			failed = append(failed, fmt.Sprintf("%s: %d %d %v", r.Route, r.Status, r.Code, r.Violations))
			done++
		case r.Route == discordtest.RouteCallback:
			callbacks = append(callbacks, r.Time.Sub(in.Sent))
			if r.CallbackType == discordgo.InteractionResponseDeferredChannelMessageWithSource {
				pending[in.Token] = in.Sent
			} else {
				answers = append(answers, r.Time.Sub(in.Sent))
				done++
			}
		case r.Route == discordtest.RouteOriginalEdit || r.Route == discordtest.RouteFollowup:
			if sent, ok := pending[in.Token]; ok {
				delete(pending, in.Token)
				answers = append(answers, r.Time.Sub(sent))
				done++
			}
		}
		return done == n
	})
	if err != nil {
		b.Fatalf("%d of %d answered: %v", done, n, err)
	}
	if len(failed) > 0 {
		b.Fatalf("%d refused, e.g. %s", len(failed), failed[0])
	}
	fake.Forget() // keep the heap, and so GC, the same size from burst to burst
	return callbacks, answers
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
