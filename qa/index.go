package qa

import (
	"math"
	"slices"
	"sync"
)

// The fields of a sentence document, scored BM25F-style: each field's term
// frequency is weighted and length-normalised before one saturation.
const (
	fieldText    = iota // the sentence
	fieldQuote          // words inside quotation marks (also counted as text)
	fieldNegated        // "!" and the words a negation stands before: "did not accept" gives !accept
	fieldSpeaker        // the attributed speaker's name and aliases
	fieldRole           // the speaker's role
	fieldSection        // the section heading
	numFields
)

// strongFields are where a match fully covers a question term.
const strongFields = 1<<fieldText | 1<<fieldQuote | 1<<fieldNegated | 1<<fieldSpeaker | 1<<fieldRole

// bm25Params are the ranking constants. The defaults were chosen by
// measurement (see TestTuneBM25).
type bm25Params struct {
	k1, b  float64
	weight [numFields]float64
}

var defaultParams = bm25Params{
	k1:     1.2,
	b:      0.3,
	weight: [numFields]float64{fieldText: 1, fieldQuote: 0.5, fieldNegated: 1, fieldSpeaker: 2, fieldRole: 0.8, fieldSection: 0.5},
}

// A posting is one document containing a term.
type posting struct {
	doc    int32
	w      float32 // the term's BM25 score in the document, idf included
	fields uint8   // bit f set: the term occurs in field f
}

// An index is an inverted index over sentence documents.
type index struct {
	ids      map[string]int32
	terms    []string // by id
	postings [][]posting
	idf      []float32
	n        int     // documents
	maxIDF   float32 // the idf of a term no document has
	mu       sync.Mutex
	free     []*scratch // reusable accumulators; a sync.Pool would drop them at every GC
}

// A fieldDoc is one document's terms by field, for building.
type fieldDoc [numFields][]string

// buildIndex indexes docs with params p. terms lists every term of docs
// once, in the order of their first use: a term's id is its place there.
// The documents are read on up to workers goroutines.
func buildIndex(docs []fieldDoc, terms []string, p bm25Params, workers int) *index {
	ix := &index{ids: make(map[string]int32, len(terms)), n: len(docs)}
	for _, t := range terms {
		if _, ok := ix.ids[t]; !ok {
			ix.ids[t] = int32(len(ix.ids))
			ix.terms = append(ix.terms, t)
		}
	}
	var total float64
	for _, d := range docs {
		total += float64(len(d[fieldText]))
	}
	avg := 1.0
	if len(docs) > 0 && total > 0 {
		avg = total / float64(len(docs))
	}
	hits := make([][]hit, len(docs)) // per document, merged
	dfs := make([][]int32, max(workers, 1))
	parallel(len(docs), workers, func(w, from, to int) {
		df := make([]int32, len(ix.ids))
		var buf []hit
		for di := from; di < to; di++ {
			hits[di], buf = ix.docHits(&docs[di], p, avg, df, buf)
		}
		dfs[w] = df
	})
	df := dfs[0]
	for _, o := range dfs[1:] {
		for id, n := range o {
			df[id] += n
		}
	}
	ix.postings = make([][]posting, len(df))
	for id, n := range df {
		ix.postings[id] = make([]posting, 0, n)
	}
	ix.idf = make([]float32, len(df))
	N := float64(len(docs))
	ix.maxIDF = float32(math.Log(1 + (N+0.5)/0.5))
	for id, n := range df {
		ix.idf[id] = float32(math.Log(1 + (N-float64(n)+0.5)/(float64(n)+0.5)))
	}
	for di, hs := range hits {
		for _, h := range hs {
			idf := float64(ix.idf[h.id])
			tf := float64(h.tf)
			ix.postings[h.id] = append(ix.postings[h.id], posting{doc: int32(di), w: float32(idf * tf * (p.k1 + 1) / (tf + p.k1)), fields: h.fields})
		}
		hits[di] = nil
	}
	return ix
}

// A hit is a term's weighted frequency in one document, and the fields it
// occurs in.
type hit struct {
	id     int32
	tf     float32
	fields uint8
}

// docHits returns d's hits, one per term, counting each in df; buf is
// scratch space, returned for reuse.
func (ix *index) docHits(d *fieldDoc, p bm25Params, avg float64, df []int32, buf []hit) ([]hit, []hit) {
	buf = buf[:0]
	norm := 1 - p.b + p.b*float64(len(d[fieldText]))/avg
	for f := 0; f < numFields; f++ {
		w := p.weight[f]
		if f <= fieldNegated {
			w /= norm
		}
		start := len(buf)
	terms:
		for _, t := range d[f] {
			id := ix.ids[t]
			if f >= fieldSpeaker {
				for _, h := range buf[start:] {
					if h.id == id {
						continue terms // names and headings count once
					}
				}
			}
			buf = append(buf, hit{id, float32(w), 1 << f})
		}
	}
	slices.SortStableFunc(buf, func(a, b hit) int { return int(a.id - b.id) })
	var merged []hit
	for _, h := range buf {
		if n := len(merged); n > 0 && merged[n-1].id == h.id {
			merged[n-1].tf += h.tf
			merged[n-1].fields |= h.fields
			continue
		}
		merged = append(merged, h)
		df[h.id]++
	}
	return merged, buf
}

