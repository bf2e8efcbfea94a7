package discordtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

var none = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// open connects a raw discordgo session to the fake; the session closes in
// cleanup (which costs discordgo's 1 s).
func open(tb testing.TB, fake *discordtest.Server, token string, intents discordgo.Intent, setup func(*discordgo.Session)) (*discordgo.Session, error) {
	tb.Helper()
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		tb.Fatalf("discordgo.New: %v", err)
	}
	s.Client = fake.Client()
	s.Identify.Intents = intents
	s.LogLevel = -1
	if setup != nil {
		setup(s)
	}
	if err := s.Open(); err != nil {
		return nil, err
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s, nil
}

func ctxFor(tb testing.TB, d time.Duration) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	tb.Cleanup(cancel)
	return ctx
}

// echo answers interactions the way the table in TestSession expects.
func echo(s *discordgo.Session, i *discordgo.InteractionCreate) {
	var resp *discordgo.InteractionResponse
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
				{Name: "Colin Clarke", Value: "Colin Clarke"}}}}
	case discordgo.InteractionMessageComponent:
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: "page 2", AllowedMentions: none}}
	case discordgo.InteractionApplicationCommand:
		d := i.ApplicationCommandData()
		switch d.Name {
		case "defer":
			_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}})
			c := "later"
			_, _ = s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &c, AllowedMentions: none})
			return
		case "long":
			resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: strings.Repeat("x", 2001), AllowedMentions: none}}
		default:
			q := ""
			if len(d.Options) > 0 {
				q = d.Options[0].StringValue()
			}
			resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: d.Name + ": " + q, AllowedMentions: none,
					Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
						discordgo.Button{Label: "Next page", CustomID: "v1:next:2"}}}}}}
		}
	}
	_ = s.InteractionRespond(i.Interaction, resp)
}

