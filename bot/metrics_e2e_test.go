package bot_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
)

// newMetrics is a bot.Metrics over a registry of its own.
func newMetrics(tb testing.TB) *bot.Metrics {
	tb.Helper()
	m, err := bot.NewMetrics(prometheus.NewRegistry())
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// scrape GETs path from h and returns the status and body.
func scrape(tb testing.TB, h http.Handler, path string) (int, string) {
	tb.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
	body, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(body)
}

// samples reads Prometheus' text format: each sample's name with its
// labels, as printed, and its value.
func samples(text string) map[string]float64 {
	out := map[string]float64{}
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out
}

// waitFor polls /metrics until every wanted sample has its value.
func waitFor(tb testing.TB, h http.Handler, want map[string]float64) map[string]float64 {
	tb.Helper()
	var got map[string]float64
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		_, body := scrape(tb, h, "/metrics")
		got = samples(body)
		ok := true
		for k, v := range want {
			ok = ok && got[k] == v
		}
		if ok {
			return got
		}
	}
	for k, v := range want {
		if got[k] != v {
			tb.Errorf("%s = %v; want %v", k, got[k], v)
		}
	}
	return got
}

// TestE2EMetrics sends a burst of interactions and messages through the bot
// and reads the counts back from GET /metrics.
func TestE2EMetrics(t *testing.T) {
	t.Parallel()
	m := newMetrics(t)
	h := start(t, newStubEngine().engine(), bot.Options{GuildID: discordtest.GuildID, Metrics: m})
	fake := h.fake
	var ins []*discordtest.Interaction
	for range 12 {
		ins = append(ins, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")))
	}
	for range 4 {
		ins = append(ins, fake.Command("ask", discordtest.Str("question", "unanswerable: who won the cup?")))
	}
	for range 3 {
		ins = append(ins, fake.Command("help"))
	}
	for range 2 {
		ins = append(ins, fake.Autocomplete("sources", discordtest.Focused(discordtest.Str("name", "ana"))))
	}
	ins = append(ins, fake.Command("nosuch"))
	eager := fake.NewID() // six questions at once: the sixth is refused
	for range 6 {
		ins = append(ins, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")).By(eager, "eager"))
	}
	for _, in := range ins {
		if in.UserID == discordtest.UserID {
			in.By(fake.NewID(), "asker")
		}
		if err := fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
	}
	mention := fake.Mention("when will the harbour reopen?")
	if err := fake.DispatchMessage(mention); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		if _, err := fake.WaitReply(testContext(t), in); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := fake.WaitMessageReply(testContext(t), mention); err != nil {
		t.Fatal(err)
	}

	handler := m.Handler(time.Minute)
	got := waitFor(t, handler, map[string]float64{
		`briefbot_interactions_total{command="ask",outcome="answered"}`:          17,
		`briefbot_interactions_total{command="ask",outcome="declined"}`:          4,
		`briefbot_interactions_total{command="ask",outcome="rate_limited"}`:      1,
		`briefbot_interactions_total{command="help",outcome="answered"}`:         3,
		`briefbot_interactions_total{command="autocomplete",outcome="answered"}`: 2,
		`briefbot_interactions_total{command="unknown",outcome="error"}`:         1,
		`briefbot_interactions_total{command="mention",outcome="answered"}`:      1,
		`briefbot_answer_latency_seconds_count{command="ask"}`:                   21,
		`briefbot_answer_latency_seconds_count{command="mention"}`:               1,
		`briefbot_gateway_shards_connected`:                                      1,
		`briefbot_gateway_reconnects_total`:                                      0,
	})
	if got[`briefbot_answer_latency_seconds_sum{command="ask"}`] <= 0 {
		t.Error("no time in the latency histogram")
	}
	if _, ok := got[`briefbot_answer_latency_seconds_count{command="help"}`]; ok {
		t.Error("/help is timed as a question")
	}
	// The library's and the store's hooks.
	m.LibrarySize("global", 3)
	m.Reloaded(nil)
	m.Reloaded(io.EOF)
	m.StoreError("vote")
	waitFor(t, handler, map[string]float64{
		`briefbot_library_briefings{scope="global"}`: 3,
		`briefbot_library_reloads_total`:             2,
		`briefbot_library_reload_failures_total`:     1,
		`briefbot_store_errors_total{op="vote"}`:     1,
	})
	if code, body := scrape(t, handler, "/healthz"); code != http.StatusOK || body != "ok" {
		t.Errorf("/healthz = %d %q; want 200 ok", code, body)
	}
}

// TestE2EHealthz cuts the gateway off during an outage: /healthz turns 503
// once a shard has been down longer than allowed, and 200 again after the
// bot reconnects, which the reconnect counter shows.
func TestE2EHealthz(t *testing.T) {
	t.Parallel()
	m := newMetrics(t)
	h := start(t, newStubEngine().engine(), bot.Options{GuildID: discordtest.GuildID, Metrics: m})
	health := m.Handler(200 * time.Millisecond)
	if code, body := scrape(t, health, "/healthz"); code != http.StatusOK {
		t.Fatalf("/healthz while connected = %d %q", code, body)
	}
	h.fake.RefuseConnections(true)
	if n := h.fake.DropConnection(-1); n != 1 {
		t.Fatalf("dropped %d connections; want 1", n)
	}
	var code int
	var body string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if code, body = scrape(t, health, "/healthz"); code == http.StatusServiceUnavailable {
			break
		}
	}
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "shard 0 disconnected") {
		t.Fatalf("/healthz during the outage = %d %q; want 503 naming shard 0", code, body)
	}
	waitFor(t, health, map[string]float64{`briefbot_gateway_shards_connected`: 0})
	h.fake.RefuseConnections(false)
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if code, body = scrape(t, health, "/healthz"); code == http.StatusOK {
			break
		}
	}
	if code != http.StatusOK {
		t.Fatalf("/healthz after the outage = %d %q; want 200", code, body)
	}
	waitFor(t, health, map[string]float64{
		`briefbot_gateway_shards_connected`: 1,
		`briefbot_gateway_reconnects_total`: 1,
	})
	// And it answers again.
	contains(t, "about", h.ask(t, h.fake.Command("about")).Message.Text(), "Harbour repairs")
}
