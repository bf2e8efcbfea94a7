package knowledge

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// resolve turns a speaker phrase into a speaker: a full name, a surname or
// titled surname (the earliest full name with that surname), a pronoun (the
// last person or organisation named), an organisation or a group. ok is
// false when the phrase names no one it can be sure of.
func (d *doc) resolve(np nounPhrase, pi int) (speaker, bool) {
	sp, ok := d.resolveNP(np, pi)
	if p := d.byName[sp.name]; ok && sp.kind == Person && p != nil {
		p.role = d.kinRole(p.role, p.name, pi)
	}
	return sp, ok
}

// resolveNP does the work of resolve.
func (d *doc) resolveNP(np nounPhrase, pi int) (speaker, bool) {
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
		p := d.surname(np.name)
		if np.honorific != "" {
			p = d.surnameByRecency(np.name) // "Mrs. Doe" may be another Doe than the one called "Doe"
		} else if p != nil && d.bareSurname[np.name] == nil {
			d.bareSurname[np.name] = p // the one the text calls by the surname alone
		}
		if p != nil && np.gender != 0 && d.genderOf(p) != 0 && d.genderOf(p) != np.gender {
			return speaker{}, false // "Mrs. Vance" after "Mr. Vance": another Vance, whom the text does not name
		}
		if p != nil {
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
		if p := d.firstName(np.name); p != nil && np.honorific == "" {
			if p.role == "" && np.role != "" {
				p.role = np.role
			}
			return speaker{name: p.name, kind: Person}, true // "her mother, Fiona," for Fiona Doe
		}
		if _, demonym := english.CountryOf(np.name); demonym {
			return speaker{}, false // "the French said": a people, not a name
		}
		if np.honorific != "" {
			// "Mr. Vance said", never named in full: a person the text
			// takes to be known by the surname. What stands before the
			// name here is no role: "the aides gathered around Mr. Doe".
			np.role = ""
			p := d.register(np)
			return speaker{name: p.name, kind: Person}, true
		}
		if (d.personSurnames[np.name] || kinNoun(roleHead(np.role))) && np.kind == npSingle && !d.knownOrgs[np.name] {
			// "Her husband, Tom, 40,", "her mother, Vera,": a person the
			// text names by one name.
			p := d.register(np)
			return speaker{name: p.name, kind: Person}, true
		}
		if titled(np.role) && !isAcronym(np.name) {
			// "President Malvane said", never named in full: a person the
			// title says is one
			p := d.register(np)
			return speaker{name: p.name, kind: Person}, true
		}
		if isAcronym(np.name) || (d.proper[np.name] || d.loneBodies[np.name]) && !d.lower[strings.ToLower(np.name)] {
			return d.orgSpeaker(np.name, np.role, false), true
		}
		return speaker{}, false
	case npOrg:
		if _, demonym := english.CountryOf(strings.TrimPrefix(strings.TrimPrefix(np.name, "the "), "The ")); demonym {
			return speaker{}, false // "the French said": a people, not a body
		}
		return d.orgSpeaker(np.name, np.role, false), true
	case npGroup:
		if !np.plural {
			if np.definite {
				if name := d.orgWithWords(np.name); name != "" {
					return d.orgSpeaker(name, "", false), true // "the conservation department"
				}
			}
			return d.orgSpeaker(np.name, "", false), true // "the U.S. military"
		}
		if np.definite && bareGroup(np.name) {
			if sp, ok := d.groupBefore(np.head); ok {
				return sp, true // "the prosecutors" after "Federal prosecutors alleged"
			}
		}
		return d.bodySpeaker(body{name: np.name, kind: Group, plural: true, members: np.members}), true
	case npPronoun:
		return d.pronoun(np, pi)
	case npNominal:
		if sp, ok := d.nominal(np, pi); ok || !np.definite || !isUpperStart(np.name) || !english.IsTitle(np.head) {
			return sp, ok
		}
		// "The President said" with no president named: the title, as the
		// text writes it, is all it gives of the speaker
		return d.orgSpeaker(np.name, "", false), true
	case npDescriptor:
		return d.descriptorRef(np, pi)
	case npAnonymous:
		return d.described(np, pi)
	case npCoord:
		return d.coordinated(np, pi)
	case npBoth:
		return d.both(pi)
	case npDocument:
		return d.bodySpeaker(body{name: np.name, kind: Organisation, plural: np.plural, document: true}), true
	}
	return speaker{}, false
}

