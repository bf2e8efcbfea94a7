package qa

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// This file holds the engine's general English knowledge as data: irregular
// forms, synonyms, demonyms, phrases and cue words. None of it is about any
// particular briefing.

// conflations map word forms to a lemma they are indexed under beyond
// their grammar: every reporting verb is "say" for retrieval, every word for
// dying is "kill". Irregular forms themselves come from english.Lemma.
var conflations = map[string]string{
	"testify": "say", "testified": "say", "testifies": "say", "testifying": "say", "testimony": "say",
	"dead": "kill", "deadly": "kill", "death": "kill", "deaths": "kill", "stricken": "strike",
}

// synonymGroups are words indexed as one term (the first), so that a
// question using one finds a passage using another. Inflections follow from
// stemming.
var synonymGroups = [][]string{
	{"troop", "soldier", "servicemember"},
	{"bomb", "explosion", "blast"},
	{"company", "firm", "corporation"},
	{"arrest", "detain"},
	{"halt", "suspend"},
	{"hack", "cyberattack"},
	{"impending", "upcoming", "looming"},
	{"injure", "wound", "hurt"},
	{"big", "huge"},
	{"able", "capable", "capability"},
	{"increase", "raise"},
	{"journalist", "reporter", "newsman"},
}

// genderedRoles are the roles English names with -man, -woman or -person,
// one term each: "spokesperson" is the "spokesman" a briefing quotes.
var genderedRoles = []string{"spokes", "chair", "congress", "council", "anchor", "sales", "business", "alder", "ombuds", "committee"}

// roleGroups returns genderedRoles as synonym groups, plurals included
// (stemming leaves "spokesmen" as it is).
func roleGroups() [][]string {
	out := make([][]string, 0, len(genderedRoles))
	for _, b := range genderedRoles {
		out = append(out, []string{b + "man", b + "men", b + "woman", b + "women", b + "person", b + "persons", b + "people"})
	}
	return out
}

// phrases are multi-word (or dotted) forms indexed as one term. Each group's
// first entry is the term; the rest are the forms, lower case, as words.
var phrases = append([][]string{
	{"unitedstates", "u.s.", "u.s.a.", "usa", "united states", "united states of america", "america", "american", "americans"},
	{"unitedkingdom", "u.k.", "united kingdom", "britain", "great britain", "british", "briton", "britons"},
	{"unitednations", "u.n.", "united nations"},
	{"europeanunion", "e.u.", "european union"},
	{"latinamerica", "latin america", "latin american"},
	{"southamerica", "south america", "south american"},
	{"northamerica", "north america", "north american"},
	{"centralamerica", "central america", "central american"},
	{"southkorea", "south korea", "south korean"},
	{"northkorea", "north korea", "north korean"},
	{"primeminist", "prime minister", "premier"},
	{"chiefexecut", "chief executive", "ceo", "c.e.o."},
}, statePhrases()...)

// capsForms are upper-case words that mean something other than their lower
// case: "US" is the country, "us" a pronoun; "NY" and "CA" are states.
var capsForms = buildCapsForms()

// buildCapsForms returns capsForms: the fixed forms and the states' postal
// codes.
func buildCapsForms() map[string]string {
	m := map[string]string{"US": "u.s.", "UK": "u.k.", "UN": "u.n.", "EU": "e.u.", "USA": "u.s.a.", "NYC": "n.y.c."}
	for code, state := range english.StateCodes() {
		switch {
		case commonPhraseStates[state]:
		case strings.Contains(state, " "):
			m[code] = stateDots(code) // "NY" reads as "n.y.", a form of the phrase new york
		case !codesNotStates[code]:
			m[code] = strings.ToLower(state) // "CA" reads as california
		}
	}
	return m
}

// stateDots returns the dotted lower-case form of a state's postal code:
// "NY" gives "n.y.".
func stateDots(code string) string {
	return strings.ToLower(code[:1]) + "." + strings.ToLower(code[1:]) + "."
}

