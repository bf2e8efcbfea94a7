package qa

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	en "github.com/briefbot/briefbot/knowledge/english"
)

// A tuning holds the constants chosen by measurement: the BM25 parameters
// and the abstention thresholds (see TestTuneBM25 and TestAbstentionSweep,
// which tune on answerable and unanswerable questions together).
type tuning struct {
	bm25          bm25Params
	minCoverage   float64 // IDF-weighted share of the question's terms the answer must cover
	minRelation   float64 // the share of its relation words: the terms that are not names
	minTopic      float64 // for "what did X say about Y": the share of Y
	minRelevance  float64 // BM25 score over the sum of the question's idf
	unknownWeight float64 // a question word no briefing has weighs this share of the highest idf

	model         *logit  // decides whether a candidate answers; nil uses the three thresholds above
	minConfidence float64 // the least probability of the model's that answers
	// sureConfidence is the probability at which the model's word
	// outweighs the topic coverage "what did X say about Y" needs, when
	// what the answer lacks of Y is in words no briefing uses
	sureConfidence float64

	rel          [numRelKinds]relWeight // how much each kind of WordNet relation counts
	kinds        relKinds               // the kinds rel weighs
	strongCredit float64                // how much of a question term a strong related term covers
	faintCredit  float64                // how much a faint one covers (a word of a definition)
}

var defaultTuning = tuning{
	bm25:           defaultParams,
	minCoverage:    0.65,
	minRelation:    0.45,
	minTopic:       0.5,
	minRelevance:   0.25,
	unknownWeight:  0.7,
	model:          &answerModel,
	minConfidence:  0.65,
	sureConfidence: 0.85,
	rel:            defaultRelations,
	strongCredit:   0.75,
	faintCredit:    0.3,
}

const (
	maxRelevance    = 2.0 // cap on the BM25 share of a candidate's score
	coverageFloor   = 0.3 // the least coverage an answer needs, whatever the model says (not tuned: a floor under it)
	candidatesK     = 16  // BM25 candidates reranked per question
	whyCandidatesK  = 32  // for "why", which looks past sentences that only restate the question
	maxSpeakerCands = 128 // sentences of a speaker the question names reranked besides
	captionPenalty  = 0.5 // captions and video blurbs yield to prose on a tie
	headlinePenalty = 1   // a title line yields to the sentences that say it in full
	maxMore         = 3
	maxTries        = 8  // candidates checked for the kind of answer asked for
	numberDistance  = 8  // "how many": words between the number and a question word
	ageDistance     = 3  // "how old": words between the age and a question word ("52-year-old Vera")
	dateDistance    = 12 // "when": words between the date and a question word
)

// A cand is one candidate answer sentence.
type cand struct {
	d        int32
	bm       float32
	full     uint64 // question terms matched in the sentence, its speaker or role
	half     uint64 // matched only in the heading, through a related term or in the paragraph
	strong   uint64 // matched through a strong related term
	para     uint64 // matched only in the paragraph (or the one before a pronoun refers to)
	cov      float64
	topicCov float64 // coverage of the terms that are not a named speaker's
	relCov   float64 // coverage of the relation words: terms that are not names
	score    float64
}

// Ask answers one question, or declines (Answered false) with the reason,
// suggestions and the passages closest to it.
func (e *Engine) Ask(question string) Answer {
	a := Answer{Question: question, More: []Match{}}
	s := e.ix.getScratch()
	defer e.ix.putScratch(s)
	q, parsed, reason := e.read(question, s) // on the stack: no write barriers
	switch {
	case !parsed:
		return e.abstain(a, nil, reason)
	case reason != "":
		return e.abstain(a, &q, reason)
	}
	return e.answer(a, &q, s)
}

// read parses a question (parsed false when it is empty) and says why it
// cannot be answered at all, before anything is searched: "" when it can
// be searched.
func (e *Engine) read(text string, s *scratch) (q question, parsed bool, reason string) {
	text = normalizeSpace(text)
	if text == "" {
		return q, false, "the question is empty"
	}
	q = e.parseWith(speaksFor(text), s)
	return q, true, e.unanswerable(&q)
}

// speaksFor reads "who speaks for X" (or "spoke", "on behalf of") as "who
// is the spokesperson for X": the role, which a briefing names ("Matt
// Harris, the department's spokesman"), not an act of speaking.
func speaksFor(text string) string {
	if len(text) < 4 || !strings.EqualFold(text[:4], "who ") {
		return text
	}
	for _, v := range [...]string{"speaks for ", "spoke for ", "speak for ", "speaks on behalf of ", "spoke on behalf of ", "speak on behalf of "} {
		if rest, ok := strings.CutPrefix(text[4:], v); ok {
			return text[:4] + "is the spokesperson for " + rest
		}
	}
	return text
}

// unanswerable says why q cannot be answered before anything is searched,
// or "".
func (e *Engine) unanswerable(q *question) string {
	switch {
	case len(q.missing) > 0:
		return "the briefing doesn't mention " + joinList(q.missing)
	case !hasRequired(q.terms):
		return "the question has only common words; name a person, place or topic"
	case q.unquoted != "":
		return "the briefing doesn't quote " + q.unquoted
	}
	for _, t := range q.terms {
		if t.known && !t.optional {
			return ""
		}
	}
	return "none of the question's words (" + termList(q.terms, ^uint64(0), 5) + ") occur in the briefing"
}

// answer searches for q's answer and writes it into a, or declines.
func (e *Engine) answer(a Answer, q *question, s *scratch) Answer {
	e.ix.score(q.terms, s)
	cands := e.rank(q, s)
	if len(cands) == 0 {
		return e.abstain(a, q, "nothing in the briefing matches the question")
	}
	pick, reason := e.choose(q, cands, s)
	if pick < 0 {
		a = e.abstain(a, q, reason)
		a.Closest = e.closest(q, cands)
		return a
	}
	if q.follow {
		pick = e.besideEarlier(q, cands, pick)
	}
	best := cands[pick]
	e.fill(&a, q, best)
	a.More = e.further(q, cands, best.d)
	return a
}

// choose returns the index of the best candidate that offers what the
// question asks for, or -1 and why none does. When none of the first few
// does, the top one says why not. For "why", every candidate is tried: the
// best match may only restate what the question asks about, and the best
// one that passes the other gates and gives a reason, in itself or beside
// it, answers instead.
func (e *Engine) choose(q *question, cands []cand, s *scratch) (int, string) {
	rej := e.offers(q, cands, s)
	for i, r := range rej {
		if r != accepted {
			continue
		}
		if r = e.confident(q, cands, i); r == accepted {
			return i, ""
		}
		rej[i] = r
	}
	first, why, unreasoned, reasoned := -1, accepted, 0, -1
	for i, r := range rej {
		if r == excluded {
			continue
		}
		if r == noReason {
			unreasoned++
		} else if reasoned < 0 && i < maxTries && e.reasonNear(cands[i].d) {
			reasoned = i // it gives a reason, and fell short otherwise
		}
		if first < 0 {
			first, why = i, r
		}
	}
	if q.typ == qWhy && reasoned > first {
		// the best match gives no reason; one below it does, and falls short otherwise
		msg := e.explain(q, cands[reasoned], rej[reasoned])
		for _, p := range [...]string{"the best match ", "the closest passage "} {
			if strings.HasPrefix(msg, p) {
				return -1, "a passage that gives a reason " + msg[len(p):] // "… covers only 3/6 of the question's terms"
			}
		}
		return -1, msg
	}
	switch {
	case unreasoned > 1 && reasoned < 0:
		return -1, "the question asks why, but none of the " + strconv.Itoa(unreasoned) + " passages that match it gives a reason"
	case first < 0:
		return -1, "nothing else in the briefing matches the question"
	}
	return -1, e.explain(q, cands[first], why)
}