// orgWithWords returns the one organisation that has spoken whose name
// holds every word of a description of it ("the conservation
// department" for "Department of Conservation"), or "". It looks only
// among the organisations named with the description's rarest word, and
// gives up when even those are many.
func (d *doc) orgWithWords(desc string) string {
	words := strings.Fields(strings.ToLower(desc))
	var cands []string
	for i, w := range words {
		if l := d.orgWords[w]; i == 0 || len(l) < len(cands) {
			cands = l
		}
	}
	if len(cands) > maxOrgCandidates {
		return ""
	}
	found := ""
	for _, name := range cands {
		low := strings.ToLower(name)
		all := true
		for _, w := range words {
			if !containsWord(low, w) {
				all = false
				break
			}
		}
		if all && name != desc {
			if found != "" && found != name {
				return ""
			}
			found = name
		}
	}
	return found
}

// maxOrgCandidates bounds the organisations orgWithWords weighs.
const maxOrgCandidates = 32

// groupBefore returns the group that spoke last whose name ends in head
// ("Federal prosecutors" for "the prosecutors").
func (d *doc) groupBefore(head string) (speaker, bool) {
	for i := len(d.recent) - 1; i >= 0; i-- {
		m := d.recent[i]
		if m.speaker && m.sp.kind == Group && strings.HasSuffix(strings.ToLower(m.sp.name), " "+head) {
			return m.sp, true
		}
	}
	return speaker{}, false
}

// described resolves a description of an unnamed source. One written with
// "the" ("the chairman of the X Party") is the person named with that role,
// if there is one; otherwise, like "a resident of the village", it is an
// anonymous source of its own.
func (d *doc) described(np nounPhrase, pi int) (speaker, bool) {
	if np.definite {
		for i := len(d.recent) - 1; i >= 0; i-- {
			m := d.recent[i]
			if p := d.byName[m.sp.name]; m.sp.kind == Person && p != nil && containsWord(strings.ToLower(p.role), np.head) {
				return m.sp, true
			}
		}
	}
	return d.bodySpeaker(body{name: np.name, kind: Anonymous, plural: np.plural, head: np.head}), true
}

// both resolves "both climbers" to the two people named last, in this
// paragraph or the one before, as a joint speaker.
func (d *doc) both(pi int) (speaker, bool) {
	var parts []nounPhrase
	for i := len(d.recent) - 1; i >= 0 && len(parts) < 2; i-- {
		m := d.recent[i]
		if pi-m.passage > 1 {
			break
		}
		if m.sp.kind == Person && (len(parts) == 0 || parts[0].name != m.sp.name) {
			parts = append([]nounPhrase{{kind: npPerson, name: m.sp.name}}, parts...)
		}
	}
	if len(parts) < 2 {
		return speaker{}, false
	}
	return d.coordinated(nounPhrase{kind: npCoord, parts: parts}, pi)
}

// coordinated resolves several speakers named together ("Jane Doe and John
// Roe said") to one collective speaker whose members are each resolved. It
// fails if any of them cannot be.
func (d *doc) coordinated(np nounPhrase, pi int) (speaker, bool) {
	var members []string
	for _, part := range np.parts {
		sp, ok := d.resolve(part, pi)
		if !ok || contains(members, sp.name) {
			return speaker{}, false
		}
		members = append(members, sp.name)
	}
	name := strings.Join(members[:len(members)-1], ", ") + " and " + members[len(members)-1]
	return d.bodySpeaker(body{name: name, kind: Group, plural: true, members: members}), true
}

// surname returns the person introduced earlier whose surname is name, or
// nil. When several share it, the one the text has already called by the
// surname alone wins (news calls the others by their first names), else
// the one named most recently.
func (d *doc) surname(name string) *person {
	if p := d.bareSurname[name]; p != nil && len(d.bySurname[name]) > 1 {
		return p
	}
	return d.surnameByRecency(name)
}

