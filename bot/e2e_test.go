package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// End-to-end tests: bot.Run, with the real discordgo session, against the
// fake Discord of package discordtest. Each harness costs about a second to
// shut down (discordgo's Close sleeps 1 s), so related checks share one as
// subtests, and the top-level tests run in parallel.

const testToken = "e2e-token"

// A harness is one bot.Run connected to one fake Discord.
type harness struct {
	fake    *discordtest.Server
	cancel  context.CancelFunc
	stopped chan struct{}
	err     error // Run's result, once stopped is closed
	logs    *syncBuffer
}

// syncBuffer collects the bot's log for printing when a test fails.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// launch starts bot.Run against a new fake Discord, without waiting.
// Unset Options fields get test defaults: the token, engine, and a debug log
// that is printed if the test fails; APIBase is always the fake's URL.
func launch(tb testing.TB, engine bot.Engine, o bot.Options, fakeOpts ...discordtest.Option) *harness {
	tb.Helper()
	h := &harness{fake: discordtest.New(tb, fakeOpts...), stopped: make(chan struct{}), logs: &syncBuffer{}}
	if o.Token == "" {
		o.Token = testToken
	}
	o.APIBase = h.fake.URL()
	if o.Engines == nil {
		o.Engines = func(context.Context, string) bot.Engine { return engine }
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() {
		defer close(h.stopped)
		h.err = bot.Run(ctx, o)
	}()
	tb.Cleanup(func() {
		h.shutdown(tb)
		if tb.Failed() {
			tb.Logf("bot log:\n%s", h.logs.String())
		}
	})
	return h
}

// start launches the bot and waits until it has registered its commands,
// the sign that it is connected and serving.
func start(tb testing.TB, engine bot.Engine, o bot.Options, fakeOpts ...discordtest.Option) *harness {
	tb.Helper()
	h := launch(tb, engine, o, fakeOpts...)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	go func() {
		select {
		case <-h.stopped:
			cancel()
		case <-ctx.Done():
		}
	}()
	if _, err := h.fake.WaitFor(ctx, func(r discordtest.Request) bool {
		return (r.Route == discordtest.RouteGuildCommands || r.Route == discordtest.RouteGlobalCommands) && r.OK()
	}); err != nil {
		select {
		case <-h.stopped:
			tb.Fatalf("bot.Run returned before registering commands: %v", h.err)
		default:
			tb.Fatalf("bot never registered its commands: %v", err)
		}
	}
	return h
}

// shutdown cancels Run and checks that it returns nil within 5 s.
func (h *harness) shutdown(tb testing.TB) time.Duration {
	tb.Helper()
	begin := time.Now()
	h.cancel()
	select {
	case <-h.stopped:
	case <-time.After(10 * time.Second):
		tb.Errorf("bot.Run did not return within 10 s of cancel")
		return time.Since(begin)
	}
	took := time.Since(begin)
	if took > 5*time.Second {
		tb.Errorf("bot.Run took %v to return after cancel; want at most 5 s", took)
	}
	if h.err != nil && !tb.Failed() {
		tb.Errorf("bot.Run after cancel = %v; want nil", h.err)
	}
	return took
}

// waitErr waits for Run to return by itself and returns its error.
func (h *harness) waitErr(tb testing.TB, within time.Duration) error {
	tb.Helper()
	select {
	case <-h.stopped:
		return h.err
	case <-time.After(within):
		tb.Fatalf("bot.Run still running after %v", within)
		return nil
	}
}

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	tb.Cleanup(cancel)
	return ctx
}

// ask dispatches in from a fresh user (the bot rate-limits per user) and
// returns the bot's complete reply.
func (h *harness) ask(tb testing.TB, in *discordtest.Interaction) *discordtest.Reply {
	tb.Helper()
	if in.UserID == discordtest.UserID {
		in.By(h.fake.NewID(), "asker")
		if in.GuildID == "" {
			in.InDM()
		}
	}
	if err := h.fake.DispatchInteraction(in); err != nil {
		tb.Fatalf("dispatch: %v", err)
	}
	rep, err := h.fake.WaitReply(testContext(tb), in)
	if err != nil {
		tb.Fatalf("reply: %v", err)
	}
	return rep
}

// click presses the button labelled label on the message of rep.
func (h *harness) click(tb testing.TB, rep *discordtest.Reply, label string) *discordtest.Reply {
	tb.Helper()
	b, ok := rep.Message.Button(label)
	if !ok {
		tb.Fatalf("no %q button on %s", label, rep.Message.Raw)
	}
	if b.Disabled {
		tb.Fatalf("button %q is disabled", label)
	}
	return h.ask(tb, h.fake.Button(b.CustomID, rep.Message))
}

// noPings checks the allowed mentions of a message the bot sent.
func noPings(tb testing.TB, m *discordtest.Message) {
	tb.Helper()
	am := m.AllowedMentions
	if am == nil || am.Parse == nil || len(am.Parse) != 0 || len(am.Users) != 0 || len(am.Roles) != 0 || am.RepliedUser {
		got, _ := json.Marshal(am)
		tb.Errorf("allowed_mentions = %s; want {\"parse\":[]} (no one pinged)", got)
	}
}

func embed(tb testing.TB, m *discordtest.Message) *discordgo.MessageEmbed {
	tb.Helper()
	if len(m.Embeds) == 0 {
		tb.Fatalf("no embed in %s", m.Raw)
	}
	return m.Embeds[0]
}

func contains(tb testing.TB, what, got string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			tb.Errorf("%s = %q; want it to contain %q", what, got, w)
		}
	}
}

