package knowledge

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// An attr is one attribution found in a sentence: a reporting verb (or
// "according to") and the phrase naming who speaks.
type attr struct {
	np         nounPhrase
	verb       int  // offset of the reporting verb (or "according") in the passage text
	verbEnd    int  // offset just past it
	after      bool // the speaker follows the verb: "…,” said Jane Doe"
	according  bool // "according to X"
	quoteOnly  bool // a verb such as "called" that attributes only a quote
	participle bool // "…, saying": the speaker is the clause's subject
	loose      bool // a clause verb without its "that": only quotes of minLoose words or more
	agent      bool // a passive verb and its "by X": only the quotation between them
}

// An attrReach says what a reporting verb attributes.
type attrReach uint8

const (
	reachStatement  attrReach = iota // the sentence, and any quote in it
	reachQuote                       // only a quotation in the sentence: "called it “…”"
	reachLooseQuote                  // only a quotation of minLoose words or more
)

// minLoose is the fewest words a quotation needs to be attributed by a
// clause verb whose "that" is left out ("claimed its prices saved “…”"):
// a shorter one may be a scare quote in the narration.
const minLoose = 3

// analyseSentence finds the attributions in one tokenized sentence: every
// reporting verb with a subject it can name (before the verb, after it in
// the inverted "…,” said X", or the clause's subject when a coordinated
// verb leaves it out: "X declined to comment, but said …"), every
// participle that reports for its clause's subject ("X issued a statement,
// saying …"), and every "according to X".
func analyseSentence(text string, ts []tok) []attr {
	var out []attr
	lastQuote := -2 // where the sentence's last quotation stands, once looked for
	for v, t := range ts {
		if t.kind != tWord {
			continue
		}
		if t.lower == "according" && v+1 < len(ts) && ts[v+1].lower == "to" {
			if np, ok := phraseAfter(text, ts, v+2); ok {
				out = append(out, attr{np: np, verb: t.start, verbEnd: ts[v+1].end, according: true})
			}
			continue
		}
		if isLowerStart(t.text) && reportingParticiples[t.lower] {
			if np, ok := participleSubject(text, ts, v); ok {
				out = append(out, attr{np: np, verb: t.start, verbEnd: t.end, participle: true})
			} else if np, ok := withSubject(text, ts, v); ok {
				out = append(out, attr{np: np, verb: t.start, verbEnd: t.end, participle: true})
			}
			continue
		}
		if a, ok := passiveReport(text, ts, v); ok {
			out = append(out, a)
			continue
		}
		if a, ok := quotesAs(text, ts, v); ok {
			out = append(out, a)
			continue
		}
		use := reportingUse(ts, v)
		if use == english.NotReporting || (!isLowerStart(t.text) && !t.first) {
			continue
		}
		if lastQuote == -2 {
			lastQuote = lastQuoteAt(ts)
		}
		applies, reach := verbApplies(ts, v, use, lastQuote)
		if !applies {
			continue
		}
		verbEnd := t.end
		if phrasalUse(ts, v) != english.NotReporting {
			verbEnd = ts[v+1].end // "pointed out"
		}
		np, ok := subjectBefore(text, ts, v)
		after := false
		if !ok {
			np, ok = subjectAfter(text, ts, v)
			after = ok
		}
		if c := coordinated(ts, v); !ok && c > 0 {
			np, ok = clauseSubject(text, ts, c)
		}
		if !ok {
			continue
		}
		out = append(out, attr{np: np, verb: t.start, verbEnd: verbEnd, after: after, quoteOnly: reach != reachStatement, loose: reach == reachLooseQuote})
	}
	return out
}

// agentVerbs report, in the passive, a quotation whose speaker follows
// "by": "the plan was described as “reckless” by the union".
var agentVerbs = map[string]bool{
	"described": true, "called": true, "branded": true, "labelled": true, "labeled": true,
	"hailed": true, "criticised": true, "criticized": true, "slammed": true, "condemned": true,
	"praised": true, "dismissed": true, "derided": true, "characterised": true,
	"characterized": true, "deemed": true, "termed": true,
}

// passiveReport reads the two passive forms of reporting: a quotation and
// its speaker after "by" ("was described as “reckless” by the union"), and
// "X was quoted as saying", whose subject is the speaker.
func passiveReport(text string, ts []tok, v int) (attr, bool) {
	t := ts[v]
	if !isLowerStart(t.text) || (!agentVerbs[t.lower] && t.lower != "quoted") {
		return attr{}, false
	}
	b := v - 1
	for b >= 0 && ts[b].kind == tWord && (isLyAdverb(ts[b]) || auxiliaries[ts[b].lower] && !beForms[ts[b].lower]) {
		b--
	}
	if b < 1 || ts[b].kind != tWord || !beForms[ts[b].lower] {
		return attr{}, false // "was described", "has been called"
	}
	if ts[b].lower == "been" && auxiliaries[ts[b-1].lower] {
		b-- // "has been"
	}
	if t.lower == "quoted" {
		// "X was quoted as saying", "X was quoted by the radio station as saying"
		k := v + 1
		for k < len(ts) && k <= v+8 && ts[k].kind == tWord && ts[k].lower != "as" {
			k++
		}
		if k+1 >= len(ts) || ts[k].lower != "as" || !reportingParticiples[ts[k+1].lower] || k > v+1 && ts[v+1].lower != "by" {
			return attr{}, false
		}
		np, ok := subjectBefore(text, ts, b)
		if !ok {
			return attr{}, false
		}
		return attr{np: np, verb: t.start, verbEnd: ts[k+1].end}, true
	}
	quoted := false
	for k := v + 1; k < len(ts) && k <= v+6; k++ {
		switch {
		case ts[k].kind == tQuote:
			quoted = true
		case ts[k].kind == tWord && ts[k].lower == "by" && quoted:
			np, ok := phraseAfter(text, ts, k+1)
			if !ok || np.kind == npPronoun {
				return attr{}, false
			}
			return attr{np: np, verb: t.start, verbEnd: t.end, after: true, quoteOnly: true, agent: true}, true
		case ts[k].kind == tWord && (ts[k].lower == "as" || ts[k].lower == "a" || ts[k].lower == "an" || ts[k].lower == "both" || ts[k].lower == "and"):
		default:
			return attr{}, false
		}
	}
	return attr{}, false
}

