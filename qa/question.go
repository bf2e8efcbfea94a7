package qa

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
}

// A question is a parsed question.
type question struct {
	typ      qType
	terms    []queryTerm
	speakers []int    // merged source indices the question names, best first
	missing  []string // capitalised names no briefing mentions
	hasTopic bool     // some term is not part of a named speaker
	unquoted string   // for qSaid: whom the question asks about, when the briefings quote no such source
	entities []int    // indices into terms of capitalised words (names, places)
	defines  int32    // for "what is X" with X an alias the briefing defines: the defining sentence; else -1
}

// lowerWords returns the question's words (not alias or part tokens).
func wordTokens(toks []token) []token {
	out := toks[:0:0]
	for _, t := range toks {
		if !t.has(tokAlias) && !t.has(tokPart) {
			out = append(out, t)
		}
	}
	return out
}

// parseQuestion types q and extracts its terms and named speakers.
func (e *Engine) parseQuestion(text string) question {
	if len(text) > maxQuestionBytes {
		cut := maxQuestionBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var buf [48]token
	toks := e.an.tokens(text, buf[:0], false)
	words := wordTokens(toks)
	q := question{defines: -1}

	// Skip preambles such as "can you tell me" and "do you know".
	start := 0
	for k := 0; k < len(words) && k < 6; k++ {
		if words[k].has(tokWh) {
			if k > 0 && (auxiliaries[words[0].word] || words[0].word == "tell" || words[0].word == "please" || words[0].word == "so" || words[0].word == "and" || words[0].word == "i") {
				start = k
			}
			break
		}
	}
	ws := words[start:]
	w := func(i int) string {
		if i < len(ws) {
			return ws[i].word
		}
		return ""
	}
	framing := map[int]bool{}  // word positions that frame rather than ask
	optional := map[int]bool{} // the verb of "what did X propose": ranks, need not be covered
	var speakerSpan []token    // the words naming whose view is asked
	switch first := w(0); {
	case first == "who" || first == "whom" || first == "whose":
		q.typ = qWho
		// "who is X" or "who is the <role>"; not "who is running ...".
		if (w(1) == "is" || w(1) == "was" || w(1) == "are" || w(1) == "were") && len(ws) > 2 &&
			(ws[2].has(tokCap) || ws[2].has(tokAllCaps) || w(2) == "the" || w(2) == "a" || w(2) == "an" || e.startsName(ws[2])) {
			q.typ = qWhoIs
			speakerSpan = ws[2:]
		}
	case first == "when" || (first == "what" || first == "which") && isTimeNoun(w(1)) ||
		first == "since" && w(1) == "when" || first == "how" && w(1) == "long" && w(2) == "ago":
		q.typ = qWhen
	case first == "where" || (first == "what" || first == "which") && isPlaceNoun(w(1)):
		q.typ = qWhere
	case first == "why" || first == "how" && w(1) == "come" ||
		first == "what" && isCauseVerb(w(1)) || first == "for" && w(1) == "what" && w(2) == "reason" ||
		first == "what" && (w(1) == "is" || w(1) == "was") && w(2) == "the" && (w(3) == "reason" || w(3) == "motive" || w(3) == "cause"):
		q.typ = qWhy
	case first == "how" && w(1) == "often":
		q.typ = qWhat // a frequency: "twice a year", not a count
		framing[ws[1].pos] = true
	case first == "how" && (w(1) == "many" || w(1) == "much" || w(1) == "old" || w(1) == "long" || w(1) == "far" || w(1) == "big" || w(1) == "large"):
		q.typ = qHowMany
		if w(1) == "many" || w(1) == "much" {
			framing[ws[1].pos] = true
		} else {
			optional[ws[1].pos] = true // "how old": "a century old"
		}
	case first == "how":
		q.typ = qHow
		if end := opinionVerbAt(ws, 2); end > 2 && auxiliaries[w(1)] {
			q.typ, speakerSpan = qSaid, ws[2:end]
			optional[ws[end].pos] = true
		}
	case first == "what" || first == "which":
		q.typ = qWhat
		if auxiliaries[w(1)] {
			if end := opinionVerbAt(ws, 2); end > 2 {
				q.typ, speakerSpan = qSaid, ws[2:end]
				optional[ws[end].pos] = true
			} else if end := opinionNounAt(ws, 2); end > 2 {
				q.typ, speakerSpan = qSaid, ws[2:end]
				optional[ws[end].pos] = true
			}
		}
	case auxiliaries[first]:
		q.typ = qYesNo
	}
	// "according to X" names whose view is asked, in any question.
	for k := 0; k+2 < len(ws); k++ {
		if ws[k].word == "according" && ws[k+1].word == "to" {
			if q.typ == qWhat || q.typ == qYesNo {
				q.typ = qSaid
			}
			speakerSpan = ws[k+2:]
			framing[ws[k].pos] = true
		}
	}
	for _, t := range ws {
		if framingWords[t.word] {
			framing[t.pos] = true
		}
	}

	// Named speakers: the longest source names in the question.
	namePos := map[int]bool{}
	q.speakers = e.findSpeakers(toks, speakerSpan, namePos)
	if q.typ == qSaid {
		e.resolveSpan(&q, speakerSpan, framing, namePos)
	}
	// The words naming the asked speaker are not topic: in "what did X say
	// about Y", or "who is X"; other names in the question are.
	askedPos := namePos
	if (q.typ == qSaid || q.typ == qWhoIs) && len(speakerSpan) > 0 {
		askedPos = map[int]bool{}
		for _, t := range speakerSpan {
			if namePos[t.pos] {
				askedPos[t.pos] = true
			}
		}
	}

	// Content terms. A hyphenated word's parts are weaker alternatives of the
	// whole when the briefings use the whole, and stand in for it otherwise.
	seen := map[string]int{}
	wholeAt := map[int]string{} // position → the known hyphenated term there
	for _, t := range toks {
		if t.term != "" && strings.IndexByte(t.word, '-') > 0 && !t.has(tokPart) {
			if _, known := e.ix.ids[t.term]; known {
				wholeAt[t.pos] = t.term
			}
		}
	}
	for _, t := range toks {
		if t.term == "" || framing[t.pos] && !t.has(tokAlias) {
			continue
		}
		if t.pos < start {
			continue
		}
		if strings.IndexByte(t.word, '-') > 0 && !t.has(tokPart) && !t.has(tokAlias) {
			if _, known := wholeAt[t.pos]; !known {
				continue // an unknown compound: its parts stand in for it
			}
		}
		if t.has(tokPart) {
			if whole, ok := wholeAt[t.pos]; ok {
				if i, ok := seen[whole]; ok {
					if _, known := e.ix.ids[t.term]; known && !contains(q.terms[i].related, t.term) {
						q.terms[i].related = append(q.terms[i].related, t.term)
					}
				}
				continue
			}
		}
		if i, ok := seen[t.term]; ok {
			if namePos[t.pos] {
				q.terms[i].speaker = true
			}
			continue
		}
		if len(q.terms) == maxTerms {
			break
		}
		idf, known := e.ix.idfOf(t.term, e.tune.unknownWeight)
		if optional[t.pos] && reportingStems[t.term] {
			continue // "say" asks for what was said; it names no topic
		}
		// "said" ranks attributed passages up but names no topic.
		opt := optional[t.pos] || t.term == "say"
		qt := queryTerm{term: t.term, word: t.word, idf: idf, known: known, speaker: askedPos[t.pos], optional: opt}
		qt.related = append(qt.related, e.compounds(t.term)...)
		qt.entity = qt.speaker || t.has(tokCap) && t.pos > start || t.has(tokAllCaps) || t.has(tokAlias) ||
			t.has(tokNum) || e.proper[t.term]
		for _, r := range relatedTerms[t.term] {
			if _, ok := e.ix.ids[r]; ok && !contains(qt.related, r) {
				qt.related = append(qt.related, r)
			}
		}
		seen[t.term] = len(q.terms)
		if t.has(tokCap) && !t.has(tokNum) && t.pos > 0 {
			q.entities = append(q.entities, len(q.terms))
		}
		q.terms = append(q.terms, qt)
	}
	for _, qt := range q.terms {
		if !qt.speaker && !qt.optional {
			q.hasTopic = true
		}
	}
	q.missing = e.missingNames(text, toks)
	q.defines = e.definition(text)
	return q
}

func isTimeNoun(w string) bool {
	switch w {
	case "year", "date", "day", "month", "time", "week", "decade", "century":
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
func (e *Engine) findSpeakers(toks []token, span []token, namePos map[int]bool) []int {
	// The question's content tokens in order, one per position.
	var seq []token
	lastPos := -1
	for _, t := range toks {
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
	var found, spanFound []int
	used := map[int]bool{}
	for i := 0; i < len(seq); {
		best, bestLen := -1, 0
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
			namePos[seq[i+k].pos] = true
		}
		if !used[best] {
			used[best] = true
			if inSpan(seq[i].pos) {
				spanFound = append(spanFound, best)
			} else {
				found = append(found, best)
			}
		}
		i += bestLen
	}
	return append(spanFound, found...)
}

// missingNames returns the capitalised names in the question that no
// briefing mentions, joined into phrases.
func (e *Engine) missingNames(text string, toks []token) []string {
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
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
	for _, t := range toks {
		if t.has(tokAlias) || t.has(tokPart) || t.term == "" || !t.has(tokCap) || t.pos == 0 || t.has(tokNum) {
			continue
		}
		if honorifics[t.word] {
			continue
		}
		if e.knownTerm(t.term) {
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
func (e *Engine) resolveSpan(q *question, span []token, framing map[int]bool, namePos map[int]bool) {
	var terms []string
	var words []string
	for _, t := range span {
		if t.term == "" || t.has(tokAlias) || t.has(tokPart) || framing[t.pos] {
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
			if namePos[t.pos] && e.namesSource(si, t.term) {
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
		name := e.an.terms(s.summary.Name + " " + s.summary.Role + " " + strings.Join(s.summary.Aliases, " "))
		ok := true
		for _, t := range terms {
			if !contains(name, t) {
				ok = false
				break
			}
		}
		if ok && (best < 0 || len(s.docs) > len(e.sources[best].docs)) {
			best = si
		}
	}
	if best >= 0 {
		q.speakers = append([]int{best}, q.speakers...)
		for _, t := range span {
			if t.term != "" {
				namePos[t.pos] = true
			}
		}
		return
	}
	if !named {
		q.typ = qWhat
		return
	}
	q.unquoted = strings.Join(words, " ")
}

// namesSource reports whether term is part of a name of source si.
func (e *Engine) namesSource(si int, term string) bool {
	for _, es := range e.names {
		for _, n := range es {
			if n.source == si && contains(n.terms, term) {
				return true
			}
		}
	}
	return false
}

// startsName reports whether t (lower case) begins a source's name.
func (e *Engine) startsName(t token) bool {
	return t.term != "" && len(e.names[t.term]) > 0
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
	t := strings.ToLower(strings.TrimSpace(text))
	t = strings.TrimRight(t, "?!. ")
	for _, p := range [...]string{"what is ", "what are ", "what was ", "what's ", "what’s ", "who is ", "who are ", "who was "} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			rest = strings.TrimPrefix(rest, "the ")
			if d, ok := e.defines[strings.TrimSpace(rest)]; ok {
				return d
			}
			return -1
		}
	}
	return -1
}
