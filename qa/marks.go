package qa

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/english"
)

// A dtok is one token of a sentence, kept from indexing so that the checks
// of an answer's kind (a date near the event asked about, a number of the
// thing counted, a name) read no text at question time.
type dtok struct {
	term int32  // the index id of its term, or -1 for a stop word
	pos  uint16 // its word position
	mark mark
}

// A mark says what a token offers as an answer.
type mark uint16

const (
	markNum    mark = 1 << iota // a number, not a year and not "one"
	markDate                    // a date or a time: a year, a month, "within days"
	markLead                    // a number, an article, a quantifier or a possessive: it counts the noun after it, or says whose it is, without naming it
	markName                    // part of a name: a word the briefing capitalises
	markCap                     // written capitalised
	markClause                  // opens a clause of time: "when", "after", "before"
	markPlace                   // a name that places: after "in", "at", "from", or a dateline
	markMoney                   // a number of money: after a currency sign, or before a currency's name
	markSpan                    // a number of a span of time: "three years", "six months"
	markAge                     // a person's age after their name: "Ada Brun, 21,"
	markShare                   // a number of a share: "12 percent", "40%"
	markTally                   // the "number" of "the number of": what follows is counted
	markCounts                  // a number with a word right after it, which it counts: "31 candidates"
	markOld                     // the age of a thing: "built 140 years ago", "a century old"
	markChange                  // a number by which something changed: "fell by 40"
	markTurn                    // it opens a clause that turns to another event: the word after ", but" or ";"
)

// maxPos bounds the word positions kept; later words share the last.
const maxPos = 1<<16 - 1

// A stok is a dtok while the engine is built: its term not yet an id.
type stok struct {
	term string
	pos  uint16
	mark mark
}

// sentenceToks keeps the tokens of a sentence that the checks need: those
// with a term or a mark. first is the term of its first word when that is
// capitalised, to be marked as a name once the briefings show it is one.
func sentenceToks(text string, toks []token, dst []stok) (out []stok, first string) {
	turn := false // a turn stands before the next token kept
	for i, t := range toks {
		turn = turn || turns(text, toks, i)
		if t.has(tokAlias) && t.term == "" {
			continue
		}
		var m mark
		if turn {
			m |= markTurn
		}
		if t.has(tokPart) && (isNumeric(t.word) || isNumeric(t.term)) {
			m |= hyphenedNumber(text, toks, i) // "52-year-old", "a 10-day strike", "a four-year drought"
		}
		if isFraction(toks, i) {
			m |= markShare // "a third of", "two-thirds of", "half the"
		}
		num := t.has(tokNum) || multiplied(text, toks, i) || percentAbbrev(text, t)
		if num && t.word != "one" && !vagueQuantities[t.word] && !isYearWord(t) {
			m |= markNum
			if isMoney(text, toks, i) {
				m |= markMoney
			}
			if i+1 < len(toks) && toks[i+1].pos == t.pos+1 && timeUnits[toks[i+1].word] && !percentSign(text, t) || rangeSpan(toks, i) {
				m |= markSpan
			}
			if isAge(text, toks, i) {
				m |= markAge
			}
			if isShare(text, toks, i) || t.word == "percent" || t.word == "cent" || ratioOf(toks, i) {
				m |= markShare
			}
			if countsNoun(toks, i) {
				m |= markCounts
			}
			if thingAge(toks, i) {
				m |= markOld
			}
			if i > 0 && toks[i-1].word == "by" && toks[i-1].pos == t.pos-1 {
				m |= markChange
			}
		}
		if t.word == "number" && i > 0 && toks[i-1].word == "the" && i+1 < len(toks) && toks[i+1].word == "of" {
			m |= markTally
		}
		if isYearWord(t) || t.has(tokCap) && isCalendar(t.word) || relativeDates[t.word] || isRelativeTime(toks, i) || dayOfMonth(text, toks, i) || clockTime(text, toks, i) {
			m |= markDate
		}
		if num || t.word == "a" || t.word == "an" || t.word == "another" || english.IsQuantifier(t.word) || possessives[t.word] {
			m |= markLead
		}
		if t.has(tokCap) {
			m |= markCap
		}
		if clauseWords[t.word] {
			m |= markClause
		}
		if t.term != "" && !t.has(tokAlias) && !t.has(tokPart) && isName(t) && !demonymic(toks, i) {
			if t.pos > 0 || t.has(tokAllCaps) {
				m |= markName
			} else {
				first = t.term
			}
			if placed(toks, i) {
				m |= markPlace
			}
		}
		if t.term == "" && m == 0 {
			continue
		}
		turn = false
		dst = append(dst, stok{term: t.term, pos: uint16(min(t.pos, maxPos)), mark: m})
	}
	return dst, first
}

// demonymic reports whether toks[i] is a people's adjective, or the
// capitalised word that opens one, before a noun: "American", "Native
// American", "South Korean". It names no one: "the first Native American
// justice".
func demonymic(toks []token, i int) bool {
	k := i // the people's word
	if _, ok := english.CountryOf(toks[k].word); !ok {
		if k++; k >= len(toks) || toks[k].pos != toks[i].pos+1 || !toks[k].has(tokCap) {
			return false
		}
		if _, ok := english.CountryOf(toks[k].word); !ok {
			return false
		}
	}
	// Only as an adjective before a noun for people or things: not a
	// surname ("Tom English, who"), and not a team or a government, which
	// the people's word names ("the Kenyan team", "the Japanese government").
	if k+1 >= len(toks) || toks[k+1].pos != toks[k].pos+1 {
		return false
	}
	n := toks[k+1]
	return !n.has(tokCap) && !n.has(tokStop) && n.term != "" && !english.IsFunctionWord(n.word) &&
		!bodyOfPeople[n.word]
}

// bodyOfPeople are nouns a people's word names as a body: "the Kenyan
// team", "the Japanese government".
var bodyOfPeople = map[string]bool{
	"team": true, "side": true, "squad": true, "government": true, "army": true, "navy": true,
	"military": true, "forces": true, "embassy": true, "delegation": true, "police": true, "authorities": true,
}

// turnWords, after a comma, open a clause that turns to something else:
// "she was criticised for it, but in an interview last year she said …".
var turnWords = map[string]bool{"but": true, "although": true, "though": true, "whereas": true, "yet": true}

