package qa

import (
	"cmp"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// FollowUp answers question as a follow-up to the answer whose Ref is ref.
// It resolves what the question points back to, from the earlier answer
// alone: a pronoun to its speaker or to someone it names ("he", "she",
// "they"), or to what it says ("it", "that"); an elliptical question ("Why?",
// "When?", "Anything else?") to its passage; "And X?" to the same kind of
// question about X; "else", "other" and "more" to answers other than it.
// Understood and Why say what was understood ("taking 'he' as Jane
// Doe"). A follow-up it cannot resolve (no earlier answer, or a pronoun
// with no referent) is answered as a fresh question, saying so; one whose
// pronoun stands for its only subject is then declined, as nothing says
// whom or what it asks about.
func (e *Engine) FollowUp(ref, question string) Answer {
	var th *thread
	if pt, ok := e.parseRef(ref); ok && pt.doc >= 0 {
		t := e.threadOf(pt)
		th = &t
	}
	r := e.resolveFollowUp(th, normalizeSpace(question))
	if r.unresolved != "" || th == nil || !r.pointsBack() {
		return e.fresh(question, th, r)
	}
	a := Answer{Question: question, More: []Match{}}
	q := e.parseQuestion(r.text)
	r.apply(e, *th, &q)
	if decline := e.unanswerable(&q); decline != "" {
		a = e.abstain(a, &q, decline)
	} else {
		s := e.ix.getScratch()
		a = e.answer(a, &q, s)
		e.ix.putScratch(s)
	}
	if !a.Answered && r.implicit {
		return e.Ask(question) // a short question of its own after all
	}
	a.Understood = strings.Join(r.notes, "; ")
	a.Why = a.Understood + "; " + a.Why
	return a
}

// fresh answers a follow-up that could not be resolved as a new question.
// When it looked back (a pronoun, "else", an elliptical question), the
// answer says so; when a pronoun left unresolved was its only subject, it
// is declined.
func (e *Engine) fresh(question string, th *thread, r followUp) Answer {
	a := e.Ask(question)
	if !r.looksBack() {
		return a
	}
	why := r.unresolved
	switch {
	case why != "":
	case th == nil:
		why = "there is no earlier answer to follow up"
	default:
		why = "nothing in the earlier answer fits it"
	}
	understood := "answered as a new question: " + why
	if len(r.dangling) > 0 && !r.subject {
		a = e.abstain(Answer{Question: question, More: []Match{}}, nil, "the question does not say who or what '"+r.dangling[0]+"' is")
	}
	a.Understood = understood
	a.Why = understood + "; " + a.Why
	return a
}

// A thread is the earlier answer a follow-up may point back to.
type thread struct {
	doc     int32 // the answer sentence
	join    int32 // the sentence before it that its passage includes, or -1
	typ     qType // the earlier question's type
	hasTyp  bool
	speaker int   // who said it, or -1
	named   []int // the sources its passage names, in order
}

// threadOf gathers what the answer at pt offers a follow-up.
func (e *Engine) threadOf(pt refPoint) thread {
	th := thread{doc: pt.doc, join: e.joinsWith(pt.doc), typ: pt.typ, hasTyp: pt.hasTyp, speaker: int(e.docs[pt.doc].speaker)}
	for _, d := range th.docs() {
		toks := e.an.tokens(e.docs[d].text, nil, false)
		var ps posSet
		for _, si := range e.findSpeakers(toks, nil, &ps) {
			if !slices.Contains(th.named, si) {
				th.named = append(th.named, si)
			}
		}
	}
	return th
}

// docs returns the sentences of the earlier answer's passage, in order.
func (th *thread) docs() []int32 {
	if th.join >= 0 {
		return []int32{th.join, th.doc}
	}
	return []int32{th.doc}
}

// A followUp is a follow-up question resolved against its thread.
type followUp struct {
	text       string   // the question with its pronouns replaced by the names they stand for
	notes      []string // what was understood, for Why
	unresolved string   // why a pronoun it uses names no one in the earlier answer
	dangling   []string // the pronouns left without a referent
	subject    bool     // the question names someone or something of its own
	context    bool     // the question is about what the earlier passage says
	weak       bool     // the earlier passage's words rank but need not be covered
	inherit    bool     // "And X?": the earlier question's kind, about X
	implicit   bool     // only its shortness and want of a subject tie it to the earlier answer
	rankOnly   bool     // the earlier passage's words only rank
	exclude    bool     // "else", "other", "more": not the earlier answer
	speaker    int      // the source a pronoun names, or -1
	pronouns   []string // the pronouns taken as the earlier answer's subject
}

// pointsBack reports whether the follow-up was resolved against the
// earlier answer.
func (r *followUp) pointsBack() bool { return r.context || r.exclude || r.speaker >= 0 }

// looksBack reports whether the question reads as a follow-up at all.
func (r *followUp) looksBack() bool { return r.pointsBack() || len(r.dangling) > 0 }

// followWords are the words that ask for answers other than the one given.
var followWords = map[string]bool{"else": true, "other": true, "others": true, "another": true, "more": true, "further": true, "additional": true}

// personal, plural and thing pronouns, by what they can stand for.
var (
	personPronouns = map[string]bool{"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true, "himself": true, "herself": true}
	pluralPronouns = map[string]bool{"they": true, "them": true, "their": true, "theirs": true, "themselves": true}
	thingPronouns  = map[string]bool{"it": true, "its": true, "itself": true, "that": true, "this": true, "these": true, "those": true}
	possessives    = map[string]bool{"his": true, "her": true, "their": true, "its": true, "hers": true, "theirs": true}
	feminine       = map[string]bool{"she": true, "her": true, "hers": true, "herself": true}
)

// resolveFollowUp reads text against th, the earlier answer (nil when there
// is none).
func (e *Engine) resolveFollowUp(th *thread, text string) followUp {
	words := scanWords(clipQuestion(text), nil)
	r := e.rewritePronouns(th, text, words)
	own, unknown := 0, 0
	own, unknown, r.subject = e.ownTerms(r.text)
	r.subject = r.subject || r.speaker >= 0
	if th == nil {
		if own == 0 || r.exclude {
			r.dangling = append(r.dangling, "that")
		}
		return r
	}
	r.inherit = own > 0 && startsAnd(words)
	r.rankOnly = r.inherit
	// "Why?", "When was that?", "Anything else?", "And X?", and a short
	// question that names nothing ("How many died?"): about the earlier
	// answer.
	// A word the briefings never use ("What is the price of bitcoin?") asks
	// about something new: read fresh, never pinned to the earlier answer.
	r.implicit = !r.context && own > 0 && unknown == 0 && !r.inherit && !r.subject && own <= maxImplicit && !r.exclude && r.speaker < 0
	r.context = r.context || own == 0 || r.inherit || r.implicit
	r.weak = own > 0
	if r.context {
		r.notes = appendNote(r.notes, e.contextNote(*th, r))
	}
	if r.exclude {
		r.notes = appendNote(r.notes, "other than the earlier answer")
	}
	return r
}

// rewritePronouns reads the pronouns and "else" words of text (its words
// scanned) against th: a pronoun that stands for a source is replaced by
// its name, "else" and its kin are dropped, and a pronoun that stands for
// what the earlier answer says, or for no one, is noted.
func (e *Engine) rewritePronouns(th *thread, text string, words []word) followUp {
	r := followUp{speaker: -1}
	var b strings.Builder
	last := 0
	replace := func(w word, with string) {
		b.WriteString(text[last:w.start])
		b.WriteString(with)
		last = w.end
	}
	namedPerson, namedOther := false, false
	for i, w := range words {
		if w.cap && i > 0 {
			p, o := e.namesKinds(text[w.start:w.end])
			namedPerson, namedOther = namedPerson || p, namedOther || o
		}
		written := text[w.start:w.end]
		// A pronoun after a name the question gives is the question's own:
		// "what did the union say in its statement".
		own := personPronouns[w.norm] && namedPerson || (pluralPronouns[w.norm] || thingPronouns[w.norm]) && namedOther
		switch {
		case followWords[w.norm] && !(i+1 < len(words) && words[i+1].norm == "than"):
			r.exclude = true
			b.WriteString(text[last:w.start])
			last = skipSpace(text, w.end)
		case own || th == nil && (personPronouns[w.norm] || pluralPronouns[w.norm] || thingPronouns[w.norm] && isPronounAt(words, i)):
			if !own {
				r.dangling = append(r.dangling, written)
			}
		case personPronouns[w.norm] || pluralPronouns[w.norm]:
			si := e.referent(*th, w.norm)
			if si < 0 && personPronouns[w.norm] {
				r.dangling = append(r.dangling, written)
				r.unresolved = "'" + written + "' names no one in the earlier answer"
				continue
			}
			if si < 0 { // "they": what the earlier answer is about
				r.context = true
				r.pronouns = append(r.pronouns, written)
				continue
			}
			name := e.sources[si].summary.Name
			if possessives[w.norm] && !(w.norm == "her" && objectPosition(words, i)) {
				name += "'s"
			}
			replace(w, name)
			r.speaker = si
			r.notes = appendNote(r.notes, "taking '"+written+"' as "+e.sources[si].summary.Name)
		case thingPronouns[w.norm] || w.norm == "so" && i > 0 && opinionVerbs[words[i-1].norm]:
			if si := e.speakerSlot(*th, words, i); si >= 0 {
				replace(w, e.sources[si].summary.Name)
				r.speaker = si
				r.notes = appendNote(r.notes, "taking '"+written+"' as "+e.sources[si].summary.Name)
				continue
			}
			r.context = true
			r.pronouns = append(r.pronouns, written)
		}
	}
	b.WriteString(text[last:])
	r.text = strings.TrimSpace(b.String())
	return r
}

// namesKinds reports whether word begins the name of a person, or of
// another kind of source.
func (e *Engine) namesKinds(word string) (person, other bool) {
	for _, t := range e.primary(word) {
		for _, n := range e.names[t] {
			if e.sources[n.source].summary.Kind == string(knowledge.Person) {
				person = true
			} else {
				other = true
			}
		}
	}
	return person, other
}

// isPronounAt reports whether the thing word at i stands alone ("did it",
// "was that") rather than before a noun ("that year").
func isPronounAt(words []word, i int) bool {
	w := words[i].norm
	if w == "it" || w == "its" || w == "itself" {
		return true
	}
	return i+1 >= len(words) || isStop(words[i+1].norm)
}

// skipSpace returns the index of the first byte at or after i that is not a
// space.
func skipSpace(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}

// objectPosition reports whether "her" at i is an object ("told her"), not
// a possessive ("her view"): nothing but a stop word or the end follows it.
func objectPosition(words []word, i int) bool {
	return i+1 >= len(words) || isStop(words[i+1].norm)
}

// startsAnd reports whether the question opens "And ...", "What about ..."
// or "How about ...": the earlier question, about something else.
func startsAnd(words []word) bool {
	if len(words) == 0 {
		return false
	}
	w0 := words[0].norm
	if w0 == "and" || w0 == "also" {
		return true
	}
	return len(words) > 1 && (w0 == "what" || w0 == "how") && words[1].norm == "about"
}

// maxImplicit is the most words a follow-up that names nothing may have
// for it to be taken as about the earlier answer.
const maxImplicit = 3

// ownTerms counts the content terms of text that are not framing: what the
// follow-up asks about in its own words, and how many of them the briefings
// never use, nor any word related to them; subject says whether it names someone or something (a name, a
// number, a source).
func (e *Engine) ownTerms(text string) (n, unknown int, subject bool) {
	q := e.parseQuestion(text)
	for _, t := range q.terms {
		if !t.optional {
			n++
			if !t.known && len(t.related) == 0 {
				unknown++ // neither it nor a related word occurs
			}
			subject = subject || t.entity
		}
	}
	return n, unknown, subject || len(q.speakers) > 0 || len(q.missing) > 0
}

func appendNote(notes []string, n string) []string {
	if n == "" || slices.Contains(notes, n) {
		return notes
	}
	return append(notes, n)
}

// referent returns the source a personal or plural pronoun stands for in
// the earlier answer, or -1: its speaker when of the right kind, else the
// first source of that kind its passage names.
func (e *Engine) referent(th thread, pronoun string) int {
	person := personPronouns[pronoun]
	fits := func(si int) bool {
		if si < 0 {
			return false
		}
		s := &e.sources[si]
		switch knowledge.SourceKind(s.summary.Kind) {
		case knowledge.Person:
			return person && (s.gender == 0 || (s.gender == 'f') == feminine[pronoun])
		case knowledge.MediaCredit:
			return false
		}
		return !person
	}
	if fits(th.speaker) {
		return th.speaker
	}
	for _, si := range th.named {
		if fits(si) {
			return si
		}
	}
	return -1
}

// speakerSlot returns the earlier answer's speaker when the pronoun at i
// stands where a speaker does ("what did it say", "what else did they
// announce"), or -1.
func (e *Engine) speakerSlot(th thread, words []word, i int) int {
	if th.speaker < 0 || i == 0 || i+1 >= len(words) || !isAuxiliary(words[i-1].norm) {
		return -1
	}
	if !opinionVerbs[words[i+1].norm] || words[i].norm != "it" {
		return -1
	}
	return th.speaker
}

// contextNote says which passage the follow-up was taken to be about.
func (e *Engine) contextNote(th thread, r followUp) string {
	what := "the question"
	if len(r.pronouns) > 0 {
		what = "'" + r.pronouns[0] + "'"
	}
	if r.inherit {
		return "taking it as the earlier question (" + e.typeName(th) + ") about " + strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(r.text, "And "), "and ")), "?!. ")
	}
	return "taking " + what + " as about the earlier answer (“" + clipWords(strings.Trim(e.docs[th.doc].text, "“”\"' "), 8) + "”)"
}

