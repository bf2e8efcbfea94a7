package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/store/storetest"
)

// Guilds of the Discord tests: the bot's own (discordtest.GuildID) and
// another server it is in.
const otherGuild = "1190000000000009000"

// ferry is the fictional briefing the Discord tests add, and what they ask
// of it.
const (
	ferryTitle    = "Harbour ferry resumes after repairs"
	ferryQuestion = "What did Mara Lind say?"
)

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// interact dispatches in to r's fake Discord and waits for the bot's
// complete answer.
func (r *botRun) interact(t *testing.T, in *discordtest.Interaction) *discordtest.Reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := r.fake.DispatchInteraction(in); err != nil {
		t.Fatal(err)
	}
	rep, err := r.fake.WaitReply(ctx, in)
	if err != nil {
		t.Fatalf("reply to %s: %v\n%s", in.ID, err, r.logs)
	}
	return rep
}

// ask asks q with /ask in guild ("" is a DM), as a new user each time so
// that the rate limit stays out of the way.
func (r *botRun) ask(t *testing.T, guild, q string, opts ...discordtest.Opt) *discordtest.Reply {
	t.Helper()
	in := r.fake.Command("ask", append([]discordtest.Opt{discordtest.Str("question", q)}, opts...)...).By(r.fake.NewID(), "reader")
	if guild == "" {
		in.InDM()
	} else {
		in.InGuild(guild)
	}
	return r.interact(t, in)
}

// briefing runs /briefing sub in the bot's guild, as a member with Manage
// Server.
func (r *botRun) briefing(t *testing.T, sub string, opts ...discordtest.Opt) *discordtest.Reply {
	t.Helper()
	return r.interact(t, r.fake.Command("briefing", discordtest.Sub(sub, opts...)).WithPermissions(discordgo.PermissionManageGuild))
}

// stop ends the program and waits for it, leaving its result for the
// cleanup.
func (r *botRun) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err
	case <-time.After(5 * time.Second):
		t.Fatal("run did not stop within 5 s")
	}
}

// answeredFrom reports whether the reply answers from the briefing titled
// title: the footer of an answer names its briefing.
func answeredFrom(rep *discordtest.Reply, title string) bool {
	m := rep.Message
	return len(m.Embeds) > 0 && m.Embeds[0].Footer != nil && strings.HasPrefix(m.Embeds[0].Footer.Text, title) &&
		m.Embeds[0].Description != "" && !strings.HasPrefix(m.Embeds[0].Description, "Not answered")
}