// quotesAs reads the active "quote X as saying": "local newspapers
// quote Salinas as saying", "the agency quoted the minister as telling
// reporters". X is the speaker, not the one who quotes.
func quotesAs(text string, ts []tok, v int) (attr, bool) {
	switch ts[v].lower {
	case "quote", "quotes", "quoted", "quoting":
	default:
		return attr{}, false
	}
	if !isLowerStart(ts[v].text) || v+1 >= len(ts) || ts[v+1].kind != tWord {
		return attr{}, false
	}
	np, ok := phraseAfter(text, ts, v+1)
	if !ok || np.kind == npPronoun {
		return attr{}, false
	}
	for k := v + 1; k+1 < len(ts) && k <= v+10; k++ {
		if ts[k].kind != tWord {
			return attr{}, false
		}
		if ts[k].lower == "as" {
			if !reportingParticiples[ts[k+1].lower] {
				return attr{}, false
			}
			return attr{np: np, verb: ts[v].start, verbEnd: ts[k+1].end, after: true}, true
		}
	}
	return attr{}, false
}

// phrasalReporting are verbs that report speech with a particle after
// them: "pointed out that".
var phrasalReporting = map[string]string{"pointed": "out", "points": "out", "point": "out", "spelled": "out", "spells": "out"}

// phrasalUse returns how a phrasal reporting verb at ts[v] reports, or
// english.NotReporting when it is not one.
func phrasalUse(ts []tok, v int) english.Reporting {
	if p, ok := phrasalReporting[ts[v].lower]; ok && v+1 < len(ts) && ts[v+1].lower == p {
		return english.ReportsAlways
	}
	return english.NotReporting
}

// reportingUse says how the word at ts[v] reports speech, if it does.
func reportingUse(ts []tok, v int) english.Reporting {
	if use := english.ReportingVerb(ts[v].lower); use != english.NotReporting {
		return use
	}
	return phrasalUse(ts, v)
}

// coordinated returns where the "and" or "but" stands that the verb at
// ts[v] follows with no subject of its own ("X declined to comment, but
// said …"), or 0 when it does not.
func coordinated(ts []tok, v int) int {
	k := v - 1
	for k >= 0 && ts[k].kind == tWord && (auxiliaries[ts[k].lower] || isLyAdverb(ts[k])) {
		k--
	}
	if k > 0 && ts[k].kind == tWord && (ts[k].lower == "but" || ts[k].lower == "and") {
		if ts[k-1].kind == tComma {
			return k - 1
		}
		return k
	}
	return 0
}

// reportingParticiples report what the subject of their clause says:
// "X issued a statement, saying …", "Y canceled the order, citing …".
var reportingParticiples = map[string]bool{
	"saying": true, "adding": true, "noting": true, "warning": true, "stating": true,
	"arguing": true, "insisting": true, "explaining": true, "citing": true, "claiming": true,
	"stressing": true, "declaring": true, "acknowledging": true, "asserting": true,
	"complaining": true, "contending": true, "suggesting": true, "urging": true,
	"telling": true, "writing": true, "predicting": true, "promising": true, "vowing": true,
	"announcing": true, "confirming": true, "denying": true, "conceding": true,
}

// statementNouns name something a speaker puts out; a participle right after
// one reports for whoever put it out: "issued a statement warning that …".
var statementNouns = map[string]bool{
	"statement": true, "release": true, "post": true, "letter": true, "tweet": true,
	"memo": true, "note": true, "email": true, "message": true, "notice": true, "video": true,
}

// participleSubject finds who a reporting participle at ts[v] speaks for:
// the subject of its clause, when the participle follows a comma or a
// statement noun and the clause is active ("X was charged, stating …"
// reports nothing).
func participleSubject(text string, ts []tok, v int) (nounPhrase, bool) {
	if v < 2 || !(ts[v-1].kind == tComma || ts[v-1].kind == tWord && statementNouns[ts[v-1].lower] || byGerundBefore(ts, v)) {
		return nounPhrase{}, false
	}
	return clauseSubject(text, ts, v)
}