// turns reports whether toks[i] opens a clause that turns from the one
// before: it follows a semicolon, or ", but" and its like.
func turns(text string, toks []token, i int) bool {
	t := toks[i]
	if i == 0 || t.start > len(text) {
		return false
	}
	before := strings.TrimRight(text[:t.start], " \t\"“”‘’'")
	if strings.HasSuffix(before, ";") {
		return true
	}
	p := toks[i-1]
	if !turnWords[p.word] || p.pos+1 != t.pos || p.start > len(text) {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(text[:p.start], " "), ",") && !asideClosed(text, toks, i)
}

// asideClosed reports whether the words from toks[i] on are an aside that
// a comma closes within a few words: "will reopen, but only to cyclists, on
// May 14" turns to no other event.
func asideClosed(text string, toks []token, i int) bool {
	const asideWords = 4
	end := min(i+asideWords, len(toks)-1)
	if end < i || toks[end].end > len(text) || toks[i].start > toks[end].end {
		return false
	}
	return strings.ContainsRune(text[toks[i].start:toks[end].end], ',')
}

// crossesTurn reports whether a clause that turns to another event opens
// between word positions a and b of toks.
func crossesTurn(toks []dtok, a, b uint16) bool {
	if a > b {
		a, b = b, a
	}
	for _, t := range toks {
		if t.pos > a && t.pos <= b && t.mark&markTurn != 0 {
			return true
		}
	}
	return false
}

// dayOfMonth reports whether toks[i] is the day of a date: a number from 1
// to 31 just before or after a capitalised month, with nothing but a space
// (or an abbreviation's full stop) between ("12 April", "Jan. 3"; not "In
// April, 14 people died").
func dayOfMonth(text string, toks []token, i int) bool {
	t := toks[i]
	if !t.has(tokNum) || len(t.word) > 2 {
		return false
	}
	if n, err := strconv.Atoi(t.word); err != nil || n < 1 || n > 31 {
		return false
	}
	for _, k := range [2]int{i - 1, i + 1} {
		if k < 0 || k >= len(toks) || toks[k].pos != t.pos+k-i || !toks[k].has(tokCap) {
			continue
		}
		a, b := toks[min(i, k)], toks[max(i, k)]
		if a.end > b.start || strings.Trim(text[a.end:b.start], ". ") != "" || strings.Count(text[a.end:b.start], ".") > 1 {
			continue
		}
		if k == i-1 && k > 0 && toks[k-1].has(tokNum) && toks[k-1].pos == toks[k].pos-1 {
			continue // "On 6 March 23 miners": the day stands before the month
		}
		w := strings.TrimSuffix(toks[k].word, ".")
		if _, ok := english.Month(w); ok {
			return true
		}
		if _, ok := english.MonthAbbreviation(w); ok {
			return true
		}
	}
	return false
}

// multiplied reports whether toks[i] is a number written with a
// multiplier: "£4m", "$50k", "2bn", "12m passengers". After a currency
// sign any multiplier counts, in either case ("$3M"); without one only
// "mn", "bn", "tn" and "trn", or "m" and "k" before a plural ("12m
// passengers"): "3M" is a company, "the 200m freestyle" a distance,
// "phase 2b" and "a 401k plan" names.
func multiplied(text string, toks []token, i int) bool {
	t := toks[i]
	if t.has(tokPart) || t.start < 0 || t.end > len(text) || t.start >= t.end {
		return false // a hyphen's part has offsets of its normalised word
	}
	w := text[t.start:t.end]
	k := strings.IndexFunc(w, unicode.IsLetter)
	if k <= 0 || !isNumeric(w[:k]) {
		return false
	}
	unit := w[k:]
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:t.start], " ")); strings.ContainsRune(currencySigns, r) {
		return multipliers[strings.ToLower(unit)]
	}
	switch unit {
	case "mn", "bn", "tn", "trn":
		return true
	case "m", "k":
		// a plural within two words: "12m passengers", "7m UK passengers";
		// not a race ("the 400m hurdles")
		for k := i + 1; k < len(toks) && toks[k].pos <= t.pos+2; k++ {
			if raceWords[toks[k].word] {
				return false
			}
			if plural(toks[k].word) {
				return true
			}
		}
	}
	return false
}

// raceWords after a distance name a race: "the 400m hurdles".
var raceWords = map[string]bool{
	"hurdles": true, "relay": true, "freestyle": true, "sprint": true, "backstroke": true,
	"breaststroke": true, "butterfly": true, "medley": true, "steeplechase": true, "dash": true,
}

