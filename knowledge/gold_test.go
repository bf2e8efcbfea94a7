package knowledge_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// The gold files (testdata/*.gold.json) say what a careful human annotator
// finds in each briefing, in the format of shared/eval/seed-gold.json. The
// articles other than the seed are fictional, written for this project.

type goldFile struct {
	Briefing      string          `json:"briefing"` // relative to testdata/
	Published     string          `json:"published"`
	PublishedNote string          `json:"published_note"`
	Quotes        []goldQuote     `json:"quotes"`
	Statements    []goldStatement `json:"statements"`
	Sources       goldSources     `json:"sources"`
	Sections      []string        `json:"sections"`
	Boilerplate   []string        `json:"boilerplate"`
	Aliases       [][]string      `json:"aliases"`
	Events        []goldEvent     `json:"events"`
}

type goldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
}

type goldStatement struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

type goldSources struct {
	People        []string `json:"people"`
	Organisations []string `json:"organisations"` // organisations and groups ("U.S. officials")
	Anonymous     []string `json:"anonymous,omitempty"`
	MediaCredits  []string `json:"media_credits"`
}

type goldEvent struct {
	When   string `json:"when"`
	End    string `json:"end,omitempty"` // only for spans; checked when present
	Approx bool   `json:"approx"`
	What   string `json:"what"`
	Text   string `json:"text"`
}

// A goldQAItem is one question of a qa/testdata/*-qa.json file.
type goldQAItem struct {
	ID           string   `json:"id"`
	Q            string   `json:"q"`
	AnyOf        []string `json:"any_of"`
	Speaker      string   `json:"speaker"`
	Unanswerable bool     `json:"unanswerable"`
}

// goldBars holds the least each measure must reach for a briefing to pass.
// People, organisations, sections, boilerplate and aliases must always all
// be right; media credits are reported but not required.
type goldBars struct {
	quotes, statements, events func(n int) int
}

func barAll(n int) int       { return n }
func barAllButOne(n int) int { return max(n-1, 0) }
func barAtLeast(f float64) func(int) int {
	return func(n int) int { return int(math.Ceil(f * float64(n))) }
}

// goldBarsFor returns the bars of issue 2: the seed must get every quote, all
// but one statement and every event; the other fixtures at least 90 % of
// quotes, 85 % of statements and 90 % of events.
func goldBarsFor(goldName string) goldBars {
	if goldName == "seed.gold.json" {
		return goldBars{quotes: barAll, statements: barAllButOne, events: barAll}
	}
	return goldBars{quotes: barAtLeast(0.90), statements: barAtLeast(0.85), events: barAtLeast(0.90)}
}

func TestGold(t *testing.T) {
	for _, path := range goldPaths(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".gold.json")
		t.Run(name, func(t *testing.T) {
			g := loadGold(t, path)
			b := goldBriefing(t, g)
			r := scoreGold(g, b)
			t.Logf("%s: per-item results\n%s", name, r.table())
			t.Logf("%s: %s", name, r.summary())
			r.check(t, goldBarsFor(filepath.Base(path)))
		})
	}
}

// goldBriefing parses the article a gold file describes.
func goldBriefing(tb testing.TB, g *goldFile) *knowledge.Briefing {
	tb.Helper()
	article := filepath.Join("testdata", g.Briefing)
	data, err := os.ReadFile(article)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := knowledge.Parse(article, data)
	if err != nil {
		tb.Fatalf("Parse(%s): %v", article, err)
	}
	if b == nil {
		tb.Fatalf("Parse(%s) returned a nil briefing and no error", article)
	}
	return b
}

// goldKin are the kinship nouns of a role the parser writes as "sister of
// Tomas Brenner" for "his sister, Lena,": the role's words occur apart.
var goldKin = map[string]bool{"mother": true, "father": true, "sister": true, "brother": true, "wife": true, "husband": true, "son": true, "daughter": true}

