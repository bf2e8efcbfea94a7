package qa

import (
	"maps"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge"
	en "github.com/briefbot/briefbot/knowledge/english"
)

// Engine answers questions from a fixed set of briefings. It is built once by
// New and is then safe for concurrent use; it does no I/O and never logs.
type Engine struct {
	briefings []*knowledge.Briefing
	an        *analyzer
	ix        *index
	wn        *wordnet // related words
	relMu     sync.RWMutex
	related   map[string][]relTerm // a question word (with "!" before it when negated) → its related terms, read-only
	roles     []int32              // the ids of the role nouns the briefings use
	leads     []int32              // the ids of the verbs of leading the briefings use (leadVerbs)
	units     map[int32]bool       // the ids of the words of time and length units the briefings use, and of lengths glued to their unit ("5km")
	lengths   map[int32]bool       // the ids of the words of length units the briefings use ("metres")
	weights   map[int32]bool       // the ids of the words of weight units the briefings use ("kilograms")
	regions   map[int32]bool       // the ids of the countries and continents the briefings name: no answer to "which city" (not states: "New York")
	tune      tuning

	paras       []para
	docs        []doc
	sources     []source
	byKey       map[string]int         // normalised name, alias or surname → source
	names       map[string][]nameEntry // first term of a name → the names starting with it
	nameStarts  []bool                 // by index id: some name starts with the term (names has it)
	nameTerms   [][]string             // by source: the terms of its names in names
	vocab       map[string]bool        // terms outside the index that briefings use (titles, names)
	proper      map[string]bool        // terms the briefings write capitalised: names of people, places, things
	sortedTerms []string               // every indexed term, sorted, for prefix search
	refs        map[string]int         // Ref → paragraph
	defines     map[string]int32       // an alias form, lower case → the sentence defining it

	events  []timelineEntry
	suggest []string
}

// A para is one passage of one briefing.
type para struct {
	b       int
	p       *knowledge.Passage
	ref     string
	first   int32 // its first document
	count   int32 // its documents
	section string
}

// A doc is one sentence: the unit the index ranks.
type doc struct {
	para    int32
	sent    int32 // index into the passage's sentences
	speaker int32 // source index, or -1 for narration
	flags   docFlag
	near    nearFlag // what ranking needs of its paragraph and neighbours; with the above, one cache line
	text    string
	quotes  []string // the direct quotations in it, by its speaker
	toks    []dtok   // its tokens that have a term or a mark
}

type docFlag uint16

const (
	docEvent    docFlag = 1 << iota // the briefing dates an event in it
	docDate                         // it has a date expression
	docNumber                       // it has a number other than a year
	docReason                       // it gives a reason
	docPlace                        // it places something
	docName                         // it names someone or something
	docPronoun                      // it opens with a pronoun
	docQuote                        // it has a direct quotation
	docManner                       // it says how (by, through, using)
	docTime                         // it has a relative time: "within days", "two weeks later", "overnight"
	docHeadline                     // a title line: no sentence punctuation at its end
	docPast                         // every event it dates is over by its briefing's date
	docFuture                       // it says that something is still to happen (saysFuture)
	docOften                        // it says how often: "twice a year", "daily", "every week"
	docRange                        // it gives a range of dates: "from May 1 to May 19", "since 2019"
	docClock                        // it gives a time of day: "at 6:36 p.m.", "noon"
)

func (d *doc) has(f docFlag) bool { return d.flags&f != 0 }

// A nameEntry is one way to name a source: its terms in order.
type nameEntry struct {
	terms  []string
	source int
}

// A source is one speaker or cited organisation, merged across briefings.
type source struct {
	summary SourceSummary
	said    []Said
	docs    []int32 // documents attributed to it, in reading order
	intro   int32   // the document that introduces it, or -1

	nameTerms, roleTerms []string // its index fields, analysed once
	orgsNamed            string   // the full names of the organisations its role names by a short name, each after a space
	hasRole              bool     // its role holds a role noun: "the head of X" may be its "chief executive"
	allTerms             []string // the terms of its name, role and aliases
	nameIDs              []int32  // the index ids of nameTerms
	roleIDs              []int32  // the index ids of roleTerms, when the role is held now and its own (roleAnswers)
	gender               byte     // for a person: 'm' or 'f' as the briefing refers to them, or 0 when it does not say
	lastBriefing         int      // while building: 1 + the last briefing that named it
}

// New indexes briefings. The result is safe for concurrent use.
func New(briefings ...*knowledge.Briefing) *Engine {
	return newEngine(defaultTuning, briefings...)
}

func newEngine(tune tuning, briefings ...*knowledge.Briefing) *Engine {
	p := tune.bm25
	tune.kinds = relKindsOf(tune.rel)
	wn := loadWordnet()
	e := &Engine{
		wn:      wn,
		related: map[string][]relTerm{},
		tune:    tune,
		an:      &analyzer{building: true, cache: map[string]string{}, phrases: map[string][]phrase{}, extra: map[string][]string{}, caps: map[string]string{}, acro: map[string]string{}, longs: map[string]string{}, wn: wn, phrasal: map[[2]string]string{}},
		byKey:   map[string]int{},
		names:   map[string][]nameEntry{},
		vocab:   map[string]bool{},
		proper:  map[string]bool{},
		refs:    map[string]int{},
		defines: map[string]int32{},
	}
	for _, b := range briefings {
		if b != nil {
			e.briefings = append(e.briefings, b)
		}
	}
	fields, st := e.readBriefings()
	e.indexDocs(fields, st, p)
	e.addNames()
	e.nameStarts = e.markNameStarts()
	e.nameTerms = e.nameTermsBySource()
	e.addDefinitions()
	e.markNear()
	e.buildTimeline(st)
	e.suggest = e.buildSuggestions(st)
	e.an.finish(e.ix.ids) // read-only from here on
	return e
}

// markNameStarts returns, by index id, whether a name starts with the
// term, so that a question's words are looked up in names only when one
// does.
func (e *Engine) markNameStarts() []bool {
	starts := make([]bool, len(e.ix.ids))
	for t := range e.names {
		if id, ok := e.ix.ids[t]; ok {
			starts[id] = true
		}
	}
	return starts
}

