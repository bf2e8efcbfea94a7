package qa

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/knowledge"
	en "github.com/briefbot/briefbot/knowledge/english"
)

// A prepared briefing is what reading it gives, before it joins the
// engine: its paragraphs' sentences as documents, and how it writes its
// words. Briefings are prepared in parallel, then committed in order, so
// the engine is the same whichever worker read which.
type prepared struct {
	paras  []preparedPara
	caps   map[string][2]int // term → uses: [capitalised, lower case]
	forms  []termForm        // the first capitalised form of each term, in reading order
	vocab  []string          // the terms of its title and publisher
	events [][]string        // per event, the terms of its sentence
	terms  []string          // every term of its documents' fields once, in the order of first use
	roles  []string          // the terms of the role nouns it uses: \"director\", \"chairman\"
}

type preparedPara struct {
	p    *knowledge.Passage
	docs []preparedDoc
}

type preparedDoc struct {
	d     doc
	fd    fieldDoc
	toks  []stok
	first string
	said  bool // attributed to d.speaker
}

type termForm struct{ term, form string }

// prepareAll reads every briefing, on as many workers as there are CPUs,
// each with an analyzer of its own whose stems join the engine's after.
func (e *Engine) prepareAll() []*prepared {
	out := make([]*prepared, len(e.briefings))
	workers := min(runtime.GOMAXPROCS(0), len(e.briefings))
	if workers <= 1 {
		for bi := range e.briefings {
			out[bi] = e.prepare(e.an, bi)
		}
		return out
	}
	ans := make([]*analyzer, workers)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := range ans {
		ans[w] = e.an.worker()
		wg.Add(1)
		go func(an *analyzer) {
			defer wg.Done()
			for bi := range next {
				out[bi] = e.prepare(an, bi)
			}
		}(ans[w])
	}
	for bi := range e.briefings {
		next <- bi
	}
	close(next)
	wg.Wait()
	for _, an := range ans {
		for w, t := range an.cache {
			if _, ok := e.an.cache[w]; !ok {
				e.an.cache[w] = t
			}
		}
		for w, t := range an.acro {
			if _, ok := e.an.acro[w]; !ok {
				e.an.acro[w] = t
			}
		}
		for w, spelt := range an.longs {
			if _, ok := e.an.longs[w]; !ok {
				e.an.longs[w] = spelt
			}
		}
	}
	return out
}

// worker returns an analyzer for one build worker: the engine's aliases,
// phrases and WordNet, read only, and caches of its own.
func (a *analyzer) worker() *analyzer {
	return &analyzer{building: true, cache: map[string]string{}, phrases: a.phrases, extra: a.extra, caps: a.caps, acro: map[string]string{}, longs: map[string]string{}, wn: a.wn, phrasal: map[[2]string]string{}}
}

// prepare reads briefing bi with an.
func (e *Engine) prepare(an *analyzer, bi int) *prepared {
	b := e.briefings[bi]
	words := 16 * len(b.Passages) // a guess at the briefing's distinct words, to size the maps once
	pr := &prepared{caps: make(map[string][2]int, words), paras: make([]preparedPara, 0, len(b.Passages))}
	bx := e.indexBriefing(b)
	seenForm, seenTerm := make(map[string]bool, words/4), make(map[string]bool, words)
	for pi := range b.Passages {
		p := &b.Passages[pi]
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		if _, ok := bx.secTerms[p.Section]; !ok {
			bx.secTerms[p.Section] = an.terms(p.Section)
		}
		pp := preparedPara{p: p, docs: make([]preparedDoc, 0, len(sentencesOf(p)))}
		for si, s := range sentencesOf(p) {
			if text := sentenceText(p, s); strings.TrimSpace(text) != "" {
				pd := e.prepareSentence(an, p, si, text, bx.quotedIn(p, s, text), bx, pr, seenForm)
				for _, f := range pd.fd {
					for _, t := range f {
						if !seenTerm[t] {
							seenTerm[t] = true
							pr.terms = append(pr.terms, t)
						}
					}
				}
				pp.docs = append(pp.docs, pd)
			}
		}
		pr.paras = append(pr.paras, pp)
	}
	for _, ev := range b.Events {
		terms, ok := bx.eventTerms[ev.Text]
		if !ok {
			terms = eventTerms(an.tokens(ev.Text, bx.tokBuf[:0], true))
		}
		pr.events = append(pr.events, terms)
	}
	for _, t := range an.tokens(b.Title+" "+b.Publisher, nil, true) {
		if t.term != "" && !t.has(tokAlias) && !t.has(tokPart) {
			pr.vocab = append(pr.vocab, t.term)
		}
	}
	return pr
}