// TestGoldSubstringsOccur keeps the gold honest: every text the gold or the
// qa files expect must literally occur in its article (after non-breaking
// spaces and soft hyphens are normalised), and the qa copies of the
// articles must be identical to these.
func TestGoldSubstringsOccur(t *testing.T) {
	for _, path := range goldPaths(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".gold.json"), func(t *testing.T) {
			g := loadGold(t, path)
			raw, err := os.ReadFile(filepath.Join("testdata", g.Briefing))
			if err != nil {
				t.Fatal(err)
			}
			text := goldFlatten(string(raw))
			occurs := func(what, s string) {
				t.Helper()
				if s == "" {
					t.Errorf("%s: empty text", what)
				} else if !strings.Contains(text, goldFlatten(s)) {
					t.Errorf("%s %q does not occur in %s", what, s, g.Briefing)
				}
			}
			for _, q := range g.Quotes {
				occurs("quote", q.Text)
				if q.Speaker != "" { // "" for a title or scare quote: no one says it
					occurs("quote speaker", goldLastWord(q.Speaker))
				}
				if kin, whose, ok := strings.Cut(q.Role, " of "); ok && goldKin[kin] {
					occurs("role", kin) // "sister of Tomas Brenner" for "his sister, Lena,"
					occurs("role's person", whose)
				} else if q.Role != "" {
					occurs("role", q.Role)
				}
			}
			for _, s := range g.Statements {
				occurs("statement", s.Text)
				occurs("statement speaker", goldLastWord(s.Speaker))
			}
			for _, e := range g.Events {
				occurs("event", e.Text)
				if e.When == "" && g.Published == "" {
					continue
				}
				if !goldValidDate(e.When) || (e.End != "" && !goldValidDate(e.End)) {
					t.Errorf("event %q: bad date %q..%q", e.Text, e.When, e.End)
				}
			}
			for _, n := range slices.Concat(g.Sources.People, g.Sources.Organisations, g.Sources.MediaCredits) {
				occurs("source", n)
			}
			for _, n := range g.Sources.Anonymous {
				// A description may start a sentence: "A resident of the village, …"
				if !strings.Contains(strings.ToLower(text), strings.ToLower(goldFlatten(n))) {
					t.Errorf("anonymous source %q does not occur in %s", n, g.Briefing)
				}
			}
			for _, s := range g.Sections {
				occurs("section", s)
			}
			for _, s := range g.Boilerplate {
				occurs("boilerplate", s)
			}
			for _, group := range g.Aliases {
				for _, a := range group {
					occurs("alias", a)
				}
			}
			hasHeader := strings.Contains(text, "\n---\n")
			switch {
			case g.Published == "" && hasHeader:
				t.Errorf("gold has no publication date but %s has a header", g.Briefing)
			case g.Published != "" && !strings.Contains(text, "published: "+g.Published+"\n"):
				t.Errorf("%s has no header line %q", g.Briefing, "published: "+g.Published)
			}
		})
	}

	qaFiles, err := filepath.Glob(filepath.Join("..", "qa", "testdata", "*-qa.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range qaFiles {
		base := strings.TrimSuffix(filepath.Base(path), "-qa.json")
		t.Run("qa/"+base, func(t *testing.T) {
			article, raw := goldFindArticle(t, filepath.Dir(path), base)
			if own, err := os.ReadFile(filepath.Join("testdata", filepath.Base(article))); err == nil && !bytes.Equal(own, raw) {
				t.Errorf("%s differs from knowledge/testdata/%s", article, filepath.Base(article))
			}
			text := goldFlatten(string(raw))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var items []goldQAItem
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&items); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			seen := map[string]bool{}
			for _, it := range items {
				if it.ID == "" || seen[it.ID] {
					t.Errorf("%s: missing or repeated id %q", path, it.ID)
				}
				seen[it.ID] = true
				if it.Unanswerable != (len(it.AnyOf) == 0) {
					t.Errorf("%s %s: unanswerable=%v but %d expected substrings", path, it.ID, it.Unanswerable, len(it.AnyOf))
				}
				for _, s := range it.AnyOf {
					if !strings.Contains(text, goldFlatten(s)) {
						t.Errorf("%s %s: %q does not occur in %s", path, it.ID, s, article)
					}
				}
				if it.Speaker != "" && !strings.Contains(text, goldLastWord(it.Speaker)) {
					t.Errorf("%s %s: speaker %q is not named in %s", path, it.ID, it.Speaker, article)
				}
			}
		})
	}
}