// nameTermsBySource returns, by source, the terms of its names, each once.
func (e *Engine) nameTermsBySource() [][]string {
	by := make([][]string, len(e.sources))
	for _, es := range e.names {
		for _, n := range es {
			for _, t := range n.terms {
				if !slices.Contains(by[n.source], t) {
					by[n.source] = append(by[n.source], t)
				}
			}
		}
	}
	return by
}

// mayStartName reports whether a name may start with t's term: its id
// says, once the engine is built; names say for a term without one.
func (e *Engine) mayStartName(t *token) bool {
	if t.id >= 0 && int(t.id) < len(e.nameStarts) {
		return e.nameStarts[t.id]
	}
	return len(e.names[t.term]) > 0
}

// readBriefings reads the briefings: their aliases and sources, then their
// sentences (in parallel) as documents, whose fields it returns with what
// the build learnt of the briefings' words.
func (e *Engine) readBriefings() ([]fieldDoc, *buildStats) {
	for _, b := range e.briefings {
		e.addAliases(b)
	}
	for bi, b := range e.briefings {
		e.addSources(bi, b)
	}
	short := e.shortOrgNames()
	for si := range e.sources {
		e.speakerFields(si, short) // analysed once, before the briefings are read in parallel
	}
	preps := e.prepareAll()
	n, np := 0, 0
	for _, pr := range preps {
		np += len(pr.paras)
		for _, pp := range pr.paras {
			n += len(pp.docs)
		}
	}
	fields := make([]fieldDoc, 0, n)
	e.docs = make([]doc, 0, n)
	e.paras = make([]para, 0, np)
	st := &buildStats{caps: map[string][2]int{}, form: map[string]string{}, toks: make([][]stok, 0, n), first: make([]string, 0, n)}
	for bi, pr := range preps {
		fields = e.commit(bi, pr, fields, st)
	}
	for t, n := range st.caps {
		if n[0] > 0 && n[0] >= 4*n[1] {
			e.proper[t] = true
		}
	}
	return fields, st
}

// indexDocs builds the index over the documents' fields, and what refers to
// its terms: the sentences' tokens, the role nouns, the units of time and
// length and the sorted vocabulary.
func (e *Engine) indexDocs(fields []fieldDoc, st *buildStats, p bm25Params) {
	workers := runtime.GOMAXPROCS(0)
	e.ix = buildIndex(fields, st.terms, p, workers)
	e.markTokens(st)
	for _, t := range st.roles {
		if id := e.ix.idOf(t); id >= 0 && !slices.Contains(e.roles, id) {
			e.roles = append(e.roles, id)
		}
	}
	for _, w := range leadVerbs {
		if id := e.ix.idOf(e.an.term(w)); id >= 0 && !slices.Contains(e.leads, id) {
			e.leads = append(e.leads, id)
		}
	}
	e.lengths, e.weights = e.unitIDs(lengthUnits), e.unitIDs(weightUnits)
	e.units = e.unitIDs(timeUnits)
	maps.Copy(e.units, e.lengths)
	for t, id := range e.ix.ids {
		if gluedLength(t) {
			e.units[id] = true // "5km": a number and its unit in one word
		}
	}
	e.regions = map[int32]bool{}
	for name := range en.Countries() {
		if ts := e.an.terms(name); len(ts) == 1 {
			if id := e.ix.idOf(ts[0]); id >= 0 {
				e.regions[id] = true
			}
		}
	}
	e.sortedTerms = make([]string, 0, len(e.ix.ids))
	for t := range e.ix.ids {
		e.sortedTerms = append(e.sortedTerms, t)
	}
	sort.Strings(e.sortedTerms)
}

// addAliases teaches the analyzer the aliases a briefing defines: each
// group's expansions are indexed with the short form's term as well.
func (e *Engine) addAliases(b *knowledge.Briefing) {
	for _, g := range b.Aliases {
		if len(g) < 2 {
			continue
		}
		short := strings.TrimSpace(g[0])
		canon := e.primary(short)
		if len(canon) != 1 {
			continue
		}
		term := canon[0]
		if up := strings.ToUpper(short); up == short && len(short) >= 2 && !strings.ContainsAny(short, " -.") {
			e.an.caps[up] = term
		}
		forms := g[1:]
		for _, form := range g[1:] {
			// "Vellmar Ferry" is the company "Vellmar Ferry Corporation" too,
			// unless the briefing itself calls someone or something else so
			// (its founder, a lake)
			form = strings.TrimSpace(form)
			if short := en.TrimCompanySuffix(form); short != form && strings.Contains(short, " ") && !usedAlone(b, short) {
				forms = append(forms[:len(forms):len(forms)], short)
			}
		}
		for _, form := range forms {
			var ws []string
			for _, w := range scanWords(form, nil) {
				ws = append(ws, w.norm)
			}
			switch {
			case len(ws) > 1:
				e.an.phrases[ws[0]] = append(e.an.phrases[ws[0]], phrase{words: ws, term: term})
			case len(ws) == 1:
				if t := e.an.remember(ws[0]); t != "" && t != term && !contains(e.an.extra[t], term) {
					e.an.extra[t] = append(e.an.extra[t], term)
				}
			}
		}
	}
}

// usedAlone reports whether b writes short anywhere but before a corporate
// suffix: "Hollis Grant said" beside "Hollis Grant Corporation".
func usedAlone(b *knowledge.Briefing, short string) bool {
	for _, p := range b.Passages {
		for rest := p.Text; ; {
			i := strings.Index(rest, short)
			if i < 0 {
				break
			}
			rest = rest[i+len(short):]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue // inside a longer word: "Vellmar Ferrymen"
			}
			next, _, _ := strings.Cut(strings.TrimPrefix(rest, " "), " ")
			next = strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(next, ",;:)”\"'’"), "’s"), "'s")
			if en.TrimCompanySuffix(short+" "+next) == short || en.TrimCompanySuffix(short+" "+strings.TrimSuffix(next, ".")) == short {
				continue // "Vellmar Ferry Corporation", "Vellmar Ferry Corp.", "Vellmar Ferry Corporation’s"
			}
			return true
		}
	}
	return false
}