// further returns the further matches after the answer at answer: they
// stand elsewhere (the answer's paragraph is its Context), and no sentence
// is offered twice.
func (e *Engine) further(q *question, cands []cand, answer int32) []Match {
	covered := map[int32]int{answer: -1}
	for _, d := range q.exclude {
		covered[d] = -1
	}
	if j := e.joinsWith(answer); j >= 0 {
		covered[j] = -1
	}
	return e.matches(q, cands, covered, e.docs[answer].para, e.tune.minCoverage*0.8, maxMore)
}

// besideEarlier returns, when a follow-up's best answer is the earlier
// answer itself and a sentence beside it in its paragraph offers the kind
// of fact asked for that it lacks ("Why?" with the reason in the next
// sentence), that sentence's candidate; else pick.
func (e *Engine) besideEarlier(q *question, cands []cand, pick int) int {
	best := cands[pick].d
	if !slices.Contains(q.prior, best) {
		return pick
	}
	var want docFlag
	switch q.typ {
	case qWhy:
		want = docReason
	case qWhen:
		want = docDate
	case qWhere:
		want = docPlace
	case qHowMany:
		want = docNumber
	default:
		return pick
	}
	if e.docs[best].has(want) {
		return pick
	}
	for _, k := range [...]int32{best + 1, best - 1} {
		if k < 0 || int(k) >= len(e.docs) || e.docs[k].para != e.docs[best].para || !e.docs[k].has(want) || slices.Contains(q.exclude, k) {
			continue
		}
		for i, c := range cands {
			if c.d == k {
				return i
			}
		}
	}
	return pick
}

// minKept is the least coverage a candidate needs to be kept: below it, it
// can be neither an answer nor shown as a match.
const minKept = minClosest

// maxClosest is how many closest passages a declined question shows.
const maxClosest = 3

// closest returns the passages nearest to a declined question: shown as
// such, never as its answer.
func (e *Engine) closest(q *question, cands []cand) []Match {
	covered := map[int32]int{}
	for _, d := range q.prior {
		covered[d] = -1 // a follow-up's earlier answer is not offered again
	}
	return e.matches(q, cands, covered, -1, minClosest, maxClosest)
}

// minClosest is the least coverage of the question a closest passage has.
const minClosest = 0.2

// matches picks up to max candidates with coverage of at least minCov, not
// in paragraph skip, as Matches. covered maps the sentences shown so far to
// their index in the result, or -1 for ones shown elsewhere; a sentence is
// never offered twice, and one that joins with a sentence already offered
// is shown together with it.
func (e *Engine) matches(q *question, cands []cand, covered map[int32]int, skip int32, minCov float64, max int) []Match {
	var out []Match  // allocated with room for max at the first match
	var buf [4]int32 // as many as maxMore or maxClosest
	shown := buf[:0] // the sentence of each match
	for _, c := range cands {
		if len(out) == max {
			break
		}
		if c.cov < minCov || e.docs[c.d].para == skip {
			continue
		}
		if _, ok := covered[c.d]; ok {
			continue
		}
		d := &e.docs[c.d]
		j := e.joinsWith(c.d)
		if k, ok := covered[j]; j >= 0 && ok {
			// The sentence it joins with is shown already: show the two
			// together there, when that match is the sentence alone and the
			// same speaker's.
			if k >= 0 && shown[k] == j && e.joinsWith(j) < 0 && sameSpeaker(out[k].Speaker, e.speaker(d)) {
				out[k].Passage = e.passage(c.d)
				out[k].Ref = e.refOf(c.d, q.typ)
				shown[k] = c.d
				covered[c.d] = k
			}
			continue
		}
		pa := &e.paras[d.para]
		covered[c.d] = len(out)
		if j >= 0 {
			covered[j] = len(out)
		}
		shown = append(shown, c.d)
		if out == nil {
			out = make([]Match, 0, max)
		}
		out = append(out, Match{
			Passage:  e.passage(c.d),
			Speaker:  e.speaker(d),
			Score:    round2(c.score),
			Briefing: e.briefings[pa.b].Title,
			Section:  pa.section,
			Ref:      e.refOf(c.d, q.typ),
		})
	}
	if out == nil {
		return []Match{}
	}
	return out
}

// sameSpeaker reports whether a and b name the same speaker, or both none.
func sameSpeaker(a, b *Speaker) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Name == b.Name
}

// hasRequired reports whether some term is not optional.
func hasRequired(terms []queryTerm) bool {
	for _, t := range terms {
		if !t.optional {
			return true
		}
	}
	return false
}

// rank scores candidate sentences for q, best first.
func (e *Engine) rank(q *question, s *scratch) []cand {
	w := weighTerms(q, s)
	e.pairNames(q, w)
	top := e.candidateDocs(q, s)
	cands := s.cands[:0]
	earliestFull, best := int32(-1), -1
	for _, d := range top {
		n := len(cands)
		cands = append(cands, cand{}) // scored in place, and dropped again
		c := &cands[n]
		e.scoreCand(q, s, d, w, c)
		if c.cov >= 0.999 && (earliestFull < 0 || d < earliestFull) {
			earliestFull = d
		}
		// A candidate that covers too little to be an answer, a further
		// match or a closest passage is dropped, unless it is the best,
		// which says why nothing answers.
		if c.cov < minKept && best >= 0 && c.score <= cands[best].score {
			cands = cands[:n]
			continue
		}
		if best < 0 || c.score > cands[best].score {
			if best >= 0 && cands[best].cov < minKept {
				cands[best] = *c // the best so far was kept only as the best
				cands = cands[:n]
				continue
			}
			best = n
		}
	}
	for i := range cands {
		d := cands[i].d
		if d == q.defines {
			cands[i].score += 1 // the sentence that says what it is
		}
		if q.typ == qWhoIs && d == earliestFull {
			cands[i].score += 1 // the first sentence that names them in full
		}
	}
	return sortCands(s, cands)
}

// sortCands sorts cands, s's buffer, best first: by score, descending,
// then in reading order, and returns them. A candidate is large: a few are
// sorted in place, more by their keys, each then moved once, into s's
// other buffer, which becomes s's candidates. Scores are never NaN.
func sortCands(s *scratch, cands []cand) []cand {
	if len(cands) <= 8 {
		for i := 1; i < len(cands); i++ {
			c, j := cands[i], i
			for ; j > 0 && candBefore(&c, &cands[j-1]); j-- {
				cands[j] = cands[j-1]
			}
			cands[j] = c
		}
		s.cands = cands
		return cands
	}
	keys := s.keys[:0]
	for i := range cands {
		keys = append(keys, candKey{score: cands[i].score, d: cands[i].d, i: int32(i)})
	}
	if len(keys) <= 32 {
		for i := 1; i < len(keys); i++ {
			k, j := keys[i], i
			for ; j > 0 && k.before(keys[j-1]); j-- {
				keys[j] = keys[j-1]
			}
			keys[j] = k
		}
	} else {
		slices.SortFunc(keys, func(a, b candKey) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.d, b.d))
		})
	}
	sorted := s.sorted[:0]
	for _, k := range keys {
		sorted = append(sorted, cands[k.i])
	}
	s.keys, s.cands, s.sorted = keys, sorted, cands
	return sorted
}

// A candKey is what candidates are sorted by, and where the candidate is.
type candKey struct {
	score float64
	d, i  int32
}

// before reports whether k ranks before o: the higher score, then the
// earlier sentence.
func (k candKey) before(o candKey) bool {
	return k.score > o.score || k.score == o.score && k.d < o.d
}

// candBefore reports whether a ranks before b: the higher score, then the
// earlier sentence.
func candBefore(a, b *cand) bool {
	return a.score > b.score || a.score == b.score && a.d < b.d
}

// termWeights are the idf totals a candidate's coverage is measured against,
// and what scoring a candidate reads of each question term, compactly.
type termWeights struct {
	total    float64 // the terms an answer must cover
	topic    float64 // those that are not a named speaker's
	relation float64 // those that are not names
	optional float64 // the terms that only rank

	idf                                []float64 // by term
	known, optionals, speakers, entity uint64    // bit i: term i is known, optional, a named speaker's, a name

	// names pairs a person's given name with their surname, where the
	// surname alone stands for them ("Olsen" for Marta Olsen)
	names  [maxNamePairs]namePair
	nNames int
}