// codesNotStates are the states' postal codes that are more often words or
// other abbreviations: "IN", "OR", "ME", "MD" (a doctor), "VA" (veterans).
var codesNotStates = map[string]bool{
	"IN": true, "OR": true, "ME": true, "OK": true, "HI": true, "DE": true, "LA": true,
	"MA": true, "PA": true, "CO": true, "ID": true, "AL": true, "MS": true, "MD": true,
	"GA": true, "MO": true, "OH": true, "AR": true, "AK": true, "MT": true, "NE": true,
	"VA": true, "MI": true, "CT": true, "UT": true,
}

// commonPhraseStates are two-word states whose names are also everyday
// phrases ("their new jersey"): they stay two words.
var commonPhraseStates = map[string]bool{"New Jersey": true}

// statePhrases are the states whose names have two words, each a phrase
// with its dotted postal code ("new york", "n.y."); New York City's "NYC"
// is New York's.
func statePhrases() [][]string {
	var gs [][]string
	for code, state := range english.StateCodes() {
		if !strings.Contains(state, " ") || commonPhraseStates[state] {
			continue
		}
		l := strings.ToLower(state)
		g := []string{strings.ReplaceAll(l, " ", ""), l, stateDots(code)}
		if code == "NY" {
			g = append(g, "n.y.c.")
		}
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return gs
}

// related are weaker equivalences used only to expand questions: a match
// through them counts relatedWeight. Keys and values are words, analysed at
// start-up.
var related = map[string][]string{
	"russia": {"moscow", "kremlin"}, "u.s.": {"washington", "pentagon", "white house"},
	"china": {"beijing"}, "u.k.": {"london"}, "france": {"paris"}, "germany": {"berlin"},
	"ukraine": {"kyiv", "kiev"}, "iran": {"tehran"}, "israel": {"jerusalem"},
	"japan": {"tokyo"}, "afghanistan": {"kabul"}, "syria": {"damascus"}, "turkey": {"ankara"},
	"india": {"delhi"}, "canada": {"ottawa"}, "kill": {"victim", "casualty"},
	"attack": {"shooting", "hack"},
	"cause":  {"because", "reason"}, "blame": {"responsible", "responsibility"},
	"responsible": {"blame"}, "fight": {"clash"},
	"lead":  {"head", "command"},
	"money": {"cash", "dollar"},
	"ex":    {"former"}, "former": {"ex"}, // "the ex-US ambassador"
}

const (
	relatedWeight  = 0.5 // a related term of this table
	compoundWeight = 0.5 // a longer or shorter compound: "rocket", "rocketry"
	partWeight     = 0.5 // a part of a hyphenated word the briefings use whole
)

// numberTerm returns the digits a spelled-out number is indexed as.
func numberTerm(w string) (string, bool) {
	if n, ok := english.Number(w); ok {
		return strconv.Itoa(n), true
	}
	return "", false
}

// quantityWords signal an amount without a digit.
var quantityWords = map[string]bool{
	"dozen": true, "dozens": true, "scores": true, "hundreds": true, "thousands": true,
	"millions": true, "billions": true, "half": true, "quarter": true, "several": true,
	"percent": true, "per cent": true, "majority": true, "handful": true, "none": true,
	"twice": true, "double": true, "triple": true, "all": true, "decade": true, "decades": true,
	"century": true, "centuries": true, "score": true,
}

// extraStop are words of conversation that carry no topic in a question,
// beyond english.IsStopWord: "something", "really", "get".
var extraStop = map[string]bool{
	"us": true, "also": true, "yet": true, "per": true, "via": true, "upon": true,
	"onto": true, "among": true, "amongst": true, "within": true, "without": true,
	"whether": true, "whose": true, "one's": true, "let": true, "ever": true, "even": true,
	"much": true, "many": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"please": true, "anything": true, "something": true, "everything": true,
	"someone": true, "anyone": true, "everyone": true, "thing": true, "things": true,
	"lot": true, "really": true, "actually": true, "exactly": true,
	"i'm": true, "it's": true, "i'd": true, "can't": true, "cannot": true, "ok": true,
	"okay": true, "like": true, "get": true, "got": true, "still": true,
	"since": true, "ago": true, "though": true, "although": true, "however": true,
}

// whWords are kept out of the index but used to type questions.
var whWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "what": true, "when": true, "where": true,
	"why": true, "how": true, "which": true,
}

// isAuxiliary reports whether w opens a yes/no question: a form of be,
// have or do, or a modal.
func isAuxiliary(w string) bool { return english.IsAuxiliary(w) }