// primary returns the terms of text's own words: no alias or part tokens.
func (e *Engine) primary(text string) []string {
	var out []string
	for _, t := range e.an.tokens(text, nil, true) {
		if t.term != "" && !t.has(tokAlias) && !t.has(tokPart) {
			out = append(out, t.term)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// nameKey normalises a name for lookup: lower case, no dots, straight
// apostrophes, single spaces.
func nameKey(s string) string {
	s = strings.ToLower(normalizeSpace(s))
	s = nameReplacer.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

var nameReplacer = strings.NewReplacer(".", "", "’", "'", "‘", "'", "\u00a0", " ")

// sourceFor returns the index of the source named name, adding it if new.
func (e *Engine) sourceFor(name string, bi int) int {
	k := nameKey(name)
	if i, ok := e.byKey[k]; ok {
		e.addBriefing(i, bi)
		return i
	}
	kind := string(knowledge.Organisation)
	if looksLikePerson(name) {
		kind = string(knowledge.Person)
	}
	e.sources = append(e.sources, source{summary: SourceSummary{Name: name, Kind: kind, Aliases: []string{}}, intro: -1})
	i := len(e.sources) - 1
	e.byKey[k] = i
	e.addBriefing(i, bi)
	return i
}

func (e *Engine) addBriefing(i, bi int) {
	s := &e.sources[i]
	if s.lastBriefing == bi+1 {
		return // briefings are added in order
	}
	s.lastBriefing = bi + 1
	title := e.briefings[bi].Title
	if n := len(s.summary.Briefings); n > maxTitles && s.summary.Briefings[n-1] != title || !contains(s.summary.Briefings, title) {
		s.summary.Briefings = append(s.summary.Briefings, title)
	}
}

// looksLikePerson guesses whether a name the briefing did not list is a
// person: two to four capitalised words, none an organisation word.
func looksLikePerson(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if w == "" || strings.ToUpper(w[:1]) != w[:1] || strings.ToUpper(w) == w {
			return false
		}
		switch strings.ToLower(w) {
		case "officials", "agency", "ministry", "department", "news", "group", "center", "centre",
			"institute", "council", "military", "police", "government", "forces", "army", "office":
			return false
		}
	}
	return true
}

// addSources merges a briefing's sources into the engine's.
func (e *Engine) addSources(bi int, b *knowledge.Briefing) {
	listed := map[int]bool{}
	for _, s := range b.Sources {
		if strings.TrimSpace(s.Name) == "" {
			continue
		}
		i := e.sourceFor(s.Name, bi)
		listed[i] = true
		sum := &e.sources[i].summary
		sum.Quotes += s.Quotes
		sum.Statements += s.Statements
		if sum.Role == "" {
			sum.Role = s.Role
		}
		if s.Kind != "" && (len(sum.Briefings) == 1 || sum.Kind == "") {
			sum.Kind = string(s.Kind)
		}
		for _, a := range s.Aliases {
			if strings.TrimSpace(a) == "" || contains(sum.Aliases, a) {
				continue
			}
			sum.Aliases = append(sum.Aliases, a)
			if _, ok := e.byKey[nameKey(a)]; !ok {
				e.byKey[nameKey(a)] = i
			}
		}
	}
	// Speakers the source list lacks.
	for _, q := range b.Quotes {
		if strings.TrimSpace(q.Speaker) != "" {
			if i := e.sourceFor(q.Speaker, bi); !listed[i] {
				e.sources[i].summary.Quotes++
			}
		}
	}
	for _, s := range b.Statements {
		if strings.TrimSpace(s.Speaker) != "" {
			if i := e.sourceFor(s.Speaker, bi); !listed[i] {
				e.sources[i].summary.Statements++
			}
		}
	}
}

// sentencesOf returns a passage's sentences, or the whole text as one.
func sentencesOf(p *knowledge.Passage) []knowledge.Sentence {
	if len(p.Sentences) > 0 {
		return p.Sentences
	}
	return []knowledge.Sentence{{Text: p.Text, Start: 0, End: len(p.Text)}}
}

// sentenceText returns sentence s of p as the briefing prints it.
func sentenceText(p *knowledge.Passage, s knowledge.Sentence) string {
	if s.Text != "" {
		return s.Text
	}
	if 0 <= s.Start && s.Start <= s.End && s.End <= len(p.Text) {
		return p.Text[s.Start:s.End]
	}
	return ""
}

// locate returns the index of the sentence of p that holds text, trying
// hint first, or -1.
func locate(sents []knowledge.Sentence, p *knowledge.Passage, hint int, text string) int {
	probe := strings.TrimSpace(text)
	if len(probe) > 40 {
		probe = probe[:40]
		for len(probe) > 0 && probe[len(probe)-1]&0xC0 == 0x80 {
			probe = probe[:len(probe)-1]
		}
		if len(probe) > 0 && probe[len(probe)-1] >= 0xC0 {
			probe = probe[:len(probe)-1]
		}
	}
	if 0 <= hint && hint < len(sents) && (probe == "" || strings.Contains(sentenceText(p, sents[hint]), probe)) {
		return hint
	}
	for i, s := range sents {
		if probe != "" && strings.Contains(sentenceText(p, s), probe) {
			return i
		}
	}
	if 0 <= hint && hint < len(sents) {
		return hint
	}
	return -1
}

type sentKey struct {
	passage  string
	sentence int
}

// buildStats gathers, while indexing, how the briefings write each term.
type buildStats struct {
	caps   map[string][2]int // term → uses inside sentences: [capitalised, lower case]
	form   map[string]string // term → its first capitalised form
	toks   [][]stok          // per document, its tokens
	events [][][]string      // per briefing and event, the terms of its sentence
	terms  []string          // the terms of the documents' fields, in the order of first use, with repeats
	roles  []string          // the terms of the role nouns the briefings use, with repeats
	first  []string          // per document, the term of its first word when capitalised
}

// markTokens gives each sentence its tokens, by index id, once the index is
// built.
func (e *Engine) markTokens(st *buildStats) {
	for di := range e.docs {
		e.docs[di].toks = e.toIDs(st.toks[di], st.first[di])
	}
	for si := range e.sources {
		s := &e.sources[si]
		for _, t := range s.nameTerms {
			if id := e.ix.idOf(t); id >= 0 {
				s.nameIDs = append(s.nameIDs, id)
			}
		}
		if !pastOrKinRole(s.summary.Role) {
			for _, t := range s.roleTerms {
				if id := e.ix.idOf(t); id >= 0 {
					s.roleIDs = append(s.roleIDs, id)
				}
			}
		}
	}
}

// A briefingIndex is what addPassages needs to know about one briefing's
// sentences before indexing them: who said each, the quotations in it, and
// whether the briefing dates an event in it.
type briefingIndex struct {
	speakerOf  map[sentKey]int
	quotesOf   map[sentKey][]string
	said       map[sentKey]bool
	dated      map[sentKey]bool
	past       map[sentKey]bool    // every event the sentence dates is over by the briefing's date
	secTerms   map[string][]string // section heading → its terms
	quotes     map[string][][2]int // passage ID → the byte spans of its quotations
	tokBuf     []token
	stokBuf    []stok
	eventTerms map[string][]string // a dated sentence's text → its event terms
}

// quotedIn returns the spans of sentence s of p (its text) that are inside
// a quotation, as byte offsets into text.
func (bx *briefingIndex) quotedIn(p *knowledge.Passage, s knowledge.Sentence, text string) [][2]int {
	var out [][2]int
	for _, q := range bx.quotes[p.ID] {
		lo, hi := max(q[0], s.Start), min(q[1], s.End)
		if lo < hi && s.End-s.Start == len(text) {
			out = append(out, [2]int{lo - s.Start, hi - s.Start})
		}
	}
	return out
}

// indexBriefing locates each quote, statement and event of b in its
// passage's sentences.
func (e *Engine) indexBriefing(b *knowledge.Briefing) *briefingIndex {
	bx := &briefingIndex{speakerOf: map[sentKey]int{}, quotesOf: map[sentKey][]string{}, said: map[sentKey]bool{},
		dated: map[sentKey]bool{}, past: map[sentKey]bool{}, secTerms: map[string][]string{}, quotes: map[string][][2]int{}, eventTerms: map[string][]string{}}
	byID := map[string]int{}
	for pi := range b.Passages {
		byID[b.Passages[pi].ID] = pi
	}
	find := func(pid string, sentence int, text string) (sentKey, bool) {
		pi, ok := byID[pid]
		if !ok {
			return sentKey{}, false
		}
		p := &b.Passages[pi]
		si := locate(sentencesOf(p), p, sentence, text)
		return sentKey{pid, si}, si >= 0
	}
	attribute := func(pid string, sentence int, text, speaker string, isQuote bool) {
		k, ok := find(pid, sentence, text)
		if !ok || strings.TrimSpace(speaker) == "" {
			return
		}
		src := e.byKey[nameKey(speaker)]
		if cur, ok := bx.speakerOf[k]; !ok || isQuote && len(bx.quotesOf[k]) == 0 && cur != src {
			bx.speakerOf[k] = src
		}
		if isQuote && bx.speakerOf[k] == src && strings.TrimSpace(text) != "" {
			bx.quotesOf[k] = append(bx.quotesOf[k], strings.TrimSpace(text))
		}
		bx.said[k] = true
	}
	for _, q := range b.Quotes {
		attribute(q.Passage, q.Sentence, q.Text, q.Speaker, true)
		if pi, ok := byID[q.Passage]; ok {
			if span, ok := quoteSpan(&b.Passages[pi], q); ok {
				bx.quotes[q.Passage] = append(bx.quotes[q.Passage], span)
			}
		}
	}
	for _, s := range b.Statements {
		attribute(s.Passage, s.Sentence, s.Text, s.Speaker, false)
	}
	for _, ev := range b.Events {
		if k, ok := find(ev.Passage, ev.Sentence, ev.Text); ok {
			past, seen := bx.past[k]
			bx.past[k] = (past || !seen) && over(ev, b.Published)
			bx.dated[k] = true
		}
	}
	return bx
}

// over reports whether event ev ended before published (YYYY-MM-DD), at
// the precision of its date: an event of 2021 is over in 2024. One of the
// briefing's own year or month is over when its sentence tells it in the
// past tense ("held two ballots in 2025" in December 2025), not otherwise
// ("will hold it in December").
func over(ev knowledge.Event, published string) bool {
	d := ev.End
	if d == "" {
		d = ev.Date
	}
	if d == "" || published == "" {
		return false
	}
	n := min(len(d), len(published))
	return d[:n] < published[:n] || d[:n] == published[:n] && len(d) < len(published) && toldInPast(ev.Text)
}

// isHeadline reports whether text is a title line rather than a sentence:
// it ends with no full stop, question or exclamation mark, closing quote
// or colon.
func isHeadline(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?”\"’':…)]", r)
}

// isName reports whether t, written capitalised, may be part of a name:
// not a number, a month or weekday, or a title.
func isName(t token) bool {
	return (t.has(tokCap) || t.has(tokAllCaps)) && !t.has(tokNum) && !isCalendar(t.word) && !isHonorific(t.word)
}

// speakerFields analyses the terms of a source's names and of its role,
// once; short maps the organisations' short names (shortOrgNames).
func (e *Engine) speakerFields(src int, short map[string][]int) {
	s := &e.sources[src]
	if s.nameTerms == nil {
		s.nameTerms = e.an.terms(s.summary.Name)
		for _, a := range s.summary.Aliases {
			s.nameTerms = append(s.nameTerms, e.an.terms(a)...)
		}
		s.orgsNamed = e.orgsNamed(s.summary.Role, short)
		s.roleTerms = e.an.terms(s.summary.Role + s.orgsNamed)
	}
}

// addSaid records one thing source src said.
func (e *Engine) addSaid(src int, b *knowledge.Briefing, p *knowledge.Passage, text string, quotes []string) {
	s := &e.sources[src]
	said := Said{Text: text, Quote: strings.Join(quotes, " … "), Briefing: b.Title, Section: p.Section}
	s.said = append(s.said, said)
}

// quoteSpan returns where quotation q stands in its passage p: its byte
// offsets, or, for a quotation given without them, where its text first
// occurs.
func quoteSpan(p *knowledge.Passage, q knowledge.Quote) ([2]int, bool) {
	if 0 <= q.Start && q.Start < q.End && q.End <= len(p.Text) {
		return [2]int{q.Start, q.End}, true
	}
	if t := strings.TrimSpace(q.Text); t != "" {
		if i := strings.Index(p.Text, t); i >= 0 {
			return [2]int{i, i + len(t)}, true
		}
	}
	return [2]int{}, false
}

func inSpans(spans [][2]int, at int) bool {
	for _, s := range spans {
		if s[0] <= at && at < s[1] {
			return true
		}
	}
	return false
}

// sentenceFlags computes what a sentence offers as an answer.
func sentenceFlags(text string, toks []token, quoted bool) docFlag {
	var f docFlag
	if quoted {
		f |= docQuote
	}
	for i, t := range toks {
		if t.has(tokPart) && (isNumeric(t.word) || isNumeric(t.term)) && hyphenedNumber(text, toks, i) != 0 {
			f |= docNumber // "a 52-year-old", "a 10-day strike"; not "COVID-19" or "a 300-page report"
		}
		if t.has(tokAlias) || t.has(tokPart) {
			continue
		}
		switch {
		case t.pos == 0 && pronouns[t.word]:
			f |= docPronoun
		}
		if (t.has(tokNum) || multiplied(text, toks, i) || percentAbbrev(text, t)) && t.word != "one" { // "one of the ..." counts nothing
			if isYearWord(t) {
				f |= docDate
			} else {
				f |= docNumber
			}
		}
		if t.has(tokCap) && isCalendar(t.word) {
			if t.word != "march" && t.word != "may" || nearNumber(toks, i) || t.word == "march" && t.pos > 0 {
				f |= docDate
			}
		}
		if t.word == "yesterday" || t.word == "today" || t.word == "tomorrow" || t.word == "ago" {
			f |= docDate
		}
		if isRelativeTime(toks, i) {
			f |= docTime
		}
		if clockTime(text, toks, i) {
			f |= docTime | docClock
		}
		if t.has(tokCap) && t.pos > 0 && t.term != "" && !isCalendar(t.word) {
			f |= docName
			if i > 0 {
				switch toks[i-1].word {
				case "in", "at", "near", "outside", "from", "into", "across":
					f |= docPlace
				}
			}
		}
		switch t.word {
		case "by", "through", "using", "via", "with":
			f |= docManner
		}
		if often(toks, i) {
			f |= docOften
		}
	}
	if dateRange(toks) {
		f |= docRange
	}
	var buf [64]string
	words := plainWords(toks, buf[:0])
	if givesReason(text, toks, words) {
		f |= docReason
	}
	for _, w := range words {
		for _, c := range locationCues {
			if strings.HasPrefix(w, c) {
				f |= docPlace
				break
			}
		}
	}
	return f
}

// dateRange reports whether toks give a range of dates: "from May 1 to
// May 19", "between 2010 and 2014", "since 2019".
func dateRange(toks []token) bool {
	dateAfter := func(i int) bool { // a date within three words after toks[i]
		for k := i + 1; k < len(toks) && toks[k].pos <= toks[i].pos+3; k++ {
			if t := toks[k]; isYearWord(t) || t.has(tokCap) && isCalendar(t.word) {
				return true
			}
		}
		return false
	}
	open := false
	for i, t := range toks {
		switch t.word {
		case "since":
			if dateAfter(i) {
				return true
			}
		case "from", "between":
			open = open || dateAfter(i)
		case "to", "until", "till", "through", "and":
			if open && dateAfter(i) {
				return true
			}
		}
	}
	return false
}

// frequencyWords say how often on their own.
var frequencyWords = map[string]bool{
	"daily": true, "weekly": true, "monthly": true, "yearly": true, "annually": true,
	"hourly": true, "nightly": true, "fortnightly": true, "quarterly": true, "twice": true,
	"thrice": true, "always": true, "often": true, "rarely": true, "seldom": true,
	"sometimes": true, "occasionally": true, "frequently": true, "regularly": true,
	"routinely": true, "constantly": true, "biennially": true, "biannually": true,
}

// often reports whether toks[i] says how often something happens: "daily",
// "twice", "three times", "every week", "every two years", "each spring",
// "on Sundays", "per hour", or "a" after a count ("five days a week");
// not "a day after the crash" or "every resident".
func often(toks []token, i int) bool {
	t := toks[i]
	at := func(k int) string { // the word k words after t, or ""
		if i+k < len(toks) && toks[i+k].pos == t.pos+k {
			return toks[i+k].word
		}
		return ""
	}
	switch {
	case frequencyWords[t.word]:
		return !(t.word == "twice" && at(1) == "as") && !(t.has(tokCap) && t.pos > 0) // not "twice as large" or "the Velmora Daily"
	case t.word == "times" && i > 0 && toks[i-1].pos+1 == t.pos && toks[i-1].has(tokNum) && at(1) != "as":
		return true // "three times", not "three times as many"
	case t.word == "on" && pluralDays[at(1)]:
		return true // "on Sundays"
	case t.word == "every" || t.word == "each":
		// "every month", "every two years", "every other Saturday", "each spring"
		count := at(1) != "" && toks[i+1].has(tokNum)
		return periodWord(at(1)) || (at(1) == "other" || at(1) == "few" || count) && periodWord(at(2))
	case t.word == "per":
		return timeUnits[at(1)] && !(i > 0 && lengthUnits[strings.TrimSuffix(toks[i-1].word, "s")]) // not "20 miles per hour"
	case (t.word == "a" || t.word == "an") && timeUnits[at(1)]:
		for k := i - 1; k >= 0 && t.pos-toks[k].pos <= 3; k-- {
			if toks[k].has(tokNum) && !isYearWord(toks[k]) || toks[k].word == "times" || toks[k].word == "once" {
				return true // "five days a week", "once a year"; not "in 2019, a year after"
			}
		}
	}
	return false
}

// periodWord reports whether w names a recurring period: a time unit, a
// season or a day of the week ("every Sunday", "each spring").
func periodWord(w string) bool {
	switch w {
	case "spring", "summer", "autumn", "fall", "winter", "morning", "evening", "afternoon", "weekday":
		return true
	}
	return timeUnits[w] || isCalendar(w)
}

// pluralDays are the days of the week in the plural: "on Sundays".
var pluralDays = map[string]bool{
	"mondays": true, "tuesdays": true, "wednesdays": true, "thursdays": true,
	"fridays": true, "saturdays": true, "sundays": true, "weekdays": true, "weekends": true,
}

// plainWords appends to dst the words of toks, without the aliases and
// hyphenated parts the tokenizer adds.
func plainWords(toks []token, dst []string) []string {
	for _, t := range toks {
		if !t.has(tokAlias) && !t.has(tokPart) {
			dst = append(dst, t.word)
		}
	}
	return dst
}

// givesReason reports whether text (its toks, and their plain words) gives
// a reason: by a cue ("because") or by its grammar (reasonForm).
func givesReason(text string, toks []token, words []string) bool {
	return hasCue(words, reasonIndex) || reasonForm(text, toks)
}

// reasonForm reports whether a sentence gives a reason by its grammar
// rather than a cue word: "for" before a verb's -ing form ("under fire for
// failing to deliver"), or a comma's "as" before a subject ("..., as it is
// an industrial chemical").
func reasonForm(text string, toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		t, next := toks[i], toks[i+1]
		if t.has(tokAlias) || t.has(tokPart) || next.pos != t.pos+1 {
			continue
		}
		switch t.word {
		case "given":
			if t.pos == 0 && !en.IsParticle(next.word) && strings.Contains(text[next.start:], ",") {
				return true // "Given the cost of steel, the council chose …": its grounds
			}
		case "for":
			if len(next.word) > 5 && strings.HasSuffix(next.word, "ing") && !gerundNouns[next.word] {
				return true
			}
		case "to":
			if purposeAfter(toks, i) {
				return true // "were painted to match the railings"
			}
		case "as":
			if i+2 < len(toks) && en.ReportingVerb(toks[i+2].word) != en.NotReporting {
				continue // ", as he said"
			}
			if causalAfter[next.word] && strings.HasSuffix(strings.TrimRight(text[:t.start], " "), ",") {
				return true
			}
		}
	}
	return false
}

// purposeAfter reports whether toks[i], "to", opens an infinitive of
// purpose after a passive verb: "were painted to match the railings", not
// "was expected to rise" or "was taken to hospital".
func purposeAfter(toks []token, i int) bool {
	if i < 2 || i+1 >= len(toks) {
		return false
	}
	part, be, verb := toks[i-1], toks[i-2], toks[i+1]
	if part.pos+1 != toks[i].pos || be.pos+1 != part.pos || !en.IsBeForm(be.word) {
		return false
	}
	if !strings.HasSuffix(part.word, "ed") || catenatives[part.word] {
		return false
	}
	return verb.term != "" && !verb.has(tokCap) && !verb.has(tokNum) && !determiners[verb.word]
}

// catenatives take "to" for what follows, not for a purpose ("was
// expected to rise"), or for a place or state ("was sentenced to life").
var catenatives = map[string]bool{
	"expected": true, "supposed": true, "scheduled": true, "required": true, "asked": true,
	"allowed": true, "forced": true, "believed": true, "reported": true, "obliged": true,
	"used": true, "prepared": true, "committed": true, "dedicated": true, "limited": true,
	"subjected": true, "exposed": true, "related": true, "opposed": true, "compared": true,
	"connected": true, "linked": true, "devoted": true, "entitled": true, "sentenced": true,
	"elected": true, "appointed": true, "named": true, "promoted": true, "transferred": true,
	"moved": true, "returned": true, "admitted": true, "rushed": true, "invited": true,
	"ordered": true, "urged": true, "encouraged": true, "instructed": true, "tasked": true,
	"poised": true, "slated": true, "set": true, "due": true, "inclined": true,
	"determined": true, "pleased": true, "surprised": true, "delighted": true, "disappointed": true,
	"relegated": true, "reduced": true, "increased": true, "raised": true, "lowered": true,
	"cut": true, "restricted": true, "confined": true, "attached": true, "added": true,
	"referred": true, "assigned": true, "deployed": true, "posted": true, "shipped": true,
	"delivered": true, "flown": true, "airlifted": true, "evacuated": true, "diverted": true,
	"switched": true, "changed": true, "renamed": true, "upgraded": true, "downgraded": true,
	"accustomed": true, "engaged": true, "married": true, "owed": true, "granted": true,
	"awarded": true, "handed": true, "presented": true, "introduced": true,
	"alleged": true, "rumored": true, "rumoured": true, "estimated": true, "projected": true,
	"predicted": true, "considered": true, "deemed": true, "understood": true, "thought": true,
	"said": true, "known": true, "told": true, "able": true, "likely": true,
	// a feeling takes "to" for its cause: "was shocked to see"
	"shocked": true, "stunned": true, "saddened": true, "thrilled": true, "excited": true,
	"horrified": true, "amazed": true, "astonished": true, "relieved": true, "worried": true,
	"concerned": true, "frustrated": true, "annoyed": true, "embarrassed": true, "honoured": true,
	"honored": true, "dismayed": true, "alarmed": true, "devastated": true, "overjoyed": true,
	"disgusted": true, "outraged": true, "appalled": true, "intrigued": true, "puzzled": true,
}

// determiners open a noun phrase: after "to", a place or thing, not a verb.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"this": true, "that": true, "these": true, "those": true, "our": true, "my": true, "your": true,
	"some": true, "any": true, "each": true, "every": true, "no": true, "more": true, "less": true,
}

