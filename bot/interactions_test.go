package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// now is the fixed clock of the endpoint tests.
var testNow = time.Date(2024, 3, 23, 12, 0, 0, 0, time.UTC)

func newKey(tb testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	tb.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	return pub, priv
}

// signed is a POST /interactions request signed with key at ts.
func signed(key ed25519.PrivateKey, ts time.Time, body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/interactions", strings.NewReader(body))
	stamp := strconv.FormatInt(ts.Unix(), 10)
	r.Header.Set("X-Signature-Timestamp", stamp)
	r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(stamp+body))))
	r.Header.Set("Content-Type", "application/json")
	return r
}

func endpoint(tb testing.TB, pub ed25519.PublicKey, e Engine) http.Handler {
	tb.Helper()
	return NewInteractionsHandler(InteractionsOptions{
		PublicKey: pub,
		Engines:   func(context.Context, string) Engine { return e },
		Log:       slog.New(slog.DiscardHandler),
		Now:       func() time.Time { return testNow },
	})
}

const (
	pingBody = `{"id":"1","application_id":"100","type":1,"token":"tok","version":1}`
	askBody  = `{"id":"2","application_id":"100","type":2,"token":"tok","version":1,"guild_id":"200","channel_id":"300",` +
		`"member":{"user":{"id":"42","username":"alice"}},` +
		`"data":{"id":"9000","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"when will the harbour reopen?"}]}}`
)

func TestInteractionsEndpoint(t *testing.T) {
	pub, priv := newKey(t)
	_, otherPriv := newKey(t)
	h := endpoint(t, pub, newFake().engine())

	tampered := signed(priv, testNow, askBody)
	tampered.Body = io.NopCloser(strings.NewReader(strings.Replace(askBody, "harbour", "airport", 1)))
	noSignature := signed(priv, testNow, pingBody)
	noSignature.Header.Del("X-Signature-Ed25519")
	noTimestamp := signed(priv, testNow, pingBody)
	noTimestamp.Header.Del("X-Signature-Timestamp")
	badHex := signed(priv, testNow, pingBody)
	badHex.Header.Set("X-Signature-Ed25519", "zz")
	huge := `{"type":1,"pad":"` + strings.Repeat("x", 70<<10) + `"}`
	unsizedHuge := signed(priv, testNow, huge)
	unsizedHuge.ContentLength = -1

	tests := []struct {
		name   string
		r      *http.Request
		status int
		body   string // a substring of the response body
	}{
		{"ping", signed(priv, testNow, pingBody), 200, `{"type":1}`},
		{"ask", signed(priv, testNow, askBody), 200, `reopen in May`},
		{"clock skew within 5 minutes", signed(priv, testNow.Add(-4*time.Minute), pingBody), 200, `{"type":1}`},
		{"tampered body", tampered, 401, "bad signature"},
		{"wrong key", signed(otherPriv, testNow, pingBody), 401, "bad signature"},
		{"old timestamp (replay)", signed(priv, testNow.Add(-6*time.Minute), pingBody), 401, "5 minutes"},
		{"future timestamp", signed(priv, testNow.Add(6*time.Minute), pingBody), 401, "5 minutes"},
		{"no signature", noSignature, 401, "signature"},
		{"no timestamp", noTimestamp, 401, "timestamp"},
		{"malformed signature", badHex, 401, "signature"},
		{"unsigned", httptest.NewRequest(http.MethodPost, "/interactions", strings.NewReader(pingBody)), 401, ""},
		{"body over 64 KiB", signed(priv, testNow, huge), 413, ""},
		{"body over 64 KiB without a length", unsizedHuge, 413, ""},
		{"GET", httptest.NewRequest(http.MethodGet, "/interactions", nil), 405, ""},
		{"PUT", httptest.NewRequest(http.MethodPut, "/interactions", strings.NewReader(pingBody)), 405, ""},
		{"malformed JSON", signed(priv, testNow, `{"type":`), 400, ""},
		{"command without data", signed(priv, testNow, `{"id":"3","type":2,"token":"t"}`), 400, ""},
		{"unknown type", signed(priv, testNow, `{"id":"3","type":42,"token":"t"}`), 400, ""},
		{"healthz", httptest.NewRequest(http.MethodGet, "/healthz", nil), 200, "ok"},
		{"healthz POST", httptest.NewRequest(http.MethodPost, "/healthz", nil), 405, ""},
		{"other path", httptest.NewRequest(http.MethodGet, "/", nil), 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tt.r)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d (body %q)", w.Code, tt.status, w.Body)
			}
			if !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("body %q, want it to contain %q", w.Body, tt.body)
			}
			if tt.status == 405 && w.Header().Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
			if tt.status == 200 && tt.r.URL.Path == "/interactions" && w.Header().Get("Content-Type") != "application/json" {
				t.Errorf("content type %q, want application/json", w.Header().Get("Content-Type"))
			}
		})
	}
}

