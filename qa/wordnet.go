package qa

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
)

// The related-words table is generated from Princeton WordNet 3.0 (Debian's
// wordnet-base package, which installs it in /usr/share/wordnet); the
// database is needed only to regenerate it. Licence: WORDNET-LICENSE.
//
//go:generate go run ./internal/wordnetgen -dict /usr/share/wordnet -source "Princeton WordNet 3.0 (Debian wordnet-base 1:3.0-37)" -gloss-senses 1 -o wordnet.table

//go:embed wordnet.table
var wordnetTable string

// A relKind is how a related word relates to the word looked up.
type relKind uint8

// The relation kinds, numbered as in the table. "a → b" reads "looking up
// a finds b".
const (
	relSynonym      relKind = iota // a sense in common: sack → dismiss
	relDerivation                  // derivationally related: decide → decision
	relSimilar                     // similar adjectives: big → huge
	relEntails                     // a verb and what it entails: snore → sleep
	relEntailedBy                  // the reverse: sleep → snore
	relCauses                      // a verb and its effect: kill → die
	relCausedBy                    // the reverse: die → kill
	relHypernym                    // one hop broader: dismiss → remove
	relHyponym                     // one hop narrower: remove → dismiss
	relInstanceOf                  // a named instance's class: Nile → river
	relInstance                    // a class's named instances: river → Nile
	relAntonym                     // opposites: accept → reject
	relAlsoSee                     // WordNet's "see also", mostly adjectives and verbs
	relPertainym                   // an adjective and what it pertains to, both ways: presidential → president
	relVerbGroup                   // verb senses WordNet groups as alike
	relAttribute                   // a noun and the adjectives that value it: weight → heavy
	relCompoundHead                // the head of a compound noun naming the word or its class: Paris → capital ("capital of France"), car → vehicle ("motor vehicle")
	relCompoundOf                  // the reverse: capital → Paris, vehicle → car
	relGloss                       // a word in the definition of the word's first sense: passenger → ride ("a traveler riding in a vehicle")
	relGlossedBy                   // the reverse: ride → passenger
	numRelKinds
)

// relKindNames name the kinds as the table's header does.
var relKindNames = [numRelKinds]string{
	"synonym", "derivation", "similar", "entails", "entailed-by", "causes",
	"caused-by", "hypernym", "hyponym", "instance-of", "instance", "antonym",
	"also-see", "pertainym", "verb-group", "attribute", "compound-head",
	"compound-of", "gloss", "glossed-by",
}

func (k relKind) String() string {
	if k < numRelKinds {
		return relKindNames[k]
	}
	return fmt.Sprintf("relKind(%d)", k)
}

// relKinds is a set of relation kinds.
type relKinds uint32

// allRelKinds holds every kind.
const allRelKinds relKinds = 1<<numRelKinds - 1

