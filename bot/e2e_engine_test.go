package bot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/qa"
)

// stubEngine is a bot.Engine over an invented briefing, so that the
// transport tests do not depend on the parser and the ranking: stubAnswers
// answers, stubCatalogue lists. Questions with a prefix steer the answers:
// "narration:" answers with no speaker, "unanswerable:" abstains,
// "closest:" abstains with closest passages, "long:" answers with a passage
// far over every limit, "slow:" takes 2 s, "panic:" panics.
type stubEngine struct {
	*stubAnswers
	*stubCatalogue
}

func (e stubEngine) engine() bot.Engine {
	return bot.Engine{Answerer: e.stubAnswers, Catalogue: e.stubCatalogue}
}

type stubAnswers struct {
	answer qa.Answer

	mu        sync.Mutex
	followUps [][2]string // ref and question of each FollowUp
}

type stubCatalogue struct {
	ref       string // the one paragraph it has
	paragraph qa.Paragraph
	events    []qa.TimelineEvent
	sources   []qa.SourceSummary
	said      []qa.Said

	mu     sync.Mutex
	filter qa.TimelineFilter // the last one Timeline got
}

var (
	_ bot.Answerer  = (*stubAnswers)(nil)
	_ bot.Catalogue = (*stubCatalogue)(nil)
)

func newStubEngine() stubEngine {
	answer := qa.Answer{
		Answered: true,
		Passage:  "“The harbour will reopen in May,” said Ana Costa, the port's director.",
		Context:  "Repairs began last week. “The harbour will reopen in May,” said Ana Costa, the port's director.",
		Speaker:  &qa.Speaker{Name: "Ana Costa", Role: "the port's director", Kind: "person"},
		Quote:    "The harbour will reopen in May,",
		Briefing: "Harbour repairs", Section: "Outlook", Score: 12.5, Ref: "h1:p4",
		More: []qa.Match{
			{Passage: "The port handles 40 ships a week.", Score: 7, Briefing: "Harbour repairs", Section: "Background", Ref: "h1:p2"},
			{Passage: "“We are on schedule,” Costa said.", Speaker: &qa.Speaker{Name: "Ana Costa", Role: "the port's director"}, Score: 6, Ref: "h1:p5"},
		},
	}
	e := stubEngine{&stubAnswers{answer: answer}, &stubCatalogue{
		ref: answer.Ref,
		paragraph: qa.Paragraph{
			Text:     "Repairs began last week. “The harbour will reopen in May,” said Ana Costa, the port's director.",
			Briefing: "Harbour repairs", Section: "Outlook", Kind: "body",
		},
		said: []qa.Said{
			{Text: "“The harbour will reopen in May,” said Ana Costa.", Quote: "The harbour will reopen in May,", Briefing: "Harbour repairs", Section: "Outlook"},
			{Text: "Costa said the work was on budget.", Briefing: "Harbour repairs", Section: "Costs"},
		},
	}}
	for i := range 35 {
		text := fmt.Sprintf("Event %02d: crews worked on berth %d of the harbour. %s", i, i, strings.Repeat("More detail about the repairs. ", 12))
		if i == 0 {
			text = "Event 00: the storm hit the harbour and closed it. " + strings.Repeat("More detail about the storm. ", 12)
		}
		e.events = append(e.events, qa.TimelineEvent{
			Date: fmt.Sprintf("%d", 1990+i), When: fmt.Sprintf("%d", 1990+i), Expression: "in " + fmt.Sprint(1990+i),
			Text: text, Briefings: []string{"Harbour repairs"},
		})
	}
	e.sources = []qa.SourceSummary{
		{Name: "Ana Costa", Kind: "person", Role: "the port's director", Aliases: []string{"Costa"}, Quotes: 2, Statements: 1},
		{Name: "Port Authority", Kind: "organisation", Statements: 1},
	}
	for i := range 37 {
		e.sources = append(e.sources, qa.SourceSummary{
			Name: fmt.Sprintf("Analyst %02d", i), Kind: "person", Role: "a harbour analyst", Statements: 1,
		})
	}
	e.sources = append(e.sources, qa.SourceSummary{
		Name: "A " + strings.Repeat("Very Long Name ", 10) + "Association", Kind: "organisation",
		Role: strings.Repeat("an organisation with a long role, ", 10), Statements: 20,
	})
	return e
}

