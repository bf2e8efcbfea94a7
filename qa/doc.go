// Package qa answers questions from parsed briefings: it tokenises and stems
// (github.com/kljensen/snowball), indexes every sentence with BM25, ranks by
// the kind of answer the question asks for, and abstains when the briefing
// does not answer. An Engine is built once, is safe for concurrent use, does
// no I/O and never logs.
//
// The pipeline, by file:
//
//   - tokenize.go: words (keeping "Rolls-Royce" whole and in parts, "U.S."
//     as the country, possessives, curly apostrophes, odd spaces), stop
//     words, irregular forms, synonyms, demonyms and multi-word forms, then
//     snowball stems, cached per engine while it is built.
//   - lexicon.go: that general English knowledge, as data. Nothing in this
//     package knows any particular briefing.
//   - index.go: a BM25F index over sentences, with fields for the sentence,
//     its quotations, its speaker's names, their role and the section heading.
//   - question.go: the question's type (who, who is X, what did X say, when,
//     where, how many, why, how, yes/no, what), the speakers it names, its
//     terms, and the capitalised names no briefing mentions.
//   - ask.go: reranking by coverage of the question, relevance and answer
//     type; abstention; the Answer with its passage, speaker, quote and why.
//   - timeline.go and sources.go: the merged timeline, sources, what each
//     source said, and autocomplete.
//
// An answer must cover enough of the question (IDF-weighted), enough of its
// relation words (the terms that are not names), and offer the kind of answer
// asked for (a date near the question's words for "when", a number for "how
// many", a reason for "why", the named speaker's own words for "what did X
// say about Y"); every capitalised name in the question must occur in the
// briefings. The thresholds were tuned on answerable and unanswerable
// questions together; see tune_test.go.
package qa
