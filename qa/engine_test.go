package qa

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// botEngine mirrors bot.Engine, the method set the bot depends on (bot
// imports qa, so qa's tests cannot import bot).
type botEngine interface {
	Ask(question string) Answer
	Timeline(f TimelineFilter) []TimelineEvent
	Sources() []SourceSummary
	SaidBy(name string) (SourceSummary, []Said, bool)
	Quotes(speaker string) (SourceSummary, []Said, bool)
	Complete(prefix string, quotedOnly bool) []string
	Paragraph(ref string) (Paragraph, bool)
	Briefings() []BriefingInfo
}

var _ botEngine = (*Engine)(nil)

// mustEngine builds an engine over the hand-built seed.
func mustEngine(tb testing.TB) *Engine {
	tb.Helper()
	return New(handSeed(tb))
}

// textEngine builds an engine over one briefing written out in full.
func textEngine(tb testing.TB, name, text string) *Engine {
	tb.Helper()
	b, err := knowledge.Parse(name, []byte(text))
	if err != nil {
		tb.Fatal(err)
	}
	return New(b)
}

// checkAnswer fails tb unless a, the answer to q, is declined when passage
// is "", or answered with a passage that holds passage.
func checkAnswer(tb testing.TB, q string, a Answer, passage string) {
	tb.Helper()
	switch {
	case passage == "" && a.Answered:
		tb.Errorf("Ask(%q) answered %q (why %s); want it declined", q, a.Passage, a.Why)
	case passage != "" && (!a.Answered || !strings.Contains(a.Passage, passage)):
		tb.Errorf("Ask(%q) = answered %v %q (why %s); want the passage with %q", q, a.Answered, a.Passage, a.Why, passage)
	}
}

// An askCase is a question and what its answer's passage must hold, or ""
// when the question is declined.
type askCase struct{ q, want string }

// checkAnswers asks e each case's question, in a subtest of its own, and
// checks the answer as checkAnswer does.
func checkAnswers(t *testing.T, e *Engine, cases []askCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) { checkAnswer(t, c.q, e.Ask(c.q), c.want) })
	}
}

// "Who is the <role>" is answered by the speaker who holds the role, named
// in the sentence that answers.
func TestAskWhoHoldsRole(t *testing.T) {
	e := textEngine(t, "envoy.txt", "title: Talks to resume\npublished: 2024-05-10\n---\nTalks to resume\n\nEnvoy for the Northern Isles Rosa Kint said talks would resume on Monday.\n")
	a := e.Ask("Who is the Envoy for the Northern Isles?")
	if !a.Answered || a.Speaker == nil || a.Speaker.Name != "Rosa Kint" {
		t.Errorf("Ask = answered %v %q, speaker %+v (why %s); want Rosa Kint's sentence", a.Answered, a.Passage, a.Speaker, a.Why)
	}
}

// In a briefing of one paragraph, the only candidate leads by far, but an
// answer must still cover enough of the question: here only the name.
func TestAskCoversEnough(t *testing.T) {
	e := textEngine(t, "ferry.txt", "title: Ferry diverted\npublished: 2024-05-10\n---\nFerry diverted\n\nThe night ferry from Ostra sailed to Velmar instead of Pask on Thursday after high winds closed Pask harbour, operator Nordline said.\n\nSome 140 passengers were on board.\n")
	for _, tt := range []struct{ q, passage string }{
		{"To which town will Nordline move its head office?", ""},
		{"Where did the night ferry sail to?", "Velmar"},
	} {
		checkAnswer(t, tt.q, e.Ask(tt.q), tt.passage)
	}
}

func TestAskBadInput(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name, q string
	}{
		{"empty", ""},
		{"whitespace", " \t\n\u00a0 "},
		{"only stop words", "what is it that they were?"},
		{"control characters", "\x00\x01\x1b[31m\x7f"},
		{"another language", "¿Quién es el responsable del ataque en la sala de conciertos?"},
		{"another script", "Кто несёт ответственность за нападение?"},
		{"someone not mentioned", "What did Justin Trudeau say about the attack?"},
		{"long", strings.Repeat("Why was Moscow attacked by unknown people from elsewhere? ", 180)},
		{"invalid utf-8", "who \xff\xfe said \xc3"},
		{"punctuation", "?!?!... --- ***"},
		{"emoji", "🔥🔥🔥 ??"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Ask(tt.q)
			if a.Answered {
				t.Errorf("Ask(%.40q) answered %q, want an abstention", tt.q, a.Passage)
			}
			if a.Why == "" {
				t.Errorf("Ask(%.40q): abstention without a Why", tt.q)
			}
			if a.Passage != "" || a.Speaker != nil {
				t.Errorf("Ask(%.40q): abstention with passage %q", tt.q, a.Passage)
			}
			if len(a.Suggestions) == 0 {
				t.Errorf("Ask(%.40q): abstention without suggestions", tt.q)
			}
			if a.Question != tt.q {
				t.Errorf("Ask(%.40q).Question = %.40q", tt.q, a.Question)
			}
		})
	}
}