func (e *Engine) typeName(th thread) string {
	if th.hasTyp {
		return th.typ.String()
	}
	return "what"
}

// clipWords returns the first n words of s, with "…" when cut.
func clipWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return s
	}
	return strings.Join(ws[:n], " ") + "…"
}

// maxContext bounds the earlier passage's terms a follow-up adds.
const maxContext = 6

// contextWeight is the share of its idf an earlier passage's term weighs
// beside the follow-up's own words.
const contextWeight = 0.5

// apply turns q, the parsed follow-up, into the question to search for:
// the earlier passage's words, the earlier question's kind, the sentences
// not to answer with, and the earlier passage and its paragraph as
// candidates.
func (r *followUp) apply(e *Engine, th thread, q *question) {
	q.follow = true
	if r.inherit && th.hasTyp && q.typ == qWhat {
		q.typ = th.typ
		if th.typ == qSaid && th.speaker >= 0 && len(q.speakers) == 0 {
			q.speakers = []int{th.speaker}
		}
	}
	q.prior = th.docs()
	if r.exclude {
		q.exclude = q.prior
		r.otherBy(e, th, q)
	}
	if r.context {
		e.addContext(th, r, q)
	}
	pa := &e.paras[e.docs[th.doc].para]
	for d := pa.first; d < pa.first+pa.count; d++ {
		q.focus = append(q.focus, d)
	}
	if th.join >= 0 && e.docs[th.join].para != e.docs[th.doc].para {
		q.focus = append(q.focus, th.join)
	}
}