// withSubject returns the subject of an absolute clause that reports: the
// noun phrase between "with" and the participle at ts[v] ("…, with
// Foreign Minister Ada Brun warning of “dangerous consequences”"). It
// must name someone: "with many members saying little" names no one.
func withSubject(text string, ts []tok, v int) (nounPhrase, bool) {
	for k := v - 1; k >= 0 && v-k <= maxName+1; k-- {
		if ts[k].kind != tWord {
			return nounPhrase{}, false
		}
		if ts[k].lower != "with" {
			continue
		}
		seg := ts[k+1 : v]
		if len(seg) == 0 || isLowerStart(seg[len(seg)-1].text) {
			return nounPhrase{}, false // "with many members saying": no name
		}
		np, ok := npAtEnd(text, seg)
		if !ok || !nameCovers(seg, np) {
			return nounPhrase{}, false
		}
		np.role = cleanRole(np.role)
		return np, true
	}
	return nounPhrase{}, false
}

// byGerundBefore reports whether the participle ts[v] is joined by "and"
// to a gerund after "by" in its clause: "hit back by branding the letter
// ‘misleading’ and insisting: …".
func byGerundBefore(ts []tok, v int) bool {
	if ts[v-1].lower != "and" {
		return false
	}
	for k := v - 2; k > 0; k-- {
		if ts[k].kind == tPunct && (ts[k].text == ";" || ts[k].text == ":" || ts[k].text == ".") {
			return false
		}
		if ts[k-1].lower == "by" && ts[k].kind == tWord && strings.HasSuffix(ts[k].lower, "ing") {
			return true
		}
	}
	return false
}

// clauseSubject finds the subject of the clause that ts[v] stands in: the
// noun phrase that opens it, after any leading adverbial ("In May, X …",
// "After the hearing, X …"), and before its verb. A passive clause ("X was
// charged") has no speaking subject.
func clauseSubject(text string, ts []tok, v int) (nounPhrase, bool) {
	start := 0
	for k := v - 1; k > 0; k-- {
		if ts[k].kind == tPunct && (ts[k].text == ";" || ts[k].text == ":") {
			start = k + 1
			break
		}
		if ts[k].kind == tWord && ts[k-1].kind == tComma && (ts[k].lower == "but" || ts[k].lower == "and" || ts[k].lower == "while" || ts[k].lower == "yet") {
			start = k + 1
			break
		}
	}
	// A quotation and its handing-over comma may open the sentence.
	for start < v && (ts[start].kind == tQuote || ts[start].kind == tComma) {
		start++
	}
	start = skipAdverbial(ts, start, v)
	for e := start; e < v && e-start < maxName; e++ {
		if ts[e].kind != tWord {
			return nounPhrase{}, false
		}
		next := ts[e+1]
		if next.kind == tWord && english.IsRoleNoun(next.lower) && !english.IsRoleNoun(ts[e].lower) && !ts[e].poss {
			continue // "Harbour director Jane Doe": the role goes on to the name
		}
		if !(next.kind == tComma || next.kind == tWord && isLowerStart(next.text) && !isFunctionWord(next.lower) || next.kind == tWord && auxiliaries[next.lower]) {
			continue
		}
		seg := ts[start : e+1]
		np, ok := npAtEnd(text, seg)
		if !ok || !nameCovers(seg, np) || np.kind == npNominal && !determiners[ts[start].lower] {
			continue
		}
		if passiveAfter(ts, e+1, v) {
			return nounPhrase{}, false
		}
		if named, ok := namedAfterRole(text, ts, np, e, v); ok {
			return named, true // "The head of X, Jane Doe, criticised …"
		}
		np.role = cleanRole(np.role)
		return np, true
	}
	return nounPhrase{}, false
}

// namedAfterRole returns the person an appositive names right after a
// described subject that ends at ts[e]: "The mayor of Kelby, Ruth Anand,"
// is Ruth Anand, mayor of Kelby. The appositive must be a person's name
// closed by a comma before the verb at ts[v].
func namedAfterRole(text string, ts []tok, np nounPhrase, e, v int) (nounPhrase, bool) {
	if np.kind != npAnonymous || !np.definite || e+2 >= v || ts[e+1].kind != tComma {
		return nounPhrase{}, false
	}
	c := e + 2
	for c < v && ts[c].kind != tComma {
		c++
	}
	if c >= v {
		return nounPhrase{}, false
	}
	name, ok := nameSeg(text, ts[e+2:c])
	if !ok || name.kind != npPerson {
		return nounPhrase{}, false
	}
	if name.role == "" {
		name.role = cleanRole(strings.TrimPrefix(strings.TrimPrefix(np.name, "The "), "the "))
	}
	return name, true
}

// skipAdverbial returns where a clause's subject may start: after a leading
// adverbial closed by a comma ("In May,", "After the hearing,", "Tuesday,").
func skipAdverbial(ts []tok, start, v int) int {
	for n := 0; n < 2 && start < v; n++ {
		t := ts[start]
		if t.kind != tWord || determiners[t.lower] || pronounGender[t.lower] != english.UnknownGender || t.lower == "they" || t.lower == "it" {
			return start
		}
		_, weekday := english.Weekday(t.lower)
		_, month := english.Month(t.lower)
		if !(isFunctionWord(t.lower) || clauseStarters[t.lower] || adjunctStart[t.lower] || weekday || month || isLyAdverb(t) || t.lower == "following") {
			return start
		}
		k := start + 1
		for k < v && k-start <= 10 && ts[k].kind != tComma {
			k++
		}
		if k >= v || ts[k].kind != tComma {
			return start
		}
		start = k + 1
	}
	return start
}

