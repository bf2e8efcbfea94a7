package qa

import "github.com/briefbot/briefbot/knowledge"

// Engine answers questions from a fixed set of briefings.
// TODO(helper): replace this stub with the real engine.
type Engine struct {
	briefings []*knowledge.Briefing
}

// New indexes briefings. The result is safe for concurrent use.
func New(briefings ...*knowledge.Briefing) *Engine { return &Engine{briefings: briefings} }

// Ask answers one question, or abstains (Answered false) with suggestions.
func (e *Engine) Ask(question string) Answer { return Answer{Question: question} }

// Timeline lists dated events in order, merged across briefings.
func (e *Engine) Timeline(f TimelineFilter) []TimelineEvent { return nil }

// Sources lists every person and organisation quoted or cited.
func (e *Engine) Sources() []SourceSummary { return nil }

// SaidBy resolves name (full name, surname or alias; any case) and returns
// what that source said: quotes and statements in reading order.
func (e *Engine) SaidBy(name string) (SourceSummary, []Said, bool) { return SourceSummary{}, nil, false }

// Quotes is SaidBy restricted to direct quotes.
func (e *Engine) Quotes(speaker string) (SourceSummary, []Said, bool) {
	return SourceSummary{}, nil, false
}

// Complete returns up to 25 source names for autocomplete, ranked exact,
// then prefix, then contains (case-insensitive). quotedOnly keeps speakers
// with at least one direct quote.
func (e *Engine) Complete(prefix string, quotedOnly bool) []string { return nil }

// Paragraph returns the paragraph an Answer.Ref or Match.Ref names.
func (e *Engine) Paragraph(ref string) (Paragraph, bool) { return Paragraph{}, false }

// Briefings describes the loaded briefings.
func (e *Engine) Briefings() []BriefingInfo { return nil }
