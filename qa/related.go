package qa

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"

	en "github.com/briefbot/briefbot/knowledge/english"
)

// A relTerm is a term related to a question term, by which a sentence
// matches the question less than by the term itself.
type relTerm struct {
	id    int32   // its index id
	w     float32 // its share of the term's BM25 weight
	cover cover   // how much of the question term it covers
}

// A cover is how much of a question term a related term covers.
type cover uint8

const (
	coverWeak   cover = iota // weakCredit
	coverStrong              // tuning.strongCredit: a synonym in both words' first senses
	coverFaint               // tuning.faintCredit: a word of a definition
)

// A relWeight says how much a kind of related word counts.
type relWeight struct {
	w        float32 // the share of the BM25 weight; 0 leaves the kind out
	maxSense uint8   // the rarest sense of either word that counts (1 is the most frequent)
	faint    bool    // it covers a question term at tuning.faintCredit, not weakCredit
}

// defaultRelations weigh each kind of WordNet relation, chosen by measuring
// each kind's answers right, unanswerable questions declined and wrong
// answers on the tuning sets (TestRelationKinds).
var defaultRelations = [numRelKinds]relWeight{
	relSynonym:    {w: 0.7, maxSense: 2},
	relDerivation: {w: 0.7, maxSense: 2},
	relEntails:    {w: 0.4, maxSense: 2},
	relEntailedBy: {w: 0.4, maxSense: 2},
	relCauses:     {w: 0.4, maxSense: 2},
	relCausedBy:   {w: 0.4, maxSense: 2},
	relHypernym:   {w: 0.4, maxSense: 2},
	relHyponym:    {w: 0.4, maxSense: 1}, // a narrower word in a rarer sense strays: "body" finds "jury"
	relPertainym:  {w: 0.6, maxSense: 2},
	relAlsoSee:    {w: 0.4, maxSense: 2},
	relAntonym:    {w: 0.6, maxSense: 2}, // only with negation
	relGloss:      {w: 0.4, maxSense: 1, faint: true},
}

// weakCredit is how much of a question term its heading or paragraph
// covers, or a weak related term.
const weakCredit = 0.5

// negated is the prefix of the term a word has when a negation stands just
// before it: "not accepted" is indexed as accept and as !accept.
const negated = "!"

// negations are the words that negate the word after them.
var negations = map[string]bool{"not": true, "never": true, "no": true, "nor": true, "without": true, "cannot": true}

// isNegation reports whether a word negates what follows it: "not",
// "never", "didn't".
func isNegation(w string) bool {
	return negations[w] || strings.HasSuffix(w, "n't")
}

// negatedAt reports whether toks[i] is negated: a negation stands within
// maxNegation words before it, with only stop words between.
func negatedAt(toks []token, i int) bool {
	for k := i - 1; k >= 0 && toks[i].pos-toks[k].pos <= maxNegation; k-- {
		t := toks[k]
		if t.has(tokAlias) || t.has(tokPart) {
			continue
		}
		if t.has(tokNegation) { // isNegation(t.word)
			return true
		}
		if t.term != "" {
			return false
		}
	}
	return false
}

// maxNegation is how far before a word its negation may stand: "did not
// accept", "has not been accepted".
const maxNegation = 3

// stemOf returns the term WordNet knows word w by: the stem of its base
// form, before qa's own tables rewrite it.
func (wn *wordnet) stemOf(w string) string {
	if l, ok := en.Lemma(w); ok {
		w = l
	} else if bs := wn.baseForms(w); len(bs) > 0 {
		w = bs[0].lemma
	}
	return english.Stem(w, false)
}