// maxNamePairs bounds the full names a question's coverage reads.
const maxNamePairs = 4

// A namePair is the term bits of a given name and of the surname after it.
type namePair struct{ given, surname uint64 }

// pairNames fills w.names with the question's full names whose surname,
// in the briefings, follows no other given name: news names a person in
// full once, then by surname, and that surname then covers the full name.
func (e *Engine) pairNames(q *question, w *termWeights) {
	for i := 0; i+1 < len(q.terms) && w.nNames < maxNamePairs; i++ {
		g, l := &q.terms[i], &q.terms[i+1]
		if !g.entity || !l.entity || g.optional || l.optional || g.id < 0 || l.id < 0 || isNumeric(g.term) || isNumeric(l.term) {
			continue
		}
		if e.soleGiven(g.id, l.id) {
			w.names[w.nNames] = namePair{given: 1 << uint(i), surname: 1 << uint(i+1)}
			w.nNames++
		}
	}
}

// soleGiven reports whether the briefings write given before surname, and
// no other capitalised name right before surname ("Marta Olsen", never
// "Nils Olsen"), and always capitalise surname.
func (e *Engine) soleGiven(given, surname int32) bool {
	seen := false
	for _, p := range e.ix.postings[surname] {
		toks := e.docs[p.doc].toks
		for k := range toks {
			t, b := toks[k], dtok{term: -1}
			if k > 0 {
				b = toks[k-1]
			}
			if t.term != surname {
				continue
			}
			if t.mark&markCap == 0 || t.mark&markPlace != 0 {
				return false // "the concert hall", "in Kerman, Iran": a common word or a place, not a surname
			}
			if b.pos+1 != t.pos || b.term < 0 {
				continue
			}
			switch {
			case b.mark&markCap == 0:
			case b.term == given && b.mark&markPlace == 0:
				seen = true
			default:
				return false // another person of that surname, or a title ("Engineer Olsen")
			}
		}
	}
	return seen
}

func weighTerms(q *question, s *scratch) *termWeights {
	w := &s.weights
	*w = termWeights{idf: w.idf[:0]}
	for i := range q.terms {
		t := &q.terms[i]
		bit := uint64(1) << uint(i)
		w.idf = append(w.idf, float64(t.idf))
		if t.known {
			w.known |= bit
		}
		if t.speaker {
			w.speakers |= bit
		}
		if t.entity {
			w.entity |= bit
		}
		if t.optional {
			w.optionals |= bit
			w.optional += float64(t.idf)
			continue
		}
		w.total += float64(t.idf)
		if !t.speaker {
			w.topic += float64(t.idf)
		}
		if !t.entity {
			w.relation += float64(t.idf)
		}
	}
	return w
}

// candidateDocs returns the sentences to rerank: the BM25 top K (more for
// "why", whose reason may stand below many restatements), every
// sentence of a speaker the question names (for who and what-did-X-say),
// and the sentence defining what the question asks about.
func (e *Engine) candidateDocs(q *question, s *scratch) []int32 {
	k := candidatesK
	if q.typ == qWhy {
		k = whyCandidatesK
	}
	top := topK(s, k)
	for _, d := range top {
		s.seen[d] = true
	}
	add := func(d int32) {
		if !s.seen[d] {
			s.seen[d] = true
			top = append(top, d)
		}
	}
	defer func() {
		for _, d := range top {
			s.seen[d] = false
		}
		s.top = top // the buffer, grown, for the next question
	}()
	if q.typ == qSaid || q.typ == qWhoIs || q.typ == qWho {
		for _, si := range q.speakers {
			src := &e.sources[si]
			for k, d := range src.docs {
				if k == maxSpeakerCands {
					break
				}
				add(d)
			}
			if src.intro >= 0 {
				add(src.intro)
			}
		}
	}
	if q.defines >= 0 {
		add(q.defines)
	}
	for _, d := range q.focus {
		add(d)
	}
	return top
}

// scoreCand scores sentence d for q into c: its coverage of the question's
// terms, in itself (full credit), in its heading, through a related term or
// in its paragraph (half), then its relevance and the kind of answer it
// offers.
func (e *Engine) scoreCand(q *question, s *scratch, d int32, w *termWeights, c *cand) {
	a := &s.acc[d]
	*c = cand{d: d, bm: a.score, full: a.full, half: (a.half | a.strong | a.faint) &^ a.full, strong: a.strong &^ a.full}
	mid, faint := a.half, a.faint
	dd := &e.docs[d]
	var around uint64 // the terms of its paragraph, and the one a pronoun refers to, when they may add terms
	if dd.near&nearInPara != 0 {
		around |= s.textOf(&e.paras[dd.para])
	}
	if dd.near&nearReferent != 0 {
		around |= s.textOf(&e.paras[dd.para-1])
	}
	for _, p := range w.names[:w.nNames] {
		if c.full&p.surname != 0 && c.full&p.given == 0 {
			c.full |= p.given // "Olsen" for Marta Olsen
			c.half &^= p.given
			c.strong &^= p.given
			mid &^= p.given
			faint &^= p.given
		}
	}
	// Each term's credit is the first of these it has; the paragraph's
	// terms count for the half and para masks even when optional.
	full, strong := c.full, c.strong&^c.full
	mid &^= full | strong
	para := w.known & around &^ (full | strong | mid)
	faint &^= full | strong | mid | para
	c.half |= para
	c.para |= para
	var got, topicGot, relGot float64
	// The terms without credit add nothing: the sums, in term order, are
	// those of every term.
	for m := (full | strong | mid | para | faint) &^ w.optionals; m != 0; m &= m - 1 {
		i := bits.TrailingZeros64(m)
		bit := uint64(1) << uint(i)
		var credit float64
		switch {
		case full&bit != 0:
			credit = 1
		case strong&bit != 0:
			credit = e.tune.strongCredit
		case mid&bit != 0, para&bit != 0:
			credit = weakCredit
		default:
			credit = e.tune.faintCredit
		}
		idf := w.idf[i]
		got += credit * idf
		if w.speakers&bit == 0 {
			topicGot += credit * idf
		}
		if w.entity&bit == 0 {
			relGot += credit * idf
		}
	}
	c.cov, c.topicCov, c.relCov = share(got, w.total, 0), share(topicGot, w.topic, 1), share(relGot, w.relation, 1)
	rel := 0.0
	if w.total+w.optional > 0 {
		rel = min(float64(c.bm)/(w.total+w.optional), maxRelevance)
	}
	c.score = 10*c.cov + 3*rel + e.typeBonus(q, d)
	if dd.near&nearProse == 0 {
		c.score -= captionPenalty
	}
	if dd.has(docHeadline) {
		c.score -= headlinePenalty
	}
}

// textOf returns the question terms in the text of pa's sentences.
func (s *scratch) textOf(pa *para) uint64 {
	var m uint64
	for k := pa.first; k < pa.first+pa.count; k++ {
		m |= s.acc[k].text
	}
	return m
}

// share returns part/whole, or none when whole is 0.
func share(part, whole, none float64) float64 {
	if whole > 0 {
		return part / whole
	}
	return none
}

// A nearFlag says what ranking needs to know of a sentence's paragraph and
// neighbours, so that scoring a candidate reads the sentence alone.
type nearFlag uint8

const (
	nearProse     nearFlag = 1 << iota // its passage is prose: body, lede or unmarked
	nearInPara                         // its paragraph has other sentences
	nearReferent                       // it opens with a pronoun that may refer to the paragraph before, in its section
	nearAfterDate                      // the sentence before it in its paragraph has a date
)

// markNear sets every sentence's nearFlags.
func (e *Engine) markNear() {
	for di := range e.docs {
		d := &e.docs[di]
		pa := &e.paras[d.para]
		d.near = 0
		if isProse(string(pa.p.Kind)) {
			d.near |= nearProse
		}
		if pa.count > 1 {
			d.near |= nearInPara
		}
		if d.has(docPronoun) && d.para > 0 {
			if pp := &e.paras[d.para-1]; pa.b == pp.b && pa.section == pp.section {
				d.near |= nearReferent
			}
		}
		if e.prevHas(int32(di), docDate) {
			d.near |= nearAfterDate
		}
	}
}