// unitIDs returns the ids of the briefings' terms for units, singular or
// plural ("metre", "metres").
func (e *Engine) unitIDs(units map[string]bool) map[int32]bool {
	ids := map[int32]bool{}
	for w := range units {
		for _, f := range [...]string{w, w + "s"} {
			if id := e.ix.idOf(e.an.term(f)); id >= 0 {
				ids[id] = true
			}
		}
	}
	return ids
}

// timeUnits are the units of a relative time: "within days", "two weeks".
var timeUnits = map[string]bool{
	"minute": true, "minutes": true, "hour": true, "hours": true, "day": true, "days": true,
	"night": true, "nights": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "decade": true, "decades": true, "weekend": true,
	"fortnight": true, "fortnights": true, "century": true, "centuries": true,
}

// timeLead are words that make a time unit after them a time: "within
// days", "next week", "the past two years", "only hours before".
var timeLead = map[string]bool{
	"within": true, "next": true, "last": true, "this": true, "coming": true, "past": true,
	"previous": true, "following": true, "few": true, "several": true,
	"by": true, "until": true, "later": true, "earlier": true, "each": true, "every": true,
	"only": true, "just": true, "mere": true, "some": true, "many": true,
}

// timeWords are relative times on their own.
var timeWords = map[string]bool{
	"tonight": true, "overnight": true, "soon": true, "later": true, "earlier": true,
	"recently": true, "afterwards": true, "afterward": true, "shortly": true, "immediately": true,
}