// otherBy makes "what else did he say" and "anything else?" after a quote
// ask for what the same speaker said besides: the follow-up's other words
// then only rank.
func (r *followUp) otherBy(e *Engine, th thread, q *question) {
	si := r.speaker
	if si < 0 && !r.weak {
		si = th.speaker
	}
	if si < 0 || q.typ != qWhat && q.typ != qSaid && q.typ != qYesNo {
		return
	}
	q.typ = qSaid
	q.speakers = append([]int{si}, slices.DeleteFunc(q.speakers, func(x int) bool { return x == si })...)
	for i := range q.terms {
		if !q.terms[i].speaker {
			q.terms[i].optional = true
		}
	}
	q.hasTopic = false
	if !slices.ContainsFunc(q.terms, func(t queryTerm) bool { return t.speaker }) {
		for _, t := range e.primary(e.sources[si].summary.Name) {
			if idf, known := e.ix.idfOf(t, e.tune.unknownWeight); known && len(q.terms) < maxTerms {
				q.terms = append(q.terms, queryTerm{term: t, word: t, idf: idf, known: true, id: e.ix.idOf(t), speaker: true, entity: true})
			}
		}
	}
	r.weak, r.rankOnly = true, true // the earlier passage's words only rank
}

// addContext adds the earlier passage's rarest terms to q: required when
// the follow-up has no words of its own, else weaker ones that only rank.
func (e *Engine) addContext(th thread, r *followUp, q *question) {
	type ct struct {
		t   queryTerm
		idf float32
	}
	var cs []ct
	for _, d := range th.docs() {
		for _, t := range e.an.tokens(e.docs[d].text, nil, false) {
			if t.term == "" || t.has(tokAlias) || t.has(tokPart) || reportingStems[t.term] || t.has(tokNum) && isYearWord(t) {
				continue
			}
			id, ok := e.ix.ids[t.term]
			if !ok || slices.ContainsFunc(q.terms, func(x queryTerm) bool { return x.term == t.term }) ||
				slices.ContainsFunc(cs, func(x ct) bool { return x.t.term == t.term }) {
				continue
			}
			if r.speaker >= 0 && e.namesSource(r.speaker, t.term) {
				continue
			}
			entity := t.has(tokCap) && t.pos > 0 || t.has(tokAllCaps) || t.has(tokNum) || e.proper[t.term]
			cs = append(cs, ct{queryTerm{term: t.term, word: t.word, known: true, id: id, entity: entity}, e.ix.idf[id]})
		}
	}
	slices.SortStableFunc(cs, func(a, b ct) int { return cmp.Compare(b.idf, a.idf) })
	if len(cs) > maxContext {
		cs = cs[:maxContext]
	}
	for _, c := range cs {
		if len(q.terms) == maxTerms {
			break
		}
		c.t.idf = c.idf
		if r.weak {
			c.t.idf *= contextWeight
			c.t.optional = r.rankOnly
		}
		q.terms = append(q.terms, c.t)
		q.hasTopic = true
	}
}

// ContentKey returns the question's content terms, stemmed, deduplicated,
// sorted and joined by spaces: questions worded alike share a key.
func ContentKey(question string) string {
	var an analyzer
	ts := an.terms(normalizeSpace(question))
	slices.Sort(ts)
	return strings.Join(slices.Compact(ts), " ")
}
