package bot

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/qa"
)

// fakeLibrary is a Library over fixed entries that records what it is
// asked; err, when set, is what Add, Remove and GapReport return.
type fakeLibrary struct {
	entries []library.Entry
	gaps    library.GapReport
	err     error

	mu      sync.Mutex
	adds    []library.AddRequest
	removed []string
	engines []string // IDs BriefingEngine was asked for
}

func (f *fakeLibrary) Add(_ context.Context, r library.AddRequest) (library.Preview, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.adds = append(f.adds, r)
	if f.err != nil {
		return library.Preview{}, f.err
	}
	return library.Preview{Entry: library.Entry{ID: "7", Guild: r.Guild, Title: "Harbour repairs", Publisher: "Example News"},
		Warning: library.NoDateWarning, Passages: 12, Quotes: 3, Sources: 4, Events: 2,
		First: []library.Source{{Name: "Ana Costa", Role: "the port's director"}, {Name: "Port Authority"}}}, nil
}

func (f *fakeLibrary) List(guildID string) []library.Entry {
	var out []library.Entry
	for _, e := range f.entries {
		if e.Guild == "" || e.Guild == guildID {
			out = append(out, e)
		}
	}
	return out
}

func (f *fakeLibrary) Remove(_ context.Context, guildID, id string) (library.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.removed = append(f.removed, id)
	if f.err != nil {
		return library.Entry{}, f.err
	}
	for _, e := range f.entries {
		if e.ID == id && e.Guild == guildID {
			return e, nil
		}
	}
	return library.Entry{}, userErr("There is no briefing here.")
}

func (f *fakeLibrary) Complete(guildID, prefix string, ownOnly bool) []library.Entry {
	var out []library.Entry
	for _, e := range f.List(guildID) {
		if ownOnly && e.Guild != guildID {
			continue
		}
		if strings.Contains(strings.ToLower(e.Title), strings.ToLower(prefix)) || e.ID == prefix {
			out = append(out, e)
		}
	}
	return out
}

func (f *fakeLibrary) BriefingEngine(_ context.Context, _, id string) (*qa.Engine, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.engines = append(f.engines, id)
	return qa.New(), nil
}

func (f *fakeLibrary) GapReport(context.Context, library.GapQuery) (library.GapReport, error) {
	return f.gaps, f.err
}

// userErr is a refusal meant for the user, as the library makes them.
type userErr string

func (e userErr) Error() string       { return "refused: " + string(e) }
func (e userErr) UserMessage() string { return string(e) }

func newFakeLibrary() *fakeLibrary {
	return &fakeLibrary{entries: []library.Entry{
		{ID: "f1", Title: "Town hall clock restarts", Operator: true, Kind: "file", AddedBy: "operator"},
		{ID: "3", Guild: "200", Title: "Harbour repairs", Publisher: "Example News", Published: "2024-03-23", AddedBy: "42", AddedAt: time.Unix(1_700_000_000, 0)},
		{ID: "4", Guild: "999", Title: "Another server's briefing"},
	}}
}

// withPerms gives i's member the permissions perms.
func withPerms(i *discordgo.Interaction, perms int64) *discordgo.Interaction {
	i.Member.Permissions = perms
	return i
}

func sub(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}

// briefingCmd is /briefing sub with an attachment, as Discord resolves it.
func briefingCmd(sub *discordgo.ApplicationCommandInteractionDataOption, att *discordgo.MessageAttachment) *discordgo.Interaction {
	i := slash(cmdBriefing, sub)
	if att != nil {
		d := i.Data.(discordgo.ApplicationCommandInteractionData)
		d.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Attachments: map[string]*discordgo.MessageAttachment{att.ID: att}}
		i.Data = d
	}
	return i
}

func libraryHandler(t *testing.T, lib *fakeLibrary) (*handler, *logBuffer, *Metrics) {
	t.Helper()
	h, logs := testHandler(newFake().engine())
	h.library = lib
	m, err := NewMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	h.metrics = m
	return h, logs, m
}

// scrape returns m's series in Prometheus' text format.
func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	w := httptest.NewRecorder()
	m.Handler(0).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return w.Body.String()
}

// final is what the user sees in the end: the response, or the edit of a
// deferred one.
func final(t *testing.T, rec *recorder) (text string, ephemeral bool) {
	t.Helper()
	if len(rec.responses) != 1 {
		t.Fatalf("%d responses, want 1", len(rec.responses))
	}
	r := rec.responses[0]
	ephemeral = r.Data != nil && r.Data.Flags&discordgo.MessageFlagsEphemeral != 0
	if r.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
		if len(rec.edits) != 1 {
			t.Fatalf("deferred, then %d edits, want 1", len(rec.edits))
		}
		checkEdit(t, rec.edits[0])
		return messageText(*rec.edits[0].Content, *rec.edits[0].Embeds), ephemeral
	}
	checkData(t, r.Data)
	return messageText(r.Data.Content, r.Data.Embeds), ephemeral
}