// irregularBase returns the base form of w (lower case) when WordNet has
// w as an irregular verb form ("shrank", "upheld") or a learned plural
// ("crises", "criteria") and not as a word of its own ("found", "left",
// "ground" are words, not only forms of find, leave and grind); else "".
// Other irregular nouns are mostly names or loanwords ("reis", "dui").
func (wn *wordnet) irregularBase(w string) string {
	if wn == nil || strings.ContainsAny(w, " .-'") {
		return ""
	}
	bs := wn.baseForms(w)
	if len(bs) == 0 || bs[0].lemma == w || en.IsStopWord(bs[0].lemma) {
		return ""
	}
	switch b := bs[0]; {
	case b.pos == 'v':
	case b.pos == 'n' && (strings.HasSuffix(w, "ses") && strings.HasSuffix(b.lemma, "sis") || strings.HasSuffix(w, "a") && (strings.HasSuffix(b.lemma, "on") || strings.HasSuffix(b.lemma, "um"))):
	default:
		return ""
	}
	if start, end := wn.relations(english.Stem(w, false)); start < end {
		return ""
	}
	return bs[0].lemma
}

// phrasal returns the term of the phrasal verb that word and the particle
// after it make ("stepped" and "down": step_down), if WordNet relates it to
// other words.
func (wn *wordnet) phrasal(word, particle string) (string, bool) {
	if wn == nil || !en.IsParticle(particle) || strings.ContainsAny(word, " .-'") {
		return "", false
	}
	t := wn.stemOf(word) + "_" + particle
	if start, end := wn.relations(t); start == end {
		return "", false
	}
	return t, true
}

// particleAfter returns the particle that follows toks[i], if one does:
// "out" in "pull out of".
func particleAfter(toks []token, i int) string {
	if w := wordAfter(toks, i); en.IsParticle(w) {
		return w
	}
	return ""
}

// wordAfter returns the word of the token right after toks[i] (past the
// tokens that share its position), or "" when none follows it directly.
func wordAfter(toks []token, i int) string {
	for k := i + 1; k < len(toks); k++ {
		switch t := toks[k]; {
		case t.pos == toks[i].pos:
			continue
		case t.pos == toks[i].pos+1:
			return t.word
		}
		break
	}
	return ""
}

// wordnetRelated appends to qt the briefings' terms WordNet relates to the
// question word w, by the kinds the tuning weighs: those in the index only,
// so that the table's breadth never invents a match the briefings cannot
// offer. A negated word relates to its own negated form, and to its
// antonyms; a plain one to its antonyms' negated forms ("rejected" and
// "did not accept").
func (e *Engine) wordnetRelated(qt *queryTerm, w string, neg bool) {
	if e.wn == nil || w == "" || strings.ContainsAny(w, " .") {
		return
	}
	for _, r := range e.lookupRelated(qt.term, e.wn.stemOf(w), neg) {
		qt.addRelated(r.id, r.w, r.cover)
	}
}

// phrasalRelated appends to qt the briefings' terms WordNet relates to the
// phrasal verb that the question word w and particle make: "pull out" to
// withdraw and leave.
func (e *Engine) phrasalRelated(qt *queryTerm, w, particle string, neg bool) {
	if pt, ok := e.wn.phrasal(w, particle); ok {
		for _, r := range e.lookupRelated(qt.term, pt, neg) {
			qt.addRelated(r.id, r.w, r.cover)
		}
	}
}

