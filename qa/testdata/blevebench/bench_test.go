// Package blevebench compares briefbot's question path with bleve's BM25
// search over the same sentences and questions, in one process. It is a
// module of its own so that bleve never enters briefbot's go.mod; see the
// README for how to run it.
package blevebench

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// briefings are the project's test briefings: the seed and the fixtures.
var briefings = []string{"seed.txt", "lisbon-water-main.txt", "lobster-season-delay.md", "nordvik-rail-ransomware.txt", "sheboygan-cheese-plant.txt"}

func load(tb testing.TB) ([]*knowledge.Briefing, []string) {
	tb.Helper()
	var bs []*knowledge.Briefing
	for _, name := range briefings {
		data, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			tb.Fatal(err)
		}
		b, err := knowledge.Parse(name, data)
		if err != nil {
			tb.Fatal(err)
		}
		bs = append(bs, b)
	}
	var qs []string
	for _, set := range []string{"seed-qa.json", "seed.tune.json"} {
		data, err := os.ReadFile(filepath.Join("..", set))
		if err != nil {
			tb.Fatal(err)
		}
		var cases []struct {
			Q string `json:"q"`
		}
		if err := json.Unmarshal(data, &cases); err != nil {
			tb.Fatal(err)
		}
		for _, c := range cases {
			qs = append(qs, c.Q)
		}
	}
	return bs, qs
}

// bleveIndex indexes every sentence of bs in memory, scored by BM25 with
// the English analyzer.
func bleveIndex(tb testing.TB, bs []*knowledge.Briefing) bleve.Index {
	tb.Helper()
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = "en"
	ix, err := bleve.NewMemOnly(m)
	if err != nil {
		tb.Fatal(err)
	}
	batch := ix.NewBatch()
	for bi, b := range bs {
		for _, p := range b.Passages {
			for si, s := range p.Sentences {
				id := fmt.Sprintf("%d:%s:%d", bi, p.ID, si)
				if err := batch.Index(id, map[string]string{"text": s.Text, "section": p.Section}); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	if err := ix.Batch(batch); err != nil {
		tb.Fatal(err)
	}
	return ix
}

// search is one bleve query: the question as a match query, the best five.
func search(ix bleve.Index, q string) (*bleve.SearchResult, error) {
	var mq query.Query = bleve.NewMatchQuery(q)
	req := bleve.NewSearchRequestOptions(mq, 5, 0, false)
	return ix.Search(req)
}

// BenchmarkCompare runs the same questions through briefbot's Ask (the
// whole question path: parse, rank, abstain, answer) and bleve's search,
// over the seed alone and over all five test briefings.
func BenchmarkCompare(b *testing.B) {
	bs, qs := load(b)
	for _, lib := range []struct {
		name string
		bs   []*knowledge.Briefing
	}{{"seed", bs[:1]}, {"five", bs}} {
		b.Run(lib.name+"/briefbot", func(b *testing.B) {
			e := qa.New(lib.bs...)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				e.Ask(qs[i%len(qs)])
				i++
			}
		})
		b.Run(lib.name+"/bleve", func(b *testing.B) {
			ix := bleveIndex(b, lib.bs)
			defer ix.Close()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := search(ix, qs[i%len(qs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkRatio asks each question of briefbot and of bleve in turn and
// reports how many times longer bleve took: timing both side by side keeps
// the ratio steady on a busy machine, where either's time alone is not.
func BenchmarkRatio(b *testing.B) {
	bs, qs := load(b)
	for _, lib := range []struct {
		name string
		bs   []*knowledge.Briefing
	}{{"seed", bs[:1]}, {"five", bs}} {
		b.Run(lib.name, func(b *testing.B) {
			e := qa.New(lib.bs...)
			ix := bleveIndex(b, lib.bs)
			defer ix.Close()
			var ours, theirs time.Duration
			i := 0
			for b.Loop() {
				q := qs[i%len(qs)]
				t0 := time.Now()
				e.Ask(q)
				t1 := time.Now()
				if _, err := search(ix, q); err != nil {
					b.Fatal(err)
				}
				ours, theirs = ours+t1.Sub(t0), theirs+time.Since(t1)
				i++
			}
			b.ReportMetric(float64(theirs)/float64(ours), "bleve/briefbot")
			b.ReportMetric(float64(ours.Nanoseconds())/float64(b.N), "briefbot-ns/q")
			b.ReportMetric(float64(theirs.Nanoseconds())/float64(b.N), "bleve-ns/q")
		})
	}
}

// TestSameTopPassage reports how often bleve's best sentence is the one
// briefbot answers with, so that the benchmark compares like with like.
func TestSameTopPassage(t *testing.T) {
	bs, qs := load(t)
	e := qa.New(bs...)
	ix := bleveIndex(t, bs)
	defer ix.Close()
	answered, same := 0, 0
	for _, q := range qs {
		a := e.Ask(q)
		res, err := search(ix, q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || len(res.Hits) == 0 {
			continue
		}
		answered++
		top := res.Hits[0].ID
		for bi, b := range bs {
			for _, p := range b.Passages {
				for k, s := range p.Sentences {
					if fmt.Sprintf("%d:%s:%d", bi, p.ID, k) == top && strings.Contains(a.Passage, s.Text) {
						same++
					}
				}
			}
		}
	}
	t.Logf("%d questions; briefbot answered %d; bleve's top sentence is in briefbot's answer for %d", len(qs), answered, same)
}
