package qa

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/english"
)

// A qType is the kind of answer a question asks for.
type qType uint8

const (
	qWhat    qType = iota // what, which, and anything else
	qWho                  // who did something
	qWhoIs                // who is X
	qSaid                 // what did X say / think
	qWhen                 // when, what year
	qWhere                // where
	qHowMany              // how many, how much
	qWhy                  // why, what caused
	qHow                  // how (manner)
	qYesNo                // is, did, does ...
)

var qTypeNames = [...]string{
	qWhat: "what", qWho: "who", qWhoIs: "who someone is", qSaid: "what someone said",
	qWhen: "when", qWhere: "where", qHowMany: "how many", qWhy: "why", qHow: "how",
	qYesNo: "yes or no",
}

func (t qType) String() string { return qTypeNames[t] }

// maxQuestionBytes bounds the part of a question that is analysed.
const maxQuestionBytes = 1000

// maxTerms bounds a question's distinct terms (one bit each in a uint64).
const maxTerms = 64

// framingWords ask about the briefing rather than name a topic.
var framingWords = map[string]bool{
	"happen": true, "happened": true, "happens": true, "happening": true, "occur": true,
	"occurred": true, "know": true, "known": false, "mention": true, "mentioned": true,
	"article": true, "briefing": true, "story": true, "talk": true, "talked": true,
	"discuss": true, "discussed": true, "describe": true, "explain": true, "tell": false,
	"say": false, "summary": true, "summarize": true, "summarise": true, "details": true,
	"information": false, "anything": true, "about": true, "exactly": true,
	"quoted": true, "cited": true, "interviewed": true,
}

// A question is a parsed question.
type question struct {
	typ      qType
	terms    []queryTerm
	speakers []int    // merged source indices the question names, best first
	missing  []string // capitalised names no briefing mentions
	hasTopic bool     // some term is not part of a named speaker
	unquoted string   // for qSaid: whom the question asks about, when the briefings quote no such source
	defines  int32    // for "what is X" with X an alias the briefing defines: the defining sentence; else -1
	name     bool     // the answer is a name: "who ...", "which group ...", "who is the chairman"
	naming   bool     // "what is X called": the answer is its name
	nameOfN  bool     // "what is the name of the N": the name stands beside N
	counted  []int32  // for "how many N": the ids of N's terms and the words up to the next stop word
	subset   bool     // "how many of the volunteers were women": the sentence must name what is counted
	told     []string // for "what did X tell Y": the terms of Y, whom a sentence naming whom X told must name
	clock    bool     // for when: the question asks what time ("what time", "at what hour"), which a time of day answers
	dayPart  bool     // for when: "what time of day", which a time or a part of the day answers ("in the evening")
	calendar bool     // for when: the question asks on what date or day, which a relative time ("in the coming weeks") does not answer
	town     bool     // for where: "which city", "what town": a place below a country or state answers
	class    []int32  // for "which N": the ids of N's terms
	says     bool     // the question asks about something said: "who said", "who warned"
	view     uint64   // "according to X, how many": the terms naming X, which the answer must be by or name
	money    bool     // "how much" asks for an amount of money: "how much did it cost"
	role     string   // for "who is the <role> of X": the role noun's term
	how      string   // for how many: the word after "how" ("many", "much", "long", "old", "far"); "often" for how often
	future   bool     // for when: the question asks when something will happen ("when will", "when is it expected")
	classOf  int32    // for "what proverb did X use": the term id of the noun after "what", when hasClass
	hasClass bool
	// objectWho: "who did the town choose": who is the object, and the
	// words after do-support are the subject's
	objectWho bool

	// For "what did the pharmacy say" (or tell), whom the briefings do not
	// quote: the terms naming them, which an answer that reports speech
	// must hold.
	sayer      []string
	sayerWords string

	// For a follow-up: the earlier answer's sentences, those not to answer
	// with ("what else"), and the sentences searched besides the best
	// matches (the earlier answer's paragraph).
	follow         bool
	prior, exclude []int32
	focus          []int32
}

// wordTokens returns the question's words (not alias or part tokens).
func wordTokens(toks []token) []token {
	return appendWords(nil, toks)
}

// appendWords appends the words of toks (not alias or part tokens) to dst.
func appendWords(dst, toks []token) []token {
	for _, t := range toks {
		if !t.has(tokAlias) && !t.has(tokPart) {
			dst = append(dst, t)
		}
	}
	return dst
}

// A reading is the working state of parseQuestion: the question's tokens and
// what its wording says about them.
type reading struct {
	text     string
	toks     []token
	ws       []token  // the words from the question proper, after any preamble
	start    int      // the word position where the question proper starts
	ledBy    string   // the preposition before the wh-word: "by" of "by what margin"
	framing  posSet   // word positions that frame rather than ask
	optional posSet   // the verb of "what did X propose": ranks, need not be covered
	span     []token  // the words naming whose view is asked
	tailView bool     // span is the X of a closing "according to X"
	namePos  posSet   // word positions inside a source's name
	asked    posSet   // word positions naming the asked speaker: not topic
	counted  []string // for "how many N": the terms from N to the next stop word
	subset   bool     // "how many of the N were M": only M is counted
	told     []string // for "what did X tell Y": the terms of Y
	clock    bool     // "what time", "at what hour": a time of day answers
	dayPart  bool     // "what time of day": a time or a part of the day answers
	calendar bool     // "on what date", "which day": a date answers, not "in the coming weeks"
	town     bool     // "which city", "what town": a place below a country or state answers
	verb     string   // the term of the opinion verb of "what did X describe"
	naming   bool     // "what is X called": a name answers
	measure  string   // "what share", "what interest rate": the measure a figure answers
	// objectWho: "who did the town choose", "whom": who is the object
	objectWho bool
}

// markIdioms marks as optional the words of idioms that name nothing an
// answer must say: "these days", "so far", "to date", "one another", "each
// other", the "past" of "the past three weeks", which a sentence may call
// the last, a light verb before its noun, and in a "when" question "take
// place", which only says the event happens ("happen" and "occur" are stop
// words; not "held", which says of a person that they were detained). Not
// in a "where" question: there any sentence naming the event and a place
// would answer ("The Kettle Lane robbery suspects come from Marsden" for
// "where did the robbery take place").
func markIdioms(ws []token, typ qType, optional *posSet) {
	for k := range ws {
		w, next := ws[k].word, ""
		if k+1 < len(ws) {
			next = ws[k+1].word
		}
		switch {
		case typ == qWhen && ws[k].term == "take" && next == "place":
			optional.set(ws[k].pos)
			optional.set(ws[k+1].pos)
		case typ == qWhen && isHeldWord(w) && holdsEvent(ws, k):
			optional.set(ws[k].pos) // "when is the election being held": the event's own date answers
		case (w == "these" || w == "those") && next == "days", w == "so" && next == "far", w == "to" && next == "date":
			optional.set(ws[k+1].pos)
		case w == "one" && next == "another" || w == "each" && next == "other":
			optional.set(ws[k].pos)
			optional.set(ws[k+1].pos)
		case next == "":
		case isLightVerb(ws[k].term) && !ws[k+1].has(tokStop) && ws[k+1].term != "" && !ws[k+1].has(tokCap) && !ws[k+1].has(tokNum) && !english.IsParticle(next):
			optional.set(ws[k].pos) // "give consent", "make cuts": the noun says it
		case isTimeFrame(w) && (timeUnits[next] || ws[k+1].has(tokNum) && k+2 < len(ws) && timeUnits[ws[k+2].word]):
			optional.set(ws[k].pos)
		}
	}
}