// TestDiscordLibrary drives the whole program through a fake Discord: a
// member with Manage Server adds a briefing as a file, the guild's
// questions are answered from it while another guild's and DMs are not,
// /briefing list shows it and /briefing remove takes it out; members
// without the permission, DMs and bad input are refused, and nothing is
// stored then.
func TestDiscordLibrary(t *testing.T) {
	metrics := freeAddr(t)
	r := startBot(t, map[string]string{"METRICS_ADDR": metrics}, discordtest.Guilds(discordtest.GuildID, otherGuild))
	commands, _ := r.fake.Commands(discordtest.GuildID)
	var registered []string
	for _, c := range commands {
		registered = append(registered, c.Name)
	}
	if !strings.Contains(strings.Join(registered, " "), "briefing") {
		t.Fatalf("registered %v, want /briefing among them", registered)
	}
	if answeredFrom(r.ask(t, discordtest.GuildID, ferryQuestion), ferryTitle) {
		t.Fatal("answered from the ferry briefing before it was added")
	}

	att := r.fake.Upload("ferry.txt", "text/plain; charset=utf-8", readTestdata(t, "ferry.txt"))
	t.Run("refused without Manage Server", func(t *testing.T) {
		rep := r.interact(t, r.fake.Command("briefing", discordtest.Sub("add", discordtest.File("file", att))))
		if !rep.Ephemeral || !strings.Contains(rep.Message.Content, "Manage Server") {
			t.Errorf("reply = %q (ephemeral %v), want an ephemeral refusal naming Manage Server", rep.Message.Content, rep.Ephemeral)
		}
		dm := r.interact(t, r.fake.Command("briefing", discordtest.Sub("list")).InDM())
		if !dm.Ephemeral || !strings.Contains(dm.Message.Content, "works in a server") {
			t.Errorf("/briefing in a DM = %q, want an ephemeral refusal", dm.Message.Content)
		}
		if n := r.fake.Downloads(att.ID); n != 0 {
			t.Errorf("the attachment was downloaded %d times for a refused add", n)
		}
	})

	var id string
	t.Run("add a file", func(t *testing.T) {
		rep := r.briefing(t, "add", discordtest.File("file", att))
		if rep.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !rep.Ephemeral {
			t.Errorf("/briefing add answered with type %d (ephemeral %v), want an ephemeral deferral", rep.Type, rep.Ephemeral)
		}
		text := rep.Message.Text()
		for _, want := range []string{"Added: " + ferryTitle, "The Example Courier", "2025-06-12", "Passages", "Quotes", "Sources", "Dated events", "port authority", "Mara Lind"} {
			if !strings.Contains(text, want) {
				t.Errorf("preview lacks %q:\n%s", want, text)
			}
		}
		if n := r.fake.Downloads(att.ID); n != 1 {
			t.Errorf("the attachment was downloaded %d times, want once", n)
		}
		foot := rep.Message.Embeds[0].Footer.Text
		if f := strings.Fields(foot); len(f) > 1 && f[0] == "Briefing" {
			id = f[1]
		}
		if id == "" || strings.Contains(r.logs.String(), "hm=") {
			t.Errorf("footer %q names no ID, or the log holds the attachment's signed query", foot)
		}
	})

	t.Run("the guild sees it, others do not", func(t *testing.T) {
		if rep := r.ask(t, discordtest.GuildID, ferryQuestion); !answeredFrom(rep, ferryTitle) || !strings.Contains(rep.Message.Text(), "Mara Lind") {
			t.Errorf("/ask in the guild = %q, want Mara Lind's words from the ferry briefing", rep.Message.Text())
		}
		if rep := r.ask(t, otherGuild, ferryQuestion); answeredFrom(rep, ferryTitle) {
			t.Error("another guild was answered from the ferry briefing")
		}
		if rep := r.ask(t, "", ferryQuestion); answeredFrom(rep, ferryTitle) {
			t.Error("a DM was answered from the ferry briefing")
		}
		// The catalogue commands see the same: the guild's and the global briefings.
		in := r.fake.Command("sources", discordtest.Str("name", "Mara Lind"))
		if got := r.interact(t, in).Message.Text(); !strings.Contains(got, "glad to have the boats running") {
			t.Errorf("/sources name:Mara Lind in the guild = %q", got)
		}
		in = r.fake.Command("quote", discordtest.Str("speaker", "Mara Lind")).InGuild(otherGuild)
		if got := r.interact(t, in).Message.Text(); !strings.Contains(got, "can't find anyone") {
			t.Errorf("/quote speaker:Mara Lind in another guild = %q, want no such speaker", got)
		}
		in = r.fake.Command("timeline", discordtest.Str("topic", "ferry")).InDM()
		if got := r.interact(t, in).Message.Text(); strings.Contains(got, "ferry returned") {
			t.Errorf("/timeline in a DM shows the guild's briefing: %q", got)
		}
		in = r.fake.Command("about")
		if got := r.interact(t, in).Message.Text(); !strings.Contains(got, ferryTitle) || !strings.Contains(got, "The threat of ISIS-K") {
			t.Errorf("/about in the guild = %q, want the global and the guild's briefing", got)
		}
	})

	t.Run("ask one briefing", func(t *testing.T) {
		ac := r.fake.Autocomplete("ask", discordtest.Str("question", "x"), discordtest.Focused(discordtest.Str("briefing", "harb")))
		choices := r.interact(t, ac).Message.Choices
		if len(choices) != 1 || choices[0].Value != id || !strings.Contains(choices[0].Name, ferryTitle) {
			t.Fatalf("autocomplete of briefing: = %+v, want the ferry briefing with value %s", choices, id)
		}
		rep := r.ask(t, discordtest.GuildID, ferryQuestion, discordtest.Str("briefing", id))
		if !answeredFrom(rep, ferryTitle) {
			t.Errorf("/ask briefing:%s = %q, want an answer from the ferry briefing", id, rep.Message.Text())
		}
		if b, ok := rep.Message.Button("More answers"); !ok || b.CustomID != "v1:mb:"+id {
			t.Errorf("More answers button = %+v, want it to stay with briefing %s", b, id)
		}
		rep = r.ask(t, otherGuild, ferryQuestion, discordtest.Str("briefing", id))
		if !rep.Ephemeral || !strings.Contains(rep.Message.Content, "can't find a briefing") {
			t.Errorf("/ask briefing:%s in another guild = %q, want an ephemeral refusal", id, rep.Message.Content)
		}
	})

	t.Run("list", func(t *testing.T) {
		rep := r.briefing(t, "list")
		if text := rep.Message.Text(); !rep.Ephemeral || !strings.Contains(text, "`"+id+"` **"+ferryTitle) || !strings.Contains(text, "this server's, added by <@"+discordtest.UserID+">") {
			t.Errorf("/briefing list = %q", text)
		}
	})

	t.Run("bad input is refused, nothing stored", func(t *testing.T) {
		binary := r.fake.Upload("notes.txt", "application/octet-stream", []byte("\x00\x01\x02binary\x00\xff\xfe\x00"))
		image := r.fake.Upload("photo.png", "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
		both := r.fake.Upload("orchard.md", "text/markdown", readTestdata(t, "orchard.md"))
		for _, tt := range []struct {
			name string
			opts []discordtest.Opt
			want string
		}{
			{"loopback link", []discordtest.Opt{discordtest.Str("url", "http://127.0.0.1/admin")}, "private network"},
			{"private link", []discordtest.Opt{discordtest.Str("url", "http://10.0.0.1/")}, "private network"},
			{"IPv6 loopback", []discordtest.Opt{discordtest.Str("url", "http://[::1]/")}, "private network"},
			{"not a link", []discordtest.Opt{discordtest.Str("url", "see the article")}, "I only fetch http:// and https:// links"},
			{"binary file", []discordtest.Opt{discordtest.File("file", binary)}, "That file isn't text"},
			{"image", []discordtest.Opt{discordtest.File("file", image)}, ".txt, .md and .html files only"},
			{"file and link", []discordtest.Opt{discordtest.File("file", both), discordtest.Str("url", "https://news.example/a")}, "not both"},
			{"nothing", nil, "Attach the briefing"},
			{"the same file again", []discordtest.Opt{discordtest.File("file", att)}, "already in the library"},
		} {
			rep := r.briefing(t, "add", tt.opts...)
			if !rep.Ephemeral || !strings.Contains(rep.Message.Text(), tt.want) {
				t.Errorf("%s: reply %q (ephemeral %v), want an ephemeral refusal containing %q", tt.name, rep.Message.Text(), rep.Ephemeral, tt.want)
			}
		}
		if got := strings.Count(r.briefing(t, "list").Message.Text(), "this server's"); got != 1 {
			t.Errorf("the guild has %d briefings after the refusals, want 1", got)
		}
	})

	t.Run("metrics", func(t *testing.T) {
		want := []string{
			`briefbot_library_briefings{scope="global"} 1`,
			`briefbot_library_briefings{scope="guild"} 1`,
			`briefbot_library_reloads_total `,
			`briefbot_library_reload_failures_total 0`,
			`briefbot_interactions_total{command="briefing_add",outcome="answered"} 1`,
			`briefbot_interactions_total{command="briefing_add",outcome="declined"} `,
		}
		_, body := get(t, "http://"+metrics+"/metrics")
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("/metrics lacks %q", w)
			}
		}
	})

	t.Run("remove", func(t *testing.T) {
		ac := r.fake.Autocomplete("briefing", discordtest.Sub("remove", discordtest.Focused(discordtest.Str("briefing", ""))))
		ac.WithPermissions(discordgo.PermissionManageGuild)
		if choices := r.interact(t, ac).Message.Choices; len(choices) != 1 || choices[0].Value != id {
			t.Errorf("autocomplete of /briefing remove = %+v, want the guild's one briefing", choices)
		}
		if rep := r.briefing(t, "remove", discordtest.Str("briefing", "f1")); !strings.Contains(rep.Message.Content, "can't find a briefing") {
			t.Errorf("removing the operator's briefing = %q, want a refusal", rep.Message.Content)
		}
		rep := r.briefing(t, "remove", discordtest.Str("briefing", id))
		if !rep.Ephemeral || !strings.Contains(rep.Message.Content, "Removed briefing "+id) {
			t.Errorf("/briefing remove = %q", rep.Message.Content)
		}
		if rep := r.ask(t, discordtest.GuildID, ferryQuestion); answeredFrom(rep, ferryTitle) {
			t.Error("still answered from the removed briefing")
		}
	})
}

