package english

import "strings"

// functionWords are closed-class words: articles, prepositions,
// conjunctions, pronouns, auxiliaries and a few adverbs.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "from": true, "by": true, "with": true, "and": true,
	"or": true, "but": true, "as": true, "that": true, "this": true, "these": true,
	"those": true, "which": true, "who": true, "whom": true, "whose": true, "what": true,
	"when": true, "where": true, "while": true, "after": true, "before": true,
	"since": true, "because": true, "although": true, "though": true, "if": true,
	"into": true, "about": true, "over": true, "under": true, "than": true, "then": true,
	"so": true, "yet": true, "not": true, "no": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "should": true, "may": true,
	"might": true, "must": true, "can": true, "also": true, "it": true, "its": true,
	"their": true, "his": true, "her": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "you": true, "there": true, "here": true, "during": true,
	"against": true, "between": true, "among": true, "through": true, "without": true,
	"within": true, "despite": true, "amid": true, "via": true, "per": true, "like": true,
	"up": true, "out": true, "off": true, "down": true, "near": true, "across": true,
}

// IsFunctionWord reports whether w (lower case) is a closed-class word that
// cannot be part of a name or a role: "the", "of", "while", "they", "would".
func IsFunctionWord(w string) bool {
	return functionWords[w]
}

// stopWords carry no topic: the Snowball English stop list, the modals and
// a few more closed-class words.
var stopWords = map[string]bool{
	"a": true, "about": true, "above": true, "after": true, "again": true, "against": true,
	"all": true, "am": true, "an": true, "and": true, "any": true, "are": true, "as": true,
	"at": true, "be": true, "because": true, "been": true, "before": true, "being": true,
	"below": true, "between": true, "both": true, "but": true, "by": true, "can": true,
	"did": true, "do": true, "does": true, "doing": true, "don": true, "down": true,
	"during": true, "each": true, "few": true, "for": true, "from": true, "further": true,
	"had": true, "has": true, "have": true, "having": true, "he": true, "her": true,
	"here": true, "hers": true, "herself": true, "him": true, "himself": true, "his": true,
	"how": true, "i": true, "if": true, "in": true, "into": true, "is": true, "it": true,
	"its": true, "itself": true, "just": true, "me": true, "more": true, "most": true,
	"my": true, "myself": true, "no": true, "nor": true, "not": true, "now": true, "of": true,
	"off": true, "on": true, "once": true, "only": true, "or": true, "other": true,
	"our": true, "ours": true, "ourselves": true, "out": true, "over": true, "own": true,
	"s": true, "same": true, "she": true, "should": true, "so": true, "some": true,
	"such": true, "t": true, "than": true, "that": true, "the": true, "their": true,
	"theirs": true, "them": true, "themselves": true, "then": true, "there": true,
	"these": true, "they": true, "this": true, "those": true, "through": true, "to": true,
	"too": true, "under": true, "until": true, "up": true, "very": true, "was": true,
	"we": true, "were": true, "what": true, "when": true, "where": true, "which": true,
	"while": true, "who": true, "whom": true, "why": true, "will": true, "with": true,
	"you": true, "your": true, "yours": true, "yourself": true, "yourselves": true,
	// beyond Snowball's list
	"us": true, "also": true, "would": true, "could": true, "may": true, "might": true,
	"must": true, "shall": true, "yet": true, "per": true, "via": true, "upon": true,
	"onto": true, "among": true, "amongst": true, "within": true, "without": true,
	"whether": true, "whose": true, "ever": true, "even": true, "much": true, "many": true,
	"though": true, "although": true, "however": true, "since": true,
}

// IsStopWord reports whether w (lower case) carries no topic: the Snowball
// English stop words, the modals and a few more closed-class words.
func IsStopWord(w string) bool {
	return stopWords[w]
}

// quantifiers stand before a noun and count it or pick some of it.
var quantifiers = map[string]bool{
	"some": true, "many": true, "several": true, "other": true, "most": true,
	"both": true, "all": true, "few": true, "two": true, "three": true, "four": true,
	"five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"numerous": true, "various": true, "multiple": true, "more": true, "these": true,
	"those": true, "such": true, "dozens": true, "hundreds": true,
}

// IsQuantifier reports whether w (lower case) quantifies the noun after it:
// "some", "two", "several", "dozens".
func IsQuantifier(w string) bool {
	return quantifiers[w]
}

// numbers are cardinal numbers written as words.
var numbers = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"million": 1000000, "billion": 1000000000, "dozen": 12,
}

// Number returns the value of a cardinal number written as one word
// ("seven", "Forty", "million") or as tens and units joined by a hyphen
// ("twenty-five").
func Number(w string) (int, bool) {
	w = strings.ToLower(w)
	if n, ok := numbers[w]; ok {
		return n, true
	}
	tens, units, ok := strings.Cut(w, "-")
	if !ok {
		return 0, false
	}
	t, ok1 := numbers[tens]
	u, ok2 := numbers[units]
	if !ok1 || !ok2 || t < 20 || t > 90 || t%10 != 0 || u < 1 || u > 9 {
		return 0, false
	}
	return t + u, true
}

// An Abbreviation says how an abbreviation's full stop behaves.
type Abbreviation uint8

// The kinds of abbreviation.
const (
	NotAbbreviation Abbreviation = iota
	BeforeName                   // "Dr.", "Gen.", "St.": a title before a name, never the end of a sentence
	Common                       // "U.S.", "Jan.", "a.m.", "Inc.": ends a sentence only before a word that starts one
)

var beforeName = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "maj": true, "adm": true, "cmdr": true,
	"rev": true, "sen": true, "rep": true, "gov": true, "st": true, "mt": true, "ft": true,
	"messrs": true, "hon": true, "pres": true, "supt": true, "insp": true, "cpl": true,
	"pvt": true, "brig": true, "det": true, "fr": true, "gens": true, "reps": true,
	"sens": true, "govs": true, "lt.-gen": true, "maj.-gen": true, "lt.-col": true,
}

var common = map[string]bool{
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "a.m": true, "p.m": true,
	"e.g": true, "i.e": true, "etc": true, "vs": true, "no": true, "nos": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"approx": true, "est": true, "dept": true, "univ": true, "ave": true, "blvd": true,
	"rd": true, "fig": true, "vol": true, "al": true, "ph.d": true, "u.s.a": true,
	"d.c": true, "op": true, "cf": true, "ca": true, "c": true, "ed": true, "eds": true,
}

// AbbreviationOf says whether w, the word before a full stop (without that
// stop, any case: "Gen", "U.S", "a.m"), is an abbreviation, and of which kind.
func AbbreviationOf(w string) Abbreviation {
	lw := strings.ToLower(w)
	switch {
	case beforeName[lw]:
		return BeforeName
	case common[lw]:
		return Common
	}
	return NotAbbreviation
}

// particles are the adverbs and prepositions that join a verb into a
// phrasal verb whose sense the verb alone does not give: "step down",
// "pull out", "set up", "call off", "look into".
var particles = map[string]bool{
	"up": true, "down": true, "out": true, "off": true, "in": true, "on": true,
	"over": true, "away": true, "back": true, "through": true, "along": true,
	"aside": true, "apart": true, "forward": true, "around": true, "about": true,
	"together": true, "into": true,
}

// IsParticle reports whether w (lower case) is a particle of phrasal verbs:
// "up", "down", "out", "off".
func IsParticle(w string) bool {
	return particles[w]
}
