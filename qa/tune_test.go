package qa

import (
	"flag"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

var tuneFlag = flag.Bool("tune", false, "run the parameter sweeps and fits (TestFitAnswerability, TestRelationKinds, TestThresholdCurve, TestTuneBM25, TestAbstentionSweep)")

// A labelled set is a briefing and questions about it.
type labelled struct {
	name   string
	b      *knowledge.Briefing
	cases  []qaCase
	strict bool // judged on the passage alone, as score-qa.py judges
}

// blindTune are the tune halves of the blind sets (testdata/blind).
func blindTune(tb testing.TB) []labelled {
	tb.Helper()
	sets, _ := filepath.Glob("testdata/blind/*.json")
	var out []labelled
	for _, set := range sets {
		name := strings.TrimSuffix(filepath.Base(set), ".json")
		var cases []qaCase
		for _, c := range loadBlind(tb, set) {
			if c.Split == "tune" {
				cases = append(cases, c.qaCase)
			}
		}
		out = append(out, labelled{"blind/" + name, mustParse(tb, articleFor(tb, name)), cases, true})
	}
	return out
}

// tuningSets are what the constants are tuned on: the seed (parsed and
// hand-built) with its questions and the hand-written tuning questions.
func tuningSets(tb testing.TB) []labelled {
	tb.Helper()
	seed := loadCases(tb, "testdata/seed-qa.json")
	extra := loadCases(tb, "testdata/seed.tune.json")
	return append([]labelled{
		{"seed", mustParse(tb, "seed.txt"), seed, false},
		{"seed-extra", mustParse(tb, "seed.txt"), extra, false},
		{"hand-seed", handSeed(tb), seed, false},
		{"hand-seed-extra", handSeed(tb), extra, false},
	}, blindTune(tb)...)
}

// heldOut are the fixture articles: reported, never tuned on.
func heldOut(tb testing.TB) []labelled {
	tb.Helper()
	sets, _ := filepath.Glob("testdata/*-qa.json")
	var out []labelled
	for _, set := range sets {
		name := strings.TrimSuffix(filepath.Base(set), "-qa.json")
		if name == "seed" {
			continue
		}
		out = append(out, labelled{name, mustParse(tb, articleFor(tb, name)), loadCases(tb, set), false})
	}
	return out
}

// score runs every set with tuning tu: answerable and unanswerable right.
func score(sets []labelled, tu tuning) (st qaStats) {
	for _, s := range sets {
		e := newEngine(tu, s.b)
		for _, c := range s.cases {
			a := e.Ask(c.Q)
			ok := judge(c, a)
			if s.strict {
				ok = c.Unanswerable && !a.Answered || passageRight(c, a)
			}
			st.add(c, ok)
			if a.Answered && !ok {
				st.wrong++
			}
		}
	}
	return st
}

// TestThresholdCurve sweeps each abstention threshold alone over the
// tuning sets (the tune half of the blind sets included), deciding by the
// thresholds as the engine did before the answerability model: how many
// answerable questions are answered right, unanswerable ones declined, and
// wrong answers given, and the precision of the answers given.
func TestThresholdCurve(t *testing.T) {
	if !*tuneFlag {
		t.Skip("run with -tune")
	}
	sets := tuningSets(t)
	sweeps := []struct {
		name string
		set  func(*tuning, float64)
		vals []float64
	}{
		{"minCoverage", func(tu *tuning, v float64) { tu.minCoverage = v }, []float64{0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9}},
		{"minRelation", func(tu *tuning, v float64) { tu.minRelation = v }, []float64{0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8}},
		{"minRelevance", func(tu *tuning, v float64) { tu.minRelevance = v }, []float64{0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6}},
	}
	thresholds := defaultTuning
	thresholds.model = nil // the thresholds alone, as they decided before the model
	var b strings.Builder
	for _, sw := range sweeps {
		fmt.Fprintf(&b, "\n%-12s | %-10s | %-12s | %-6s | %s\n", sw.name, "answerable", "unanswerable", "wrong", "precision")
		for _, v := range sw.vals {
			tu := thresholds
			sw.set(&tu, v)
			st := score(sets, tu)
			answered := st.hasAnsRight + st.wrong
			fmt.Fprintf(&b, "%-12.2f | %4d/%-5d | %4d/%-7d | %-6d | %.2f\n", v, st.hasAnsRight, st.hasAns, st.noAnsRight, st.noAns, st.wrong,
				float64(st.hasAnsRight)/float64(max(answered, 1)))
		}
	}
	t.Log(b.String())
}

func (s qaStats) total() int { return s.hasAnsRight + s.noAnsRight }

// TestAbstentionSweep sweeps the abstention thresholds without the
// answerability model, SQuAD 2.0 style: answerable and unanswerable
// questions together, reporting both rates.
func TestAbstentionSweep(t *testing.T) {
	if !*tuneFlag {
		t.Skip("run with -tune")
	}
	tune, held := tuningSets(t), heldOut(t)
	type row struct {
		tu        tuning
		st, heldS qaStats
	}
	var rows []row
	for _, cov := range []float64{0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7} {
		for _, rel := range []float64{0.3, 0.4, 0.45, 0.5, 0.55, 0.6} {
			for _, unk := range []float64{0.3, 0.5, 0.7, 1.0} {
				tu := defaultTuning
				tu.model = nil // the thresholds alone
				tu.minCoverage, tu.minRelation, tu.unknownWeight = cov, rel, unk
				rows = append(rows, row{tu, score(tune, tu), score(held, tu)})
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].st.total() > rows[j].st.total() })
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-8s %-8s %-8s | %-32s | %s\n", "minCov", "minRel", "unknown", "tuning sets", "held-out fixtures")
	for i, r := range rows {
		if i == 25 {
			break
		}
		fmt.Fprintf(&b, "%-8.2f %-8.2f %-8.2f | %-32s | %s\n", r.tu.minCoverage, r.tu.minRelation, r.tu.unknownWeight, r.st, r.heldS)
	}
	d := defaultTuning
	fmt.Fprintf(&b, "default %.2f %.2f %.2f | %s | %s\n", d.minCoverage, d.minRelation, d.unknownWeight, score(tune, d), score(held, d))
	t.Log(b.String())
}

// TestTuneBM25 sweeps k1 and b: the share of answerable questions whose
// right passage BM25 alone ranks first, its mean reciprocal rank, and the
// whole pipeline's accuracy.
func TestTuneBM25(t *testing.T) {
	if !*tuneFlag {
		t.Skip("run with -tune")
	}
	tune, held := tuningSets(t), heldOut(t)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-5s %-5s | %-10s %-6s | %-10s %-6s | %-37s | %s\n", "k1", "b", "BM25 top1", "MRR", "held top1", "MRR", "tuning sets (pipeline)", "held-out (pipeline)")
	for _, k1 := range []float64{0.6, 0.9, 1.2, 1.5, 2.0} {
		for _, bb := range []float64{0.3, 0.5, 0.75, 0.9} {
			tu := defaultTuning
			tu.bm25.k1, tu.bm25.b = k1, bb
			top1, mrr, n := retrieval(tune, tu)
			htop1, hmrr, hn := retrieval(held, tu)
			fmt.Fprintf(&b, "%-5.1f %-5.2f | %4d/%-5d %.3f | %4d/%-5d %.3f | %-37s | %s\n", k1, bb, top1, n, mrr/float64(n),
				htop1, hn, hmrr/float64(hn), score(tune, tu), score(held, tu))
		}
	}
	t.Log(b.String())
}

// retrieval ranks sentences by BM25 alone for every answerable question.
func retrieval(sets []labelled, tu tuning) (top1 int, mrr float64, n int) {
	for _, s := range sets {
		e := newEngine(tu, s.b)
		for _, c := range s.cases {
			if c.Unanswerable {
				continue
			}
			n++
			q := e.parseQuestion(normalizeSpace(c.Q))
			sc := e.ix.getScratch()
			e.ix.score(q.terms, sc)
			docs := append([]int32(nil), sc.touched...)
			sort.Slice(docs, func(i, j int) bool {
				if a, b := sc.acc[docs[i]].score, sc.acc[docs[j]].score; a != b {
					return a > b
				}
				return docs[i] < docs[j]
			})
			for rank, d := range docs {
				pa := e.paras[e.docs[d].para]
				hit := false
				for _, want := range c.AnyOf {
					if strings.Contains(pa.p.Text, want) {
						hit = true
					}
				}
				if hit {
					if rank == 0 {
						top1++
					}
					mrr += 1 / float64(rank+1)
					break
				}
			}
			e.ix.putScratch(sc)
		}
	}
	return top1, mrr, n
}

// TestRelationKinds measures each kind of WordNet relation over the tuning
// sets: with that kind alone, and with every kind but it, against none and
// the default weights. A kind that costs more unanswerable questions
// declined or wrong answers than it adds answers is left out.
func TestRelationKinds(t *testing.T) {
	if !*tuneFlag {
		t.Skip("run with -tune")
	}
	sets := fitSets(t)
	none := defaultTuning
	none.rel = [numRelKinds]relWeight{}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-14s %-7s | %-10s | %-12s | %-5s | %s\n", "kind", "", "answerable", "unanswerable", "wrong", "utility")
	row := func(name, how string, tu tuning) {
		st := score(sets, tu)
		fmt.Fprintf(&b, "%-14s %-7s | %4d/%-5d | %4d/%-7d | %-5d | %d\n", name, how, st.hasAnsRight, st.hasAns, st.noAnsRight, st.noAns, st.wrong,
			st.hasAnsRight+st.noAnsRight-wrongCost*st.wrong)
	}
	row("none", "", none)
	row("default", "", defaultTuning)
	for k := relKind(0); k < numRelKinds; k++ {
		w := defaultRelations[k]
		if w.w == 0 {
			w = relWeight{w: 0.4, maxSense: 2, faint: k == relGloss || k == relGlossedBy} // a kind left out, tried at a weak weight
		}
		only := none
		only.rel[k] = w
		row(k.String(), "only", only)
		if defaultRelations[k].w > 0 {
			without := defaultTuning
			without.rel[k] = relWeight{}
			row(k.String(), "without", without)
		} else {
			with := defaultTuning
			with.rel[k] = w
			row(k.String(), "with", with)
		}
	}
	t.Log(b.String())
}
