package qa

import (
	"os"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

// The generator's golden table, made from its hand-written fixture.
const wordnetFixture = "internal/wordnetgen/testdata/fixture.table"

func mustFixtureWordnet(tb testing.TB) *wordnet {
	tb.Helper()
	b, err := os.ReadFile(wordnetFixture)
	if err != nil {
		tb.Fatal(err)
	}
	w, err := parseWordnet(string(b))
	if err != nil {
		tb.Fatalf("parseWordnet(%s): %v", wordnetFixture, err)
	}
	return w
}

// TestWordnetEveryday looks up everyday pairs of English words in the
// embedded table, by their snowball stems.
func TestWordnetEveryday(t *testing.T) {
	w := loadWordnet()
	tests := []struct {
		a, b     string
		kind     relKind
		maxSense uint8 // the larger of the two ranks is at most this
	}{
		{"decision", "decide", relDerivation, 1},
		{"departure", "depart", relDerivation, 1},
		{"presidential", "president", relDerivation, 1},
		{"sack", "dismiss", relSynonym, 2},
		{"dismiss", "sack", relSynonym, 2},
		{"purchase", "buy", relSynonym, 1},
		{"begin", "start", relSynonym, 1},
		{"postpone", "delay", relSynonym, 1},
		{"injure", "wound", relSynonym, 1},
		{"car", "automobile", relSynonym, 1},
		{"big", "large", relSynonym, 1},
		{"big", "huge", relSimilar, 1},
		{"accept", "reject", relAntonym, 1},
		{"reject", "accept", relAntonym, 1},
		{"win", "lose", relAntonym, 1},
		{"kill", "die", relCauses, 1},
		{"die", "kill", relCausedBy, 1},
		{"buy", "pay", relEntails, 1},
		{"pay", "buy", relEntailedBy, 3},
		{"dog", "canine", relHypernym, 2},
		{"canine", "dog", relHyponym, 2},
		{"car", "vehicle", relCompoundHead, 1},
		{"vehicle", "car", relCompoundOf, 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"→"+tt.b, func(t *testing.T) {
			a, b := english.Stem(tt.a, false), english.Stem(tt.b, false)
			r, ok := w.relation(a, b, kindSet(tt.kind))
			if !ok {
				t.Fatalf("relation(%q, %q, %v) not found; related: %v", a, b, tt.kind, w.related(a, kindSet(tt.kind)))
			}
			if r.stem != b || r.kind != tt.kind || max(r.sense, r.targetSense) > tt.maxSense {
				t.Errorf("relation(%q, %q, %v) = %+v, want ranks at most %d", a, b, tt.kind, r, tt.maxSense)
			}
		})
	}
}

func TestWordnetUnrelated(t *testing.T) {
	w := loadWordnet()
	tests := []struct {
		a, b  string
		kinds relKinds
	}{
		{"accept", "reject", kindSet(relSynonym, relHypernym, relHyponym)},
		{"car", "banana", allRelKinds},
		{"sack", "dismiss", kindSet(relAntonym)},
		{"", "", allRelKinds},
	}
	for _, tt := range tests {
		a, b := english.Stem(tt.a, false), english.Stem(tt.b, false)
		if r, ok := w.relation(a, b, tt.kinds); ok {
			t.Errorf("relation(%q, %q) = %+v, want none", a, b, r)
		}
	}
	for _, stem := range []string{"qzxv", "the", "", "carry out", "carri_out_of", "give_the_sack"} {
		if got := w.related(stem, allRelKinds); len(got) != 0 {
			t.Errorf("related(%q) = %v, want none", stem, got)
		}
	}
}

func TestWordnetKindsFilter(t *testing.T) {
	w := loadWordnet()
	all := w.related("accept", allRelKinds)
	antonyms := w.related("accept", kindSet(relAntonym))
	if len(antonyms) == 0 || len(antonyms) >= len(all) {
		t.Fatalf("related(accept): %d antonyms of %d relations", len(antonyms), len(all))
	}
	for _, r := range antonyms {
		if r.kind != relAntonym {
			t.Errorf("related(accept, antonyms) gave %+v", r)
		}
	}
	for i := 1; i < len(all); i++ {
		p, r := all[i-1], all[i]
		if p.kind > r.kind || p.kind == r.kind && p.sense > r.sense {
			t.Errorf("related(accept): %+v before %+v, want kind then sense order", p, r)
		}
	}
}

// TestWordnetEveryKind checks that the embedded table holds every kind and
// names its source and licence.
func TestWordnetEveryKind(t *testing.T) {
	w := loadWordnet()
	checkWordnet(t, w)
	var counts [numRelKinds]int
	for i := range w.nTerms {
		for _, r := range w.related(w.term(i), allRelKinds) {
			counts[r.kind]++
		}
	}
	for k, n := range counts {
		if n == 0 {
			t.Errorf("no %v relations in the table", relKind(k))
		}
	}
	t.Logf("%d bytes, %d terms; relations by kind: %v", len(wordnetTable), w.nTerms, counts)
	header, _, _ := strings.Cut(wordnetTable, "\x00")
	for _, want := range []string{"source: Princeton WordNet 3.0", "WordNet 3.0 Copyright 2006 by Princeton University.", "WORDNET-LICENSE"} {
		if !strings.Contains(header, want) {
			t.Errorf("table header lacks %q", want)
		}
	}
}

func TestWordnetBaseForms(t *testing.T) {
	w := loadWordnet()
	tests := []struct {
		word string
		want string // lemma/pos, ...
	}{
		{"went", "go/v"},
		{"fought", "fight/v"},
		{"mice", "mouse/n"},
		{"children", "child/n"},
		{"better", "good/a well/a well/r"},
		{"walked", ""}, // regular: the stemmer's job
		{"", ""},
		{"Went", ""}, // lower case only
	}
	for _, tt := range tests {
		if got := formatBaseForms(w.baseForms(tt.word)); got != tt.want {
			t.Errorf("baseForms(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func formatBaseForms(bs []baseForm) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, b.lemma+"/"+string(b.pos))
	}
	return strings.Join(parts, " ")
}

// checkWordnet checks what parseWordnet leaves to the generator: the terms
// and irregular forms are sorted, every relation names a term and a kind,
// and each term's relations are in kind, then rank order.
func checkWordnet(tb testing.TB, w *wordnet) {
	tb.Helper()
	for i := 1; i < w.nTerms; i++ {
		if w.term(i-1) >= w.term(i) {
			tb.Fatalf("terms %d and %d out of order: %q, %q", i-1, i, w.term(i-1), w.term(i))
		}
	}
	for i := 1; i < w.nExc; i++ {
		if w.excForm(i-1) >= w.excForm(i) {
			tb.Fatalf("irregular forms out of order: %q, %q", w.excForm(i-1), w.excForm(i))
		}
	}
	for i := range w.nTerms {
		start, end := w.relations(w.term(i))
		var prev relatedStem
		for j := start; j < end; j++ {
			r, ok := w.relationAt(j)
			if !ok || r.sense < 1 || r.targetSense < 1 || r.stem == w.term(i) {
				tb.Fatalf("relation %d of %q: %+v, %v", j, w.term(i), r, ok)
			}
			if j > start && (r.kind < prev.kind || r.kind == prev.kind && r.sense < prev.sense) {
				tb.Fatalf("relations of %q out of order: %+v after %+v", w.term(i), r, prev)
			}
			prev = r
		}
	}
}

// TestWordnetFixture reads the table the generator makes from its
// hand-written synsets, so that it checks the two ends together.
func TestWordnetFixture(t *testing.T) {
	w := mustFixtureWordnet(t)
	checkWordnet(t, w)
	tests := []struct {
		a, b               string
		kinds              relKinds
		ok                 bool
		kind               relKind
		sense, targetSense uint8
	}{
		{"fire", "dismiss", allRelKinds, true, relSynonym, 2, 1}, // fire's second verb sense
		{"fire", "flame", allRelKinds, true, relSynonym, 1, 1},
		{"larg", "small", allRelKinds, true, relAntonym, 1, 1},
		{"big", "small", allRelKinds, false, 0, 0, 0}, // the antonym joins large and small only
		{"perish", "kill", allRelKinds, true, relCausedBy, 1, 1},
		{"avalon", "capit", allRelKinds, true, relCompoundHead, 1, 1},
		{"decis", "decid", kindSet(relSynonym), false, 0, 0, 0},
	}
	for _, tt := range tests {
		r, ok := w.relation(tt.a, tt.b, tt.kinds)
		want := relatedStem{stem: tt.b, kind: tt.kind, sense: tt.sense, targetSense: tt.targetSense}
		if ok != tt.ok || ok && r != want {
			t.Errorf("relation(%q, %q) = %+v, %v; want %+v, %v", tt.a, tt.b, r, ok, want, tt.ok)
		}
	}
	if got := formatBaseForms(w.baseForms("ground")); got != "grind/v" {
		t.Errorf("baseForms(ground) = %q, want grind/v", got)
	}
}

func TestWordnetNil(t *testing.T) {
	var w *wordnet
	if w.related("fire", allRelKinds) != nil || w.baseForms("went") != nil {
		t.Error("a nil wordnet found something")
	}
	if _, ok := w.relation("fire", "dismiss", allRelKinds); ok {
		t.Error("a nil wordnet found a relation")
	}
}

func TestParseWordnetErrors(t *testing.T) {
	b, err := os.ReadFile(wordnetFixture)
	if err != nil {
		t.Fatal(err)
	}
	good := string(b)
	header, _, _ := strings.Cut(good, "\x00")
	body := len(header) + 1
	tests := []struct {
		name, data string
	}{
		{"empty", ""},
		{"not a table", "hello\x00world"},
		{"other kinds", strings.Replace(good, "kinds: synonym derivation", "kinds: derivation synonym", 1)},
		{"no counts", good[:body+8]},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", good + "x"},
		{"term count too large", good[:body] + "\xff\xff\x07\x00" + good[body+4:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseWordnet(tt.data); err == nil {
				t.Errorf("parseWordnet accepted a broken table")
			}
		})
	}
	// every prefix of the table is broken
	for n := range len(good) {
		if _, err := parseWordnet(good[:n]); err == nil {
			t.Fatalf("parseWordnet accepted the first %d of %d bytes", n, len(good))
		}
	}
}

// checkLookups looks up s every way; it must not panic, and what it finds
// must be in range.
func checkLookups(t *testing.T, w *wordnet, s string) {
	for _, r := range w.related(s, allRelKinds) {
		if r.kind >= numRelKinds || r.sense > 15 || r.targetSense > 15 {
			t.Fatalf("related(%q) gave %+v", s, r)
		}
		if _, ok := w.relation(s, r.stem, kindSet(r.kind)); !ok {
			t.Fatalf("related(%q) gave %+v, but relation finds none", s, r)
		}
	}
	for _, b := range w.baseForms(s) {
		if b.lemma == "" || !strings.ContainsRune("vnar", rune(b.pos)) {
			t.Fatalf("baseForms(%q) gave %+v", s, b)
		}
	}
}

func FuzzWordnetLookup(f *testing.F) {
	for _, s := range []string{"", "fire", "accept", "went", "self-defens", "\x00", "zzzz", "a", "\xff\xfe", strings.Repeat("a", 300)} {
		f.Add(s)
	}
	w := loadWordnet()
	f.Fuzz(func(t *testing.T, s string) {
		checkLookups(t, w, s)
		for _, r := range w.related(s, allRelKinds) {
			if search(w.nTerms, w.term, r.stem) < 0 {
				t.Fatalf("related(%q) gave %q, which is not a term", s, r.stem)
			}
		}
	})
}

// FuzzParseWordnet feeds the parser altered tables: it must refuse them or
// give a table whose lookups work.
func FuzzParseWordnet(f *testing.F) {
	b, err := os.ReadFile(wordnetFixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, "fire")
	f.Add(b[:len(b)/2], "big")
	f.Fuzz(func(t *testing.T, data []byte, s string) {
		w, err := parseWordnet(string(data))
		if err != nil {
			return
		}
		for i := range w.nTerms {
			checkLookups(t, w, w.term(i))
		}
		checkLookups(t, w, s)
	})
}

// BenchmarkLoadWordnet measures what building an Engine pays for the table:
// it is read in place, so this is the check of its structure.
func BenchmarkLoadWordnet(b *testing.B) {
	b.ReportAllocs()
	b.ReportMetric(float64(len(wordnetTable)), "table-bytes")
	for b.Loop() {
		loadWordnet()
	}
}

// BenchmarkWordnetRelated looks up everyday stems with every kind.
func BenchmarkWordnetRelated(b *testing.B) {
	w := loadWordnet()
	stems := []string{"accept", "decis", "sack", "kill", "car", "qzxv", "attack", "presid"}
	var buf []relatedStem
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf = w.appendRelated(buf[:0], stems[i%len(stems)], allRelKinds)
		i++
	}
}