// prepareSentence reads sentence si of p: its terms by field, its tokens,
// its speaker and what it offers as an answer.
func (e *Engine) prepareSentence(an *analyzer, p *knowledge.Passage, si int, text string, quoted [][2]int, bx *briefingIndex, pr *prepared, seenForm map[string]bool) preparedDoc {
	k := sentKey{p.ID, si}
	pd := preparedDoc{d: doc{sent: int32(si), speaker: -1, text: text}}
	toks := an.tokens(text, bx.tokBuf[:0], true)
	bx.tokBuf = toks
	n := 0
	for _, t := range toks {
		if t.term != "" {
			n++
		}
	}
	pd.fd[fieldText] = make([]string, 0, n)
	bx.stokBuf, pd.first = sentenceToks(text, toks, bx.stokBuf[:0])
	pd.toks = slices.Clone(bx.stokBuf)
	for i, t := range toks {
		if t.term == "" {
			continue
		}
		if !t.has(tokAlias) && !t.has(tokPart) && negatedAt(toks, i) {
			pd.fd[fieldNegated] = append(pd.fd[fieldNegated], negated+t.term)
		}
		if isRole(t.word) && !slices.Contains(pr.roles, t.term) {
			pr.roles = append(pr.roles, t.term)
		}
		if !t.has(tokAlias) && !t.has(tokPart) && t.pos > 0 {
			n := pr.caps[t.term]
			if t.has(tokCap) {
				n[0]++
				if !seenForm[t.term] {
					seenForm[t.term] = true
					pr.forms = append(pr.forms, termForm{t.term, text[t.start:t.end]})
				}
			} else {
				n[1]++
			}
			pr.caps[t.term] = n
		}
		pd.fd[fieldText] = append(pd.fd[fieldText], t.term)
		if inSpans(quoted, t.start) {
			pd.fd[fieldQuote] = append(pd.fd[fieldQuote], t.term)
		}
	}
	if src, ok := bx.speakerOf[k]; ok && bx.said[k] {
		pd.said = true
		pd.d.speaker = int32(src)
		pd.d.quotes = bx.quotesOf[k]
		pd.fd[fieldSpeaker], pd.fd[fieldRole] = e.sources[src].nameTerms, e.sources[src].roleTerms
	}
	pd.fd[fieldSection] = bx.secTerms[p.Section]
	pd.d.flags = sentenceFlags(text, toks, len(quoted) > 0)
	if isHeadline(text) {
		pd.d.flags |= docHeadline
	}
	if bx.past[k] {
		pd.d.flags |= docPast
		if saysFuture(text) {
			pd.d.flags |= docFuture
		}
	}
	if bx.dated[k] {
		pd.d.flags |= docEvent | docDate
		bx.eventTerms[text] = eventTerms(toks)
	}
	if len(pd.d.quotes) > 0 {
		pd.d.flags |= docQuote
	}
	return pd
}

// isRole reports whether a word, or the last word of a phrase ("chief
// executive"), is a role noun.
func isRole(w string) bool {
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	return en.IsRoleNoun(w)
}

// commit adds prepared briefing bi to the engine: its paragraphs, refs,
// sentences and what its sources said.
func (e *Engine) commit(bi int, pr *prepared, fields []fieldDoc, st *buildStats) []fieldDoc {
	b := e.briefings[bi]
	for _, pp := range pr.paras {
		pa := para{b: bi, p: pp.p, first: int32(len(e.docs)), section: pp.p.Section}
		pa.ref = e.makeRef(b, pp.p.ID)
		e.refs[pa.ref] = len(e.paras)
		for _, pd := range pp.docs {
			pd.d.para = int32(len(e.paras))
			if pd.said {
				src := int(pd.d.speaker)
				e.sources[src].docs = append(e.sources[src].docs, int32(len(e.docs)))
				e.addSaid(src, b, pp.p, pd.d.text, pd.d.quotes)
			}
			e.docs = append(e.docs, pd.d)
			fields = append(fields, pd.fd)
			st.toks = append(st.toks, pd.toks)
			st.first = append(st.first, pd.first)
		}
		pa.count = int32(len(e.docs)) - pa.first
		e.paras = append(e.paras, pa)
	}
	for t, n := range pr.caps {
		m := st.caps[t]
		st.caps[t] = [2]int{m[0] + n[0], m[1] + n[1]}
	}
	for _, f := range pr.forms {
		if _, ok := st.form[f.term]; !ok {
			st.form[f.term] = f.form
		}
	}
	for _, t := range pr.vocab {
		e.vocab[t] = true
	}
	st.events = append(st.events, pr.events)
	st.terms = append(st.terms, pr.terms...)
	st.roles = append(st.roles, pr.roles...)
	return fields
}