// TestE2E drives every command, button, mention and fault through one bot
// over an engine with invented content.
func TestE2E(t *testing.T) {
	t.Parallel()
	eng := newStubEngine()
	feedback := &stubFeedback{}
	// Heartbeats every minute: discordgo sends the first at once, and a
	// short interval lets a tick race the resume below (see TestSession).
	h := start(t, eng.engine(), bot.Options{GuildID: discordtest.GuildID, Feedback: feedback}, discordtest.HeartbeatInterval(time.Minute))
	fake := h.fake

	t.Run("registration", func(t *testing.T) {
		cmds, ok := fake.Commands(discordtest.GuildID)
		if !ok {
			t.Fatal("no commands registered on the guild")
		}
		if _, global := fake.Commands(""); global {
			t.Error("commands registered globally too")
		}
		byName := map[string]*discordgo.ApplicationCommand{}
		for _, c := range cmds {
			byName[c.Name] = c
		}
		var names []string
		for n := range byName {
			names = append(names, n)
		}
		slices.Sort(names)
		if want := []string{"about", "ask", "help", "quote", "sources", "timeline"}; !slices.Equal(names, want) {
			t.Fatalf("commands %v; want %v", names, want)
		}
		option := func(cmd, name string) *discordgo.ApplicationCommandOption {
			for _, o := range byName[cmd].Options {
				if o.Name == name {
					return o
				}
			}
			t.Fatalf("/%s has no option %s", cmd, name)
			return nil
		}
		q := option("ask", "question")
		if !q.Required || q.Type != discordgo.ApplicationCommandOptionString || q.MaxLength != 300 {
			t.Errorf("/ask question: required %v type %v max_length %d; want required string of 300", q.Required, q.Type, q.MaxLength)
		}
		if p := option("ask", "private"); p.Required || p.Type != discordgo.ApplicationCommandOptionBoolean {
			t.Errorf("/ask private: %+v", p)
		}
		if o := option("sources", "name"); !o.Autocomplete || o.Required {
			t.Errorf("/sources name: autocomplete %v required %v", o.Autocomplete, o.Required)
		}
		if o := option("quote", "speaker"); !o.Autocomplete || !o.Required {
			t.Errorf("/quote speaker: autocomplete %v required %v", o.Autocomplete, o.Required)
		}
		for _, n := range []string{"topic", "from", "to"} {
			option("timeline", n)
		}
		puts := fake.RequestsFor(func(r discordtest.Request) bool { return r.Route == discordtest.RouteGuildCommands })
		if len(puts) != 1 {
			t.Errorf("%d bulk overwrites; want 1", len(puts))
		}
	})

	t.Run("identify", func(t *testing.T) {
		ids := fake.IdentifyPayloads()
		if len(ids) != 1 {
			t.Fatalf("%d identifies; want 1", len(ids))
		}
		want := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
		if ids[0].Intents != want || ids[0].Token != "Bot "+testToken {
			t.Errorf("identify intents %d token %q; want %d and the bot token", ids[0].Intents, ids[0].Token, want)
		}
	})

	var answer *discordtest.Reply
	t.Run("ask", func(t *testing.T) {
		answer = h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")))
		if answer.Ephemeral {
			t.Error("answer is ephemeral")
		}
		noPings(t, answer.Message)
		e := embed(t, answer.Message)
		if e.Description != eng.answer.Passage {
			t.Errorf("description %q; want the passage %q", e.Description, eng.answer.Passage)
		}
		if e.Author == nil || e.Author.Name != "Ana Costa, the port's director" {
			t.Errorf("author %+v; want the speaker and role", e.Author)
		}
		if e.Footer == nil {
			t.Fatal("no footer")
		}
		contains(t, "footer", e.Footer.Text, "Harbour repairs", "Outlook")
		for _, label := range []string{"More answers", "Full paragraph"} {
			if _, ok := answer.Message.Button(label); !ok {
				t.Errorf("no %q button", label)
			}
		}
		for _, b := range answer.Message.Buttons() {
			if len(b.CustomID) > 100 {
				t.Errorf("custom_id %q is longer than 100", b.CustomID)
			}
		}
	})
	if answer == nil {
		t.Fatal("no answer to build on")
	}

	t.Run("ask private", func(t *testing.T) {
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?"), discordtest.Bool("private", true)))
		if !rep.Ephemeral {
			t.Error("private answer is not ephemeral")
		}
	})

	t.Run("narration", func(t *testing.T) {
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "narration: how many ships?")))
		e := embed(t, rep.Message)
		if e.Author == nil || !strings.Contains(strings.ToLower(e.Author.Name), "narration") {
			t.Errorf("author %+v; want narration", e.Author)
		}
	})

	t.Run("unanswerable", func(t *testing.T) {
		in := fake.Command("ask", discordtest.Str("question", "unanswerable: who won the cup?"))
		rep := h.ask(t, in)
		text := rep.Message.Text()
		contains(t, "reply", text, "don't answer", "How deep is the harbour?")
		for _, label := range []string{"More answers", "👍", "👎"} {
			if _, ok := rep.Message.Button(label); ok {
				t.Errorf("an unanswered question offers %s", label)
			}
		}
		// The declined question is kept once the reply is out.
		var kept []bot.Decline
		for deadline := time.Now().Add(5 * time.Second); len(kept) == 0 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			_, declines := feedback.kept()
			for _, d := range declines {
				if d.UserID == in.UserID {
					kept = append(kept, d)
				}
			}
		}
		if len(kept) != 1 {
			t.Fatalf("kept %+v for this asker; want the one declined question", kept)
		}
		if d := kept[0]; d.Question != "unanswerable: who won the cup?" || d.GuildID != discordtest.GuildID || !slices.Equal(d.Briefings, []string{"Harbour repairs"}) || d.At.IsZero() {
			t.Errorf("kept %+v", d)
		}
	})

	t.Run("votes", func(t *testing.T) {
		voter := fake.NewID()
		for _, thumb := range []string{"👍", "👎"} {
			b, ok := answer.Message.Button(thumb)
			if !ok {
				t.Fatalf("no %s button on the answer", thumb)
			}
			rep := h.ask(t, fake.Button(b.CustomID, answer.Message).By(voter, "voter"))
			if !rep.Ephemeral || rep.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Errorf("%s: reply type %d ephemeral %v; want an ephemeral thank-you, the answer left as it is", thumb, rep.Type, rep.Ephemeral)
			}
			contains(t, thumb+" reply", rep.Message.Text(), "your "+thumb, "recorded")
		}
		votes, _ := feedback.kept()
		var mine []bot.Vote
		for _, v := range votes {
			if v.UserID == voter {
				mine = append(mine, v)
			}
		}
		if len(mine) != 2 || !mine[0].Up || mine[1].Up {
			t.Fatalf("kept %+v; want 👍 then 👎 from the voter", mine)
		}
		for _, v := range mine {
			if v.Ref != eng.answer.Ref || v.Question != "When will the harbour reopen?" || v.GuildID != discordtest.GuildID {
				t.Errorf("vote %+v; want the answer's ref %q, its question and the guild", v, eng.answer.Ref)
			}
		}
	})

	t.Run("closest passages", func(t *testing.T) {
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "closest: how deep is the harbour?")))
		noPings(t, rep.Message)
		e := embed(t, rep.Message)
		if e.Description != "Not answered directly. Closest passages in the briefing:" {
			t.Errorf("description %q; want it to say first that the question is not answered", e.Description)
		}
		if e.Author != nil {
			t.Errorf("author line %q: closest passages shown as an answer", e.Author.Name)
		}
		if len(e.Fields) != 2 {
			t.Fatalf("%d fields; want one per closest passage: %s", len(e.Fields), rep.Message.Raw)
		}
		contains(t, "first passage", e.Fields[0].Name+" "+e.Fields[0].Value, "narration", "Repairs began last week.", "Outlook")
		contains(t, "second passage", e.Fields[1].Name+" "+e.Fields[1].Value, "Ana Costa, the port's director", "on schedule")
		for _, label := range []string{"More answers", "Full paragraph"} {
			if _, ok := rep.Message.Button(label); ok {
				t.Errorf("a declined question offers %q", label)
			}
		}
		full := h.click(t, rep, "Show passage 1")
		if !full.Ephemeral {
			t.Error("the passage in full is not ephemeral")
		}
		contains(t, "passage in full", full.Message.Text(), eng.paragraph.Text)
		if _, ok := rep.Message.Button("Show passage 2"); !ok {
			t.Error("no button for the second passage")
		}
	})

	t.Run("more answers button", func(t *testing.T) {
		rep := h.click(t, answer, "More answers")
		if !rep.Ephemeral || rep.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Errorf("type %d ephemeral %v; want a new ephemeral message", rep.Type, rep.Ephemeral)
		}
		contains(t, "more answers", rep.Message.Text(), eng.answer.More[0].Passage, eng.answer.More[1].Passage)
	})

	t.Run("full paragraph button", func(t *testing.T) {
		rep := h.click(t, answer, "Full paragraph")
		contains(t, "paragraph", rep.Message.Text(), eng.paragraph.Text)
		if !rep.Ephemeral {
			t.Error("full paragraph is not ephemeral")
		}
	})

	t.Run("timeline pagination", func(t *testing.T) {
		page1 := h.ask(t, fake.Command("timeline"))
		noPings(t, page1.Message)
		contains(t, "page 1", page1.Message.Text(), eng.events[0].Text[:40], "Page 1 of 4")
		if b, ok := page1.Message.Button("Previous"); ok && !b.Disabled {
			t.Error("Previous is enabled on page 1")
		}
		page2 := h.click(t, page1, "Next")
		if page2.Type != discordgo.InteractionResponseUpdateMessage && page2.Type != discordgo.InteractionResponseDeferredMessageUpdate {
			t.Errorf("Next: response type %d; want the message updated", page2.Type)
		}
		if page2.Message.ID != page1.Message.ID {
			t.Errorf("Next posted message %s; want %s updated", page2.Message.ID, page1.Message.ID)
		}
		contains(t, "page 2", page2.Message.Text(), eng.events[10].Text[:40], "Page 2 of 4")
		back := h.click(t, page2, "Previous")
		contains(t, "page 1 again", back.Message.Text(), "Page 1 of 4")
	})

	t.Run("timeline filter", func(t *testing.T) {
		rep := h.ask(t, fake.Command("timeline", discordtest.Str("topic", "storm"), discordtest.Int("from", 2020), discordtest.Int("to", 2024)))
		contains(t, "filtered timeline", rep.Message.Text(), "storm")
		if f := eng.lastFilter(); f.Topic != "storm" || f.From != 2020 || f.To != 2024 {
			t.Errorf("engine got filter %+v", f)
		}
	})

	t.Run("sources", func(t *testing.T) {
		rep := h.ask(t, fake.Command("sources"))
		contains(t, "sources", rep.Message.Text(), "Ana Costa", "the port's director", "Page 1 of")
		page2 := h.click(t, rep, "Next")
		contains(t, "sources page 2", page2.Message.Text(), "Page 2 of")
	})

	t.Run("sources autocomplete", func(t *testing.T) {
		tests := []struct {
			typed string
			first string
		}{
			{"ana costa", "Ana Costa"},
			{"port", "Port Authority"},
			{"", ""},
		}
		for _, tt := range tests {
			rep := h.ask(t, fake.Autocomplete("sources", discordtest.Focused(discordtest.Str("name", tt.typed))))
			if rep.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("%q: response type %d; want 8", tt.typed, rep.Type)
			}
			if len(rep.Message.Choices) == 0 || len(rep.Message.Choices) > 25 {
				t.Fatalf("%q: %d choices; want 1-25", tt.typed, len(rep.Message.Choices))
			}
			if tt.first != "" && rep.Message.Choices[0].Name != tt.first {
				t.Errorf("%q: first choice %q; want %q", tt.typed, rep.Message.Choices[0].Name, tt.first)
			}
		}
	})

	t.Run("sources name", func(t *testing.T) {
		rep := h.ask(t, fake.Command("sources", discordtest.Str("name", "Ana Costa")))
		contains(t, "what Ana Costa said", rep.Message.Text(), "Ana Costa", "on budget")
	})

	t.Run("quote with autocomplete", func(t *testing.T) {
		ac := h.ask(t, fake.Autocomplete("quote", discordtest.Focused(discordtest.Str("speaker", "ana"))))
		if len(ac.Message.Choices) == 0 {
			t.Fatal("no speaker choices")
		}
		speaker, _ := ac.Message.Choices[0].Value.(string)
		rep := h.ask(t, fake.Command("quote", discordtest.Str("speaker", speaker)))
		text := rep.Message.Text()
		contains(t, "quotes", text, "The harbour will reopen in May")
		if strings.Contains(text, "on budget") {
			t.Error("/quote shows a statement that is not a direct quote")
		}
	})

	t.Run("unknown source", func(t *testing.T) {
		rep := h.ask(t, fake.Command("quote", discordtest.Str("speaker", "Nobody Known")))
		if !rep.Ephemeral {
			t.Error("unknown speaker reply is not ephemeral")
		}
	})

	t.Run("about and help", func(t *testing.T) {
		about := h.ask(t, fake.Command("about"))
		contains(t, "about", about.Message.Text(), "Harbour repairs", "Example News", "2024-03-23")
		help := h.ask(t, fake.Command("help"))
		contains(t, "help", help.Message.Text(), "/ask", "/timeline", "/sources", "/quote")
		if !help.Ephemeral {
			t.Error("help is not ephemeral")
		}
	})

	t.Run("DM command", func(t *testing.T) {
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")).By(fake.NewID(), "dm-user").InDM())
		contains(t, "DM answer", embed(t, rep.Message).Description, "reopen in May")
	})

	t.Run("mention and DM replies", func(t *testing.T) {
		tests := []struct {
			name string
			m    *discordtest.MessageEvent
		}{
			{"mention", fake.Mention("when will the harbour reopen? @everyone")},
			{"nick mention", fake.Plain("<@!" + discordtest.BotUserID + "> when will the harbour reopen?")},
			{"DM", fake.DirectMessage("when will the harbour reopen?")},
		}
		tests[1].m.Mentions = []string{discordtest.BotUserID}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.m.AuthorID = fake.NewID()
				if err := fake.DispatchMessage(tt.m); err != nil {
					t.Fatal(err)
				}
				msg, req, err := fake.WaitMessageReply(testContext(t), tt.m)
				if err != nil {
					t.Fatal(err)
				}
				if req.Params["channel"] != tt.m.ChannelID {
					t.Errorf("replied in channel %s; want %s", req.Params["channel"], tt.m.ChannelID)
				}
				if msg.Reference == nil || msg.Reference.MessageID != tt.m.ID {
					t.Errorf("reply does not reference the question: %+v", msg.Reference)
				}
				noPings(t, msg)
				contains(t, "reply", msg.Text(), "reopen in May", "Ana Costa")
			})
		}
	})

	t.Run("follow-ups by reply", func(t *testing.T) {
		// The answer went out as an interaction response; readers reply to
		// it as to any message. The bot reads the answer's ref from the
		// replied-to message that Discord sends along.
		tests := []struct {
			name string
			m    *discordtest.MessageEvent
			want string // the question FollowUp gets
		}{
			{"reply", fake.Reply(answer.Message, "What else did she say?"), "What else did she say?"},
			{"mention in a reply", fake.Reply(answer.Message, "<@"+discordtest.BotUserID+"> When was that?"), "When was that?"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.m.AuthorID = fake.NewID()
				if err := fake.DispatchMessage(tt.m); err != nil {
					t.Fatal(err)
				}
				msg, _, err := fake.WaitMessageReply(testContext(t), tt.m)
				if err != nil {
					t.Fatal(err)
				}
				if got := eng.lastFollowUp(); got != [2]string{eng.answer.Ref, tt.want} {
					t.Errorf("FollowUp got %q; want the answer's ref %q and %q", got, eng.answer.Ref, tt.want)
				}
				noPings(t, msg)
				contains(t, "follow-up reply", msg.Content, "Follow-up: following up "+eng.answer.Ref)
				if e := embed(t, msg); e.Title != tt.want {
					t.Errorf("title %q; want the follow-up question", e.Title)
				}
				if b, ok := msg.Button("More answers"); !ok || b.CustomID != "v1:more:"+eng.answer.Ref {
					t.Errorf("More answers %+v; want it to carry the ref followed up", b)
				}
			})
		}
		t.Run("reply without a ping arrives empty and is ignored", func(t *testing.T) {
			m := fake.Reply(answer.Message, "Why?").NoPing()
			m.AuthorID = fake.NewID()
			if err := fake.DispatchMessage(m); err != nil {
				t.Fatal(err)
			}
			// A question after it: once that is answered, the reply has been
			// handled too.
			last := fake.Mention("when will the harbour reopen?")
			last.AuthorID = m.AuthorID
			if err := fake.DispatchMessage(last); err != nil {
				t.Fatal(err)
			}
			if _, _, err := fake.WaitMessageReply(testContext(t), last); err != nil {
				t.Fatal(err)
			}
			time.Sleep(100 * time.Millisecond)
			if got := fake.RequestsFor(discordtest.ReplyTo(m.ID)); len(got) > 0 {
				t.Errorf("answered an empty reply: %s", got[0].Body)
			}
		})
		t.Run("another instance answers it", func(t *testing.T) {
			// A second bot, with its own Discord connection and no memory of
			// the answer, gets a reply to it.
			other := newStubEngine()
			h2 := start(t, other.engine(), bot.Options{GuildID: discordtest.GuildID})
			m := h2.fake.Reply(answer.Message, "What else did she say?")
			if err := h2.fake.DispatchMessage(m); err != nil {
				t.Fatal(err)
			}
			if _, _, err := h2.fake.WaitMessageReply(testContext(t), m); err != nil {
				t.Fatal(err)
			}
			if got := other.lastFollowUp(); got != [2]string{eng.answer.Ref, "What else did she say?"} {
				t.Errorf("the other instance's FollowUp got %q; want the answer's ref", got)
			}
		})
	})

	t.Run("ignores itself and other bots", func(t *testing.T) {
		ignored := []*discordtest.MessageEvent{
			fake.Mention("when will the harbour reopen?").FromSelf(),
			fake.Mention("when will the harbour reopen?").FromBot(),
			fake.DirectMessage("when will the harbour reopen?").FromBot(),
			fake.Plain("when will the harbour reopen?"), // no mention
		}
		for _, m := range ignored {
			if err := fake.DispatchMessage(m); err != nil {
				t.Fatal(err)
			}
		}
		// A question after them: once it is answered, the earlier ones have
		// been handled too (give their goroutines a moment more).
		last := fake.Mention("when will the harbour reopen?")
		last.AuthorID = fake.NewID()
		if err := fake.DispatchMessage(last); err != nil {
			t.Fatal(err)
		}
		if _, _, err := fake.WaitMessageReply(testContext(t), last); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		for _, m := range ignored {
			if got := fake.RequestsFor(discordtest.ReplyTo(m.ID)); len(got) > 0 {
				t.Errorf("replied to %q from %s (bot %v)", m.Content, m.AuthorID, m.AuthorBot)
			}
		}
	})

	t.Run("limits", func(t *testing.T) {
		// The engine's text overflows every limit; the fake refuses any
		// message over a limit, so a reply at all means it was clamped.
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "long: "+strings.Repeat("why ", 70))))
		if n := len([]rune(embed(t, rep.Message).Description)); n > 4096 || n < 1000 {
			t.Errorf("description of %d characters; want it cut to at most 4096", n)
		}
		ac := h.ask(t, fake.Autocomplete("sources", discordtest.Focused(discordtest.Str("name", "a"))))
		if len(ac.Message.Choices) != 25 {
			t.Errorf("%d choices for 41 candidates; want 25", len(ac.Message.Choices))
		}
		for _, c := range ac.Message.Choices {
			if len([]rune(c.Name)) > 100 {
				t.Errorf("choice name of %d characters", len([]rune(c.Name)))
			}
		}
		said := h.ask(t, fake.Command("sources", discordtest.Str("name", eng.sources[len(eng.sources)-1].Name)))
		for _, b := range said.Message.Buttons() {
			if len(b.CustomID) > 100 {
				t.Errorf("custom_id of %d characters", len(b.CustomID))
			}
		}
		if v := fake.Violations(); len(v) > 0 {
			t.Errorf("limits broken: %q", v)
		}
	})

	t.Run("malformed interactions", func(t *testing.T) {
		raw := func(kind int, data string) *discordtest.Interaction {
			in := fake.Command("ask")
			in.By(fake.NewID(), "mallory")
			in.Raw = []byte(fmt.Sprintf(`{"id":%q,"application_id":%q,"type":%d,"token":%q,"version":1,"guild_id":%q,"channel_id":%q,"member":{"user":{"id":%q,"username":"mallory"},"roles":[]},"data":%s}`,
				in.ID, in.ApplicationID, kind, in.Token, in.GuildID, in.ChannelID, in.UserID, data))
			return in
		}
		tests := []struct {
			name string
			in   *discordtest.Interaction
		}{
			{"unknown command", fake.Command("nosuch")},
			{"question of the wrong type", fake.Command("ask", discordtest.Opt{Name: "question", Type: discordgo.ApplicationCommandOptionInteger, Value: 42})},
			{"no question", fake.Command("ask")},
			{"year of the wrong type", fake.Command("timeline", discordtest.Str("from", "last year"))},
			{"data not an object", raw(2, `"garbage"`)},
			{"data missing", raw(2, `null`)},
			{"options not a list", raw(2, `{"id":"1","name":"ask","type":1,"options":"question"}`)},
			{"unknown button", fake.Button("garbage:custom:id", answer.Message)},
			{"stale version button", fake.Button("v0:more", answer.Message)},
			{"more answers without a question", fake.Button("v1:more", nil)},
			{"paragraph that is gone", fake.Button("v1:para:no-such-ref", answer.Message)},
			{"engine panics", fake.Command("ask", discordtest.Str("question", "panic: now"))},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rep := h.ask(t, tt.in)
				if !rep.Ephemeral {
					t.Errorf("reply type %d is not ephemeral: %s", rep.Type, rep.Message.Raw)
				}
				if strings.TrimSpace(rep.Message.Text()) == "" {
					t.Error("empty error message")
				}
			})
		}
		// The bot survived all of them.
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")))
		contains(t, "answer after faults", embed(t, rep.Message).Description, "reopen in May")
	})

	t.Run("per-user rate limit", func(t *testing.T) {
		user := fake.NewID()
		var last *discordtest.Reply
		for range 6 {
			last = h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")).By(user, "eager"))
		}
		if !last.Ephemeral || len(last.Message.Embeds) > 0 {
			t.Errorf("6th question in a burst: %s; want an ephemeral refusal", last.Message.Raw)
		}
		contains(t, "refusal", last.Message.Content, "You can ask again <t:")
		// What is not a question is still answered.
		for _, in := range []*discordtest.Interaction{
			fake.Command("help"), fake.Command("about"),
			fake.Autocomplete("quote", discordtest.Focused(discordtest.Str("speaker", "ana"))),
		} {
			if rep := h.ask(t, in.By(user, "eager")); strings.Contains(rep.Message.Text(), "asking quickly") {
				t.Errorf("/%s refused by the question limit", rep.Message.Raw)
			}
		}
	})

	t.Run("429 on the callback", func(t *testing.T) {
		fake.RateLimitCallbacks(1, 200*time.Millisecond)
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")))
		if rep.Attempts != 2 {
			t.Errorf("%d callback attempts; want 2 (one refused with 429)", rep.Attempts)
		}
		if rep.Latency < 200*time.Millisecond {
			t.Errorf("answered after %v; the retry should wait retry_after (200ms)", rep.Latency)
		}
		contains(t, "answer after 429", embed(t, rep.Message).Description, "reopen in May")
	})

	t.Run("slow engine defers then edits", func(t *testing.T) {
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "slow: when?")))
		if rep.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Fatalf("response type %d; want 5 (deferred) for a 2 s answer", rep.Type)
		}
		if rep.Latency > 2500*time.Millisecond {
			t.Errorf("deferred after %v; want well within 3 s", rep.Latency)
		}
		if rep.Final.Route != discordtest.RouteOriginalEdit {
			t.Errorf("delivered by %s; want the edit of the original", rep.Final.Route)
		}
		noPings(t, rep.Message)
		contains(t, "edited answer", embed(t, rep.Message).Description, "reopen in May")
	})

	t.Run("resume after a dropped socket", func(t *testing.T) {
		if n := fake.DropConnection(-1); n != 1 {
			t.Fatalf("dropped %d sockets; want 1", n)
		}
		// A mention sent while the socket is down reaches the bot when it
		// resumes, and is answered. (Not an interaction: its 3 s could run
		// out while discordgo reconnects.)
		m := fake.Mention("when will the harbour reopen?")
		m.AuthorID = fake.NewID()
		if err := fake.DispatchMessage(m); err != nil {
			t.Fatal(err)
		}
		ctx := testContext(t)
		if err := fake.WaitResumes(ctx, 1); err != nil {
			t.Fatal(err)
		}
		msg, _, err := fake.WaitMessageReply(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		contains(t, "reply after resume", msg.Text(), "reopen in May")
		if fake.Identifies() != 1 {
			t.Errorf("%d identifies; want 1 (the session resumed)", fake.Identifies())
		}
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "When will the harbour reopen?")))
		contains(t, "answer after resume", embed(t, rep.Message).Description, "reopen in May")
	})

	t.Run("clean shutdown", func(t *testing.T) {
		took := h.shutdown(t)
		t.Logf("Run returned %v after cancel", took)
		if codes := fake.ClientCloseCodes(); !slices.Contains(codes, 1000) {
			t.Errorf("client close codes %v; want a normal close (1000)", codes)
		}
		deletes := fake.RequestsFor(func(r discordtest.Request) bool { return r.Method == "DELETE" })
		if len(deletes) > 0 {
			t.Errorf("the bot deleted things on exit: %v", deletes[0].Path)
		}
	})
}

