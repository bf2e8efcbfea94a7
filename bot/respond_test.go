package bot

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

func TestRespondCommands(t *testing.T) {
	e := newFake()
	tests := []struct {
		name      string
		i         *discordgo.Interaction
		typ       discordgo.InteractionResponseType
		ephemeral bool
		contains  []string // in content or the first embed's title, description, author or footer
		buttons   []string
		wantErr   bool
	}{
		{
			name: "ask", i: slash(cmdAsk, opt(optQuestion, "when will the harbour reopen?")),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"when will the harbour reopen?", "“The harbour will reopen in May,” said Ana Costa", "Ana Costa, the port's director", "Harbour repairs · Timeline"},
			buttons:  []string{"More answers", "Full paragraph"},
		},
		{
			name: "ask private", i: slash(cmdAsk, opt(optQuestion, "when?"), opt(optPrivate, true)),
			typ: discordgo.InteractionResponseChannelMessageWithSource, ephemeral: true,
			contains: []string{"reopen in May"},
		},
		{
			name: "ask blank", i: slash(cmdAsk, opt(optQuestion, "   ")),
			typ: discordgo.InteractionResponseChannelMessageWithSource, ephemeral: true,
			contains: []string{"Ask me a question"},
		},
		{
			name: "ask wrong option type", i: slash(cmdAsk, &discordgo.ApplicationCommandInteractionDataOption{Name: optQuestion, Type: discordgo.ApplicationCommandOptionInteger, Value: 3.0}),
			typ: discordgo.InteractionResponseChannelMessageWithSource, ephemeral: true,
			contains: []string{"couldn't read"}, wantErr: true,
		},
		{
			name: "timeline", i: slash(cmdTimeline),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"Timeline", "**Friday, March 22, 2024** — The storm hit the harbour.", "**about 2018**", "2 events"},
		},
		{
			name: "timeline filtered", i: slash(cmdTimeline, opt(optTopic, "storm"), opt(optFrom, 2024.0), opt(optTo, 2018.0)),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"Timeline: storm (2018–2024)"},
		},
		{
			name: "sources", i: slash(cmdSources),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"**Ana Costa**, the port's director · 2 quotes, 1 statement", "**Port Authority** · 1 statement"},
		},
		{
			name: "sources name", i: slash(cmdSources, opt(optName, "ana costa")),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"What Ana Costa said", "Costa said the work was on budget. — *Costs*"},
		},
		{
			name: "sources unknown name", i: slash(cmdSources, opt(optName, "Nobody")),
			typ: discordgo.InteractionResponseChannelMessageWithSource, ephemeral: true,
			contains: []string{"can't find anyone called “Nobody”", "**Ana Costa**"},
		},
		{
			name: "quote", i: slash(cmdQuote, opt(optSpeaker, "Ana Costa")),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"in their own words", "“The harbour will reopen in May”"},
		},
		{
			name: "about", i: slash(cmdAbout),
			typ:      discordgo.InteractionResponseChannelMessageWithSource,
			contains: []string{"Loaded briefings"},
		},
		{
			name: "help", i: slash(cmdHelp),
			typ: discordgo.InteractionResponseChannelMessageWithSource, ephemeral: true,
			contains: []string{"/ask", "/timeline", "/sources", "/quote", "/about"},
		},
		{
			name: "unknown command", i: slash("frobnicate"),
			typ: discordgo.InteractionResponseChannelMessageWithSource, ephemeral: true,
			contains: []string{"don't know that command"}, wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := respond(e.engine(), tt.i)
			if (err != nil) != tt.wantErr {
				t.Fatalf("respond error = %v, want error %v", err, tt.wantErr)
			}
			if r.Type != tt.typ {
				t.Errorf("response type = %d, want %d", r.Type, tt.typ)
			}
			checkData(t, r.Data)
			if got := r.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("ephemeral = %v, want %v", got, tt.ephemeral)
			}
			text := visible(r.Data)
			for _, want := range tt.contains {
				if !strings.Contains(text, want) {
					t.Errorf("response does not contain %q:\n%s", want, text)
				}
			}
			ids := buttonIDs(r.Data.Components)
			for _, label := range tt.buttons {
				if ids[label] == "" {
					t.Errorf("no %q button in %v", label, ids)
				}
			}
		})
	}
}

