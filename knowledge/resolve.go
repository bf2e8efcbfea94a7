package knowledge

import (
	"fmt"
	"github.com/briefbot/briefbot/knowledge/english"
	"slices"
	"strings"
)

// resolve turns a speaker phrase into a speaker: a full name, a surname or
// titled surname (the earliest full name with that surname), a pronoun (the
// last person or organisation named), an organisation or a group. ok is
// false when the phrase names no one it can be sure of.
func (d *doc) resolve(np nounPhrase, pi int) (speaker, bool) {
	switch np.kind {
	case npPerson:
		if d.orgTyped[np.name] {
			return d.orgSpeaker(np.name, "", false), true
		}
		p := d.register(np)
		return speaker{name: p.name, kind: Person}, true
	case npSingle:
		if d.orgTyped[np.name] {
			return d.orgSpeaker(np.name, "", false), true
		}
		if p := d.surname(np.name); p != nil {
			if np.honorific != "" {
				p.addHonorific(np.honorific)
			}
			if p.gender == 0 {
				p.gender = np.gender
			}
			if p.role == "" && np.role != "" {
				p.role = np.role
			}
			return speaker{name: p.name, kind: Person}, true
		}
		if np.honorific != "" {
			return speaker{}, false
		}
		if isAcronym(np.name) || d.proper[np.name] && !d.lower[strings.ToLower(np.name)] {
			return d.orgSpeaker(np.name, np.role, false), true
		}
		return speaker{}, false
	case npOrg:
		return d.orgSpeaker(np.name, np.role, false), true
	case npGroup:
		return d.orgSpeaker(np.name, "", np.plural), true
	case npPronoun:
		return d.pronoun(np, pi)
	case npNominal:
		return d.nominal(np, pi)
	}
	return speaker{}, false
}

// surname returns the person introduced earlier whose surname is name, or
// nil. When several share it, the one named most recently wins.
func (d *doc) surname(name string) *person {
	ps := d.bySurname[name]
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	for i := len(d.recent) - 1; i >= 0; i-- {
		for _, p := range ps {
			if d.recent[i].sp.name == p.name {
				return p
			}
		}
	}
	return ps[0]
}

