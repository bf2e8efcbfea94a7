package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// recorder is a responder that keeps what it is sent.
type recorder struct {
	mu        sync.Mutex
	responses []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
}

func (r *recorder) respond(_ context.Context, resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.responses = append(r.responses, resp)
	return nil
}

func (r *recorder) edit(_ context.Context, e *discordgo.WebhookEdit) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.edits = append(r.edits, e)
	return nil
}

// logBuffer collects log output from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func testHandler(e Engine) (*handler, *logBuffer) {
	var logs logBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return newHandler(func(context.Context, string) Engine { return e }, log, nil), &logs
}

func TestHandlerAnswersDirectly(t *testing.T) {
	h, _ := testHandler(newFake().engine())
	var rec recorder
	h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "when?")), &rec)
	if len(rec.responses) != 1 || len(rec.edits) != 0 {
		t.Fatalf("got %d responses and %d edits, want 1 and 0", len(rec.responses), len(rec.edits))
	}
	if r := rec.responses[0]; r.Type != discordgo.InteractionResponseChannelMessageWithSource || !strings.Contains(r.Data.Embeds[0].Description, "reopen in May") {
		t.Errorf("response = %+v", r)
	}
}

func TestHandlerDefersSlowWork(t *testing.T) {
	e := newFake()
	e.delay = 80 * time.Millisecond
	tests := []struct {
		name      string
		i         *discordgo.Interaction
		first     discordgo.InteractionResponseType
		ephemeral bool
	}{
		{"ask", slash(cmdAsk, opt(optQuestion, "when?")), discordgo.InteractionResponseDeferredChannelMessageWithSource, false},
		{"ask private", slash(cmdAsk, opt(optQuestion, "when?"), opt(optPrivate, true)), discordgo.InteractionResponseDeferredChannelMessageWithSource, true},
		{"more answers", click("v1:more", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Title: "when?"}}}), discordgo.InteractionResponseDeferredChannelMessageWithSource, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := testHandler(e.engine())
			h.deferAfter = 10 * time.Millisecond
			var rec recorder
			h.interaction(context.Background(), tt.i, &rec)
			if len(rec.responses) != 1 || len(rec.edits) != 1 {
				t.Fatalf("got %d responses and %d edits, want 1 and 1", len(rec.responses), len(rec.edits))
			}
			d := rec.responses[0]
			if d.Type != tt.first {
				t.Errorf("first response type %d, want %d", d.Type, tt.first)
			}
			if got := d.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("deferral ephemeral = %v, want %v", got, tt.ephemeral)
			}
			checkEdit(t, rec.edits[0])
			if !strings.Contains((*rec.edits[0].Embeds)[0].Description+(*rec.edits[0].Embeds)[0].Title, "when?") &&
				!strings.Contains((*rec.edits[0].Embeds)[0].Description, "reopen") {
				t.Errorf("edit does not deliver the answer: %+v", (*rec.edits[0].Embeds)[0])
			}
		})
	}
	t.Run("page button", func(t *testing.T) {
		if d := deferral(click("v1:src:1", nil)); d.Type != discordgo.InteractionResponseDeferredMessageUpdate {
			t.Errorf("page button deferral type %d, want %d", d.Type, discordgo.InteractionResponseDeferredMessageUpdate)
		}
		if d := deferral(typing(cmdQuote, focused(optSpeaker, "a"))); d != nil {
			t.Errorf("autocomplete deferral = %+v, want none", d)
		}
		if d := deferral(slash(cmdHelp)); d.Data.Flags != discordgo.MessageFlagsEphemeral {
			t.Error("help deferral is not ephemeral")
		}
	})
}

func TestHandlerRecoversPanics(t *testing.T) {
	e := newFake()
	e.panics = true
	h, logs := testHandler(e.engine())
	var rec recorder
	h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "boom?")), &rec)
	if len(rec.responses) != 1 {
		t.Fatalf("got %d responses, want 1", len(rec.responses))
	}
	r := rec.responses[0]
	if r.Data.Content != msgError || r.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("after a panic: %+v, want the ephemeral error", r.Data)
	}
	if out := logs.String(); strings.Count(out, "interaction handler panicked") != 1 || !strings.Contains(out, "fake engine: Ask") {
		t.Errorf("log = %s, want one panic record", out)
	}
	// The handler keeps working.
	e.panics = false
	h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "fine?")), &rec)
	if r := rec.responses[1]; r.Data.Flags != 0 || len(r.Data.Embeds) != 1 {
		t.Errorf("after recovering: %+v", r.Data)
	}
	// Autocomplete recovers into an empty list, and messages into a plain error.
	h.engines = func(context.Context, string) Engine { panic("engine lookup") }
	h.interaction(context.Background(), typing(cmdSources, focused(optName, "a")), &rec)
	if r := rec.responses[2]; r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Errorf("autocomplete after panic: type %d", r.Type)
	}
	m := &discordgo.Message{ID: "1", ChannelID: "2", Author: &discordgo.User{ID: "3"}}
	if got, _ := h.messageReply(context.Background(), m, request{text: "q", kind: "mention"}); got.content != msgError {
		t.Errorf("message after panic: %+v", got)
	}
}

