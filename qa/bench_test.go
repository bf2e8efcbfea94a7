package qa

import (
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// askMix is the seed's questions and their paraphrases, answerable and
// not, in a fixed order.
func askMix(tb testing.TB) []qaCase {
	tb.Helper()
	return append(loadCases(tb, "testdata/seed-qa.json"), loadCases(tb, "testdata/seed.tune.json")...)
}

// BenchmarkAsk answers the seed questions and paraphrases of them on the
// seed briefing.
func BenchmarkAsk(b *testing.B) {
	e := New(mustParse(b, "seed.txt"))
	cases := askMix(b)
	b.ReportAllocs()
	i := 0
	cpu := cpuNanos()
	for b.Loop() {
		e.Ask(cases[i%len(cases)].Q)
		i++
	}
	reportCPU(b, cpu)
}

// reportCPU reports the process CPU time per op since cpu.
func reportCPU(b *testing.B, cpu int64) {
	if now := cpuNanos(); now > 0 && b.N > 0 {
		b.ReportMetric(float64(now-cpu)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkAskParallel is BenchmarkAsk from every CPU at once.
func BenchmarkAskParallel(b *testing.B) {
	e := New(mustParse(b, "seed.txt"))
	cases := askMix(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			e.Ask(cases[i%len(cases)].Q)
			i++
		}
	})
}

// largePassages is the size of the generated library.
const largePassages = 100_000

var large struct {
	once      sync.Once
	briefings []*knowledge.Briefing
	questions []string
	engine    *Engine
}

// largeLibrary generates, once, a deterministic library of largePassages
// passages in 100 briefings, with questions about it.
func largeLibrary(tb testing.TB) ([]*knowledge.Briefing, []string) {
	tb.Helper()
	large.once.Do(func() {
		large.briefings, large.questions = generateLibrary(100, largePassages/100, 1)
	})
	return large.briefings, large.questions
}

// generateLibrary makes nb briefings of np passages each from a Zipf-like
// vocabulary of invented words, with speakers, quotes and dated events.
func generateLibrary(nb, np int, seed int64) ([]*knowledge.Briefing, []string) {
	r := rand.New(rand.NewSource(seed))
	syll := []string{"ka", "lo", "mi", "ran", "te", "vo", "sul", "pe", "dra", "ni", "ost", "bel", "qua", "ri", "mon", "tas"}
	vocab := make([]string, 20000)
	seen := map[string]bool{}
	for i := range vocab {
		for {
			n := 2 + r.Intn(3)
			var w strings.Builder
			for k := 0; k < n; k++ {
				w.WriteString(syll[r.Intn(len(syll))])
			}
			if !seen[w.String()] {
				seen[w.String()] = true
				vocab[i] = w.String()
				break
			}
		}
	}
	zipf := rand.NewZipf(r, 1.1, 4, uint64(len(vocab)-1))
	glue := []string{"the", "of", "and", "to", "in", "was", "said", "that", "for", "on", "with", "after"}
	sentence := func() string {
		n := 8 + r.Intn(18)
		ws := make([]string, n)
		for k := range ws {
			if r.Intn(3) == 0 {
				ws[k] = glue[r.Intn(len(glue))]
			} else {
				ws[k] = vocab[zipf.Uint64()]
			}
		}
		ws[0] = title(ws[0])
		if r.Intn(10) == 0 {
			ws[n-1] = fmt.Sprint(1990 + r.Intn(35))
		}
		return strings.Join(ws, " ") + "."
	}
	var out []*knowledge.Briefing
	var questions []string
	for bi := 0; bi < nb; bi++ {
		b := &knowledge.Briefing{Title: fmt.Sprintf("Briefing %d", bi), Published: "2024-06-01"}
		var speakers []string
		for k := 0; k < 20; k++ {
			name := title(vocab[r.Intn(5000)]) + " " + title(vocab[r.Intn(5000)])
			speakers = append(speakers, name)
			b.Sources = append(b.Sources, knowledge.Source{Name: name, Kind: knowledge.Person, Role: "official of " + vocab[r.Intn(2000)], Aliases: []string{strings.Fields(name)[1]}})
		}
		for pi := 0; pi < np; pi++ {
			p := knowledge.Passage{ID: fmt.Sprintf("p%d", pi+1), Section: fmt.Sprintf("Part %d", pi/50), Kind: knowledge.Body}
			for k := 0; k < 1+r.Intn(3); k++ {
				s := sentence()
				if k > 0 {
					p.Text += " "
				}
				p.Sentences = append(p.Sentences, knowledge.Sentence{Text: s, Start: len(p.Text), End: len(p.Text) + len(s)})
				p.Text += s
			}
			if r.Intn(5) == 0 {
				sp := speakers[r.Intn(len(speakers))]
				b.Statements = append(b.Statements, knowledge.Statement{Text: p.Sentences[0].Text, Speaker: sp, Passage: p.ID})
				b.Quotes = append(b.Quotes, knowledge.Quote{Text: p.Sentences[0].Text[:20], Speaker: sp, Passage: p.ID})
			}
			if r.Intn(10) == 0 {
				b.Events = append(b.Events, knowledge.Event{Date: fmt.Sprint(1990 + r.Intn(35)), Expression: "in", Text: p.Sentences[0].Text, Passage: p.ID})
			}
			b.Passages = append(b.Passages, p)
			if r.Intn(np/10+1) == 0 && len(questions) < 200 {
				// a question from the passage's own words
				ws := strings.Fields(strings.TrimSuffix(p.Sentences[0].Text, "."))
				pick := make([]string, 0, 4)
				for k := 0; k < 4; k++ {
					pick = append(pick, strings.ToLower(ws[r.Intn(len(ws))]))
				}
				questions = append(questions, []string{"What about ", "When did ", "Who said ", "How many "}[r.Intn(4)]+strings.Join(pick, " ")+"?")
			}
		}
		out = append(out, b)
	}
	questions = append(questions, "What is the capital of France?", "What did Nobody Known say?", "")
	return out, questions
}

// title capitalises an ASCII word.
func title(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

// BenchmarkAskLarge answers questions against the generated library of
// 100,000 passages.
func BenchmarkAskLarge(b *testing.B) {
	bs, qs := largeLibrary(b)
	if large.engine == nil {
		large.engine = New(bs...)
	}
	e := large.engine
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	cpu := cpuNanos()
	for b.Loop() {
		e.Ask(qs[i%len(qs)])
		i++
	}
	reportCPU(b, cpu)
}

// retained reports the heap an engine built by build keeps, per passage.
func retained(b *testing.B, passages, copies int, build func() *Engine) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	es := make([]*Engine, copies)
	for i := range es {
		es[i] = build()
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(passages*copies), "heap-B/passage")
	runtime.KeepAlive(es)
}

// BenchmarkNew builds the engine: per op, and per passage.
func BenchmarkNew(b *testing.B) {
	b.Run("seed", func(b *testing.B) {
		br := mustParse(b, "seed.txt")
		b.ReportAllocs()
		cpu := cpuNanos()
		for b.Loop() {
			New(br)
		}
		reportCPU(b, cpu)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(br.Passages)), "ns/passage")
		retained(b, len(br.Passages), 50, func() *Engine { return New(br) })
	})
	b.Run("seeds2000", func(b *testing.B) {
		bs := seedCopies(b, 2000)
		b.ReportAllocs()
		b.ResetTimer()
		cpu := cpuNanos()
		for b.Loop() {
			New(bs...)
		}
		reportCPU(b, cpu)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2000*len(bs[0].Passages)), "ns/passage")
	})
	b.Run("large", func(b *testing.B) {
		bs, _ := largeLibrary(b)
		b.ReportAllocs()
		b.ResetTimer()
		cpu := cpuNanos()
		for b.Loop() {
			New(bs...)
		}
		reportCPU(b, cpu)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/largePassages, "ns/passage")
		large.engine = nil // measure this engine alone
		runtime.GC()
		retained(b, largePassages, 1, func() *Engine { return New(bs...) })
	})
}

// seedCopies returns n copies of the parsed seed, each its own briefing
// (its own title), as a store of many briefings of its size would hold.
func seedCopies(tb testing.TB, n int) []*knowledge.Briefing {
	tb.Helper()
	seed := mustParse(tb, "seed.txt")
	out := make([]*knowledge.Briefing, n)
	for i := range out {
		c := *seed
		c.Title = fmt.Sprintf("%s (%d)", seed.Title, i)
		out[i] = &c
	}
	return out
}