// plural reports whether w, lower case, is a plural noun: "passengers",
// "people".
func plural(w string) bool {
	switch w {
	case "people", "children", "men", "women":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// multipliers follow a number in place of "thousand", "million" and so on.
var multipliers = map[string]bool{"k": true, "m": true, "mn": true, "b": true, "bn": true, "tn": true, "trn": true}

// currencySigns stand before an amount of money: "$16.99", "£5", "US$3".
const currencySigns = "$£€¥₹"

// currencies name money after an amount: "5 dollars", "a million pounds".
var currencies = map[string]bool{
	"dollar": true, "dollars": true, "pound": true, "pounds": true, "euro": true, "euros": true,
	"cent": true, "cents": true, "pence": true, "penny": true, "yen": true, "yuan": true,
	"rupee": true, "rupees": true, "franc": true, "francs": true, "krona": true, "kronor": true,
	"krone": true, "kroner": true, "peso": true, "pesos": true, "rouble": true, "roubles": true,
	"ruble": true, "rubles": true, "usd": true, "gbp": true, "eur": true,
}

// isMoney reports whether the number toks[i] is an amount of money: a
// currency sign stands just before it, or a currency's name just after it
// or after its multiplier ("2 million dollars"), or it is the multiplier of
// an amount of money ("$40 million").
func isMoney(text string, toks []token, i int) bool {
	t := toks[i]
	if before := strings.TrimRight(text[:t.start], " "); before != "" {
		if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(currencySigns, r) {
			return true
		}
	}
	if i > 0 && scaleWords[t.word] && toks[i-1].pos+1 == t.pos && toks[i-1].has(tokNum) &&
		toks[i-1].end <= t.start && strings.TrimSpace(text[toks[i-1].end:t.start]) == "" && isMoney(text, toks, i-1) {
		return true // the "million" of "$40 million"
	}
	for k := i + 1; k < len(toks) && toks[k].pos <= t.pos+2; k++ {
		if currencies[toks[k].word] {
			return true
		}
	}
	return false
}

// vagueQuantities say there is more than one without saying how many: no
// answer to "how many" ("let several aid trucks in").
var vagueQuantities = map[string]bool{"several": true, "handful": true}

// rangeSpan reports whether the number toks[i] opens a range whose second
// number has a unit of time: "six to seven minutes", "two or three weeks".
func rangeSpan(toks []token, i int) bool {
	if i+3 >= len(toks) {
		return false
	}
	w, n, u := toks[i+1], toks[i+2], toks[i+3]
	return (w.word == "to" || w.word == "or") && w.pos == toks[i].pos+1 && n.has(tokNum) && n.pos == w.pos+1 &&
		u.pos == n.pos+1 && timeUnits[u.word]
}

// scaleWords multiply the number before them: "$40 million".
var scaleWords = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true}

// hyphenedNumber returns the marks of number toks[i] that opens a
// hyphenated word: a span of time ("a 10-day strike"), an age
// ("52-year-old", "a six-month-old baby") or a length ("a 20-mile line");
// else 0, as for "a 300-page report", whose number counts pages.
func hyphenedNumber(text string, toks []token, i int) mark {
	t := toks[i]
	if t.start > 0 && t.start <= len(text) && text[t.start-1] == '-' {
		return 0 // "FH-16": not the word's first part
	}
	part := func(k int) string { // the k-th part after the number, or ""
		if j := i + k; j < len(toks) && toks[j].pos == t.pos && toks[j].has(tokPart) {
			return toks[j].word
		}
		return ""
	}
	switch {
	case lengthUnits[part(1)]:
		return markNum | markCounts // "a 20-mile line": a length
	case !timeUnits[part(1)]:
		return 0
	case part(2) == "old":
		return markNum | markAge
	}
	return markNum | markSpan
}

// lengthUnits measure a length: "a 20-mile line", "a 400-metre bridge".
var lengthUnits = map[string]bool{
	"mile": true, "kilometre": true, "kilometer": true, "km": true, "metre": true, "meter": true,
	"foot": true, "feet": true, "yard": true, "inch": true,
	"cm": true, "mm": true, "ft": true, "mi": true, "yd": true,
}

// isAge reports whether the number toks[i] is an age: after a name,
// between commas ("Ada Brun, 21, was taken to hospital", "Ann Lee, now
// 94,"), before "year-old" or "years old", or after "aged", "turned" or
// "who is".
func isAge(text string, toks []token, i int) bool {
	t := toks[i]
	next := func(k int) string { // the word k words after, not a part
		for j := i + 1; j < len(toks); j++ {
			if toks[j].pos == t.pos+k && !toks[j].has(tokPart) && !toks[j].has(tokAlias) {
				return toks[j].word
			}
		}
		return ""
	}
	switch {
	case next(1) == "year-old" || next(1) == "years-old" || next(1) == "years" && next(2) == "old":
		return true // "the 93 year-old", "he is 93 years old"
	case i > 0 && (toks[i-1].word == "aged" || toks[i-1].word == "age" || toks[i-1].word == "turned") && toks[i-1].pos == t.pos-1:
		return true // "aged 34", "turned 60"
	case i > 1 && toks[i-2].word == "who" && (toks[i-1].word == "is" || toks[i-1].word == "was") && toks[i-1].pos == t.pos-1:
		return true // "Eva Strand, who is 71,"
	}
	before := i - 1
	if before > 0 && toks[before].word == "now" {
		before-- // "Hollis Grant, now 94,"
	}
	if before < 0 || !toks[before].has(tokCap) || t.end >= len(text) || text[t.end] != ',' {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(text[:toks[before+1].start], " "), ",")
}

// countsNoun reports whether toks[i], a number, counts a word right after
// it, past any number words: "31 candidates", "40 million cubic metres".
func countsNoun(toks []token, i int) bool {
	k := i + 1
	for k < len(toks) && toks[k].pos == toks[k-1].pos+1 && toks[k].has(tokNum) {
		k++
	}
	return k < len(toks) && toks[k].pos == toks[k-1].pos+1 && toks[k].term != "" && !toks[k].has(tokNum)
}

// thingAge reports whether toks[i], a number, gives the age of a thing: "140
// years ago", "a century old".
func thingAge(toks []token, i int) bool {
	t := toks[i]
	at := func(k int) string { // the word k words after, or ""
		if i+k < len(toks) && toks[i+k].pos == t.pos+k {
			return toks[i+k].word
		}
		return ""
	}
	switch t.word {
	case "century", "centuries", "decade", "decades":
		return at(1) == "old"
	}
	return timeUnits[at(1)] && at(2) == "ago"
}

// percentSign reports whether t, a number, is written with a percent sign:
// "up 40% year to date" is a share, not forty years.
func percentSign(text string, t token) bool {
	return t.end >= 0 && t.end < len(text) && text[t.end] == '%'
}

// percentAbbrev reports whether t is a percentage written with "pc":
// "62pc".
func percentAbbrev(text string, t token) bool {
	if t.has(tokPart) || t.start < 0 || t.end > len(text) || t.end-t.start < 3 || !strings.HasSuffix(text[t.start:t.end], "pc") {
		return false
	}
	return isNumeric(text[t.start : t.end-2])
}

// ratioOf reports whether toks[i], a number, is the whole of a ratio: "one
// in five", "nine out of ten", "twelve of the 40".
func ratioOf(toks []token, i int) bool {
	if isYearWord(toks[i]) {
		return false
	}
	before := func(k int) token { // the word k words before toks[i], or none
		if i-k >= 0 && toks[i-k].pos+k == toks[i].pos {
			return toks[i-k]
		}
		return token{}
	}
	switch {
	case before(1).word == "in":
		return before(2).has(tokNum)
	case before(1).word == "of" && before(2).word == "out", before(1).word == "the" && before(2).word == "of":
		return before(3).has(tokNum)
	}
	return false
}

// shareNouns are measures answered by a share: a percentage or a fraction.
var shareNouns = map[string]bool{"share": true, "proportion": true, "fraction": true}

// fractionWords name a part of a whole.
var fractionWords = map[string]bool{
	"half": true, "halves": true, "third": true, "thirds": true, "quarter": true, "quarters": true,
	"fifth": true, "fifths": true, "tenth": true, "tenths": true, "majority": true,
}

// isFraction reports whether toks[i] gives a part of a whole: a fraction
// word before "of" or "the" ("a third of voters", "two-thirds of", "half
// the staff"), not "the third time" or "a quarter past".
func isFraction(toks []token, i int) bool {
	t := toks[i]
	if !fractionWords[t.word] {
		return false
	}
	k := i + 1
	for k < len(toks) && toks[k].pos == t.pos {
		k++ // the parts of "two-thirds"
	}
	if k >= len(toks) || toks[k].pos != t.pos+1 {
		return false
	}
	if toks[k].word == "the" && t.word == "half" {
		return true // "half the staff"
	}
	if toks[k].word != "of" {
		return false
	}
	// not a date or a period: "the third of May", "the first quarter of the
	// year", "a quarter of an hour"
	for j := k + 1; j < len(toks) && j <= k+2; j++ {
		if isCalendar(toks[j].word) || timeUnits[toks[j].word] {
			return false
		}
		if !isArticle(toks[j].word) {
			break
		}
	}
	return true
}

// isShare reports whether toks[i], a number, is a share: "12 percent",
// "12 per cent", "12%".
func isShare(text string, toks []token, i int) bool {
	if t := toks[i]; t.end < len(text) && text[t.end] == '%' || percentAbbrev(text, t) {
		return true
	}
	return i+1 < len(toks) && (toks[i+1].word == "percent" || toks[i+1].word == "per" && i+2 < len(toks) && toks[i+2].word == "cent")
}

// placeWords stand before a name that places something.
var placeWords = map[string]bool{"in": true, "at": true, "near": true, "from": true, "outside": true, "across": true, "into": true, "inside": true, "throughout": true, "around": true, "off": true, "along": true, "beyond": true, "toward": true, "towards": true}

// placed reports whether the name at toks[i] places something: it follows
// a word of place ("in Kerman"), or it is, or follows, a dateline's
// capitals at the start ("GOTHENBURG, Sweden").
func placed(toks []token, i int) bool {
	t := toks[i]
	if t.pos == 0 && t.has(tokAllCaps) {
		return true
	}
	for k := i - 1; k >= 0; k-- {
		p := toks[k]
		if p.has(tokAlias) || p.has(tokPart) || p.pos == t.pos {
			continue
		}
		return placeWords[p.word] || p.pos == 0 && p.pos == t.pos-1 && p.has(tokAllCaps)
	}
	return false
}

// toIDs turns a sentence's build tokens into its tokens, marking its first
// word a name when the briefings write that word capitalised.
func (e *Engine) toIDs(ss []stok, first string) []dtok {
	out := make([]dtok, len(ss))
	for i, s := range ss {
		out[i] = dtok{term: -1, pos: s.pos, mark: s.mark}
		if s.term != "" {
			out[i].term = e.ix.idOf(s.term)
		}
		if s.pos == 0 && s.term != "" && s.term == first && e.proper[first] {
			out[i].mark |= markName
		}
	}
	return out
}

// givesName reports whether id is, or relates to, a term the question
// must see answered: not an optional one ("which city").
func (q *question) givesName(id int32) bool {
	if id < 0 {
		return false
	}
	for i := range q.terms {
		if !q.terms[i].optional && (q.terms[i].id == id || q.terms[i].relates(id)) {
			return true
		}
	}
	return false
}

// hasID reports whether the question holds the term with index id, or a
// term related to it.
func (q *question) hasID(id int32) bool {
	if id < 0 {
		return false
	}
	for i := range q.terms {
		if q.terms[i].id == id || q.terms[i].relates(id) {
			return true
		}
	}
	return false
}

// hasAll reports whether the question holds every one of ids.
func (q *question) hasAll(ids []int32) bool {
	for _, id := range ids {
		if !q.hasID(id) {
			return false
		}
	}
	return true
}

// namesSomeone reports whether sentence di, or the sentence its answer
// joins, gives a name the question does not: a speaker, or a word the
// briefing capitalises.
func (e *Engine) namesSomeone(q *question, di int32) bool {
	for _, d := range [...]int32{di, e.joinsWith(di)} {
		if d < 0 {
			continue
		}
		doc := &e.docs[d]
		var spk []int32
		if doc.speaker >= 0 {
			s := &e.sources[doc.speaker]
			if q.says && startsUpper(s.summary.Name) && !q.hasAll(s.nameIDs) {
				return true
			}
			if !e.roleAnswers(q, s) {
				spk = s.nameIDs
			}
		}
		for _, t := range doc.toks {
			if t.mark&markName == 0 || q.hasID(t.term) || !q.says && q.role == "" && slices.Contains(spk, t.term) {
				continue // a name the question gives, or who said a sentence that answers something else (not "who is the envoy")
			}
			if t.mark&markPlace != 0 && (q.typ == qWho || q.typ == qWhoIs) {
				continue // "who": not where
			}
			return true
		}
	}
	return false
}

// roleAnswers reports whether source s's role holds a relation word of q,
// or a word related to one, and every name q gives, so that the source's
// name answers "who": "Sophie Lane, the owner of Cape Ferry Exports,
// agreed …" for "who owns Cape Ferry Exports", not for "who owns the Quay
// Ice Works".
func (e *Engine) roleAnswers(q *question, s *source) bool {
	ids := s.roleIDs // none for "a former director of X", "the son of the founder of X"
	relation := false
	for _, t := range q.terms {
		switch {
		case t.optional || t.speaker:
		case t.entity:
			if !slices.Contains(ids, t.id) {
				return false // a name the role does not hold: another body's
			}
		case slices.Contains(ids, t.id) || slices.ContainsFunc(t.related, func(r relTerm) bool { return slices.Contains(ids, r.id) }):
			relation = true
		}
	}
	return relation
}

// pastOrKinRole reports whether a role is no longer held or is someone
// else's: "a former director of X", "an ex-owner", "the son of the founder
// of X".
func pastOrKinRole(role string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return r == ' ' || r == '-' }) {
		if pastRoles[w] || kinNouns[w] {
			return true
		}
	}
	return false
}