// kindSet returns the set of ks.
func kindSet(ks ...relKind) relKinds {
	var s relKinds
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

func (s relKinds) has(k relKind) bool { return s&(1<<k) != 0 }

// A relatedStem is one term related to the term looked up.
type relatedStem struct {
	stem string // the related term, a snowball stem like qa's own terms
	kind relKind
	// sense and targetSense rank the senses of the two words the relation
	// joins (1 is a word's most frequent sense, 15 the 15th or rarer); when
	// several pairs of senses join the same two terms, the table keeps the
	// pair whose rarer sense is most frequent.
	sense, targetSense uint8
}

// A baseForm is a word's base form from WordNet's irregular forms.
type baseForm struct {
	lemma string
	pos   byte // 'v' verb, 'n' noun, 'a' adjective, 'r' adverb
}

// A wordnet is the related-words table, read in place: lookups return
// strings that share its memory. A nil *wordnet finds nothing.
//
// Its terms are english.Stem(lemma, false) of WordNet's one-word lemmas
// (hyphenated ones stemmed part by part and joined with "-", dots dropped;
// stop words left out). Look a word up by the stem of its base form, before
// qa's own synonym tables rewrite it: qa's irregular table turns "die" into
// "kill", but WordNet relates die and kill by cause.
type wordnet struct {
	data   string
	nTerms int
	nExc   int
	// offsets into data of the sections (see internal/wordnetgen/table.go)
	termEnd, relEnd, rels, excEnd, termBytes, excBytes int
}

// loadWordnet returns the embedded table. It reads the table in place, so a
// call costs a check of its offsets (0.1–0.15 ms) and no copy.
func loadWordnet() *wordnet {
	w, err := parseWordnet(wordnetTable)
	if err != nil {
		// the committed table is checked by the tests
		panic("qa: embedded WordNet table: " + err.Error())
	}
	return w
}

const wordnetMagic = "briefbot related-words table, format 1."

// parseWordnet reads and checks a table written by internal/wordnetgen.
func parseWordnet(data string) (*wordnet, error) {
	header, _, ok := strings.Cut(data, "\x00")
	if !ok || !strings.HasPrefix(header, wordnetMagic) {
		return nil, errors.New("not a related-words table")
	}
	if want := "\nkinds: " + strings.Join(relKindNames[:], " ") + "\n"; !strings.Contains(header, want) {
		return nil, errors.New("the table's relation kinds differ from qa's")
	}
	w := &wordnet{data: data}
	off := len(header) + 1
	if len(data) < off+12 {
		return nil, errors.New("table truncated")
	}
	nTerms, nRels, nExc := int(w.u32(off)), int(w.u32(off+4)), int(w.u32(off+8))
	w.nTerms, w.nExc = nTerms, nExc
	w.termEnd = off + 12
	w.relEnd = w.termEnd + 4*nTerms
	w.rels = w.relEnd + 4*nTerms
	w.excEnd = w.rels + 4*nRels
	w.termBytes = w.excEnd + 4*nExc
	if nTerms >= 1<<19 || nRels > len(data) || nExc > len(data) || w.termBytes > len(data) {
		return nil, errors.New("table truncated")
	}
	if err := w.check(nRels); err != nil {
		return nil, err
	}
	return w, nil
}

// check verifies that every offset lies inside the table, so that no
// lookup can fail. It reads the offsets only: relationAt checks each
// relation's target as it decodes it, and the tests check the order of the
// terms on which search relies.
func (w *wordnet) check(nRels int) error {
	termLen := w.end(w.termEnd, w.nTerms)
	w.excBytes = w.termBytes + termLen
	if w.excBytes > len(w.data) || w.excBytes+w.end(w.excEnd, w.nExc) != len(w.data) {
		return errors.New("table size does not match its counts")
	}
	if !w.rising(w.termEnd, w.nTerms, termLen) || !w.rising(w.excEnd, w.nExc, len(w.data)-w.excBytes) {
		return errors.New("term or irregular-form offsets out of order")
	}
	if !w.rising(w.relEnd, w.nTerms, nRels) || w.end(w.relEnd, w.nTerms) != nRels {
		return errors.New("relation offsets out of order")
	}
	return nil
}

// end returns the last of n end offsets at off (0 when n is 0).
func (w *wordnet) end(off, n int) int {
	if n == 0 {
		return 0
	}
	return int(w.u32(off + 4*(n-1)))
}

// rising reports whether the n end offsets at off rise within size.
func (w *wordnet) rising(off, n, size int) bool {
	prev := 0
	for i := range n {
		end := int(w.u32(off + 4*i))
		if end < prev || end > size {
			return false
		}
		prev = end
	}
	return true
}

func (w *wordnet) u32(off int) uint32 {
	s := w.data[off : off+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// span returns the bytes of item i of a section, given its end offsets.
func (w *wordnet) span(ends, base, i int) string {
	start := 0
	if i > 0 {
		start = int(w.u32(ends + 4*(i-1)))
	}
	return w.data[base+start : base+int(w.u32(ends+4*i))]
}

func (w *wordnet) term(i int) string { return w.span(w.termEnd, w.termBytes, i) }

func (w *wordnet) excLine(i int) string { return w.span(w.excEnd, w.excBytes, i) }

func (w *wordnet) excForm(i int) string {
	form, _, _ := strings.Cut(w.excLine(i), " ")
	return form
}

// search returns the index of key among n sorted keys, or -1.
func search(n int, key func(int) string, want string) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if key(m) < want {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < n && key(lo) == want {
		return lo
	}
	return -1
}

// relations returns the range of stem's relations in the table.
func (w *wordnet) relations(stem string) (start, end int) {
	if w == nil {
		return 0, 0
	}
	i := search(w.nTerms, w.term, stem)
	if i < 0 {
		return 0, 0
	}
	if i > 0 {
		start = int(w.u32(w.relEnd + 4*(i-1)))
	}
	return start, int(w.u32(w.relEnd + 4*i))
}

// relationAt decodes relation j (target term<<13 | kind<<8 | sense<<4 |
// target sense); false if it names no term or kind.
func (w *wordnet) relationAt(j int) (relatedStem, bool) {
	e := w.u32(w.rels + 4*j)
	t, k := int(e>>13), relKind(e>>8&0x1f)
	if t >= w.nTerms || k >= numRelKinds {
		return relatedStem{}, false
	}
	return relatedStem{stem: w.term(t), kind: k, sense: uint8(e >> 4 & 0xf), targetSense: uint8(e & 0xf)}, true
}

// appendRelated appends the terms related to stem by kinds, ordered by kind,
// then sense ranks.
func (w *wordnet) appendRelated(dst []relatedStem, stem string, kinds relKinds) []relatedStem {
	start, end := w.relations(stem)
	for j := start; j < end; j++ {
		if r, ok := w.relationAt(j); ok && kinds.has(r.kind) {
			dst = append(dst, r)
		}
	}
	return dst
}

// related returns the terms related to stem by kinds, ordered by kind, then
// sense ranks.
func (w *wordnet) related(stem string, kinds relKinds) []relatedStem {
	return w.appendRelated(nil, stem, kinds)
}

// relation returns how stem b relates to stem a, by the kinds allowed: the
// relation whose rarer sense is most frequent, and the earlier kind on a tie.
func (w *wordnet) relation(a, b string, kinds relKinds) (relatedStem, bool) {
	var best relatedStem
	found := false
	start, end := w.relations(a)
	for j := start; j < end; j++ {
		r, ok := w.relationAt(j)
		if ok && r.stem == b && kinds.has(r.kind) && (!found || max(r.sense, r.targetSense) < max(best.sense, best.targetSense)) {
			best, found = r, true
		}
	}
	return best, found
}

// baseForms returns the base forms WordNet's irregular forms give word
// (lower case): "went" → go (verb), "mice" → mouse (noun). Verbs come
// first. Some forms are also words of their own ("ground", "found",
// "left"), so a caller replacing a word by its base form should mind that.
func (w *wordnet) baseForms(word string) []baseForm {
	if w == nil {
		return nil
	}
	i := search(w.nExc, w.excForm, word)
	if i < 0 {
		return nil
	}
	_, rest, _ := strings.Cut(w.excLine(i), " ")
	var out []baseForm
	for f := range strings.FieldsSeq(rest) {
		out = append(out, baseForm{lemma: f[1:], pos: f[0]})
	}
	return out
}