func TestInteractionsEndpointAnswer(t *testing.T) {
	pub, priv := newKey(t)
	w := httptest.NewRecorder()
	endpoint(t, pub, newFake().engine()).ServeHTTP(w, signed(priv, testNow, askBody))
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Embeds []struct {
				Description string `json:"description"`
				Author      struct{ Name string }
			} `json:"embeds"`
			AllowedMentions json.RawMessage `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("response %s: %v", w.Body, err)
	}
	if resp.Type != 4 || len(resp.Data.Embeds) != 1 || resp.Data.Embeds[0].Author.Name != "Ana Costa, the port's director" {
		t.Errorf("response = %s", w.Body)
	}
	if string(resp.Data.AllowedMentions) != `{"parse":[],"replied_user":false}` {
		t.Errorf("allowed_mentions = %s", resp.Data.AllowedMentions)
	}
	if got := w.Header().Get("Content-Length"); got != strconv.Itoa(w.Body.Len()) {
		t.Errorf("Content-Length %q, body %d bytes", got, w.Body.Len())
	}
}

// The endpoint applies no per-user rate limit: a load balancer spreads one
// user's questions over instances, so a per-process limit would mean nothing.
func TestInteractionsEndpointNoRateLimit(t *testing.T) {
	pub, priv := newKey(t)
	h := endpoint(t, pub, newFake().engine())
	for i := range 3 * questionsPerWindow {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signed(priv, testNow, askBody))
		if !strings.Contains(w.Body.String(), "Ana Costa") {
			t.Fatalf("question %d from one user: %s, want an answer", i+1, w.Body)
		}
	}
}

// A slow answer is deferred in the HTTP response, then delivered by editing
// the original response through the REST API.
func TestInteractionsEndpointDefers(t *testing.T) {
	rest := newFakeREST(t, status(200, `{"id":"900"}`))
	pub, priv := newKey(t)
	e := newFake()
	e.delay = 60 * time.Millisecond
	h := NewInteractionsHandler(InteractionsOptions{
		PublicKey: pub, Engines: func(context.Context, string) Engine { return e.engine() }, APIBase: rest.srv.URL, Now: func() time.Time { return testNow },
	}).(*interactionsHandler)
	h.h.deferAfter = 5 * time.Millisecond
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signed(priv, testNow, askBody))
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), `{"type":5`) {
		t.Errorf("response %d %s, want a deferral", w.Code, w.Body)
	}
	reqs := rest.got()
	if len(reqs) != 1 || reqs[0].method != http.MethodPatch || reqs[0].path != "/api/v9/webhooks/100/tok/messages/@original" {
		t.Fatalf("REST requests %+v, want the edit of the original response", reqs)
	}
	if !strings.Contains(string(reqs[0].body), "reopen in May") {
		t.Errorf("edit body %s", reqs[0].body)
	}
}

func TestInteractionsEndpointWithoutKey(t *testing.T) {
	_, priv := newKey(t)
	w := httptest.NewRecorder()
	endpoint(t, nil, newFake().engine()).ServeHTTP(w, signed(priv, testNow, pingBody))
	if w.Code != 401 {
		t.Errorf("status %d without a configured key, want 401", w.Code)
	}
}

// BenchmarkInteractionsEndpoint sends signed /ask requests to the endpoint
// over loopback HTTP from 32 concurrent clients, 2,000 requests per run, and
// reports requests per second and the 50th and 99th percentile latency:
// with the fake engine (the bot's own cost) and with the real engine over
// the seed briefing (testdata/seed.txt).
func BenchmarkInteractionsEndpoint(b *testing.B) {
	b.Run("engine=fake", func(b *testing.B) { benchmarkEndpoint(b, newFake().engine()) })
	b.Run("engine=seed", func(b *testing.B) {
		data, err := os.ReadFile("testdata/seed.txt")
		if err != nil {
			b.Skip("no seed briefing:", err)
		}
		br, err := knowledge.Parse("seed.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		benchmarkEndpoint(b, Both(qa.New(br)))
	})
}

func benchmarkEndpoint(b *testing.B, e Engine) {
	const (
		clients  = 32
		requests = 2000
	)
	questions := []string{"who is quoted?", "what happened?", "why did it happen?", "when did it happen?", "what did officials say?"}
	pub, priv := newKey(b)
	h := endpoint(b, pub, e).(*interactionsHandler)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = clients

	// Requests are signed ahead, so the client's signing is not measured.
	type req struct{ stamp, sig, body string }
	pre := make([]req, requests)
	for n := range pre {
		body := strings.Replace(askBody, `"id":"2"`, fmt.Sprintf(`"id":"%d"`, n+10), 1)
		body = strings.Replace(body, "when will the harbour reopen?", questions[n%len(questions)], 1)
		stamp := strconv.FormatInt(testNow.Unix(), 10)
		pre[n] = req{stamp, hex.EncodeToString(ed25519.Sign(priv, []byte(stamp+body))), body}
	}

	var all []time.Duration
	var elapsed time.Duration
	for b.Loop() {
		latencies := make([]time.Duration, requests)
		next := make(chan int)
		var wg sync.WaitGroup
		start := time.Now()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := range next {
					r, _ := http.NewRequest(http.MethodPost, srv.URL+"/interactions", bytes.NewBufferString(pre[n].body))
					r.Header.Set("X-Signature-Timestamp", pre[n].stamp)
					r.Header.Set("X-Signature-Ed25519", pre[n].sig)
					t0 := time.Now()
					resp, err := client.Do(r)
					if err != nil {
						b.Error(err)
						continue
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					latencies[n] = time.Since(t0)
					if resp.StatusCode != 200 {
						b.Errorf("status %d", resp.StatusCode)
					}
				}
			}()
		}
		for n := range requests {
			next <- n
		}
		close(next)
		wg.Wait()
		elapsed += time.Since(start)
		all = append(all, latencies...)
	}
	slices.Sort(all)
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
}

// GET /metrics on the endpoint serves the metrics it was given, counting
// what it answered; without metrics it is not there.
func TestInteractionsEndpointMetrics(t *testing.T) {
	pub, priv := newKey(t)
	m, err := NewMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	h := NewInteractionsHandler(InteractionsOptions{
		PublicKey: pub, Engines: func(context.Context, string) Engine { return newFake().engine() },
		Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow }, Metrics: m,
	})
	for range 3 {
		h.ServeHTTP(httptest.NewRecorder(), signed(priv, testNow, askBody))
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	want := `briefbot_interactions_total{command="ask",outcome="answered"} 3`
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), want) {
		t.Errorf("GET /metrics = %d, want 200 with %q:\n%s", w.Code, want, w.Body)
	}
	w = httptest.NewRecorder()
	endpoint(t, pub, newFake().engine()).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("GET /metrics without metrics = %d, want 404", w.Code)
	}
}