// opinionVerbs, after "what did X ...", ask for what X said or thinks. They
// are question framing, not topic.
var opinionVerbs = map[string]bool{
	"say": true, "said": true, "says": true, "tell": true, "told": true, "think": true,
	"thinks": true, "thought": true, "believe": true, "believes": true, "argue": true,
	"argued": true, "argues": true, "claim": true, "claims": true, "claimed": true,
	"add": true, "added": true, "note": true, "noted": true, "suggest": true, "suggested": true,
	"predict": true, "predicted": true, "warn": true, "warned": true,
	"feel": true, "feels": true, "write": true, "wrote": true,
	"explain": true, "explained": true, "describe": true, "described": true, "testify": true,
	"testified": true, "announce": true, "announced": true, "insist": true, "insisted": true,
	"admit": true, "admitted": true, "acknowledge": true, "acknowledged": true, "see": true,
	"sees": true, "expect": true, "expects": true,
	"fear": true, "fears": true, "reply": true, "replied": true, "respond": true,
	"responded": true, "conclude": true, "concluded": true,
	"recommend": true, "recommended": true, "propose": true, "proposed": true, "confirm": true,
	"confirmed": true, "deny": true, "denied": true, "agree": true, "agreed": true,
}

// opinionNouns, in "what was X's view", ask the same.
var opinionNouns = map[string]bool{
	"view": true, "views": true, "opinion": true, "position": true, "take": true,
	"reaction": true, "response": true, "stance": true, "assessment": true, "comment": true,
	"comments": true, "remarks": true, "message": true, "argument": true, "point": true,
	"warning": true, "prediction": true, "explanation": true, "answer": true,
}

// reportingStems are the stems of reporting verbs ("say" after lemmas).
var reportingStems = map[string]bool{"say": true, "claim": true, "tell": true, "accord": true}

// isHonorific reports whether w (lower case), capitalised, is not a name:
// a title ("Gen.", "President") or a word a question opens with ("Tell",
// "Describe").
func isHonorific(w string) bool {
	if _, ok := english.Honorific(w); ok {
		return true
	}
	return english.IsTitle(w) || askWords[w]
}

// askWords open requests: capitalised at the start, they are not names.
var askWords = map[string]bool{
	"i": true, "tell": true, "please": true, "describe": true, "explain": true, "list": true,
	"give": true, "summarize": true, "summarise": true, "show": true, "find": true, "name": true,
}

// hedges are adverbs of degree and frequency a question adds to its
// subject ("why is the road mostly closed"): they rank, but an answer need
// not say them. Not "else", which asks past an earlier answer.
var hedges = map[string]bool{
	"mostly": true, "mainly": true, "largely": true, "usually": true, "typically": true,
	"generally": true, "normally": true, "often": true, "currently": true, "actually": true,
	"really": true, "exactly": true, "precisely": true, "ultimately": true, "eventually": true,
	"reportedly": true, "allegedly": true, "apparently": true, "supposedly": true, "possibly": true,
	"probably": true, "likely": true, "specifically": true, "particularly": true, "primarily": true,
	"originally": true, "initially": true, "finally": true, "basically": true, "essentially": true,
	"nowadays": true,
}

// attemptVerbs, by term, before "to" only say the subject means to do what
// follows ("how many boats is the yard trying to sell"): the answer may say
// "working to", "aims to" or nothing. ("tri" is the stem of "try".)
var attemptVerbs = map[string]bool{"tri": true, "attempt": true, "seek": true}

// isTimeFrame reports whether w, before a time unit, says which span of
// time is meant ("the past three weeks", "the previous year"); a sentence
// may say "last" or "recent" for the same span.
func isTimeFrame(w string) bool {
	switch w {
	case "past", "previous", "preceding", "coming", "next", "last":
		return true
	}
	return false
}

// isLightVerb reports whether a verb, by term, says little before the
// noun that follows it ("give consent", "make cuts"): a sentence may use
// the noun's verb ("consented") instead.
func isLightVerb(term string) bool { return term == "give" || term == "make" }

// causeNouns after "for what" ask why: "for what reason".
var causeNouns = map[string]bool{"reason": true, "reasons": true, "purpose": true, "cause": true, "motive": true}

