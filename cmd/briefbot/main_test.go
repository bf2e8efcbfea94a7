package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// fakeEnv is an environment lookup over a map.
func fakeEnv(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

// getenvOf turns a lookup into a getenv.
func getenvOf(lookup func(string) (string, bool)) func(string) string {
	return func(k string) string { v, _ := lookup(k); return v }
}

// runCmd runs the program with args, stdin and env, returning its output.
func runCmd(tb testing.TB, env map[string]string, stdin string, args ...string) (stdout, stderr string, err error) {
	tb.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, fakeEnv(env), stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return out.String(), errb.String(), err
}

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    config
		wantErr string
	}{
		{name: "Empty", env: nil, want: config{logLevel: slog.LevelInfo}},
		{
			name: "Full",
			env: map[string]string{
				"DISCORD_TOKEN": " Bot abc ", "DISCORD_GUILD_ID": "42", "DISCORD_API_BASE": "http://127.0.0.1:1",
				"BRIEFINGS": "a.txt, b/ ,", "SHARD_ID": "1", "SHARD_COUNT": "2", "LOG_LEVEL": "DEBUG",
				"DISCORD_PUBLIC_KEY": "ff", "METRICS_ADDR": " :9090 ",
			},
			want: config{token: "abc", guildID: "42", apiBase: "http://127.0.0.1:1", publicKey: "ff",
				briefings: []string{"a.txt", "b/"}, shardID: 1, shardCount: 2, metricsAddr: ":9090", logLevel: slog.LevelDebug},
		},
		{name: "ErrShardRange", env: map[string]string{"SHARD_ID": "2", "SHARD_COUNT": "2"}, wantErr: "less than SHARD_COUNT"},
		{name: "ErrShardIDAlone", env: map[string]string{"SHARD_ID": "1"}, wantErr: "SHARD_COUNT is not"},
		{name: "ErrShardNotNumber", env: map[string]string{"SHARD_COUNT": "two"}, wantErr: "SHARD_COUNT"},
		{name: "ErrLogLevel", env: map[string]string{"LOG_LEVEL": "loud"}, wantErr: "LOG_LEVEL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := loadConfig(getenvOf(fakeEnv(tt.env)))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("loadConfig() error = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("loadConfig() error = %v", err)
			}
			if got.token != tt.want.token || got.guildID != tt.want.guildID || got.apiBase != tt.want.apiBase ||
				got.publicKey != tt.want.publicKey || !slices.Equal(got.briefings, tt.want.briefings) ||
				got.shardID != tt.want.shardID || got.shardCount != tt.want.shardCount || got.logLevel != tt.want.logLevel {
				t.Errorf("loadConfig() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestWithDotenv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env")
	if err := os.WriteFile(path, []byte("DISCORD_TOKEN=from-file\nDISCORD_GUILD_ID=7\n# comment\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lookup, err := withDotenv(fakeEnv(map[string]string{"DISCORD_TOKEN": "from-env", "DISCORD_GUILD_ID": ""}), path)
	if err != nil {
		t.Fatal(err)
	}
	getenv := getenvOf(lookup)
	if got := getenv("DISCORD_TOKEN"); got != "from-env" {
		t.Errorf("DISCORD_TOKEN = %q, want the real environment to win", got)
	}
	if got := getenv("DISCORD_GUILD_ID"); got != "" {
		t.Errorf("DISCORD_GUILD_ID = %q, want the real environment's empty value to win", got)
	}
	if v, ok := lookup("LOG_LEVEL"); ok {
		t.Errorf("LOG_LEVEL = %q, want unset", v)
	}
	if err := os.WriteFile(path, []byte("LOG_LEVEL=debug\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lookup, _ = withDotenv(fakeEnv(nil), path)
	if got := getenvOf(lookup)("LOG_LEVEL"); got != "debug" {
		t.Errorf("LOG_LEVEL = %q, want debug from the file", got)
	}
	if _, err := withDotenv(fakeEnv(nil), filepath.Join(dir, "missing")); err != nil {
		t.Errorf("missing .env: error %v, want none", err)
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		args []string
		want command
		err  bool
	}{
		{args: nil, want: command{addr: ":8080"}},
		{args: []string{"ask", "--json", "who", "is", "it?"}, want: command{name: "ask", json: true, addr: ":8080", args: []string{"who", "is", "it?"}}},
		{args: []string{"ask", "who?", "--json", "--briefing", "a", "--briefing=b"}, want: command{name: "ask", json: true, addr: ":8080", args: []string{"who?"}, briefings: paths{"a", "b"}}},
		{args: []string{"serve", "--addr", "127.0.0.1:9"}, want: command{name: "serve", addr: "127.0.0.1:9"}},
		{args: []string{"--briefing", "x"}, want: command{addr: ":8080", briefings: paths{"x"}}},
		{args: []string{"--help"}, want: command{name: "help", addr: ":8080"}},
		{args: []string{"--briefing", "x", "ask", "--json", "Q"}, want: command{name: "ask", json: true, addr: ":8080", args: []string{"Q"}, briefings: paths{"x"}}},
		{args: []string{"--json", "timeline"}, want: command{name: "timeline", json: true, addr: ":8080"}},
		{args: []string{"frobnicate"}, err: true},
		{args: []string{"inspect", "extra"}, err: true},
		{args: []string{"serve", "--json"}, err: true},
		{args: []string{"ask", "--addr", ":1", "Q"}, err: true},
		{args: []string{"--json"}, err: true},
		{args: []string{"ask", "--after", "0badc0de:p1:0s", "Why?"}, want: command{name: "ask", addr: ":8080", after: "0badc0de:p1:0s", args: []string{"Why?"}}},
		{args: []string{"timeline", "--after", "x"}, err: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, "_"), func(t *testing.T) {
			got, err := parseCommand(tt.args, &bytes.Buffer{})
			if tt.err {
				if !errors.Is(err, errUsageShown) {
					t.Fatalf("parseCommand(%q) error = %v, want a usage error", tt.args, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseCommand(%q) error = %v", tt.args, err)
			}
			if got.name != tt.want.name || got.json != tt.want.json || got.addr != tt.want.addr ||
				got.after != tt.want.after || !slices.Equal(got.args, tt.want.args) || !slices.Equal(got.briefings, tt.want.briefings) {
				t.Errorf("parseCommand(%q) = %+v, want %+v", tt.args, got, tt.want)
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{name: "RunWithoutToken", args: []string{"run"}, want: "DISCORD_TOKEN"},
		{name: "ServeWithoutKey", args: []string{"serve", "--addr", "127.0.0.1:0"}, want: "DISCORD_PUBLIC_KEY"},
		{name: "ServeBadKey", env: map[string]string{"DISCORD_PUBLIC_KEY": "zz"}, args: []string{"serve"}, want: "DISCORD_PUBLIC_KEY"},
		{name: "MissingBriefing", args: []string{"inspect", "--briefing", filepath.Join(dir, "nope.txt")}, want: "nope.txt"},
		{name: "EmptyBriefing", args: []string{"ask", "hi", "--briefing", empty}, want: "empty.txt"},
		{name: "BriefingsEnv", env: map[string]string{"BRIEFINGS": filepath.Join(dir, "gone")}, args: []string{"timeline"}, want: "gone"},
		{name: "DatabaseDown", env: map[string]string{"DATABASE_URL": "postgres://bot:s3cret@127.0.0.1:1/db?connect_timeout=2"}, args: []string{"briefings", "list"}, want: "check that the server runs and DATABASE_URL is right"},
		{name: "DatabaseURL", env: map[string]string{"DATABASE_URL": "mysql://bot:s3cret@db/x"}, args: []string{"ask", "hi"}, want: "DATABASE_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCmd(t, tt.env, "", tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("run(%q) error = %v, want one mentioning %q", tt.args, err, tt.want)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("run(%q) error %q shows the database password", tt.args, err)
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"ask", "-h"}} {
		out, _, err := runCmd(t, nil, "", args...)
		if err != nil {
			t.Fatalf("run(%q) error = %v", args, err)
		}
		for _, want := range []string{"briefbot ask", "briefbot serve", "DISCORD_TOKEN", "METRICS_ADDR", "--briefing"} {
			if !strings.Contains(out, want) {
				t.Errorf("run(%q) usage lacks %q", args, want)
			}
		}
	}
}

// TestAskJSONContract checks the keys of `ask --json` against DESIGN.md.
func TestAskJSONContract(t *testing.T) {
	out, _, err := runCmd(t, nil, "What did Colin Clarke say?\n\nWhat is the capital of France?\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("ask --json printed %d lines, want 2 (blank input lines are skipped):\n%s", len(lines), out)
	}
	want := []string{"answered", "briefing", "context", "more", "passage", "question", "quote", "score", "section", "speaker", "why"}
	for i, line := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i, err, line)
		}
		for _, k := range want {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks key %q: %s", i, k, line)
			}
		}
	}
	var first, second struct {
		Answered    bool     `json:"answered"`
		Passage     string   `json:"passage"`
		Suggestions []string `json:"suggestions"`
		Speaker     *struct {
			Name string `json:"name"`
		} `json:"speaker"`
	}
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	if !first.Answered || first.Speaker == nil || first.Speaker.Name != "Colin Clarke" {
		t.Errorf("first answer = %+v, want Colin Clarke's quote", first)
	}
	if second.Answered || second.Passage != "" || len(second.Suggestions) == 0 {
		t.Errorf("second answer = %+v, want an abstention with suggestions", second)
	}
}

func TestTerminalCommands(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{name: "AskText", args: []string{"ask", "What did Adrienne Watson say?"}, want: []string{"bears sole responsibility", "— Adrienne Watson"}},
		{name: "Timeline", args: []string{"timeline"}, want: []string{"2018", "2021"}},
		{name: "TimelineJSON", args: []string{"timeline", "--json"}, want: []string{`"date": "2024-03-22"`}},
		{name: "Sources", args: []string{"sources"}, want: []string{"Colin Clarke", "quote"}},
		{name: "SourcesName", args: []string{"sources", "Byman"}, want: []string{"Daniel Byman", "embattled"}},
		{name: "InspectJSON", args: []string{"inspect", "--json"}, want: []string{`"publisher": "CBC News"`, `"published": "2024-03-23"`, `"quotes"`}},
		{name: "AskClosest", args: []string{"ask", "Why is ISIS-K targeting Russia?"},
			want: []string{"Not answered directly. Closest passages in the briefing:", "  • ", "    — "}},
		{name: "ChatFollowUp", stdin: "What did Daniel Byman say about Russia?\nWhat else did he say?\n",
			want: []string{"top enemy", "(taking 'he' as Daniel Byman", "embattled but not completely destroyed"}},
		{name: "Chat", stdin: "/help\n/about\nWhat did Colin Clarke say?\n/more\n/quote Kurilla\n/sources\n/timeline\n/nonsense\n/quit\nnever read\n",
			want: []string{"DISCORD_TOKEN", "/timeline", "CBC News", "fixated on Russia", "external operations", "Unknown command /nonsense"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, nil, tt.stdin, tt.args...)
			if err != nil {
				t.Fatalf("run(%q) error = %v", tt.args, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("run(%q) output lacks %q:\n%s", tt.args, w, out)
				}
			}
		})
	}
}

// TestAskAfter follows an answer up through its ref, as a script would.
func TestAskAfter(t *testing.T) {
	out, _, err := runCmd(t, nil, "", "ask", "--json", "What did Daniel Byman say about Russia?")
	if err != nil {
		t.Fatal(err)
	}
	var first struct {
		Ref string `json:"ref"`
	}
	if err := json.Unmarshal([]byte(out), &first); err != nil || first.Ref == "" {
		t.Fatalf("ask --json: no ref (%v):\n%s", err, out)
	}
	out, _, err = runCmd(t, nil, "", "ask", "--json", "--after", first.Ref, "What else did he say?")
	if err != nil {
		t.Fatal(err)
	}
	var next struct {
		Answered bool   `json:"answered"`
		Passage  string `json:"passage"`
		Why      string `json:"why"`
		Speaker  *struct {
			Name string `json:"name"`
		} `json:"speaker"`
	}
	if err := json.Unmarshal([]byte(out), &next); err != nil {
		t.Fatalf("ask --after: %v\n%s", err, out)
	}
	if !next.Answered || next.Speaker == nil || next.Speaker.Name != "Daniel Byman" || strings.Contains(next.Passage, "top enemy") ||
		!strings.Contains(next.Why, "Daniel Byman") {
		t.Errorf("ask --after %s = %+v, want another passage by Daniel Byman, saying whom 'he' was taken as", first.Ref, next)
	}
	out, _, err = runCmd(t, nil, "", "ask", "--after", "nosuch:p1:0s", "What else did he say?")
	if err != nil || !strings.Contains(out, "answered as a new question") {
		t.Errorf("ask --after with an unknown ref = %q, %v; want it answered as a new question, saying so", out, err)
	}
}

// TestInspectSeveral checks that several briefings print as {"briefings": [...]}.
func TestInspectSeveral(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), defaultBriefing, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := runCmd(t, nil, "", "inspect", "--json", "--briefing", dir)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Briefings []knowledge.Briefing `json:"briefings"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Briefings) != 2 {
		t.Fatalf("inspect --json over two briefings: %d briefings, err %v", len(v.Briefings), err)
	}
}

func TestServeShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		env := map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32)}
		done <- run(ctx, []string{"serve", "--addr", addr}, fakeEnv(env), stdio{in: strings.NewReader(""), out: &out, err: &errb})
	}()
	var resp *http.Response
	for range 100 {
		if resp, err = http.Get("http://" + addr + "/healthz"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("GET /healthz: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop within 5 s of cancel")
	}
}