// pastRoles say a role is no longer held: "a former director of X".
var pastRoles = map[string]bool{"former": true, "ex": true, "retired": true, "late": true, "onetime": true, "then": true}

// kinNouns make a role someone else's: "the son of the founder of X".
var kinNouns = map[string]bool{
	"son": true, "daughter": true, "wife": true, "husband": true, "mother": true, "father": true,
	"brother": true, "sister": true, "widow": true, "widower": true, "grandson": true,
	"granddaughter": true, "nephew": true, "niece": true, "cousin": true,
}

// givesName reports whether sentence di answers a who or which question with
// a name: it gives one the question does not, and does not only count the
// class asked about ("two engineers", "a consulting firm").
func (e *Engine) givesName(q *question, di int32) bool {
	return e.namesSomeone(q, di) && (len(q.class) == 0 || !e.countsClass(di, q.class)) && !classUnnamed(e.docs[di].toks, q) &&
		(!q.nameOfN || nameBeside(e.docs[di].toks, q))
}

// nameBeside reports whether toks, holding the N of "what is the name of
// the N", give a name right beside it: "the warden, Ivo Lind,", "Ivo
// Lind, the warden", "Warden Ivo Lind"; not "the warden at the Vell jail"
// nor another name further off. A sentence without the N may still name
// one.
func nameBeside(toks []dtok, q *question) bool {
	found := false
	for i, t := range toks {
		if t.term < 0 || !slices.Contains(q.class, t.term) {
			continue
		}
		found = true
		for _, n := range toks[max(0, i-2):min(len(toks), i+2)] {
			d := int(n.pos) - int(t.pos)
			if n.mark&markName != 0 && n.mark&markPlace == 0 && (d == 1 || d == -1 || d == -2) && !q.hasID(n.term) {
				return true
			}
		}
	}
	return !found
}

