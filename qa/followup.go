package qa

import (
	"slices"
	"strings"
)

// FollowUp answers question as a follow-up to the answer whose Ref is ref.
// A follow-up it cannot resolve (an unknown ref, or nothing in the question
// that points back) is answered as a fresh question, and Why says so.
func (e *Engine) FollowUp(ref, question string) Answer {
	a := e.Ask(question)
	note := "answered as a new question: "
	if _, ok := e.Paragraph(ref); !ok {
		note += "the earlier answer is not in the loaded briefings"
	} else {
		note += "nothing in it points back to the earlier answer"
	}
	if a.Why == "" {
		a.Why = note
	} else {
		a.Why = note + "; " + a.Why
	}
	return a
}

// ContentKey returns the question's content terms, stemmed, deduplicated,
// sorted and joined by spaces: questions worded alike share a key.
func ContentKey(question string) string {
	var an analyzer
	ts := an.terms(normalizeSpace(question))
	slices.Sort(ts)
	return strings.Join(slices.Compact(ts), " ")
}