func TestHandlerRateLimit(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	h, _ := testHandler(newFake().engine())
	h.limit = newLimiter(questionsPerWindow, questionWindow, c.now)
	var rec recorder
	for range questionsPerWindow + 1 {
		h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "q")), &rec)
	}
	last := rec.responses[len(rec.responses)-1]
	if !strings.Contains(last.Data.Content, "You're asking quickly") || last.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("6th question: %+v, want the friendly ephemeral refusal", last.Data)
	}
	// Autocomplete and buttons are not questions.
	h.interaction(context.Background(), typing(cmdSources, focused(optName, "a")), &rec)
	if r := rec.responses[len(rec.responses)-1]; len(r.Data.Choices) == 0 {
		t.Error("autocomplete was rate limited")
	}
	c.advance(questionWindow)
	h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "q")), &rec)
	if r := rec.responses[len(rec.responses)-1]; r.Data.Flags != 0 {
		t.Errorf("after the window: %+v", r.Data)
	}
	// Messages share the limit and get a plain reply.
	m := &discordgo.Message{ID: "1", ChannelID: "2", Author: &discordgo.User{ID: "42"}}
	var got reply
	for range questionsPerWindow + 1 {
		got, _ = h.messageReply(context.Background(), m, request{text: "q", kind: "mention"})
	}
	if !strings.Contains(got.content, "You're asking quickly") || got.ephemeral {
		t.Errorf("message over the limit: %+v", got)
	}
}

// fakeREST is a REST API that answers each request with the next of its
// replies (the last repeats) and records what it got.
type fakeREST struct {
	mu       sync.Mutex
	replies  []func(w http.ResponseWriter)
	requests []recorded
	srv      *httptest.Server
}

type recorded struct {
	method, path string
	body         []byte
	at           time.Time
}

func newFakeREST(t *testing.T, replies ...func(w http.ResponseWriter)) *fakeREST {
	f := &fakeREST{replies: replies}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		n := len(f.requests)
		f.requests = append(f.requests, recorded{r.Method, r.URL.Path, body, time.Now()})
		reply := f.replies[min(n, len(f.replies)-1)]
		f.mu.Unlock()
		reply(w)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeREST) got() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.requests...)
}

// session is a discordgo session whose REST goes to f.
func (f *fakeREST) session(t *testing.T) *discordgo.Session {
	s, _ := discordgo.New("Bot test-token")
	c, err := restClient(f.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	s.Client = c
	return s
}

func status(code int, body string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_, _ = io.WriteString(w, body)
	}
}

func TestCallbackRetriedAfter429(t *testing.T) {
	rest := newFakeREST(t,
		status(429, `{"message":"You are being rate limited.","retry_after":0.2,"global":false}`),
		status(204, ""),
	)
	h, logs := testHandler(newFake().engine())
	i := slash(cmdAsk, opt(optQuestion, "when?"))
	i.Token = "secret-interaction-token-1234567890"
	h.interaction(context.Background(), i, sessionResponder{s: rest.session(t), i: i})
	reqs := rest.got()
	if len(reqs) != 2 {
		t.Fatalf("%d callback requests, want 2 (429, then the retry)", len(reqs))
	}
	if want := "/api/v9/interactions/1/" + i.Token + "/callback"; reqs[1].path != want {
		t.Errorf("callback path %q, want %q", reqs[1].path, want)
	}
	if gap := reqs[1].at.Sub(reqs[0].at); gap < 190*time.Millisecond {
		t.Errorf("retried after %v, want after retry_after (200ms)", gap)
	}
	var resp struct {
		Type discordgo.InteractionResponseType
	}
	if err := json.Unmarshal(reqs[1].body, &resp); err != nil || resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Errorf("retried body %s: %v", reqs[1].body, err)
	}
	if strings.Contains(logs.String(), "respond to interaction") {
		t.Errorf("log reports a failure: %s", logs.String())
	}
}