func TestSession(t *testing.T) {
	t.Parallel()
	// Heartbeats every minute (discordgo sends the first at once): discordgo
	// ends a session, closing it with 1000, after five intervals without an
	// ACK, or when a heartbeat's tick races an op 7 reconnect and is written
	// to the old socket. With a short interval either can happen on a loaded
	// machine running -race.
	fake := discordtest.New(t, discordtest.HeartbeatInterval(time.Minute))
	s, err := open(t, fake, "test", discordgo.IntentsGuilds|discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages,
		func(s *discordgo.Session) {
			s.AddHandler(echo)
			s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) {
				if m.Author.ID == s.State.User.ID {
					return
				}
				_, _ = s.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
					Content: "re: " + m.Content, Reference: m.SoftReference(), AllowedMentions: none})
			})
		})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	ctx := ctxFor(t, 20*time.Second)

	t.Run("ready", func(t *testing.T) {
		if s.State.User.ID != discordtest.BotUserID || s.State.Application.ID != discordtest.ApplicationID {
			t.Errorf("state user %q app %q", s.State.User.ID, s.State.Application.ID)
		}
		ids := fake.IdentifyPayloads()
		if len(ids) != 1 || ids[0].Token != "Bot test" || ids[0].Shard != [2]int{0, 1} {
			t.Errorf("identifies = %+v", ids)
		}
		if _, err := s.ApplicationCommandBulkOverwrite(s.State.Application.ID, discordtest.GuildID, []*discordgo.ApplicationCommand{
			{Name: "ask", Description: "Ask", Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "q", Required: true}}},
		}); err != nil {
			t.Fatalf("bulk overwrite: %v", err)
		}
		cmds, ok := fake.Commands(discordtest.GuildID)
		if !ok || len(cmds) != 1 || cmds[0].Name != "ask" || cmds[0].ID == "" {
			t.Errorf("commands = %v, %v", cmds, ok)
		}
	})

	tests := []struct {
		name      string
		in        func() *discordtest.Interaction
		wantType  discordgo.InteractionResponseType
		wantText  string
		ephemeral bool
	}{
		{"command", func() *discordtest.Interaction {
			return fake.Command("ask", discordtest.Str("question", "why?"))
		}, 4, "ask: why?", false},
		{"dm command", func() *discordtest.Interaction {
			return fake.Command("ask", discordtest.Str("question", "dm?")).InDM()
		}, 4, "ask: dm?", false},
		{"deferred", func() *discordtest.Interaction { return fake.Command("defer") }, 5, "later", true},
		{"autocomplete", func() *discordtest.Interaction {
			return fake.Autocomplete("sources", discordtest.Focused(discordtest.Str("name", "cla")))
		}, 8, "Colin Clarke", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in()
			if err := fake.DispatchInteraction(in); err != nil {
				t.Fatal(err)
			}
			rep, err := fake.WaitReply(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Type != tt.wantType || !strings.Contains(rep.Message.Text(), tt.wantText) || rep.Ephemeral != tt.ephemeral {
				t.Errorf("reply type %d ephemeral %v text %q; want %d %v %q", rep.Type, rep.Ephemeral, rep.Message.Text(), tt.wantType, tt.ephemeral, tt.wantText)
			}
		})
	}

	t.Run("button updates the message", func(t *testing.T) {
		in := fake.Command("ask", discordtest.Str("question", "paged"))
		if err := fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
		first, err := fake.WaitReply(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		b, ok := first.Message.Button("next")
		if !ok || first.Message.ID == "" {
			t.Fatalf("no Next button or message ID on %s", first.Message.Raw)
		}
		click := fake.Button(b.CustomID, first.Message)
		if err := fake.DispatchInteraction(click); err != nil {
			t.Fatal(err)
		}
		rep, err := fake.WaitReply(ctx, click)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Type != discordgo.InteractionResponseUpdateMessage || rep.Message.ID != first.Message.ID || rep.Message.Content != "page 2" {
			t.Errorf("update: type %d id %q (want %q) content %q", rep.Type, rep.Message.ID, first.Message.ID, rep.Message.Content)
		}
	})

	t.Run("mention and DM replies", func(t *testing.T) {
		for _, m := range []*discordtest.MessageEvent{fake.Mention("hello"), fake.DirectMessage("hi")} {
			if err := fake.DispatchMessage(m); err != nil {
				t.Fatal(err)
			}
			msg, _, err := fake.WaitMessageReply(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			if msg.Reference == nil || msg.Reference.MessageID != m.ID || msg.ChannelID != m.ChannelID || msg.AllowedMentions == nil {
				t.Errorf("reply %s", msg.Raw)
			}
		}
	})

	t.Run("429 then retried", func(t *testing.T) {
		fake.RateLimitCallbacks(1, 50*time.Millisecond)
		in := fake.Command("ask", discordtest.Str("question", "busy"))
		if err := fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
		rep, err := fake.WaitReply(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Attempts != 2 || rep.Latency < 50*time.Millisecond {
			t.Errorf("attempts %d latency %v; want 2 and >= 50ms", rep.Attempts, rep.Latency)
		}
	})

	t.Run("too long is refused", func(t *testing.T) {
		in := fake.Command("long")
		if err := fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
		r, err := fake.WaitFor(ctx, discordtest.ForToken(in.Token, discordtest.RouteCallback))
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != 400 || r.Code != discordtest.CodeInvalidFormBody || len(r.Violations) != 1 {
			t.Errorf("status %d code %d violations %q", r.Status, r.Code, r.Violations)
		}
	})

	t.Run("drop then resume", func(t *testing.T) {
		if n := fake.DropConnection(-1); n != 1 {
			t.Fatalf("dropped %d connections", n)
		}
		// Dispatched while the socket is down: replayed on RESUME.
		in := fake.Command("ask", discordtest.Str("question", "after the drop"))
		if err := fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
		if err := fake.WaitResumes(ctx, 1); err != nil {
			t.Fatal(err)
		}
		rep, err := fake.WaitReply(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Message.Content != "ask: after the drop" {
			t.Errorf("content %q", rep.Message.Content)
		}
		if fake.Identifies() != 1 || fake.Resumes() != 1 {
			t.Errorf("identifies %d resumes %d; want 1 and 1", fake.Identifies(), fake.Resumes())
		}
	})

	t.Run("op 7 reconnect then resume", func(t *testing.T) {
		if err := fake.SendOp(-1, 7, nil); err != nil {
			t.Fatal(err)
		}
		if err := fake.WaitResumes(ctx, 2); err != nil {
			t.Fatal(err)
		}
		in := fake.Command("ask", discordtest.Str("question", "after op 7"))
		if err := fake.DispatchInteraction(in); err != nil {
			t.Fatal(err)
		}
		if _, err := fake.WaitReply(ctx, in); err != nil {
			t.Fatal(err)
		}
		if fake.Identifies() != 1 {
			t.Errorf("%d identifies; want 1 (op 7 keeps the session)", fake.Identifies())
		}
	})

	t.Run("heartbeats", func(t *testing.T) {
		if fake.Heartbeats() < 1 {
			t.Errorf("no heartbeats")
		}
	})
	if v := fake.Violations(); len(v) != 1 {
		t.Errorf("violations = %q; want the one from 'too long'", v)
	}
	fake.AcceptProblems()
}

func TestCloseCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		opts    []discordtest.Option
		token   string
		intents discordgo.Intent
		code    int
	}{
		{"privileged intent", nil, "t", discordgo.IntentsGuilds | discordgo.IntentMessageContent, discordtest.CloseDisallowedIntents},
		{"refused intent", []discordtest.Option{discordtest.RefuseIntents(discordgo.IntentsGuildMessages)}, "t", discordgo.IntentsGuildMessages, discordtest.CloseDisallowedIntents},
		{"wrong token", []discordtest.Option{discordtest.Token("good")}, "bad", discordgo.IntentsGuilds, discordtest.CloseAuthenticationFailed},
		{"rejected token", []discordtest.Option{discordtest.RejectToken()}, "good", discordgo.IntentsGuilds, discordtest.CloseAuthenticationFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, tt.opts...)
			_, err := open(t, fake, tt.token, tt.intents, nil)
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.code {
				t.Fatalf("Open = %v; want close %d", err, tt.code)
			}
		})
	}
}