// parallel calls fn over [0, n) in up to workers contiguous parts, w the
// part's number, and waits for them.
func parallel(n, workers int, fn func(w, from, to int)) {
	if workers <= 1 || n < 2*workers {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		from, to := n*w/workers, n*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(w, from, to)
		}()
	}
	wg.Wait()
}

// idOf returns a term's id, or -1 when no document has it.
func (ix *index) idOf(term string) int32 {
	if id, ok := ix.ids[term]; ok {
		return id
	}
	return -1
}

// idfOf returns a term's idf, or unknown times maxIDF when no document has
// it: such a word is most often an everyday word the briefing says
// differently, and the full weight would refuse paraphrases.
func (ix *index) idfOf(term string, unknown float64) (float32, bool) {
	if id, ok := ix.ids[term]; ok {
		return ix.idf[id], true
	}
	return ix.maxIDF * float32(unknown), false
}

// idfOfID is idfOf for the term with index id, or -1.
func (ix *index) idfOfID(id int32, unknown float64) (float32, bool) {
	if id >= 0 {
		return ix.idf[id], true
	}
	return ix.maxIDF * float32(unknown), false
}

// scratch holds per-query accumulators and buffers, reused through a
// pool.
type scratch struct {
	acc     []acc // by document
	touched []int32
	seen    []bool   // candidateDocs: a document is a candidate already
	top     []int32  // candidateDocs: the candidates
	heap    []scored // topK: the best documents so far, a min-heap

	words   []word  // the question's words
	toks    []token // its tokens
	wtoks   []token // its word tokens
	cands   []cand
	weights termWeights // rank: the question's terms, as scoring reads them
	keys    []candKey   // sortCands: the candidates' keys
	sorted  []cand      // sortCands: the candidates in order
	rej     []rejection // choose: why each candidate does not answer
	terms   []queryTerm // the question's terms
}

// An acc is one document's accumulator: its score and the question terms
// it matches, kept together so that a posting touches one cache line.
type acc struct {
	score  float32
	full   uint64 // bit q: question term q matched in a strong field
	half   uint64 // bit q: matched only in the heading or through a related term
	strong uint64 // bit q: matched through a strong related term
	faint  uint64 // bit q: matched only through a faint related term
	text   uint64 // bit q: question term q is in the sentence's own text
}

// maxFree bounds the accumulators kept for reuse.
const maxFree = 64

func (ix *index) getScratch() *scratch {
	ix.mu.Lock()
	if n := len(ix.free); n > 0 {
		s := ix.free[n-1]
		ix.free = ix.free[:n-1]
		ix.mu.Unlock()
		return s
	}
	ix.mu.Unlock()
	return &scratch{acc: make([]acc, ix.n), seen: make([]bool, ix.n)}
}

func (ix *index) putScratch(s *scratch) {
	for _, d := range s.touched {
		s.acc[d] = acc{}
	}
	s.touched = s.touched[:0]
	ix.mu.Lock()
	if len(ix.free) < maxFree {
		ix.free = append(ix.free, s)
	}
	ix.mu.Unlock()
}

// A queryTerm is one distinct content term of a question.
type queryTerm struct {
	term     string
	word     string    // as the question wrote it
	idf      float32   // a share of maxIDF when no document has it
	known    bool      // some document has it
	id       int32     // its index id, or -1 when no document has it
	related  []relTerm // weaker equivalents, strongest first
	speaker  bool      // part of a named speaker's name
	entity   bool      // a name, place or number rather than a relation word
	optional bool      // ranks, but an answer need not cover it ("propose" in "what did X propose")
	modifier bool      // a name before a common noun: "Strand" in "the Strand campaign organizers"
}

// score accumulates the BM25 scores of terms (at most 64) into s.
func (ix *index) score(terms []queryTerm, s *scratch) {
	for qi := range terms {
		qt := &terms[qi]
		bit := uint64(1) << uint(qi)
		if qt.id >= 0 {
			for _, p := range ix.postings[qt.id] {
				a := &s.acc[p.doc]
				if a.full|a.half|a.strong|a.faint == 0 {
					s.touched = append(s.touched, p.doc)
				}
				a.score += p.w
				if p.fields&(1<<fieldText) != 0 {
					a.text |= bit
				}
				if p.fields&strongFields != 0 {
					a.full |= bit
				} else {
					a.half |= bit
				}
			}
		}
		for _, r := range qt.related { // strongest first
			for _, p := range ix.postings[r.id] {
				a := &s.acc[p.doc]
				if a.full&bit != 0 {
					continue
				}
				if a.full|a.half|a.strong|a.faint == 0 {
					s.touched = append(s.touched, p.doc)
				}
				if (a.half|a.strong|a.faint)&bit == 0 {
					a.score += r.w * p.w
				}
				switch r.cover {
				case coverStrong:
					a.strong |= bit
				case coverFaint:
					a.faint |= bit
				default:
					a.half |= bit
				}
			}
		}
	}
}
