package knowledge

import (
	"github.com/briefbot/briefbot/knowledge/english"
	"slices"
	"sort"
	"strings"
)

// A speaker is who a quote or statement is attributed to.
type speaker struct {
	name   string
	kind   SourceKind
	plural bool
}

// A person is someone the briefing names in full.
type person struct {
	name      string
	role      string
	surname   string
	gender    english.Gender
	honorific []string // titles seen before the surname: "Gen.", "Mr."
}

// An org is an organisation or group that speaks.
type org struct {
	name    string
	role    string
	plural  bool
	aliases []string // other forms used: "U.S." for "United States"
}

// A mention is a person or organisation named (or speaking) at a point in
// the text; pronouns are resolved against the most recent ones.
type mention struct {
	sp      speaker
	passage int
	speaker bool // it spoke here, not just named
}

// A sentenceInfo is the analysis of one sentence.
type sentenceInfo struct {
	toks    []tok
	attrs   []attr
	who     []*speaker // resolved speaker of each attr, nil if unresolved
	speaker *speaker   // who the sentence is attributed to, if anyone
}

// A doc holds the state of attributing one briefing. Nothing in it outlives
// the call to analyse.
type doc struct {
	b     *Briefing
	spans [][]quoteSpan
	sents [][]sentenceInfo

	byName     map[string]*person
	bySurname  map[string][]*person
	orgs       map[string]*org
	orgBase    map[string]string // a company's name without "AG", "Inc." → the name it spoke by
	knownOrgs  map[string]bool   // names of organisations the text mentions
	orgTyped   map[string]bool   // names an appositive calls a body ("X, the operator")
	spelled    map[string]bool   // long forms the text spells out ("United States")
	aliasGroup map[string]int    // a name → its group in b.Aliases
	proper     map[string]bool   // words seen capitalised inside a sentence
	lower      map[string]bool   // words seen in lower case
	recent     []mention

	quotes     []Quote
	quoteWho   []*speaker
	refs       []quoteRef  // where each quote stands
	chainPrev  map[int]int // quote index → the quote it continues (from the paragraph before)
	statements []Statement
	stmtSeen   map[string]bool
	onlyCache  map[int]*speaker // onlyPerson's answer per passage
}

// analyse finds the briefing's quotes, statements, sources and aliases.
func analyse(b *Briefing, credits []credit) {
	d := &doc{
		b:          b,
		byName:     map[string]*person{},
		bySurname:  map[string][]*person{},
		orgs:       map[string]*org{},
		orgBase:    map[string]string{},
		knownOrgs:  map[string]bool{},
		orgTyped:   map[string]bool{},
		spelled:    map[string]bool{},
		aliasGroup: map[string]int{},
		proper:     map[string]bool{},
		lower:      map[string]bool{},
		chainPrev:  map[int]int{},
		stmtSeen:   map[string]bool{},
	}
	d.collect()
	d.attribute()
	d.finish(credits)
}

// collect is the first pass: tokenize every sentence, find the aliases the
// text defines, and register every person introduced in full.
func (d *doc) collect() {
	d.spans = make([][]quoteSpan, len(d.b.Passages))
	d.sents = make([][]sentenceInfo, len(d.b.Passages))
	for pi := range d.b.Passages {
		p := &d.b.Passages[pi]
		d.spans[pi] = findQuotes(p.Text)
		d.sents[pi] = make([]sentenceInfo, len(p.Sentences))
		for _, a := range findAliases(p.Text) {
			d.addAlias(a[0], a[1])
		}
		for long := range equivalentsIn(p.Text) {
			d.spelled[long] = true
		}
		for si, s := range p.Sentences {
			ts := tokenize(p.Text, s, d.spans[pi])
			info := &d.sents[pi][si]
			info.toks = ts
			for _, t := range ts {
				if t.kind != tWord {
					continue
				}
				if isLowerStart(t.text) {
					d.lower[t.lower] = true
				} else if !t.first {
					d.proper[t.text] = true
				}
			}
			info.attrs = analyseSentence(p.Text, ts)
			for _, a := range info.attrs {
				if a.np.kind == npPerson {
					d.register(a.np)
				}
			}
			d.scanNames(p.Text, ts)
		}
	}
	// A name an appositive calls a body is not a person, wherever else it
	// looked like one.
	for name := range d.orgTyped {
		if p := d.byName[name]; p != nil && p.name == name {
			delete(d.byName, name)
			d.bySurname[p.surname] = slices.DeleteFunc(d.bySurname[p.surname], func(q *person) bool { return q == p })
		}
	}
}

// addAlias records that long is another name for short.
func (d *doc) addAlias(short, long string) {
	i, ok := d.aliasGroup[short]
	if !ok {
		d.b.Aliases = append(d.b.Aliases, []string{short})
		i = len(d.b.Aliases) - 1
		d.aliasGroup[short] = i
	}
	if g := d.b.Aliases[i]; len(g) <= maxAliases && !contains(g[1:], long) {
		d.b.Aliases[i] = append(g, long)
		if _, ok := d.aliasGroup[long]; !ok {
			d.aliasGroup[long] = i
		}
	}
}