// visible is everything a user sees in a response, one string.
func visible(d *discordgo.InteractionResponseData) string {
	parts := []string{d.Content}
	for _, e := range d.Embeds {
		parts = append(parts, e.Title, e.Description)
		if e.Author != nil {
			parts = append(parts, e.Author.Name)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
	}
	return strings.Join(parts, "\n")
}

func TestRespondNarrationAndNoAnswer(t *testing.T) {
	e := newFake()
	e.answer.Speaker = nil
	r, _ := respond(e.engine(), slash(cmdAsk, opt(optQuestion, "what happened?")))
	if got := r.Data.Embeds[0].Author.Name; got != "narration" {
		t.Errorf("author of narration = %q, want %q", got, "narration")
	}

	e.answer = qa.Answer{Answered: false, Suggestions: []string{"When will the harbour reopen?", "Who is Ana Costa?"}}
	r, _ = respond(e.engine(), slash(cmdAsk, opt(optQuestion, "what is the capital of Peru?")))
	checkData(t, r.Data)
	text := visible(r.Data)
	for _, want := range []string{"don't answer that", "won't guess", "When will the harbour reopen?", "Who is Ana Costa?"} {
		if !strings.Contains(text, want) {
			t.Errorf("no-answer reply does not contain %q:\n%s", want, text)
		}
	}
	if len(r.Data.Components) != 0 {
		t.Errorf("no-answer reply has buttons: %v", buttonIDs(r.Data.Components))
	}
}

func TestRespondButtons(t *testing.T) {
	e := newFake()
	answer, _ := respond(e.engine(), slash(cmdAsk, opt(optQuestion, "when will the harbour reopen?")))
	msg := sent(answer)
	ids := buttonIDs(answer.Data.Components)

	t.Run("more answers", func(t *testing.T) {
		r, err := respond(e.engine(), click(ids["More answers"], msg))
		if err != nil {
			t.Fatal(err)
		}
		checkData(t, r.Data)
		if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags != discordgo.MessageFlagsEphemeral {
			t.Errorf("more answers: type %d flags %d, want an ephemeral new message", r.Type, r.Data.Flags)
		}
		text := visible(r.Data)
		for _, want := range []string{"when will the harbour reopen?", "The port handles 40 ships a week.", "Harbour repairs · Background", "We are on schedule"} {
			if !strings.Contains(text, want) {
				t.Errorf("more answers does not contain %q:\n%s", want, text)
			}
		}
		if got := buttonIDs(r.Data.Components); got["Paragraph 1"] != "v1:para:b1:p2" {
			t.Errorf("more answers buttons = %v, want Paragraph 1 → v1:para:b1:p2", got)
		}
	})
	t.Run("full paragraph", func(t *testing.T) {
		r, _ := respond(e.engine(), click(ids["Full paragraph"], msg))
		checkData(t, r.Data)
		if !strings.Contains(visible(r.Data), "Repairs began last week. More text.") || r.Data.Flags != discordgo.MessageFlagsEphemeral {
			t.Errorf("full paragraph = %+v", r.Data)
		}
	})
	t.Run("paragraph gone", func(t *testing.T) {
		r, _ := respond(e.engine(), click("v1:para:gone", msg))
		if !strings.Contains(r.Data.Content, "isn't in the loaded briefings") {
			t.Errorf("missing paragraph reply = %q", r.Data.Content)
		}
	})
	t.Run("more without a message", func(t *testing.T) {
		r, _ := respond(e.engine(), click("v1:more", nil))
		if r.Data.Content != msgNoQuestion || r.Data.Flags != discordgo.MessageFlagsEphemeral {
			t.Errorf("more without message = %+v", r.Data)
		}
	})
	for _, id := range []string{"", "v0:more", "v1:nope", "v2:more:x", "v1:tl:x:0:0:", "v1:src:-1", "garbage"} {
		t.Run("stale "+id, func(t *testing.T) {
			r, err := respond(e.engine(), click(id, msg))
			if err != nil {
				t.Errorf("stale button error = %v, want nil (not a fault)", err)
			}
			if r.Data.Content != msgStaleButton || r.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("stale button reply = %+v", r.Data)
			}
		})
	}
}