// clockTime reports whether toks[i] gives a time of day: the hour of
// "10:41" or "23:00hrs", a number before "a.m." or "pm", "9.30pm", "noon"
// or "midnight". Not "48 hrs", a span.
func clockTime(text string, toks []token, i int) bool {
	t := toks[i]
	switch w := t.word; {
	case w == "noon" || w == "midnight" || w == "midday":
		return t.pos == 0 || !t.has(tokCap) // not "the Noon Bell cafe"
	case t.has(tokNum):
		if i > 0 && toks[i-1].end+1 == t.start && isMinutes(text, t.start) && isHour(toks[i-1].word) {
			return true // the "41" of "10:41"
		}
		if !isHour(w) {
			return false
		}
		if rest := text[t.end:]; len(rest) > 0 && rest[0] == ':' {
			return isMinutes(text, t.end+1) // "10:41", not a score or a tally ("3:1", "7:2")
		}
		return i+1 < len(toks) && toks[i+1].pos == t.pos+1 && slices.Contains(clockSuffixes[:], toks[i+1].word)
	case len(w) > 2 && isDigit(w[0]):
		for _, suf := range clockSuffixes {
			if n := strings.TrimSuffix(w, suf); n != w && strings.Trim(n, "0123456789.:") == "" {
				h, _, _ := strings.Cut(strings.ReplaceAll(n, ":", "."), ".")
				return isHour(h) // "9.30pm"
			}
		}
	}
	return false
}