// classUnnamed reports whether toks hold the class a "which" question asks
// about only with no name beside it: "when labor unions threw their
// support" for "which unions backed the plan", "bridges were closed" for
// "which bridge was shut"; not "the Forth road bridge" or "Unite backed
// it". A sentence without the class may still name one.
func classUnnamed(toks []dtok, q *question) bool {
	if !q.hasClass {
		return false
	}
	found := false
	for _, t := range toks {
		if t.term != q.classOf {
			continue
		}
		found = true
		for _, n := range toks {
			if n.mark&markName != 0 && abs(int(n.pos)-int(t.pos)) <= classNameDistance && !q.hasID(n.term) {
				return false
			}
		}
	}
	return found
}

// classNameDistance is how far from the class noun the name a "which"
// question asks for may stand: "the Forth road bridge", "Unite, the union,".
const classNameDistance = 5

// countsClass reports whether sentence di names the class only by a
// number, an article or a possessive before it ("two engineers", "a
// consulting firm", "her own company"), with no name right after it ("her
// consultancy, Northwind Advisers,").
func (e *Engine) countsClass(di int32, class []int32) bool {
	toks := e.docs[di].toks
	for i, t := range toks {
		if t.term < 0 || !slices.Contains(class, t.term) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].pos == t.pos+1 && toks[i+1].mark&markCap != 0 {
			continue // "her consultancy, Northwind Advisers,": named right after
		}
		for k := i - 1; k >= 0 && int(t.pos)-int(toks[k].pos) <= countedDistance; k-- {
			if toks[k].mark&markLead != 0 {
				return true
			}
			if toks[k].mark&markCap != 0 {
				break // "the Acme consulting firm"
			}
		}
	}
	return false
}

// namesNext returns the sentence after di in its paragraph when di names
// a class ("two engineers") and that sentence gives the names, or -1.
func (e *Engine) namesNext(q *question, di int32) int32 {
	n := di + 1
	if int(n) >= len(e.docs) || e.docs[n].para != e.docs[di].para || !e.namesSomeone(q, n) {
		return -1
	}
	// The names are its subject: it opens with one ("Maria Lopez and Tom
	// Reed found ...").
	toks := e.docs[n].toks
	if len(toks) == 0 || toks[0].pos != 0 || toks[0].mark&markCap == 0 || toks[0].term < 0 || q.hasID(toks[0].term) {
		return -1
	}
	return n
}

// givesTitle reports whether text gives something's name, as "what is X
// called" asks: a quotation that opens with a capital ("the campaign,
// “Keep Tallby Tidy,”"), or a naming word before a capitalised word or a
// quotation ("named Marigold", "known as the Harbour Line"). A name that
// merely stands in the sentence ("between Portlow and Hensby") is not one.
func givesTitle(text string) bool {
	for _, q := range quotations(text) {
		if titleCase(q.text) && !speechAfter(q.after) {
			return true
		}
	}
	for _, w := range [...]string{" called ", " named ", " dubbed ", " titled ", " entitled ", " known as ", " name is ", " named it "} {
		for rest := text; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			rest = rest[i+len(w):]
			after := strings.TrimPrefix(rest, "the ")
			if r, _ := utf8.DecodeRuneInString(after); unicode.IsUpper(r) || r == '“' || r == '"' || r == '‘' {
				return true
			}
		}
	}
	return false
}

// maxTitleWords is the most words a quoted name may have.
const maxTitleWords = 6

// A quotation is the text between a pair of quotation marks and what
// follows the closing one.
type quotation struct{ text, after string }

// quotations returns the quotations of text: between “ and ”, and between
// straight quotation marks taken in pairs.
func quotations(text string) []quotation {
	var qs []quotation
	for rest := text; ; {
		i := strings.IndexAny(rest, "“\"")
		if i < 0 {
			return qs
		}
		open, w := utf8.DecodeRuneInString(rest[i:])
		rest = rest[i+w:]
		closing := "”"
		if open == '"' {
			closing = "\""
		}
		j := strings.Index(rest, closing)
		if j < 0 {
			return qs
		}
		qs = append(qs, quotation{rest[:j], rest[j+len(closing):]})
		rest = rest[j+len(closing):]
	}
}

// speechAfter reports whether a reporting verb stands in the first words
// after a quotation ("," Mara Lind said"): the quotation is speech, not a
// name.
func speechAfter(after string) bool {
	words := strings.Fields(after)
	for _, w := range words[:min(len(words), 4)] {
		w = strings.ToLower(strings.Trim(w, ".,;:!?”\"’'"))
		if english.ReportingVerb(w) != english.NotReporting {
			return true
		}
	}
	return false
}

// titleCase reports whether a quotation is a name, not speech: a few words,
// most of them capitalised ("Keep Tallby Tidy", not "We will fix this").
func titleCase(q string) bool {
	words := strings.Fields(strings.Trim(q, " ,.!?"))
	if len(words) == 0 || len(words) > maxTitleWords {
		return false
	}
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return 3*caps >= 2*len(words)
}