// orgSpeaker returns the speaker for an organisation or group, under the
// name it first spoke by. Another name for one that already spoke (an alias
// the text defines, "WHO" for "World Health Organization")
// gives that one; an abbreviation whose spelled-out form the text also uses
// gives the spelled-out form ("United States" for "U.S.").
func (d *doc) orgSpeaker(written, role string, plural bool) speaker {
	name := written
	if d.orgs[name] == nil {
		if other := d.aliasIn(name); other != "" {
			name = other
		} else if long, ok := english.LongForm(name); ok && (d.orgs[long] != nil || d.spelled[long]) {
			name = long
		} else if other := d.orgBase[english.TrimCompanySuffix(name)]; other != "" {
			name = other // "Nordic Steel" for "Nordic Steel AG"
		}
	}
	o := d.orgs[name]
	if o == nil {
		o = &org{name: name, plural: plural}
		d.orgs[name] = o
		if b := english.TrimCompanySuffix(name); d.orgBase[b] == "" {
			d.orgBase[b] = name
		}
		d.knownOrgs[name] = true
	}
	if o.role == "" {
		o.role = cleanRole(role)
	}
	if written != name && !contains(o.aliases, written) {
		o.aliases = append(o.aliases, written)
	}
	return speaker{name: name, kind: Organisation, plural: o.plural}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// pronoun resolves he/she to the last person who spoke in this paragraph or
// the one before, else to one of the last two people named; it/they to the
// last organisation. Gender is respected where known, and learned.
func (d *doc) pronoun(np nounPhrase, pi int) (speaker, bool) {
	person := np.head == "he" || np.head == "she"
	fits := func(m mention) bool {
		if person {
			if m.sp.kind != Person {
				return false
			}
			g := d.byName[m.sp.name].gender
			return g == 0 || g == np.gender
		}
		if m.sp.kind != Organisation {
			return false
		}
		return np.head == "they" || !m.sp.plural
	}
	pick := func(m mention) (speaker, bool) {
		if person {
			if p := d.byName[m.sp.name]; p.gender == 0 {
				p.gender = np.gender
			}
		}
		return m.sp, true
	}
	for i := len(d.recent) - 1; i >= 0; i-- {
		m := d.recent[i]
		if pi-m.passage > 1 {
			break
		}
		if m.speaker && fits(m) {
			return pick(m)
		}
		if person && m.sp.kind == Person && !fits(m) {
			continue
		}
	}
	seen := 0
	for i := len(d.recent) - 1; i >= 0 && seen < 2; i-- {
		m := d.recent[i]
		if pi-m.passage > 2 {
			break
		}
		if (person && m.sp.kind != Person) || (!person && m.sp.kind != Organisation) {
			continue
		}
		seen++
		if fits(m) {
			return pick(m)
		}
	}
	return speaker{}, false
}

// nominal resolves "the ministry" to the last organisation whose name has
// that word, "the company" (any kind of body) to the organisation named
// just before, and "the ambassador" to the last person whose role has it.
func (d *doc) nominal(np nounPhrase, pi int) (speaker, bool) {
	h := np.head
	for i := len(d.recent) - 1; i >= 0; i-- {
		m := d.recent[i]
		switch m.sp.kind {
		case Organisation:
			if (english.IsOrgNoun(h) || english.IsGenericOrgNoun(h)) && containsWord(strings.ToLower(m.sp.name), h) {
				return d.orgSpeaker(m.sp.name, "", m.sp.plural), true
			}
		case Person:
			if p := d.byName[m.sp.name]; english.IsRoleNoun(h) && p != nil && containsWord(strings.ToLower(p.role), h) {
				return m.sp, true
			}
		}
	}
	if !english.IsGenericOrgNoun(h) {
		return speaker{}, false
	}
	for i := len(d.recent) - 1; i >= 0 && pi-d.recent[i].passage <= 1; i-- {
		if m := d.recent[i]; m.sp.kind == Organisation && !m.sp.plural {
			return d.orgSpeaker(m.sp.name, "", false), true
		}
	}
	return speaker{}, false
}

// containsWord reports whether s has w as a whole word.
func containsWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
		if f == w {
			return true
		}
	}
	return false
}

// A placed mention is a mention at an offset in its passage.
type placed struct {
	pos int
	m   mention
}

// namesIn returns the people and organisations a sentence names, outside
// quotations, in text order.
func (d *doc) namesIn(pi int, text string, info *sentenceInfo) []placed {
	var ms []placed
	ts := info.toks
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.kind != tWord || !isUpperStart(t.text) {
			continue
		}
		if p := d.byName[t.text+" "+nextWords(ts, i)]; p != nil {
			ms = append(ms, placed{t.start, mention{sp: speaker{name: p.name, kind: Person}, passage: pi}})
			continue
		}
		if name, n := d.orgAt(text, ts, i); n > 0 {
			plural := false
			if o := d.orgs[name]; o != nil {
				plural = o.plural
			}
			ms = append(ms, placed{t.start, mention{sp: speaker{name: name, kind: Organisation, plural: plural}, passage: pi}})
			i += n - 1
			continue
		}
		if ps := d.bySurname[t.text]; len(ps) > 0 && (i+1 >= len(ts) || !isCapWord(ts[i+1])) {
			p := d.surname(t.text)
			ms = append(ms, placed{t.start, mention{sp: speaker{name: p.name, kind: Person}, passage: pi}})
		}
	}
	return ms
}