func TestCallback429BeyondTheDeadline(t *testing.T) {
	rest := newFakeREST(t, status(429, `{"message":"You are being rate limited.","retry_after":10,"global":false}`))
	h, logs := testHandler(newFake().engine())
	i := slash(cmdAsk, opt(optQuestion, "when?"))
	i.Token = "secret-interaction-token-1234567890"
	start := time.Now()
	h.interaction(context.Background(), i, sessionResponder{s: rest.session(t), i: i})
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("gave up after %v, want at once: retry_after is past the 3 s deadline", took)
	}
	out := logs.String()
	if !strings.Contains(out, "respond to interaction") || !strings.Contains(out, "past the deadline") {
		t.Errorf("log = %s, want the failure", out)
	}
	if strings.Contains(out, i.Token) {
		t.Errorf("log leaks the interaction token: %s", out)
	}
}

func TestMessageReplyOverREST(t *testing.T) {
	rest := newFakeREST(t, status(200, `{"id":"901","channel_id":"300"}`))
	h, _ := testHandler(newFake().engine())
	s := rest.session(t)
	user := &discordgo.User{ID: "42", Username: "alice"}
	h.message(context.Background(), s, &discordgo.Message{ID: "1", ChannelID: "300", Author: &discordgo.User{ID: "100", Bot: true}, Content: "mine"}, "100")
	h.message(context.Background(), s, &discordgo.Message{ID: "2", ChannelID: "300", GuildID: "200", Author: user, Content: "no mention"}, "100")
	h.message(context.Background(), s, &discordgo.Message{
		ID: "888", ChannelID: "300", GuildID: "200", Author: user,
		Content: "<@100> when will the harbour reopen? @everyone", Mentions: []*discordgo.User{{ID: "100"}},
	}, "100")
	reqs := rest.got()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1: only the mention gets a reply", len(reqs))
	}
	if reqs[0].method != http.MethodPost || reqs[0].path != "/api/v9/channels/300/messages" {
		t.Errorf("request %s %s", reqs[0].method, reqs[0].path)
	}
	var body struct {
		Embeds          []*discordgo.MessageEmbed   `json:"embeds"`
		Reference       *discordgo.MessageReference `json:"message_reference"`
		AllowedMentions json.RawMessage             `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(reqs[0].body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Reference == nil || body.Reference.MessageID != "888" {
		t.Errorf("reply references %+v, want message 888", body.Reference)
	}
	if string(body.AllowedMentions) != `{"parse":[],"replied_user":false}` {
		t.Errorf("allowed_mentions = %s", body.AllowedMentions)
	}
	if len(body.Embeds) != 1 || body.Embeds[0].Title != "when will the harbour reopen? @everyone" {
		t.Errorf("reply embeds %+v", body.Embeds)
	}
}

func TestEditAfterDeferralGoesToWebhook(t *testing.T) {
	rest := newFakeREST(t, status(204, ""), status(200, `{"id":"902"}`))
	e := newFake()
	e.delay = 50 * time.Millisecond
	h, _ := testHandler(e.engine())
	h.deferAfter = 5 * time.Millisecond
	i := slash(cmdAsk, opt(optQuestion, "when?"))
	var calls atomic.Int32
	s := rest.session(t)
	s.AddHandler(func(*discordgo.Session, *discordgo.RateLimit) { calls.Add(1) })
	h.interaction(context.Background(), i, sessionResponder{s: s, i: i})
	reqs := rest.got()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	if reqs[0].path != "/api/v9/interactions/1/tok/callback" || !strings.Contains(string(reqs[0].body), `"type":5`) {
		t.Errorf("first request %s %s", reqs[0].path, reqs[0].body)
	}
	if reqs[1].method != http.MethodPatch || reqs[1].path != "/api/v9/webhooks/100/tok/messages/@original" ||
		!strings.Contains(string(reqs[1].body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("edit request %s %s %s", reqs[1].method, reqs[1].path, reqs[1].body)
	}
}

func TestRestClientRewrites(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Host + " " + r.URL.Path
		w.WriteHeader(204)
	}))
	defer srv.Close()
	c, err := restClient(srv.URL + "/proxy/")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Get("https://discord.com/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := strings.TrimPrefix(srv.URL, "http://") + " /proxy/api/v9/gateway"; got != want {
		t.Errorf("request went to %q, want %q", got, want)
	}
	for _, bad := range []string{"ftp://x", "discord.com", "http://", "::"} {
		if _, err := restClient(bad); err == nil {
			t.Errorf("restClient(%q) accepted", bad)
		}
	}
	if c, err := restClient(""); err != nil || c.Transport == nil {
		t.Errorf("restClient(\"\") = %v, %v", c, err)
	}
}
