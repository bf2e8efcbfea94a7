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
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/bot/store/storetest"
)

// TestE2EInteractionsEndpoint drives the signed HTTP endpoint with
// interactions built by the fake, hands the fake each HTTP response as
// Discord would receive it, and checks that a slow answer, deferred in the
// response, is delivered by editing the original through the fake's REST API.
func TestE2EInteractionsEndpoint(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t)
	post := endpoint(t, fake, bot.InteractionsOptions{Engines: func(context.Context, string) bot.Engine { return newStubEngine().engine() }})

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

// endpoint serves the HTTP interactions endpoint with o (plus a fresh key,
// the token, the fake's API base and a log) and returns a function that
// signs an interaction, posts it, hands the response to the fake as
// Discord would receive it, and waits for the complete reply.
func endpoint(t *testing.T, fake *discordtest.Server, o bot.InteractionsOptions) func(*testing.T, *discordtest.Interaction) *discordtest.Reply {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	o.PublicKey, o.Token, o.APIBase = pub, testToken, fake.URL()
	o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := httptest.NewServer(bot.NewInteractionsHandler(o))
	t.Cleanup(srv.Close)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot log:\n%s", logs.String())
		}
	})
	return func(t *testing.T, in *discordtest.Interaction) *discordtest.Reply {
		t.Helper()
		if in.UserID == discordtest.UserID {
			in.By(fake.NewID(), "http-user")
		}
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
}

// TestE2EInteractionsEndpointLibrary: over the HTTP endpoint, with a real
// library, /briefing add reads an attachment from the fake's CDN, is
// deferred in the response and delivered by an edit over REST, and the
// next /ask in the guild answers from it while a DM does not.
func TestE2EInteractionsEndpointLibrary(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.SQLite(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lib, err := library.Open(ctx, library.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lib.Close)
	fake := discordtest.New(t)
	post := endpoint(t, fake, bot.InteractionsOptions{
		Library: lib,
		Engines: func(_ context.Context, guild string) bot.Engine {
			e, err := lib.Engine(ctx, guild)
			if err != nil {
				t.Error(err)
			}
			return bot.Both(e)
		},
	})
	const brief = "title: Lighthouse keeper retires\npublisher: The Example Gazette\npublished: 2025-02-03\n---\n" +
		"Lighthouse keeper retires\n\nThe last keeper of the point lighthouse retired on Friday after thirty years.\n\n" +
		"\"The lamp never once went out on my watch,\" said Orla Penn, the keeper.\n"
	att := fake.Upload("lighthouse.txt", "text/plain", []byte(brief))
	add := fake.Command("briefing", discordtest.Sub("add", discordtest.File("file", att))).WithPermissions(discordgo.PermissionManageGuild)
	rep := post(t, add)
	if rep.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !rep.Ephemeral || rep.Final.Route != discordtest.RouteOriginalEdit {
		t.Errorf("/briefing add: type %d, ephemeral %v, delivered by %q; want an ephemeral deferral, then the edit", rep.Type, rep.Ephemeral, rep.Final.Route)
	}
	contains(t, "preview", rep.Message.Text(), "Added: Lighthouse keeper retires")
	contains(t, "preview", rep.Message.Text(), "Orla Penn")

	ask := post(t, fake.Command("ask", discordtest.Str("question", "What did Orla Penn say?")))
	contains(t, "/ask in the guild", ask.Message.Text(), "never once went out")
	dm := post(t, fake.Command("ask", discordtest.Str("question", "What did Orla Penn say?")).InDM())
	if strings.Contains(dm.Message.Text(), "never once went out") {
		t.Errorf("a DM was answered from the guild's briefing: %q", dm.Message.Text())
	}
	refused := post(t, fake.Command("briefing", discordtest.Sub("list")))
	if !refused.Ephemeral || !strings.Contains(refused.Message.Content, "Manage Server") {
		t.Errorf("/briefing list without Manage Server = %q", refused.Message.Content)
	}
}
