// Package qa answers questions from parsed briefings: it tokenises and stems
// (github.com/kljensen/snowball), indexes every sentence with BM25, relates
// the question's words to the briefings' through WordNet, ranks by the kind
// of answer the question asks for, and declines when the briefing does not
// answer, offering the passages closest to the question. An Engine is built
// once, is safe for concurrent use, does no I/O and never logs.
//
// The pipeline, by file:
//
//   - tokenize.go: words (keeping "Rolls-Royce" whole and in parts, "U.S."
//     as the country, possessives, curly apostrophes, odd spaces), stop
//     words, irregular forms, synonyms, demonyms and multi-word forms, then
//     snowball stems, cached per engine.
//   - lexicon.go: the general English knowledge WordNet lacks, as data.
//     Nothing in this package knows any particular briefing.
//   - build.go and engine.go: the briefings read in parallel, one analyzer
//     per worker, and committed in order; sources, names and definitions.
//   - index.go: a BM25F index over sentences, with fields for the sentence,
//     its quotations, its negated words, its speaker's names, their role
//     and the section heading.
//   - question.go: the question's type (who, who is X, what did X say, when,
//     where, how many, why, how, yes/no, what), the speakers it names, its
//     terms, and the capitalised names no briefing mentions.
//   - related.go and wordnet.go: the briefings' terms related to a question
//     word (WordNet's table, by kind and sense rank, antonyms with negation,
//     and the words of its first definition), and the role nouns for a word
//     of leading.
//   - ask.go and marks.go: reranking by coverage of the question, relevance
//     and answer type; the kind of answer checked on the passage (a name,
//     the role asked about, a number of the thing counted that is not an
//     age, a span of time or money, money for how much it cost, a span or
//     length for how long, a frequency for how often, a share for what
//     share, a date of the event asked about (a time of day for what
//     time, a date for on what date), a word of place for where, a name
//     beside the class a which question asks for, what X told the one the
//     question names, a reason); abstention with the closest passages;
//     the Answer.
//   - confidence.go: the logistic model that decides whether a candidate
//     that offers the kind of answer asked for is likely enough to answer.
//   - followup.go and ref.go: refs that name an answer, and follow-ups
//     resolved against the answer a ref names.
//   - timeline.go and sources.go: the merged timeline, sources, what each
//     source said, and autocomplete.
//
// An answer must offer the kind of answer asked for, and the model must give
// it a probability of at least tuning.minConfidence from how much of the
// question it covers (IDF-weighted; a related word covers less than the
// word itself), its relevance, its lead over the other candidates and what
// of the question no briefing has; every capitalised name in the question
// must occur in the briefings. The model and its threshold were fitted on
// the tuning halves of question sets written blind and the project's own
// sets; see fit_test.go, tune_test.go and blind_test.go.
package qa