// maxAliases bounds the long forms kept for one short form.
const maxAliases = 8

// aliasIn returns another name of name, from the aliases the text defines,
// that is already a speaker; or "".
func (d *doc) aliasIn(name string) string {
	i, ok := d.aliasGroup[name]
	if !ok {
		return ""
	}
	for _, other := range d.b.Aliases[i] {
		if other != name && d.orgs[other] != nil {
			return other
		}
	}
	return ""
}

// equivalentsIn returns the long forms of general abbreviations
// (english.LongForm) that text spells out.
func equivalentsIn(text string) map[string]bool {
	out := map[string]bool{}
	for _, long := range english.LongForms() {
		if strings.Contains(text, long) {
			out[long] = true
		}
	}
	return out
}

// register adds a person named in full, keeping the first role given.
func (d *doc) register(np nounPhrase) *person {
	p := d.byName[np.name]
	if p == nil {
		p = d.sameAs(np.name)
	}
	if p == nil {
		words := strings.Fields(np.name)
		sur := words[len(words)-1]
		if english.IsNameSuffix(strings.ToLower(sur)) && len(words) > 2 {
			sur = words[len(words)-2]
		}
		p = &person{name: np.name, surname: strings.TrimRight(sur, ",")}
		d.bySurname[p.surname] = append(d.bySurname[p.surname], p)
	}
	d.byName[np.name] = p
	if p.role == "" && np.role != "" {
		p.role = np.role
	}
	if p.gender == 0 {
		p.gender = np.gender
	}
	if np.honorific != "" {
		p.addHonorific(np.honorific)
	}
	return p
}

// sameAs finds a registered person with the same first and last names as
// name ("Jane Doe" for "Jane Q. Doe").
func (d *doc) sameAs(name string) *person {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	for _, p := range d.bySurname[words[len(words)-1]] {
		if strings.Fields(p.name)[0] == words[0] {
			return p
		}
	}
	return nil
}

func (p *person) addHonorific(h string) {
	for _, x := range p.honorific {
		if x == h {
			return
		}
	}
	p.honorific = append(p.honorific, h)
}

// scanNames registers the people and organisations a sentence introduces
// outside speaker position: people with a title ("Syrian President Jane
// Doe") or an appositive ("Jane Doe, a professor at X,"); organisations by
// their name ("Harbour Water Company", "NATO") or an appositive that calls
// them a body ("Brightwater Lines, the regional operator").
func (d *doc) scanNames(text string, ts []tok) {
	segStart := 0
	for j := 0; j < len(ts); j++ {
		t := ts[j]
		if t.kind != tWord {
			segStart = j + 1
			continue
		}
		if !isCapWord(t) || (j+1 < len(ts) && isCapWord(ts[j+1])) {
			continue
		}
		if inDateline(ts, j) {
			continue
		}
		// The run of capitalised words ending here, with a "the" before it.
		k := j
		for k > segStart && j-k < maxName && (isCapWord(ts[k-1]) || isParticle(ts[k-1].text) || (k-2 >= segStart && isCapWord(ts[k-2]) && joinsOrg(ts[:j+1], k-1))) {
			k--
		}
		if k > segStart && ts[k-1].lower == "the" {
			k--
		}
		if k > segStart && isCapWord(ts[k]) {
			if pre := rolePrefix(ts[segStart:j+1], k-segStart, false); pre < k-segStart {
				k = segStart + pre // keep a role written before the name
			}
		}
		np, ok := npAtEnd(text, ts[k:j+1])
		if !ok {
			continue
		}
		var desc []tok
		if j+2 < len(ts) && ts[j+1].kind == tComma {
			k := j + 2
			for k < len(ts) && ts[k].kind == tWord {
				k++
			}
			closed := k == len(ts) || ts[k].kind == tComma || ts[k].text == "."
			if closed && isDesc(ts[j+2:k]) && !hasReportingVerb(ts[j+2:k]) {
				desc = ts[j+2 : k]
			}
		}
		head := descHead(desc)
		switch {
		case (np.kind == npPerson || np.kind == npSingle || np.kind == npOrg) && (english.IsOrgNoun(head) || english.IsGenericOrgNoun(head)):
			d.orgTyped[np.name] = true
			d.knownOrgs[np.name] = true
		case np.kind == npOrg && (strings.Contains(np.name, " ") || isAcronym(np.name)):
			d.knownOrgs[np.name] = true
		case np.kind == npPerson:
			role := cleanRole(np.role)
			if role == "" && desc != nil && j+2+len(desc) < len(ts) && ts[j+2+len(desc)].kind == tComma {
				role = cleanRole(segText(text, desc))
			}
			if role == "" && np.honorific == "" {
				continue
			}
			np.role = role
			d.register(np)
		}
	}
}