func TestRespondPagination(t *testing.T) {
	e := newFake()
	e.events = nil
	for n := range 1000 {
		e.events = append(e.events, qa.TimelineEvent{
			Date: fmt.Sprintf("%04d", 1000+n), When: fmt.Sprintf("%d", 1000+n),
			Text: fmt.Sprintf("Event %d. ", n) + strings.Repeat("A long sentence @everyone <@&1> ", 30),
		})
	}
	var got qa.TimelineFilter
	e.filter = &got
	r, err := respond(e.engine(), slash(cmdTimeline, opt(optTopic, "harbour storm"), opt(optFrom, 1000.0), opt(optTo, 2999.0)))
	if err != nil {
		t.Fatal(err)
	}
	if got != (qa.TimelineFilter{Topic: "harbour storm", From: 1000, To: 2999}) {
		t.Errorf("engine got filter %+v", got)
	}
	pages := 0
	for r.InteractionResponse != nil {
		pages++
		checkData(t, r.Data)
		if want := fmt.Sprintf("Page %d of 100", pages); !strings.Contains(r.Data.Embeds[0].Footer.Text, want) {
			t.Fatalf("footer %q, want %q", r.Data.Embeds[0].Footer.Text, want)
		}
		if want := fmt.Sprintf("Event %d.", (pages-1)*10); !strings.Contains(r.Data.Embeds[0].Description, want) {
			t.Fatalf("page %d does not start with %q", pages, want)
		}
		next := buttonIDs(r.Data.Components)["Next ▶"]
		if pages == 100 || pages > 100 {
			break
		}
		r, err = respond(e.engine(), click(next, sent(r)))
		if err != nil {
			t.Fatal(err)
		}
		if r.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("page click response type %d, want %d (update)", r.Type, discordgo.InteractionResponseUpdateMessage)
		}
		if got.Topic != "harbour storm" || got.From != 1000 || got.To != 2999 {
			t.Fatalf("page %d: engine got filter %+v", pages, got)
		}
	}
	if pages != 100 {
		t.Errorf("paged through %d pages, want 100", pages)
	}
	// A page past the end (the list shrank after a reload) shows the last.
	r, _ = respond(e.engine(), click("v1:tl:500:1000:2999:harbour storm", nil))
	if !strings.Contains(r.Data.Embeds[0].Footer.Text, "Page 100 of 100") {
		t.Errorf("page past the end: footer %q", r.Data.Embeds[0].Footer.Text)
	}
}

func TestRespondSourcesPagination(t *testing.T) {
	e := newFake()
	e.sources = nil
	long := strings.Repeat("Very Long Organisation Name ", 10) // over 100 characters
	for n := range 35 {
		e.sources = append(e.sources, qa.SourceSummary{Name: fmt.Sprintf("%s %d", long, n), Role: strings.Repeat("role ", 100), Quotes: n})
	}
	e.said = nil
	for n := range 20 {
		e.said = append(e.said, qa.Said{Text: fmt.Sprintf("Said %d ", n) + strings.Repeat("words ", 200), Quote: "q", Section: "S"})
	}
	r, _ := respond(e.engine(), slash(cmdSources))
	for n := 1; ; n++ {
		checkData(t, r.Data)
		next, ok := buttonIDs(r.Data.Components)["Next ▶"]
		if !ok || n > 10 {
			t.Fatalf("no next button on page %d", n)
		}
		if n == 4 {
			break
		}
		r, _ = respond(e.engine(), click(next, sent(r)))
	}
	if !strings.Contains(r.Data.Embeds[0].Footer.Text, "Page 4 of 4") {
		t.Errorf("footer %q", r.Data.Embeds[0].Footer.Text)
	}
	if !buttonDisabled(r.Data.Components, "Next ▶") || buttonDisabled(r.Data.Components, "◀ Previous") {
		t.Errorf("last page: want Next disabled and Previous enabled")
	}

	// What a long-named source said pages too, with the name in the ID.
	r, _ = respond(e.engine(), slash(cmdQuote, opt(optSpeaker, e.sources[3].Name)))
	checkData(t, r.Data)
	next := buttonIDs(r.Data.Components)["Next ▶"]
	if !strings.HasPrefix(next, "v1:q:1:Very Long") || len(next) > maxCustomID {
		t.Errorf("quote next button %q", next)
	}
	r, _ = respond(e.engine(), click(next, sent(r)))
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource || !strings.Contains(r.Data.Content, "can't find anyone") {
		// The name was cut to fit the custom ID, so the fake engine, which
		// matches whole names only, no longer finds it: a friendly notice.
		t.Logf("page 2 of a cut name: %d %q", r.Type, r.Data.Content)
	}
}