// ---- scoring ----

type goldMark struct {
	kind, want, got string
	ok              bool
}

type goldResult struct {
	published                      goldMark
	quotes, statements, events     []goldMark
	people, orgs, anonymous, media []goldMark
	sections, boilerplate, aliases []goldMark
	sectionsEqual                  bool
}

func scoreGold(g *goldFile, b *knowledge.Briefing) *goldResult {
	r := &goldResult{}
	r.published = goldMark{"published", g.Published, b.Published, g.Published == b.Published}
	for _, q := range g.Quotes {
		r.quotes = append(r.quotes, scoreQuote(q, b))
	}
	for _, s := range g.Statements {
		r.statements = append(r.statements, scoreStatement(s, b))
	}
	r.people = scoreSources("person", g.Sources.People, knowledge.Person, b)
	r.orgs = scoreSources("organisation", g.Sources.Organisations, knowledge.Organisation, b)
	r.anonymous = scoreSources("anonymous", g.Sources.Anonymous, knowledge.Anonymous, b)
	r.media = scoreSources("media", g.Sources.MediaCredits, knowledge.MediaCredit, b)

	r.sectionsEqual = slices.EqualFunc(g.Sections, b.Sections, func(a, b string) bool { return goldNorm(a) == goldNorm(b) })
	for _, s := range g.Sections {
		ok := slices.ContainsFunc(b.Sections, func(x string) bool { return goldNorm(x) == goldNorm(s) })
		r.sections = append(r.sections, goldMark{"section", s, "", ok})
	}
	if !r.sectionsEqual {
		r.sections = append(r.sections, goldMark{"sections", fmt.Sprintf("%q", g.Sections), fmt.Sprintf("%q", b.Sections), false})
	}

	for _, line := range g.Boilerplate {
		var in []string
		for _, p := range b.Passages {
			if strings.Contains(goldNorm(p.Text), goldNorm(line)) {
				in = append(in, p.ID)
			}
		}
		r.boilerplate = append(r.boilerplate, goldMark{"dropped", line, goldInPassages(in), len(in) == 0})
	}

	for _, group := range g.Aliases {
		m := goldMark{kind: "alias", want: strings.Join(group, " = ")}
		for _, have := range b.Aliases {
			if goldContainsAll(have, group) {
				m.ok = true
				break
			}
		}
		if !m.ok {
			m.got = fmt.Sprintf("aliases %q", b.Aliases)
		}
		r.aliases = append(r.aliases, m)
	}

	for _, e := range g.Events {
		r.events = append(r.events, scoreEvent(e, b))
	}
	return r
}

func scoreQuote(g goldQuote, b *knowledge.Briefing) goldMark {
	m := goldMark{kind: "quote", want: fmt.Sprintf("%q — %s (%s)", g.Text, g.Speaker, g.Role)}
	var near []string
	for _, q := range b.Quotes {
		if !goldSameQuote(g.Text, q.Text) {
			continue
		}
		if goldNorm(q.Speaker) == goldNorm(g.Speaker) && goldNorm(q.Role) == goldNorm(g.Role) {
			m.ok = true
			return m
		}
		got := fmt.Sprintf("%s (%s)", goldOrNone(q.Speaker), goldNorm(q.Role))
		if q.Sieve != "" {
			got += " by sieve " + q.Sieve
		}
		near = append(near, got)
	}
	if len(near) > 0 {
		m.got = "speaker " + strings.Join(near, "; ")
	} else {
		m.got = "no quote with this text" + goldWhere(g.Text, b)
	}
	return m
}