// orgAt returns the longest known organisation name starting at ts[i] and
// how many tokens it spans.
func (d *doc) orgAt(text string, ts []tok, i int) (string, int) {
	best, n := "", 0
	for k := i; k < len(ts) && k < i+8 && ts[k].kind == tWord; k++ {
		if s := text[ts[i].start:ts[k].end]; d.knownOrgs[s] {
			best, n = s, k-i+1
		}
	}
	return best, n
}

// noteMentions adds mentions to the recent list in text order.
func (d *doc) noteMentions(ms []placed) {
	slices.SortStableFunc(ms, func(a, b placed) int { return a.pos - b.pos })
	for _, m := range ms {
		d.recent = append(d.recent, m.m)
	}
	if len(d.recent) > 64 {
		d.recent = append(d.recent[:0], d.recent[len(d.recent)-32:]...)
	}
}

// nextWords returns the capitalised words after ts[i], space-separated, so
// that "Jane" + "Doe" can be looked up as a full name.
func nextWords(ts []tok, i int) string {
	var ws []string
	for k := i + 1; k < len(ts) && k <= i+3 && isCapWord(ts[k]); k++ {
		ws = append(ws, ts[k].text)
	}
	return strings.Join(ws, " ")
}

// attributeQuote attributes quote qi, which ends in the current sentence
// of passage pi.
func (d *doc) attributeQuote(pi, qi int) {
	ref := d.refs[qi]
	q := ref.span
	p := &d.b.Passages[pi]
	first := d.quotes[qi].Sentence
	last := d.quoteEnd(pi, qi)

	var best *speaker
	var sieve string
	bestDist := -1
	for si := first; si <= last; si++ {
		info := &d.sents[pi][si]
		for i, a := range info.attrs {
			w := info.who[i]
			if w == nil {
				continue
			}
			dist := 0
			switch {
			case a.verb >= q.close:
				dist = a.verb - q.close
			case a.verbEnd <= q.open:
				dist = q.open - a.verbEnd
			}
			if a.according {
				dist += 1 << 20 // a verb beats "according to"
			}
			if bestDist < 0 || dist < bestDist {
				best, bestDist = w, dist
				sieve = sieveName(a, q)
			}
		}
	}
	if prev := d.speakerBefore(pi, first); best == nil && prev != nil && quoteOnly(p.Text, p.Sentences[first], d.spans[pi]) {
		best, sieve = prev, "continuation"
	}
	if best == nil {
		best, sieve = d.onlyPerson(pi)
	}
	if best == nil {
		return
	}
	d.setQuote(pi, qi, best, sieve)
}

// setQuote attributes quote qi to sp, and records the sentences carrying
// it as statements.
func (d *doc) setQuote(pi, qi int, sp *speaker, sieve string) {
	d.quoteWho[qi] = sp
	d.quotes[qi].Speaker = sp.name
	d.quotes[qi].Sieve = sieve
	for si := d.quotes[qi].Sentence; si <= d.quoteEnd(pi, qi); si++ {
		d.addStatement(pi, si, *sp)
	}
}

// sieveName names the rule that attributed a quote through attribution a.
func sieveName(a attr, q quoteSpan) string {
	switch {
	case a.according:
		return "according-to"
	case a.verb >= q.close && a.verb-q.close <= 4 && a.after:
		return "adjacent" // “…,” said X
	case a.verb >= q.close && !a.after && a.np.pos >= q.close && a.np.pos-q.close <= 4:
		return "adjacent" // “…,” X said
	case a.verbEnd <= q.open && q.open-a.verbEnd <= 8:
		return "adjacent" // X said: “…”
	}
	return "subject"
}

// onlyPerson returns the one person named in the paragraph outside quotes,
// when exactly one is.
func (d *doc) onlyPerson(pi int) (*speaker, string) {
	if d.onlyCache == nil {
		d.onlyCache = map[int]*speaker{}
	}
	sp, ok := d.onlyCache[pi]
	if !ok {
		sp = d.findOnlyPerson(pi)
		d.onlyCache[pi] = sp
	}
	if sp == nil {
		return nil, ""
	}
	return sp, "onename"
}

