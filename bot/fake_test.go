package bot

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

// fakeAnswers answers every question with answer, after delay, and
// records the follow-ups it is asked; it panics when panics is set.
type fakeAnswers struct {
	answer qa.Answer
	delay  time.Duration
	panics bool

	mu        sync.Mutex
	followUps [][2]string // ref and question of each FollowUp
}

func (f *fakeAnswers) Ask(q string) qa.Answer {
	if f.panics {
		panic("fake engine: Ask")
	}
	time.Sleep(f.delay)
	a := f.answer
	a.Question = q
	return a
}

func (f *fakeAnswers) FollowUp(ref, q string) qa.Answer {
	f.mu.Lock()
	f.followUps = append(f.followUps, [2]string{ref, q})
	f.mu.Unlock()
	a := f.Ask(q)
	a.Why = "following up " + ref
	return a
}

// fakeCatalogue lists fixed values; filter, when set, receives the last
// filter Timeline got.
type fakeCatalogue struct {
	events    []qa.TimelineEvent
	sources   []qa.SourceSummary
	said      []qa.Said
	names     []string
	paragraph map[string]qa.Paragraph
	briefings []qa.BriefingInfo
	filter    *qa.TimelineFilter
}

func (f *fakeCatalogue) Timeline(tf qa.TimelineFilter) []qa.TimelineEvent {
	if f.filter != nil {
		*f.filter = tf
	}
	return f.events
}

func (f *fakeCatalogue) Sources() []qa.SourceSummary { return f.sources }

func (f *fakeCatalogue) SaidBy(name string) (qa.SourceSummary, []qa.Said, bool) {
	for _, s := range f.sources {
		if strings.EqualFold(s.Name, name) {
			return s, f.said, true
		}
	}
	return qa.SourceSummary{}, nil, false
}

func (f *fakeCatalogue) Quotes(name string) (qa.SourceSummary, []qa.Said, bool) {
	s, said, ok := f.SaidBy(name)
	var quotes []qa.Said
	for _, x := range said {
		if x.Quote != "" {
			quotes = append(quotes, x)
		}
	}
	return s, quotes, ok
}

func (f *fakeCatalogue) Complete(string, bool) []string { return f.names }

func (f *fakeCatalogue) Paragraph(ref string) (qa.Paragraph, bool) {
	p, ok := f.paragraph[ref]
	return p, ok
}

func (f *fakeCatalogue) Briefings() []qa.BriefingInfo { return f.briefings }

// fake is both halves over one small invented briefing.
type fake struct {
	*fakeAnswers
	*fakeCatalogue
}

func (f fake) engine() Engine { return Engine{Answerer: f.fakeAnswers, Catalogue: f.fakeCatalogue} }

// newFake is an engine over a small invented briefing.
func newFake() fake {
	return fake{
		fakeAnswers: &fakeAnswers{answer: qa.Answer{
			Answered: true,
			Passage:  "“The harbour will reopen in May,” said Ana Costa, the port's director.",
			Context:  "Repairs began last week. “The harbour will reopen in May,” said Ana Costa, the port's director.",
			Speaker:  &qa.Speaker{Name: "Ana Costa", Role: "the port's director", Kind: "person"},
			Briefing: "Harbour repairs", Section: "Timeline", Ref: "b1:p4",
			More: []qa.Match{
				{Passage: "The port handles 40 ships a week.", Ref: "b1:p2", Briefing: "Harbour repairs", Section: "Background"},
				{Passage: "“We are on schedule,” Costa said.", Speaker: &qa.Speaker{Name: "Ana Costa"}, Ref: "b1:p5"},
			},
		}},
		fakeCatalogue: &fakeCatalogue{
			events: []qa.TimelineEvent{
				{Date: "2024-03-22", When: "Friday, March 22, 2024", Text: "The storm hit the harbour."},
				{Date: "2018", When: "about 2018", Approx: true, Text: "The breakwater was last rebuilt."},
			},
			sources: []qa.SourceSummary{
				{Name: "Ana Costa", Kind: "person", Role: "the port's director", Quotes: 2, Statements: 1},
				{Name: "Port Authority", Kind: "organisation", Statements: 1},
			},
			said: []qa.Said{
				{Text: "“The harbour will reopen in May,” said Ana Costa.", Quote: "The harbour will reopen in May", Section: "Timeline"},
				{Text: "Costa said the work was on budget.", Section: "Costs"},
			},
			names:     []string{"Ana Costa", "Port Authority"},
			paragraph: map[string]qa.Paragraph{"b1:p4": {Text: "Repairs began last week. More text.", Briefing: "Harbour repairs", Section: "Timeline"}},
			briefings: []qa.BriefingInfo{{Title: "Harbour repairs", Publisher: "Example News", Published: "2024-03-23", Passages: 12}},
		},
	}
}

// Builders of interactions as Discord sends them.

func slash(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", AppID: "100", Token: "tok", Type: discordgo.InteractionApplicationCommand,
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}}, GuildID: "200", ChannelID: "300",
		Data: discordgo.ApplicationCommandInteractionData{Name: name, Options: opts},
	}
}

func opt(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
	o := &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: v}
	switch v.(type) {
	case string:
		o.Type = discordgo.ApplicationCommandOptionString
	case float64:
		o.Type = discordgo.ApplicationCommandOptionInteger
	case bool:
		o.Type = discordgo.ApplicationCommandOptionBoolean
	}
	return o
}

func focused(name, typed string) *discordgo.ApplicationCommandInteractionDataOption {
	o := opt(name, typed)
	o.Focused = true
	return o
}

func typing(command string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := slash(command, opts...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

func click(customID string, on *discordgo.Message) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "2", AppID: "100", Token: "tok", Type: discordgo.InteractionMessageComponent,
		User:    &discordgo.User{ID: "42"},
		Data:    discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
		Message: on,
	}
}

// sent is the message a response posts, as Discord would show it.
func sent(r response) *discordgo.Message {
	return &discordgo.Message{ID: "900", Content: r.Data.Content, Embeds: r.Data.Embeds, Components: r.Data.Components}
}

// buttonIDs lists the custom IDs of a response's buttons, by label.
func buttonIDs(rows []discordgo.MessageComponent) map[string]string {
	ids := map[string]string{}
	for _, c := range rows {
		for _, b := range c.(discordgo.ActionsRow).Components {
			b := b.(discordgo.Button)
			ids[b.Label] = b.CustomID
		}
	}
	return ids
}

// fakeFeedback keeps votes and declined questions in memory; err, when
// set, fails every call.
type fakeFeedback struct {
	mu       sync.Mutex
	votes    []Vote
	declines []Decline
	err      error
}

func (f *fakeFeedback) Vote(_ context.Context, v Vote) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.votes = append(f.votes, v)
	return nil
}

func (f *fakeFeedback) Declined(_ context.Context, d Decline) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.declines = append(f.declines, d)
	return nil
}
