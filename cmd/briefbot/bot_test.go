package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/store/storetest"
)

// TestRunBot wires the whole program to a fake Discord through the
// environment, as an operator would: DISCORD_TOKEN, DISCORD_API_BASE and
// DISCORD_GUILD_ID, with no subcommand.
func TestRunBot(t *testing.T) {
	const token = "cmd-test-token"
	fake := discordtest.New(t, discordtest.Token(token))
	env := map[string]string{
		"DISCORD_TOKEN":    token,
		"DISCORD_API_BASE": fake.URL(),
		"DISCORD_GUILD_ID": discordtest.GuildID,
		"DATABASE_URL":     storetest.SQLite(t),
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, nil, fakeEnv(env), stdio{in: strings.NewReader(""), out: &bytes.Buffer{}, err: &logs})
	}()

	wait, stop := context.WithTimeout(ctx, 20*time.Second)
	defer stop()
	for {
		if _, ok := fake.Commands(discordtest.GuildID); ok {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("run returned before registering commands: %v", err)
		case <-wait.Done():
			t.Fatal("commands were never registered on the guild")
		case <-time.After(10 * time.Millisecond):
		}
	}
	in := fake.Command("ask", discordtest.Str("question", "What did Colin Clarke say?"))
	if err := fake.DispatchInteraction(in); err != nil {
		t.Fatal(err)
	}
	rep, err := fake.WaitReply(wait, in)
	if err != nil {
		t.Fatalf("reply to /ask: %v", err)
	}
	if got := rep.Message.Text(); !strings.Contains(got, "fixated on Russia") || !strings.Contains(got, "Colin Clarke") {
		t.Errorf("/ask reply = %q, want Colin Clarke's quote", got)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run returned %v after shutdown, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not stop within 5 s of cancel")
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the log contains the bot token")
	}
}