func TestE2ERefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		opts  bot.Options
		fake  []discordtest.Option
		want  error
		route string // a REST call the failure should come from, if any
	}{
		{"token rejected by the gateway (4004)", bot.Options{ShardCount: 1}, []discordtest.Option{discordtest.RejectToken()}, bot.ErrTokenRejected, ""},
		{"token rejected by REST (401)", bot.Options{}, []discordtest.Option{discordtest.Token("another")}, bot.ErrTokenRejected, discordtest.RouteGatewayBot},
		{"intents refused (4014)", bot.Options{ShardCount: 1}, []discordtest.Option{discordtest.RefuseIntents(discordgo.IntentsGuildMessages)}, bot.ErrIntentsRefused, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := launch(t, newStubEngine().engine(), tt.opts, tt.fake...)
			err := h.waitErr(t, 10*time.Second)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Run = %v; want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("the error shows the token: %v", err)
			}
			if tt.route != "" && len(h.fake.RequestsFor(func(r discordtest.Request) bool { return r.Route == tt.route && r.Status == 401 })) == 0 {
				t.Errorf("no 401 on %s", tt.route)
			}
			if strings.Contains(h.logs.String(), testToken) {
				t.Errorf("the log shows the token")
			}
			h.err = nil // checked; shutdown need not report it again
		})
	}
}