func TestShards(t *testing.T) {
	t.Parallel()
	onShard1 := discordtest.GuildOnShard(1, 2)
	fake := discordtest.New(t, discordtest.Shards(2), discordtest.Guilds(discordtest.GuildID, onShard1))
	var mu sync.Mutex
	got := map[string]int{} // interaction ID -> shard that saw it
	sessions := make([]*discordgo.Session, 2)
	var wg sync.WaitGroup
	for shard := range 2 {
		wg.Go(func() {
			s, err := open(t, fake, "test", discordgo.IntentsGuilds, func(s *discordgo.Session) {
				s.ShardID, s.ShardCount = shard, 2
				s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
					mu.Lock()
					got[i.ID] = s.ShardID
					mu.Unlock()
					echo(s, i)
				})
			})
			if err != nil {
				t.Errorf("shard %d: %v", shard, err)
			}
			sessions[shard] = s
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	gb, err := sessions[0].GatewayBot()
	if err != nil || gb.Shards != 2 {
		t.Errorf("GatewayBot = %+v, %v", gb, err)
	}
	ctx := ctxFor(t, 10*time.Second)
	tests := []struct {
		name  string
		in    *discordtest.Interaction
		shard int
	}{
		{"guild on shard 0", fake.Command("ask", discordtest.Str("question", "a")), 0},
		{"guild on shard 1", fake.Command("ask", discordtest.Str("question", "b")).InGuild(onShard1), 1},
		{"DM", fake.Command("ask", discordtest.Str("question", "c")).InDM(), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := fake.DispatchInteraction(tt.in); err != nil {
				t.Fatal(err)
			}
			if _, err := fake.WaitReply(ctx, tt.in); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if got[tt.in.ID] != tt.shard {
				t.Errorf("handled on shard %d; want %d", got[tt.in.ID], tt.shard)
			}
		})
	}
	var shards [][2]int
	for _, id := range fake.IdentifyPayloads() {
		shards = append(shards, id.Shard)
	}
	if len(shards) != 2 || shards[0] == shards[1] {
		t.Errorf("identified shards %v", shards)
	}
	if _, err := sessions[1].State.Guild(onShard1); err != nil {
		t.Errorf("shard 1 does not know its guild: %v", err)
	}
	if _, err := sessions[0].State.Guild(onShard1); err == nil {
		t.Errorf("shard 0 knows shard 1's guild")
	}
}