// titleNext returns the sentence after di in its paragraph when it names
// what q asks about and gives a name (givesTitle), or -1: "A new ferry
// began service on Monday. The ferry is named Marigold."
func (e *Engine) titleNext(q *question, di int32) int32 {
	n := di + 1
	if int(n) >= len(e.docs) || e.docs[n].para != e.docs[di].para || !givesTitle(e.docs[n].text) {
		return -1
	}
	for _, t := range e.docs[n].toks {
		if t.term >= 0 && q.wantsTerm(t.term) {
			return n
		}
	}
	return -1
}

// wantsTerm reports whether id is one of q's required terms.
func (q *question) wantsTerm(id int32) bool {
	for i := range q.terms {
		if t := &q.terms[i]; !t.optional && t.id == id {
			return true
		}
	}
	return false
}

// numberNear reports whether sentence di has a number (not a year) within
// numberDistance words of a word of the question and, for "how many N",
// of the thing counted.
func (e *Engine) numberNear(di int32, q *question) bool {
	d := &e.docs[di]
	m, not := markNum, markSpan|markAge|markDate // "12 April" counts nothing
	switch {
	case q.money:
		m = markMoney
	case percentNouns[q.how]:
		m = markShare // "what percentage of voters": "61%", not "billions of dollars"
	case shareNouns[q.how]:
		m = markShare // "what share of the grid": "80 percent", "a third", not "thousands of customers"
	case q.how == "many":
		not |= markMoney // "how many jobs": "31 jobs", not "$4 million"
	case q.how == "long":
		return e.spanNear(d, q)
	case dimensions[q.how] != 0:
		return d.has(docNumber) && e.unitNear(d, q, e.dimensionUnits(q.how))
	case q.how == "old" && q.namesOne():
		return d.has(docNumber) && ageOf(d.toks, q, e.ix.idOf("old")) // "how old is X": an age, given beside whose it is
	case q.how == "old":
		// "how old is the bridge": "90 years old", "built 140 years ago",
		// "the youngest, Ebba, is 19", not "31 candidates"
		return d.has(docNumber) && (e.nearNot(d.toks, q, numberDistance, markAge|markOld, 0) ||
			e.nearNot(d.toks, q, numberDistance, markNum, markDate|markSpan|markShare|markMoney|markCounts))
	}
	if !d.has(docNumber) && m != markShare || !e.nearNot(d.toks, q, numberDistance, m, not) { // "a third of" is no number, but a share
		return false
	}
	return len(q.counted) == 0 && !q.subset || counts(d.toks, q) || e.measuredOf(d.toks, q)
}

// spanNear reports whether sentence d says how long, near a word of q: a
// span of time ("ten days", "a 10-day strike", "half an hour", "a
// decade"), a length ("400 metres", "a 20-mile line") or a range of dates
// ("from May 1 to May 19"); not "at 6:30 p.m.", "8 percent", "300
// workers" or "stage 3".
func (e *Engine) spanNear(d *doc, q *question) bool {
	toks := d.toks
	units := e.units
	const not = markAge | markDate | markShare | markMoney
	dates := d.has(docRange)
	return e.nearWhere(toks, q, numberDistance, dates, func(k int) bool {
		t := toks[k]
		switch {
		case t.mark&markSpan != 0 && t.mark&not == 0:
			return true
		case t.mark&markNum != 0 && t.mark&not == 0:
			return units[t.term] || // "5km"
				k+1 < len(toks) && toks[k+1].pos <= t.pos+1 && units[toks[k+1].term] // "400 metres", "a 20-mile line"
		case units[t.term] && k > 0 && toks[k-1].pos+1 == t.pos && toks[k-1].mark&markLead != 0:
			return true // "a decade", "half an hour", "several months"
		case dates:
			return t.mark&markDate != 0 // "from May 1 to May 19"
		}
		return false
	})
}

// dimensions are the "how" words that ask for a physical measure, and
// what measures it: "how wide" is answered by "a 3-mile-wide lake", not by
// "40 species". Words also said of money or shares ("how high", "how far",
// "how deep") are not here: "how far did shares fall" is answered by "8%".
var dimensions = map[string]byte{
	"wide": 'l', "tall": 'l', "thick": 'l', "thin": 'l', "narrow": 'l', // a length
	"heavy": 'w', // a weight
}

// dimensionUnits returns the ids of the units that measure how, a word of
// dimensions.
func (e *Engine) dimensionUnits(how string) map[int32]bool {
	if dimensions[how] == 'w' {
		return e.weights
	}
	return e.lengths
}

// weightUnits measure a weight: "85 kilograms", "a 40-ton truck".
var weightUnits = map[string]bool{
	"kilogram": true, "kilo": true, "kg": true, "gram": true, "pound": true, "lb": true, "ounce": true, "oz": true,
	"ton": true, "tonne": true, "stone": true,
}

// unitNear reports whether sentence d has a number before one of units
// (term ids) within numberDistance words of a word of q: "weighs 85
// kilograms", "a 3-mile-wide lake".
func (e *Engine) unitNear(d *doc, q *question, units map[int32]bool) bool {
	toks := d.toks
	const not = markAge | markDate | markShare | markMoney
	return e.nearWhere(toks, q, numberDistance, false, func(k int) bool {
		t := toks[k]
		return t.mark&markNum != 0 && t.mark&not == 0 && k+1 < len(toks) && toks[k+1].pos <= t.pos+1 && toks[k+1].term >= 0 && units[toks[k+1].term]
	})
}

// ageOf reports whether toks give an age within ageDistance words of a
// name the question asks about: "52-year-old Vera", "Ada Brun, 21,".
// The age of a thing ("a decade old", "built 90 years ago") is the name's
// only with nothing but "old" between them: "Roughly a decade old, the
// Tarn Trust", not "Ivo Marek's cottage, a century old" (old is the term
// of "old").
func ageOf(toks []dtok, q *question, old int32) bool {
	for ai, a := range toks {
		if a.mark&(markAge|markOld) == 0 {
			continue
		}
		for hi, h := range toks {
			if h.term < 0 || abs(int(a.pos)-int(h.pos)) > ageDistance || !q.namesTerm(h.term) {
				continue
			}
			if a.mark&markAge != 0 || onlyBetween(toks, ai, hi, old) {
				return true
			}
		}
	}
	return false
}

// onlyBetween reports whether the tokens strictly between toks[i] and
// toks[j] are stop words, names or the term id.
func onlyBetween(toks []dtok, i, j int, id int32) bool {
	if i > j {
		i, j = j, i
	}
	for _, t := range toks[i+1 : j] {
		if t.term >= 0 && t.term != id && t.mark&markName == 0 {
			return false
		}
	}
	return true
}