// TestE2ETokenRevoked revokes the token while the bot runs: the gateway
// closes with 4004 and refuses the reconnect. Run must stop within 10 s with
// the same error as a token rejected at start, instead of reconnecting
// forever as discordgo would.
func TestE2ETokenRevoked(t *testing.T) {
	t.Parallel()
	h := start(t, newStubEngine().engine(), bot.Options{GuildID: discordtest.GuildID}, discordtest.Shards(2), discordtest.MaxConcurrency(2))
	if err := h.fake.WaitReady(testContext(t), 2); err != nil {
		t.Fatal(err)
	}
	identifies := h.fake.Identifies()
	begin := time.Now()
	if n := h.fake.RevokeToken(); n != 2 {
		t.Fatalf("revoking closed %d connections; want both shards'", n)
	}
	err := h.waitErr(t, 10*time.Second)
	t.Logf("Run returned %v after the revocation: %v", time.Since(begin).Round(time.Millisecond), err)
	if !errors.Is(err, bot.ErrTokenRejected) {
		t.Fatalf("Run = %v; want ErrTokenRejected", err)
	}
	if !strings.HasPrefix(err.Error(), bot.ErrTokenRejected.Error()) {
		t.Errorf("error %q; want it to begin with the message of a token rejected at start", err)
	}
	if strings.Contains(err.Error(), testToken) || strings.Contains(h.logs.String(), testToken) {
		t.Error("the error or the log shows the token")
	}
	// It tried to come back (and was refused), then stopped trying.
	if !strings.Contains(err.Error(), "reconnect gateway") {
		t.Errorf("error %q; want it to say the reconnect was refused", err)
	}
	time.Sleep(1500 * time.Millisecond)
	if n := h.fake.Connections(); n > 0 || h.fake.Identifies() != identifies {
		t.Errorf("%d connections, %d identifies (%d before) 1.5 s after Run returned; want none left and no new session", n, h.fake.Identifies(), identifies)
	}
	h.err = nil // checked; shutdown need not report it again
}