func scoreStatement(g goldStatement, b *knowledge.Briefing) goldMark {
	m := goldMark{kind: "statement", want: fmt.Sprintf("%q — %s", g.Text, g.Speaker)}
	var near []string
	for _, s := range b.Statements {
		if !strings.Contains(goldNorm(s.Text), goldNorm(g.Text)) {
			continue
		}
		if goldNorm(s.Speaker) == goldNorm(g.Speaker) {
			m.ok = true
			return m
		}
		near = append(near, goldOrNone(s.Speaker))
	}
	if len(near) > 0 {
		m.got = "speaker " + strings.Join(near, "; ")
	} else {
		m.got = "no statement with this text" + goldWhere(g.Text, b)
	}
	return m
}

func scoreSources(label string, names []string, kind knowledge.SourceKind, b *knowledge.Briefing) []goldMark {
	var marks []goldMark
	for _, n := range names {
		m := goldMark{kind: label, want: n}
		for _, s := range b.Sources {
			if goldNorm(s.Name) != goldNorm(n) {
				continue
			}
			if s.Kind == kind || kind == knowledge.Organisation && s.Kind == knowledge.Group {
				m.ok = true
			} else {
				m.got = "kind " + string(s.Kind)
			}
			break
		}
		if !m.ok && m.got == "" {
			var near []string
			for _, s := range b.Sources {
				if s.Name == "" {
					continue
				}
				if strings.Contains(goldNorm(n), goldNorm(s.Name)) || strings.Contains(goldNorm(s.Name), goldNorm(n)) ||
					slices.ContainsFunc(s.Aliases, func(a string) bool { return goldNorm(a) == goldNorm(n) }) {
					near = append(near, fmt.Sprintf("%q (%s)", s.Name, s.Kind))
				}
			}
			if len(near) > 0 {
				m.got = "only " + strings.Join(near, ", ")
			} else {
				m.got = "missing"
			}
		}
		marks = append(marks, m)
	}
	return marks
}

func scoreEvent(g goldEvent, b *knowledge.Briefing) goldMark {
	want := goldOrNone(g.When)
	if g.End != "" {
		want += ".." + g.End
	}
	if g.Approx {
		want = "about " + want
	}
	m := goldMark{kind: "event", want: fmt.Sprintf("%s %q", want, g.Text)}
	var near []string
	for _, e := range b.Events {
		if !strings.Contains(goldNorm(e.Text), goldNorm(g.Text)) && !strings.Contains(goldNorm(e.Expression), goldNorm(g.Text)) {
			continue
		}
		if e.Date == g.When && e.Approx == g.Approx && (g.End == "" || e.End == g.End) {
			m.ok = true
			return m
		}
		got := goldOrNone(e.Date)
		if e.End != "" {
			got += ".." + e.End
		}
		if e.Approx {
			got = "about " + got
		}
		near = append(near, fmt.Sprintf("%s from %q", got, e.Expression))
	}
	if len(near) > 0 {
		m.got = strings.Join(near, "; ")
	} else {
		m.got = "no event in this sentence" + goldWhere(g.Text, b)
	}
	return m
}

// goldSameQuote says whether a parsed quote covers the gold quote: one contains
// the other. A parsed quote inside the gold one must be at least half its
// length, so that a stray two-word fragment does not count.
func goldSameQuote(gold, parsed string) bool {
	g, p := goldTrimPunct(goldNorm(gold)), goldTrimPunct(goldNorm(parsed))
	if p == "" {
		return false
	}
	return strings.Contains(p, g) || (strings.Contains(g, p) && 2*len(p) >= len(g))
}

func (r *goldResult) table() string {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, 0, 0, 2, ' ', 0)
	row := func(m goldMark) {
		if m.ok {
			fmt.Fprintf(w, "✓\t%s\t%s\n", m.kind, m.want)
			return
		}
		fmt.Fprintf(w, "✗\t%s\t%s\n\t\t  got: %s\n", m.kind, m.want, goldOrNone(m.got))
	}
	row(r.published)
	for _, ms := range [][]goldMark{r.quotes, r.statements, r.people, r.orgs, r.anonymous, r.media, r.sections, r.boilerplate, r.aliases, r.events} {
		for _, m := range ms {
			row(m)
		}
	}
	w.Flush()
	return sb.String()
}

