package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/store/storetest"
)

// freeAddr is a loopback address with a port nothing listens on.
func freeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// lockedBuffer is a log the program writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// botRun is the whole program running the bot against a fake Discord.
type botRun struct {
	fake   *discordtest.Server
	cancel context.CancelFunc
	done   chan error
	logs   *lockedBuffer
}

// startBot runs the program with env (plus the token, API base and guild
// of a new fake Discord made with opts, and a SQLite database of its own
// unless env names one) and waits until it has registered its commands.
func startBot(t *testing.T, env map[string]string, opts ...discordtest.Option) *botRun {
	t.Helper()
	const token = "cmd-ops-token"
	r := &botRun{fake: discordtest.New(t, append(opts, discordtest.Token(token))...), done: make(chan error, 1), logs: &lockedBuffer{}}
	env["DISCORD_TOKEN"], env["DISCORD_API_BASE"], env["DISCORD_GUILD_ID"] = token, r.fake.URL(), discordtest.GuildID
	if env["DATABASE_URL"] == "" {
		env["DATABASE_URL"] = storetest.SQLite(t)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() {
		r.done <- run(ctx, []string{"run"}, fakeEnv(env), stdio{in: strings.NewReader(""), out: io.Discard, err: r.logs})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(5 * time.Second):
			t.Error("run did not stop within 5 s of cancel")
		}
		if strings.Contains(r.logs.String(), token) {
			t.Error("the log contains the bot token")
		}
	})
	wait, stop := context.WithTimeout(ctx, 20*time.Second)
	defer stop()
	if _, err := r.fake.WaitFor(wait, func(q discordtest.Request) bool {
		return q.Route == discordtest.RouteGuildCommands && q.OK()
	}); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, r.logs)
	}
	return r
}

// get fetches url and returns the status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestRunMetrics serves /metrics and /healthz on METRICS_ADDR while the bot
// runs, and counts what it answered.
func TestRunMetrics(t *testing.T) {
	addr := freeAddr(t)
	r := startBot(t, map[string]string{"METRICS_ADDR": addr})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, q := range []string{"What did Colin Clarke say?", "What is the capital of France?"} {
		in := r.fake.Command("ask", discordtest.Str("question", q))
		if err := r.fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
		if _, err := r.fake.WaitReply(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		`briefbot_interactions_total{command="ask",outcome="answered"} 1`,
		`briefbot_interactions_total{command="ask",outcome="declined"} 1`,
		`briefbot_gateway_shards_connected 1`,
		`go_goroutines `,
	}
	var body string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		_, body = get(t, "http://"+addr+"/metrics")
		missing := false
		for _, w := range want {
			missing = missing || !strings.Contains(body, w)
		}
		if !missing {
			break
		}
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("/metrics lacks %q", w)
		}
	}
	if code, body := get(t, "http://"+addr+"/healthz"); code != http.StatusOK || body != "ok" {
		t.Errorf("/healthz = %d %q; want 200 ok", code, body)
	}
}

// TestServeMetrics answers GET /metrics on serve's own listener, counting
// the signed interactions it answered.
func TestServeMetrics(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	db := storetest.SQLite(t)
	go func() {
		env := map[string]string{"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "DATABASE_URL": db}
		done <- run(ctx, []string{"serve", "--addr", addr}, fakeEnv(env), stdio{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
	}()
	defer func() {
		cancel()
		<-done
	}()
	for range 100 {
		if _, err = http.Get("http://" + addr + "/healthz"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	body := `{"id":"2","application_id":"100","type":2,"token":"tok","version":1,"guild_id":"200","channel_id":"300",` +
		`"member":{"user":{"id":"42","username":"alice"}},"data":{"id":"9","name":"about","type":1}}`
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/interactions", strings.NewReader(body))
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(stamp+body))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /interactions = %d", resp.StatusCode)
	}
	// The count follows the response by a moment.
	want := `briefbot_interactions_total{command="about",outcome="answered"} 1`
	var code int
	var metrics string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if code, metrics = get(t, "http://"+addr+"/metrics"); strings.Contains(metrics, want) {
			break
		}
	}
	if code != http.StatusOK || !strings.Contains(metrics, want) {
		t.Errorf("GET /metrics = %d, want 200 with %q:\n%s", code, want, metrics)
	}
}

// TestRunTokenRevoked revokes the token while the bot runs: run returns
// within 10 s with the error a bad token gets at start, which main prints
// before exiting 1.
func TestRunTokenRevoked(t *testing.T) {
	r := startBot(t, map[string]string{})
	begin := time.Now()
	r.fake.RevokeToken()
	var err error
	select {
	case err = <-r.done:
	case <-time.After(10 * time.Second):
		t.Fatal("run still running 10 s after the token was revoked")
	}
	t.Logf("run returned after %v: %v", time.Since(begin).Round(time.Millisecond), err)
	r.done <- err // for the cleanup
	if !errors.Is(err, bot.ErrTokenRejected) {
		t.Fatalf("run = %v; want ErrTokenRejected", err)
	}

	// The same message as a token refused at start.
	fake := discordtest.New(t, discordtest.Token("the-real-one"))
	env := map[string]string{"DISCORD_TOKEN": "a-bad-one", "DISCORD_API_BASE": fake.URL()}
	atStart := run(context.Background(), []string{"run"}, fakeEnv(env), stdio{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
	if !errors.Is(atStart, bot.ErrTokenRejected) {
		t.Fatalf("run with a bad token = %v; want ErrTokenRejected", atStart)
	}
	msg, _, _ := strings.Cut(err.Error(), " (")
	first, _, _ := strings.Cut(atStart.Error(), " (")
	if msg != first {
		t.Errorf("revoked: %q\nat start: %q\nwant the same message", msg, first)
	}
}

// TestRunReloadsOnSIGHUP: SIGHUP makes the running bot read its briefing
// files again, even an edit the file poll cannot see (same size, same
// modification time).
func TestRunReloadsOnSIGHUP(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notice.txt")
	write := func(title string) {
		t.Helper()
		body := "title: " + title + "\npublished: 2025-02-03\n---\nThe council said the bridge would reopen on Monday.\n"
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		stamp := time.Date(2025, 2, 3, 12, 0, 0, 0, time.UTC)
		if err := os.Chtimes(path, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	write("Bridge notice A")
	r := startBot(t, map[string]string{"BRIEFINGS": path})
	about := func() string { return r.interact(t, r.fake.Command("about")).Message.Text() }
	if got := about(); !strings.Contains(got, "Bridge notice A") {
		t.Fatalf("/about = %q, want the briefing file's title", got)
	}
	write("Bridge notice B")
	time.Sleep(2500 * time.Millisecond) // a file poll, which must not see the edit
	if got := about(); !strings.Contains(got, "Bridge notice A") {
		t.Fatalf("/about = %q: the poll saw an edit of the same size and time", got)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(about(), "Bridge notice B"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("SIGHUP did not reload the briefing:\n%s", r.logs)
		}
	}
}