// post sends a raw REST call to the fake.
func post(t *testing.T, fake *discordtest.Server, method, path string, body any) *http.Response {
	t.Helper()
	b, _ := json.Marshal(body)
	req, err := http.NewRequest(method, fake.URL()+discordtest.APIPrefix+path, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bot test")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestLimits(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.ExpectProblems())
	am := map[string]any{"parse": []string{}}
	long := func(n int) string { return strings.Repeat("a", n) }
	button := func(id string) map[string]any {
		return map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "style": 1, "label": "x", "custom_id": id}}}
	}
	fields := func(n int) []any {
		var out []any
		for range n {
			out = append(out, map[string]any{"name": "n", "value": "v"})
		}
		return out
	}
	choices := func(n, size int) []any {
		var out []any
		for i := range n {
			out = append(out, map[string]any{"name": fmt.Sprint(i) + long(size), "value": "v"})
		}
		return out
	}
	msg := func(kv ...any) map[string]any {
		m := map[string]any{"allowed_mentions": am}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name string
		body map[string]any
		code int // 0: accepted
	}{
		{"fine", msg("content", "hi"), 0},
		{"content 2000", msg("content", long(2000)), 0},
		{"content 2001", msg("content", long(2001)), discordtest.CodeInvalidFormBody},
		{"description 4097", msg("embeds", []any{map[string]any{"description": long(4097)}}), discordtest.CodeInvalidFormBody},
		{"embeds total 6001", msg("embeds", []any{map[string]any{"description": long(4000)}, map[string]any{"description": long(2001)}}), discordtest.CodeInvalidFormBody},
		{"25 fields", msg("embeds", []any{map[string]any{"fields": fields(25)}}), 0},
		{"26 fields", msg("embeds", []any{map[string]any{"fields": fields(26)}}), discordtest.CodeInvalidFormBody},
		{"custom_id 100", msg("content", "x", "components", []any{button(long(100))}), 0},
		{"custom_id 101", msg("content", "x", "components", []any{button(long(101))}), discordtest.CodeInvalidFormBody},
		{"duplicate custom_id", msg("content", "x", "components", []any{button("a"), button("a")}), discordtest.CodeInvalidFormBody},
		{"no allowed_mentions", map[string]any{"content": "@everyone"}, discordtest.CodeInvalidFormBody},
		{"parse everyone", map[string]any{"content": "x", "allowed_mentions": map[string]any{"parse": []string{"everyone"}}}, discordtest.CodeInvalidFormBody},
		{"empty", msg(), discordtest.CodeEmptyMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(t, fake, "POST", "/channels/"+discordtest.ChannelID+"/messages", tt.body)
			r := fake.Requests()
			last := r[len(r)-1]
			if last.Code != tt.code || (tt.code == 0) != (resp.StatusCode == 200) {
				t.Errorf("status %d code %d; want code %d (violations %q)", resp.StatusCode, last.Code, tt.code, last.Violations)
			}
		})
	}

	t.Run("autocomplete choices", func(t *testing.T) {
		for _, tt := range []struct {
			n, size int
			code    int
		}{{25, 90, 0}, {26, 1, discordtest.CodeInvalidFormBody}, {1, 100, discordtest.CodeInvalidFormBody}} {
			in := fake.Autocomplete("sources", discordtest.Focused(discordtest.Str("name", "")))
			fake.Track(in)
			post(t, fake, "POST", "/interactions/"+in.ID+"/"+in.Token+"/callback",
				map[string]any{"type": 8, "data": map[string]any{"choices": choices(tt.n, tt.size)}})
			r := fake.Requests()
			if got := r[len(r)-1].Code; got != tt.code {
				t.Errorf("%d choices of %d: code %d; want %d", tt.n, tt.size+1, got, tt.code)
			}
		}
	})

	t.Run("commands", func(t *testing.T) {
		opt := func(name string, req bool) map[string]any {
			return map[string]any{"type": 3, "name": name, "description": "d", "required": req}
		}
		file := func(name string) map[string]any {
			return map[string]any{"type": 11, "name": name, "description": "d"}
		}
		sub := func(name string, opts ...any) map[string]any {
			return map[string]any{"type": 1, "name": name, "description": "d", "options": opts}
		}
		group := func(name string, opts ...any) map[string]any {
			return map[string]any{"type": 2, "name": name, "description": "d", "options": opts}
		}
		withRequired := func(o map[string]any) map[string]any { o["required"] = true; return o }
		tests := []struct {
			name string
			cmds []any
			ok   bool
		}{
			{"fine", []any{map[string]any{"name": "ask", "description": "Ask", "options": []any{opt("question", true), opt("private", false)}}}, true},
			{"upper case", []any{map[string]any{"name": "Ask", "description": "Ask"}}, false},
			{"no description", []any{map[string]any{"name": "ask", "description": ""}}, false},
			{"required after optional", []any{map[string]any{"name": "ask", "description": "d", "options": []any{opt("a", false), opt("b", true)}}}, false},
			{"subcommands, an attachment, permissions", []any{map[string]any{
				"name": "briefing", "description": "d", "default_member_permissions": "32", "contexts": []int{0},
				"options": []any{sub("add", file("file"), opt("url", false)), sub("list")},
			}}, true},
			{"permissions as a number", []any{map[string]any{"name": "briefing", "description": "d", "default_member_permissions": 32}}, false},
			{"permissions not a bit set", []any{map[string]any{"name": "briefing", "description": "d", "default_member_permissions": "manage"}}, false},
			{"permissions null", []any{map[string]any{"name": "briefing", "description": "d", "default_member_permissions": nil}}, true},
			{"unknown context", []any{map[string]any{"name": "ask", "description": "d", "contexts": []int{3}}}, false},
			{"subcommands mixed with options", []any{map[string]any{"name": "briefing", "description": "d", "options": []any{sub("add"), opt("url", false)}}}, false},
			{"required subcommand", []any{map[string]any{"name": "briefing", "description": "d", "options": []any{withRequired(sub("add"))}}}, false},
			{"subcommand in a subcommand", []any{map[string]any{"name": "briefing", "description": "d", "options": []any{sub("add", sub("more"))}}}, false},
			{"group in a group", []any{map[string]any{"name": "briefing", "description": "d", "options": []any{group("a", group("b", sub("c")))}}}, false},
			{"group of subcommands", []any{map[string]any{"name": "briefing", "description": "d", "options": []any{group("a", sub("b"), sub("c"))}}}, true},
			{"options on a string", []any{map[string]any{"name": "ask", "description": "d", "options": []any{map[string]any{"type": 3, "name": "q", "description": "d", "options": []any{opt("x", false)}}}}}, false},
			{"max_length on an attachment", []any{map[string]any{"name": "ask", "description": "d", "options": []any{map[string]any{"type": 11, "name": "f", "description": "d", "max_length": 10}}}}, false},
		}
		for _, tt := range tests {
			resp := post(t, fake, "PUT", "/applications/"+discordtest.ApplicationID+"/commands", tt.cmds)
			if (resp.StatusCode == 200) != tt.ok {
				t.Errorf("%s: status %d", tt.name, resp.StatusCode)
			}
		}
	})

	t.Run("unknown route", func(t *testing.T) {
		before := len(fake.Unexpected())
		if resp := post(t, fake, "GET", "/guilds/1/bans", nil); resp.StatusCode != 404 {
			t.Errorf("status %d", resp.StatusCode)
		}
		if len(fake.Unexpected()) != before+1 {
			t.Errorf("not recorded as unexpected")
		}
	})
}