// TestDiscordAddsHTMLAndUndated: an HTML attachment's preview takes its
// title, publisher and date from the page's metadata; a briefing without a
// date gets the warning that relative dates stay unresolved.
func TestDiscordAddsHTMLAndUndated(t *testing.T) {
	r := startBot(t, map[string]string{})
	html := r.fake.Upload("dam.html", "text/html", readTestdata(t, "article.html"))
	text := r.briefing(t, "add", discordtest.File("file", html)).Message.Text()
	for _, want := range []string{"Added: Inspection finds cracks in Harlow Valley dam spillway", "The Riverside Ledger", "2025-04-09"} {
		if !strings.Contains(text, want) {
			t.Errorf("HTML preview lacks %q:\n%s", want, text)
		}
	}
	md := r.fake.Upload("orchard.md", "", readTestdata(t, "orchard.md"))
	if text := r.briefing(t, "add", discordtest.File("file", md)).Message.Text(); !strings.Contains(text, "No publication date found: relative dates") {
		t.Errorf("undated preview lacks the warning:\n%s", text)
	}
}

// TestDiscordFeedback: votes and declined questions from Discord are
// stored, shown by /briefing gaps and by `briefbot gaps`, with a user's
// later vote replacing the earlier one; no user ID is stored as such.
func TestDiscordFeedback(t *testing.T) {
	db := storetest.SQLite(t)
	r := startBot(t, map[string]string{"DATABASE_URL": db})
	asker, voter := r.fake.NewID(), r.fake.NewID()
	for _, q := range []string{"How many goals did the striker score last season?", "how many goals did the striker score last season"} {
		in := r.fake.Command("ask", discordtest.Str("question", q)).By(asker, "asker")
		if rep := r.interact(t, in); !strings.Contains(rep.Message.Text(), "Not answered directly") && !strings.Contains(rep.Message.Text(), "don't answer that") {
			t.Fatalf("%q was answered: %q", q, rep.Message.Text())
		}
	}
	gaps := func() string {
		t.Helper()
		return r.briefing(t, "gaps").Message.Text()
	}
	// A declined question is kept once its reply is out, so the second
	// reply may come before the first is stored: wait for both.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(gaps(), "2× “How many goals"); {
		if time.Now().After(deadline) {
			t.Fatalf("the two declined questions were not both kept within 10 s:\n%s\n%s", gaps(), r.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	answer := r.ask(t, discordtest.GuildID, "What did Colin Clarke say?")
	vote := func(label string) string {
		t.Helper()
		b, ok := answer.Message.Button(label)
		if !ok {
			t.Fatalf("no %s button on the answer", label)
		}
		return r.interact(t, r.fake.Button(b.CustomID, answer.Message).By(voter, "voter")).Message.Content
	}
	if got := vote("👍"); !strings.Contains(got, "recorded") {
		t.Fatalf("vote reply = %q", got)
	}
	if got := gaps(); strings.Contains(got, "👎 “What did Colin Clarke say?”") {
		t.Errorf("a 👍 shows as down-voted:\n%s", got)
	}
	vote("👎")
	got := gaps()
	for _, want := range []string{
		"2× “How many goals did the striker score last season?”", "also “how many goals did the striker score last season”", "1 person", "Closest:",
		"1× 👎 “What did Colin Clarke say?”", "Answered:", "fixated on Russia",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/briefing gaps lacks %q:\n%s", want, got)
		}
	}

	out, errOut, err := runCmd(t, map[string]string{"DATABASE_URL": db}, "", "gaps", "--guild", discordtest.GuildID, "--json")
	if err != nil {
		t.Fatalf("briefbot gaps: %v\n%s", err, errOut)
	}
	var report gapReport
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Declined) != 1 || report.Declined[0].Count != 2 || len(report.DownVoted) != 1 || report.DownVoted[0].Questions[0] != "What did Colin Clarke say?" {
		t.Errorf("briefbot gaps = %s", out)
	}

	vote("👍") // replaces the 👎
	if got := gaps(); strings.Contains(got, "👎 “What did Colin Clarke say?”") {
		t.Errorf("a later 👍 did not replace the 👎:\n%s", got)
	}

	r.stop(t)
	raw, err := os.ReadFile(strings.TrimPrefix(db, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{asker, voter} {
		if bytes.Contains(raw, []byte(id)) {
			t.Errorf("the database holds the user ID %s", id)
		}
	}
}

// TestDiscordInstancesShareALibrary: two bot processes over one database
// (a SQLite file, or a PostgreSQL database) each answer from a briefing
// added through the other within 2 s, and a process started afterwards
// answers from it too.
func TestDiscordInstancesShareALibrary(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, db string) {
		one := startBot(t, map[string]string{"DATABASE_URL": db})
		two := startBot(t, map[string]string{"DATABASE_URL": db})
		add := func(r *botRun, name string) {
			t.Helper()
			att := r.fake.Upload(name, "", readTestdata(t, name))
			if text := r.briefing(t, "add", discordtest.File("file", att)).Message.Text(); !strings.Contains(text, "Added: ") {
				t.Fatalf("add %s: %q", name, text)
			}
		}
		seen := func(r *botRun, q, title string) time.Duration {
			t.Helper()
			start := time.Now()
			for !answeredFrom(r.ask(t, discordtest.GuildID, q), title) {
				if time.Since(start) > 2*time.Second {
					t.Fatalf("not answered from %q within 2 s", title)
				}
				time.Sleep(50 * time.Millisecond)
			}
			return time.Since(start)
		}
		add(one, "ferry.txt")
		t.Logf("added through one, answered by two after %v", seen(two, ferryQuestion, ferryTitle).Round(time.Millisecond))
		add(two, "orchard.md")
		t.Logf("added through two, answered by one after %v", seen(one, "What did Ivo Marsh say?", "Orchard growers count the cost of a late frost").Round(time.Millisecond))

		one.stop(t)
		three := startBot(t, map[string]string{"DATABASE_URL": db})
		if rep := three.ask(t, discordtest.GuildID, ferryQuestion); !answeredFrom(rep, ferryTitle) {
			t.Errorf("after a restart: %q, want the stored briefing's answer", rep.Message.Text())
		}
	})
}
