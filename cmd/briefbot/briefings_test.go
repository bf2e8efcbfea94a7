package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/store"
)

// TestBriefingsCommands adds, lists, asks about and removes a stored
// briefing through the commands, each run a fresh process as far as the
// library goes: what one run stores, the next one serves.
func TestBriefingsCommands(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "lib.db")}
	out, errOut, err := runCmd(t, env, "", "briefings", "add", "testdata/ferry.txt", "--guild", "G1")
	if err != nil {
		t.Fatalf("briefings add: %v\n%s", err, errOut)
	}
	for _, want := range []string{"Added briefing 1 (guild G1): Harbour ferry resumes after repairs", "The Example Courier · 2025-06-12", "Sources: port authority; Mara Lind"} {
		if !strings.Contains(out, want) {
			t.Errorf("briefings add printed %q, want it to contain %q", out, want)
		}
	}

	ask := func(args ...string) map[string]any {
		t.Helper()
		out, errOut, err := runCmd(t, env, "", append([]string{"ask", "--json"}, args...)...)
		if err != nil {
			t.Fatalf("ask %q: %v\n%s", args, err, errOut)
		}
		var a map[string]any
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("ask output %q: %v", out, err)
		}
		return a
	}
	if a := ask("--guild", "G1", "What did Mara Lind say?"); a["briefing"] != "Harbour ferry resumes after repairs" {
		t.Errorf("ask --guild G1 answered from %v, want the stored briefing", a["briefing"])
	}
	if a := ask("--guild", "G2", "What did Mara Lind say?"); a["briefing"] == "Harbour ferry resumes after repairs" {
		t.Error("guild G2 was answered from guild G1's briefing")
	}
	if a := ask("What did Mara Lind say?"); a["briefing"] == "Harbour ferry resumes after repairs" {
		t.Error("the global library was answered from guild G1's briefing")
	}

	out, _, err = runCmd(t, env, "", "briefings", "list", "--json")
	var list []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &list) != nil || len(list) != 2 || list[0]["id"] != "f1" || list[1]["guild"] != "G1" {
		t.Errorf("briefings list --json = %s (%v), want the embedded briefing and G1's", out, err)
	}
	out, _, _ = runCmd(t, env, "", "briefings", "list", "--guild", "G2")
	if strings.Contains(out, "Harbour ferry") || !strings.Contains(out, "operator's file") {
		t.Errorf("briefings list --guild G2 = %q, want the operator's briefing only", out)
	}
	out, _, _ = runCmd(t, env, "", "inspect", "--json", "--guild", "G1")
	if !strings.Contains(out, `"briefings"`) || !strings.Contains(out, "Mara Lind") {
		t.Errorf("inspect --guild G1 lacks the stored briefing")
	}

	_, _, err = runCmd(t, env, "", "briefings", "add", "http://127.0.0.1:1/admin")
	if err == nil || err.Error() != "That address is on a private network; I only fetch public pages." {
		t.Errorf("briefings add of a loopback URL: error %v, want the private-network refusal", err)
	}
	_, _, err = runCmd(t, env, "", "briefings", "add", "testdata/ferry.txt", "--guild", "G1")
	if err == nil || !strings.Contains(err.Error(), "already in the library (ID 1)") {
		t.Errorf("adding the same file twice: error %v", err)
	}

	out, _, err = runCmd(t, env, "", "briefings", "remove", "1")
	if err != nil || !strings.Contains(out, "Removed briefing 1: Harbour ferry") {
		t.Errorf("briefings remove 1 = %q, %v", out, err)
	}
	if a := ask("--guild", "G1", "What did Mara Lind say?"); a["briefing"] == "Harbour ferry resumes after repairs" {
		t.Error("a removed briefing still answers")
	}
	if _, _, err := runCmd(t, env, "", "briefings", "remove", "1"); err == nil || !strings.Contains(err.Error(), "no briefing") {
		t.Errorf("removing it again: error %v", err)
	}
	if _, _, err := runCmd(t, env, "", "briefings", "remove", "f1"); err == nil || !strings.Contains(err.Error(), "operator's files") {
		t.Errorf("removing the operator's briefing: error %v", err)
	}
}