func TestCallbackRules(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.CallbackDeadline(100*time.Millisecond), discordtest.ExpectProblems())
	ack := map[string]any{"type": 5}
	msg := map[string]any{"type": 4, "data": map[string]any{"content": "x", "allowed_mentions": map[string]any{"parse": []string{}}}}
	callback := func(in *discordtest.Interaction, body any) discordtest.Request {
		post(t, fake, "POST", "/interactions/"+in.ID+"/"+in.Token+"/callback", body)
		r := fake.Requests()
		return r[len(r)-1]
	}

	t.Run("second ack", func(t *testing.T) {
		in := fake.Command("ask")
		fake.Track(in)
		if r := callback(in, ack); r.Status != 204 {
			t.Fatalf("first ack: %d %d", r.Status, r.Code)
		}
		if r := callback(in, msg); r.Code != discordtest.CodeAlreadyAcknowledged {
			t.Errorf("second ack: %d %d", r.Status, r.Code)
		}
	})
	t.Run("too late", func(t *testing.T) {
		in := fake.Command("ask")
		fake.Track(in)
		time.Sleep(150 * time.Millisecond)
		if r := callback(in, msg); r.Status != 404 || r.Code != discordtest.CodeUnknownInteraction {
			t.Errorf("late ack: %d %d", r.Status, r.Code)
		}
	})
	t.Run("wrong type", func(t *testing.T) {
		in := fake.Command("ask")
		fake.Track(in)
		if r := callback(in, map[string]any{"type": 8, "data": map[string]any{"choices": []any{}}}); r.Code != discordtest.CodeInvalidFormBody {
			t.Errorf("autocomplete result for a command: %d %d", r.Status, r.Code)
		}
	})
	t.Run("edit before ack", func(t *testing.T) {
		in := fake.Command("ask")
		fake.Track(in)
		resp := post(t, fake, "PATCH", "/webhooks/"+discordtest.ApplicationID+"/"+in.Token+"/messages/@original",
			map[string]any{"content": "x", "allowed_mentions": map[string]any{"parse": []string{}}})
		if resp.StatusCode != 404 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
}

// TestReplies checks that replies carry the message they reply to, and that
// content is hidden without the Message Content intent as Discord hides it.
func TestReplies(t *testing.T) {
	t.Parallel()
	for _, intents := range []discordgo.Intent{
		discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages,
		discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentMessageContent,
	} {
		withContent := intents&discordgo.IntentMessageContent != 0
		t.Run(fmt.Sprintf("message content intent %v", withContent), func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, discordtest.RefuseIntents(0))
			got := make(chan *discordgo.Message, 8)
			s, err := open(t, fake, "tok", intents, func(s *discordgo.Session) {
				s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m.Message })
			})
			if err != nil {
				t.Fatal(err)
			}
			// The bot answers a mention; the asker replies to the answer.
			q := fake.Mention("what happened?")
			if err := fake.DispatchMessage(q); err != nil {
				t.Fatal(err)
			}
			<-got
			sentMsg, err := s.ChannelMessageSendComplex(q.ChannelID, &discordgo.MessageSend{
				Content: "an answer", AllowedMentions: none, Reference: &discordgo.MessageReference{MessageID: q.ID},
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "👍", CustomID: "v1:up:ref"}}}},
			})
			if err != nil {
				t.Fatal(err)
			}
			answer, _, err := fake.WaitMessageReply(ctxFor(t, 5*time.Second), q)
			if err != nil {
				t.Fatal(err)
			}
			tests := []struct {
				name    string
				m       *discordtest.MessageEvent
				content string
			}{
				{"pinging reply", fake.Reply(answer, "what else?"), "what else?"},
				{"reply without ping", fake.Reply(answer, "and then?").NoPing(), map[bool]string{true: "and then?", false: ""}[withContent]},
				{"plain message", fake.Plain("hello all"), map[bool]string{true: "hello all", false: ""}[withContent]},
			}
			for _, tt := range tests {
				if err := fake.DispatchMessage(tt.m); err != nil {
					t.Fatal(err)
				}
				m := <-got
				if m.Content != tt.content {
					t.Errorf("%s: content %q, want %q", tt.name, m.Content, tt.content)
				}
				if tt.m.ReplyTo == "" {
					continue
				}
				ref := m.ReferencedMessage
				if m.Type != discordgo.MessageTypeReply || m.MessageReference == nil || m.MessageReference.MessageID != sentMsg.ID || ref == nil {
					t.Fatalf("%s: type %d reference %+v referenced %v; want a reply carrying the answer", tt.name, m.Type, m.MessageReference, ref)
				}
				if ref.Author == nil || ref.Author.ID != discordtest.BotUserID || ref.Content != "an answer" || len(ref.Components) != 1 {
					t.Errorf("%s: referenced message %+v; want the bot's answer with its button", tt.name, ref)
				}
			}
		})
	}
}