// passiveAfter reports whether the clause verb after a subject (from ts[i],
// before ts[v]) is passive: a form of "be", perhaps after "has" or an
// adverb, then a past participle.
func passiveAfter(ts []tok, i, v int) bool {
	for i < v && ts[i].kind == tWord && (auxiliaries[ts[i].lower] || isLyAdverb(ts[i])) && !beForms[ts[i].lower] {
		i++
	}
	if i+1 >= v || !beForms[ts[i].lower] {
		return false
	}
	n := ts[i+1].lower
	return strings.HasSuffix(n, "ed") || english.IsIrregularPast(n) || n == "being" || n == "been"
}

// toVerbs are reporting verbs that do not report speech when "to" follows:
// "added to the tension", "agreed to talks".
var toVerbs = map[string]bool{
	"add": true, "adds": true, "added": true, "agree": true, "agrees": true, "agreed": true,
	"note": true, "notes": true, "noted": true, "call": true, "calls": true, "called": true,
	"ask": true, "asks": true, "asked": true, "urge": true, "urges": true, "urged": true,
	"respond": true, "responds": true, "responded": true, "testify": true, "testified": true,
	"admit": true, "admits": true, "admitted": true, "report": true, "reports": true, "reported": true,
}

// verbApplies reports whether the reporting verb at ts[v] reports speech
// here: not negated, not an infinitive or a passive, and for verbs that
// need it, followed by "that", a colon or a quotation. quoteOnly is true
// when it reports only a quotation in the sentence: a verb such as
// "called", or a clause verb followed by neither "that" nor a clause that
// leaves it out ("the company claims its prices have saved lives" reports,
// "claimed victory with “…”" only the quotation) or one that takes an
// infinitive ("pledged to take “…”"). lastQuote is where the sentence's
// last quotation stands (-1 when it has none).
func verbApplies(ts []tok, v int, use english.Reporting, lastQuote int) (applies bool, reach attrReach) {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if ts[k].kind != tWord {
			break
		}
		if negations[ts[k].lower] {
			return false, reachStatement
		}
	}
	k := v - 1
	for k >= 0 && ts[k].kind == tWord && (auxiliaries[ts[k].lower] || isLyAdverb(ts[k])) {
		k--
	}
	if k >= 0 && ts[k].kind == tWord && (ts[k].lower == "to" || beForms[ts[k].lower]) {
		return false, reachStatement
	}
	quoted := lastQuote >= 0
	if v+1 < len(ts) && ts[v+1].lower == "to" {
		switch {
		case promiseVerbs[ts[v].lower]:
			return quoted, reachLooseQuote
		case toVerbs[ts[v].lower] && !thatAfter(ts, v+1):
			return false, reachStatement // "added to the tension", not "admitted to them that"
		}
	}
	switch use {
	case english.ReportsClause:
		if v+1 >= len(ts) || ts[v+1].kind == tPunct || opensAdjunct(ts[v+1].lower) {
			if clauseBefore(ts, v) || thatAfterAdjunct(ts, v) || omittedThat(ts, v) {
				return true, reachStatement // "..., the company announced on Thursday."
			}
			return lastQuote > v, reachLooseQuote
		}
		n := ts[v+1]
		if n.lower == "that" || n.kind == tQuote || n.text == ":" ||
			(n.kind == tComma && v+2 < len(ts) && ts[v+2].kind == tQuote) || omittedThat(ts, v) {
			return true, reachStatement
		}
		return lastQuote > v, reachLooseQuote
	case english.ReportsQuote:
		if describesAs(ts, v) || directs(ts, v) {
			return true, reachStatement
		}
		return quoted, reachQuote
	}
	return true, reachStatement
}

// omittedThat reports whether a clause follows the clause verb at ts[v]
// without its "that": a short subject, then a modal or a finite form of
// "be" or "have" ("claims the fee will raise £3m", "confirmed its plant
// was closing"); not an object ("claimed the lives of 12 people who were
// …", "claimed victory").
func omittedThat(ts []tok, v int) bool {
	const maxSubject = 4
	if v+1 >= len(ts) || !opensSubject(ts[v+1]) {
		return false // "New York state now has": no subject after "state"
	}
	for k := v + 1; k < len(ts) && k <= v+1+maxSubject; k++ {
		t := ts[k]
		if t.kind != tWord {
			return false
		}
		w := t.lower
		switch {
		case k > v+1 && (modals[w] || finiteAux[w]):
			return true
		case relativeWords[w] || objectPreps[w] || w == "in" || english.ReportingVerb(w) != english.NotReporting,
			w == "and" || w == "or" || w == "as" || w == "because" || w == "but", // "claimed the farm and has cut off the village"
			k > v+1 && subjectPronouns[w]:                                        // "recalled the vans it had sold": a relative clause of the object
			return false
		}
	}
	return false
}

// opensSubject reports whether t may open the subject of a clause: an
// article, a pronoun, a possessive or a capitalised word.
func opensSubject(t tok) bool {
	if t.kind != tWord {
		return false
	}
	return subjectPronouns[t.lower] || t.lower == "this" || t.lower == "these" || t.lower == "those" ||
		determiners[t.lower] || possessivePronouns[t.lower] || isUpperStart(t.text)
}

