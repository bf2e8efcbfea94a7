package qa

import (
	"reflect"
	"strings"
	"testing"
)

// termsOf returns the non-empty terms of text through the plain analyzer.
func termsOf(text string) []string {
	var a analyzer
	var out []string
	for _, t := range a.tokens(text, nil, false) {
		if t.term != "" {
			out = append(out, t.term)
		}
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"hyphenated keeps the whole and its parts", "ISIS-K", []string{"isi-k", "isi"}},
		{"possessive curly", "ISIS-K’s propaganda", []string{"isi-k", "isi", "propaganda"}},
		{"possessive straight", "Kabul's airport", []string{"kabul", "airport"}},
		{"U.S. is the country", "U.S. troops", []string{"unitedstates", "troop"}},
		{"US in capitals is the country", "the US said", []string{"unitedstates", "say"}},
		{"us in lower case is a pronoun", "they see us as the enemy", []string{"see", "enemi"}},
		{"United States is one term", "The United States says", []string{"unitedstates", "say"}},
		{"America and American", "America and American forces", []string{"unitedstates", "unitedstates", "forc"}},
		{"demonyms join their country", "Russian officials in Russia", []string{"russia", "offici", "russia"}},
		{"al-Assad", "Bashar al-Assad", []string{"bashar", "al-assad", "al", "assad"}},
		{"numbers", "killed 13 people and 1,000 more in 2021, about 2.5 times", []string{"kill", "13", "peopl", "1000", "2021", "2.5", "time"}},
		{"number words", "thirteen troops", []string{"13", "troop"}},
		{"irregular forms", "he said, she told, they went, children", []string{"say", "tell", "go", "child"}},
		{"synonyms", "soldiers and troops", []string{"troop", "troop"}},
		{"non-breaking space", "Crocus\u00a0City\u00a0Hall", []string{"crocus", "citi", "hall"}},
		{"soft hyphen inside a word", "Kras\u00adnogorsk", []string{"krasnogorsk"}},
		{"stop words only", "what is the and of it", nil},
		{"contractions", "didn't it’s they're", nil},
		{"control characters", "Moscow\x00\x07attack", []string{"moscow", "attack"}},
		{"sentence-final abbreviation", "troops left the U.S.", []string{"troop", "leav", "unitedstates"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := termsOf(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "“ISIS-K has been fixated on Russia,” said Colin Clarke."
	var a analyzer
	for _, tok := range a.tokens(text, nil, false) {
		if tok.has(tokPart) || tok.has(tokAlias) {
			continue
		}
		got := strings.ToLower(strings.NewReplacer("’", "'").Replace(text[tok.start:tok.end]))
		if got != tok.word {
			t.Errorf("token %q spans %q", tok.word, got)
		}
	}
}

func TestTokenFlags(t *testing.T) {
	var a analyzer
	toks := a.tokens("Who said 13 troops died in Kabul?", nil, false)
	want := map[string]tokFlag{"who": tokWh | tokStop | tokCap, "13": tokNum, "kabul": tokCap}
	for _, tok := range toks {
		if f, ok := want[tok.word]; ok && tok.flags&f != f {
			t.Errorf("token %q flags %b, want %b set", tok.word, tok.flags, f)
		}
	}
}

func TestAliasPhrases(t *testing.T) {
	b := handSeed(t)
	e := New(b)
	got := e.an.terms("Islamic State Khorasan")
	if !contains(got, e.primary("ISIS-K")[0]) {
		t.Errorf("terms(Islamic State Khorasan) = %q, want the term of ISIS-K among them", got)
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("The U.S. military has said it can see the “broad contours” of an impending attack. ", 20)
	var a analyzer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a.tokens(text, nil, false)
	}
}

// TestTokenIDs checks that a built engine's tokens carry their term's index
// id and their word's classes, as the question path reads them instead of
// looking the term and the word up: for the seed's questions (words it has
// and has not, capitals, aliases, hyphenated words) and for its own
// sentences.
func TestTokenIDs(t *testing.T) {
	e := New(mustParse(t, "seed.txt"))
	texts := []string{"What did the U.S. say about ISIS-K's well-known anti-drone unit?", "Who is NOBODY-in-particular?", "Why didn't they say-so, according to the article?"}
	for _, c := range askMix(t) {
		texts = append(texts, c.Q)
	}
	for _, d := range e.docs {
		texts = append(texts, d.text)
	}
	known, classed := 0, 0
	for _, text := range texts {
		for _, tok := range e.an.tokens(text, nil, false) {
			if want := e.ix.idOf(tok.term); tok.id != want {
				t.Fatalf("%q: token %q (term %q) has id %d, want %d", text, tok.word, tok.term, tok.id, want)
			}
			if got, want := tok.flags&tokClasses, classFlags(tok.word); got != want {
				t.Fatalf("%q: token %q has classes %b, want %b", text, tok.word, got, want)
			}
			if tok.id >= 0 {
				known++
			}
			if tok.flags&tokClasses != 0 {
				classed++
			}
		}
	}
	if known == 0 || classed == 0 {
		t.Fatalf("%d tokens have an index id, %d a class; want some of each", known, classed)
	}
}

func TestLowerOpening(t *testing.T) {
	for _, w := range []string{"What", "Who", "How", "When", "Where", "Why", "Which", "Whom", "Whose", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Has", "Have", "Had", "Can", "Could", "Will", "Would", "Should", "Kabul", "NATO", "X1"} {
		if got, want := lowerOpening(w), strings.ToLower(w); got != want {
			t.Errorf("lowerOpening(%q) = %q, want %q", w, got, want)
		}
	}
}

// An irregular form the hand-written tables lack takes the term of its
// base form from WordNet's irregular forms, unless it is a word of its own.
func TestIrregularForms(t *testing.T) {
	e := New()
	tests := []struct {
		form, base string
		same       bool
	}{
		{"shrank", "shrink", true},
		{"upheld", "uphold", true},
		{"swung", "swing", true},
		{"crises", "crisis", true},
		{"criteria", "criterion", true},
		{"bound", "bind", false}, // a word of its own: "bound for Oslo"
		{"better", "good", false},
		{"dui", "duo", false}, // mostly a name, or a loanword
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			f, b := e.an.analyseWord(tt.form), e.an.analyseWord(tt.base)
			if (f == b) != tt.same {
				t.Errorf("terms of %q and %q: %q and %q; want the same: %v", tt.form, tt.base, f, b, tt.same)
			}
		})
	}
}

func TestIsMeasured(t *testing.T) {
	tests := []struct {
		term   string
		want   bool
		length bool // gluedLength: the unit measures a length
	}{
		{"31c", true, false}, {"40kg", true, false}, {"3.5km", true, true}, {"39kb", true, false},
		{"12ft", true, true}, {"400mm", true, true}, {"3mi", true, true}, {"40yd", true, true},
		{"10pm", false, false}, {"3rd", false, false}, {"5g", false, false}, {"3m", false, false},
		{"31", false, false}, {"kg", false, false}, {"km", false, false}, {"fh-16", false, false}, {"", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			if got := isMeasured(tt.term); got != tt.want {
				t.Errorf("isMeasured(%q) = %v, want %v", tt.term, got, tt.want)
			}
			if got := gluedLength(tt.term); got != tt.length {
				t.Errorf("gluedLength(%q) = %v, want %v", tt.term, got, tt.length)
			}
		})
	}
}