func TestAskNamesMissing(t *testing.T) {
	e := mustEngine(t)
	a := e.Ask("What did Justin Trudeau say about the attack?")
	if a.Answered || !strings.Contains(a.Why, "Justin Trudeau") {
		t.Errorf("Ask: answered %v, why %q; want an abstention naming Justin Trudeau", a.Answered, a.Why)
	}
}

func TestAskAnswer(t *testing.T) {
	e := mustEngine(t)
	a := e.Ask("What did Colin Clarke say?")
	if !a.Answered {
		t.Fatalf("Ask: abstained: %s", a.Why)
	}
	if a.Speaker == nil || a.Speaker.Name != "Colin Clarke" || a.Speaker.Role == "" || a.Speaker.Kind != "person" {
		t.Errorf("Speaker = %+v, want Colin Clarke with a role, person", a.Speaker)
	}
	if !strings.Contains(a.Quote, "fixated on Russia") {
		t.Errorf("Quote = %q", a.Quote)
	}
	if !strings.Contains(a.Context, a.Passage) {
		t.Errorf("Context %q does not hold Passage %q", a.Context, a.Passage)
	}
	if a.Briefing != "The threat of ISIS-K and its interests in Russia" || a.Section != "Why Russia?" {
		t.Errorf("Briefing, Section = %q, %q", a.Briefing, a.Section)
	}
	if a.Score <= 0 || a.Why == "" {
		t.Errorf("Score %v, Why %q", a.Score, a.Why)
	}
	p, ok := e.Paragraph(a.Ref)
	if !ok || p.Text != a.Context || p.Section != a.Section || p.Briefing != a.Briefing {
		t.Errorf("Paragraph(%q) = %+v, %v", a.Ref, p, ok)
	}
	if len(a.Ref) > 40 || strings.ContainsAny(a.Ref, " \t\n") {
		t.Errorf("Ref %q: want at most 40 bytes, no spaces", a.Ref)
	}
	for _, m := range a.More {
		if _, ok := e.Paragraph(m.Ref); !ok || m.Passage == "" || m.Briefing == "" {
			t.Errorf("More: %+v", m)
		}
	}
}

func TestAskNarration(t *testing.T) {
	e := mustEngine(t)
	a := e.Ask("When was the Russian Embassy in Kabul bombed?")
	if !a.Answered || a.Speaker != nil {
		t.Errorf("Ask: answered %v, speaker %+v; want narration", a.Answered, a.Speaker)
	}
	if !strings.Contains(a.Why, "date") {
		t.Errorf("Why = %q, want it to mention the date", a.Why)
	}
}

func TestAskJoinsPronoun(t *testing.T) {
	e := mustEngine(t)
	a := e.Ask("Is ISIS-K destroyed?")
	if !strings.HasPrefix(a.Passage, "The Taliban is also putting pressure") || !strings.HasSuffix(a.Passage, "he said.") {
		t.Errorf("Passage = %q, want the pronoun sentence joined with the one before", a.Passage)
	}
}

func TestAskJoinsAcrossParagraphs(t *testing.T) {
	e := mustEngine(t)
	a := e.Ask("What did experts point to as a point of contention for the militants?")
	if !strings.HasPrefix(a.Passage, "Daniel Byman") || !strings.HasSuffix(a.Passage, "for the militants.") {
		t.Errorf("Passage = %q, want the sentence joined with the paragraph before's last", a.Passage)
	}
	if !strings.Contains(a.Context, a.Passage) {
		t.Errorf("Context %q does not hold Passage %q", a.Context, a.Passage)
	}
}

func TestParagraphUnknown(t *testing.T) {
	e := mustEngine(t)
	for _, ref := range []string{"", "nope", "00000000:p1", strings.Repeat("x", 100)} {
		if _, ok := e.Paragraph(ref); ok {
			t.Errorf("Paragraph(%q) found", ref)
		}
	}
}