// isHour reports whether w, a number, may be the hour of a time of day.
func isHour(w string) bool {
	h, err := strconv.Atoi(w)
	return err == nil && len(w) <= 2 && h <= 24
}

// isMinutes reports whether text[at:] opens with the two digits of a
// minute after a colon: "10:41" at the "41".
func isMinutes(text string, at int) bool {
	if at < 2 || at+2 > len(text) || text[at-1] != ':' || !isDigit(text[at-2]) {
		return false
	}
	return '0' <= text[at] && text[at] <= '5' && isDigit(text[at+1]) && (at+2 == len(text) || !isDigit(text[at+2]))
}

// clockSuffixes follow the hour of a time of day.
var clockSuffixes = [...]string{"am", "pm", "a.m.", "p.m.", "o'clock"}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isRelativeTime reports whether toks[i] is, or ends, a relative time
// expression: a time unit after a number or a lead word ("within days",
// "two weeks later"), or a time word.
func isRelativeTime(toks []token, i int) bool {
	t := toks[i]
	if timeWords[t.word] {
		return true
	}
	if !timeUnits[t.word] {
		return false
	}
	for k := i - 1; k >= 0 && t.pos-toks[k].pos <= 2; k-- {
		if toks[k].has(tokNum) || timeLead[toks[k].word] {
			return true
		}
	}
	return false
}

