package knowledge

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// The parser's own word lists: how words behave around a speaker, a name or
// a reporting verb. The general English lists they build on (reporting
// verbs, titles, nouns for roles, groups and organisations, month names)
// are in package english. All tables are read-only.

// determiners are dropped from the front of a speaker or role.
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// clauseStarters are words that open a clause; a subject starts after them.
var clauseStarters = map[string]bool{
	"and": true, "but": true, "yet": true, "so": true, "or": true, "while": true,
	"as": true, "because": true, "although": true, "though": true, "when": true,
	"where": true, "since": true, "if": true, "whereas": true, "that": true, "however": true,
	"meanwhile": true, "still": true, "now": true, "then": true, "also": true,
	"indeed": true, "instead": true, "moreover": true, "separately": true, "later": true,
	"earlier": true, "previously": true, "already": true, "once": true, "again": true,
	"even": true, "only": true, "after": true, "before": true, "until": true,
	"unless": true, "which": true, "whom": true,
}

// auxiliaries may stand between a subject and its reporting verb: "has
// said", "would later tell", "also noted".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "might": true, "may": true, "must": true, "can": true, "also": true,
	"previously": true, "later": true, "then": true, "again": true, "once": true,
	"recently": true, "repeatedly": true, "often": true, "earlier": true, "further": true,
	"already": true, "long": true, "still": true, "since": true, "first": true,
	"reportedly": true, "publicly": true, "privately": true, "separately": true,
	"subsequently": true, "initially": true, "originally": true, "herself": true,
	"himself": true, "themselves": true, "itself": true, "too": true,
	"did": true, "does": true, "do": true,
}

// negations before a reporting verb mean nothing was said.
var negations = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "didn’t": true, "didn't": true,
	"wouldn’t": true, "wouldn't": true, "won’t": true, "won't": true, "hasn’t": true,
	"hasn't": true, "haven’t": true, "haven't": true, "cannot": true, "can’t": true,
	"can't": true, "declined": true, "refused": true,
}

// beForms before a past participle make it passive: "was told".
var beForms = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
}

// docNouns head phrases that name a document rather than a speaker:
// "according to a statement from X" cites X.
var docNouns = map[string]bool{
	"statement": true, "report": true, "study": true, "data": true, "figures": true,
	"documents": true, "document": true, "survey": true, "poll": true, "analysis": true,
	"estimates": true, "estimate": true, "reports": true, "filing": true, "records": true,
	"release": true, "post": true, "transcript": true, "tally": true, "count": true,
	"assessment": true, "statements": true, "memo": true, "letter": true, "website": true,
}

// parserFunctionWords, beyond english.IsFunctionWord, cannot be part of a
// name or role prefix: "said Jane Doe", "last week".
var parserFunctionWords = map[string]bool{
	"last": true, "next": true, "said": true, "says": true, "told": true, "according": true,
}

// isFunctionWord reports whether w (lower case) cannot be part of a name or
// a role prefix.
func isFunctionWord(w string) bool {
	return english.IsFunctionWord(w) || parserFunctionWords[w]
}

// runCut are capitalised words that end a run of capitalised words from
// the left: sentence-initial function words and the like ("The United
// States", "Meanwhile Jane Doe said"). Weekdays and months cut runs too.
var runCut = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "after": true,
	"before": true, "but": true, "and": true, "as": true, "while": true, "when": true,
	"for": true, "with": true, "from": true, "by": true, "of": true, "to": true,
	"this": true, "that": true, "these": true, "those": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "his": true, "her": true,
	"their": true, "its": true, "if": true, "since": true, "because": true, "although": true,
	"though": true, "during": true, "within": true, "without": true, "despite": true,
	"here": true, "there": true, "what": true, "why": true, "how": true, "who": true,
	"where": true, "which": true, "last": true, "next": true, "some": true, "many": true,
	"other": true, "others": true, "one": true, "two": true, "three": true, "several": true,
	"most": true, "all": true, "both": true, "each": true, "every": true, "among": true,
	"roughly": true, "about": true, "nearly": true, "more": true, "no": true, "not": true,
	"so": true, "yet": true, "still": true, "now": true, "then": true, "once": true,
	"watch": true, "listen": true, "read": true, "related": true, "photo": true,
	"video": true, "today": true, "yesterday": true, "tomorrow": true, "meanwhile": true,
	"however": true, "also": true, "even": true, "only": true, "just": true, "such": true,
	"according": true, "like": true, "unlike": true, "amid": true, "under": true,
	"over": true, "until": true, "whether": true,
}

// cutsRun reports whether w (lower case) ends a run of capitalised words
// from the left: a runCut word, a weekday, or a month ("May" excepted: it
// is a name as often as a month; "Jan." only with its full stop).
func cutsRun(w string) bool {
	if runCut[w] {
		return true
	}
	if _, ok := english.Weekday(w); ok {
		return true
	}
	if _, ok := english.Month(w); ok && w != "may" {
		return true
	}
	_, ok := english.MonthAbbreviation(w)
	return ok && strings.HasSuffix(w, ".")
}

// notNames are capitalised words that are never part of a person's name,
// beyond runCut: compass and other adjectives that start place names.
var notNames = map[string]bool{
	"western": true, "eastern": true, "northern": true, "southern": true, "new": true,
	"islamic": true, "god": true, "christmas": true, "easter": true, "ramadan": true,
	"russian": true, "american": true, "british": true, "canadian": true, "chinese": true,
	"iranian": true, "syrian": true, "afghan": true, "israeli": true, "palestinian": true,
	"ukrainian": true, "european": true, "french": true, "german": true, "indian": true,
	"pakistani": true, "iraqi": true, "turkish": true, "saudi": true, "egyptian": true,
	"japanese": true, "korean": true, "mexican": true, "australian": true, "african": true,
	"asian": true, "arab": true, "muslim": true,
	"jewish": true, "catholic": true, "sunni": true, "shia": true, "shiite": true,
	"federal": true, "national": true, "international": true, "united": true,
}

// notName reports whether w (lower case) is never part of a person's name.
func notName(w string) bool {
	return notNames[w]
}

// pronounGender holds the pronouns that can be the subject of a reporting
// verb, with the gender they imply.
var pronounGender = map[string]english.Gender{"he": english.Male, "she": english.Female, "they": english.UnknownGender, "it": english.UnknownGender}