func messageText(content string, embeds []*discordgo.MessageEmbed) string {
	parts := []string{content}
	for _, e := range embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func TestBriefingAdd(t *testing.T) {
	const signed = "https://cdn.discordapp.com/attachments/300/55/brief.md?ex=1&is=2&hm=secret-signature&"
	att := &discordgo.MessageAttachment{ID: "55", Filename: "brief.md", URL: signed, Size: 1000}
	big := &discordgo.MessageAttachment{ID: "56", Filename: "big.txt", URL: signed, Size: 6 << 20}
	file := func(a *discordgo.MessageAttachment) *discordgo.ApplicationCommandInteractionDataOption {
		return &discordgo.ApplicationCommandInteractionDataOption{Name: optFile, Type: discordgo.ApplicationCommandOptionAttachment, Value: a.ID}
	}
	tests := []struct {
		name    string
		in      *discordgo.Interaction
		libErr  error
		want    string              // in what the user sees
		add     *library.AddRequest // what the library is asked to add, if anything
		outcome string              // the metrics' outcome
		stored  float64             // store errors counted
	}{
		{"file", withPerms(briefingCmd(sub(subAdd, file(att)), att), manageServer), nil,
			"Added: Harbour repairs", &library.AddRequest{Guild: "200", AddedBy: "42", Attachment: signed, Filename: "brief.md"}, resultAnswered, 0},
		{"administrator", withPerms(briefingCmd(sub(subAdd, opt(optURL, " https://news.example/a ")), nil), discordgo.PermissionAdministrator), nil,
			"Added: Harbour repairs", &library.AddRequest{Guild: "200", AddedBy: "42", URL: "https://news.example/a"}, resultAnswered, 0},
		{"no permission", briefingCmd(sub(subAdd, file(att)), att), nil, msgNeedManage, nil, resultDeclined, 0},
		{"in a DM", func() *discordgo.Interaction {
			i := briefingCmd(sub(subAdd, file(att)), att)
			i.GuildID, i.Member, i.User = "", nil, &discordgo.User{ID: "42"}
			return i
		}(), nil, msgBriefingInDM, nil, resultDeclined, 0},
		{"nothing", withPerms(briefingCmd(sub(subAdd), nil), manageServer), nil, msgAddWhat, nil, resultDeclined, 0},
		{"both", withPerms(briefingCmd(sub(subAdd, file(att), opt(optURL, "https://news.example/a")), att), manageServer), nil, msgAddBoth, nil, resultDeclined, 0},
		{"file not resolved", withPerms(briefingCmd(sub(subAdd, file(att)), nil), manageServer), nil, msgUnreadable, nil, resultError, 0},
		{"file too large", withPerms(briefingCmd(sub(subAdd, file(big)), big), manageServer), nil, "That file is 6.0 MiB", nil, resultDeclined, 0},
		{"refused by the library", withPerms(briefingCmd(sub(subAdd, file(att)), att), manageServer), userErr("This server's library is full."),
			"This server's library is full.", &library.AddRequest{Guild: "200", AddedBy: "42", Attachment: signed, Filename: "brief.md"}, resultDeclined, 0},
		{"store down", withPerms(briefingCmd(sub(subAdd, file(att)), att), manageServer), fmt.Errorf("fetch %s: connection reset", signed),
			msgLibraryFailed, &library.AddRequest{Guild: "200", AddedBy: "42", Attachment: signed, Filename: "brief.md"}, resultError, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newFakeLibrary()
			lib.err = tt.libErr
			h, logs, m := libraryHandler(t, lib)
			var rec recorder
			h.interaction(context.Background(), tt.in, &rec)
			if rec.responses[0].Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
				t.Errorf("first response type %d, want a deferral at once", rec.responses[0].Type)
			}
			text, ephemeral := final(t, &rec)
			if !strings.Contains(text, tt.want) || !ephemeral {
				t.Errorf("reply %q (ephemeral %v), want an ephemeral one containing %q", text, ephemeral, tt.want)
			}
			switch {
			case tt.add == nil && len(lib.adds) > 0:
				t.Errorf("the library was asked to add %+v", lib.adds)
			case tt.add != nil && (len(lib.adds) != 1 || fmt.Sprint(lib.adds[0]) != fmt.Sprint(*tt.add)):
				t.Errorf("the library was asked to add %+v, want %+v", lib.adds, *tt.add)
			}
			series := scrape(t, m)
			if want := `briefbot_interactions_total{command="briefing_add",outcome="` + tt.outcome + `"} 1`; !strings.Contains(series, want) {
				t.Errorf("/metrics lacks %s", want)
			}
			if want := `briefbot_store_errors_total{op="add"} 1`; strings.Contains(series, want) != (tt.stored == 1) {
				t.Errorf("/metrics has %q: %v, want %v", want, !(tt.stored == 1), tt.stored == 1)
			}
			if strings.Contains(logs.String(), "secret-signature") {
				t.Errorf("the log holds the attachment's signed query:\n%s", logs)
			}
		})
	}
}