// inDateline reports whether ts[j] is an all-capitals word of a dateline
// ("GOTHENBURG, Sweden —") at the start of a sentence.
func inDateline(ts []tok, j int) bool {
	if strings.ToUpper(ts[j].text) != ts[j].text {
		return false
	}
	for k := j + 1; k < len(ts) && k < 8; k++ {
		if ts[k].text == "—" || ts[k].text == "–" {
			return true
		}
	}
	return false
}

// hasReportingVerb reports whether any token is a reporting verb.
func hasReportingVerb(ts []tok) bool {
	for _, t := range ts {
		if t.kind == tWord && english.ReportingVerb(t.lower) != english.NotReporting {
			return true
		}
	}
	return false
}

// attribute is the second pass: resolve each sentence's speakers in reading
// order, attribute the quotes and record the statements.
func (d *doc) attribute() {
	for pi := range d.b.Passages {
		p := &d.b.Passages[pi]
		quoteIdx := d.passageQuotes(pi) // in text order, so also by the sentence they end in
		next := 0
		for si := range p.Sentences {
			info := &d.sents[pi][si]
			info.who = make([]*speaker, len(info.attrs))
			// Names before the first speaker phrase are in scope for it
			// ("at Brightwater Lines, ..., the company said").
			names := d.namesIn(pi, p.Text, info)
			cut := len(p.Text) + 1
			for _, a := range info.attrs {
				cut = min(cut, a.np.pos)
			}
			k := 0
			for k < len(names) && names[k].pos < cut {
				k++
			}
			d.noteMentions(names[:k])
			later := names[k:]
			for i, a := range info.attrs {
				if sp, ok := d.resolve(a.np, pi); ok {
					info.who[i] = &sp
					if !a.quoteOnly {
						d.addStatement(pi, si, sp)
						if info.speaker == nil && !a.according {
							info.speaker = info.who[i]
						}
					}
				}
			}
			for i, a := range info.attrs {
				if a.according && info.speaker == nil && info.who[i] != nil {
					info.speaker = info.who[i]
				}
			}
			for i, a := range info.attrs {
				if w := info.who[i]; w != nil {
					later = append(later, placed{a.np.pos, mention{sp: *w, passage: pi, speaker: true}})
				}
			}
			d.noteMentions(later)
			for ; next < len(quoteIdx) && d.quoteEnd(pi, quoteIdx[next]) <= si; next++ {
				qi := quoteIdx[next]
				d.attributeQuote(pi, qi)
				if s := d.quotes[qi].Sentence; d.quoteWho[qi] != nil && d.sents[pi][s].speaker == nil {
					d.sents[pi][s].speaker = d.quoteWho[qi]
				}
			}
		}
	}
	d.followChains()
}

// speakerBefore returns the speaker of the sentence before sentence si of
// passage pi: in the same paragraph, or the last of the paragraph before
// when that is in the same section and neither is a caption or video.
func (d *doc) speakerBefore(pi, si int) *speaker {
	if si > 0 {
		return d.sents[pi][si-1].speaker
	}
	if pi == 0 {
		return nil
	}
	p, q := &d.b.Passages[pi], &d.b.Passages[pi-1]
	if p.Section != q.Section || p.Kind == Caption || p.Kind == Media || q.Kind == Caption || q.Kind == Media {
		return nil
	}
	if n := len(d.sents[pi-1]); n > 0 {
		return d.sents[pi-1][n-1].speaker
	}
	return nil
}

// A quoteRef is where a quote stands: its passage and span.
type quoteRef struct {
	passage int
	span    quoteSpan
}

// passageQuotes creates the quotes of passage pi and returns their indexes.
func (d *doc) passageQuotes(pi int) []int {
	p := &d.b.Passages[pi]
	var idx []int
	for k, q := range d.spans[pi] {
		if !isQuotation(p.Text, q) {
			continue
		}
		si := sentenceAt(p.Sentences, q.open)
		start, end := quoteBounds(p.Text, q)
		d.quotes = append(d.quotes, Quote{Text: p.Text[start:end], Passage: p.ID, Sentence: si, Start: start, End: end})
		d.quoteWho = append(d.quoteWho, nil)
		qi := len(d.quotes) - 1
		idx = append(idx, qi)
		d.refs = append(d.refs, quoteRef{passage: pi, span: q})
		// A paragraph that opens with a quote continues a quote left open
		// at the end of the paragraph before.
		if k == 0 && pi > 0 && strings.TrimSpace(p.Text[:q.open]) == "" && qi > 0 {
			prevRef := d.refs[qi-1]
			if prevRef.passage == pi-1 && !prevRef.span.closed {
				d.chainPrev[qi] = qi - 1
			}
		}
	}
	return idx
}

// sentenceAt returns the index of the sentence holding offset off.
func sentenceAt(ss []Sentence, off int) int {
	i := sort.Search(len(ss), func(i int) bool { return off < ss[i].End })
	return min(i, len(ss)-1)
}

// quoteEnd returns the sentence in which quote qi closes.
func (d *doc) quoteEnd(pi, qi int) int {
	q := d.refs[qi].span
	return sentenceAt(d.b.Passages[pi].Sentences, max(q.open, q.close-1))
}
