package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"

	en "github.com/briefbot/briefbot/knowledge/english"
)

// kindNames are the relation kinds, in the order of their numbers in the
// table; qa/wordnet.go numbers them the same way and checks the names.
var kindNames = [...]string{
	"synonym", "derivation", "similar", "entails", "entailed-by", "causes",
	"caused-by", "hypernym", "hyponym", "instance-of", "instance", "antonym",
	"also-see", "pertainym", "verb-group", "attribute", "compound-head",
	"compound-of", "gloss", "glossed-by",
}

const (
	kindSynonym uint8 = iota
	kindDerivation
	kindSimilar
	kindEntails
	kindEntailedBy
	kindCauses
	kindCausedBy
	kindHypernym
	kindHyponym
	kindInstanceOf
	kindInstance
	kindAntonym
	kindAlsoSee
	kindPertainym
	kindVerbGroup
	kindAttribute
	kindCompoundHead
	kindCompoundOf
	kindGloss
	kindGlossedBy
)

// A pointerKind says which kinds a pointer symbol gives: its own, and the
// kind of the reverse relation for the symbols WordNet stores one way only.
type pointerKind struct {
	kind, reverse uint8
	hasReverse    bool
}

var pointerKinds = map[string]pointerKind{
	"+":  {kind: kindDerivation},
	"&":  {kind: kindSimilar},
	"*":  {kind: kindEntails, reverse: kindEntailedBy, hasReverse: true},
	">":  {kind: kindCauses, reverse: kindCausedBy, hasReverse: true},
	"@":  {kind: kindHypernym},
	"~":  {kind: kindHyponym},
	"@i": {kind: kindInstanceOf},
	"~i": {kind: kindInstance},
	"!":  {kind: kindAntonym},
	"^":  {kind: kindAlsoSee},
	"\\": {kind: kindPertainym, reverse: kindPertainym, hasReverse: true},
	"$":  {kind: kindVerbGroup},
	"=":  {kind: kindAttribute},
}

// maxRank is the largest sense rank the table stores; larger ranks are
// stored as maxRank.
const maxRank = 15

// options shape the table.
type options struct {
	senses      int // keep relations from a word's first senses only; 0 keeps all
	glossSenses int // relate a word to the words of the definitions of its first senses; 0 relates none
	glossUses   int // leave out a word used in more definitions than this: too general to relate
}

// A relKey is one related pair of terms, by term number.
type relKey struct {
	src, dst int32
	kind     uint8
}

// ranks are the sense ranks of a relation's two ends.
type ranks struct{ src, dst uint8 }

// better reports whether r is a more frequent pairing than o: the larger
// rank first, then the source's.
func (r ranks) better(o ranks) bool {
	if a, b := max(r.src, r.dst), max(o.src, o.dst); a != b {
		return a < b
	}
	if r.src != o.src {
		return r.src < o.src
	}
	return r.dst < o.dst
}

// A table is the set of related terms, before encoding.
type table struct {
	terms []string         // by term number
	ids   map[string]int32 // term → number
	rels  map[relKey]ranks
	exc   map[string][]string // inflected form → "v" + base, ...
	opts  options
	stats [len(kindNames)]int
}

// buildTable collects the relations and exceptions of db.
func buildTable(db *database, opts options) *table {
	t := &table{ids: map[string]int32{}, rels: map[relKey]ranks{}, exc: map[string][]string{}, opts: opts}
	for _, s := range db.synsets {
		t.addSynonyms(db, s)
		t.addCompoundHeads(db, s, s)
		for _, p := range s.ptrs {
			pk, ok := pointerKinds[p.symbol]
			target := db.byID[p.target]
			if !ok || target == nil {
				continue
			}
			t.addPointer(db, s, target, p, pk.kind, false)
			if pk.hasReverse {
				t.addPointer(db, s, target, p, pk.reverse, true)
			}
			if p.symbol == "@" || p.symbol == "@i" {
				t.addCompoundHeads(db, s, target)
			}
		}
	}
	t.addExceptions(db)
	if opts.glossSenses > 0 {
		t.addGlosses(db)
	}
	return t
}

// addGlosses relates each one-word lemma, in its first glossSenses senses,
// to the content words of the sense's definition (kind gloss: passenger →
// ride, from "a traveler riding in a vehicle ..."), and those words back to
// it (glossed-by). A definition word must itself be a lemma's term, and one
// used in more than glossUses definitions (person, act, make) is too
// general to relate anything.
func (t *table) addGlosses(db *database) {
	lemmas := map[string]bool{}
	for _, s := range db.synsets {
		for _, w := range s.words {
			if term, ok := termOf(w); ok {
				lemmas[term] = true
			}
		}
	}
	base := db.baseForms()
	words := make([][]string, len(db.synsets))
	uses := map[string]int{}
	for i, s := range db.synsets {
		words[i] = glossTerms(s.gloss, base, lemmas)
		for _, g := range words[i] {
			uses[g]++
		}
	}
	for i, s := range db.synsets {
		for _, w := range s.words {
			r := db.rankOf(s, w)
			if int(r) > t.opts.glossSenses || strings.Contains(w, "_") {
				continue
			}
			for _, g := range words[i] {
				if uses[g] <= t.opts.glossUses {
					t.add(w, g, kindGloss, r, 1)
					t.add(g, w, kindGlossedBy, 1, r)
				}
			}
		}
	}
}

