package bot

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics counts what the bot does, for Prometheus, and watches the
// gateway's shards for /healthz. The caller makes the registry and serves
// Handler; give the same Metrics to Options.Metrics (run) or
// InteractionsOptions.Metrics (serve). Its methods are safe for concurrent
// use, and do nothing on a nil *Metrics.
//
// The series, all prefixed briefbot_:
//
//	interactions_total{command,outcome}   interactions and messages handled; outcome is
//	                                      answered, declined (for /briefing: refused), error
//	                                      or rate_limited; command is the slash command
//	                                      (briefing_add, briefing_list, briefing_remove,
//	                                      briefing_gaps for /briefing's), autocomplete, more,
//	                                      paragraph, vote, page, mention, dm, followup or unknown
//	answer_latency_seconds{command}       from receipt to the answer delivered, for questions
//	gateway_shards_connected              shards of this process connected now
//	gateway_reconnects_total              shards reconnected after their connection dropped
//	library_briefings{scope}              briefings loaded (LibrarySize)
//	library_reloads_total                 reloads of the library (Reloaded)
//	library_reload_failures_total         reloads that failed (Reloaded)
//	store_errors_total{op}                failed calls to the store (StoreError)
type Metrics struct {
	reg          *prometheus.Registry
	interactions *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	reconnects   prometheus.Counter
	library      *prometheus.GaugeVec
	reloads      prometheus.Counter
	reloadFails  prometheus.Counter
	storeErrors  *prometheus.CounterVec
	now          func() time.Time

	mu       sync.Mutex
	started  time.Time         // when Run began to connect; zero when it never did
	shards   map[int]time.Time // each shard seen: when it went down; zero while up
	everDone bool              // some shard has connected at least once
}

// NewMetrics makes the bot's metrics and registers them with reg.
func NewMetrics(reg *prometheus.Registry) (*Metrics, error) {
	m := &Metrics{
		reg: reg,
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_interactions_total",
			Help: "Interactions and messages handled, by command and outcome (answered, declined, error, rate_limited).",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "briefbot_answer_latency_seconds",
			Help:    "Time from receiving a question to delivering its answer, by command.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12), // 0.5 ms to about 5 s
		}, []string{"command"}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "briefbot_gateway_reconnects_total",
			Help: "Gateway shards reconnected after their connection dropped.",
		}),
		library: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "briefbot_library_briefings",
			Help: "Briefings in the library, by scope (global: seen by every guild; guild: all guilds' own).",
		}, []string{"scope"}),
		reloads: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "briefbot_library_reloads_total",
			Help: "Reloads of the library's briefings.",
		}),
		reloadFails: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "briefbot_library_reload_failures_total",
			Help: "Reloads of the library's briefings that failed, leaving the previous ones in service.",
		}),
		storeErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_store_errors_total",
			Help: "Failed calls to the store, by operation.",
		}, []string{"op"}),
		now:    time.Now,
		shards: map[int]time.Time{},
	}
	connected := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "briefbot_gateway_shards_connected",
		Help: "Gateway shards of this process connected now.",
	}, m.connected)
	for _, c := range []prometheus.Collector{m.interactions, m.latency, m.reconnects, connected,
		m.library, m.reloads, m.reloadFails, m.storeErrors} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	return m, nil
}

// LibrarySize sets how many briefings the library holds in scope: "global"
// for those every guild sees, "guild" for all guilds' own together.
func (m *Metrics) LibrarySize(scope string, briefings int) {
	if m != nil {
		m.library.WithLabelValues(scope).Set(float64(briefings))
	}
}

// Reloaded counts one reload of the library, failed when err is not nil.
func (m *Metrics) Reloaded(err error) {
	if m == nil {
		return
	}
	m.reloads.Inc()
	if err != nil {
		m.reloadFails.Inc()
	}
}

// StoreError counts one failed call to the store; op names it ("vote",
// "declined", "add", "remove", "gaps", "engine").
func (m *Metrics) StoreError(op string) {
	if m != nil {
		m.storeErrors.WithLabelValues(op).Inc()
	}
}

// Handler serves GET /metrics, the registry's metrics in Prometheus' text
// format, and GET /healthz: 200 "ok", or 503 saying why when a gateway
// shard has been disconnected for longer than maxDown (or none has
// connected within maxDown of Run's start). A nil Metrics serves 404.
func (m *Metrics) Handler(maxDown time.Duration) http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := m.health(maxDown); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, err.Error())
			return
		}
		_, _ = io.WriteString(w, "ok")
	})
	return mux
}

// observe counts one interaction or message, and times it when it was a
// question that got an answer or a decline.
func (m *Metrics) observe(o outcome, took time.Duration) {
	if m == nil {
		return
	}
	m.interactions.WithLabelValues(o.command, o.result).Inc()
	if o.question && (o.result == resultAnswered || o.result == resultDeclined) {
		m.latency.WithLabelValues(o.command).Observe(took.Seconds())
	}
}

// starting notes that Run is connecting: until a shard is up, /healthz
// counts the time from now.
func (m *Metrics) starting() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.started = m.now()
}

// shardUp notes that a shard is connected.
func (m *Metrics) shardUp(shard int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.shards[shard] = time.Time{}
	m.everDone = true
}

// shardDown notes that a shard lost its connection, unless it already had.
func (m *Metrics) shardDown(shard int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if since, ok := m.shards[shard]; !ok || since.IsZero() {
		m.shards[shard] = m.now()
	}
}

// reconnected counts a shard that came back.
func (m *Metrics) reconnected() {
	if m != nil {
		m.reconnects.Inc()
	}
}

func (m *Metrics) connected() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, since := range m.shards {
		if since.IsZero() {
			n++
		}
	}
	return float64(n)
}

// health is nil, or says which shard has been down for longer than
// maxDown.
func (m *Metrics) health(maxDown time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if !m.everDone && !m.started.IsZero() && now.Sub(m.started) > maxDown {
		return fmt.Errorf("no gateway shard connected in the %v since start", now.Sub(m.started).Round(time.Second))
	}
	var errs []error
	for shard, since := range m.shards {
		if !since.IsZero() && now.Sub(since) > maxDown {
			errs = append(errs, fmt.Errorf("gateway shard %d disconnected for %v", shard, now.Sub(since).Round(time.Second)))
		}
	}
	return errors.Join(errs...)
}