// typeBonus rewards a sentence for offering the kind of answer q asks for.
func (e *Engine) typeBonus(q *question, di int32) float64 {
	d := &e.docs[di]
	bonus := 0.0
	switch q.typ {
	case qWhen:
		switch {
		case d.has(docEvent):
			bonus += 3
		case d.has(docDate):
			bonus += 2
		case d.near&nearAfterDate != 0:
			bonus += 1
		}
	case qHowMany:
		if d.has(docNumber) {
			bonus += 3
		}
	case qWho:
		if d.speaker >= 0 {
			bonus += 1.5
		}
		if d.has(docName) {
			bonus += 0.5
		}
	case qWhoIs:
		for _, si := range q.speakers {
			if e.sources[si].intro == di {
				bonus += 4
			}
			if int(d.speaker) == si {
				bonus += 1
			}
		}
	case qSaid:
		for k, si := range q.speakers {
			if int(d.speaker) == si {
				bonus += 3
				if d.has(docQuote) {
					bonus += 1.5
				}
			}
			if k == 0 {
				break // the one whose view is asked
			}
		}
	case qWhy:
		if d.has(docReason) {
			bonus += 1.5
		}
	case qWhere:
		if d.has(docPlace) {
			bonus += 1.5
		}
	case qHow:
		if d.has(docManner) {
			bonus += 0.5
		}
	}
	return bonus
}

// A rejection is why a candidate does not answer a question.
type rejection uint8

const (
	accepted    rejection = iota
	excluded              // a follow-up asks past it ("what else")
	lowCoverage           // it covers too little of the question
	lowRelation           // it has the names but not the relation words
	weak                  // its BM25 score is too low
	noName                // who or which, and it names no one new
	noDate                // when, and it gives no date for it
	noReason              // why, and it gives no reason
	noNumber              // how many, and it gives no number of it
	notTheirs             // what did X say, and X did not say it
	offTopic              // what did X say about Y, and it is not about Y
	notSaid               // what did the <description> say, and it does not name them
	noPredicate           // who did X, and it does not say who did X
	noFrequency           // how often, and it does not say how often
	toldOther             // what did X tell Y, and it says whom else X told
	noPlace               // where, and it has no word of place at all
)

// offers says, for each candidate choose tries, whether it offers the kind
// of answer q asks for (accepted) or why not: the first maxTries, or all
// for "why", past those a follow-up excludes. The result is s's buffer.
func (e *Engine) offers(q *question, cands []cand, s *scratch) []rejection {
	tries := maxTries
	if q.typ == qWhy {
		tries = len(cands)
	}
	rej := s.rej[:0]
	for i := 0; i < len(cands) && i < tries; i++ {
		r := excluded
		switch {
		case slices.Contains(q.exclude, cands[i].d):
			tries++
		case e.tune.model == nil:
			if r = e.belowThresholds(q, cands[i]); r == accepted {
				r = e.lacksKind(q, cands[i])
			}
		default:
			if r = e.lacksKind(q, cands[i]); r == offTopic && e.paraphrasesTopic(q, cands, i) {
				r = accepted
			}
		}
		rej = append(rej, r)
	}
	s.rej = rej
	return rej
}

// confident says whether candidate i, which offers the kind of answer
// asked for, is likely enough to answer q (accepted), or why not. The
// sentence that says what X is answers "what is X" when it covers the
// question.
func (e *Engine) confident(q *question, cands []cand, i int) rejection {
	if e.tune.model == nil {
		return accepted // the thresholds were checked with the kind
	}
	if cands[i].d == q.defines {
		return e.belowThresholds(q, cands[i])
	}
	if q.typ == qHowMany && q.how == "old" && q.namesOne() && ageOf(e.docs[cands[i].d].toks, q, e.ix.idOf("old")) {
		// "how old is X": an age beside X's name says it all, however the
		// sentence ranks and though it gives X's surname only ("Parise, 35,")
		return accepted
	}
	if cands[i].relCov == 0 && hasRelation(q) {
		return lowRelation // it has the names, but nothing of what is asked about them
	}
	if cands[i].cov < coverageFloor {
		return lowCoverage // too little of the question, whatever else the model sees
	}
	if e.roleHolds(q, cands[i].d) {
		return accepted // its speaker's role says it all: "the director of X" for "who is in charge of X"
	}
	if q.typ == qYesNo && !coversFocus(q, cands[i]) {
		return lowCoverage // "was it made of cast iron?" against a sentence that does not say what it was made of
	}
	x := e.features(q, cands, i)
	if e.tune.model.prob(&x) >= e.tune.minConfidence {
		return accepted
	}
	if r := e.belowThresholds(q, cands[i]); r != accepted {
		return r // why, in terms of coverage
	}
	return weak
}

// roleHolds reports whether "who" question q asks for the holder of a
// role that sentence di's speaker holds, and di is the sentence that
// introduces them: the role has every word of q, one of them perhaps
// through a related word. "The director of the Tarn
// Friendship Hospital" answers "who is in charge of the Tarn Friendship
// Hospital", whatever the model makes of the sentence; "transportation
// chief" does not answer "who chairs the transit trust".
func (e *Engine) roleHolds(q *question, di int32) bool {
	d := &e.docs[di]
	if q.typ != qWho || d.speaker < 0 || e.sources[d.speaker].intro != di {
		return false // only the sentence that introduces the speaker, with their role
	}
	s := &e.sources[d.speaker]
	if lesserRole(s.summary.Role) {
		return false // "deputy director of the museum" is not in charge of it
	}
	related := 0 // the words the role holds only through a related word
	for _, t := range q.terms {
		switch {
		case t.optional || slices.Contains(s.roleIDs, t.id):
		case slices.ContainsFunc(t.related, func(r relTerm) bool { return slices.Contains(s.roleIDs, r.id) }):
			related++
		default:
			return false
		}
	}
	return related <= 1 && e.roleAnswers(q, s)
}

// lesserRole reports whether role is a deputy's, an assistant's or a
// former holder's: "deputy director of X", "assistant to the director".
func lesserRole(role string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(role)) {
		switch strings.Trim(w, ",") {
		case "deputy", "assistant", "vice", "associate", "former", "ex", "to":
			return true
		}
		if strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "vice-") {
			return true
		}
	}
	return false
}

// belowThresholds says whether best covers too little of q, or is too
// weak, to answer it.
func (e *Engine) belowThresholds(q *question, best cand) rejection {
	if best.cov < e.tune.minCoverage {
		return lowCoverage
	}
	if best.relCov < e.tune.minRelation {
		return lowRelation
	}
	var total float64
	for _, t := range q.terms {
		if !t.optional {
			total += float64(t.idf)
		}
	}
	if total > 0 && float64(best.bm)/total < e.tune.minRelevance {
		return weak
	}
	return accepted
}