// namesOne reports whether q requires a name (not a number) of what it
// asks about: "how old is Eva Strand", not "how old is the bridge" or "how
// old was one of the Strand campaign's organizers".
func (q *question) namesOne() bool {
	for i := range q.terms {
		if t := &q.terms[i]; t.entity && !t.optional && !t.modifier && !isNumeric(t.term) {
			return true
		}
	}
	return false
}

// namesTerm reports whether id is the term of one of q's required names.
func (q *question) namesTerm(id int32) bool {
	for i := range q.terms {
		if t := &q.terms[i]; t.entity && !t.optional && t.id == id {
			return true
		}
	}
	return false
}

// countedDistance is how many words before the thing counted ("13 U.S.
// troops") its number may stand; subsetDistance, for "how many of the N
// were M", how many before the M ("120 of the commuters were cyclists").
const (
	countedDistance = 3
	subsetDistance  = 6
)

// counts reports whether toks give a number of the thing counted: when they
// name the thing (any of the words that may name it), a number stands just
// before one of them, or after it when it follows "the number of": "the
// number of residents who left ... is 40".
func counts(toks []dtok, q *question) bool {
	counted, named := q.counted, false
	dist := countedDistance
	if q.subset {
		dist = subsetDistance // "120 of the commuters were cyclists"
	}
	for i, t := range toks {
		if t.term < 0 || !slices.Contains(counted, t.term) {
			continue
		}
		named = true
		for k := i - 1; k >= 0 && int(t.pos)-int(toks[k].pos) <= dist; k-- {
			if toks[k].mark&markNum != 0 {
				return true
			}
			if toks[k].mark&markTally != 0 && numberAfter(toks[i+1:], q, t.pos) {
				return true
			}
		}
	}
	return !named && !q.subset
}

// measuredOf reports whether toks measure the thing a "how much N" counts
// in a unit, "of" between: "100 metric tons of cargo", "30 grams of
// methamphetamine". The number, its unit words and the N stand together.
func (e *Engine) measuredOf(toks []dtok, q *question) bool {
	if q.subset {
		return false
	}
	for i, t := range toks {
		if t.term < 0 || !slices.Contains(q.counted, t.term) || i < 2 {
			continue
		}
		u := toks[i-1] // the unit, with "of" between it and the N
		if u.pos+2 != t.pos || !e.isUnit(u.term) {
			continue
		}
		for k := i - 2; k >= 0 && int(u.pos)-int(toks[k].pos) <= 2; k-- {
			if toks[k].mark&markNum != 0 && toks[k].mark&(markDate|markAge|markShare) == 0 {
				return true // "100 tons", "100 metric tons"
			}
		}
	}
	return false
}

// isUnit reports whether id is a unit of length, weight or time.
func (e *Engine) isUnit(id int32) bool {
	return id >= 0 && (e.units[id] || e.weights[id])
}

// numberAfter reports whether toks, after the thing counted at word
// position from, hold within tallyDistance words a number that is the
// tally: not a date, a span, an age, a share, money, a change ("fell by
// 40") or a number the question itself gives, and that counts nothing
// named after it ("which damaged 40 homes").
func numberAfter(toks []dtok, q *question, from uint16) bool {
	const not = markDate | markSpan | markAge | markShare | markMoney | markChange | markCounts
	for _, t := range toks {
		if int(t.pos)-int(from) > tallyDistance {
			break
		}
		if t.mark&markNum != 0 && t.mark&not == 0 && !q.wantsTerm(t.term) {
			return true
		}
	}
	return false
}

// tallyDistance is how many words after the thing counted the tally of
// "the number of" may stand ("the number of walkers crossing each day is
// now 3,100").
const tallyDistance = 12

// dayParts name a part of the day.
var dayParts = [...]string{"morning", "afternoon", "evening", "night", "overnight", "dawn", "dusk", "daybreak", "nightfall", "lunchtime", "tonight"}

// givesDayPart reports whether d names a part of the day.
func (e *Engine) givesDayPart(d *doc) bool {
	for _, w := range dayParts {
		id := e.ix.idOf(e.an.term(w))
		if id < 0 {
			continue
		}
		for _, t := range d.toks {
			if t.term == id {
				return true
			}
		}
	}
	return false
}

// dateNear reports whether sentence di dates something within
// dateDistance words of a word of the question, or says when by a clause
// of time just after one ("laughed when he urged").
func (e *Engine) dateNear(di int32, q *question) bool {
	d := &e.docs[di]
	if q.future && d.flags&(docPast|docFuture) == docPast {
		return false // "when will it reopen" is not answered by when it closed
	}
	if q.clock && !d.has(docClock) {
		return false // "what time": "at 3 a.m.", not "overnight" or "on Friday"
	}
	if q.dayPart && !d.has(docClock) && !e.givesDayPart(d) {
		return false // "what time of day": "at 3 a.m." or "on Friday evening", not "on Friday"
	}
	if q.calendar && !d.has(docDate) {
		return false // "on what date": "on May 4", not "in the coming weeks"
	}
	return d.has(docDate|docTime) && e.near(d.toks, q, dateDistance, markDate) || e.clauseAfter(d.toks, q)
}

// presentAux reports whether w is a present form of "be": "when is the vote
// being held" asks about something still to come, as "when will" does.
func presentAux(w string) bool { return w == "is" || w == "are" || w == "'s" || w == "am" }

// futureAsked, in a when-question, ask when something will happen.
var futureAsked = map[string]bool{
	"will": true, "would": true, "could": true, "shall": true, "might": true,
	"expected": true, "scheduled": true, "due": true,
}

// laterWords, besides the future tense (english.IsFutureCue), say that
// something is still to happen: "could reopen", "is due in May", "next
// year".
var laterWords = map[string]bool{
	"could": true, "might": true, "may": true, "expects": true, "expect": true,
	"planning": true, "due": true, "next": true, "later": true, "soon": true, "until": true,
	"coming": true, "future": true, "intend": true, "going": true, "eventually": true,
}