// glossTerms returns the distinct terms of a definition's words that are
// lemmas' terms, each word read through its base form ("rode" → ride).
func glossTerms(gloss string, base map[string]string, lemmas map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(gloss), func(r rune) bool {
		return !('a' <= r && r <= 'z' || r == '-' || r == '\'')
	}) {
		w = strings.Trim(w, "-'")
		if b, ok := base[w]; ok {
			w = b
		}
		term, ok := termOf(w)
		if ok && lemmas[term] && !slices.Contains(out, term) {
			out = append(out, term)
		}
	}
	return out
}

// baseForms maps each irregular form to its first base form, verbs first.
func (db *database) baseForms() map[string]string {
	m := map[string]string{}
	for _, pos := range exceptionPOS {
		for _, e := range db.exceptions {
			if _, ok := m[e.form]; !ok && e.pos == pos && len(e.bases) > 0 {
				m[e.form] = e.bases[0]
			}
		}
	}
	return m
}

// addSynonyms relates every two words of s.
func (t *table) addSynonyms(db *database, s *synset) {
	for i, w := range s.words {
		for j, v := range s.words {
			if i != j {
				t.add(w, v, kindSynonym, db.rankOf(s, w), db.rankOf(s, v))
			}
		}
	}
}

// addCompoundHeads relates the one-word nouns of s to the heads of the
// compound nouns of class, which is s itself or its hypernym: "Paris" to
// "capital" (from its synonym "capital of France"), "car" to "vehicle" (from
// its hypernym "motor vehicle"); and the heads back to the words.
func (t *table) addCompoundHeads(db *database, s, class *synset) {
	if s.id.pos != 'n' {
		return
	}
	for _, v := range class.words {
		head, ok := compoundHead(v)
		if !ok {
			continue
		}
		for _, w := range s.words {
			if !strings.Contains(w, "_") {
				t.add(w, head, kindCompoundHead, db.rankOf(s, w), db.rankOf(class, v))
				t.add(head, w, kindCompoundOf, db.rankOf(class, v), db.rankOf(s, w))
			}
		}
	}
}

// compoundHead returns the head of a multi-word common noun: the word
// before its first stop word ("capital_of_France"), else its last word
// ("motor_vehicle"). Proper names, whose head is capitalised ("New_York",
// "City_of_Light"), have none.
func compoundHead(lemma string) (string, bool) {
	words := strings.Split(lemma, "_")
	if len(words) < 2 {
		return "", false
	}
	head := words[len(words)-1]
	for i := 1; i < len(words); i++ {
		if english.IsStopWord(strings.ToLower(words[i])) {
			head = words[i-1]
			break
		}
	}
	if head == "" || head != strings.ToLower(head) {
		return "", false
	}
	return head, true
}

// addPointer relates the words of s and target through p: all their words
// for a relation between synsets, the two words it names for a lexical one.
// reverse relates target's words to s's.
func (t *table) addPointer(db *database, s, target *synset, p pointer, kind uint8, reverse bool) {
	for i, w := range s.words {
		if p.src != 0 && p.src != i+1 {
			continue
		}
		for j, v := range target.words {
			if p.dst != 0 && p.dst != j+1 {
				continue
			}
			if reverse {
				t.add(v, w, kind, db.rankOf(target, v), db.rankOf(s, w))
			} else {
				t.add(w, v, kind, db.rankOf(s, w), db.rankOf(target, v))
			}
		}
	}
}

// rankOf returns the sense rank of word w in s, capped at maxRank.
func (db *database) rankOf(s *synset, w string) uint8 {
	r, ok := db.rank[senseKey{s.id, strings.ToLower(w)}]
	if !ok || r > maxRank {
		return maxRank
	}
	return uint8(r)
}

// add records that lemma w relates to lemma v, keeping the most frequent
// pairing of senses when the same terms relate more than once.
func (t *table) add(w, v string, kind uint8, srcRank, dstRank uint8) {
	if t.opts.senses > 0 && int(srcRank) > t.opts.senses {
		return
	}
	a, ok := termOf(w)
	if !ok {
		return
	}
	b, ok := termOf(v)
	if !ok || a == b {
		return
	}
	k := relKey{t.id(a), t.id(b), kind}
	r := ranks{srcRank, dstRank}
	if old, ok := t.rels[k]; !ok || r.better(old) {
		t.rels[k] = r
	}
}

func (t *table) id(term string) int32 {
	if n, ok := t.ids[term]; ok {
		return n
	}
	n := int32(len(t.terms))
	t.ids[term] = n
	t.terms = append(t.terms, term)
	return n
}