// lacksKind says whether best lacks the kind of answer q asks for: a name
// for who, a date for when, a reason for why, a number for how many, the
// speaker's own words for what did X say.
func (e *Engine) lacksKind(q *question, best cand) rejection {
	d := &e.docs[best.d]
	if q.naming && !givesTitle(d.text) && e.titleNext(q, best.d) < 0 {
		return noName
	}
	if !q.naming && q.name && !e.givesName(q, best.d) && e.namesNext(q, best.d) < 0 && !e.speakerNamedNext(q, best.d) || q.role != "" && !e.holdsRole(q, best) {
		return noName
	}
	if q.typ == qWho || q.typ == qWhoIs {
		if p := predicate(q); p >= 0 && !q.says && !q.objectWho && !holdsPredicate(q, best, p) {
			return noPredicate
		}
	}
	if q.view != 0 && !e.fromView(q, best) {
		return notTheirs // "according to state radio": not the association's figure
	}
	switch q.typ {
	case qWhen:
		if j := e.joinsWith(best.d); !e.dateNear(best.d, q) && !(j >= 0 && e.dateNear(j, q)) {
			return noDate
		}
	case qWhy:
		if !e.reasonNear(best.d) || e.reasonBeside(best.d) < 0 && e.openerIsEvent(q, e.docs[best.d].text) {
			return noReason
		}
	case qHowMany:
		if j := e.joinsWith(best.d); !e.numberNear(best.d, q) && !(j >= 0 && e.numberNear(j, q)) {
			return noNumber
		}
	case qWhere:
		j := e.joinsWith(best.d)
		if !saysWhere(d) && !(j >= 0 && saysWhere(&e.docs[j])) {
			return noPlace
		}
		if q.town && !e.placesTown(q, d) && !(j >= 0 && e.placesTown(q, &e.docs[j])) {
			return noPlace // "which city": not "by the United States"
		}
	case qWhat:
		if len(q.sayer) > 0 && !e.namesSayer(q, best) {
			return notSaid
		}
		if q.how == "often" && !e.joinedHas(best.d, docOften) {
			return noFrequency
		}
	case qSaid:
		if len(q.speakers) == 0 {
			break
		}
		var spk uint64
		for i, t := range q.terms {
			if t.speaker {
				spk |= 1 << uint(i)
			}
		}
		if int(d.speaker) != q.speakers[0] && (best.full&spk != spk || !e.reportsWith(best.d)) {
			return notTheirs
		}
		if len(q.told) > 0 && e.toldOther(q, d) {
			return toldOther
		}
		if q.hasTopic && best.topicCov < e.tune.minTopic {
			return offTopic
		}
	}
	return accepted
}

// fromView reports whether candidate c, for a fact question asked
// "according to X", may give X's account: X is its speaker (or a speaker
// only described), or it is narration that names X or reports what
// someone it does not name said ("the agency said").
func (e *Engine) fromView(q *question, c cand) bool {
	sp := e.docs[c.d].speaker
	if len(q.speakers) > 0 && int(sp) == q.speakers[0] {
		return true
	}
	if sp >= 0 {
		// its speaker is X when their name and role hold X's words ("the
		// camp's medics"), or when it is only described ("the agency said"
		// for "according to the TMA"); another named source's word on X
		// is not X's ("the association disputed the state radio count")
		return e.isView(q, int(sp)) || strings.ToLower(e.sources[sp].summary.Name) == e.sources[sp].summary.Name
	}
	// narration that names X by its last word: a figure "expected by AAA",
	// "Moe sailed the route for 31 years" for "according to Karl Eriksen
	// Moe"; not "expected by the Tarn Motor Club" for "according to the
	// police"
	head := uint64(1) << uint(63-bits.LeadingZeros64(q.view))
	return c.full&head != 0 || e.reports(&e.docs[c.d]) // or reports what someone unnamed said: "the agency said"
}

// isView reports whether source si's name and role hold every word of
// the X of "according to X".
func (e *Engine) isView(q *question, si int) bool {
	for m := q.view; m != 0; m &= m - 1 {
		if !slices.Contains(e.sources[si].allTerms, q.terms[bits.TrailingZeros64(m)].term) {
			return false
		}
	}
	return true
}

// placesTown reports whether sentence d may name a town or city: a name
// that is no country or continent, and not one the question gives
// ("detained in Miami", "the storm hit Tarnby hardest", "Mexico City",
// whose "City" the question's optional "city" does not give). A U.S. state
// may be a city too ("in New York").
func (e *Engine) placesTown(q *question, d *doc) bool {
	for _, t := range d.toks {
		if t.mark&(markPlace|markName) != 0 && !e.regions[t.term] && !q.givesName(t.term) {
			return true
		}
	}
	return false
}

// saysWhere reports whether sentence d may say where: it places a name
// ("in Vell"), names something, or has a preposition of place ("on the
// southwest side of the lake"). "There is still a ways to go" has none.
func saysWhere(d *doc) bool {
	if d.has(docPlace) || d.has(docName) {
		return true
	}
	for w := range strings.FieldsSeq(d.text) {
		if w = strings.ToLower(strings.Trim(w, wordEdges)); wherePrepositions[w] || placeWords[w] {
			return true
		}
	}
	return false
}

// wherePrepositions, besides placeWords, may open a phrase that says
// where, or say it themselves.
var wherePrepositions = map[string]bool{
	"on": true, "onto": true, "beside": true, "behind": true, "between": true, "opposite": true,
	"within": true, "over": true, "under": true, "where": true, "abroad": true, "overseas": true, "nearby": true,
}

// toldOther reports whether sentence d says whom something was told, and
// none of them is whom "what did X tell Y" asks about: "told parliament"
// for "what did she tell hospital managers", "told journalists" for "tell
// the judge", "was told by police" for "tell police" (the telling went
// the other way). A pronoun ("told us"), no one named, or a passive with no
// teller ("had been told") says nothing either way.
func (e *Engine) toldOther(q *question, d *doc) bool {
	words := strings.Fields(d.text)
	other := false // some telling names someone else
	for i, w := range words {
		switch w = strings.ToLower(strings.Trim(w, wordEdges)); w {
		case "told", "tells", "telling", "tell":
		default:
			continue
		}
		if w == "told" && i > 0 && en.IsBeForm(strings.ToLower(words[i-1])) {
			// "had been told": told, not telling; "was told by police": the
			// telling went the other way
			other = other || i+1 < len(words) && strings.ToLower(words[i+1]) == "by"
			continue
		}
		named := false
		for _, n := range words[i+1 : min(i+1+maxAddressee, len(words))] {
			n = strings.ToLower(strings.Trim(n, wordEdges))
			if n == "" || addresseeEnds[n] || tellPronouns[n] {
				break
			}
			if isStop(n) {
				continue
			}
			named = true
			if e.tellsAsked(q, n) {
				return false
			}
		}
		other = other || named
	}
	return other
}

// maxAddressee bounds the words after "told" read as whom: "told a
// meeting of hospital managers".
const maxAddressee = 6

// tellPronouns stand for whom something was told without naming them.
var tellPronouns = map[string]bool{
	"me": true, "us": true, "you": true, "him": true, "her": true, "them": true, "it": true,
}

// tellsAsked reports whether word w of a sentence is, or relates to, a
// term of whom the question asks X told.
func (e *Engine) tellsAsked(q *question, w string) bool {
	term := e.an.term(w)
	id := e.ix.idOf(term)
	for _, t := range q.terms {
		if !slices.Contains(q.told, t.term) {
			continue
		}
		if t.term == term || id >= 0 && slices.ContainsFunc(t.related, func(r relTerm) bool { return r.id == id }) {
			return true
		}
	}
	return false
}

// paraphrasesTopic reports whether candidate i, a statement that covers
// too little of the topic of a "what did X say about Y" question, answers
// it all the same: the model is sure of it, and every word of Y it lacks is
// one no briefing uses, so Y is put in other words ("the county reaching
// this point"), not another topic the briefing treats elsewhere ("what did
// she tell the port authority" against what she told a news agency).
// Round twelve tried 0.70 and took it back: "what did Berg say about house
// prices" found "Berg said the line would cost 240 million crowns", and
// with a word of Y required in the answer's own words, "housing costs"
// still did.
func (e *Engine) paraphrasesTopic(q *question, cands []cand, i int) bool {
	c := &cands[i]
	for m := topicMask(q) &^ (c.full | c.half); m != 0; m &= m - 1 {
		if t := &q.terms[bits.TrailingZeros64(m)]; t.known && !t.optional {
			return false
		}
	}
	x := e.features(q, cands, i)
	return e.tune.model.prob(&x) >= e.tune.sureConfidence
}