func TestBriefingListRemoveGaps(t *testing.T) {
	lib := newFakeLibrary()
	for i := range 23 {
		lib.entries = append(lib.entries, library.Entry{ID: fmt.Sprint(100 + i), Guild: "200", Title: fmt.Sprintf("Briefing number %d %s", i, strings.Repeat("long title ", 20))})
	}
	h, _, _ := libraryHandler(t, lib)
	run := func(i *discordgo.Interaction) (*discordgo.InteractionResponse, string) {
		t.Helper()
		var rec recorder
		h.interaction(context.Background(), i, &rec)
		text, ephemeral := final(t, &rec)
		if !ephemeral && rec.responses[0].Type != discordgo.InteractionResponseUpdateMessage {
			t.Errorf("reply %q is not ephemeral", text)
		}
		return rec.responses[0], text
	}

	resp, text := run(withPerms(briefingCmd(sub(subList), nil), manageServer))
	for _, want := range []string{"`f1` **Town hall clock restarts** · global, the operator's file", "`3` **Harbour repairs — Example News, 2024-03-23** · this server's, added by <@42> <t:1700000000:R>", "Page 1 of 3 · 25 briefings"} {
		if !strings.Contains(text, want) {
			t.Errorf("/briefing list lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Another server") {
		t.Error("/briefing list shows another server's briefing")
	}
	next := buttonIDs(resp.Data.Components)["Next ▶"]
	if next != "v1:bl:1" {
		t.Fatalf("Next button %q, want v1:bl:1", next)
	}
	page, text := run(withPerms(func() *discordgo.Interaction {
		i := click(next, sent(response{InteractionResponse: resp}))
		i.GuildID, i.Member, i.User = "200", &discordgo.Member{User: &discordgo.User{ID: "42"}}, nil
		return i
	}(), manageServer))
	if page.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(text, "Page 2 of 3") {
		t.Errorf("Next: type %d, %q", page.Type, text)
	}

	// Autocomplete offers the guild's own for remove, everything it sees for /ask.
	complete := func(i *discordgo.Interaction) []*discordgo.ApplicationCommandOptionChoice {
		t.Helper()
		var rec recorder
		h.interaction(context.Background(), i, &rec)
		if r := rec.responses[0]; r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("autocomplete answered with type %d", r.Type)
		}
		return rec.responses[0].Data.Choices
	}
	if c := complete(withPerms(typing(cmdBriefing, sub(subRemove, focused(optBriefing, "harb"))), manageServer)); len(c) != 1 || c[0].Value != "3" {
		t.Errorf("remove's autocomplete = %+v, want briefing 3", c)
	}
	if c := complete(typing(cmdBriefing, sub(subRemove, focused(optBriefing, "harb")))); len(c) != 0 {
		t.Errorf("remove's autocomplete offers %d briefings to a member without Manage Server", len(c))
	}
	if c := complete(typing(cmdAsk, opt(optQuestion, "x"), focused(optBriefing, ""))); len(c) != 25 || c[0].Name != "Town hall clock restarts" || c[0].Value != "f1" {
		t.Errorf("/ask briefing: autocomplete = %d choices, first %+v", len(c), c[0])
	}
	for _, c := range complete(typing(cmdAsk, opt(optQuestion, "x"), focused(optBriefing, "number"))) {
		if n := length(c.Name); n < 1 || n > maxChoiceName {
			t.Errorf("choice name of %d characters", n)
		}
	}

	if _, text := run(withPerms(briefingCmd(sub(subRemove, opt(optBriefing, "harbour repairs")), nil), manageServer)); !strings.Contains(text, "Removed briefing 3, “Harbour repairs”") {
		t.Errorf("remove by title = %q", text)
	}
	if _, text := run(withPerms(briefingCmd(sub(subRemove, opt(optBriefing, "4")), nil), manageServer)); !strings.Contains(text, "can't find a briefing called “4”") {
		t.Errorf("removing another server's briefing = %q", text)
	}
	if len(lib.removed) != 1 || lib.removed[0] != "3" {
		t.Errorf("the library was asked to remove %v, want only 3", lib.removed)
	}

	lib.gaps = library.GapReport{
		Declined: []library.GapGroup{{Gap: store.Gap{Count: 3, Users: 2, Questions: []string{"How deep is the harbour?", "how deep is the harbour"}},
			Closest: &qa.Match{Passage: "The harbour is dredged every spring.", Briefing: "Harbour repairs", Section: "Background"}}},
		DownVoted: []library.GapGroup{{Gap: store.Gap{Count: 1, Users: 1, Questions: []string{"Who runs the port?"}, Ref: "b1:p4"},
			Answer: "Repairs began last week.", Closest: &qa.Match{Passage: "Repairs began last week.", Ref: "b1:p4"}}},
	}
	_, text = run(withPerms(briefingCmd(sub(subGaps), nil), manageServer))
	for _, want := range []string{"Declined questions, last 30 days", "3× “How deep is the harbour?”", "also “how deep is the harbour” · 2 people",
		"**Closest:** The harbour is dredged every spring. — narration · Harbour repairs · Background", "1× 👎 “Who runs the port?”", "**Answered:** Repairs began last week."} {
		if !strings.Contains(text, want) {
			t.Errorf("/briefing gaps lacks %q:\n%s", want, text)
		}
	}
	if strings.Count(text, "Repairs began last week.") != 1 {
		t.Errorf("the answer voted down is shown again as the closest passage:\n%s", text)
	}
}

// TestGapsFitDiscord: twenty groups of long questions and passages fit in
// one message without clamp cutting anything whole.
func TestGapsFitDiscord(t *testing.T) {
	long := strings.Repeat("a long passage of the briefing ", 80)
	var g library.GapReport
	for i := range 10 {
		q := fmt.Sprintf("question %d %s", i, strings.Repeat("with many words ", 30))
		gg := library.GapGroup{Gap: store.Gap{Count: 10 - i, Users: 1, Questions: []string{q, q + "?", q + "!"}, Ref: "r"}, Answer: long,
			Closest: &qa.Match{Passage: long, Speaker: &qa.Speaker{Name: "Ana Costa", Role: strings.Repeat("role ", 40)}, Ref: "other"}}
		g.Declined = append(g.Declined, gg)
		g.DownVoted = append(g.DownVoted, gg)
	}
	r := gapsReply(g)
	if n := embedsLength(r.embeds); n > maxEmbedTotal {
		t.Errorf("gaps embeds total %d characters before clamp, limit %d", n, maxEmbedTotal)
	}
	d := r.data()
	checkData(t, d)
	if len(d.Embeds) != 2 || len(d.Embeds[0].Fields) != 10 || len(d.Embeds[1].Fields) != 10 {
		t.Errorf("clamp dropped groups: %d embeds", len(d.Embeds))
	}
	p := previewReply(library.Preview{Entry: library.Entry{ID: "1", Title: strings.Repeat("T", 400), Publisher: strings.Repeat("P", 3000), URL: "https://x.example/" + strings.Repeat("u", 2000)},
		First: []library.Source{{Name: strings.Repeat("N", 500), Role: strings.Repeat("R", 900)}}})
	checkData(t, p.data())
}

// TestAskOneBriefing: /ask briefing: answers from that briefing's engine,
// and its More answers button keeps to it.
func TestAskOneBriefing(t *testing.T) {
	lib := newFakeLibrary()
	h, _, _ := libraryHandler(t, lib)
	var rec recorder
	h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "who?"), opt(optBriefing, "Harbour")), &rec)
	if len(lib.engines) != 1 || lib.engines[0] != "3" {
		t.Errorf("engines asked for %v, want briefing 3 (the one title matching)", lib.engines)
	}
	rec = recorder{}
	h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "who?"), opt(optBriefing, "nothing like it")), &rec)
	if text, _ := final(t, &rec); !strings.Contains(text, "can't find a briefing called “nothing like it”") {
		t.Errorf("unknown briefing: %q", text)
	}
	// An engine over one briefing gives More answers of its own.
	r, err := respond(Engine{Answerer: newFake().fakeAnswers, Catalogue: newFake().fakeCatalogue, OneBriefing: "3"}, slash(cmdAsk, opt(optQuestion, "when?")))
	if err != nil || buttonIDs(r.Data.Components)["More answers"] != "v1:mb:3" {
		t.Errorf("More answers = %q (%v), want v1:mb:3", buttonIDs(r.Data.Components)["More answers"], err)
	}
	rec = recorder{}
	more := click("v1:mb:3", sent(r))
	more.GuildID = "200"
	h.interaction(context.Background(), more, &rec)
	if text, _ := final(t, &rec); strings.Contains(text, "can't find") {
		t.Errorf("More answers in the guild: %q", text)
	}
	if len(lib.engines) != 2 || lib.engines[1] != "3" {
		t.Errorf("More answers of a one-briefing answer asked for engines %v, want briefing 3's", lib.engines)
	}
}