// TestE2EShards runs with ShardCount 0: the bot asks /gateway/bot (2
// shards), identifies both, and answers on each; DMs reach shard 0 only.
func TestE2EShards(t *testing.T) {
	t.Parallel()
	onShard1 := discordtest.GuildOnShard(1, 2)
	h := start(t, newStubEngine().engine(), bot.Options{GuildID: discordtest.GuildID},
		discordtest.Shards(2), discordtest.MaxConcurrency(2), discordtest.Guilds(discordtest.GuildID, onShard1))
	fake := h.fake
	if err := fake.WaitReady(testContext(t), 2); err != nil {
		t.Fatal(err)
	}
	var shards [][2]int
	for _, id := range fake.IdentifyPayloads() {
		shards = append(shards, id.Shard)
	}
	slices.SortFunc(shards, func(a, b [2]int) int { return a[0] - b[0] })
	if want := [][2]int{{0, 2}, {1, 2}}; !slices.Equal(shards, want) {
		t.Fatalf("identified shards %v; want %v", shards, want)
	}
	tests := []struct {
		name string
		in   *discordtest.Interaction
	}{
		{"guild on shard 0", fake.Command("about")},
		{"guild on shard 1", fake.Command("about").InGuild(onShard1)},
		{"DM (shard 0)", fake.Command("about").InDM()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			contains(t, "about", h.ask(t, tt.in).Message.Text(), "Harbour repairs")
		})
	}
	t.Run("DM message", func(t *testing.T) {
		m := fake.DirectMessage("when will the harbour reopen?")
		if err := fake.DispatchMessage(m); err != nil {
			t.Fatal(err)
		}
		if _, _, err := fake.WaitMessageReply(testContext(t), m); err != nil {
			t.Fatal(err)
		}
	})
}