// saysFuture reports whether text says that something is still to happen:
// a word of the future, or "set to" ("is set to reopen", not "was set in
// May"). A cue that a determiner makes a noun ("the will of residents",
// "its plans", "the coming works"), "next to", the month "May" and a
// "due" already past ("was due in June") say nothing of the future.
func saysFuture(text string) bool {
	var buf [32]byte
	prev := ""
	words := strings.Fields(text)
	for i, raw := range words {
		word := strings.Trim(raw, wordEdges)
		w := string(appendLower(buf[:0], word))
		cue := english.IsFutureCue(w) || laterWords[w] || prev == "set" && w == "to"
		switch {
		case !cue:
		case futureNouns[prev]:
		case w == "next" && i+1 < len(words) && strings.EqualFold(strings.Trim(words[i+1], wordEdges), "to"):
		case w == "may" && strings.HasPrefix(word, "M") && i > 0:
		case w == "due" && (prev == "was" || prev == "were"):
		default:
			return true
		}
		prev = w
	}
	return false
}

// toldInPast reports whether text tells what happened in the past tense: a
// past form of a verb in the main clause ("held", "was set", "reopened"),
// not a reporting verb, a participle after an auxiliary ("will be held"), a
// word of the future ("expected"), a capitalised word ("United"), a number
// ("hundred") or a word in an aside a comma opens with a participle or a
// relative pronoun ("the bridge, closed by the floods, reopens in May",
// "the ferry, which was damaged, returns").
func toldInPast(text string) bool {
	var buf [32]byte
	prev := ""
	afterComma, aside := false, false
	for raw := range strings.FieldsSeq(text) {
		word := strings.Trim(raw, wordEdges)
		w := string(appendLower(buf[:0], word))
		if afterComma {
			aside = w == "which" || w == "who" || strings.HasSuffix(w, "ed") || english.IsIrregularPast(w)
		}
		regular := strings.HasSuffix(w, "ed") && len(w) > 4 && !strings.HasSuffix(w, "eed") && w != "hundred"
		past := w == "was" || w == "were" || w == "had" || w == "did" ||
			(english.IsIrregularPast(w) || regular) && !english.IsAuxiliary(prev) && !english.IsFutureCue(w) &&
				!startsUpper(word)
		if past && !aside && english.ReportingVerb(w) == english.NotReporting {
			return true
		}
		afterComma = strings.HasSuffix(raw, ",")
		if afterComma && aside {
			aside, afterComma = false, false // the aside closes
		}
		prev = w
	}
	return false
}

// wordEdges are the marks trimmed from a word of a sentence's text: its
// punctuation, quotation marks, brackets and dashes.
const wordEdges = ".,;:!?\"“”‘’()—–-"

// futureNouns, before a word of the future, make it a noun: "the will of
// residents", "its plans" (not "that", "this": "a plan that will close").
var futureNouns = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true,
}

// clauseWords open a clause that says when.
var clauseWords = map[string]bool{"when": true, "after": true, "before": true, "during": true, "until": true, "while": true}

// clauseDistance is how far after the word asked about a clause of time
// may open.
const clauseDistance = 2

// clauseAfter reports whether a clause of time opens just after a relation
// word of q.
func (e *Engine) clauseAfter(toks []dtok, q *question) bool {
	for i, t := range toks {
		if t.term < 0 || !q.relationWord(t.term) {
			continue
		}
		for _, c := range toks[i+1:] {
			if int(c.pos)-int(t.pos) > clauseDistance {
				break
			}
			if c.mark&markClause != 0 {
				return true
			}
		}
	}
	return false
}

// relationWord reports whether id is one of q's relation words (not a
// name), or related to one.
func (q *question) relationWord(id int32) bool {
	for i := range q.terms {
		t := &q.terms[i]
		if !t.entity && !t.optional && (t.id == id || t.relates(id)) {
			return true
		}
	}
	return false
}

// near reports whether a token of toks with mark m lies within dist words
// of a relation word of q (the terms that are not names: "recall" in "when
// did Acme recall the heaters", not "Acme"), or of any word of q when it
// has no relation word, or the sentence has none of them. The token is
// not one the question gives itself, and a date does not count across a
// clause that turns to another event ("criticised for it, but in an
// interview last year").
func (e *Engine) near(toks []dtok, q *question, dist int, m mark) bool {
	return e.nearNot(toks, q, dist, m, 0)
}

// nearNot is near for the tokens with mark m and without marks not.
func (e *Engine) nearNot(toks []dtok, q *question, dist int, m, not mark) bool {
	return e.nearWhere(toks, q, dist, m&markDate != 0, func(k int) bool { return toks[k].mark&m != 0 && toks[k].mark&not == 0 })
}

// nearWhere is near for the tokens toks[k] that answer reports of; a date
// does not count across a clause that turns to another event.
func (e *Engine) nearWhere(toks []dtok, q *question, dist int, date bool, answer func(k int) bool) bool {
	// the relation words anchor, unless the sentence has none of them: then
	// any word of the question does ("pocket the VAT, raising £19m")
	relation := hasRelation(q) && holdsRelation(toks, q)
	for k, mt := range toks {
		if !answer(k) || !q.follow && mt.term >= 0 && q.wantsTerm(mt.term) {
			continue // not a date or number the question gives itself, "Sunday" in "when is Super Sunday" (a follow-up gives the earlier answer's)
		}
		for j, h := range toks {
			if h.term >= 0 && j != k && !answer(j) && abs(int(mt.pos)-int(h.pos)) <= dist && q.anchors(h.term, relation) && (!date || !crossesTurn(toks, mt.pos, h.pos)) {
				return true
			}
		}
	}
	return false
}

// anchors reports whether id is a word of q a figure or a date may stand
// beside: a relation word's, itself or related, or with relation false any
// word's.
func (q *question) anchors(id int32, relation bool) bool {
	for i := range q.terms {
		t := &q.terms[i]
		if relation && (t.entity || t.optional) {
			continue
		}
		if t.id == id || t.relates(id) {
			return true
		}
	}
	return false
}

// holdsRelation reports whether toks hold a relation word of q (a term
// that is neither a name nor optional), itself or through a synonym in both
// words' first senses (or a role noun for a word of leading): a looser
// relative does not keep the question's names from anchoring.
func holdsRelation(toks []dtok, q *question) bool {
	for _, tk := range toks {
		if tk.term < 0 {
			continue
		}
		for i := range q.terms {
			t := &q.terms[i]
			if t.entity || t.optional {
				continue
			}
			if t.id == tk.term || slices.ContainsFunc(t.related, func(r relTerm) bool { return r.id == tk.term && r.cover == coverStrong }) {
				return true
			}
		}
	}
	return false
}

// relates reports whether id is one of qt's related terms.
func (qt *queryTerm) relates(id int32) bool {
	for _, r := range qt.related {
		if r.id == id {
			return true
		}
	}
	return false
}