// surnameByRecency returns the person introduced earlier whose surname is
// name, or nil. When several share it, the one named most recently wins.
func (d *doc) surnameByRecency(name string) *person {
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

// firstName returns the one person whose first name is name, or nil when
// none or several are.
func (d *doc) firstName(name string) *person {
	var found *person
	for _, ps := range d.bySurname {
		for _, p := range ps {
			if first, _, _ := strings.Cut(p.name, " "); first == name && p.name != name {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// A body describes a speaker that is not a person named in full: an
// organisation, a group, an anonymous source or several speakers at once.
type body struct {
	name     string
	role     string
	kind     SourceKind
	plural   bool
	members  []string
	head     string // for an anonymous source, its head noun: "resident"
	document bool   // a document cited, not a body: not listed as a source
}

// orgSpeaker returns the speaker for an organisation, under the name it
// first spoke by. Another name for one that already spoke (an alias the
// text defines, "WHO" for "World Health Organization") gives that one; an
// abbreviation whose spelled-out form the text also uses gives the
// spelled-out form ("United States" for "U.S.").
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
	sp := d.bodySpeaker(body{name: name, role: role, kind: Organisation, plural: plural})
	if o := d.orgs[sp.name]; written != sp.name && !contains(o.aliases, written) {
		o.aliases = append(o.aliases, written)
	}
	return sp
}

// bodySpeaker returns the speaker for b, registering it the first time.
func (d *doc) bodySpeaker(b body) speaker {
	o := d.orgs[b.name]
	if o == nil {
		o = &org{name: b.name, plural: b.plural, kind: b.kind, members: b.members, head: b.head, document: b.document}
		d.orgs[b.name] = o
		if b.kind == Organisation && !b.document {
			for _, w := range strings.Fields(strings.ToLower(b.name)) {
				if l := d.orgWords[w]; len(l) <= maxOrgCandidates {
					d.orgWords[w] = append(l, b.name)
				}
			}
		}
		if b.kind == Organisation {
			if base := english.TrimCompanySuffix(b.name); d.orgBase[base] == "" {
				d.orgBase[base] = b.name
			}
			d.knownOrgs[b.name] = true
		}
	}
	if o.role == "" {
		o.role = cleanRole(b.role)
	}
	return speaker{name: o.name, kind: o.kind, plural: o.plural}
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
	return d.pronounSkipping(np, pi, nil)
}

// pronounExcept resolves a pronoun as pronoun does, passing over the
// people a quotation names in square brackets.
func (d *doc) pronounExcept(np nounPhrase, pi int, quote string) (speaker, bool) {
	return d.pronounSkipping(np, pi, func(m mention) bool { return d.bracketed(quote, &m.sp) })
}

// pronounSkipping does the work of pronoun, passing over the mentions skip
// reports (nil skips none).
func (d *doc) pronounSkipping(np nounPhrase, pi int, skip func(mention) bool) (speaker, bool) {
	person := np.head == "he" || np.head == "she"
	isPerson := func(m mention) bool {
		return m.sp.kind == Person || m.sp.kind == Anonymous && !m.sp.plural
	}
	fits := func(m mention) bool {
		if person {
			if !isPerson(m) {
				return false
			}
			p := d.byName[m.sp.name]
			if p == nil {
				return true
			}
			g := d.genderOf(p)
			return g == 0 || g == np.gender
		}
		if m.sp.kind != Organisation && m.sp.kind != Group && !(m.sp.kind == Anonymous && m.sp.plural) {
			return false
		}
		return np.head == "they" || !m.sp.plural
	}
	pick := func(m mention) (speaker, bool) {
		if person && m.passage < pi && d.namesUnconfirmed(pi) {
			// "Once Doe arrived, …": someone the text never showed to be a
			// person stands nearer than anyone from the paragraphs before.
			return speaker{}, false
		}
		if p := d.byName[m.sp.name]; person && p != nil && p.gender == 0 {
			p.gender = np.gender
		}
		return m.sp, true
	}
	topic := -1 // the first person this paragraph has acting, or the nearest body, who fits
	for i := len(d.recent) - 1; i >= 0; i-- {
		m := d.recent[i]
		if pi-m.passage > 1 {
			break
		}
		if skip != nil && skip(m) {
			continue
		}
		if m.speaker && fits(m) {
			if topic >= 0 && m.passage < pi && d.recent[topic].sp.name != m.sp.name {
				// "Moss was the last engineer on site … He said …"
				// after Vale spoke: the paragraph is about Moss
				return pick(d.recent[topic])
			}
			return pick(m)
		}
		if person && isPerson(m) && !fits(m) {
			continue
		}
		if m.passage == pi && m.sent < d.curSent && m.subject && fits(m) && !m.oblique && !m.silent && (person || topic < 0) {
			topic = i // for "it" and "they", the nearest body acting in this paragraph: "The Harbour Trust backed the plan. It said …"
		}
	}
	seen := 0
	for i := len(d.recent) - 1; i >= 0 && seen < 2; i-- {
		m := d.recent[i]
		if pi-m.passage > 2 {
			break
		}
		if (person && !isPerson(m)) || (!person && m.sp.kind != Organisation && m.sp.kind != Group) || skip != nil && skip(m) {
			continue
		}
		seen++
		if fits(m) {
			return pick(m)
		}
	}
	return speaker{}, false
}

// titled reports whether role, written before a name, is a title of a
// person's office: "President", "Vice President", "Gov.".
func titled(role string) bool {
	f := strings.Fields(role)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	return english.IsTitle(strings.ToLower(strings.TrimSuffix(f[len(f)-1], ".")))
}

// namesUnconfirmed reports whether passage pi names, outside quotes, a
// full name's surname that the text never showed to be a person's.
func (d *doc) namesUnconfirmed(pi int) bool {
	if len(d.unconfirmed) == 0 {
		return false
	}
	if v, ok := d.unconfirmedIn[pi]; ok {
		return v
	}
	found := false
	for si := range d.sents[pi] {
		for _, t := range d.sents[pi][si].toks {
			if t.kind == tWord && d.unconfirmed[t.text] {
				found = true
			}
		}
	}
	if d.unconfirmedIn == nil {
		d.unconfirmedIn = map[int]bool{}
	}
	d.unconfirmedIn[pi] = found
	return found
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
			if pi-m.passage > 2 && d.orgs[m.sp.name] == nil {
				continue // named long ago and never a speaker: "the company" is another one
			}
			if (english.IsOrgNoun(h) || english.IsGenericOrgNoun(h) || placeBodies[h]) && containsWord(strings.ToLower(m.sp.name), h) {
				return d.orgSpeaker(m.sp.name, "", m.sp.plural), true
			}
		case Person:
			if p := d.byName[m.sp.name]; english.IsRoleNoun(h) && p != nil && holdsTitle(strings.ToLower(p.role), strings.ToLower(np.name)) {
				return m.sp, true
			}
		case Anonymous:
			if o := d.orgs[m.sp.name]; o != nil && o.head == h {
				return m.sp, true // "the resident" after "a resident of the village"
			}
		}
	}
	if !anyBodyNouns[h] {
		if nationalBodies[h] {
			// "the military said", when no body named before is one: the
			// institution itself speaks
			return d.orgSpeaker("the "+h, "", false), true
		}
		return speaker{}, false
	}
	// The body acting lately: the subject of a sentence, one that spoke, or
	// one an appositive calls a body ("Brightwater, the regional operator").
	for i := len(d.recent) - 1; i >= 0 && pi-d.recent[i].passage <= 2; i-- {
		m := d.recent[i]
		if m.sp.kind == Organisation && !m.sp.plural && !m.oblique && (m.subject || m.speaker || d.orgTyped[m.sp.name]) {
			return d.orgSpeaker(m.sp.name, "", false), true
		}
	}
	return speaker{}, false
}

// holdsTitle reports whether role holds title ("prime minister",
// "president") itself, not a lesser or past holder's form of it: not
// "former prime minister", "deputy prime minister", "vice president".
func holdsTitle(role, title string) bool {
	title = strings.TrimPrefix(title, "the ")
	for i := 0; i+len(title) <= len(role); {
		k := strings.Index(role[i:], title)
		if k < 0 {
			return false
		}
		at := i + k
		end := at + len(title)
		whole := (at == 0 || role[at-1] == ' ' || role[at-1] == '-') && (end == len(role) || role[end] == ' ' || role[end] == ',')
		if whole {
			before := strings.Fields(role[:at])
			if len(before) == 0 || !lesserTitles[strings.TrimSuffix(before[len(before)-1], "-")] && !strings.HasSuffix(role[:at], "-") {
				return true
			}
		}
		i = at + 1
	}
	return false
}

// lesserTitles before a title make it another's: "former", "deputy",
// "vice", "ex-".
var lesserTitles = map[string]bool{
	"former": true, "deputy": true, "vice": true, "ex": true, "assistant": true, "associate": true,
	"junior": true, "shadow": true, "late": true, // not "acting": the acting president is the president
}

// nationalBodies are the bodies a country has one of, which "the X"
// names without naming it before: "the military said".
var nationalBodies = map[string]bool{
	"military": true, "army": true, "navy": true, "government": true, "presidency": true,
	"kremlin": true, "pentagon": true, "cabinet": true, "parliament": true, "junta": true,
	"regime": true, "administration": true,
}

// anyBodyNouns may refer to a body of any kind: "the company said" after
// "Brightwater, the regional operator". A noun for one kind of body ("the
// association") refers only to a body whose name says so.
var anyBodyNouns = map[string]bool{
	"company": true, "firm": true, "group": true, "organisation": true, "organization": true,
	"business": true, "body": true, "club": true, "team": true,
}

// containsWord reports whether s has w as a whole word.
func containsWord(s, w string) bool {
	for i := 0; i+len(w) <= len(s); {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		if (a == 0 || isWordSep(s[a-1])) && (b == len(s) || isWordSep(s[b])) {
			return true
		}
		i = a + 1
	}
	return false
}

// isWordSep reports whether c separates the words containsWord looks for.
func isWordSep(c byte) bool { return c == ' ' || c == ',' || c == '-' }

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
	subj := 0
	for subj < len(ts) && (ts[subj].kind == tQuote || ts[subj].kind == tComma) {
		subj++
	}
	subj = skipAdverbial(ts, subj, len(ts))
	if subj < len(ts) && determiners[ts[subj].lower] {
		subj++
	}
	silent := declinesComment(ts) // "Doe did not respond to requests for comment"
	inRole := false               // inside the appositive after a person's name: "Jane Doe, president of X,"
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.kind == tPunct || t.kind == tQuote || t.kind == tComma && !(i > 0 && ts[i-1].kind == tWord && d.personEndsAt(ts, i-1)) {
			inRole = false
		}
		if t.kind == tComma && i > 0 && d.personEndsAt(ts, i-1) {
			inRole = true
		}
		if t.kind != tWord || !isUpperStart(t.text) {
			continue
		}
		if p, n := d.personAt(ts, i); p != nil && n > 1 {
			ms = append(ms, placed{t.start, mention{sp: speaker{name: p.name, kind: Person}, passage: pi, subject: i == subj, silent: silent}})
			i += n - 1
			continue
		}
		if name, n := d.orgAt(text, ts, i); n > 0 {
			plural := false
			if o := d.orgs[name]; o != nil {
				plural = o.plural
			}
			ms = append(ms, placed{t.start, mention{sp: speaker{name: name, kind: Organisation, plural: plural}, passage: pi, oblique: inRole, subject: i == subj}})
			i += n - 1
			continue
		}
		if p, _ := d.personAt(ts, i); p != nil {
			ms = append(ms, placed{t.start, mention{sp: speaker{name: p.name, kind: Person}, passage: pi, subject: i == subj, silent: silent}})
		}
	}
	return ms
}