// TestRevokeToken checks a token revoked mid-session: the live socket
// closes with 4004, RESUME and IDENTIFY get 4004, and REST 401.
func TestRevokeToken(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t)
	closed := make(chan struct{}, 1)
	s, err := open(t, fake, "tok", discordgo.IntentsGuilds, func(s *discordgo.Session) {
		s.ShouldReconnectOnError = false
		s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { closed <- struct{}{} })
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.User("@me"); err != nil {
		t.Fatalf("REST before the revocation: %v", err)
	}
	if n := fake.RevokeToken(); n != 1 {
		t.Fatalf("closed %d connections; want 1", n)
	}
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not notice the close")
	}
	err = s.Open() // a RESUME: the session ID is known
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != discordtest.CloseAuthenticationFailed {
		t.Errorf("RESUME after the revocation: %v; want close 4004", err)
	}
	if _, err := open(t, fake, "tok", discordgo.IntentsGuilds, nil); !errors.As(err, &ce) || ce.Code != discordtest.CloseAuthenticationFailed {
		t.Errorf("IDENTIFY after the revocation: %v; want close 4004", err)
	}
	var re *discordgo.RESTError
	if _, err := s.User("@me"); !errors.As(err, &re) || re.Response.StatusCode != http.StatusUnauthorized {
		t.Errorf("REST after the revocation: %v; want 401", err)
	}
}

