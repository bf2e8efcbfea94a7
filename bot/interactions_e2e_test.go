package bot_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
)

// TestE2EInteractionsEndpoint drives the signed HTTP endpoint with
// interactions built by the fake, hands the fake each HTTP response as
// Discord would receive it, and checks that a slow answer, deferred in the
// response, is delivered by editing the original through the fake's REST API.
func TestE2EInteractionsEndpoint(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t)
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	srv := httptest.NewServer(bot.NewInteractionsHandler(bot.InteractionsOptions{
		PublicKey: pub,
		Engines:   func(string) bot.Engine { return newStubEngine().engine() },
		Token:     testToken,
		APIBase:   fake.URL(),
		Log:       slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot log:\n%s", logs.String())
		}
	})

	// post signs in, posts it to the endpoint and gives the response to the
	// fake.
	post := func(t *testing.T, in *discordtest.Interaction) *discordtest.Reply {
		t.Helper()
		in.By(fake.NewID(), "http-user")
		body, err := in.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		fake.Track(in)
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/interactions", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		answer, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("endpoint answered %d %s", resp.StatusCode, answer)
		}
		if status, err := fake.Acknowledge(in, answer); err != nil || status != http.StatusNoContent {
			t.Fatalf("Discord would refuse the response %s: %d %v", answer, status, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		rep, err := fake.WaitReply(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}

	t.Run("answer in the response", func(t *testing.T) {
		rep := post(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")))
		if rep.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Errorf("response type %d; want 4", rep.Type)
		}
		noPings(t, rep.Message)
		contains(t, "answer", embed(t, rep.Message).Description, "reopen in May")
	})
	t.Run("autocomplete", func(t *testing.T) {
		rep := post(t, fake.Autocomplete("quote", discordtest.Focused(discordtest.Str("speaker", "ana"))))
		if len(rep.Message.Choices) == 0 || rep.Message.Choices[0].Name != "Ana Costa" {
			t.Errorf("choices %s", rep.Message.Raw)
		}
	})
	t.Run("slow answer deferred, then edited over REST", func(t *testing.T) {
		rep := post(t, fake.Command("ask", discordtest.Str("question", "slow: when?")))
		if rep.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Fatalf("response type %d; want 5 (deferred)", rep.Type)
		}
		if rep.Final.Route != discordtest.RouteOriginalEdit {
			t.Fatalf("answer delivered by %q; want the edit of the original", rep.Final.Route)
		}
		noPings(t, rep.Message)
		contains(t, "edited answer", embed(t, rep.Message).Description, "reopen in May")
	})
}