// declinesComment reports whether a sentence says its subject did not
// speak: "did not respond to requests for comment", "declined to comment",
// "could not be reached". Its subject is then no one a later "she said"
// refers to.
func declinesComment(ts []tok) bool {
	for i := 0; i+1 < len(ts); i++ {
		a, b := ts[i].lower, ts[i+1].lower
		switch {
		case a == "declined" && b == "to" && i+2 < len(ts) && (ts[i+2].lower == "comment" || ts[i+2].lower == "respond"),
			(a == "not" || a == "n't") && (b == "respond" || b == "comment" || b == "return" || b == "reply"),
			a == "not" && b == "be" && i+2 < len(ts) && ts[i+2].lower == "reached":
			return true
		}
	}
	return false
}

// personEndsAt reports whether a person's name ends at ts[e].
func (d *doc) personEndsAt(ts []tok, e int) bool {
	for i := max(0, e-3); i <= e; i++ {
		if p, n := d.personAt(ts, i); p != nil && i+n-1 == e {
			return true
		}
	}
	return false
}

// personAt returns the person named at ts[i] and how many tokens the name
// takes: a full name ("Jane Doe", "Jane Q. Doe"), or a surname on its own
// ("Doe", "Ms. Doe") that no other capitalised word joins.
func (d *doc) personAt(ts []tok, i int) (*person, int) {
	var words []string
	for k := i; k < len(ts) && k <= i+3 && isCapWord(ts[k]); k++ {
		words = append(words, ts[k].text)
	}
	for n := len(words); n >= 2; n-- {
		if p := d.byName[strings.Join(words[:n], " ")]; p != nil {
			return p, n
		}
	}
	if len(words) != 1 || len(d.bySurname[ts[i].text]) == 0 {
		return nil, 0
	}
	if i > 0 && isCapWord(ts[i-1]) && !ts[i-1].first {
		lw := ts[i-1].lower
		if _, ok := english.Honorific(lw); !ok && !english.IsTitle(lw) {
			return nil, 0 // another person's full name: "Fiona Doe" is not Jane Doe
		}
	}
	return d.surname(ts[i].text), 1
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

// crossesClause reports whether the text between a verb that reports only
// a quotation ("called", "chanted") and a quotation after it opens another
// clause, so that the quotation is no longer the verb's: a comma and a
// word that opens a clause (", as hundreds lined the steps"), or "such as".
func crossesClause(between string) bool {
	if strings.Contains(between, " such as") {
		return true
	}
	_, rest, found := strings.Cut(between, ",")
	for found {
		var after string
		after, rest, found = strings.Cut(rest, ",")
		w := strings.ToLower(strings.TrimRight(firstWord(strings.TrimLeft(after, " ")), ";:"))
		if w != "and" && w != "or" && clauseStarters[w] {
			return true
		}
	}
	return false
}

// attributeQuote attributes quote qi, which ends in the current sentence
// of passage pi.
func (d *doc) attributeQuote(pi, qi int) {
	ref := d.refs[qi]
	if ref.title {
		return
	}
	q := ref.span
	first := d.quotes[qi].Sentence
	last := d.quoteEnd(pi, qi)

	var best *speaker
	var sieve string
	var bestNP nounPhrase
	named := false // an attribution next to the quote names someone it cannot resolve
	bestDist := -1
	p := &d.b.Passages[pi]
	captioned := captionCued(strings.ToLower(strings.TrimSpace(p.Text[max(0, q.open-30):q.open])))
	for si := first; si <= last; si++ {
		info := &d.sents[pi][si]
		// The attributions nearest the quote, on either side: a sentence
		// may hold thousands.
		lo := sort.Search(len(info.attrs), func(i int) bool { return info.attrs[i].verb >= q.open })
		lo, hi := max(0, lo-nearAttrs), min(len(info.attrs), lo+nearAttrs)
		for i := lo; i < hi; i++ {
			a := info.attrs[i]
			w := info.who[i]
			if w == nil && !a.loose && !a.agent && !a.according && (a.verb >= q.close && a.verb-q.close <= 40 || a.verbEnd <= q.open && q.open-a.verbEnd <= 8) {
				named = true // “…,” the agent said: someone the text names, if not to us
			}
			if w == nil || a.loose && wordCount(d.quotes[qi].Text) < minLoose && !captioned {
				continue
			}
			if a.agent && (q.open < a.verbEnd || q.close > a.np.pos) {
				continue // "was described as “…” by X": only the quotation before "by"
			}
			if a.quoteOnly && !a.agent && a.verbEnd <= q.open && crossesClause(p.Text[a.verbEnd:q.open]) {
				continue // "chanted “…” as hundreds lined the steps, holding signs such as “…”"
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
				bestNP = a.np
			}
		}
	}
	if np, ok := d.claimants[pi]; best == nil && ok {
		if sp, ok := d.resolve(np, pi); ok {
			best, sieve = &sp, "claim" // "Claim: “…”" with "Claimed by: X" in its box
		}
	}
	if best == nil && !named {
		best, sieve = d.carriedSpeaker(pi, qi, first)
	}
	if best != nil && d.bracketed(d.quotes[qi].Text, best) {
		// The quotation speaks of the person a pronoun would pick: the
		// pronoun is someone else.
		best = nil
		if bestNP.kind == npPronoun && sieve != "continuation" {
			if sp, ok := d.pronounExcept(bestNP, pi, d.quotes[qi].Text); ok {
				best = &sp
			}
		}
	}
	if best == nil {
		return
	}
	d.setQuote(pi, qi, best, sieve)
}

// bracketed reports whether a quotation names sp in square brackets: an
// editor's insertion for someone the speaker spoke of ("“[Doe] never
// asked us,” she said"), so sp is not the speaker.
func (d *doc) bracketed(quote string, sp *speaker) bool {
	if sp.kind != Person || !strings.Contains(quote, "[") {
		return false
	}
	for rest := quote; ; {
		a := strings.IndexByte(rest, '[')
		if a < 0 {
			return false
		}
		b := strings.IndexByte(rest[a:], ']')
		if b < 0 {
			return false
		}
		inner := rest[a+1 : a+b]
		if p := d.byName[sp.name]; inner == sp.name || p != nil && (inner == p.surname || strings.HasSuffix(inner, " "+p.surname) || strings.HasPrefix(sp.name, inner+" ")) {
			return true
		}
		rest = rest[a+b:]
	}
}

// nearAttrs is how many attributions on each side of a quote, in its
// sentence, are weighed for it.
const nearAttrs = 6

// minCarried is the fewest words a quote must have to take a speaker from
// outside its own sentence: shorter ones are mostly scare quotes and
// titles ("deliveries", "on-ramp").
const minCarried = 4

// carriedSpeaker finds the speaker of a quote its own sentence does not
// attribute, from the text around it, in order of reliability: the quote
// continues one left open at the end of the paragraph before; the
// sentence is nothing but the quote, after a sentence with a speaker; the
// quote speaks in the first person right after a sentence with a speaker;
// exactly one person is named in the paragraph.
func (d *doc) carriedSpeaker(pi, qi, first int) (*speaker, string) {
	p := &d.b.Passages[pi]
	if k, ok := d.chainPrev[qi]; ok && d.quoteWho[k] != nil {
		return d.quoteWho[k], "continuation"
	}
	if sp := d.listSpeaker(pi); sp != nil {
		return sp, "list"
	}
	prev := d.speakerBefore(pi, first)
	if prev != nil && quoteOnly(p.Text, p.Sentences[first], d.spans[pi]) {
		return prev, "continuation"
	}
	if first == 0 {
		if sp, sieve := d.paragraphSpeaker(pi); sp != nil {
			return sp, sieve
		}
	}
	if wordCount(d.quotes[qi].Text) < minCarried {
		return nil, ""
	}
	if prev != nil && first > 0 && firstPerson(d.quotes[qi].Text) && !d.namesOther(pi, first, prev) {
		return prev, "continuation"
	}
	if epithet(p.Text, d.quotes[qi]) {
		return nil, "" // Doe, “the father of chaos,” said: a name for Doe, not Doe's words
	}
	return d.onlyPerson(pi)
}

// epithet reports whether quote q stands as an appositive right after a
// name: “Name, “…,” …” — a nickname or description, not speech.
func epithet(text string, q Quote) bool {
	before := strings.TrimRight(text[:q.Start], "“\"‘'")
	if !strings.HasSuffix(before, ", ") {
		return false
	}
	words := strings.Fields(before)
	last := strings.TrimSuffix(words[len(words)-1], ",")
	if !isUpperStart(last) {
		return false
	}
	after := strings.TrimLeft(text[q.End:], "”\"’'")
	return strings.HasPrefix(after, ",") || strings.HasSuffix(q.Text, ",")
}

// firstPersonWords are the pronouns by which a quote's speaker refers to
// themselves.
var firstPersonWords = map[string]bool{
	"i": true, "i’m": true, "i'm": true, "i’ve": true, "i've": true, "i’d": true, "i'd": true,
	"i’ll": true, "i'll": true, "me": true, "my": true, "mine": true, "myself": true,
	"we": true, "we’re": true, "we're": true, "we’ve": true, "we've": true, "we’d": true,
	"we'd": true, "we’ll": true, "we'll": true, "us": true, "our": true, "ours": true,
}

// firstPerson reports whether a quote's words include a first-person pronoun.
func firstPerson(s string) bool {
	for _, w := range strings.Fields(s) {
		if firstPersonWords[strings.ToLower(strings.Trim(w, ",.;:!?“”\"‘’()[]—"))] {
			return true
		}
	}
	return false
}

// namesOther reports whether sentence si of passage pi names, outside
// quotes, a person or organisation other than sp.
func (d *doc) namesOther(pi, si int, sp *speaker) bool {
	info := &d.sents[pi][si]
	for _, m := range d.namesIn(pi, d.b.Passages[pi].Text, info) {
		if m.m.sp.name != sp.name {
			return true
		}
	}
	return false
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
	if d.namesUnconfirmed(pi) {
		return nil // someone else may be a person the text never showed to be one
	}
	var found *person
	for si := range d.sents[pi] {
		for i, t := range d.sents[pi][si].toks {
			if t.kind != tWord || !isUpperStart(t.text) {
				continue
			}
			p, n := d.personAt(d.sents[pi][si].toks, i)
			if p == nil || n == 1 && len(d.bySurname[t.text]) > 1 {
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
		if who == nil && d.quoteWho[chain[0]] != nil && d.quotes[chain[0]].Sieve == "continuation" {
			who = d.quoteWho[chain[0]] // the chain's first part continues what came before it
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

// kinRole returns a role with a possessive pronoun before a kinship noun
// resolved, at passage pi, to whose kin the person called self is: "her
// mother" of "her mother, Fiona, said" becomes "mother of Eloise Doe". The
// pronoun refers as "she said" would, passing over the person and over
// other kin: the kin of someone's kin are that someone's ("her brother"
// after "her mother, Helen Doe," is Eloise's too). With no one it may
// refer to, the story's person, if of the pronoun's gender or of none
// known; else the role as it stands.
func (d *doc) kinRole(role, self string, pi int) string {
	pronoun, kin, ok := possessiveKin(role)
	if !ok {
		return role
	}
	pr := nounPhrase{kind: npPronoun}
	switch pronoun {
	case "her":
		pr.head, pr.gender = "she", english.Female
	case "his":
		pr.head, pr.gender = "he", english.Male
	default:
		return role
	}
	kinOf := func(name string) (whose string, isKin bool) {
		p := d.byName[name]
		if p == nil {
			return "", false
		}
		head, rest, _ := strings.Cut(p.role, " of ")
		if kinNoun(head) && rest != "" {
			return rest, true // "mother of Eloise Doe"
		}
		_, _, unresolved := possessiveKin(p.role) // "her sister"
		return "", unresolved
	}
	sp, ok := d.pronounSkipping(pr, pi, func(m mention) bool {
		_, isKin := kinOf(m.sp.name)
		return m.sp.name == self || isKin && m.sp.kind == Person
	})
	if ok && sp.kind == Person {
		return kin + " of " + sp.name
	}
	// the kin last quoted: whose kin they are
	for i := len(d.recent) - 1; i >= 0 && pi-d.recent[i].passage <= kinDistance; i-- {
		if m := d.recent[i]; m.sp.name != self && m.sp.kind == Person {
			if whose, _ := kinOf(m.sp.name); whose != "" && whose != self {
				return kin + " of " + whose
			}
		}
	}
	if t := d.topicPerson(); t != nil && t.name != self {
		if g := d.genderOf(t); g == 0 || g == pr.gender {
			return kin + " of " + t.name
		}
	}
	return role
}

// possessiveKin splits a role of two words, the second a kinship noun,
// into its first word and the noun, lower case: "her" and "mother" of "her
// mother".
func possessiveKin(role string) (first, kin string, ok bool) {
	ws := strings.Fields(role)
	if len(ws) != 2 || !kinNoun(strings.ToLower(ws[1])) {
		return "", "", false
	}
	return strings.ToLower(ws[0]), strings.ToLower(ws[1]), true
}

// kinDistance is how many paragraphs back the kin last quoted may stand
// for "her brother" to be kin of the same person: a family's tributes run
// on for several.
const kinDistance = 4

// kinNoun reports whether w names a person by their tie to another: the
// kin whose word tells a gender, and "partner", "cousin", "friend" and the
// like, which do not.
func kinNoun(w string) bool {
	_, gendered := roleGenders[w]
	return gendered || neutralKin[w]
}

// neutralKin name a tie to another person without a gender, and kin that
// roleGenders, which gives people their gender, does not hold (the
// step-relations, grandson and granddaughter).
var neutralKin = map[string]bool{
	"partner": true, "cousin": true, "friend": true, "fiancé": true, "fiancée": true, "fiance": true,
	"fiancee": true, "neighbour": true, "neighbor": true, "colleague": true, "child": true, "parent": true,
	"stepfather": true, "stepmother": true, "stepson": true, "stepdaughter": true, "grandson": true, "granddaughter": true,
}