// isYearWord reports whether token t is a year: "2019", not "2,000".
func isYearWord(t token) bool {
	return isYear(t.term) && strings.IndexByte(t.word, ',') < 0
}

func isYear(s string) bool {
	if len(s) != 4 || strings.Trim(s, "0123456789") != "" {
		return false // not "2.53", which isNumeric takes
	}
	return s >= "1800" && s <= "2199"
}

func nearNumber(toks []token, i int) bool {
	for _, k := range [...]int{i - 1, i + 1} {
		if k >= 0 && k < len(toks) && isNumeric(toks[k].term) {
			return true
		}
	}
	return false
}

// addNames indexes every way the briefings name their sources, and finds
// the sentence that introduces each.
func (e *Engine) addNames() {
	for si := range e.sources {
		s := &e.sources[si]
		forms := append([]string{s.summary.Name}, s.summary.Aliases...)
		if s.summary.Kind == string(knowledge.Person) {
			if surname := surnameOf(s.summary.Name); surname != "" {
				forms = append(forms, surname)
				if _, ok := e.byKey[nameKey(surname)]; !ok {
					e.byKey[nameKey(surname)] = si
				}
			}
		}
		for _, f := range forms {
			terms := e.primary(f)
			if len(terms) == 0 {
				continue
			}
			e.names[terms[0]] = append(e.names[terms[0]], nameEntry{terms: terms, source: si})
			for _, t := range terms {
				e.vocab[t] = true
			}
		}
		s.allTerms = e.an.terms(s.summary.Name + " " + s.summary.Role + " " + strings.Join(s.summary.Aliases, " ") + titlesOf(s.summary) + s.orgsNamed)
		s.hasRole = e.roleIn(s.summary.Role)
		if s.summary.Kind == string(knowledge.MediaCredit) {
			continue
		}
		s.intro = e.firstMention(s.summary.Name)
		if s.intro < 0 && len(s.docs) > 0 {
			s.intro = s.docs[0]
		}
		if s.summary.Kind == string(knowledge.Person) {
			s.gender = e.genderOf(s)
		}
	}
}