// isHeldWord's words, in a when question, say only that an event takes place:
// "when is the vote being held", "when will the council hold the vote".
// Of a person they say that someone was detained: "when was Ivo Marek
// held" (holdsEvent).
func isHeldWord(w string) bool { return w == "held" || w == "hold" || w == "holds" || w == "holding" }

// holdsEvent reports whether ws[k], a word of isHeldWord's, holds an event
// rather than a person: what is held, the word before "held" (past its
// auxiliaries) or after "hold" (past its articles), is no name.
func holdsEvent(ws []token, k int) bool {
	if ws[k].word == "held" {
		for j := k - 1; j >= 0; j-- {
			if w := ws[j].word; !isAuxiliary(w) && w != "being" && w != "been" {
				return !ws[j].has(tokCap)
			}
		}
		return false
	}
	for j := k + 1; j < len(ws); j++ {
		if !isArticle(ws[j].word) && !possessives[ws[j].word] {
			return !ws[j].has(tokCap)
		}
	}
	return false
}

// modifiesNoun reports whether toks[i] is a word of a name that modifies
// the common noun after the name ("the Strand campaign organizers", "the
// Mill River towpath volunteers"): the question is about the noun, not the
// name. After "did", "will" and the like the name is a subject and the
// word after it a verb ("how old did Strand turn").
func modifiesNoun(toks []token, i int) bool {
	t := toks[i]
	if !t.has(tokCap) {
		return false
	}
	end, start := t.pos, t.pos
	var after, before *token // the words after the name's last word and before its first
	for k := i + 1; k < len(toks) && after == nil; k++ {
		switch u := &toks[k]; {
		case u.has(tokAlias) || u.has(tokPart) || u.pos == end:
		case u.pos != end+1:
			return false
		case u.has(tokCap):
			end = u.pos
		default:
			after = u
		}
	}
	if after == nil || after.term == "" || after.has(tokStop) || after.has(tokNum) || isAuxiliary(after.word) {
		return false
	}
	for k := i - 1; k >= 0 && before == nil; k-- {
		switch u := &toks[k]; {
		case u.has(tokAlias) || u.has(tokPart) || u.pos == start:
		case u.pos != start-1:
			return true
		case u.has(tokCap) && u.pos > 0:
			start = u.pos
		default:
			before = u
		}
	}
	return before == nil || !doAuxiliaries[before.word]
}

// doAuxiliaries put a subject before its verb in a question: "did Strand
// turn 60".
var doAuxiliaries = map[string]bool{
	"do": true, "does": true, "did": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "shall": true, "may": true, "might": true, "must": true, "has": true, "have": true, "had": true,
}

// A posSet is a set of word positions in a question.
type posSet [maxQuestionBytes/64 + 1]uint64

func (s *posSet) set(pos int) {
	if pos >= 0 && pos/64 < len(s) {
		s[pos/64] |= 1 << uint(pos%64)
	}
}

func (s *posSet) has(pos int) bool {
	return pos >= 0 && pos/64 < len(s) && s[pos/64]&(1<<uint(pos%64)) != 0
}

// parseQuestion types q and extracts its terms and named speakers.
func (e *Engine) parseQuestion(text string) question {
	return e.parseWith(text, nil)
}

// parseWith is parseQuestion with the buffers of s, when not nil.
func (e *Engine) parseWith(text string, s *scratch) question {
	text = clipQuestion(text)
	r := reading{text: text}
	q := question{defines: -1}
	var words []token
	if s != nil {
		s.words = scanWords(text, s.words[:0])
		s.toks = e.an.tokensOf(s.words, s.toks[:0], false)
		s.wtoks = appendWords(s.wtoks[:0], s.toks)
		r.toks, words = s.toks, s.wtoks
		q.terms = s.terms[:0]
	} else {
		r.toks = e.an.tokens(text, nil, false)
		words = wordTokens(r.toks)
	}
	r.start = preamble(words)
	r.ws = words[r.start:]
	if r.start > 0 {
		r.ledBy = words[r.start-1].word // "by" of "by what margin"
	}
	if r.start > 0 {
		r.start = words[r.start].pos
	}
	view := accordingTo(&r)
	if len(r.ws) > 2 && r.ws[0].word == "which" && r.ws[1].word == "other" {
		r.ws = append(r.ws[:1:1], r.ws[2:]...) // "which other bridge" asks which bridge
	}
	q.typ = e.classify(&r)
	markIdioms(r.ws, q.typ, &r.optional)
	if len(view) > 0 {
		// "according to the harbour master, how many boats sank": the
		// question proper follows, and asks for their view
		if q.typ == qWhat || q.typ == qYesNo {
			q.typ = qSaid
		}
		r.span = view
	}
	if q.typ == qHowMany && len(r.ws) > 1 && r.ws[0].word == "how" {
		q.how = r.ws[1].word
		if len(r.ws) > 2 && timeUnits[r.ws[2].word] {
			q.how = "long" // "how many years": a span of time
		}
		q.money = len(r.ws) > 2 && q.how == "many" && currencies[r.ws[2].word] // "how many dollars"
	}
	if q.typ == qWhat && len(r.ws) > 1 && r.ws[0].word == "how" && oftenWords[r.ws[1].word] {
		q.how = "often" // a frequency answers
	}
	if r.measure != "" {
		q.how, q.money = r.measure, moneyWords[r.measure]
		if r.measure == "age" {
			q.how = "old"
		}
	}
	if q.typ == qWhat && len(r.ws) > 2 && (r.ws[0].word == "what" || r.ws[0].word == "which") {
		if k := r.ws[1]; k.id >= 0 && !k.has(tokStop) && !k.has(tokNum) && !isAuxiliary(k.word) && !r.framing.has(k.pos) {
			q.classOf, q.hasClass = k.id, true
		}
	}
	q.name, q.naming = asksName(q.typ, r.ws) || r.naming, r.naming
	q.objectWho = r.objectWho
	from := -1
	if q.name && r.ws[0].word == "which" {
		from = 1 // "which consulting firm"
	} else if k := nameOf(r.ws); k > 0 {
		q.name, from, q.nameOfN = true, k+1, true // "what is the name of the firm"
	}
	if from > 0 {
		for from < len(r.ws) && isArticle(r.ws[from].word) {
			from++
		}
		for k := from; k < len(r.ws) && r.ws[k].term != ""; k++ {
			if id := e.ix.idOf(r.ws[k].term); id >= 0 {
				q.class = append(q.class, id)
			}
		}
	}
	for _, t := range r.counted {
		if id := e.ix.idOf(t); id >= 0 {
			q.counted = append(q.counted, id)
		}
	}
	q.told, q.clock, q.dayPart, q.calendar, q.town, q.subset = r.told, r.clock, r.dayPart, r.calendar, r.town, r.subset
	weighs, inCurrency := false, false
	for k, t := range r.ws {
		q.says = q.says || t.has(tokSays) // opinionVerbs[t.word] or english.ReportingVerb(t.word)
		q.money = q.money || q.typ == qHowMany && r.ws[1].word == "much" && moneyWords[t.word] && !asksChange(r.ws)
		// "how much damage, in pounds, did it cause": a currency after "in"
		inCurrency = inCurrency || q.typ == qHowMany && r.ws[1].word == "much" && currencies[t.word] && k > 0 && r.ws[k-1].word == "in"
		q.future = q.future || q.typ == qWhen && (futureAsked[t.word] || t.word == "being" && presentAux(r.ws[1].word))
		weighs = weighs || weightWords[t.word]
	}
	q.money = q.money || inCurrency && !weighs // not "how much did the baby weigh, in pounds"
	e.findAsked(&q, &r)
	e.addTerms(&q, &r)
	if r.tailView && len(view) == 0 {
		view = r.span // "how many stations ran dry, according to police"
	}
	if len(view) > 0 && q.typ != qSaid {
		q.view = viewMask(&q, view) // "according to X, how many": X must be the source
	}
	q.counted = countedRelated(q.counted, q.terms)
	if s != nil {
		s.terms = q.terms // the buffer, grown, for the next question
	}
	q.missing = e.missingNames(text, r.toks)
	q.defines = e.definition(text)
	return q
}