// findOnlyPerson does the work of onlyPerson.
func (d *doc) findOnlyPerson(pi int) *speaker {
	var found *person
	for si := range d.sents[pi] {
		for i, t := range d.sents[pi][si].toks {
			if t.kind != tWord || !isUpperStart(t.text) {
				continue
			}
			p := d.byName[t.text+" "+nextWords(d.sents[pi][si].toks, i)]
			if p == nil && (i+1 >= len(d.sents[pi][si].toks) || !isCapWord(d.sents[pi][si].toks[i+1])) {
				if ps := d.bySurname[t.text]; len(ps) == 1 {
					p = ps[0]
				}
			}
			if p == nil {
				continue
			}
			if found != nil && found != p {
				return nil
			}
			found = p
		}
	}
	if found == nil {
		return nil
	}
	return &speaker{name: found.name, kind: Person}
}

// followChains gives a quote that runs over several paragraphs one speaker:
// the first attributed part's.
func (d *doc) followChains() {
	for qi := range d.quotes {
		if _, ok := d.chainPrev[qi]; !ok {
			continue
		}
		// Collect the chain ending at qi only from its start.
		if next, ok := d.chainNext(qi); ok && next >= 0 {
			continue
		}
		chain := []int{qi}
		for k, ok := d.chainPrev[qi]; ok; k, ok = d.chainPrev[k] {
			chain = append([]int{k}, chain...)
		}
		var who *speaker
		for _, k := range chain {
			if d.quoteWho[k] != nil && d.quotes[k].Sieve != "continuation" && d.quotes[k].Sieve != "onename" {
				who = d.quoteWho[k]
				break
			}
		}
		if who == nil {
			continue
		}
		for _, k := range chain {
			if d.quoteWho[k] == nil || d.quoteWho[k].name != who.name {
				d.dropStatements(k)
				d.setQuote(d.refs[k].passage, k, who, "continuation")
			}
		}
	}
	d.sortStatements()
}

// chainNext returns the quote that continues qi, if any.
func (d *doc) chainNext(qi int) (int, bool) {
	if qi+1 < len(d.quotes) {
		if p, ok := d.chainPrev[qi+1]; ok && p == qi {
			return qi + 1, true
		}
	}
	return -1, false
}

// dropStatements removes the statements recorded for quote qi's sentences
// under its previous speaker.
func (d *doc) dropStatements(qi int) {
	old := d.quoteWho[qi]
	if old == nil {
		return
	}
	id := d.quotes[qi].Passage
	s := d.quotes[qi].Sentence
	out := d.statements[:0]
	for _, st := range d.statements {
		if st.Passage == id && st.Sentence == s && st.Speaker == old.name {
			delete(d.stmtSeen, stmtKey(id, s, old.name))
			continue
		}
		out = append(out, st)
	}
	d.statements = out
}

// addStatement records that sentence si of passage pi is attributed to sp.
func (d *doc) addStatement(pi, si int, sp speaker) {
	p := &d.b.Passages[pi]
	key := stmtKey(p.ID, si, sp.name)
	if d.stmtSeen[key] {
		return
	}
	d.stmtSeen[key] = true
	d.statements = append(d.statements, Statement{Text: p.Sentences[si].Text, Speaker: sp.name, Passage: p.ID, Sentence: si})
}

func stmtKey(passage string, sentence int, name string) string {
	return fmt.Sprintf("%s/%d/%s", passage, sentence, name)
}

// sortStatements puts statements in reading order.
func (d *doc) sortStatements() {
	order := make(map[string]int, len(d.b.Passages))
	for i, p := range d.b.Passages {
		order[p.ID] = i
	}
	less := func(a, b Statement) bool {
		if order[a.Passage] != order[b.Passage] {
			return order[a.Passage] < order[b.Passage]
		}
		return a.Sentence < b.Sentence
	}
	slices.SortStableFunc(d.statements, func(a, b Statement) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}