// finiteAux are the finite forms of "will", "be" and "have" that, after a
// short subject, show a clause.
var finiteAux = map[string]bool{"will": true, "is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true}

// subjectPronouns are the personal pronouns that may be a subject.
var subjectPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true}

// relativeWords open a relative clause, which belongs to an object.
var relativeWords = map[string]bool{"who": true, "whom": true, "which": true, "that": true, "whose": true, "where": true, "when": true}

// directiveVerbs, among the verbs that report only a quotation
// (english.ReportsQuote), report a request or an appeal with its addressee
// and an infinitive: "urged residents to save water", "asked drivers to
// slow down", "called on the council to act".
var directiveVerbs = map[string]bool{
	"urge": true, "urges": true, "urged": true,
	"advise": true, "advises": true, "advised": true,
	"ask": true, "asks": true, "asked": true,
	"call": true, "calls": true, "called": true,
}

// directs reports whether the directive verb at ts[v] reports an appeal:
// its addressee, a few words long, and then "to" and a verb ("urged
// anyone with information about the crash to come forward"). It does not
// after a modal ("passengers may ask the driver to stop": a rule, not
// speech), nor for a passive ("advised by lawyers to settle"), a reported
// question ("asked how to apply", "asked if"), a place or a meeting ("asked
// him to a meeting", "asked around the village"), or "called on" a day.
// "Called" needs "on" first ("called on the council to act"); "asked
// about" and "called for" report no appeal.
func directs(ts []tok, v int) bool {
	if !directiveVerbs[ts[v].lower] {
		return false
	}
	if v > 0 && ts[v-1].kind == tWord && modals[ts[v-1].lower] {
		return false
	}
	k := v + 1
	if strings.HasPrefix(ts[v].lower, "call") {
		if k >= len(ts) || ts[k].lower != "on" && ts[k].lower != "upon" {
			return false
		}
		k++
		if k < len(ts) && english.IsCalendarWord(ts[k].lower) {
			return false // "called on Tuesday to complain"
		}
	}
	first := k
	if first < len(ts) && (ts[first].lower == "about" || ts[first].lower == "for" || ts[first].lower == "around" || ts[first].lower == "out") {
		return false
	}
	for ; k < len(ts) && k <= first+7 && ts[k].kind == tWord; k++ {
		switch w := ts[k].lower; {
		case w == "to":
			if k == first || k+1 >= len(ts) || ts[k+1].kind != tWord || isUpperStart(ts[k+1].text) {
				return false
			}
			next := ts[k+1].lower
			return !determiners[next] && !possessivePronouns[next] && next != "your" && !english.IsFunctionWord(next) // not "asked him to their home"
		case w == "by", w == "if", w == "whether", w == "out", whWords[w]:
			return false
		case english.ReportingVerb(w) != english.NotReporting:
			return false
		}
	}
	return false
}

// modals before a directive verb make it a rule or a possibility, not
// speech.
var modals = map[string]bool{
	"may": true, "might": true, "can": true, "could": true, "should": true, "must": true, "would": true,
}

// whWords open a reported question: "asked how to apply".
var whWords = map[string]bool{"how": true, "what": true, "when": true, "where": true, "why": true, "who": true, "which": true}

// thatAfter reports whether "that", a colon or a quotation follows ts[i]
// within a few words: "admitted to a supervisor that".
func thatAfter(ts []tok, i int) bool {
	for k := i + 1; k < len(ts) && k <= i+6; k++ {
		switch {
		case ts[k].lower == "that", ts[k].text == ":", ts[k].kind == tQuote:
			return true
		case ts[k].kind != tWord:
			return false
		}
	}
	return false
}

// thatAfterAdjunct reports whether the clause verb at ts[v] takes its
// "that", colon or quotation after an adverbial: "alleged in a filing
// that", "said in a statement:".
func thatAfterAdjunct(ts []tok, v int) bool {
	if v+1 >= len(ts) || !opensAdjunct(ts[v+1].lower) {
		return false
	}
	for k := v + 2; k < len(ts) && k <= v+8; k++ {
		switch {
		case ts[k].lower == "that", ts[k].text == ":", ts[k].kind == tQuote:
			return true
		case ts[k].kind != tWord || english.ReportingVerb(ts[k].lower) != english.NotReporting:
			return false
		}
	}
	return false
}

// promiseVerbs take an infinitive ("pledged to take …"); with a quotation
// later in the sentence, the quoted words are the subject's.
var promiseVerbs = map[string]bool{
	"pledge": true, "pledges": true, "pledged": true, "vow": true, "vows": true, "vowed": true,
	"promise": true, "promises": true, "promised": true, "threaten": true, "threatens": true,
	"threatened": true,
}

// hasQuote reports whether any token is a quotation.
func hasQuote(ts []tok) bool {
	for _, t := range ts {
		if t.kind == tQuote {
			return true
		}
	}
	return false
}

// lastQuoteAt returns where the last quotation among ts stands, or -1.
func lastQuoteAt(ts []tok) int {
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].kind == tQuote {
			return i
		}
	}
	return -1
}

// describesAs reports whether "described" at ts[v] reports a view: "X
// described the plan as reckless".
func describesAs(ts []tok, v int) bool {
	if !strings.HasPrefix(ts[v].lower, "describ") {
		return false
	}
	for k := v + 1; k < len(ts) && k <= v+8; k++ {
		if ts[k].kind != tWord {
			return false
		}
		if ts[k].lower == "as" {
			return k > v+1
		}
	}
	return false
}

