package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	en "github.com/briefbot/briefbot/knowledge/english"
)

var update = flag.Bool("update", false, "rewrite testdata/fixture.table")

const fixtureSource = "hand-written test fixture"

// relationsOf lists t's relations as "source kind target sourceRank targetRank".
func relationsOf(t *table) map[string]bool {
	m := map[string]bool{}
	for k, r := range t.rels {
		m[fmt.Sprintf("%s %s %s %d %d", t.terms[k.src], kindNames[k.kind], t.terms[k.dst], r.src, r.dst)] = true
	}
	return m
}

func mustGenerate(tb testing.TB, opts options) ([]byte, *table) {
	tb.Helper()
	data, t, err := generate("testdata", fixtureSource, opts)
	if err != nil {
		tb.Fatalf("generate(testdata): %v", err)
	}
	return data, t
}

func TestRelations(t *testing.T) {
	_, tab := mustGenerate(t, options{})
	rels := relationsOf(tab)
	tests := []struct {
		rel  string
		want bool
	}{
		{"dismiss synonym sack 1 1", true},
		{"sack synonym fire 1 2", true}, // fire's second verb sense
		{"fire synonym dismiss 2 1", true},
		{"fire synonym shoot 1 1", true},
		{"fire synonym flame 1 1", true},
		{"dismiss hypernym remov 1 1", true},
		{"remov hyponym sack 1 1", true},
		{"decis derivation decid 1 1", true},
		{"determin derivation decis 1 1", false}, // a lexical pointer joins decide and decision only
		{"arriv hypernym event 1 1", true},
		{"event hyponym arriv 1 1", true},
		{"accept antonym reject 1 1", true},
		{"reject antonym accept 1 1", true},
		{"larg antonym small 1 1", true},
		{"big antonym small 1 1", false}, // the antonym pointer names large, not big
		{"small antonym larg 1 1", true},
		{"big similar huge 1 1", true},
		{"big similar immens 1 1", true}, // the adjective marker dropped
		{"huge similar larg 1 1", true},
		{"kill causes die 1 1", true},
		{"perish caused-by kill 1 1", true},
		{"snore entails sleep 1 1", true},
		{"sleep entailed-by snore 1 1", true},
		{"presidenti pertainym presid 1 1", true},
		{"presid pertainym presidenti 1 1", true},
		{"citi instance avalon 1 1", true},
		{"avalon instance-of metropoli 1 1", true},
		{"quick synonym speedili 1 1", true},
		{"avalon compound-head capit 1 1", true}, // its synonym "capital of Lyonesse"
		{"capit compound-of avalon 1 1", true},
		{"avalon compound-head center 1 1", true}, // its class "urban center"
		{"center compound-of avalon 1 1", true},
		{"citi compound-head center 1 1", true},
		{"avalon compound-head avalon 1 1", false}, // "New Avalon" is a name
		{"remov compound-head away 1 1", false},    // verbs have no compound heads
		{"reject synonym turn_down 1 1", true},     // a phrasal verb: a word and a particle
		{"turn_down synonym reject 1 1", true},
		{"take_away synonym remov 1 1", true},
		{"sack hypernym take_away 1 1", true},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			if rels[tt.rel] != tt.want {
				t.Errorf("relation %q present = %v, want %v", tt.rel, rels[tt.rel], tt.want)
			}
		})
	}
	for rel := range rels {
		src, rest, _ := strings.Cut(rel, " ")
		_, dst, _ := strings.Cut(rest, " ")
		dst, _, _ = strings.Cut(dst, " ")
		if src == dst {
			t.Errorf("relation %q: self-relations are left out", rel)
		}
		for _, term := range []string{src, dst} {
			if word, particle, ok := strings.Cut(term, "_"); ok && (word == "" || strings.Contains(particle, "_") || !en.IsParticle(particle)) {
				t.Errorf("relation %q: %q is a multi-word lemma but no phrasal verb", rel, term)
			}
		}
	}
}

func TestSensesOption(t *testing.T) {
	_, tab := mustGenerate(t, options{senses: 1})
	rels := relationsOf(tab)
	if rels["fire synonym dismiss 2 1"] {
		t.Errorf("senses=1 kept a relation from fire's second sense")
	}
	if !rels["dismiss synonym fire 1 2"] || !rels["fire synonym shoot 1 1"] {
		t.Errorf("senses=1 dropped a relation from a first sense")
	}
}