// surnameOf returns the surname a person's name is shortened to, with
// the particles before it and without a suffix after it: "de Blasio" of
// "Bill de Blasio", "King" of "Martin Luther King Jr."; "" for a name of one
// word.
func surnameOf(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 && en.IsNameSuffix(strings.TrimSuffix(ws[len(ws)-1], ",")) {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return ""
	}
	start := len(ws) - 1
	for start > 1 && en.IsNameParticle(ws[start-1]) {
		start--
	}
	return strings.TrimSuffix(strings.Join(ws[start:], " "), ",")
}

// maxGenderDocs bounds the sentences genderOf reads.
const maxGenderDocs = 16

// genderOf returns how the briefing refers to person s: 'f' when the
// sentences attributed to them, and the one after where they are
// introduced, say "she" or "her" and never "he", "him" or "his"; 'm' the
// other way round; 0 when they say neither or both. A title ("Mr.",
// "Ms.") settles it first.
func (e *Engine) genderOf(s *source) byte {
	for _, n := range append([]string{s.summary.Name}, s.summary.Aliases...) {
		switch w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(n)), " "); strings.TrimSuffix(w, ".") {
		case "mr", "sir", "lord":
			return 'm'
		case "mrs", "ms", "miss", "dame", "lady":
			return 'f'
		}
	}
	docs := append([]int32(nil), s.docs[:min(len(s.docs), maxGenderDocs)]...)
	if s.intro >= 0 && int(s.intro)+1 < len(e.docs) {
		docs = append(docs, s.intro+1)
	}
	var he, she int
	for _, d := range docs {
		for _, w := range scanWords(e.docs[d].text, nil) {
			switch w.norm {
			case "he", "him", "his", "himself":
				he++
			case "she", "her", "hers", "herself":
				she++
			}
		}
	}
	switch {
	case she > 0 && he == 0:
		return 'f'
	case he > 0 && she == 0:
		return 'm'
	}
	return 0
}

// firstMention returns the first sentence that has name in full, or -1. It
// looks only at the sentences holding the name's rarest term.
func (e *Engine) firstMention(name string) int32 {
	terms := e.primary(name)
	var rare []posting
	for i, t := range terms {
		id, ok := e.ix.ids[t]
		if !ok {
			return -1
		}
		if ps := e.ix.postings[id]; i == 0 || len(ps) < len(rare) {
			rare = ps
		}
	}
	low := strings.ToLower(name)
	for _, p := range rare {
		if p.fields&(1<<fieldText) == 0 {
			continue
		}
		if text := e.docs[p.doc].text; len(text) >= len(low) && strings.Contains(strings.ToLower(text), low) {
			return p.doc
		}
	}
	return -1
}

// Briefings describes the loaded briefings.
func (e *Engine) Briefings() []BriefingInfo {
	out := make([]BriefingInfo, 0, len(e.briefings))
	for _, b := range e.briefings {
		out = append(out, BriefingInfo{Title: b.Title, Publisher: b.Publisher, Published: b.Published, URL: b.URL, Passages: len(b.Passages)})
	}
	return out
}

// addDefinitions finds, for each alias group a briefing defines ("National
// Transportation Safety Board (NTSB)"), the first sentence that holds every form: the one
// that says what the thing is.
func (e *Engine) addDefinitions() {
	for di := range e.docs {
		d := &e.docs[di]
		for _, group := range e.briefings[e.paras[d.para].b].Aliases {
			if len(group) < 2 || !containsAll(d.text, group) {
				continue
			}
			for _, form := range group {
				if _, ok := e.defines[strings.ToLower(form)]; !ok {
					e.defines[strings.ToLower(form)] = int32(di)
				}
			}
		}
	}
}

func containsAll(text string, forms []string) bool {
	for _, f := range forms {
		if !strings.Contains(text, f) {
			return false
		}
	}
	return true
}

// titlesOf spells out the short titles before a source's name and aliases
// ("Gen. Jane Doe" is a general), each after a space.
func titlesOf(s SourceSummary) string {
	var b strings.Builder
	for _, form := range append([]string{s.Name}, s.Aliases...) {
		for _, w := range strings.Fields(form) {
			if t := en.TitleWord(w); t != "" {
				b.WriteString(" " + t)
			}
		}
	}
	return b.String()
}

// shortOrgNames maps each one-word alias of an organisation ("MFU") to
// the organisations it names, by source index.
func (e *Engine) shortOrgNames() map[string][]int {
	short := map[string][]int{}
	for i := range e.sources {
		o := &e.sources[i].summary
		if o.Kind != string(knowledge.Organisation) {
			continue
		}
		for _, a := range o.Aliases {
			if !strings.ContainsRune(a, ' ') && !slices.Contains(short[a], i) {
				short[a] = append(short[a], i)
			}
		}
	}
	return short
}

// orgsNamed spells out the organisations a role names by a short name
// ("president of MFU" names the union MFU stands for), each full name
// after a space, in the order of the sources.
func (e *Engine) orgsNamed(role string, short map[string][]int) string {
	if role == "" || len(short) == 0 {
		return ""
	}
	var named []int
	for _, w := range strings.FieldsFunc(role, func(r rune) bool { return r == ' ' || r == ',' || r == '’' || r == '\'' }) {
		for _, i := range short[w] {
			if !slices.Contains(named, i) {
				named = append(named, i)
			}
		}
	}
	slices.Sort(named)
	var b strings.Builder
	for _, i := range named {
		b.WriteString(" " + e.sources[i].summary.Name)
	}
	return b.String()
}

// roleIn reports whether role holds a role noun.
func (e *Engine) roleIn(role string) bool {
	for _, t := range e.an.terms(role) {
		if slices.Contains(e.roles, e.ix.idOf(t)) {
			return true
		}
	}
	return false
}