// TestE2ENoGatewayBot starts against a server without GET /gateway/bot (a
// REST proxy or a minimal fake): the bot runs one shard and answers.
func TestE2ENoGatewayBot(t *testing.T) {
	t.Parallel()
	h := start(t, newStubEngine().engine(), bot.Options{GuildID: discordtest.GuildID}, discordtest.NoGatewayBot())
	if got := len(h.fake.IdentifyPayloads()); got != 1 {
		t.Fatalf("%d IDENTIFYs; want 1 (one shard)", got)
	}
	contains(t, "about", h.ask(t, h.fake.Command("about")).Message.Text(), "Harbour repairs")
}

// seedEngine is the real engine over the seed briefing.
func seedEngine(tb testing.TB) *qa.Engine {
	tb.Helper()
	data, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		tb.Fatal(err)
	}
	b, err := knowledge.Parse("seed.txt", data)
	if err != nil {
		tb.Fatalf("parse the seed briefing: %v", err)
	}
	return qa.New(b)
}

// TestE2EAnswers checks answer content with the real engine over the seed
// briefing (testdata/seed.txt, a copy of the embedded default).
func TestE2EAnswers(t *testing.T) {
	t.Parallel()
	seed := seedEngine(t)
	h := start(t, bot.Both(seed), bot.Options{GuildID: discordtest.GuildID})
	fake := h.fake

	asks := []struct {
		q       string
		passage string
		speaker string // "" for narration
	}{
		{"What did Colin Clarke say?", "fixated on Russia", "Colin Clarke"},
		{"What did Adrienne Watson say?", "bears sole responsibility", "Adrienne Watson"},
		{"When did ISIS-K membership peak?", "about 2018", ""},
		{"What is Islamic State Khorasan named after?", "old term for the region", ""},
	}
	t.Run("closest passages from the real engine", func(t *testing.T) {
		// The seed names no leader of the group: declined, with the
		// nearest passages shown as such and their speakers named.
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "Who leads ISIS-K?")))
		e := embed(t, rep.Message)
		if e.Description != "Not answered directly. Closest passages in the briefing:" || e.Author != nil {
			t.Fatalf("declined reply %q (author %v); want the closest passages, not an answer", e.Description, e.Author)
		}
		passages, named := 0, false
		for _, f := range e.Fields {
			if f.Name != "" && f.Name[0] >= '1' && f.Name[0] <= '9' { // "1. Name, role"
				passages++
				named = named || strings.Contains(f.Name, "Michael Kurilla") || strings.Contains(f.Name, "Michael Kugelman")
			}
		}
		if passages == 0 || passages > 3 {
			t.Fatalf("%d closest passages; want one to three", passages)
		}
		if !named {
			t.Errorf("closest passages %+v; want their speakers named", e.Fields)
		}
		if _, ok := rep.Message.Button("Show passage 1"); !ok {
			t.Error("no button to show the first closest passage in full")
		}
	})

	var clarke *discordtest.Reply
	for _, tt := range asks {
		t.Run("ask "+tt.q, func(t *testing.T) {
			rep := h.ask(t, fake.Command("ask", discordtest.Str("question", tt.q)))
			e := embed(t, rep.Message)
			contains(t, "passage", e.Description, tt.passage)
			if e.Author == nil {
				t.Fatal("no author line")
			}
			if tt.speaker != "" {
				contains(t, "author", e.Author.Name, tt.speaker)
			} else if !strings.Contains(strings.ToLower(e.Author.Name), "narration") {
				t.Errorf("author %q; want narration (the briefing speaks for itself)", e.Author.Name)
			}
			if e.Footer == nil || !strings.Contains(e.Footer.Text, "ISIS-K") {
				t.Errorf("footer %+v; want the briefing's title", e.Footer)
			}
			if tt.speaker == "Colin Clarke" {
				clarke = rep
			}
		})
	}

	t.Run("unanswerable", func(t *testing.T) {
		rep := h.ask(t, fake.Command("ask", discordtest.Str("question", "What is the capital of France?")))
		contains(t, "reply", rep.Message.Text(), "don't answer")
	})

	t.Run("buttons", func(t *testing.T) {
		if clarke == nil {
			t.Skip("no Colin Clarke answer")
		}
		para := h.click(t, clarke, "Full paragraph")
		contains(t, "full paragraph", para.Message.Text(), "fixated on Russia")
		more := h.click(t, clarke, "More answers")
		if strings.TrimSpace(more.Message.Text()) == "" {
			t.Error("More answers is empty")
		}
	})

	t.Run("mention", func(t *testing.T) {
		m := fake.Mention("What did Colin Clarke say?")
		if err := fake.DispatchMessage(m); err != nil {
			t.Fatal(err)
		}
		msg, _, err := fake.WaitMessageReply(testContext(t), m)
		if err != nil {
			t.Fatal(err)
		}
		contains(t, "mention reply", msg.Text(), "fixated on Russia", "Colin Clarke")
	})

	t.Run("follow-up", func(t *testing.T) {
		// The real engine's FollowUp, reached through a reply to an /ask
		// answer: the reply shows what it made of the follow-up (its why)
		// and its answer or decline, exactly as calling it directly gives.
		byman := h.ask(t, fake.Command("ask", discordtest.Str("question", "What did Daniel Byman say?")))
		up, ok := byman.Message.Button("👍")
		if !ok {
			t.Fatalf("no 👍 on the answer: %s", byman.Message.Raw)
		}
		ref := strings.TrimPrefix(up.CustomID, "v1:up:")
		for _, q := range []string{"What else did he say?", "When was that?", "Why?"} {
			t.Run(q, func(t *testing.T) {
				want := seed.FollowUp(ref, q)
				m := fake.Reply(byman.Message, q)
				m.AuthorID = fake.NewID()
				if err := fake.DispatchMessage(m); err != nil {
					t.Fatal(err)
				}
				msg, _, err := fake.WaitMessageReply(testContext(t), m)
				if err != nil {
					t.Fatal(err)
				}
				first, _, _ := strings.Cut(want.Why, "; ")
				contains(t, "how the follow-up was read", msg.Content, "Follow-up: ", first)
				e := embed(t, msg)
				if want.Answered {
					if e.Description != want.Passage {
						t.Errorf("passage %q; want FollowUp's %q", e.Description, want.Passage)
					}
				} else if e.Author != nil {
					t.Errorf("a declined follow-up shows %q as an answer", e.Author.Name)
				}
			})
		}
	})

	t.Run("timeline", func(t *testing.T) {
		rep := h.ask(t, fake.Command("timeline"))
		contains(t, "timeline", rep.Message.Text(), "2024", "2018")
	})

	t.Run("sources and autocomplete", func(t *testing.T) {
		rep := h.ask(t, fake.Command("sources"))
		contains(t, "sources", rep.Message.Text(), "Colin Clarke")
		ac := h.ask(t, fake.Autocomplete("sources", discordtest.Focused(discordtest.Str("name", "clarke"))))
		if len(ac.Message.Choices) == 0 || ac.Message.Choices[0].Name != "Colin Clarke" {
			t.Fatalf("choices for %q: %s", "clarke", ac.Message.Raw)
		}
		said := h.ask(t, fake.Command("sources", discordtest.Str("name", "Colin Clarke")))
		contains(t, "what Clarke said", said.Message.Text(), "Colin Clarke")
	})

	t.Run("quote", func(t *testing.T) {
		ac := h.ask(t, fake.Autocomplete("quote", discordtest.Focused(discordtest.Str("speaker", "Clar"))))
		if len(ac.Message.Choices) == 0 {
			t.Fatal("no speakers offered")
		}
		rep := h.ask(t, fake.Command("quote", discordtest.Str("speaker", "Colin Clarke")))
		contains(t, "quote", rep.Message.Text(), "fixated on Russia")
	})

	t.Run("about", func(t *testing.T) {
		rep := h.ask(t, fake.Command("about"))
		contains(t, "about", rep.Message.Text(), "CBC News", "2024-03-23")
	})
}