// adjunctStart are words that open an adverbial after a verb: "announced
// on Thursday", "said late on Tuesday", "confirmed in a statement".
var adjunctStart = map[string]bool{
	"on": true, "in": true, "late": true, "last": true, "this": true, "earlier": true,
	"yesterday": true, "today": true, "at": true, "during": true, "early": true,
	"tonight": true, "overnight": true,
}

// opensAdjunct reports whether w (lower case) opens an adverbial after a
// verb: an adjunctStart word or a weekday ("announced Thursday").
func opensAdjunct(w string) bool {
	_, weekday := english.Weekday(w)
	_, month := english.Month(w)
	_, abbr := english.MonthAbbreviation(w)
	return adjunctStart[w] || weekday || month && w != "may" || abbr && strings.HasSuffix(w, ".")
}

// clauseBefore reports whether the verb at ts[v] closes a sentence whose
// reported clause came first: a comma or quotation stands before its subject.
func clauseBefore(ts []tok, v int) bool {
	for k := v - 1; k >= 0 && v-k <= 12; k-- {
		if ts[k].kind == tQuote {
			return true // "“We won,” Doe recounted."
		}
		if ts[k].kind == tComma {
			return k > 0
		}
		if ts[k].kind == tPunct {
			return false
		}
	}
	return false
}

// adjunctTimes are the nouns of time adverbials that may stand between a
// subject and its verb: "Jane Doe on Friday said", "X last week said".
var adjunctTimes = map[string]bool{
	"week": true, "month": true, "year": true,
	"night": true, "morning": true, "evening": true, "afternoon": true, "weekend": true,
}

// isAdjunctTime reports whether w (lower case) is the noun of a time
// adverbial: an adjunctTimes word or a weekday.
func isAdjunctTime(w string) bool {
	_, weekday := english.Weekday(w)
	return adjunctTimes[w] || weekday
}

// subjectBefore finds the subject of the verb at ts[v] before it: "Jane Doe
// said", "U.S. officials said", "he said", "Jane Doe, a professor at X,
// said", "Jane Doe of the X Institute told".
func subjectBefore(text string, ts []tok, v int) (nounPhrase, bool) {
	e := v - 1
	skip := func() {
		for e >= 0 && ts[e].kind == tWord && (auxiliaries[ts[e].lower] || isLyAdverb(ts[e])) {
			e--
		}
		// "Doe and Roe both said", "the ministries jointly said"
		if e >= 1 && ts[e].kind == tWord && jointWords[ts[e].lower] && ts[e-1].kind == tWord && !isFunctionWord(ts[e-1].lower) {
			e--
		}
	}
	skip()
	if e >= 0 && ts[e].kind == tPunct && ts[e].text == ")" {
		// "the Ferry Workers Union (FWU) said": skip the aside.
		k := e - 1
		for k >= 0 && !(ts[k].kind == tPunct && ts[k].text == "(") && e-k < 12 {
			k--
		}
		if k >= 0 && ts[k].text == "(" {
			e = k - 1
		}
	}
	if e >= 1 && ts[e].kind == tWord && isAdjunctTime(ts[e].lower) && (ts[e-1].lower == "on" || ts[e-1].lower == "last" || ts[e-1].lower == "this") {
		e -= 2
		skip()
	}
	if e < 0 || ts[e].kind == tQuote || ts[e].kind == tPunct {
		return nounPhrase{}, false
	}
	b := e
	for b >= 0 && ts[b].kind != tQuote && ts[b].kind != tPunct && e-b < maxSubject {
		b--
	}
	segs := splitCommas(ts[b+1 : e+1])
	if last := segs[len(segs)-1]; len(last) > 2 && ts[e].kind == tWord {
		// "Residents who live behind the wall have called it …": the
		// subject is what the relative clause follows.
		for w := 1; w < len(last)-1; w++ {
			if last[w].lower == "who" {
				if np, ok := npAtEnd(text, last[:w]); ok && nameCovers(last[:w], np) && np.kind != npPronoun {
					np.role = cleanRole(np.role)
					return np, true
				}
				break
			}
		}
	}
	if ts[e].kind == tWord && ts[e].lower == "who" {
		// "Jane Doe, who ..., said" is rare; "Jane Doe, who said" names her.
		if len(segs) >= 2 {
			if np, ok := nameSeg(text, segs[len(segs)-2]); ok {
				return np, true
			}
		}
		return nounPhrase{}, false
	}
	if ts[e].kind == tComma {
		return appositive(text, segs[:len(segs)-1])
	}
	last := segs[len(segs)-1]
	np, ok := npAtEnd(text, last)
	if !ok {
		return nounPhrase{}, false
	}
	np.role = cleanRole(np.role)
	return np, true
}

// jointWords stand between a joint subject and its verb: "Doe and Roe
// both said".
var jointWords = map[string]bool{"both": true, "all": true, "jointly": true, "together": true, "each": true}