// countedRelated returns counted with the terms strongly related to each
// (a first-sense synonym): a number of "staffers" counts the "staff".
func countedRelated(counted []int32, terms []queryTerm) []int32 {
	n := len(counted)
	for _, t := range terms {
		if t.id >= 0 && slices.Contains(counted[:n], t.id) {
			for _, r := range t.related {
				if r.cover == coverStrong && !slices.Contains(counted, r.id) {
					counted = append(counted, r.id)
				}
			}
		}
	}
	return counted
}

// weightWords ask for a weight, which "in pounds" measures too.
var weightWords = map[string]bool{"weigh": true, "weighs": true, "weighed": true, "weight": true, "heavy": true, "heavier": true}

// moneyWords, after "how much", ask for an amount of money.
var moneyWords = map[string]bool{
	"cost": true, "costs": true, "costing": true, "spend": true, "spends": true, "spent": true,
	"spending": true, "pay": true, "pays": true, "paid": true, "paying": true, "charge": true,
	"charges": true, "charged": true, "charging": true, "price": true, "priced": true,
	"worth": true, "money": true, "budget": true, "budgeted": true, "earn": true, "earns": true,
	"earned": true, "sell": true, "sold": true, "fine": true, "fined": true, "fund": true,
	"funding": true, "invest": true, "invested": true, "revenue": true, "salary": true,
	"rent": true, "rents": true, "fee": true, "fees": true, "fare": true, "fares": true,
	"wage": true, "wages": true,
}

// oftenWords, after "how", ask how often: "how often", "how frequently".
var oftenWords = map[string]bool{"often": true, "frequently": true, "regularly": true}

// asksChange reports whether a "how much" question asks by how much
// something changed ("how much did wages rise"), which a percentage
// answers as well as a sum.
func asksChange(ws []token) bool {
	for _, t := range ws {
		if changeVerbs[t.word] {
			return true
		}
	}
	return false
}

// changeVerbs say that something went up or down.
var changeVerbs = map[string]bool{
	"rise": true, "rose": true, "risen": true, "fall": true, "fell": true, "fallen": true,
	"increase": true, "increased": true, "drop": true, "dropped": true, "grow": true, "grew": true,
	"grown": true, "climb": true, "climbed": true, "jump": true, "jumped": true, "decline": true,
	"declined": true, "shrink": true, "shrank": true, "soar": true, "soared": true,
}