func TestGlosses(t *testing.T) {
	_, tab := mustGenerate(t, options{glossSenses: 1, glossUses: 200})
	rels := relationsOf(tab)
	tests := []struct {
		rel  string
		want bool
	}{
		{"reject gloss accept 1 1", true}, // "refuse to accept"
		{"accept glossed-by reject 1 1", true},
		{"kill gloss die 1 1", true}, // "cause to die"
		{"huge gloss big 1 1", true}, // "very big"
		{"avalon gloss citi 1 1", true},
		{"citi glossed-by avalon 1 1", true},
		{"snore gloss asleep 1 1", false}, // "asleep" is no lemma of the database
		{"die gloss stop 1 1", false},     // nor is "stop"
	}
	for _, tt := range tests {
		if rels[tt.rel] != tt.want {
			t.Errorf("relation %q present = %v, want %v", tt.rel, rels[tt.rel], tt.want)
		}
	}
	if _, none := mustGenerate(t, options{}); none.stats[kindGloss]+none.stats[kindGlossedBy] != 0 {
		t.Errorf("without -gloss-senses the table has %d gloss relations, want none", none.stats[kindGloss])
	}
	// Every definition word of the fixture is used once or twice: a limit
	// of 0 uses leaves every one out.
	_, general := mustGenerate(t, options{glossSenses: 1, glossUses: 0})
	for rel := range relationsOf(general) {
		if strings.Contains(rel, " gloss") {
			t.Errorf("glossUses 0 kept %q", rel)
		}
	}
}

func TestDefinition(t *testing.T) {
	tests := []struct{ gloss, want string }{
		{`move fast; "he runs daily"`, "move fast"},
		{"a large town  ", "a large town"},
		{`(of persons) lacking; "a poor man"; "poor people"`, "(of persons) lacking"},
	}
	for _, tt := range tests {
		if got := definition(tt.gloss); got != tt.want {
			t.Errorf("definition(%q) = %q, want %q", tt.gloss, got, tt.want)
		}
	}
}

func TestExceptions(t *testing.T) {
	_, tab := mustGenerate(t, options{})
	tests := []struct {
		form string
		want string
	}{
		{"went", "vgo"},
		{"mice", "nmouse"},
		{"ground", "vgrind"},
		{"bigger", "abig"},
		{"better", "rwell"},
		{"fired", "vfire"},
	}
	for _, tt := range tests {
		if got := strings.Join(tab.exc[tt.form], " "); got != tt.want {
			t.Errorf("exceptions[%q] = %q, want %q", tt.form, got, tt.want)
		}
	}
}

// TestDeterministic generates the fixture's table several times (map order
// differs from run to run) and compares it with the committed golden copy,
// which qa's tests also read.
func TestDeterministic(t *testing.T) {
	first, _ := mustGenerate(t, options{})
	for i := range 3 {
		if again, _ := mustGenerate(t, options{}); !bytes.Equal(first, again) {
			t.Fatalf("run %d: the table differs from the first run's", i+2)
		}
	}
	golden := filepath.Join("testdata", "fixture.table")
	if *update {
		if err := os.WriteFile(golden, first, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(first, want) {
		t.Errorf("the table differs from %s; if the change is meant, run go test -update", golden)
	}
}

func TestHeader(t *testing.T) {
	data, _ := mustGenerate(t, options{})
	header, _, ok := bytes.Cut(data, []byte{0})
	if !ok {
		t.Fatal("no NUL after the header")
	}
	for _, want := range []string{"source: " + fixtureSource, "kinds: synonym derivation", "Not WordNet data.", "input sha256: "} {
		if !bytes.Contains(header, []byte(want)) {
			t.Errorf("header lacks %q:\n%s", want, header)
		}
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no source", []string{"-dict", "testdata"}, "-source is required"},
		{"missing folder", []string{"-dict", "testdata/none", "-source", "x"}, "index.noun"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(append(tt.args, "-o", filepath.Join(t.TempDir(), "t")), &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, line, want string
	}{
		{"short data line", "data.noun", "00000144 04 n", "fields"},
		{"bad word count", "data.noun", "00000144 04 n zz event 0 000 | x", "w_cnt"},
		{"truncated pointers", "data.noun", "00000144 04 n 01 event 0 002 ~ 00000218 n 0000 | x", "pointers"},
		{"bad index count", "index.noun", "event n x 0 1 1 00000144", "synset_cnt"},
		{"index offsets missing", "index.noun", "event n 2 0 2 2 00000144", "fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyFixture(t, dir)
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.line+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := readDatabase(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.file+":1") {
				t.Errorf("readDatabase with %s %q = %v, want an error at %s:1 containing %q", tt.file, tt.line, err, tt.file, tt.want)
			}
		})
	}
}

func copyFixture(tb testing.TB, dir string) {
	tb.Helper()
	names, err := filepath.Glob("testdata/*.*")
	if err != nil {
		tb.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(n)), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// termOf gives one-word lemmas and phrasal verbs their terms, and other
// multi-word lemmas none.
func TestTermOf(t *testing.T) {
	tests := []struct {
		lemma, want string
		ok          bool
	}{
		{"dismissal", "dismiss", true},
		{"Break-in", "break-in", true},
		{"turn_down", "turn_down", true},
		{"carry_out", "carri_out", true}, // the word stemmed, the particle kept
		{"give_the_sack", "", false},     // more than a word and a particle
		{"capital_of_France", "", false},
		{"motor_vehicle", "", false}, // not a particle
		{"in_on", "", false},         // a stop word is no verb
		{"take-away_out", "", false},
		{"the", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.lemma, func(t *testing.T) {
			got, ok := termOf(tt.lemma)
			if got != tt.want || ok != tt.ok {
				t.Errorf("termOf(%q) = %q, %v; want %q, %v", tt.lemma, got, ok, tt.want, tt.ok)
			}
		})
	}
}