func buttonDisabled(rows []discordgo.MessageComponent, label string) bool {
	for _, c := range rows {
		for _, b := range c.(discordgo.ActionsRow).Components {
			if b := b.(discordgo.Button); b.Label == label {
				return b.Disabled
			}
		}
	}
	return false
}

func TestRespondAutocomplete(t *testing.T) {
	e := newFake()
	e.names = nil
	for n := range 40 {
		e.names = append(e.names, fmt.Sprintf("Person %02d %s", n, strings.Repeat("x", 120)))
	}
	e.names = append(e.names, "Ana Costa")
	tests := []struct {
		name  string
		i     *discordgo.Interaction
		first string
		err   bool
	}{
		{"sources", typing(cmdSources, focused(optName, "ana")), "Ana Costa", false},
		{"quote", typing(cmdQuote, focused(optSpeaker, "ana costa")), "Ana Costa", false},
		{"no focus", typing(cmdQuote, opt(optSpeaker, "ana")), "", true},
		{"unknown option", typing(cmdAsk, focused(optQuestion, "x")), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := respond(e.engine(), tt.i)
			if (err != nil) != tt.err {
				t.Fatalf("error = %v, want error %v", err, tt.err)
			}
			if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("type = %d, want 8", r.Type)
			}
			if len(r.Data.Choices) > maxChoices {
				t.Errorf("%d choices, limit %d", len(r.Data.Choices), maxChoices)
			}
			for _, c := range r.Data.Choices {
				within(t, "choice name", c.Name, maxChoiceName)
				within(t, "choice value", c.Value.(string), maxChoiceValue)
			}
			if tt.first != "" && (len(r.Data.Choices) == 0 || r.Data.Choices[0].Name != tt.first) {
				t.Errorf("first choice = %v, want %q", r.Data.Choices, tt.first)
			}
		})
	}
}