func TestRefStable(t *testing.T) {
	a1 := mustEngine(t).Ask("Who is Michael Kugelman?")
	a2 := mustEngine(t).Ask("Who is Michael Kugelman?")
	if a1.Ref == "" || a1.Ref != a2.Ref {
		t.Errorf("Ref %q then %q, want the same non-empty ref", a1.Ref, a2.Ref)
	}
}

func TestEmptyEngine(t *testing.T) {
	for _, e := range []*Engine{New(), New(nil), New(&knowledge.Briefing{Title: "empty"})} {
		a := e.Ask("Who is Michael Kugelman?")
		if a.Answered || a.Why == "" {
			t.Errorf("Ask on an empty engine: %+v", a)
		}
		if len(e.Timeline(TimelineFilter{})) != 0 || len(e.Sources()) != 0 || len(e.Complete("", false)) != 0 {
			t.Errorf("an empty engine lists something")
		}
		if _, _, ok := e.SaidBy("x"); ok {
			t.Errorf("SaidBy on an empty engine found something")
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	e := mustEngine(t)
	questions := []string{
		"What did Colin Clarke say?", "When did ISIS-K membership peak?", "Who won the Stanley Cup?",
		"How many U.S. troops were killed at the Kabul airport?", "", "Is ISIS-K destroyed?",
	}
	want := make([]Answer, len(questions))
	for i, q := range questions {
		want[i] = e.Ask(q)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 50; r++ {
				i := (g + r) % len(questions)
				a := e.Ask(questions[i])
				if a.Passage != want[i].Passage || a.Score != want[i].Score {
					errs <- fmt.Sprintf("Ask(%q) differs under concurrency", questions[i])
					return
				}
				e.Timeline(TimelineFilter{Topic: "attack"})
				e.Sources()
				e.SaidBy("Kurilla")
				e.Complete("ku", r%2 == 0)
				e.Paragraph(a.Ref)
				e.Briefings()
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestBriefings(t *testing.T) {
	e := mustEngine(t)
	got := e.Briefings()
	if len(got) != 1 || got[0].Title != "The threat of ISIS-K and its interests in Russia" || got[0].Published != "2024-03-23" || got[0].Passages != 30 {
		t.Errorf("Briefings() = %+v", got)
	}
}

// secondBriefing is a small hand-built briefing that shares a source and an
// event with the seed.
func secondBriefing(tb testing.TB) *knowledge.Briefing {
	tb.Helper()
	paras := []handPara{
		{"", knowledge.Lede, []string{"Iran mourned the victims of the twin bombings in Kerman on Jan. 3, 2024, which ISIS-K claimed.", "Officials counted the dead for days."}},
		{"Reaction", knowledge.Body, []string{"“The group will strike again,” said Colin Clarke, a senior research fellow with the Soufan Center."}},
		{"Reaction", knowledge.Body, []string{"Lena Ortiz, a nurse in Kerman, said the hospital ran out of blood within hours."}},
	}
	said := []handSaid{
		{1, 0, "Colin Clarke", "The group will strike again,"},
		{2, 0, "Lena Ortiz", ""},
	}
	sources := []knowledge.Source{
		{Name: "Colin Clarke", Kind: knowledge.Person, Role: "senior research fellow with the Soufan Center", Aliases: []string{"Clarke"}, Quotes: 1},
		{Name: "Lena Ortiz", Kind: knowledge.Person, Role: "a nurse in Kerman", Aliases: []string{"Ortiz"}, Statements: 1},
	}
	events := []handEvent{{0, 0, "2024-01-03", "", "Jan. 3, 2024", false, ""}}
	return handBriefing(tb, "Kerman mourns", "2024-01-05", paras, said, sources, events, nil)
}

func TestSeveralBriefings(t *testing.T) {
	e := New(handSeed(t), secondBriefing(t))
	a := e.Ask("What did the nurse in Kerman say about blood?")
	if !a.Answered || a.Briefing != "Kerman mourns" || a.Speaker == nil || a.Speaker.Name != "Lena Ortiz" {
		t.Errorf("Ask: %+v", a)
	}
	a = e.Ask("What did ISIS-K say about Putin in its propaganda?")
	if a.Briefing != "The threat of ISIS-K and its interests in Russia" {
		t.Errorf("Ask: briefing %q", a.Briefing)
	}
	s, said, ok := e.SaidBy("clarke")
	if !ok || s.Quotes != 2 || len(said) != 2 || len(s.Briefings) != 2 {
		t.Errorf("SaidBy(clarke) = %+v, %d said, %v; want 2 quotes from 2 briefings", s, len(said), ok)
	}
	var kerman []TimelineEvent
	for _, ev := range e.Timeline(TimelineFilter{}) {
		if ev.Date == "2024-01-03" {
			kerman = append(kerman, ev)
		}
	}
	if len(kerman) != 1 || len(kerman[0].Briefings) != 2 {
		t.Errorf("Kerman events = %+v, want one event in both briefings", kerman)
	}
	if got := e.Briefings(); len(got) != 2 {
		t.Errorf("Briefings() = %+v", got)
	}
}

func TestSaidBy(t *testing.T) {
	e := mustEngine(t)
	for _, name := range []string{"Michael Kurilla", "kurilla", "KURILLA", "Gen. Kurilla", "gen kurilla", " Kurilla "} {
		s, said, ok := e.SaidBy(name)
		if !ok || s.Name != "Michael Kurilla" || len(said) != 3 {
			t.Errorf("SaidBy(%q) = %q, %d said, %v; want Michael Kurilla, 3", name, s.Name, len(said), ok)
		}
	}
	s, said, ok := e.Quotes("Courtney")
	if !ok || s.Name != "William Courtney" || len(said) != 1 || said[0].Quote == "" {
		t.Errorf("Quotes(Courtney) = %q, %+v, %v", s.Name, said, ok)
	}
	_, said, _ = e.SaidBy("Daniel Byman")
	if len(said) != 3 || said[0].Section != "Why Russia?" || said[2].Section != "Embattled, not eradicated" {
		t.Errorf("SaidBy(Daniel Byman) not in reading order: %+v", said)
	}
	for _, name := range []string{"", "nobody", "Michael", "Justin Trudeau"} {
		if s, _, ok := e.SaidBy(name); ok {
			t.Errorf("SaidBy(%q) = %q, want not found", name, s.Name)
		}
	}
}

func TestSources(t *testing.T) {
	e := mustEngine(t)
	got := e.Sources()
	if len(got) != 19 {
		t.Fatalf("Sources() has %d, want 19", len(got))
	}
	if got[len(got)-1].Kind != "media" || got[0].Kind == "media" {
		t.Errorf("media credits should come last: %+v", got)
	}
	for _, s := range got {
		if s.Name == "Michael Kurilla" && (s.Quotes != 2 || s.Statements != 1 || s.Role != "commander of U.S. Central Command") {
			t.Errorf("Michael Kurilla: %+v", s)
		}
	}
}

func TestComplete(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		prefix     string
		quotedOnly bool
		want       []string
	}{
		{"Colin Clarke", false, []string{"Colin Clarke"}},
		{"ku", false, []string{"Michael Kurilla", "Michael Kugelman"}},
		{"KU", true, []string{"Michael Kurilla", "Michael Kugelman"}},
		{"urill", false, []string{"Michael Kurilla"}},
		{"michael", false, []string{"Michael Kurilla", "Michael Kugelman"}},
		{"zzz", false, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			got := e.Complete(tt.prefix, tt.quotedOnly)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Complete(%q, %v) = %q, want %q", tt.prefix, tt.quotedOnly, got, tt.want)
			}
		})
	}
	all := e.Complete("", true)
	for _, n := range all {
		if _, said, _ := e.Quotes(n); len(said) == 0 {
			t.Errorf("Complete(\"\", true) lists %q, who has no quotes", n)
		}
	}
	if len(all) == 0 {
		t.Errorf("Complete(\"\", true) = %q", all)
	}
}

// Complete returns every match, ranked: trimming to what Discord can show
// is the bot's.
func TestCompleteAll(t *testing.T) {
	var sources []knowledge.Source
	for i := 0; i < 40; i++ {
		sources = append(sources, knowledge.Source{Name: fmt.Sprintf("Person Number%02d", i), Kind: knowledge.Person, Quotes: i})
	}
	long := "Person " + strings.Repeat("Long", 30)
	sources = append(sources, knowledge.Source{Name: long, Kind: knowledge.Person, Quotes: 100})
	b := handBriefing(t, "t", "", []handPara{{"", knowledge.Body, []string{"Nothing happened."}}}, nil, sources, nil, nil)
	got := New(b).Complete("person", false)
	if len(got) != 41 {
		t.Fatalf("Complete returned %d names, want all 41", len(got))
	}
	if got[0] != long || got[1] != "Person Number39" || got[40] != "Person Number00" {
		t.Errorf("Complete = %q…, want the most quoted first", got[:3])
	}
}

// bridgeBriefing is an invented briefing for the join and "why" tests.
func bridgeBriefing(tb testing.TB, restatements int) *knowledge.Briefing {
	tb.Helper()
	paras := []handPara{
		{"Inspection", knowledge.Body, []string{"Ana Ruiz, chief engineer of the harbour authority, told the council on Monday that the old swing bridge was failing."}},
		{"Inspection", knowledge.Body, []string{"She predicted it would have to carry only pedestrians within two years."}},
	}
	// Sentences that name what a "why" question asks about but give no
	// reason, then one whose reason is in the sentence after it: they all
	// rank alike, the last one last.
	for i := 0; i < restatements; i++ {
		paras = append(paras, handPara{"Closures", knowledge.Body, []string{fmt.Sprintf("Ferries replaced the bridge (%d).", i+1)}})
	}
	paras = append(paras, handPara{"Closures", knowledge.Body, []string{"Ferries replaced the bridge in the summer.", "The reason was that divers had found its piers badly scoured by the tide."}})
	said := []handSaid{{para: 0, sent: 0, speaker: "Ana Ruiz"}, {para: 1, sent: 0, speaker: "Ana Ruiz"}}
	sources := []knowledge.Source{{Name: "Ana Ruiz", Kind: knowledge.Person, Role: "chief engineer of the harbour authority", Aliases: []string{"Ruiz"}, Statements: 2}}
	return handBriefing(tb, "Harbour bridge", "2019-11-04", paras, said, sources, nil, nil)
}

// A sentence opening with a pronoun is joined with the one before, across a
// paragraph break, even when its speaker is known.
func TestAskJoinsPronounOfKnownSpeaker(t *testing.T) {
	e := New(bridgeBriefing(t, 0))
	a := e.Ask("What did Ruiz predict?")
	want := "Ana Ruiz, chief engineer of the harbour authority, told the council on Monday that the old swing bridge was failing." +
		paragraphBreak + "She predicted it would have to carry only pedestrians within two years."
	if !a.Answered || a.Passage != want {
		t.Fatalf("Passage = %q (why %q), want %q", a.Passage, a.Why, want)
	}
	if a.Speaker == nil || a.Speaker.Name != "Ana Ruiz" {
		t.Errorf("Speaker = %+v, want Ana Ruiz", a.Speaker)
	}
	if !strings.Contains(a.Context, a.Passage) {
		t.Errorf("Context %q does not hold Passage %q", a.Context, a.Passage)
	}
}

// A "why" question is answered by the best passage that gives a reason,
// however many passages that only name its subject rank above it.
func TestAskWhyLooksPastRestatements(t *testing.T) {
	e := New(bridgeBriefing(t, 2*maxTries))
	q := e.parseQuestion("Why did ferries replace the bridge?")
	s := e.ix.getScratch()
	e.ix.score(q.terms, s)
	cands := e.rank(&q, s)
	e.ix.putScratch(s)
	at := -1
	for i, c := range cands {
		if strings.Contains(e.docs[c.d].text, "in the summer") {
			at = i
		}
	}
	if at < maxTries {
		t.Fatalf("the reason ranks %d; the test needs it below the first %d", at, maxTries)
	}
	a := e.Ask("Why did ferries replace the bridge?")
	if !a.Answered || !strings.Contains(a.Passage, "in the summer") || !strings.Contains(a.Context, "divers had found") {
		t.Errorf("Ask = answered %v, %q (why %q); want the sentence with the reason", a.Answered, a.Passage, a.Why)
	}
	if a := e.Ask("Why did ferries replace the tunnel?"); a.Answered {
		t.Errorf("Ask about a tunnel answered %q", a.Passage)
	}
}

// No sentence is offered twice among an answer and its further matches.
func TestAskMoreDistinct(t *testing.T) {
	sets, err := filepath.Glob("testdata/*-qa.json")
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, "testdata/seed.tune.json")
	for _, set := range sets {
		article := "seed.txt"
		if name := strings.TrimSuffix(filepath.Base(set), "-qa.json"); name != "seed" && name != "seed.tune.json" {
			article = articleFor(t, name)
		}
		e := New(mustParse(t, article))
		for _, c := range loadCases(t, set) {
			a := e.Ask(c.Q)
			if !a.Answered {
				continue
			}
			var seen []string
			for _, p := range append([]string{a.Passage}, morePassages(a)...) {
				for _, s := range strings.Split(p, paragraphBreak) {
					for _, prev := range seen {
						if strings.Contains(prev, s) || strings.Contains(s, prev) {
							t.Errorf("%s: %q is offered twice", c.ID, s)
						}
					}
					seen = append(seen, s)
				}
			}
		}
	}
}

func morePassages(a Answer) []string {
	var out []string
	for _, m := range a.More {
		out = append(out, m.Passage)
	}
	return out
}

// "What is X?" about an abbreviation the briefing defines is answered by the
// sentence that defines it, not by one that merely uses it more often.
func TestAskWhatIsAlias(t *testing.T) {
	paras := []handPara{
		{"Fares", knowledge.Body, []string{"The HTA said HTA fares on HTA ferries would rise."}},
		{"Fares", knowledge.Body, []string{"The Harbour Transport Authority (HTA), which runs the ferries, was set up by the city."}},
	}
	aliases := [][]string{{"HTA", "Harbour Transport Authority"}}
	e := New(handBriefing(t, "Ferry fares", "2019-11-04", paras, nil, nil, nil, aliases))
	for _, q := range []string{"What is the HTA?", "what is HTA", "What is the Harbour Transport Authority?"} {
		a := e.Ask(q)
		if !a.Answered || !strings.Contains(a.Passage, "which runs the ferries") {
			t.Errorf("Ask(%q) = %q (why %q), want the defining sentence", q, a.Passage, a.Why)
		}
	}
}

// A question that names a briefing's alias by its long form, in full or
// without its corporate suffix, is answered by a sentence that uses the
// short form: the long form's words do not each need covering.
func TestAskLongFormOfAlias(t *testing.T) {
	paras := []handPara{
		{"", knowledge.Lede, []string{"Five companies, among them Vellmar Ferry Corporation (VFC), won harbour contracts on Tuesday."}},
		{"", knowledge.Body, []string{"VFC would be able to start night crossings in 2026, its director said."}},
		{"", knowledge.Body, []string{"Ferries on the northern route could start running at night next spring, the port said."}},
	}
	aliases := [][]string{{"VFC", "Vellmar Ferry Corporation"}}
	e := New(handBriefing(t, "Harbour contracts", "2025-03-04", paras, nil, nil, nil, aliases))
	for _, q := range []string{"When could Vellmar Ferry start night crossings?", "When could Vellmar Ferry Corporation start night crossings?"} {
		a := e.Ask(q)
		if !a.Answered || !strings.Contains(a.Passage, "VFC would be able") {
			t.Errorf("Ask(%q) = answered %v, %q (why %q); want the sentence about VFC", q, a.Answered, a.Passage, a.Why)
		}
	}
}

// usedAlone tells a long form used alone from one before a corporate
// suffix, however punctuated.
func TestUsedAlone(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"They went to Vellmar Ferry Corporation (VFC) and to Vellmar Ferry Corporation.", false},
		{"Vellmar Ferry Corporation’s boats and Vellmar Ferry Corp. staff.", false},
		{"The Vellmar Ferrymen's Guild said so.", false},
		{"Vellmar Ferry said its boats were safe.", true},
	}
	for _, tt := range tests {
		b := &knowledge.Briefing{Passages: []knowledge.Passage{{Text: tt.text}}}
		if got := usedAlone(b, "Vellmar Ferry"); got != tt.want {
			t.Errorf("usedAlone(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A long form without its suffix is the company's only when the briefing
// never uses it alone: here it is also the founder's name.
func TestAskLongFormUsedAlone(t *testing.T) {
	text := "Heaters recalled\n\nBy Staff Reporter\nPublished March 4, 2025\n\n" +
		"Hollis Grant Corporation (HGC) recalled 3,000 heaters on Monday.\n\n" +
		"HGC said it had received 46 reports of overheating.\n\n" +
		"Hollis Grant, who founded the company in 1990, told reporters he was saddened.\n"
	b, err := knowledge.Parse("heaters.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	e := New(b)
	hgc := e.parseQuestion("What did HGC say?").terms[0].term
	for _, qt := range e.parseQuestion("What did Hollis Grant say?").terms {
		if qt.term == hgc {
			t.Errorf("Hollis Grant is read as HGC (%q), but the briefing also calls its founder so", hgc)
		}
	}
	if a := e.Ask("What did Hollis Grant say?"); !a.Answered || !strings.Contains(a.Passage, "saddened") {
		t.Errorf("Ask = answered %v, %q (why %q); want the founder's words", a.Answered, a.Passage, a.Why)
	}
}

// damBriefing is an invented briefing for the tests of complete answers.
func damBriefing(tb testing.TB) *knowledge.Briefing {
	tb.Helper()
	paras := []handPara{
		{"", knowledge.Lede, []string{"Two engineers inspected the Alder Creek dam on Monday after heavy rain.", "Maria Lopez and Tom Reed found a crack in the spillway."}},
		{"", knowledge.Body, []string{"The county closed the road below the dam, and 40 families left their homes while 3 crews stood by."}},
		{"", knowledge.Body, []string{"A contractor will repair the spillway, the county said."}},
		{"", knowledge.Body, []string{"The dam was finished in 1962, and it was last repaired after a flood in 1998."}},
	}
	said := []handSaid{{2, 0, "county", ""}}
	sources := []knowledge.Source{{Name: "county", Kind: knowledge.Organisation, Statements: 1}}
	events := []handEvent{{0, 0, "2024-04-08", "", "on Monday", false, ""}, {3, 0, "1962", "", "in 1962", false, ""}, {3, 0, "1998", "", "in 1998", false, ""}}
	return handBriefing(tb, "Dam inspected", "2024-04-09", paras, said, sources, events, nil)
}

// Each kind of question gets its kind of answer, checked on the passage.
func TestCompleteAnswers(t *testing.T) {
	e := New(damBriefing(t))
	tests := []struct {
		q        string
		answered bool
		passage  string
	}{
		// "two engineers", then their names in the next sentence
		{"Which engineers inspected the dam?", true, "Two engineers inspected the Alder Creek dam on Monday after heavy rain. Maria Lopez and Tom Reed found a crack"},
		// a class but no name anywhere
		{"Which contractor will repair the spillway?", false, ""},
		{"How many families left their homes?", true, "40 families"},
		{"When was the dam finished?", true, "finished in 1962"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := e.Ask(tt.q)
			if a.Answered != tt.answered || !strings.Contains(a.Passage, tt.passage) {
				t.Errorf("Ask(%q) = answered %v %q (why %s); want %v, holding %q", tt.q, a.Answered, a.Passage, a.Why, tt.answered, tt.passage)
			}
		})
	}
}

// A "who" answer holds what the question asks of the person: a sentence
// that names the group and some of its members, but not who leads it,
// offers no answer, however much of the question it covers.
func TestAskWhoNeedsPredicate(t *testing.T) {
	text := "title: Ferry\npublished: 2024-05-10\n---\nFerry\n\n" +
		"The new Ferry Users Group met in Tallby on Monday with Ana Roe and Tom Hale among its members.\n\n" +
		"A debate on the ferry fares, hosted by Radio Tallby, is due on Tuesday.\n\n" +
		"Tallby FC named Ana Roe as coach on Monday.\n\n" +
		"The town chose Tom Hale as harbour master in March.\n\n" +
		"Ivo Lind was the first to row across the bay.\n"
	e := textEngine(t, "ferry.txt", text)
	tests := []struct {
		q       string
		passage string // "" when the question is declined
	}{
		{"Who will lead the new Ferry Users Group?", ""},
		{"Who are the moderators of the debate on Tuesday?", ""},
		{"Who hosted the debate on the ferry fares?", "hosted by Radio Tallby"},
		{"Who met in Tallby on Monday?", "Ana Roe"},
		{"Who is the new coach of Tallby FC?", "Ana Roe"},          // "new" only qualifies the coach
		{"Who did the town choose as harbour master?", "Tom Hale"}, // who is the object: "town" is the subject
		{"Who actually named the coach?", "named Ana Roe"},
		{"Who was the first rower across the bay?", "Ivo Lind"}, // "first" stands in it, "rower" not
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := e.Ask(tt.q)
			checkAnswer(t, tt.q, a, tt.passage)
			if tt.passage == "" && !a.Answered && !strings.Contains(a.Why, "asks who (“") {
				t.Errorf("declined because %q; want the predicate named", a.Why)
			}
		})
	}
}

// "What did X say about Y" is answered by X's statement that the model is
// sure of when what it lacks of Y is in words no briefing uses; a topic
// the briefing treats elsewhere still has to be in the statement.
func TestAskSaidParaphrasedTopic(t *testing.T) {
	e := textEngine(t, "marina.txt", "title: Marina plan moves ahead\npublished: 2025-06-11\n---\nMarina plan moves ahead\n\n"+
		"County supervisors on Tuesday approved talks with a developer over a new marina at Lake Corra.\n\n"+
		"\"It has taken us eleven years of hearings to get here, and I am proud of this board,\" said Supervisor Ines Marlo.\n\n"+
		"The developer will pay for a new boat ramp, the parks department said.\n")
	checkAnswers(t, e, []askCase{
		{"What did Supervisor Ines Marlo say about the county arriving at this milestone?", "eleven years of hearings"},
		{"What did Supervisor Ines Marlo say about the boat ramp?", ""},
	})
}

// "What did X say" is not answered by narration that only names X: the
// sentence must be X's, or report someone's speech.
func TestAskSaidNarrationNamesOnly(t *testing.T) {
	e := textEngine(t, "kiosk.txt", "title: Kiosk licence row\npublished: 2025-08-14\n---\nKiosk licence row\n\n"+
		"Council records showed the kiosk licence had been signed on May 2 by a Tomas Brenner, a cousin of the mayor.\n\n"+
		"\"We followed every rule on the kiosk licence,\" said Mayor Karl Brenner.\n")
	checkAnswers(t, e, []askCase{
		{"What did Tomas Brenner say about signing the kiosk licence?", ""},
		{"What did Karl Brenner say about the kiosk licence?", "We followed every rule"},
	})
}

// A surname keeps its particles and drops a suffix: "van Dijk" names
// Mayor Pia van Dijk, and "van" is not a topic the answer must be about.
func TestAskSurnameWithParticle(t *testing.T) {
	e := textEngine(t, "ferry.txt", "title: Ferry timetable cut\npublished: 2025-03-04\n---\nFerry timetable cut\n\n"+
		"The harbour board cut the winter ferry timetable to four crossings a day.\n\n"+
		"Mayor Pia van Dijk wrote to the board on Monday. \"The ferry is the only road our islanders have,\" she said.\n\n"+
		"\"We will review the timetable in April,\" said Omar Haddad Jr., the board's chairman.\n")
	checkAnswers(t, e, []askCase{
		{"What did van Dijk say about the ferry?", "the only road our islanders have"},
		{"What did Haddad say about the timetable?", "review the timetable in April"},
	})
	for _, qt := range e.parseQuestion("What did van Dijk say about the ferry?").terms {
		if qt.word == "van" && !qt.speaker {
			t.Errorf("%q is read as a topic, not as part of the speaker's name", qt.word)
		}
	}
	for _, tt := range []struct{ name, want string }{
		{"Pia van Dijk", "van Dijk"},
		{"Omar Haddad Jr.", "Haddad"},
		{"Martin Luther King Jr.", "King"},
		{"Abu Bakr al Baghdadi", "al Baghdadi"},
		{"Cher", ""},
		{"Van Morrison", "Morrison"}, // a particle that starts the name is a given name
	} {
		if got := surnameOf(tt.name); got != tt.want {
			t.Errorf("surnameOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// "Who is in charge of X" is answered by a sentence of the one whose role
// is to lead X, even among many sentences of theirs that mention X; not by
// one whose role leads something else.
func TestAskWhoByRole(t *testing.T) {
	e := textEngine(t, "hospital.txt", "title: Hospital short of fuel\npublished: 2025-11-03\n---\nHospital short of fuel\n\n"+
		"\"For days we have warned that the generators at the hospital would stop,\" said Dr. Ilse Moren, director of the Tarn Friendship Hospital.\n\n"+
		"There are 300 patients at the Tarn Friendship Hospital, Moren said.\n\n"+
		"\"When the hospital was emptied, the worst cases went first,\" Moren said of the Tarn Friendship Hospital.\n\n"+
		"\"The Tarn Friendship Hospital cannot last a week,\" Moren said.\n\n"+
		"\"We sent two lorries of fuel,\" said Ola Brek, the transport chief.\n")
	checkAnswers(t, e, []askCase{
		{"Who is in charge of the Tarn Friendship Hospital?", "said Dr. Ilse Moren, director of the Tarn Friendship Hospital"}, // the sentence that introduces her
		{"Who is in charge of transport?", "Ola Brek"},
		{"Who chairs the Tarn harbour trust?", ""},
		{"Who is in charge of fuel deliveries to the Tarn Friendship Hospital?", ""}, // no one's role holds it
	})
	// only the sentence that introduces the role's holder answers by the role
	e = textEngine(t, "grocer.txt", "title: Grocer prices\npublished: 2025-11-03\n---\nGrocer prices\n\n"+
		"Food prices rose again in November, Chief Financial Officer of Tarn Value Mia Lund said on Monday.\n\n"+
		"Asked whether Tarn Value could do more, Lund said Tarn Value shoppers at Tarn Value stores were loyal.\n")
	checkAnswers(t, e, []askCase{{"Who runs Tarn Value?", "Chief Financial Officer of Tarn Value Mia Lund"}})
	// a source the question names must be in the role too: the commander
	// of Central Command does not lead ISIS-K
	checkAnswers(t, mustEngine(t), []askCase{{"Who leads ISIS-K?", ""}})
}