func TestGapsCommand(t *testing.T) {
	url := "sqlite:" + filepath.Join(t.TempDir(), "lib.db")
	env := map[string]string{"DATABASE_URL": url}
	if _, errOut, err := runCmd(t, env, "", "briefings", "add", "testdata/ferry.txt", "--guild", "G1"); err != nil {
		t.Fatalf("briefings add: %v\n%s", err, errOut)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, q := range []string{"How much did the repairs cost in total?", "how much did the repairs cost in total", "Who paid for the new boats?"} {
		if err := st.RecordDeclined(ctx, store.Declined{Guild: "G1", UserID: string(rune('a' + i)), Question: q, Briefings: []string{"Harbour ferry resumes after repairs"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RecordDeclined(ctx, store.Declined{Guild: "G2", UserID: "z", Question: "Who won the match?"}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordVote(ctx, store.Vote{Guild: "G1", UserID: "a", Ref: "nope", Question: "When did the ferry return?", Up: false}); err != nil {
		t.Fatal(err)
	}

	out, errOut, err := runCmd(t, env, "", "gaps", "--guild", "G1", "--json")
	if err != nil {
		t.Fatalf("gaps: %v\n%s", err, errOut)
	}
	var r gapReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("gaps --json = %s: %v", out, err)
	}
	if len(r.Declined) != 2 || r.Declined[0].Count != 2 || r.Declined[0].Users != 2 || r.Days != 30 {
		t.Fatalf("declined = %+v, want the cost question twice (two wordings) first", r.Declined)
	}
	if c := r.Declined[0].Closest; c == nil || !strings.Contains(c.Passage, "repairs") {
		t.Errorf("closest passage to the cost question = %+v, want one about the repairs", c)
	}
	if len(r.DownVoted) != 1 || r.DownVoted[0].Count != 1 || r.DownVoted[0].Closest == nil {
		t.Errorf("down_voted = %+v", r.DownVoted)
	}

	out, _, err = runCmd(t, env, "", "gaps", "--days", "7")
	if err != nil || !strings.Contains(out, "every guild, last 7 days") || !strings.Contains(out, "Who won the match?") || !strings.Contains(out, "closest:  The repairs cost") {
		t.Errorf("gaps --days 7 = %q, %v", out, err)
	}
}

func TestLibraryFlags(t *testing.T) {
	bad := [][]string{
		{"serve", "--guild", "1"},
		{"run", "--guild", "1"},
		{"ask", "--days", "3", "Q"},
		{"gaps", "--days", "0"},
		{"gaps", "extra"},
		{"briefings"},
		{"briefings", "frob"},
		{"briefings", "add"},
		{"briefings", "list", "x"},
		{"briefings", "remove", "1", "--guild", "G"},
	}
	for _, args := range bad {
		if _, err := parseCommand(args, &bytes.Buffer{}); !errors.Is(err, errUsageShown) {
			t.Errorf("parseCommand(%q) error = %v, want a usage error", args, err)
		}
	}
	good, err := parseCommand([]string{"gaps", "--guild", "9", "--days", "7", "--json"}, &bytes.Buffer{})
	if err != nil || good.guild != "9" || good.days != 7 || !good.json {
		t.Errorf("parseCommand(gaps ...) = %+v, %v", good, err)
	}
	if _, err := loadConfig(getenvOf(fakeEnv(map[string]string{"RETENTION_DAYS": "soon"}))); err == nil || !strings.Contains(err.Error(), "RETENTION_DAYS") {
		t.Errorf("RETENTION_DAYS=soon: error %v", err)
	}
	c, err := loadConfig(getenvOf(fakeEnv(map[string]string{"RETENTION_DAYS": "7", "DATABASE_URL": "sqlite:x.db"})))
	if err != nil || c.retention.Hours() != 7*24 || c.databaseURL != "sqlite:x.db" {
		t.Errorf("loadConfig() = %+v, %v", c, err)
	}
}

// TestReadOnlyCommandsCreateNoDatabase: asking in a fresh folder leaves no
// briefbot.db behind; adding creates it.
func TestReadOnlyCommandsCreateNoDatabase(t *testing.T) {
	ferry, err := filepath.Abs("testdata/ferry.txt")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, args := range [][]string{{"ask", "Who?"}, {"briefings", "list"}, {"gaps"}, {"inspect"}} {
		if _, errOut, err := runCmd(t, nil, "", args...); err != nil {
			t.Fatalf("%q: %v\n%s", args, err, errOut)
		}
	}
	if _, err := os.Stat("briefbot.db"); !os.IsNotExist(err) {
		t.Fatalf("read-only commands created briefbot.db (stat: %v)", err)
	}
	if _, errOut, err := runCmd(t, nil, "", "briefings", "add", ferry); err != nil {
		t.Fatalf("briefings add: %v\n%s", err, errOut)
	}
	if _, err := os.Stat("briefbot.db"); err != nil {
		t.Errorf("briefings add did not create briefbot.db: %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestChatSeesBriefingsAddedElsewhere(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "lib.db")}
	in, feed := io.Pipe()
	var out, errOut syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, fakeEnv(env), stdio{in: in, out: &out, err: &errOut}) }()

	if _, err := io.WriteString(feed, "/about\n"); err != nil {
		t.Fatal(err)
	}
	if _, errs, err := runCmd(t, env, "", "briefings", "add", "testdata/ferry.txt"); err != nil {
		t.Fatalf("briefings add: %v\n%s", err, errs)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if _, err := io.WriteString(feed, "/about\n"); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "Harbour ferry resumes after repairs") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the chat's /about never showed the briefing added by another process:\n%s\n%s", out.String(), errOut.String())
		}
	}
	feed.Close()
	if err := <-done; err != nil {
		t.Fatalf("chat: %v", err)
	}
}

func TestChatFollowsTheLastAnswer(t *testing.T) {
	out, errOut, err := runCmd(t, map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "lib.db")},
		"What did Colin Clarke say?\nWhat is the price of bitcoin?\nWhat else did he say?\n")
	if err != nil {
		t.Fatalf("chat: %v\n%s", err, errOut)
	}
	if strings.Count(out, "The briefing doesn't answer that.") < 1 || !strings.Contains(out, "taking 'he' as Colin Clarke") {
		t.Errorf("chat output:\n%s\nwant the unrelated question declined and the next one to follow up Colin Clarke's answer", out)
	}
	if strings.Contains(out, "taking the question as about the earlier answer") {
		t.Errorf("chat output:\n%s\nwant the unrelated question read fresh", out)
	}
}