// reasonCues mark a passage that gives a reason; they match whole words.
var reasonCues = []string{
	" because ", " due to ", " owing to ", " as a result ", " in response ", " in retaliation ",
	" so that ", " in order to ", " reason ", " reasons ", " why ", " caused ", " led to ",
	" result of ", " amid ", " driven by ", " motivated ", " grievance ", " grievances ",
	" blamed ", " aims to ", " aimed at ", " goal ", " to avoid ", " to prevent ", " to protect ",
	" since ", " cited ", " citing ", " thanks to ", " blame ", " after ", " following ",
	" so ", " therefore ", " means ", " because of ", " motive ", " motives ", " stems from ",
	" on the grounds ", " prompted by ", " fuelled by ", " fueled by ",
	" designed to ", " meant to ", " intended to ", " in a bid to ", " in an effort to ",
	" in an attempt to ", " just to ", " so as to ", " came down to ", " comes down to ",
	" boils down to ", " for fear ", " given that ", " in light of ", " out of concern ",
	" cause ", " causes ", " causing ", " set off ", " sets off ", " setting off ", " trigger ",
	" triggers ", " triggered ", " triggering ", " results in ", " resulted in ", " resulting in ",
	" lead to ", " leads to ", " leading to ", " contributed to ", " contributes to ",
	" contributing to ", " sparked ", " sparks ", " spurred ", " prompted ", " on account of ",
	" to stop ", " to curb ", " to reduce ", " to limit ", " to ensure ", " to combat ",
	" to tackle ", " to deter ", " to halt ", " to ease ", " to encourage ", " to discourage ",
}

// gerundNouns end in -ing but are not verbs: after "for" they give no
// reason ("for the evening", "for nothing").
var gerundNouns = map[string]bool{
	"nothing": true, "something": true, "anything": true, "everything": true, "thing": true,
	"morning": true, "evening": true, "during": true, "king": true, "ring": true, "spring": true,
	"ceiling": true, "wedding": true, "string": true, "sibling": true, "duckling": true,
}

// causalAfter are the words after which a comma's "as" gives a reason:
// ", as it is an industrial chemical", not "as well as" or "such as".
var causalAfter = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true, "there": true, "i": true, "you": true, "this": true}

// pronouns whose referent lies in an earlier sentence: a sentence opening
// with one is joined with the sentence before when it is the answer. Not
// "there", which mostly opens a sentence with nothing to refer back to.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "this": true, "that": true,
	"these": true, "those": true, "his": true, "her": true, "their": true, "its": true,
	"him": true, "them": true, "such": true, "both": true,
}

// isCalendar reports whether w names a month or a weekday, or abbreviates
// a month ("Jan"): a date in text.
func isCalendar(w string) bool {
	if _, ok := english.Month(w); ok {
		return true
	}
	if _, ok := english.MonthAbbreviation(w); ok {
		return true
	}
	_, ok := english.Weekday(w)
	return ok
}

// relativeDates are lower-case words that date a sentence.
var relativeDates = map[string]bool{
	"yesterday": true, "today": true, "tomorrow": true, "decade": true, "century": true,
	"week": true, "month": true, "year": true, "weeks": true, "months": true, "years": true,
	"decades": true, "spring": true, "summer": true, "autumn": true, "winter": true,
	"weekend": true, "tonight": true, "morning": true, "evening": true, "ago": true,
}

// locationCues mark a passage that places something: word prefixes.
var locationCues = []string{"suburb", "north", "south", "east", "west", "capital", "city", "town", "region", "province", "border", "outskirts", "downtown", "village"}

// reasonIndex holds reasonCues as word sequences by their first word.
var reasonIndex = cueIndex(reasonCues)

func cueIndex(cues []string) map[string][][]string {
	idx := map[string][][]string{}
	for _, c := range cues {
		ws := strings.Fields(c)
		idx[ws[0]] = append(idx[ws[0]], ws)
	}
	return idx
}

// hasCue reports whether words (lower case) hold one of the indexed cues.
func hasCue(words []string, idx map[string][][]string) bool {
	for i, w := range words {
		for _, cue := range idx[w] {
			if i+len(cue) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(cue); k++ {
				if words[i+k] != cue[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