// namesSayer reports whether candidate c reports what someone said (it
// has a speaker or a reporting verb) and holds, in itself
// (or a word related to it) or its speaker's name and role, every word
// naming whom a "what did the pharmacy say" question asks about that the
// briefings use.
func (e *Engine) namesSayer(q *question, c cand) bool {
	if !e.reports(&e.docs[c.d]) {
		return false
	}
	for _, w := range q.sayer {
		found := false
		for i, t := range q.terms {
			if t.term == w && (!t.known || (c.full|c.half&^c.para)&(1<<uint(i)) != 0) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// joinedHas reports whether sentence di, or the sentence it joins, has
// flag f.
func (e *Engine) joinedHas(di int32, f docFlag) bool {
	if e.docs[di].has(f) {
		return true
	}
	j := e.joinsWith(di)
	return j >= 0 && e.docs[j].has(f)
}

// reportsWith reports whether sentence di, or the sentence it joins,
// reports speech: narration that only names someone ("signed by a Tomas
// Brenner") says nothing they said.
func (e *Engine) reportsWith(di int32) bool {
	j := e.joinsWith(di)
	return e.reports(&e.docs[di]) || j >= 0 && e.reports(&e.docs[j])
}

// reports reports whether sentence d reports what someone said: it has a
// speaker or a reporting verb.
func (e *Engine) reports(d *doc) bool {
	if d.speaker >= 0 {
		return true
	}
	for stem := range reportingStems {
		if d.hasTerm(e.ix.idOf(stem)) {
			return true
		}
	}
	return false
}

// hasTerm reports whether the sentence has the term with index id.
func (d *doc) hasTerm(id int32) bool {
	if id < 0 {
		return false
	}
	for _, t := range d.toks {
		if t.term == id {
			return true
		}
	}
	return false
}

// holdsRole reports whether candidate c names the role a "who is the
// <role> of X" question asks about, in itself or by a word of leading's
// role noun, and not as a lesser one ("deputy commissioner" for the
// commissioner).
func (e *Engine) holdsRole(q *question, c cand) bool {
	for i, t := range q.terms {
		if t.term != q.role {
			continue
		}
		bit := uint64(1) << uint(i)
		if (c.full|c.strong)&bit == 0 {
			return false
		}
		toks := e.docs[c.d].toks
		for k, dt := range toks {
			if dt.term != t.id || k == 0 || toks[k-1].pos+1 != dt.pos || toks[k-1].term < 0 {
				continue
			}
			if lesserRoles[e.ix.terms[toks[k-1].term]] && !q.hasID(toks[k-1].term) {
				return false
			}
		}
		return true
	}
	return true
}

// lesserRoles, before a role noun, name a different role: the deputy
// commissioner is not the commissioner. Terms (stems).
var lesserRoles = map[string]bool{"deputi": true, "vice": true, "assist": true, "associ": true, "former": true, "ex": true}

// explain says in words why c does not answer q.
func (e *Engine) explain(q *question, c cand, r rejection) string {
	name := ""
	if len(q.speakers) > 0 {
		name = e.sources[q.speakers[0]].summary.Name
	}
	switch r {
	case lowCoverage:
		if missing := requiredMask(q) &^ (c.full | c.half); missing != 0 {
			return "the best match covers only " + fraction(q, c.full|c.half) + " of the question's terms (missing " +
				termList(q.terms, missing, 4) + ")"
		}
		return "the best match has " + termList(q.terms, c.half&^c.full, 4) + " only through a related word or its paragraph"
	case noPredicate:
		return "the question asks who (“" + q.terms[predicate(q)].word + "”), but the closest passage does not say"
	case lowRelation:
		return "the closest passage mentions " + termList(q.terms, entityMask(q, true)&(c.full|c.half), 4) +
			" but not " + termList(q.terms, entityMask(q, false)&^c.full, 4)
	case weak:
		return "the best match is too weak to be an answer"
	case noName:
		if q.typ == qWhat && q.naming {
			return "the question asks what something is called, but the closest passage gives no name"
		}
		return "the question asks who or which, but the closest passage names no one it does not already"
	case noDate:
		return "the question asks when, but the closest passage gives no date for it"
	case noReason:
		return "the question asks why, but the closest passage gives no reason"
	case noFrequency:
		return "the question asks how often, but the closest passage does not say"
	case noNumber:
		if percentNouns[q.how] {
			return "the question asks for a percentage, but the closest passage gives none"
		}
		return "the question asks how many, but the closest passage gives no number for it"
	case notTheirs:
		if q.view != 0 && (name == "" || q.typ != qSaid) {
			return "the question asks according to " + termList(q.terms, q.view, 4) + ", but the closest passage is not their account"
		}
		return name + " is in the briefing, but the closest passage is not theirs"
	case offTopic:
		return name + " is in the briefing, but not on " + termList(q.terms, topicMask(q), 4)
	case toldOther:
		return "the closest passage says what " + name + " told someone else"
	case noPlace:
		return "the question asks where, but the closest passage names no place"
	case notSaid:
		return "the question asks what " + q.sayerWords + " said, but the closest passage does not say they said it"
	}
	return ""
}

// termMask returns the terms of q that keep holds for.
func termMask(q *question, keep func(t *queryTerm) bool) uint64 {
	var m uint64
	for i := range q.terms {
		if keep(&q.terms[i]) {
			m |= 1 << uint(i)
		}
	}
	return m
}

// requiredMask returns the terms an answer must cover.
func requiredMask(q *question) uint64 {
	return termMask(q, func(t *queryTerm) bool { return !t.optional })
}

// entityMask returns the terms that are names (entity true) or relation
// words (false).
func entityMask(q *question, entity bool) uint64 {
	return termMask(q, func(t *queryTerm) bool { return t.entity == entity && !t.optional })
}

// topicMask returns the terms that are not part of a named speaker's name.
func topicMask(q *question) uint64 {
	return termMask(q, func(t *queryTerm) bool { return !t.speaker })
}

// reasonNear reports whether sentence di, or one beside it in its
// paragraph, gives a reason.
func (e *Engine) reasonNear(di int32) bool {
	return e.docs[di].has(docReason) || e.reasonBeside(di) >= 0
}

// openerIsEvent reports whether text's only reason is an opening "After
// X," or "Following X," that tells the event a why question asks about:
// "After Fiona Hill left the NSC, Morrison took over" says when Morrison
// took over, not why she left. The question's words of relation stand in
// the opening clause and none in the rest, which gives no reason itself.
func (e *Engine) openerIsEvent(q *question, text string) bool {
	if !strings.HasPrefix(text, "After ") && !strings.HasPrefix(text, "Following ") {
		return false
	}
	comma := strings.IndexByte(text, ',')
	if comma < 0 {
		return false
	}
	rest := e.an.tokens(text[comma+1:], nil, false)
	if givesReason(text[comma+1:], rest, plainWords(rest, nil)) {
		return false
	}
	opener := e.an.tokens(text[:comma], nil, false)
	in := false
	for i := range q.terms {
		t := &q.terms[i]
		if t.entity || t.optional {
			continue
		}
		has := func(toks []token) bool {
			return slices.ContainsFunc(toks, func(k token) bool { return k.term == t.term })
		}
		if has(rest) {
			return false
		}
		in = in || has(opener)
	}
	return in
}

// reasonBeside returns the sentence beside di in its paragraph that gives
// a reason, the next one first, or -1.
func (e *Engine) reasonBeside(di int32) int32 {
	d := &e.docs[di]
	for _, k := range [...]int32{di + 1, di - 1} {
		if k >= 0 && int(k) < len(e.docs) && e.docs[k].para == d.para && e.docs[k].has(docReason) {
			return k
		}
	}
	return -1
}

// prevHas reports whether the sentence before di in its paragraph has f.
func (e *Engine) prevHas(di int32, f docFlag) bool {
	d := &e.docs[di]
	return d.sent > 0 && di > 0 && e.docs[di-1].para == d.para && e.docs[di-1].has(f)
}

// joinsWith returns the sentence an answer at di is joined with, or -1: the
// one before it when it opens with a pronoun ("He", "It", "These", ...)
// whose referent would otherwise be lost. That is the sentence before in its
// paragraph or, for the first sentence of a paragraph, the last sentence of
// the paragraph before when both are ordinary text of the same section. The
// join is made even when the sentence's speaker is known: the passage must
// read on its own, and its pronouns may refer to more than the speaker.
func (e *Engine) joinsWith(di int32) int32 {
	d := &e.docs[di]
	if !d.has(docPronoun) || di == 0 {
		return -1
	}
	prev := &e.docs[di-1]
	if prev.para == d.para {
		return di - 1
	}
	pa, pp := &e.paras[d.para], &e.paras[prev.para]
	if prev.para == d.para-1 && pa.b == pp.b && pa.section == pp.section && isProse(string(pa.p.Kind)) && isProse(string(pp.p.Kind)) {
		return di - 1
	}
	return -1
}

func isProse(kind string) bool { return kind == "body" || kind == "lede" || kind == "" }

// passage returns the answer text for di: the sentence, joined with the one
// before when it opens with a pronoun.
func (e *Engine) passage(di int32) string {
	d := &e.docs[di]
	prev := e.joinsWith(di)
	if prev < 0 {
		return d.text
	}
	pd := &e.docs[prev]
	if pd.para == d.para {
		p := e.paras[d.para].p
		ps, cs := sentencesOf(p)[pd.sent], sentencesOf(p)[d.sent]
		if 0 <= ps.Start && ps.Start < cs.End && cs.End <= len(p.Text) && strings.HasSuffix(p.Text[:cs.End], d.text) {
			return p.Text[ps.Start:cs.End]
		}
	}
	return pd.text + paragraphBreak + d.text // the sentence before opens the paragraph before
}

// withReason returns passage, the answer at di to a why question, with the
// sentence beside it that gives the reason: the answer states what is
// asked about, the sentence beside it why.
func (e *Engine) withReason(di int32, passage string) string {
	k := e.reasonBeside(di)
	switch {
	case k < 0:
		return passage
	case k > di:
		if j := e.joinsWith(di); j >= 0 && e.docs[j].para == e.docs[di].para {
			return e.span(j, k)
		}
		if e.joinsWith(di) >= 0 {
			return passage + " " + e.docs[k].text
		}
		return e.span(di, k)
	}
	return e.span(k, di)
}

// span returns the text of a paragraph's sentences from di to last, as the
// briefing prints it.
func (e *Engine) span(di, last int32) string {
	p := e.paras[e.docs[di].para].p
	ss := sentencesOf(p)
	a, b := ss[e.docs[di].sent], ss[e.docs[last].sent]
	if 0 <= a.Start && a.Start < b.End && b.End <= len(p.Text) {
		return p.Text[a.Start:b.End]
	}
	return e.docs[di].text + " " + e.docs[last].text
}

// namedNext returns the sentence after di in its paragraph when di is its
// speaker's words without their name and that sentence, theirs too, names
// them: a quotation's first sentence, then its attribution. Else -1.
func (e *Engine) namedNext(di int32) int32 {
	d, n := &e.docs[di], di+1
	if d.speaker < 0 || int(n) >= len(e.docs) || e.docs[n].para != d.para || e.docs[n].speaker != d.speaker {
		return -1
	}
	name := e.sources[d.speaker].summary.Name
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		name = name[i+1:] // the surname
	}
	if name == "" || hasWord(d.text, name) || !hasWord(e.docs[n].text, name) {
		return -1
	}
	return n
}

// hasWord reports whether text has w as a whole word: "Berg" is not in
// "Bergen".
func hasWord(text, w string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:a])
		after, _ := utf8.DecodeRuneInString(text[b:])
		if (a == 0 || !unicode.IsLetter(before)) && (b == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		i = b
	}
}