func (e *stubAnswers) Ask(q string) qa.Answer {
	a := e.answer
	a.Question = q
	switch {
	case strings.HasPrefix(q, "panic:"):
		panic("stub engine: " + q)
	case strings.HasPrefix(q, "slow:"):
		time.Sleep(2 * time.Second)
	case strings.HasPrefix(q, "narration:"):
		a.Speaker, a.Quote = nil, ""
		a.Passage = "The port handles 40 ships a week."
	case strings.HasPrefix(q, "closest:"):
		return qa.Answer{Question: q, Closest: []qa.Match{
			{Passage: "Repairs began last week.", Ref: e.answer.Ref, Briefing: "Harbour repairs", Section: "Outlook"},
			{Passage: "“We are on schedule,” Costa said.", Speaker: e.answer.Speaker, Ref: "h1:p5"},
		}}
	case strings.HasPrefix(q, "unanswerable:"):
		return qa.Answer{Question: q, Suggestions: []string{"How deep is the harbour?", "Who runs the port?"}}
	case strings.HasPrefix(q, "long:"):
		a.Passage = strings.Repeat("A very long passage. ", 500)
		a.Context = a.Passage
	}
	return a
}

func (e *stubAnswers) FollowUp(ref, q string) qa.Answer {
	e.mu.Lock()
	e.followUps = append(e.followUps, [2]string{ref, q})
	e.mu.Unlock()
	a := e.Ask(q)
	a.Why = "following up " + ref
	return a
}

func (e *stubAnswers) lastFollowUp() [2]string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.followUps) == 0 {
		return [2]string{}
	}
	return e.followUps[len(e.followUps)-1]
}

func (e *stubCatalogue) Timeline(f qa.TimelineFilter) []qa.TimelineEvent {
	e.mu.Lock()
	e.filter = f
	e.mu.Unlock()
	if f.Topic == "" {
		return e.events
	}
	var out []qa.TimelineEvent
	for _, ev := range e.events {
		if strings.Contains(ev.Text, f.Topic) {
			out = append(out, ev)
		}
	}
	return out
}

func (e *stubCatalogue) lastFilter() qa.TimelineFilter {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.filter
}

func (e *stubCatalogue) Sources() []qa.SourceSummary { return e.sources }

func (e *stubCatalogue) find(name string) (qa.SourceSummary, bool) {
	for _, s := range e.sources {
		if strings.EqualFold(s.Name, name) || strings.HasPrefix(strings.ToLower(s.Name), strings.ToLower(name)) && len(name) > 60 {
			return s, true
		}
	}
	return qa.SourceSummary{}, false
}

func (e *stubCatalogue) SaidBy(name string) (qa.SourceSummary, []qa.Said, bool) {
	s, ok := e.find(name)
	if !ok {
		return qa.SourceSummary{}, nil, false
	}
	if s.Statements >= 20 {
		var many []qa.Said
		for i := range s.Statements {
			many = append(many, qa.Said{Text: fmt.Sprintf("Statement %d of a long-named source.", i), Section: "Outlook"})
		}
		return s, many, true
	}
	return s, e.said, true
}

func (e *stubCatalogue) Quotes(name string) (qa.SourceSummary, []qa.Said, bool) {
	s, said, ok := e.SaidBy(name)
	var quotes []qa.Said
	for _, x := range said {
		if x.Quote != "" {
			quotes = append(quotes, x)
		}
	}
	return s, quotes, ok
}

func (e *stubCatalogue) Complete(prefix string, quotedOnly bool) []string {
	var out []string
	for _, s := range e.sources {
		if quotedOnly && s.Quotes == 0 {
			continue
		}
		if strings.Contains(strings.ToLower(s.Name), strings.ToLower(prefix)) {
			out = append(out, s.Name)
		}
	}
	return out
}

func (e *stubCatalogue) Paragraph(ref string) (qa.Paragraph, bool) {
	if ref == e.ref {
		return e.paragraph, true
	}
	return qa.Paragraph{}, false
}

func (e *stubCatalogue) Briefings() []qa.BriefingInfo {
	return []qa.BriefingInfo{{Title: "Harbour repairs", Publisher: "Example News", Published: "2024-03-23", Passages: 12}}
}

// stubFeedback keeps votes and declined questions in memory.
type stubFeedback struct {
	mu       sync.Mutex
	votes    []bot.Vote
	declines []bot.Decline
}

func (f *stubFeedback) Vote(_ context.Context, v bot.Vote) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.votes = append(f.votes, v)
	return nil
}

func (f *stubFeedback) Declined(_ context.Context, d bot.Decline) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.declines = append(f.declines, d)
	return nil
}

// kept returns the votes and declined questions kept so far.
func (f *stubFeedback) kept() ([]bot.Vote, []bot.Decline) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.votes), slices.Clone(f.declines)
}