// documentNP parses a document cited as a source, filling the phrase:
// "court records", "the company's annual report", "police documents".
func documentNP(text string, seg []tok) (nounPhrase, bool) {
	j := len(seg) - 1
	if j < 0 || seg[j].kind != tWord || !docNouns[seg[j].lower] || j > 4 {
		return nounPhrase{}, false
	}
	first := 0
	for first < j && determiners[seg[first].lower] {
		first++
	}
	for _, t := range seg[first:j] {
		if t.kind != tWord || isFunctionWord(t.lower) || english.ReportingVerb(t.lower) != english.NotReporting {
			return nounPhrase{}, false
		}
	}
	np := nounPhrase{kind: npDocument, head: seg[j].lower, first: first, pos: seg[first].start, plural: strings.HasSuffix(seg[j].lower, "s")}
	np.name = text[seg[first].start:seg[j].end]
	return np, true
}

// maxSubject bounds how far back from its verb a subject (with its
// appositives) may start, in tokens.
const maxSubject = 60

// splitCommas splits tokens at commas. A trailing comma gives an empty last
// segment.
func splitCommas(ts []tok) [][]tok {
	var segs [][]tok
	start := 0
	for i, t := range ts {
		if t.kind == tComma {
			segs = append(segs, ts[start:i])
			start = i + 1
		}
	}
	return append(segs, ts[start:])
}

// appositive finds the speaker among comma-separated segments before a
// verb: "NAME, ROLE, said", "NAME, ROLE, ROLE2, said", "DESCRIPTION, NAME,
// said". Segments that are adverbials ("however", "in a statement") are
// skipped.
func appositive(text string, segs [][]tok) (nounPhrase, bool) {
	for n := 0; n < 2 && len(segs) > 1; n++ {
		last := segs[len(segs)-1]
		if len(last) > 0 && last[0].kind == tWord && (isFunctionWord(last[0].lower) || clauseStarters[last[0].lower] || participlePhrase(last)) && !determiners[last[0].lower] && last[0].lower != "who" {
			segs = segs[:len(segs)-1]
			continue
		}
		break
	}
	n := len(segs)
	if n == 0 {
		return nounPhrase{}, false
	}
	last := segs[n-1]
	if np, ok := nameSeg(text, last); ok && !((np.kind == npGroup || np.kind == npAnonymous || roleHeaded(last)) && n >= 2 && isProperSeg(text, segs[n-2])) {
		if n >= 2 && isDesc(segs[n-2]) && np.role == "" && np.kind != npGroup {
			np.role = cleanRole(segText(text, segs[n-2]))
		}
		return np, true
	}
	if !isDesc(last) && !roleHeaded(last) || n < 2 {
		return nounPhrase{}, false
	}
	if np, ok := nameSeg(text, segs[n-2]); ok {
		if np.role == "" && np.kind != npGroup {
			np.role = cleanRole(segText(text, last))
		}
		return np, true
	}
	if n >= 3 && isDesc(segs[n-2]) {
		if np, ok := nameSeg(text, segs[n-3]); ok {
			if np.role == "" && np.kind != npGroup {
				np.role = cleanRole(segText(text, segs[n-2]))
			}
			return np, true
		}
	}
	return nounPhrase{}, false
}

// roleHeaded reports whether a segment opens with a noun for a job, after
// an article if any ("CEO of Tollbridge Games", "the CEO of Acme"), or is a short
// name ending in one ("Acme CEO"). After a name, it says who they are; it
// does not name another speaker.
func roleHeaded(seg []tok) bool {
	if len(seg) > 0 && seg[0].kind == tWord && determiners[seg[0].lower] {
		seg = seg[1:]
	}
	if len(seg) == 0 || seg[0].kind != tWord {
		return false
	}
	if english.IsRoleNoun(seg[0].lower) || english.IsTitle(seg[0].lower) {
		return true
	}
	last := seg[len(seg)-1]
	return len(seg) <= 4 && last.kind == tWord && english.IsRoleNoun(last.lower)
}

// participlePhrase reports whether a segment is a participle phrase set
// off by commas, an aside rather than a role: "speaking to reporters",
// "writing in a blog post", "responding to the report".
func participlePhrase(seg []tok) bool {
	if len(seg) < 2 || seg[0].kind != tWord || !isLowerStart(seg[0].text) || !strings.HasSuffix(seg[0].lower, "ing") || len(seg[0].lower) < 6 {
		return false
	}
	n := seg[1]
	return n.kind == tWord && (isFunctionWord(n.lower) || determiners[n.lower])
}

// isProperSeg reports whether a segment is wholly a proper name: a person,
// an organisation or a single capitalised name.
func isProperSeg(text string, seg []tok) bool {
	np, ok := nameSeg(text, seg)
	return ok && (np.kind == npPerson || np.kind == npOrg || np.kind == npSingle)
}

// nameSeg parses a segment that is wholly a name (or a group).
func nameSeg(text string, seg []tok) (nounPhrase, bool) {
	if _, _, ok := english.PartyTag(segText(text, seg)); ok {
		return nounPhrase{}, false // "R-Neb." says who a lawmaker is
	}
	np, ok := npAtEnd(text, seg)
	if !ok || !nameCovers(seg, np) {
		return nounPhrase{}, false
	}
	switch np.kind {
	case npPerson, npSingle, npOrg, npGroup, npAnonymous, npCoord, npBoth, npDescriptor:
		np.role = cleanRole(np.role)
		return np, true
	}
	return nounPhrase{}, false
}