// TestRefuseConnections checks that an outage keeps the client out until
// it ends.
func TestRefuseConnections(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t)
	fake.RefuseConnections(true)
	if _, err := open(t, fake, "tok", discordgo.IntentsGuilds, nil); err == nil {
		t.Fatal("connected during the outage")
	}
	fake.RefuseConnections(false)
	if _, err := open(t, fake, "tok", discordgo.IntentsGuilds, nil); err != nil {
		t.Fatalf("after the outage: %v", err)
	}
}

// TestAttachments: a command with a file, as Discord sends it: the option's
// value is the attachment's ID, data.resolved.attachments describes it, and
// its signed URL serves the bytes from the fake's CDN, and nothing else does.
func TestAttachments(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t)
	got := make(chan *discordgo.Interaction, 1)
	_, err := open(t, fake, "test", discordgo.IntentsGuilds, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
			got <- i.Interaction
			_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "ok", AllowedMentions: none}})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxFor(t, 10*time.Second)
	body := []byte("title: A note\n---\nA note\n\nSome text.\n")
	att := fake.Upload("note.md", "text/markdown; charset=utf-8", body)
	in := fake.Command("briefing", discordtest.Sub("add", discordtest.File("file", att))).WithPermissions(discordgo.PermissionManageGuild)
	if err := fake.DispatchInteraction(in); err != nil {
		t.Fatal(err)
	}
	var i *discordgo.Interaction
	select {
	case i = <-got:
	case <-ctx.Done():
		t.Fatal("no interaction")
	}
	d := i.ApplicationCommandData()
	if len(d.Options) != 1 || d.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand || d.Options[0].Name != "add" {
		t.Fatalf("options = %+v, want the add subcommand", d.Options)
	}
	fileOpt := d.Options[0].Options[0]
	if fileOpt.Type != discordgo.ApplicationCommandOptionAttachment || fileOpt.Value != att.ID {
		t.Errorf("file option = %+v, want the attachment's ID", fileOpt)
	}
	a := d.Resolved.Attachments[att.ID]
	if a == nil || a.Filename != "note.md" || a.Size != len(body) || a.URL != att.URL {
		t.Fatalf("resolved attachment = %+v", a)
	}
	if i.Member == nil || i.Member.Permissions&discordgo.PermissionManageGuild == 0 {
		t.Errorf("member permissions = %+v, want Manage Server", i.Member)
	}
	if _, err := fake.WaitReply(ctx, in); err != nil {
		t.Fatal(err)
	}

	plain := fake.Command("ask")
	if err := fake.DispatchInteraction(plain); err != nil {
		t.Fatal(err)
	}
	if i := <-got; i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		t.Errorf("a plain member has permissions %d, including Manage Server or Administrator", i.Member.Permissions)
	}

	get := func(u string) (int, string) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	if code, text := get(a.URL); code != 200 || text != string(body) {
		t.Errorf("GET the attachment URL: %d %q", code, text)
	}
	unsigned, _, _ := strings.Cut(a.URL, "?")
	for _, u := range []string{unsigned, strings.Replace(a.URL, "hm=", "hm=0", 1), strings.Replace(a.URL, "note.md", "other.md", 1)} {
		if code, _ := get(u); code != 404 {
			t.Errorf("GET %s: %d, want 404", u, code)
		}
	}
	if n := fake.Downloads(att.ID); n != 1 {
		t.Errorf("Downloads = %d, want 1", n)
	}
}
