package bot

import "github.com/briefbot/briefbot/qa"

// Engine is what the bot needs from the question-answering engine.
// *qa.Engine satisfies it.
type Engine interface {
	Ask(question string) qa.Answer
	Timeline(f qa.TimelineFilter) []qa.TimelineEvent
	Sources() []qa.SourceSummary
	SaidBy(name string) (qa.SourceSummary, []qa.Said, bool)
	Quotes(speaker string) (qa.SourceSummary, []qa.Said, bool)
	Complete(prefix string, quotedOnly bool) []string
	Paragraph(ref string) (qa.Paragraph, bool)
	Briefings() []qa.BriefingInfo
}

var _ Engine = (*qa.Engine)(nil)