// speakerNamedNext reports whether sentence di's speaker, whom q does not
// name, is named in the sentence after it (namedNext): the name a who
// question asks for, when it asks who said something or who holds a role.
func (e *Engine) speakerNamedNext(q *question, di int32) bool {
	if !q.says && q.role == "" && q.typ != qWhoIs {
		return false // "who cut the fence": the one quoted about it did not
	}
	return e.namedNext(di) >= 0 && !slices.Contains(q.speakers, int(e.docs[di].speaker))
}

// classNext returns the sentence after di in its paragraph when di ends
// by naming, after "a" or "an", the kind of thing a "what <noun>" question
// asks for (class, a term id) and that sentence is a quotation giving it:
// "She summed up the closure with a proverb. “A bridge is only as strong
// as its weakest bolt.”". Else -1.
func (e *Engine) classNext(di, class int32) int32 {
	toks := e.docs[di].toks
	n := di + 1
	if len(toks) < 2 || int(n) >= len(e.docs) || e.docs[n].para != e.docs[di].para {
		return -1
	}
	last, before := toks[len(toks)-1], toks[len(toks)-2]
	if last.term != class || before.pos != last.pos-1 || before.mark&markLead == 0 || before.mark&markNum != 0 {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(e.docs[n].text); r != '“' && r != '"' {
		return -1
	}
	return n
}

// paragraphBreak separates text from two paragraphs, as the briefing does.
const paragraphBreak = "\n\n"

// context returns the paragraph(s) an answer at di stands in: its own,
// after the one before when the answer reaches back into it.
func (e *Engine) context(di int32) string {
	d := &e.docs[di]
	text := e.paras[d.para].p.Text
	if prev := e.joinsWith(di); prev >= 0 && e.docs[prev].para != d.para {
		return e.paras[e.docs[prev].para].p.Text + paragraphBreak + text
	}
	return text
}

// speaker returns who said di, or nil for narration.
func (e *Engine) speaker(d *doc) *Speaker {
	if d.speaker < 0 {
		return nil
	}
	s := &e.sources[d.speaker].summary
	kind := s.Kind
	if kind == "media" {
		kind = "organisation"
	}
	return &Speaker{Name: s.Name, Role: s.Role, Kind: kind}
}

// fill writes the answer best into a.
func (e *Engine) fill(a *Answer, q *question, best cand) {
	d := &e.docs[best.d]
	pa := &e.paras[d.para]
	a.Answered = true
	a.Passage = e.passage(best.d)
	said := d // whose words the answer is
	if j := e.joinsWith(best.d); j >= 0 && slices.Contains(q.exclude, j) {
		a.Passage = d.text // the sentence it joins is the answer a follow-up asks past
	}
	switch {
	case q.naming && !givesTitle(d.text):
		if n := e.titleNext(q, best.d); n >= 0 {
			a.Passage = e.span(best.d, n) // "a new ferry", then "The ferry is named Marigold"
		}
	case q.name && !q.naming && !e.givesName(q, best.d):
		if n := e.namesNext(q, best.d); n >= 0 {
			a.Passage = e.span(best.d, n) // "two engineers", then their names
		}
	case q.hasClass && !(q.name && e.givesName(q, best.d)):
		if n := e.classNext(best.d, q.classOf); n >= 0 {
			a.Passage = e.span(best.d, n) // "summed it up with a proverb.", then the proverb
			if d.speaker < 0 {
				said = &e.docs[n] // the words are the quotation's
			}
		}
	}
	if q.typ == qWhy && !d.has(docReason) {
		a.Passage = e.withReason(best.d, a.Passage)
	}
	if (q.typ == qWho || q.typ == qWhoIs) && a.Passage == d.text {
		if n := e.namedNext(best.d); n >= 0 {
			a.Passage = e.span(best.d, n) // a quotation's first sentence, then "…," said Ada Berg, a spokeswoman
		}
	}
	a.Context = e.context(best.d)
	a.Speaker = e.speaker(said)
	a.Quote = strings.Join(said.quotes, " … ")
	a.Briefing = e.briefings[pa.b].Title
	a.Section = pa.section
	a.Score = round2(best.score)
	a.Ref = e.refOf(best.d, q.typ)

	a.Why = e.whyAnswered(q, best, a.Speaker, a.Quote != "")
}

// whyAnswered says why best answers q: the terms it matched, whose words
// it is, and what the question asks that it gives.
func (e *Engine) whyAnswered(q *question, best cand, sp *Speaker, quoted bool) string {
	d := &e.docs[best.d]
	var b strings.Builder
	b.Grow(160) // most are shorter: one allocation
	b.WriteString("matched ")
	writeFraction(&b, q, best.full|best.half)
	b.WriteString(" question terms (")
	writeTermList(&b, q.terms, best.full|best.half, 4)
	b.WriteString("); ")
	switch {
	case sp != nil && quoted:
		b.WriteString("quote by ")
		b.WriteString(sp.Name)
	case sp != nil:
		b.WriteString("said by ")
		b.WriteString(sp.Name)
	default:
		b.WriteString("the briefing's own words")
	}
	b.WriteString("; question asks ")
	b.WriteString(q.typ.String())
	switch {
	case q.typ == qWhen && d.has(docEvent):
		b.WriteString("; the passage dates an event")
	case q.typ == qWhen && d.has(docDate):
		b.WriteString("; the passage has a date")
	case q.typ == qHowMany && d.has(docNumber):
		b.WriteString("; the passage has a number")
	case q.typ == qWhoIs && len(q.speakers) > 0 && e.sources[q.speakers[0]].intro == best.d:
		b.WriteString("; the passage introduces ")
		b.WriteString(e.sources[q.speakers[0]].summary.Name)
	case q.typ == qWhy && d.has(docReason):
		b.WriteString("; the passage gives a reason")
	}
	return b.String()
}

// abstain fills a as a refusal with reason and suggestions.
func (e *Engine) abstain(a Answer, q *question, reason string) Answer {
	a.Answered = false
	a.Passage, a.Context, a.Speaker, a.Quote = "", "", nil, ""
	a.Why = reason
	lead := "" // the sources of someone the question names, first
	if q != nil {
		for _, si := range q.speakers {
			if s := &e.sources[si]; len(s.said) > 0 {
				lead = "/sources name:" + s.summary.Name
				break
			}
		}
	}
	if lead != "" {
		a.Suggestions = append(append(make([]string, 0, 1+len(e.suggest)), lead), e.suggest...)
	} else {
		a.Suggestions = append([]string(nil), e.suggest...)
	}
	if len(e.briefings) == 0 {
		a.Why = reason + "; no briefing is loaded"
	}
	return a
}

// fraction says how many of q's terms mask covers, as "3/4".
func fraction(q *question, mask uint64) string {
	var b strings.Builder
	writeFraction(&b, q, mask)
	return b.String()
}

// writeFraction writes fraction(q, mask) to b.
func writeFraction(b *strings.Builder, q *question, mask uint64) {
	n := 0
	for i := range q.terms {
		if mask&(1<<uint(i)) != 0 {
			n++
		}
	}
	var buf [24]byte
	b.Write(strconv.AppendInt(buf[:0], int64(n), 10))
	b.WriteByte('/')
	b.Write(strconv.AppendInt(buf[:0], int64(len(q.terms)), 10))
}

// termList lists up to max of the question words in mask.
func termList(terms []queryTerm, mask uint64, max int) string {
	var b strings.Builder
	writeTermList(&b, terms, mask, max)
	return b.String()
}

// writeTermList writes termList(terms, mask, max) to b: the words joined
// by commas, and an ellipsis after max of them when there are more.
func writeTermList(b *strings.Builder, terms []queryTerm, mask uint64, max int) {
	n := 0
	for i := range terms {
		if mask&(1<<uint(i)) == 0 {
			continue
		}
		if n > 0 {
			b.WriteString(", ")
		}
		if n == max {
			b.WriteString("…")
			return
		}
		w := terms[i].word
		if w == "" {
			w = terms[i].term
		}
		b.WriteString(w)
		n++
	}
}

func joinList(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// topK returns the k touched documents with the highest scores, in s's
// buffer.
func topK(s *scratch, k int) []int32 {
	if len(s.touched) <= k {
		return append(s.top[:0], s.touched...)
	}
	// A min-heap of the best k so far, each with its score.
	h := s.heap[:0]
	acc := s.acc
	for _, d := range s.touched[:k] {
		h = append(h, scored{acc[d].score, d})
		for i := len(h) - 1; i > 0; {
			p := (i - 1) / 2
			if !h[i].less(h[p]) {
				break
			}
			h[i], h[p] = h[p], h[i]
			i = p
		}
	}
	for _, d := range s.touched[k:] {
		if x := (scored{acc[d].score, d}); h[0].less(x) {
			h[0] = x
			siftDown(h)
		}
	}
	s.heap = h
	top := s.top[:0]
	for _, x := range h {
		top = append(top, x.d)
	}
	return top
}

// siftDown restores the min-heap h after its root was replaced.
func siftDown(h []scored) {
	i := 0
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].less(h[l]) {
			m = r
		}
		if !h[m].less(h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// A scored is a document and its score.
type scored struct {
	score float32
	d     int32
}

// less reports whether x ranks below y: the lower score, then the later
// document.
func (x scored) less(y scored) bool {
	if x.score != y.score {
		return x.score < y.score
	}
	return x.d > y.d
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// coversFocus reports whether c covers, in itself or through a related
// word, the last word of yes/no question q that is not a name: what the
// question asks to be confirmed, as English puts it last ("was anyone
// injured", "is the bridge made of steel").
func coversFocus(q *question, c cand) bool {
	last := -1
	for k := range q.terms {
		if t := &q.terms[k]; !t.entity && !t.optional && !circumstance(t.word) {
			last = k
		}
	}
	return last < 0 || (c.full|c.half)&(1<<uint(last)) != 0
}

// circumstance reports whether w (lower case) says when, how often or how
// something happened rather than what: "recently", "alone", "last week".
// A yes/no question's focus is the word before such words.
func circumstance(w string) bool {
	return strings.HasSuffix(w, "ly") || timeUnits[w] || relativeDates[w] || isCalendar(w) || circumstanceWords[w]
}

// circumstanceWords are adverbs and time words without -ly.
var circumstanceWords = map[string]bool{
	"alone": true, "again": true, "still": true, "already": true, "yet": true, "ever": true,
	"now": true, "soon": true, "later": true, "earlier": true, "last": true, "next": true,
	"ago": true, "before": true, "after": true, "together": true, "too": true, "anymore": true,
}

// predicate returns the index of what a "who" question asks of the
// person: its first relation word that is no modifier ("chairs" in "who
// chairs the commission", "coach" in "who is the new coach"), or -1.
func predicate(q *question) int {
	for i, t := range q.terms {
		if t.entity || t.optional || t.speaker || whoModifiers[t.word] || isAdverb(t.word) {
			continue
		}
		return i
	}
	return -1
}

// isAdverb reports whether w is an adverb in -ly ("actually"), not a noun
// or verb that ends so ("supply", "family", "rally").
func isAdverb(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ly") && !lyNouns[w]
}

// lyNouns end in -ly but are no adverbs ("reply" and the like are too
// short for isAdverb to ask).
var lyNouns = map[string]bool{
	"supply": true, "family": true, "assembly": true, "anomaly": true, "monopoly": true, "butterfly": true,
}

// whoModifiers qualify what a "who" question asks without being it: "who
// is the new coach", "who actually founded it".
var whoModifiers = map[string]bool{
	"new": true, "current": true, "latest": true, "acting": true, "interim": true, "former": true,
	"first": true, "last": true, "next": true, "also": true, "now": true, "still": true, "ever": true,
	"real": true, "original": true, "permanent": true, "temporary": true, "official": true,
}

// holdsPredicate reports whether c holds what a "who" question asks of
// the person (the term at predicate) or a modifier before it, itself,
// through a related word or in its paragraph. A sentence that names the
// commission but not who chairs it does not answer.
func holdsPredicate(q *question, c cand, predicate int) bool {
	covered := c.full | c.half
	for i, t := range q.terms[:predicate+1] {
		if !t.entity && !t.optional && !t.speaker && covered&(1<<uint(i)) != 0 {
			return true // the predicate, or a modifier of it ("the first to reach", "its interim boss")
		}
	}
	return false
}

// hasRelation reports whether q has a word an answer must cover that is not
// a name: "become" in "when did the mayor become president".
func hasRelation(q *question) bool {
	for _, t := range q.terms {
		if !t.entity && !t.optional {
			return true
		}
	}
	return false
}