func TestRespondMalformed(t *testing.T) {
	e := newFake()
	tests := []struct {
		name string
		json string
	}{
		{"command without data", `{"id":"1","type":2,"token":"t"}`},
		{"component without data", `{"id":"1","type":3,"token":"t"}`},
		{"modal", `{"id":"1","type":5,"token":"t","data":{"custom_id":"x","components":[]}}`},
		{"unknown type", `{"id":"1","type":99,"token":"t"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ic discordgo.InteractionCreate
			_ = json.Unmarshal([]byte(tt.json), &ic) // the gateway dispatches even what fails to decode
			if ic.Interaction == nil {
				ic.Interaction = &discordgo.Interaction{}
				_ = json.Unmarshal([]byte(tt.json), ic.Interaction)
			}
			r, err := respond(e.engine(), ic.Interaction)
			if err == nil {
				t.Error("respond error = nil, want detail for the log")
			}
			checkData(t, r.Data)
			if r.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("malformed interaction reply is not ephemeral: %+v", r.Data)
			}
		})
	}
	if r, err := respond(Engine{}, slash(cmdAsk, opt(optQuestion, "x"))); err == nil || r.Data.Content != msgNoEngine {
		t.Errorf("no engine: %v %+v", err, r.Data)
	}
	if r, _ := respond(e.engine(), &discordgo.Interaction{Type: discordgo.InteractionPing}); r.Type != discordgo.InteractionResponsePong {
		t.Errorf("ping: type %d", r.Type)
	}
}

func TestEveryoneNeverPings(t *testing.T) {
	e := newFake()
	evil := "@everyone @here <@&123> <@456> look"
	e.answer.Passage = evil
	e.answer.Speaker = &qa.Speaker{Name: "@everyone", Role: "@here"}
	e.events[0].Text = evil
	e.sources[0].Name = "@everyone"
	for _, i := range []*discordgo.Interaction{
		slash(cmdAsk, opt(optQuestion, evil)),
		slash(cmdTimeline, opt(optTopic, evil)),
		slash(cmdSources),
		slash(cmdSources, opt(optName, "@everyone")),
		slash(cmdQuote, opt(optSpeaker, evil)),
	} {
		r, _ := respond(e.engine(), i)
		b, _ := json.Marshal(r)
		if !strings.Contains(string(b), `"allowed_mentions":{"parse":[],"replied_user":false}`) {
			t.Errorf("response without allowed_mentions parse [] : %s", b)
		}
	}
	evilReply, _ := messageReply(e.fakeAnswers, request{text: evil})
	send := evilReply.message(nil)
	if b, _ := json.Marshal(send); !strings.Contains(string(b), `"allowed_mentions":{"parse":[],"replied_user":false}`) {
		t.Errorf("message without allowed_mentions parse []: %s", b)
	}
	edit := evilReply.edit()
	if b, _ := json.Marshal(edit); !strings.Contains(string(b), `"allowed_mentions":{"parse":[],"replied_user":false}`) {
		t.Errorf("edit without allowed_mentions parse []: %s", b)
	}
}

func TestHugePassage(t *testing.T) {
	e := newFake()
	e.answer.Passage = strings.Repeat("Ω long passage ", 2000)
	e.answer.Speaker = &qa.Speaker{Name: strings.Repeat("N", 300), Role: strings.Repeat("r", 300)}
	e.answer.Briefing = strings.Repeat("B", 3000)
	e.answer.Section = strings.Repeat("S", 3000)
	e.answer.Ref = strings.Repeat("r", 200) // too long for a custom ID: no button
	r, _ := respond(e.engine(), slash(cmdAsk, opt(optQuestion, strings.Repeat("why ", 200))))
	checkData(t, r.Data)
	if _, ok := buttonIDs(r.Data.Components)["Full paragraph"]; ok {
		t.Error("Full paragraph button with a ref too long for its custom ID")
	}
	if !strings.HasSuffix(r.Data.Embeds[0].Description, "…") {
		t.Error("cut description does not end in …")
	}
	e.answer.More = nil
	for range 30 {
		e.answer.More = append(e.answer.More, qa.Match{Passage: e.answer.Passage, Ref: "p1"})
	}
	r, _ = respond(e.engine(), click("v1:more", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Title: "why?"}}}))
	checkData(t, r.Data)
}

func TestQuestionIn(t *testing.T) {
	const bot = "100"
	user := &discordgo.User{ID: "42"}
	me := []*discordgo.User{{ID: bot}}
	// answer is one of the bot's answers, as Discord sends it with a reply.
	answer := &discordgo.Message{ID: "8", Author: &discordgo.User{ID: bot, Bot: true},
		Embeds: []*discordgo.MessageEmbed{{Title: "What did Ana Costa say?"}},
		Components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			&discordgo.Button{Label: "More answers", CustomID: "v1:more"},
			&discordgo.Button{Label: "Full paragraph", CustomID: "v1:para:b1:p4"},
			&discordgo.Button{Label: "👍", CustomID: "v1:up:b1:p4"},
			&discordgo.Button{Label: "👎", CustomID: "v1:down:b1:p4"},
		}}}}
	// declined has closest passages' buttons, but no answer and so no ref.
	declined := &discordgo.Message{ID: "9", Author: answer.Author,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Show passage 1", CustomID: "v1:para:b1:p2"},
		}}}}
	someone := &discordgo.Message{ID: "10", Author: &discordgo.User{ID: "7"}, Components: answer.Components}
	reply := func(to *discordgo.Message, guild, content string, mentions []*discordgo.User) *discordgo.Message {
		return &discordgo.Message{GuildID: guild, Author: user, Type: discordgo.MessageTypeReply, Content: content,
			Mentions: mentions, MessageReference: &discordgo.MessageReference{MessageID: to.ID}, ReferencedMessage: to}
	}
	tests := []struct {
		name string
		m    *discordgo.Message
		want request
		ok   bool
	}{
		{"mention", &discordgo.Message{GuildID: "1", Author: user, Content: "<@100> why  now?", Mentions: me}, request{"why now?", "mention", ""}, true},
		{"nick mention", &discordgo.Message{GuildID: "1", Author: user, Content: "hey <@!100>, why?", Mentions: me}, request{"hey , why?", "mention", ""}, true},
		{"dm", &discordgo.Message{Author: user, Content: "why?"}, request{"why?", "dm", ""}, true},
		{"guild without mention", &discordgo.Message{GuildID: "1", Author: user, Content: "why?"}, request{}, false},
		{"mention of someone else", &discordgo.Message{GuildID: "1", Author: user, Content: "<@7> why?", Mentions: []*discordgo.User{{ID: "7"}}}, request{}, false},
		{"own message", &discordgo.Message{Author: &discordgo.User{ID: bot, Bot: true}, Content: "hi"}, request{}, false},
		{"other bot", &discordgo.Message{Author: &discordgo.User{ID: "9", Bot: true}, Content: "<@100> hi", Mentions: me}, request{}, false},
		{"no author", &discordgo.Message{Content: "hi"}, request{}, false},
		{"system message", &discordgo.Message{Author: user, Type: discordgo.MessageTypeGuildMemberJoin}, request{}, false},
		{"bare mention", &discordgo.Message{GuildID: "1", Author: user, Content: "<@100>", Mentions: me}, request{"", "mention", ""}, true},
		{"reply to an answer (pinging)", reply(answer, "1", "What else did he say?", me), request{"What else did he say?", "followup", "b1:p4"}, true},
		{"reply to an answer with a mention", reply(answer, "1", "<@100> When was that?", me), request{"When was that?", "followup", "b1:p4"}, true},
		{"reply to an answer in a DM", reply(answer, "", "Why?", nil), request{"Why?", "followup", "b1:p4"}, true},
		{"reply without ping, with the Message Content intent", reply(answer, "1", "Why?", nil), request{"Why?", "followup", "b1:p4"}, true},
		{"reply without ping, without the intent: empty", reply(answer, "1", "", nil), request{}, false},
		{"reply to a declined answer", reply(declined, "1", "And Russia?", me), request{"And Russia?", "mention", ""}, true},
		{"reply to someone else, mentioning the bot", reply(someone, "1", "<@100> is that so?", me), request{"is that so?", "mention", ""}, true},
		{"reply to someone else", reply(someone, "1", "is that so?", nil), request{}, false},
		{"reply to a deleted answer", &discordgo.Message{GuildID: "1", Author: user, Type: discordgo.MessageTypeReply, Content: "why?", Mentions: me,
			MessageReference: &discordgo.MessageReference{MessageID: "8"}}, request{"why?", "mention", ""}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := questionIn(tt.m, bot)
			if got != tt.want || ok != tt.ok {
				t.Errorf("questionIn = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFollowUpReply(t *testing.T) {
	e := newFake()
	r, declined := messageReply(e.fakeAnswers, request{text: "What else did she say?", kind: "followup", after: "b1:p4"})
	if got := e.followUps; len(got) != 1 || got[0] != [2]string{"b1:p4", "What else did she say?"} {
		t.Fatalf("FollowUp calls %q, want one with the answer's ref", got)
	}
	checkSend(t, r.message(nil))
	if declined != "" {
		t.Errorf("declined %q", declined)
	}
	if r.content != "*Follow-up: following up b1:p4*" {
		t.Errorf("content %q, want how the engine read the follow-up", r.content)
	}
	ids := buttonIDs(r.components)
	if ids["More answers"] != "v1:more:b1:p4" {
		t.Errorf("More answers %q, want it to carry the ref followed up", ids["More answers"])
	}
	// More answers on the follow-up asks the follow-up again.
	more, _ := respond(e.engine(), click(ids["More answers"], &discordgo.Message{Embeds: r.embeds}))
	if got := e.followUps; len(got) != 2 || got[1] != [2]string{"b1:p4", "What else did she say?"} || more.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("More answers after a follow-up: calls %q, reply %+v", got, more.Data)
	}
	tests := []struct{ why, want string }{
		{"taking 'he' as Daniel_Byman; matched 2/2 terms", `*Follow-up: taking 'he' as Daniel\_Byman*`},
		{"", "*Follow-up to the answer you replied to.*"},
		{"answered as a new question: nothing points back", "*Follow-up: answered as a new question: nothing points back*"},
	}
	for _, tt := range tests {
		if got := followUpNote(tt.why); got != tt.want {
			t.Errorf("followUpNote(%q) = %q, want %q", tt.why, got, tt.want)
		}
	}
}

func TestMessageReply(t *testing.T) {
	e := newFake()
	m := &discordgo.Message{ID: "5", ChannelID: "6", GuildID: "7"}
	r, _ := messageReply(e.fakeAnswers, request{text: "when will the harbour reopen?"})
	send := r.message(m.SoftReference())
	checkSend(t, send)
	if send.Reference == nil || send.Reference.MessageID != "5" || send.Reference.FailIfNotExists == nil || *send.Reference.FailIfNotExists {
		t.Errorf("reference = %+v, want a soft reference to message 5", send.Reference)
	}
	if send.Embeds[0].Description != e.answer.Passage || buttonIDs(send.Components)["More answers"] != "v1:more" {
		t.Errorf("message reply differs from the /ask answer: %+v", send.Embeds[0])
	}
	if got, _ := messageReply(e.fakeAnswers, request{}); !strings.Contains(got.content, "Ask me a question") {
		t.Errorf("empty question reply = %q", got.content)
	}
	if got, _ := messageReply(nil, request{text: "x"}); got.content != msgNoEngine {
		t.Errorf("no engine reply = %q", got.content)
	}
}

func TestRespondClosestPassages(t *testing.T) {
	clarke := &qa.Speaker{Name: "Ana Costa", Role: "the port's director"}
	long := strings.Repeat("A passage far longer than a field may hold. ", 60)
	tests := []struct {
		name    string
		closest []qa.Match
		fields  []string // the fields' names, in order
		buttons []string // custom IDs, in order
	}{
		{
			name: "three with speakers and narration",
			closest: []qa.Match{
				{Passage: "The port handles 40 ships a week.", Ref: "b1:p2", Briefing: "Harbour repairs", Section: "Background"},
				{Passage: "“We are on schedule,” Costa said.", Speaker: clarke, Ref: "b1:p5"},
				{Passage: "Repairs began last week.", Ref: "b1:p4"},
			},
			fields:  []string{"1. narration", "2. Ana Costa, the port's director", "3. narration"},
			buttons: []string{"v1:para:b1:p2", "v1:para:b1:p5", "v1:para:b1:p4"},
		},
		{
			name: "at most three, one button per paragraph, none without a ref",
			closest: []qa.Match{
				{Passage: long, Ref: "b1:p2"},
				{Passage: "Same paragraph.", Ref: "b1:p2"},
				{Passage: "No ref.", Speaker: &qa.Speaker{Name: "Port Authority"}},
				{Passage: "A fourth.", Ref: "b1:p9"},
			},
			fields:  []string{"1. narration", "2. narration", "3. Port Authority"},
			buttons: []string{"v1:para:b1:p2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newFake()
			e.answer = qa.Answer{Closest: tt.closest}
			r, _ := respond(e.engine(), slash(cmdAsk, opt(optQuestion, "how deep is the harbour?")))
			checkData(t, r.Data)
			em := r.Data.Embeds[0]
			if em.Title != "how deep is the harbour?" || em.Description != msgClosest {
				t.Errorf("title %q, description %q; want the question, then %q", em.Title, em.Description, msgClosest)
			}
			if em.Author != nil {
				t.Errorf("author %q: closest passages must not look like an answer", em.Author.Name)
			}
			var names []string
			for _, f := range em.Fields {
				names = append(names, f.Name)
			}
			if !slices.Equal(names, tt.fields) {
				t.Errorf("fields %q, want %q", names, tt.fields)
			}
			for i, m := range tt.closest[:len(tt.fields)] {
				if got := em.Fields[i].Value; !strings.HasPrefix(got, strings.TrimSpace(m.Passage[:min(len(m.Passage), 100)])) {
					t.Errorf("field %d = %q, want the passage %q", i+1, got, m.Passage)
				}
			}
			var ids []string
			for _, c := range r.Data.Components {
				for _, b := range c.(discordgo.ActionsRow).Components {
					ids = append(ids, b.(discordgo.Button).CustomID)
				}
			}
			if !slices.Equal(ids, tt.buttons) {
				t.Errorf("buttons %q, want %q", ids, tt.buttons)
			}
			// The first button shows its passage's paragraph, as "Full
			// paragraph" does.
			e.paragraph["b1:p2"] = qa.Paragraph{Text: "The port handles 40 ships a week, and more besides."}
			p, _ := respond(e.engine(), click(ids[0], sent(r)))
			if p.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(visible(p.Data), "40 ships a week, and more") {
				t.Errorf("show passage 1: %+v", p.Data)
			}
		})
	}
}