// clipQuestion cuts text to maxQuestionBytes, at a rune boundary.
func clipQuestion(text string) string {
	if len(text) <= maxQuestionBytes {
		return text
	}
	cut := maxQuestionBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

// accordingTo cuts a leading "according to X," from r's words, and returns
// the words naming X: the question proper follows the comma.
func accordingTo(r *reading) []token {
	ws := r.ws
	if len(ws) < 5 || ws[0].word != "according" || ws[1].word != "to" {
		return nil
	}
	for m := 2; m+1 < len(ws); m++ {
		if strings.Contains(r.text[ws[m].end:ws[m+1].start], ",") {
			if m+2 >= len(ws) {
				return nil
			}
			r.framing.set(ws[0].pos)
			r.framing.set(ws[1].pos)
			r.ws = ws[m+1:]
			if k := preamble(r.ws); k > 0 {
				for _, t := range r.ws[:k] {
					r.framing.set(t.pos) // "according to X, roughly how many"
				}
				r.ws = r.ws[k:]
			}
			return ws[2 : m+1]
		}
	}
	return nil
}

// preamble returns the index of the first word after a preamble such as
// "can you tell me" or "do you know": the wh-word, or 0.
func preamble(words []token) int {
	for k := 0; k < len(words) && k < 6; k++ {
		if words[k].has(tokWh) {
			switch w := words[0].word; {
			case k == 0:
			case isAuxiliary(w) || w == "tell" || w == "please" || w == "so" || w == "and" || w == "i":
				return k
			case k <= 2 && leadsWh(words[:k]) && !(k+1 < len(words) && causeNouns[words[k+1].word]):
				return k // "at about what hour", "for how long", "roughly how many"; not "for what reason"
			}
			break
		}
	}
	return 0
}

// leadsWh reports whether words, before a wh-word, are a preposition or a
// hedge that the question's type does not depend on: "in what area" asks
// where, "for how long" how long, "roughly how many" how many.
func leadsWh(words []token) bool {
	for _, w := range words {
		if !whLeaders[w.word] && !hedges[w.word] {
			return false
		}
	}
	return true
}

// whLeaders are the prepositions that may open a question before its
// wh-word.
var whLeaders = map[string]bool{
	"at": true, "in": true, "on": true, "for": true, "by": true, "to": true, "from": true,
	"until": true, "till": true, "during": true, "about": true, "around": true, "approximately": true,
	"roughly": true, "nearly": true, "almost": true, "with": true, "into": true, "under": true,
}

// classify returns the question's type from its opening words, and marks in
// r the words that frame it, the verb that only ranks, and whose view it
// asks for.
func (e *Engine) classify(r *reading) qType {
	ws := r.ws
	if len(ws) > 0 && ws[0].has(tokWh) && isContracted(r.text[ws[0].start:ws[0].end]) {
		// "what's the reason": "what is the reason"
		is := ws[0]
		is.word, is.flags = "is", tokStop|classFlags("is")
		ws = append([]token{ws[0], is}, ws[1:]...)
	}
	w := func(i int) string {
		if i < len(ws) {
			return ws[i].word
		}
		return ""
	}
	typ := qWhat
	measure := measureAt(ws) // "what share of": where its measure noun stands, or -1
	if measure < 0 && (r.ledBy == "by" || r.ledBy == "at" || r.ledBy == "to") && w(0) == "what" && isMeasureNoun(w(1)) {
		measure = 1 // "by what margin did", "at what price will": only ever a figure
	}
	switch first := w(0); {
	case first == "who" || first == "whom" || first == "whose":
		typ = qWho
		r.objectWho = first == "whom" || (w(1) == "did" || w(1) == "does" || w(1) == "do") && len(ws) > 3 && !isNegation(w(2))
		// "who is X" or "who is the <role>"; not "who is running ...".
		if (w(1) == "is" || w(1) == "was" || w(1) == "are" || w(1) == "were") && len(ws) > 2 &&
			(ws[2].has(tokCap) || ws[2].has(tokAllCaps) || w(2) == "the" || w(2) == "a" || w(2) == "an" || e.startsName(ws[2])) {
			typ = qWhoIs
			r.span = ws[2:]
		}
	case first == "when" || (first == "what" || first == "which") && isTimeNoun(w(1)) ||
		first == "since" && w(1) == "when" || first == "how" && w(1) == "long" && w(2) == "ago":
		typ = qWhen
		if first != "when" && len(ws) > 1 && isTimeNoun(w(1)) {
			r.optional.set(ws[1].pos)                                    // "what year": the date need not say "year"
			r.clock = (w(1) == "time" || w(1) == "hour") && w(2) != "of" // not "what time of year"
			r.dayPart = w(1) == "time" && w(2) == "of" && (w(3) == "day" || w(3) == "the" && w(4) == "day")
			r.calendar = w(1) == "date" || w(1) == "day"
		}
	case first == "where" || (first == "what" || first == "which") && isPlaceNoun(w(1)):
		typ = qWhere
		if first != "where" && w(1) != "state" {
			// "which town did the storm hit": the place need not say
			// "town" ("state" may be a condition: "in what state is it")
			r.optional.set(ws[1].pos)
		}
		r.town = w(1) == "city" || w(1) == "town" || w(1) == "village"
	case first == "why" || first == "how" && w(1) == "come" ||
		first == "what" && isCauseVerb(w(1)) || first == "for" && w(1) == "what" && causeNouns[w(2)] ||
		first == "what" && (w(1) == "is" || w(1) == "was") && w(2) == "the" && causeNouns[w(3)]:
		typ = qWhy
		if w(3) != "" && w(2) == "the" {
			r.framing.set(ws[3].pos) // "the reason for X" asks why X
		}
	case first == "how" && oftenWords[w(1)]:
		typ = qWhat // a frequency: "twice a year", not a count
		r.framing.set(ws[1].pos)
	case first == "how" && (w(1) == "many" || w(1) == "much" || w(1) == "old" || w(1) == "long" || measuredBy[w(1)]):
		typ = qHowMany
		if w(1) == "many" || w(1) == "much" {
			r.framing.set(ws[1].pos)
			from := 2
			if w(2) == "of" {
				from = 3 // "how many of the attackers"
				if isArticle(w(3)) || w(3) == "its" || w(3) == "their" {
					from = 4
				}
			}
			k := from
			for ; k < len(ws) && ws[k].term != ""; k++ {
				r.counted = append(r.counted, ws[k].term) // "Prime members", "U.S. soldiers died"
			}
			if from > 2 && k+1 < len(ws) && (ws[k].word == "were" || ws[k].word == "are") && plural(ws[k+1].word) && ws[k+1].term != "" {
				// "how many of the volunteers were women": the women are counted,
				// not the volunteers
				r.counted, r.subset = append(r.counted[:0], ws[k+1].term), true
			}
		} else {
			r.optional.set(ws[1].pos) // "how old": "a century old"
		}
	case first == "how":
		typ = qHow
		if end := opinionVerbAt(ws, 2); end > 2 && isAuxiliary(w(1)) {
			typ, r.span = qSaid, trimHedges(ws[2:end])
			r.optional.set(ws[end].pos)
			r.verb = ws[end].term
		}
	case measure > 0:
		// "what share of", "what interest rate", "what was the size of":
		// a figure answers
		typ = qHowMany
		k := measure
		r.measure = ws[k].word
		if !measureNouns[r.measure] {
			// "what share": the figure is the share, which the sentence
			// need not call one; the population, the speed, the cost it
			// must name
			r.optional.set(ws[k].pos)
		}
	case (first == "what" || first == "which") && kindNouns[w(1)] && w(2) == "of" && len(ws) > 3:
		// "what kind of organisation is X": what X is; the class only ranks
		typ = qWhat
		r.framing.set(ws[1].pos)
		r.optional.set(ws[3].pos)
	case first == "what" || first == "which":
		if len(ws) > 2 && ws[1].has(tokNum) {
			// "which two ministers": how many the answer names, which the
			// sentence that names them need not say
			r.optional.set(ws[1].pos)
		}
		if !isAuxiliary(w(1)) {
			break
		}
		end := opinionVerbAt(ws, 2)
		if end <= 2 {
			end = opinionNounAt(ws, 2)
		}
		if end > 2 {
			typ, r.span = qSaid, trimHedges(ws[2:end])
			r.optional.set(ws[end].pos)
			r.verb = ws[end].term
			r.told = addressee(ws, end)
		} else if last := ws[len(ws)-1]; len(ws) > 3 && namingWords[last.word] {
			// "what is the campaign called": its name, which the sentence
			// gives without saying "called"
			r.framing.set(last.pos)
			r.naming = true
		}
	case isAuxiliary(first):
		typ = qYesNo
	}
	// "according to X" names whose view is asked, in any question.
	for k := 0; k+2 < len(ws); k++ {
		if ws[k].word == "according" && ws[k+1].word == "to" {
			if typ == qWhat || typ == qYesNo {
				typ = qSaid
			}
			r.span, r.tailView = ws[k+2:], true
			r.framing.set(ws[k].pos)
		}
	}
	for _, t := range ws {
		if t.has(tokFraming) { // framingWords[t.word]
			r.framing.set(t.pos)
		}
	}
	return typ
}

// findAsked finds the sources the question names and settles whose view it
// asks for. The words naming the asked speaker are not topic: in "what did
// X say about Y", or "who is X"; other names in the question are.
func (e *Engine) findAsked(q *question, r *reading) {
	q.speakers = e.findSpeakers(r.toks, r.span, &r.namePos)
	if q.typ == qSaid {
		e.resolveSpan(q, r)
	}
	e.occupation(q, r)
	if q.typ == qWhoIs && len(q.speakers) > 0 && len(r.span) > 0 && !isArticle(r.span[0].word) {
		for _, t := range r.span {
			if r.namePos.has(t.pos) {
				q.name = false // "who is X" asks what X is, and X is named
				break
			}
		}
	}
	if q.typ == qWhoIs && q.name && len(r.span) > 1 && isArticle(r.span[0].word) && isRole(r.span[1].word) {
		q.role = r.span[1].term // "who is the president of the association"
	}
	r.asked = r.namePos
	if (q.typ == qSaid || q.typ == qWhoIs) && len(r.span) > 0 {
		r.asked = posSet{}
		for _, t := range r.span {
			if r.namePos.has(t.pos) {
				r.asked.set(t.pos)
			}
		}
	}
}

// viewMask returns the terms of q that name the X of "according to X":
// from its first capitalised word on when it has one ("the motoring group
// Tarn Motor Club", "Vellmark police"), else its head ("the camp's
// medics" are medics).
func viewMask(q *question, view []token) uint64 {
	switch k := slices.IndexFunc(view, func(t token) bool { return t.term != "" && t.has(tokCap) }); {
	case k > 0:
		view = view[k:] // "the motoring group Tarn Motor Club"; not "Vellmark police" without "police"
	case k < 0:
		for h := len(view) - 1; h >= 0; h-- {
			if view[h].term != "" && !view[h].has(tokAlias) && !view[h].has(tokPart) {
				view = view[h : h+1] // the head: "the camp's medics" are medics, "state radio" radio
				break
			}
		}
	}
	var m uint64
	for i := range q.terms {
		for _, t := range view {
			if t.term != "" && t.term == q.terms[i].term && !q.terms[i].optional {
				m |= 1 << uint(i)
			}
		}
	}
	return m
}

// trimHedges returns span without the hedges at its end: "what did
// Salinas reportedly say" asks for Salinas's words.
func trimHedges(span []token) []token {
	for len(span) > 1 && hedges[span[len(span)-1].word] {
		span = span[:len(span)-1]
	}
	return span
}

// describes reports whether t is one of the words of the span r reads
// whose view is asked: not a stop word, an extra term or framing.
func describes(r *reading, t token) bool {
	return t.term != "" && !t.has(tokAlias) && !t.has(tokPart) && !r.framing.has(t.pos)
}

// describedSource returns the one source whose name and role hold most of
// a description's words, when none holds them all: "the Tallby Grammar
// maths teacher" for a maths teacher at a school the role leaves out. It must
// hold a capitalised word or a noun for a job of the description, at least
// half of its words and its last word, and lack only capitalised ones (a
// body or place the role leaves out): "the Northern Brigade chaplain" is
// not the brigade's commander, nor "the Norwegian trade minister" the
// foreign minister. No other source may hold as many; else -1.
func (e *Engine) describedSource(r *reading, n int) int {
	if n < 2 {
		return -1
	}
	best, bestN, tie := -1, 0, false
	for si := range e.sources {
		s := &e.sources[si]
		if len(s.docs) == 0 {
			continue
		}
		got, named, head, other := 0, false, false, false
		for _, t := range r.span {
			switch {
			case !describes(r, t):
			case !contains(s.allTerms, t.term):
				head = false
				// a word of description it lacks ("the Norwegian trade
				// minister" for the foreign minister) is another person;
				// only a name the role leaves out may be missing
				other = other || !t.has(tokCap) && !t.has(tokAllCaps)
			default:
				got++
				named = named || t.has(tokCap) || t.has(tokAllCaps) || english.IsRoleNoun(t.word)
				head = true
			}
		}
		switch {
		case !named || !head || other || 2*got < n: // "the Northern Brigade chaplain" is not its commander
		case got > bestN:
			best, bestN, tie = si, got, false
		case got == bestN:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// asksName reports whether a question of type typ worded ws asks for a
// name: "who", "which N" and "what company" ask for one; "which year" asks
// for a date, "which city" for a place.
func asksName(typ qType, ws []token) bool {
	switch {
	case typ == qWho || typ == qWhoIs:
		return true
	case typ != qWhat || len(ws) < 2:
		return false
	}
	n := ws[1].word
	if ws[0].word == "which" {
		return n == "of" || !isStop(n) && !english.IsQuantifier(n) && !kindNouns[n]
	}
	return ws[0].word == "what" && (english.IsOrgNoun(n) || english.IsGenericOrgNoun(n) || english.IsRoleNoun(n) || personNouns[n])
}

// nameOf returns the index of "of" in "what is the name of X" (or "what
// was", "what's"), or -1.
func nameOf(ws []token) int {
	if len(ws) < 4 || ws[0].word != "what" {
		return -1
	}
	for k := 1; k < 4 && k+1 < len(ws); k++ {
		if (ws[k].word == "name" || ws[k].word == "names") && ws[k-1].word == "the" && ws[k+1].word == "of" {
			return k + 1
		}
	}
	return -1
}

// kindNouns ask for a sort of thing, not a name: "which kind", "what type".
var kindNouns = map[string]bool{"kind": true, "kinds": true, "type": true, "types": true, "sort": true, "sorts": true, "part": true, "parts": true, "way": true, "ways": true}

// personNouns ask for a person: "what man", "which woman".
var personNouns = map[string]bool{"person": true, "man": true, "woman": true, "people": true, "men": true, "women": true}

// occupationWords ask what someone does: "where does X work", "what is X's
// job".
var occupationWords = map[string]bool{
	"work": true, "works": true, "worked": true, "job": true, "role": true, "position": true,
	"title": true, "occupation": true, "profession": true, "employer": true, "employs": true,
	"employed": true, "living": true,
}

// holdVerbs say that someone holds a post: "what position does X hold".
var holdVerbs = map[string]bool{"hold": true, "holds": true, "held": true, "have": true, "has": true, "had": true}

// employerPrepositions put a post at an organisation: "X's role at Tarn
// Mills", "X's job with the FCC". Not "in", which may say where or when
// they held another post ("what position did X hold in Varna").
var employerPrepositions = map[string]bool{"at": true, "with": true, "for": true}

// occupation makes a question about what a named person does ("Where does
// X work?", "Who does X work for?", "What is X's job?", "What does X do?")
// a who-is question about them: their introduction says it.
func (e *Engine) occupation(q *question, r *reading) {
	if q.typ != qWho && q.typ != qWhere && q.typ != qWhat || len(q.speakers) == 0 ||
		e.sources[q.speakers[0]].summary.Kind != string(knowledge.Person) {
		return
	}
	var span []token
	asks, employer := false, false // employer: inside "at the Tarn Mills Union"
	for i, t := range r.ws {
		employer = employer && (t.has(tokCap) || isArticle(t.word) || isAcronymJoiner(t.word))
		switch {
		case r.namePos.has(t.pos):
			span = append(span, t)
		case occupationWords[t.word]:
			asks = true
		case t.word == "do" && i == len(r.ws)-1 && q.typ == qWhat:
			asks = true // "what does X do"
		case holdVerbs[t.word]:
			// "what position does X hold"
		case occupationModifier(r.ws, i):
			// "what government job does X hold": the job says it
		case employerPrepositions[t.word] && i+1 < len(r.ws) && (r.ws[i+1].has(tokCap) || isArticle(r.ws[i+1].word)):
			employer = true // "what is X's role at Tarn Mills": whom they work for
		case employer:
		case t.term != "" && !r.framing.has(t.pos):
			return // the question asks something more
		}
	}
	if !asks || len(span) == 0 {
		return
	}
	q.typ, r.span = qWhoIs, span
	for i, t := range r.ws {
		if occupationWords[t.word] || holdVerbs[t.word] || occupationModifier(r.ws, i) {
			r.framing.set(t.pos)
		}
	}
}

// occupationModifier reports whether ws[i] is a lower-case word between
// the wh-word and an occupation word: "government" in "what government
// job does X hold".
func occupationModifier(ws []token, i int) bool {
	return i > 0 && i+1 < len(ws) && ws[i-1].has(tokWh) && occupationWords[ws[i+1].word] && !ws[i].has(tokCap)
}

// addTerms collects the question's content terms. A hyphenated word's parts
// are weaker alternatives of the whole when the briefings use the whole, and
// stand in for it otherwise.
func (e *Engine) addTerms(q *question, r *reading) {
	seen := func(term string) (int, bool) {
		for i := range q.terms {
			if q.terms[i].term == term {
				return i, true
			}
		}
		return 0, false
	}
	type whole struct {
		pos  int
		term string
	}
	var wholes []whole // the known hyphenated terms, by position
	wholeAt := func(pos int) (string, bool) {
		for _, w := range wholes {
			if w.pos == pos {
				return w.term, true
			}
		}
		return "", false
	}
	for _, t := range r.toks {
		if t.term != "" && strings.IndexByte(t.word, '-') > 0 && !t.has(tokPart) {
			if t.id >= 0 {
				wholes = append(wholes, whole{t.pos, t.term})
			}
		}
	}
	aliases := aliasSpansOf(r.toks)
	for ti, t := range r.toks {
		if t.term == "" || r.framing.has(t.pos) && !t.has(tokAlias) || t.pos < r.start {
			continue
		}
		if a := aliases.over(t); a != "" && !t.has(tokAlias) {
			if i, ok := seen(a); ok {
				q.terms[i].addRelated(t.id, partWeight, coverWeak)
				if r.namePos.has(t.pos) {
					q.terms[i].speaker = true
				}
				continue
			}
		}
		if strings.IndexByte(t.word, '-') > 0 && !t.has(tokPart) && !t.has(tokAlias) {
			if _, known := wholeAt(t.pos); !known {
				continue // an unknown compound: its parts stand in for it
			}
		}
		if t.has(tokPart) {
			if whole, ok := wholeAt(t.pos); ok {
				if i, ok := seen(whole); ok {
					q.terms[i].addRelated(t.id, partWeight, coverWeak)
				}
				continue
			}
		}
		if t.has(tokCap) && t.pos > 0 {
			if full := e.shortName(r.toks, ti); full != "" {
				t.term, t.id = full, e.ix.idOf(full) // "Con Ed": the briefing's "Con Edison"
			}
		}
		if i, ok := seen(t.term); ok {
			if r.namePos.has(t.pos) {
				q.terms[i].speaker = true
			}
			continue
		}
		if len(q.terms) == maxTerms {
			break
		}
		if r.optional.has(t.pos) && reportingStems[t.term] {
			continue // "say" asks for what was said; it names no topic
		}
		q.terms = append(q.terms, e.queryTerm(t, r, ti))
	}
	for _, qt := range q.terms {
		if !qt.speaker && !qt.optional {
			q.hasTopic = true
		}
	}
}

// An aliasSpan is where a question names one of the briefings' multi-word
// aliases ("Vellmar Ferry Corporation" for VFC), and the alias's term.
type aliasSpan struct {
	start, end int
	term       string
}

// aliasSpans are the multi-word aliases a question names: the alias's term
// stands for its words, which become weaker alternatives of it, as a
// hyphenated word's parts do.
type aliasSpans []aliasSpan

// aliasSpansOf returns the known multi-word aliases among toks.
func aliasSpansOf(toks []token) aliasSpans {
	var as aliasSpans
	for _, t := range toks {
		if t.has(tokAlias) && t.id >= 0 && strings.IndexByte(t.word, ' ') > 0 {
			as = append(as, aliasSpan{t.start, t.end, t.term})
		}
	}
	return as
}

// over returns the term of the alias whose words include t, or "".
func (as aliasSpans) over(t token) string {
	for _, a := range as {
		if t.start >= a.start && t.end <= a.end && t.term != a.term {
			return a.term
		}
	}
	return ""
}

// shortName returns, for a capitalised word no briefing has that shortens
// the name the briefings write after the word before it ("Ed" in "Con
// Ed"), the term of the name's word; else "".
func (e *Engine) shortName(toks []token, i int) string {
	t := toks[i]
	if t.id >= 0 {
		return ""
	}
	for k := i - 1; k >= 0; k-- {
		if p := toks[k]; !p.has(tokAlias) && !p.has(tokPart) {
			if p.pos != t.pos-1 || p.term == "" {
				return ""
			}
			return e.lengthened(p.term, t.word)
		}
	}
	return ""
}

// queryTerm makes the question term of token t, the question's word ti
// (whose term a shortened name may have lengthened), with its related
// terms: those of the phrasal verb it makes with a particle after it, or
// of its antonyms when it is negated.
func (e *Engine) queryTerm(t token, r *reading, ti int) queryTerm {
	id := t.id
	idf, known := e.ix.idfOfID(id, e.tune.unknownWeight)
	next := wordAfter(r.toks, ti)
	// "said" ranks attributed passages up but names no topic; "trying to"
	// only says the subject means to do what follows.
	opt := r.optional.has(t.pos) || t.term == "say" || hedges[t.word] || attemptVerbs[t.term] && next == "to"
	qt := queryTerm{term: t.term, word: t.word, idf: idf, known: known, id: id, speaker: r.asked.has(t.pos), optional: opt}
	qt.entity = qt.speaker || t.has(tokCap) && t.pos > r.start || t.has(tokAllCaps) || t.has(tokAlias) ||
		t.has(tokNum) || e.proper[t.term]
	qt.modifier = modifiesNoun(r.toks, ti)
	particle := ""
	if english.IsParticle(next) {
		particle = next
	}
	qt.related = e.relatedOf(t, negatedAt(r.toks, ti), particle)
	return qt
}

// relatedOf returns the terms related to token t, strongest first: the
// briefings' compounds of its term, the lexicon's related words, and, for a
// word, WordNet's (and those of the phrasal verb it makes with particle)
// and the role nouns for a word of leading. Lookups are kept, up to
// maxQueryWords of them; the slice returned is shared and read-only
// (addRelated copies it before adding).
func (e *Engine) relatedOf(t token, neg bool, particle string) []relTerm {
	word := !t.has(tokAlias) && !t.has(tokNum)
	// The key, built without allocating; a word's term follows from it.
	var buf [64]byte
	key := append(buf[:0], t.word...)
	switch {
	case !word:
		key = append(append(append(append(buf[:0], '\x01'), t.term...), '\x00'), t.word...)
	case neg:
		key = append(append(buf[:0], negated...), t.word...)
	}
	if word && particle != "" {
		key = append(append(key, ' '), particle...)
	}
	e.relMu.RLock()
	rs, ok := e.related[string(key)]
	e.relMu.RUnlock()
	if ok {
		return rs
	}
	qt := queryTerm{term: t.term, id: e.ix.idOf(t.term)}
	for _, c := range e.compounds(t.term) {
		qt.addRelated(e.ix.idOf(c), compoundWeight, coverWeak)
	}
	for _, rt := range relatedTerms[t.term] {
		qt.addRelated(e.ix.idOf(rt), relatedWeight, coverWeak)
	}
	if word {
		e.wordnetRelated(&qt, t.word, neg)
		e.phrasalRelated(&qt, t.word, particle, neg)
		e.roleRelated(&qt, t.word)
	}
	qt.sortRelated()
	rs = slices.Clip(qt.related)
	e.relMu.Lock()
	if len(e.related) < maxQueryWords {
		e.related[string(key)] = rs
	}
	e.relMu.Unlock()
	return rs
}

// measuredBy, after "how", ask for a measure: "how far", "how heavy".
var measuredBy = map[string]bool{
	"far": true, "big": true, "large": true, "small": true, "heavy": true, "tall": true,
	"high": true, "deep": true, "wide": true, "fast": true, "hot": true, "cold": true,
	"expensive": true, "costly": true, "thick": true, "thin": true, "narrow": true,
}

// measureNouns, after "what", ask for a figure: "what share of GDP",
// "what is the population of". A true one is a measure the answer must
// name; a false one, a share, a sum or an amount of money, the figure
// itself gives.
var measureNouns = map[string]bool{
	"share": false, "percentage": false, "percent": false, "proportion": false, "fraction": false,
	"ratio": false, "amount": false, "sum": false, "figure": false, "total": false,
	"price": false, "cost": false, "salary": false, "wage": false, "fee": false, "budget": false, "fine": false,
	"rate":  true,
	"speed": true, "size": true, "distance": true, "height": true, "weight": true, "depth": true,
	"length": true, "temperature": true, "age": false, "population": true,
	"toll": true, "tally": true, "turnout": true, "capacity": true, "margin": true, "count": true,
}

// measureVerb reports whether verb, after the measure noun n, keeps the
// question asking for a figure: any form of "be" ("what rate is"), and for
// a share, any auxiliary ("what percentage did"). "What budget did the
// council approve" asks which budget, not how big.
func measureVerb(n, verb string) bool {
	switch verb {
	case "is", "was", "are", "were":
		return true
	}
	return proportionNouns[n] && isAuxiliary(verb)
}

// percentNouns are measures answered only by a percentage.
var percentNouns = map[string]bool{"percentage": true, "percent": true}

// proportionNouns are measures that are only ever a figure.
var proportionNouns = map[string]bool{"share": true, "percentage": true, "percent": true, "proportion": true, "fraction": true, "ratio": true}

func isMeasureNoun(w string) bool {
	_, ok := measureNouns[w]
	return ok
}

// measureAt returns where the measure noun of a question that asks for a
// figure stands in ws, or -1: "what share of", "what interest rate is",
// "what is the speed of". A figure answers it, as it does "how many".
func measureAt(ws []token) int {
	w := func(i int) string {
		if i < len(ws) {
			return ws[i].word
		}
		return ""
	}
	if w(0) != "what" {
		return -1 // "which budget": one of several, not a figure
	}
	switch {
	case isMeasureNoun(w(1)) && (w(2) == "of" || w(2) == "" || measureVerb(w(1), w(2))):
		return 1 // "what share of", "what percentage did", "what rate is"
	case (w(1) == "is" || w(1) == "was" || w(1) == "are" || w(1) == "were") && w(2) == "the" && isMeasureNoun(w(3)) && w(4) == "of":
		return 3 // "what was the size of"
	case (w(1) == "is" || w(1) == "was") && w(2) == "the" && measureAdjective(w(3)) && isMeasureNoun(w(4)):
		return 4 // "what is the biggest fine", "what was the average speed"
	}
	if w(1) == "do" || w(1) == "does" || w(1) == "did" || w(1) == "will" {
		for k := 2; k < len(ws); k++ {
			if ws[k].has(tokSays) || ws[k].has(tokStop) && k+1 < len(ws) && w(k+1) == "cost" {
				break // "what did Ana Roe say about the cost", "what did the cost of fuel do"
			}
			if w(k) == "cost" {
				return k // "what did the repair cost": an amount of money
			}
		}
	}
	// "what interest rate is", "what car park fee was": the measure ends a
	// compound and a verb follows
	for k := 1; k < len(ws) && k <= 3; k++ {
		if ws[k].has(tokStop) || isAuxiliary(w(k)) {
			break
		}
		if k > 1 && isMeasureNoun(w(k)) && (w(k+1) == "of" || measureVerb(w(k), w(k+1))) {
			return k
		}
	}
	return -1
}

// measureAdjective reports whether w, between "the" and a measure noun,
// keeps it a figure asked for: a superlative ("the biggest fine") or a
// word of degree ("the average speed", "the total cost").
func measureAdjective(w string) bool {
	switch w {
	case "average", "total", "maximum", "minimum", "overall", "annual", "estimated", "typical", "usual", "current", "final":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "est") && w != "interest" && w != "request" && w != "contest" && w != "protest" && w != "arrest"
}

func isTimeNoun(w string) bool {
	switch w {
	case "year", "date", "day", "month", "time", "week", "decade", "century", "hour":
		return true
	}
	return false
}

func isPlaceNoun(w string) bool {
	switch w {
	case "city", "country", "place", "location", "town", "region", "province", "state", "venue", "site", "area":
		return true
	}
	return false
}

func isCauseVerb(w string) bool {
	switch w {
	case "caused", "causes", "cause", "led", "prompted", "motivated", "motivates", "drove", "drives", "triggered", "sparked":
		return true
	}
	return false
}

// opinionVerbAt returns the index of the first opinion verb at or after
// from, or -1. Its words before it name whose view is asked.
func opinionVerbAt(ws []token, from int) int {
	for k := from; k < len(ws) && k < from+8; k++ {
		if opinionVerbs[ws[k].word] {
			return k
		}
		if ws[k].has(tokWh) {
			break
		}
	}
	return -1
}

// addressee returns the terms of whom "what did X tell Y" asks about:
// the words after the verb at ws[v], when it is "tell", up to a
// preposition or the end ("tell hospital managers", "tell the judge
// during the hearing"); else nil.
func addressee(ws []token, v int) []string {
	if w := ws[v].word; w != "tell" && w != "told" && w != "tells" {
		return nil
	}
	var terms []string
	for _, t := range ws[v+1:] {
		if addresseeEnds[t.word] || t.has(tokWh) {
			break
		}
		if t.term != "" && !t.has(tokAlias) && !t.has(tokPart) {
			terms = append(terms, t.term)
		}
	}
	return terms
}

// addresseeEnds end the addressee of "tell": "tell the crew about the
// fire", "told her that".
var addresseeEnds = map[string]bool{
	"about": true, "regarding": true, "concerning": true, "on": true, "over": true, "during": true,
	"after": true, "before": true, "in": true, "at": true, "when": true, "while": true,
	"following": true, "for": true, "that": true, "to": true, "with": true,
}

// namingWords end a question that asks what something is called.
var namingWords = map[string]bool{"called": true, "named": true, "titled": true, "entitled": true, "dubbed": true}

// opinionNounAt finds "X's view" after "what is/was": the noun's index.
func opinionNounAt(ws []token, from int) int {
	for k := from; k < len(ws) && k < from+8; k++ {
		if opinionNouns[ws[k].word] && k > from {
			return k
		}
	}
	return -1
}

// findSpeakers returns the sources the question names, longest names first,
// preferring names inside span; it marks the positions of their words.
func (e *Engine) findSpeakers(toks []token, span []token, namePos *posSet) []int {
	// The question's content tokens in order, one per position.
	var buf [32]*token
	seq := buf[:0]
	lastPos := -1
	for i := range toks {
		t := &toks[i]
		if t.term == "" || t.has(tokAlias) && t.pos == lastPos {
			continue
		}
		seq = append(seq, t)
		lastPos = t.pos
	}
	inSpan := func(pos int) bool {
		for _, s := range span {
			if s.pos == pos {
				return true
			}
		}
		return false
	}
	var fbuf, sbuf [8]int
	found, spanFound := fbuf[:0], sbuf[:0]
	for i := 0; i < len(seq); {
		best, bestLen := -1, 0
		if !e.mayStartName(seq[i]) {
			i++
			continue
		}
		for _, cand := range e.names[seq[i].term] {
			n := len(cand.terms)
			if n <= bestLen || i+n > len(seq) {
				continue
			}
			ok := true
			for k, term := range cand.terms {
				if seq[i+k].term != term {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = cand.source, n
			}
		}
		if best < 0 {
			i++
			continue
		}
		for k := 0; k < bestLen; k++ {
			namePos.set(seq[i+k].pos)
		}
		if !slices.Contains(found, best) && !slices.Contains(spanFound, best) {
			if inSpan(seq[i].pos) {
				spanFound = append(spanFound, best)
			} else {
				found = append(found, best)
			}
		}
		i += bestLen
	}
	if len(spanFound)+len(found) == 0 {
		return nil
	}
	return append(append(make([]int, 0, len(spanFound)+len(found)), spanFound...), found...)
}

// missingNames returns the capitalised names in the question that no
// briefing mentions, joined into phrases.
func (e *Engine) missingNames(text string, toks []token) []string {
	upper, letters := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf { // ASCII
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				letters++
				if c <= 'Z' {
					upper++
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		i += n
	}
	if letters == 0 || upper*2 > letters {
		return nil // shouting or no letters: capitals mean nothing
	}
	var out []string
	var cur []string
	lastPos := -2
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	prev := &token{pos: -2}
	for i := range toks {
		t := &toks[i]
		if t.has(tokAlias) || t.has(tokPart) || t.term == "" {
			continue
		}
		after := prev
		prev = t
		if !t.has(tokCap) || t.pos == 0 || t.has(tokNum) || t.id >= 0 || e.vocab[t.term] || isHonorific(t.word) {
			continue
		}
		if e.knownPart(t.word) || after.pos == t.pos-1 && e.shortens(after.term, t.word) {
			continue
		}
		if t.pos != lastPos+1 {
			flush()
		}
		cur = append(cur, text[t.start:t.end])
		lastPos = t.pos
	}
	flush()
	return out
}

// shortens reports whether word, after the term before it, shortens the
// name the briefings write there: "Con Ed" for "Con Edison".
func (e *Engine) shortens(before, word string) bool {
	return e.lengthened(before, word) != ""
}

// lengthened returns the term of the name's word that word, after the
// term before it, shortens ("Con Ed" for "Con Edison"): some sentence has
// before's term followed by a capitalised word whose term starts with
// word. "" when none does.
func (e *Engine) lengthened(before, word string) string {
	id := e.ix.idOf(before)
	if id < 0 || len(word) < 2 {
		return ""
	}
	for _, p := range e.ix.postings[id] {
		toks := e.docs[p.doc].toks
		for i, t := range toks {
			if t.term != id || i+1 >= len(toks) || toks[i+1].pos != t.pos+1 || toks[i+1].term < 0 || toks[i+1].mark&markCap == 0 {
				continue
			}
			if next := e.ix.terms[toks[i+1].term]; len(next) > len(word) && strings.HasPrefix(next, word) {
				return next
			}
		}
	}
	return ""
}

// knownPart reports whether a hyphenated word has a part any briefing
// uses: "MSC-labelled" when the briefing names the MSC.
func (e *Engine) knownPart(w string) bool {
	if strings.IndexByte(w, '-') < 0 {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if t := e.an.term(p); t != "" && e.knownTerm(t) {
			return true
		}
	}
	return false
}

// knownTerm reports whether any briefing uses term.
func (e *Engine) knownTerm(term string) bool {
	if _, ok := e.ix.ids[term]; ok {
		return true
	}
	return e.vocab[term]
}

// resolveSpan settles whose view a qSaid question asks for. A span naming no
// source may still name part of one ("inspectors"); a span of framing words
// only ("the article") makes the question a plain what-question; a span
// naming someone the briefings never quote is noted for abstention.
func (e *Engine) resolveSpan(q *question, r *reading) {
	span := r.span
	var terms []string
	var words []string
	for _, t := range span {
		if !describes(r, t) {
			continue
		}
		terms = append(terms, t.term)
		words = append(words, t.word)
	}
	if len(terms) == 0 {
		q.typ = qWhat
		return
	}
	named := false // a capitalised word: the span names someone
	for _, t := range span {
		if t.term != "" && (t.has(tokCap) || t.has(tokAllCaps)) {
			named = true
		}
	}
	for _, si := range q.speakers {
		for _, t := range span {
			if r.namePos.has(t.pos) && e.namesSource(si, t.term) {
				return // the span names a source
			}
		}
	}
	// A source whose name and role hold every word of the span ("the
	// museum's chief curator"), the most quoted first.
	best := -1
	for si := range e.sources {
		s := &e.sources[si]
		if len(s.docs) == 0 {
			continue
		}
		ok := true
		for i, t := range terms {
			if !contains(s.allTerms, t) && !(leadWords[words[i]] && s.hasRole) {
				ok = false
				break
			}
		}
		if ok && (best < 0 || len(s.docs) > len(e.sources[best].docs)) {
			best = si
		}
	}
	if best < 0 {
		best = e.describedSource(r, len(terms))
	}
	if best >= 0 {
		q.speakers = append([]int{best}, q.speakers...)
		for _, t := range span {
			if t.term != "" {
				r.namePos.set(t.pos)
			}
		}
		return
	}
	if !named || r.verb != "" && !reportingStems[r.verb] && e.reportedBy(terms, r.verb) {
		q.typ = qWhat // "what did the chairman of the party describe": a sentence says what they said
		if reportingStems[r.verb] {
			q.sayer, q.sayerWords = terms, strings.Join(words, " ") // "what did the pharmacy say"
		}
		return
	}
	q.unquoted = strings.Join(words, " ")
}

// reportedBy reports whether some sentence holds every one of terms and
// the verb: the briefing reports what they said ("the chairman described
// the video as satire") without quoting them as a source.
func (e *Engine) reportedBy(terms []string, verb string) bool {
	var rare []posting
	for i, t := range terms {
		id, ok := e.ix.ids[t]
		if !ok {
			return false
		}
		if ps := e.ix.postings[id]; i == 0 || len(ps) < len(rare) {
			rare = ps
		}
	}
	for _, p := range rare {
		toks := e.an.tokens(e.docs[p.doc].text, nil, false)
		has, reports := 0, false
		for _, t := range terms {
			for _, x := range toks {
				if x.term == t {
					has++
					break
				}
			}
		}
		for _, x := range toks {
			reports = reports || x.term == verb
		}
		if has == len(terms) && reports {
			return true
		}
	}
	return false
}

// namesSource reports whether term is part of a name of source si.
func (e *Engine) namesSource(si int, term string) bool {
	return si < len(e.nameTerms) && slices.Contains(e.nameTerms[si], term)
}

// startsName reports whether t (lower case) begins a source's name.
func (e *Engine) startsName(t token) bool {
	return t.term != "" && e.mayStartName(&t)
}

// minCompound is the least share of the longer term a shared prefix must
// cover for two terms to be related as compounds ("rocket", "rocketry").
const minCompound = 0.6

// compounds returns the briefings' terms that term is a long prefix of, or
// that are a long prefix of term: "rocket" and "rocketry".
func (e *Engine) compounds(term string) []string {
	if len(term) < 5 || isNumeric(term) || strings.ContainsAny(term, "-.") {
		return nil
	}
	var out []string
	// Longer terms starting with term.
	v := e.sortedTerms
	i := sort.SearchStrings(v, term)
	for ; i < len(v) && strings.HasPrefix(v[i], term) && len(out) < 4; i++ {
		if v[i] != term && float64(len(term)) >= minCompound*float64(len(v[i])) {
			out = append(out, v[i])
		}
	}
	// Shorter terms term starts with.
	for n := len(term) - 1; n >= 5 && float64(n) >= minCompound*float64(len(term)); n-- {
		if _, ok := e.ix.ids[term[:n]]; ok {
			out = append(out, term[:n])
			break
		}
	}
	return out
}

// definition returns the sentence defining the alias a "what is X" question
// asks about ("What is the NTSB?"), or -1.
func (e *Engine) definition(text string) int32 {
	if len(e.defines) == 0 || len(text) < 6 || !strings.EqualFold(text[:3], "wha") && !strings.EqualFold(text[:3], "who") {
		return -1 // only "what is X" and "who is X" ask for a definition
	}
	var buf [maxQuestionBytes]byte
	t := appendLower(buf[:0], text)
	t = bytes.TrimSpace(t)
	for len(t) > 0 && (t[len(t)-1] == '?' || t[len(t)-1] == '!' || t[len(t)-1] == '.' || t[len(t)-1] == ' ') {
		t = t[:len(t)-1] // bytes.TrimRight(t, "?!. "), without building its set
	}
	for _, p := range [...]string{"what is ", "what are ", "what was ", "what's ", "what’s ", "who is ", "who are ", "who was "} {
		if rest, ok := bytes.CutPrefix(t, []byte(p)); ok {
			rest = bytes.TrimPrefix(rest, []byte("the "))
			if d, ok := e.defines[string(bytes.TrimSpace(rest))]; ok {
				return d
			}
			return -1
		}
	}
	return -1
}

// appendLower appends text in lower case to dst: ASCII without allocating.
func appendLower(dst []byte, text string) []byte {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(text)...)
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

// isContracted reports whether a word ends in "'s": "what's", "who's".
func isContracted(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}
