package knowledge

import "time"

// Version names the parser's output: a cache of parsed briefings is keyed by
// it with the text's hash. Change it whenever Parse may give a different
// Briefing for the same text.
const Version = "2026-12-04.2"

// A Briefing is one parsed news article. Its JSON form is the contract of
// `briefbot inspect --json` (see the README's Commands section).
type Briefing struct {
	Title     string    `json:"title"`
	Publisher string    `json:"publisher"`
	Published string    `json:"published"` // YYYY-MM-DD, or "" when unknown
	URL       string    `json:"url"`
	Source    string    `json:"-"` // where it was read from: a path, or a name such as "embedded"
	Date      time.Time `json:"-"` // Published as a time (UTC midnight); zero when unknown

	Sections   []string    `json:"sections"`
	Passages   []Passage   `json:"passages"`
	Quotes     []Quote     `json:"quotes"`
	Statements []Statement `json:"statements"`
	Sources    []Source    `json:"sources"`
	Events     []Event     `json:"events"`
	Aliases    [][]string  `json:"aliases"` // each group: the short form first, then its expansions
}

// PassageKind says what kind of block a passage came from.
type PassageKind string

// The kinds of passage.
const (
	Lede    PassageKind = "lede"    // the first body paragraph
	Body    PassageKind = "body"    // an ordinary paragraph
	Caption PassageKind = "caption" // a photo caption (and its alt-text line)
	Media   PassageKind = "media"   // a video block: "WATCH | ...", its title and blurb
)

// A Passage is one paragraph of the briefing, split into sentences.
type Passage struct {
	ID        string      `json:"id"` // "p1", "p2", ... in reading order
	Section   string      `json:"section"`
	Kind      PassageKind `json:"kind"`
	Text      string      `json:"text"` // the paragraph, spaces normalised, quotes kept as written
	Sentences []Sentence  `json:"-"`
	Credit    string      `json:"credit,omitempty"` // a caption's media credit, without parentheses
}

// A Sentence is a span of its passage's Text.
type Sentence struct {
	Text       string `json:"text"`
	Start, End int    `json:"-"` // byte offsets into Passage.Text
}

// A Quote is a direct quotation: the words inside the quotation marks.
//
// Start and End locate Text in its passage: Passage.Text[Start:End] ==
// Text, always. A quotation in the headline has no passage (Passage is "")
// and its Start and End are offsets into the briefing's Title. Sentence is the sentence the quotation opens in; one that
// runs on (“It failed. We knew,” she said) ends in a later sentence, and
// covers every sentence that overlaps [Start, End). A quotation that runs
// over several paragraphs is one Quote per paragraph; a part whose closing
// mark is left off ends at the end of its paragraph.
type Quote struct {
	Text       string `json:"text"`
	Speaker    string `json:"speaker"` // full name or organisation; "" when unattributed
	Role       string `json:"role"`
	Passage    string `json:"passage"`         // Passage.ID; "" for a quotation in the headline
	Sentence   int    `json:"sentence"`        // index into that passage's Sentences
	Sieve      string `json:"sieve,omitempty"` // which attribution rule fired
	Start, End int    `json:"-"`               // byte offsets of Text in Passage.Text
}

// A Statement is an attributed sentence: indirect speech ("X said that ..."),
// or the sentence that carries a direct quote.
type Statement struct {
	Text     string `json:"text"`
	Speaker  string `json:"speaker"`
	Passage  string `json:"passage"`
	Sentence int    `json:"sentence"`
}

// SourceKind says what kind of source a name is.
type SourceKind string

// The kinds of source.
const (
	Person       SourceKind = "person"
	Organisation SourceKind = "organisation"
	Group        SourceKind = "group"     // a collective: "union representatives", "federal prosecutors"
	Anonymous    SourceKind = "anonymous" // a described, unnamed source: "a military source"
	MediaCredit  SourceKind = "media"     // a photo or video credit
)

// A Source is a person or organisation the briefing quotes or cites, or a
// media credit.
type Source struct {
	Name       string     `json:"name"`
	Kind       SourceKind `json:"kind"`
	Role       string     `json:"role"`
	Aliases    []string   `json:"aliases"` // surname, titled forms ("Gen. X"), abbreviations
	Members    []string   `json:"members"` // for a collective speaker, the bodies it names
	Quotes     int        `json:"quotes"`
	Statements int        `json:"statements"`
}

// An Event is a dated mention in the briefing, resolved against its
// publication date as precisely as the text allows and no more.
type Event struct {
	Date       string `json:"date"` // YYYY, YYYY-MM or YYYY-MM-DD; "" when unresolved
	End        string `json:"end"`  // for spans ("the past two years"): the end date
	Approx     bool   `json:"approx"`
	Expression string `json:"expression"` // the words as written: "last March"
	Text       string `json:"text"`       // the sentence
	Passage    string `json:"passage"`
	Sentence   int    `json:"sentence"`
	Speaker    string `json:"speaker,omitempty"` // who said it, when the sentence is attributed
}