// lookupRelated returns the briefings' terms WordNet relates to the stem
// it knows a word by, whose own term is term.
func (e *Engine) lookupRelated(term, stem string, neg bool) []relTerm {
	var rs []relTerm
	add := func(id int32, wt float32, c cover) {
		if id >= 0 && !slices.ContainsFunc(rs, func(x relTerm) bool { return x.id == id }) {
			rs = append(rs, relTerm{id: id, w: wt, cover: c})
		}
	}
	if neg {
		add(e.ix.idOf(negated+term), 1, coverStrong)
	}
	phrasal := strings.Contains(stem, "_")
	for _, r := range e.wn.related(stem, e.tune.kinds) {
		rw := e.tune.rel[r.kind]
		sense := max(r.sense, r.targetSense)
		if phrasal && r.kind == relSynonym && r.targetSense <= phrasalTargetSense {
			sense = r.sense // the particle has chosen the sense: "bring in" is introduce in its fourth
		}
		if rw.w == 0 || sense > rw.maxSense || r.stem == term {
			continue
		}
		if (phrasal || strings.Contains(r.stem, "_")) && r.kind != relSynonym && r.kind != relDerivation && r.kind != relAntonym {
			continue // a phrasal verb's broader and narrower senses stray: "threw out the case" is no extradition
		}
		target := r.stem
		if c, ok := stemSynonym[target]; ok {
			target = c
		}
		if r.kind == relAntonym && !neg {
			target = negated + target // "rejected" against "did not accept"
		}
		c := coverWeak
		switch {
		case r.kind == relSynonym && r.sense == 1 && r.targetSense == 1:
			c = coverStrong // a synonym in both words' most frequent senses is as good as the word
		case rw.faint:
			c = coverFaint
		}
		add(e.ix.idOf(target), rw.w, c)
	}
	return rs
}

// phrasalTargetSense is the rarest sense of a phrasal verb's synonym that
// counts, when the phrasal verb's own sense is frequent enough.
const phrasalTargetSense = 4

// leadWords ask who leads something: "who runs X", "the head of X". Every
// role noun the briefings use relates to them ("chief executive of X",
// "director of X").
var leadWords = map[string]bool{
	"run": true, "runs": true, "ran": true, "running": true, "head": true, "heads": true,
	"headed": true, "lead": true, "leads": true, "led": true, "leader": true, "leaders": true,
	"manage": true, "manages": true, "managed": true, "direct": true, "directs": true,
	"chair": true, "chairs": true, "chaired": true, "boss": true, "chief": true, "charge": true,
	"oversee": true, "oversees": true, "helm": true, "helms": true,
}

// leadVerbs are the words of leading a briefing's sentence may use for
// whom a "who heads X" question asks about: not "run", "charge" or "lead",
// which say much else ("the ferry runs", "charged with fraud", "led to his
// resignation").
var leadVerbs = []string{"head", "headed", "chair", "chaired", "oversee", "oversaw", "helm", "helmed"}

// leadWeight is the share of the BM25 weight a role noun gets for a word
// of leading.
const leadWeight = 0.6

// roleRelated relates a word of leading to the briefings' role nouns and
// to their other words of leading ("head" to "chaired by").
func (e *Engine) roleRelated(qt *queryTerm, w string) {
	if !leadWords[w] {
		return
	}
	for _, id := range e.roles {
		qt.addRelated(id, leadWeight, coverStrong)
	}
	for _, id := range e.leads {
		qt.addRelated(id, leadWeight, coverStrong)
	}
}

// addRelated adds id as a related term unless it is unknown or there
// already, keeping the strongest weight. qt.related may be shared with the
// engine's cache, whose slices are full (len == cap), so appending copies;
// changing an entry in place clones it first.
func (qt *queryTerm) addRelated(id int32, w float32, c cover) {
	if id < 0 || id == qt.id {
		return
	}
	for i := range qt.related {
		if qt.related[i].id == id {
			if w > qt.related[i].w {
				qt.related = slices.Clone(qt.related)
				qt.related[i].w, qt.related[i].cover = w, c
			}
			return
		}
	}
	qt.related = append(qt.related, relTerm{id: id, w: w, cover: c})
}

// sortRelated orders qt's related terms strongest first: a sentence that
// matches several counts the strongest.
func (qt *queryTerm) sortRelated() {
	slices.SortStableFunc(qt.related, func(a, b relTerm) int { return cmp.Compare(b.w, a.w) })
}

// relKindsOf returns the kinds rel weighs.
func relKindsOf(rel [numRelKinds]relWeight) relKinds {
	var s relKinds
	for k, w := range rel {
		if w.w > 0 {
			s |= 1 << relKind(k)
		}
	}
	return s
}