// exceptionPOS orders base forms: verbs first, since most irregular forms
// in news text are verbs.
var exceptionPOS = []byte{'v', 'n', 'a', 'r'}

// addExceptions keeps the one-word exceptions whose base differs from the form.
func (t *table) addExceptions(db *database) {
	for _, pos := range exceptionPOS {
		for _, e := range db.exceptions {
			if e.pos != pos || !plainWord(e.form) {
				continue
			}
			for _, b := range e.bases {
				entry := string(pos) + b
				if b != e.form && plainWord(b) && !slices.Contains(t.exc[e.form], entry) {
					t.exc[e.form] = append(t.exc[e.form], entry)
				}
			}
		}
	}
}

// plainWord reports whether w is one lower-case word of letters, digits,
// hyphens, dots and apostrophes, as qa's tokenizer produces them.
func plainWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '\'') {
			return false
		}
	}
	return true
}

// termOf returns the term qa indexes a one-word lemma under: its snowball
// stem, each part stemmed for a hyphenated word, dots dropped. A phrasal
// verb, a word and a particle ("turn_down", "pull_out"), has the stem of
// its word, "_" and the particle. Other multi-word lemmas, single letters
// and stop words have none.
func termOf(lemma string) (string, bool) {
	w := strings.ToLower(lemma)
	if verb, particle, ok := strings.Cut(w, "_"); ok && en.IsParticle(particle) {
		t, ok := termOf(verb)
		if !ok || strings.ContainsAny(t, "-_") {
			return "", false
		}
		return t + "_" + particle, true
	}
	if !plainWord(w) {
		return "", false
	}
	if strings.Contains(w, "-") {
		parts := strings.Split(w, "-")
		for i, p := range parts {
			if p == "" {
				return "", false
			}
			parts[i] = english.Stem(p, false)
		}
		return strings.Join(parts, "-"), true
	}
	w = strings.ReplaceAll(w, ".", "")
	if len(w) < 2 || english.IsStopWord(w) || strings.Trim(w, "'") != w {
		return "", false
	}
	return english.Stem(w, false), true
}

// The encoded table, after its text header and a NUL byte, is little-endian:
//
//	nTerms, nRels, nExc uint32
//	termEnd [nTerms]uint32  end of each term in the term bytes; terms sorted
//	relEnd  [nTerms]uint32  end of each term's relations in rels
//	rels    [nRels]uint32   target term<<13 | kind<<8 | source rank<<4 | target rank
//	excEnd  [nExc]uint32    end of each exception line in the exception bytes
//	term bytes, then exception bytes ("form" then " " pos base ..., sorted by form)
//
// A term's relations are sorted by kind, then ranks, then target.

// encode returns the table as bytes, after header.
func (t *table) encode(header string) ([]byte, error) {
	order := make([]int32, len(t.terms)) // new number → old
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(t.terms[a], t.terms[b]) })
	if len(order) >= 1<<19 {
		return nil, fmt.Errorf("%d terms do not fit in 19 bits", len(order))
	}
	renum := make([]uint32, len(order)) // old → new
	for n, old := range order {
		renum[old] = uint32(n)
	}
	bySrc := make([][]uint32, len(order))
	t.stats = [len(kindNames)]int{}
	for k, r := range t.rels {
		e := renum[k.dst]<<13 | uint32(k.kind)<<8 | uint32(r.src)<<4 | uint32(r.dst)
		bySrc[renum[k.src]] = append(bySrc[renum[k.src]], e)
		t.stats[k.kind]++
	}
	forms := make([]string, 0, len(t.exc))
	for f := range t.exc {
		forms = append(forms, f)
	}
	slices.Sort(forms)

	var out bytes.Buffer
	out.WriteString(header)
	out.WriteByte(0)
	put := func(v uint32) { out.Write(binary.LittleEndian.AppendUint32(nil, v)) }
	put(uint32(len(order)))
	put(uint32(len(t.rels)))
	put(uint32(len(forms)))
	end := 0
	for _, old := range order {
		end += len(t.terms[old])
		put(uint32(end))
	}
	end = 0
	for _, es := range bySrc {
		end += len(es)
		put(uint32(end))
	}
	for _, es := range bySrc {
		// kind, then ranks, then target: the entry's bits rearranged
		slices.SortFunc(es, func(a, b uint32) int { return int(int64(entryOrder(a)) - int64(entryOrder(b))) })
		for _, e := range es {
			put(e)
		}
	}
	end = 0
	lines := make([]string, len(forms))
	for i, f := range forms {
		lines[i] = f + " " + strings.Join(t.exc[f], " ")
		end += len(lines[i])
		put(uint32(end))
	}
	for _, old := range order {
		out.WriteString(t.terms[old])
	}
	for _, l := range lines {
		out.WriteString(l)
	}
	return out.Bytes(), nil
}

// entryOrder is the sort key of an encoded relation: kind, source rank,
// target rank, target.
func entryOrder(e uint32) uint64 {
	return uint64(e&0x1fff)<<19 | uint64(e>>13)
}