// segText returns the passage text a segment spans, with a possessive
// ending its last word ("analyst at Moody's").
func segText(text string, seg []tok) string {
	if len(seg) == 0 {
		return ""
	}
	end := seg[len(seg)-1].end
	if seg[len(seg)-1].poss {
		for _, s := range []string{"’s", "'s", "’", "'"} {
			if strings.HasPrefix(text[end:], s) {
				end += len(s)
				break
			}
		}
	}
	return text[seg[0].start:end]
}

// stopAfter are words that end a speaker named after its verb: "said Jane
// Doe on Friday", "said Jane Doe, who ...".
var stopAfter = map[string]bool{
	"who": true, "which": true, "in": true, "on": true, "after": true, "because": true,
	"that": true, "when": true, "while": true, "as": true, "adding": true, "saying": true,
	"referring": true, "during": true, "before": true, "than": true,
	"last": true, "this": true, "earlier": true, "later": true, "told": true, "said": true,
	"says": true, "noting": true, "explaining": true, "and": true, "but": true,
	"to": true, "about": true, "since": true, "if": true, "were": true, "was": true,
	"is": true, "are": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "may": true, "might": true, "could": true, "can": true,
}

// subjectAfter finds a speaker named after the verb at ts[v], as in "…,”
// said Jane Doe, a professor at X." It applies only where the verb follows a
// quotation, a comma or starts the sentence.
func subjectAfter(text string, ts []tok, v int) (nounPhrase, bool) {
	if tellForms[ts[v].lower] {
		return nounPhrase{}, false // ", told NBC News": whom they told, never who
	}
	if v > 0 && ts[v-1].kind != tQuote && ts[v-1].kind != tComma && !(ts[v-1].kind == tPunct && ts[v-1].text == "—") {
		return nounPhrase{}, false
	}
	return phraseAfter(text, ts, v+1)
}

// tellForms take whom they tell as object: the phrase after them is never
// the speaker.
var tellForms = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true}

// phraseAfter parses a speaker that starts at ts[i], with a role in an
// appositive after it: "Jane Doe, a professor at X", "Russian officials",
// "a statement from the ministry".
func phraseAfter(text string, ts []tok, i int) (nounPhrase, bool) {
	j := i
	for j < len(ts) && ts[j].kind == tWord && (!stopAfter[ts[j].lower] || firstNameAt(ts, j)) && j-i < 12 {
		j++
	}
	if j == i {
		return nounPhrase{}, false
	}
	slice := ts[i:j]
	// "a statement from the ministry" cites the ministry.
	for k := 0; k+1 < len(slice); k++ {
		if docNouns[slice[k].lower] && (slice[k+1].lower == "from" || slice[k+1].lower == "by" || slice[k+1].lower == "of") {
			slice = slice[k+2:]
			break
		}
	}
	if np, ok := documentNP(text, slice); ok {
		return np, true // "according to court records"
	}
	if np, ok := describedThenNamed(text, ts, i, j); ok {
		return np, true // "said her father, Ole Holm"
	}
	np, ok := npAtEnd(text, slice)
	if !ok || !nameCovers(slice, np) || np.kind == npPronoun && np.first > 0 {
		return nounPhrase{}, false
	}
	np.role = cleanRole(np.role)
	if j < len(ts) && ts[j].kind == tComma && np.role == "" && (np.kind == npPerson || np.kind == npSingle) {
		k := j + 1
		for k < len(ts) && ts[k].kind == tWord {
			k++
		}
		if seg := ts[j+1 : k]; isDesc(seg) {
			np.role = cleanRole(segText(text, seg))
		}
	}
	return np, true
}

// firstNameAt reports whether ts[j], a word that may end a speaker's
// phrase ("will", "may"), is a capitalised first name before a surname
// instead: "said Will Marsh", "said May Lund".
func firstNameAt(ts []tok, j int) bool {
	return !ts[j].first && isUpperStart(ts[j].text) && j+1 < len(ts) && ts[j+1].kind == tWord && isUpperStart(ts[j+1].text)
}

// describedThenNamed parses a person's role before their name after the
// verb, the description ts[i:j] ending at a comma and the name closing the
// sentence or its clause: "said her father, Ole Holm", "said the
// victim's sister, Ada Lind,". The description must end in a noun only a
// person is (a kinship or role noun), so "said the company, Tarn Mills"
// is no person.
func describedThenNamed(text string, ts []tok, i, j int) (nounPhrase, bool) {
	if j >= len(ts) || ts[j].kind != tComma || j-i < 2 || !isDesc(ts[i:j]) {
		return nounPhrase{}, false
	}
	head := ts[j-1].lower
	if !kinNoun(head) && !personOnlyRoles[head] {
		return nounPhrase{}, false
	}
	k := j + 1
	for k < len(ts) && ts[k].kind == tWord {
		k++
	}
	if k < len(ts) && ts[k].kind != tComma && !(ts[k].kind == tPunct && k == len(ts)-1) {
		return nounPhrase{}, false
	}
	np, ok := nameSeg(text, ts[j+1:k])
	if !ok || np.role != "" || np.kind != npPerson && !(np.kind == npSingle && kinNoun(head)) { // "said her son, Evan"
		return nounPhrase{}, false
	}
	np.role = cleanRole(segText(text, ts[i:j]))
	return np, true
}