func (r *goldResult) summary() string {
	f := func(label string, ms ...[]goldMark) string {
		return fmt.Sprintf("%s %d/%d", label, goldPassed(ms...), goldTotal(ms...))
	}
	return strings.Join([]string{
		f("quotes", r.quotes), f("statements", r.statements),
		f("sources", r.people, r.orgs, r.anonymous), f("media", r.media),
		f("sections", r.sections), f("boilerplate", r.boilerplate),
		f("aliases", r.aliases), f("events", r.events),
	}, " ")
}

func (r *goldResult) check(t testing.TB, bar goldBars) {
	t.Helper()
	need := func(label string, ms []goldMark, min int) {
		t.Helper()
		if got := goldPassed(ms); got < min {
			t.Errorf("%s: %d of %d right, need at least %d", label, got, len(ms), min)
		}
	}
	if !r.published.ok {
		t.Errorf("published: got %q, want %q", r.published.got, r.published.want)
	}
	need("quotes", r.quotes, bar.quotes(len(r.quotes)))
	need("statements", r.statements, bar.statements(len(r.statements)))
	need("people", r.people, len(r.people))
	need("organisations", r.orgs, len(r.orgs))
	need("anonymous sources", r.anonymous, len(r.anonymous))
	need("sections", r.sections, len(r.sections))
	need("boilerplate", r.boilerplate, len(r.boilerplate))
	need("aliases", r.aliases, len(r.aliases))
	need("events", r.events, bar.events(len(r.events)))
}

func goldPassed(mss ...[]goldMark) int {
	n := 0
	for _, ms := range mss {
		for _, m := range ms {
			if m.ok {
				n++
			}
		}
	}
	return n
}

func goldTotal(mss ...[]goldMark) int {
	n := 0
	for _, ms := range mss {
		n += len(ms)
	}
	return n
}

// goldWhere tells in which passage a text stands, to explain a miss.
func goldWhere(text string, b *knowledge.Briefing) string {
	var in []string
	for _, p := range b.Passages {
		if strings.Contains(goldNorm(p.Text), goldNorm(text)) {
			in = append(in, p.ID)
		}
	}
	if len(in) == 0 {
		return " (and the text is in no passage)"
	}
	return " (text is in " + strings.Join(in, ", ") + ")"
}

func goldInPassages(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return "kept in " + strings.Join(ids, ", ")
}

// ---- loading ----

func goldPaths(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.gold.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(paths) == 0 {
		tb.Fatal("no testdata/*.gold.json files")
	}
	return paths
}

func loadGold(tb testing.TB, path string) *goldFile {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var g goldFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if g.Briefing == "" {
		tb.Fatalf("%s: no briefing named", path)
	}
	return &g
}

// goldFindArticle returns the path and bytes of dir/base.txt or dir/base.md.
func goldFindArticle(tb testing.TB, dir, base string) (string, []byte) {
	tb.Helper()
	for _, ext := range []string{".txt", ".md"} {
		p := filepath.Join(dir, base+ext)
		if data, err := os.ReadFile(p); err == nil {
			return p, data
		}
	}
	tb.Fatalf("no article %s.txt or %s.md in %s", base, base, dir)
	return "", nil
}

// ---- normalising ----

// goldFlatten turns non-breaking and other Unicode spaces into plain spaces and
// drops soft hyphens, and nothing else: what a gold text must match literally.
func goldFlatten(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00AD', '\u200B', '\uFEFF':
			return -1
		case '\u00A0', '\u2002', '\u2003', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000':
			return ' '
		}
		return r
	}, s)
}

// goldNorm is goldFlatten plus straight quotes and collapsed white space, for
// comparing what the parser found with the gold.
func goldNorm(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‛', '′':
			return '\''
		case '“', '”', '„', '″':
			return '"'
		}
		return r
	}, goldFlatten(s))
	return strings.Join(strings.Fields(s), " ")
}

func goldTrimPunct(s string) string { return strings.Trim(s, ` .,;:!?"'`) }

func goldContainsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return goldNorm(h) == goldNorm(w) }) {
			return false
		}
	}
	return true
}

func goldLastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func goldValidDate(s string) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

func goldOrNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
