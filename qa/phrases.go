package qa

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// WordNet's multi-word verbs ("wipe out", "turn down", "carry out") are
// terms of the table, their words' stems joined by spaces. Found in a
// sentence, such a verb is indexed as an alias at its first word, so that
// a question's word relates to it ("rejected" to "turned down"); found in
// a question, it brings its own related words to its verb's term ("wiped
// out" to "destroyed").

// verbPhrase returns the multi-word verb starting at words[0], whose term
// is term, and its length in words; 0 when none does.
func (a *analyzer) verbPhrase(term string, words []word) (string, int) {
	if a.wn == nil || term == "" || len(words) < 2 || !a.startsPhrase(term) {
		return "", 0
	}
	var b strings.Builder
	b.WriteString(term)
	found, n := "", 0
	for k := 1; k < len(words) && k < maxPhraseWords; k++ {
		b.WriteByte(' ')
		b.WriteString(a.rawStem(words[k].norm))
		if key := b.String(); a.wn.has(key) {
			found, n = key, k+1
		}
	}
	return found, n
}

// maxPhraseWords is the most words a multi-word verb has (the generator's
// limit).
const maxPhraseWords = 3

// startsPhrase reports whether some multi-word verb starts with term.
func (a *analyzer) startsPhrase(term string) bool {
	if ok, seen := a.starts[term]; seen {
		return ok
	}
	ok := a.wn.hasPrefix(term + " ")
	if a.building {
		a.starts[term] = ok
	}
	return ok
}

// rawStem returns the snowball stem of a word, stop words included ("out",
// "down"), as the table spells multi-word verbs.
func (a *analyzer) rawStem(w string) string {
	if st, ok := a.stems[w]; ok {
		return st
	}
	st := english.Stem(w, false)
	if a.building {
		a.stems[w] = st
	}
	return st
}
