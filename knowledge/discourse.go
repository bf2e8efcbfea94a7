package knowledge

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
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

// An org is a speaker other than a person named in full: an
// organisation, a group, an anonymous source or a joint speaker.
type org struct {
	name     string
	role     string
	plural   bool
	kind     SourceKind
	aliases  []string // other forms used: "U.S." for "United States"
	members  []string // for a joint speaker, who it joins
	head     string   // for an anonymous source, its head noun: "resident"
	document bool     // a document cited ("court records"): a speaker, not a source
}

// A mention is a person or organisation named (or speaking) at a point in
// the text; pronouns are resolved against the most recent ones.
type mention struct {
	sp      speaker
	passage int
	speaker bool // it spoke here, not just named
	oblique bool // named inside a person's role: "Jane Doe, president of X,"
	subject bool // named first in its sentence, as the one acting: "X cut its prices"
	silent  bool // in a sentence saying they did not comment
	sent    int  // the sentence of its passage it is named in
}

// A sentenceInfo is the analysis of one sentence.
type sentenceInfo struct {
	toks     []tok
	attrs    []attr
	who      []*speaker // resolved speaker of each attr, nil if unresolved
	speaker  *speaker   // who the sentence is attributed to, if anyone
	reported *speaker   // for a paragraph's last sentence with no speaker: who it reports (see reportedSubject)
}

// A doc holds the state of attributing one briefing. Nothing in it outlives
// the call to analyse.
type doc struct {
	b     *Briefing
	spans [][]quoteSpan
	sents [][]sentenceInfo

	byName         map[string]*person
	bySurname      map[string][]*person
	orgs           map[string]*org
	orgBase        map[string]string // a company's name without "AG", "Inc." → the name it spoke by
	knownOrgs      map[string]bool   // names of organisations the text mentions
	orgTyped       map[string]bool   // names an appositive calls a body ("X, the operator")
	spelled        map[string]bool   // long forms the text spells out ("United States")
	candidates     []nounPhrase      // full names with no sign yet of being a person's
	personSurnames map[string]bool   // single names shown to be people's: "Mr. Doe", "Doe, 54,"
	curSent        int               // the sentence attribute is reading, in its passage
	loneSpeakers   map[string]bool   // single names that say something of a person: "Doe said she …"
	loneBodies     map[string]bool   // single names that open a sentence and say something of "it": "Tesco said its stores …"
	aliasGroup     map[string]int    // a name → its group in b.Aliases
	proper         map[string]bool   // words seen capitalised inside a sentence
	lower          map[string]bool   // words seen in lower case
	recent         []mention

	quotes        []Quote
	quoteWho      []*speaker
	refs          []quoteRef  // where each quote stands
	chainPrev     map[int]int // quote index → the quote it continues (from the paragraph before)
	statements    []Statement
	stmtSeen      map[string]bool
	onlyCache     map[int]*speaker    // onlyPerson's answer per passage
	ages          map[string]int      // a name or surname → the age the text gives it ("Doe, 54,")
	bareSurname   map[string]*person  // a surname → the person the text has called by it alone
	orgWords      map[string][]string // a word → the organisations that spoke whose names hold it; see orgWithWords
	topic         *person             // the person the story is about; see topicPerson
	topicDone     bool
	indefinites   map[string]int             // a word → the first passage with \"a\"/\"an\" before it; see introducedUnnamed
	matched       map[string]matchedPerson   // matchingPerson's answers
	quoteOnlyP    map[int]bool               // quoteOnlyPassage's answers
	claimants     map[int]nounPhrase         // a fact check's claim passage → who the box says made the claim
	lists         map[int]int                // a list item's passage → the passage leading into the list
	textGender    map[*person]english.Gender // how the narration refers to each person; see learnTextGenders
	unconfirmed   map[string]bool            // surnames of full names never shown to be a person's or a body's
	unconfirmedIn map[int]bool               // namesUnconfirmed's answers per passage
}

// analyse finds the briefing's quotes, statements, sources and aliases.
func analyse(b *Briefing, credits []credit, lists map[int]int) {
	d := &doc{
		lists:          lists,
		b:              b,
		byName:         map[string]*person{},
		bySurname:      map[string][]*person{},
		orgs:           map[string]*org{},
		orgBase:        map[string]string{},
		knownOrgs:      map[string]bool{},
		orgTyped:       map[string]bool{},
		spelled:        map[string]bool{},
		personSurnames: map[string]bool{},
		loneSpeakers:   map[string]bool{},
		loneBodies:     map[string]bool{},
		aliasGroup:     map[string]int{},
		proper:         map[string]bool{},
		lower:          map[string]bool{},
		chainPrev:      map[int]int{},
		stmtSeen:       map[string]bool{},
		ages:           map[string]int{},
		bareSurname:    map[string]*person{},
		orgWords:       map[string][]string{},
		matched:        map[string]matchedPerson{},
		quoteOnlyP:     map[int]bool{},
	}
	d.collect()
	d.learnTextGenders()
	d.attribute()
	if hq := d.headlineQuotes(); len(hq) > 0 {
		d.quotes = append(hq, d.quotes...) // the headline reads first
	}
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
				switch a.np.kind {
				case npPerson:
					d.register(a.np)
				case npSingle:
					// "Okafor said she …", not "Disney said its parks …"
					d.loneSpeakers[a.np.name] = d.loneSpeakers[a.np.name] || refersToPerson(ts)
					if bodyOpener(ts, a) {
						d.loneBodies[a.np.name] = true
					}
				}
			}
			if w, ok := personOpener(ts); ok {
				d.loneSpeakers[w] = true // "Doe, for her part, continued …"
			}
			d.scanNames(p.Text, ts)
		}
	}
	// A short form the text uses without defining it ("the BBA") is
	// another name for the body whose initials it is, once every person
	// introduced in full is known.
	texts := make([]string, len(d.b.Passages))
	for pi := range d.b.Passages {
		texts[pi] = d.b.Passages[pi].Text
	}
	for _, a := range implicitAliases(texts, d.aliasGroup, func(name string) bool { return d.byName[name] != nil }) {
		d.addAlias(a[0], a[1])
	}
	d.claimants = d.findClaimants()
	for _, np := range d.claimants {
		if np.kind == npPerson {
			d.register(np)
		}
	}
	// A full name is a person's when its surname is: "Jane Doe" when the
	// text also has "Ms. Doe", "Doe, 54," or another person named Doe, or
	// when "Doe" alone says something of a person ("Doe said she …").
	for _, np := range d.candidates {
		sur := surnameOf(np.name)
		if d.byName[np.name] == nil && d.knownOrgs[np.name] == false && (d.personSurnames[sur] || len(d.bySurname[sur]) > 0 || d.loneSpeakers[sur]) {
			d.register(np)
		}
	}
	d.fullerNames()
	// after the other cues: "Doe is the chief executive of X" gives a role to
	// Doe or to the one full name ending in Doe, which it shows is a person's
	d.copularRoles()
	d.unconfirmed = map[string]bool{}
	for _, np := range d.candidates {
		if sur := surnameOf(np.name); d.byName[np.name] == nil && !d.knownOrgs[np.name] && len(d.bySurname[sur]) == 0 {
			d.unconfirmed[sur] = true
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

// fullerNames gives a person known by two names ("Lind Ostberg said") the
// full name the text introduced them by, when that name ends with theirs and
// no one else's ("put Marta Lind Ostberg in charge"): the two are one.
func (d *doc) fullerNames() {
	longer := map[*person]*person{}
	for name, p := range d.byName {
		words := strings.Fields(name)
		if len(words) < 3 || p.name != name || !givenName(words[0]) {
			continue
		}
		q := d.byName[strings.Join(words[1:], " ")]
		if q == nil || q == p || len(strings.Fields(q.name)) != len(words)-1 || d.ages[q.name] > 0 {
			continue // "John Henry Cole, 71, and his son, Henry Cole, 45,": two people
		}
		if l, ok := longer[q]; ok && l != p {
			longer[q] = nil // two fuller names: no telling which
			continue
		}
		longer[q] = p
	}
	isLonger := map[*person]bool{}
	for _, p := range longer {
		isLonger[p] = true
	}
	for q, p := range longer {
		if p == nil || isLonger[q] || longer[p] != nil {
			continue // a chain of names ("Maria Elena Garcia Lopez", "Elena Garcia Lopez", "Garcia Lopez"): left as it is
		}
		q.name = p.name
		if q.role == "" {
			q.role = p.role
		}
		for name, x := range d.byName {
			if x == p {
				d.byName[name] = q
			}
		}
		d.bySurname[p.surname] = slices.DeleteFunc(d.bySurname[p.surname], func(x *person) bool { return x == p })
	}
}

// givenName reports whether w, the first of three capitalised words before
// a verb, may be a given name: not a title, a job, a party or where someone
// is from ("Councilwoman Jo Bell", "Democrat Ana Diaz", "Briton Emma Raducanu").
func givenName(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if _, ok := english.Honorific(lw); ok {
		return false
	}
	if _, ok := english.CountryOf(lw); ok {
		return false
	}
	_, party := partyAdjectives[w]
	return !party && w != "Democrat" && !english.IsTitle(lw) && !english.IsRoleNoun(lw) && !english.IsGroupNoun(lw) && !isAcronym(w)
}

// refersToPerson reports whether a sentence refers back to someone as a
// person ("he", "her") and to nothing as a body ("its", "they"): a speaker
// named by one word in it is then a person ("Okafor said she …", not "Ford
// said it would recall …" or "Palace said they accepted …").
func refersToPerson(ts []tok) bool {
	person := false
	for _, t := range ts {
		if t.kind != tWord {
			continue
		}
		switch t.lower {
		case "it", "its", "itself", "they", "their", "them", "themselves":
			return false
		}
		person = person || referentGender(t.lower) != english.UnknownGender
	}
	return person
}

// bodyOpener reports whether attribution a names the one capitalised word
// its sentence opens with, and the reporting verb goes on to call the
// speaker "it": "Tesco said its stores were ready", "Harrods, on the other
// hand, says it is testing them". Such a word is a body's name, though the
// text never writes it inside a sentence, where its capital would show it.
// A plural noun for people ("Critics said it was unfair") is none.
func bodyOpener(ts []tok, a attr) bool {
	if len(ts) < 3 || ts[0].kind != tWord || isLowerStart(ts[0].text) || ts[0].poss || a.after ||
		a.np.name != ts[0].text || a.np.role != "" || english.IsStopWord(ts[0].lower) || peopleNoun(ts[0]) ||
		nonNameOpeners[ts[0].lower] || namesPerson(ts) {
		return false // "Nobody said it", "Marsh, the chief executive, said it", "… she remembered"
	}
	for i, t := range ts {
		if t.start < a.verbEnd || t.kind != tWord {
			continue
		}
		if t.lower == "that" && i+1 < len(ts) {
			t = ts[i+1]
		}
		return t.lower == "it" || t.lower == "its"
	}
	return false
}

// namesPerson reports whether ts refer to a person anywhere: "he", "her".
func namesPerson(ts []tok) bool {
	for _, t := range ts {
		if t.kind == tWord && referentGender(t.lower) != english.UnknownGender {
			return true
		}
	}
	return false
}

// nonNameOpeners open sentences, capitalised, without naming anyone: indefinite
// pronouns, linking adverbs, and nouns for a body's people ("Management
// said it …").
var nonNameOpeners = map[string]bool{
	"nobody": true, "everyone": true, "everybody": true, "someone": true, "somebody": true,
	"anyone": true, "anybody": true, "none": true, "overall": true, "instead": true,
	"meanwhile": true, "however": true, "still": true, "yet": true, "also": true, "then": true,
	"management": true, "leadership": true, "staff": true,
}

// personOpener returns the one word a sentence opens with, capitalised,
// when the sentence then refers back to a person (refersToPerson) before
// it names anyone else: "Doe, for her part, continued to program", "Doe
// said she …". Such a word is a person's name, as loneSpeakers holds.
func personOpener(ts []tok) (string, bool) {
	if len(ts) < 3 || ts[0].kind != tWord || isLowerStart(ts[0].text) || ts[0].poss || english.IsStopWord(ts[0].lower) || !refersToPerson(ts) {
		return "", false
	}
	for _, t := range ts[1:] {
		if t.kind != tWord {
			continue
		}
		if referentGender(t.lower) != english.UnknownGender {
			return ts[0].text, true
		}
		if !isLowerStart(t.text) {
			return "", false // someone else named first: "Doe met Ann Lee and her …"
		}
	}
	return "", false
}

// copularRoles gives a person named without a role the one a sentence
// states outright: "Doe is the chief executive of Brightline". The role
// runs to the first comma, clause or pronoun ("…, a Tacoma firm that …")
// and its head must be a noun for a job. Only "is" states a role: "was"
// may be a past job.
func (d *doc) copularRoles() {
	for pi := range d.b.Passages {
		text := d.b.Passages[pi].Text
		for si := range d.sents[pi] {
			ts := d.sents[pi][si].toks
			for j := 1; j+2 < len(ts); j++ {
				if p, role := d.statedRole(text, ts, j); p != nil {
					p.role = role
				}
			}
		}
	}
}

// statedRole reads "NAME is the ROLE" with "is" at ts[j], the name opening
// the sentence (after a title, if any): the person named, when they have no
// role yet, and the role.
func (d *doc) statedRole(text string, ts []tok, j int) (*person, string) {
	if ts[j].lower != "is" || !isArticle(ts[j+1].lower) {
		return nil, ""
	}
	var p *person
	var cand *nounPhrase // a full name not yet known as a person's
	at := -1
	for i := max(0, j-4); i < j && p == nil && cand == nil; i++ {
		if q, n := d.personAt(ts, i); q != nil && i+n == j {
			p, at = q, i
		} else if c := d.candidateAt(text, ts[i:j]); c != nil {
			cand, at = c, i
		}
	}
	if p == nil && cand == nil || p != nil && p.role != "" {
		return nil, ""
	}
	for _, t := range ts[:at] {
		if _, ok := english.Honorific(strings.ToLower(strings.TrimSuffix(t.text, "."))); !ok && !english.IsTitle(t.lower) {
			// the name is not the sentence's subject: "The daughter of Doe is
			// a nurse", "Reed said Doe is the wrong candidate", "The manager
			// who hired Doe is the head of sales"
			return nil, ""
		}
	}
	end := j + 2
	for end < len(ts) && ts[end].kind == tWord && !roleEnders[ts[end].lower] {
		end++
	}
	if end == j+2 || end < len(ts) && ts[end].kind == tQuote {
		return nil, ""
	}
	role := cleanRole(text[ts[j+1].start:ts[end-1].end])
	if role == "" || !english.IsRoleNoun(roleHead(role)) {
		return nil, ""
	}
	if p == nil {
		// "Martin Doe is the chief executive of Brightline": a job says the
		// name is a person's
		np := *cand
		np.role = role
		p = d.register(np)
	}
	return p, role
}

// candidateAt returns the full name no sign has yet shown to be a person's
// that ts spell out, or whose surname ts are, if exactly one has it.
func (d *doc) candidateAt(text string, ts []tok) *nounPhrase {
	if len(ts) == 0 || !isCapWord(ts[0]) {
		return nil
	}
	name := text[ts[0].start:ts[len(ts)-1].end]
	var found *nounPhrase
	for i := range d.candidates {
		c := &d.candidates[i]
		if d.knownOrgs[c.name] || c.name != name && (len(ts) > 1 || surnameOf(c.name) != name) {
			continue
		}
		if found != nil && found.name != c.name {
			return nil // "Ray Tan and Lucy Tan": no telling which
		}
		found = c
	}
	return found
}

// saysWhen reports whether a phrase after a comma names a time, not who
// someone is: "Police questioned Ana Berg, the next morning."
func saysWhen(seg []tok) bool {
	for _, t := range seg {
		switch t.lower {
		case "day", "days", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "time", "hour", "moment":
			return true
		}
	}
	return false
}

// isArticle reports whether w (lower case) is "a", "an" or "the".
func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// roleEnders end a role stated after "is the": a clause ("the firm that
// made it", "before he entered politics"), a pronoun or a conjunction.
var roleEnders = map[string]bool{
	"who": true, "which": true, "that": true, "whose": true, "where": true, "when": true,
	"since": true, "because": true, "before": true, "after": true, "until": true, "while": true,
	"although": true, "though": true, "and": true, "but": true, "or": true,
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
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
	if !strings.Contains(text, "United") && !strings.Contains(text, "European") {
		return out // every long form starts with one of these
	}
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
		p = &person{name: np.name, surname: surnameOf(np.name)}
		d.bySurname[p.surname] = append(d.bySurname[p.surname], p)
	}
	d.byName[np.name] = p
	if p.role == "" && np.role != "" {
		p.role = np.role
	}
	if p.gender == 0 {
		p.gender = np.gender
	}
	if p.gender == 0 {
		p.gender = roleGender(p.role) // "the victim's mother, Jane Doe,"
	}
	if np.honorific != "" {
		p.addHonorific(np.honorific)
		p.role = lawmakerRole(p.role, np.honorific)
	}
	return p
}

// surnameOf returns the surname of a full name: its last word, or the one
// before a suffix such as "Jr.".
func surnameOf(name string) string {
	words := strings.Fields(name)
	sur := words[len(words)-1]
	if english.IsNameSuffix(strings.ToLower(sur)) && len(words) > 2 {
		sur = words[len(words)-2]
	}
	return strings.TrimRight(sur, ",")
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
		for k > segStart && j-k < maxName && (isCapWord(ts[k-1]) || isParticle(ts[k-1].text) || (k-2 >= segStart && isCapWord(ts[k-2]) && (joinsOrg(ts[:j+1], k-1) || titleOf(ts, k-1))) || complementLink(ts, k, j)) {
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
		if a := ageAfter(ts, j); a > 0 && (np.kind == npPerson || np.kind == npSingle) {
			d.ages[np.name] = a
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
			listed := k > 0 && ts[k-1].lower == "and" // "Jane Doe and John Roe, …,": the appositive is both's
			if role == "" && desc != nil && !listed && j+2+len(desc) < len(ts) && (ts[j+2+len(desc)].kind == tComma || j+3+len(desc) == len(ts) && ts[j+2+len(desc)].text == "." && isArticle(desc[0].lower) && !saysWhen(desc)) {
				// "Jane Doe, the mayor, said", and at the sentence's end "… was Jane Doe, the mayor."
				role = cleanRole(segText(text, desc))
			}
			if role == "" && np.honorific == "" {
				role = descBefore(text, ts, k, j)
			}
			if role == "" && np.honorific == "" && !personCue(ts, j) {
				d.candidates = append(d.candidates, np)
				continue
			}
			np.role = role
			d.register(np)
		case np.kind == npSingle && (np.honorific != "" || personCue(ts, j)):
			d.personSurnames[np.name] = true
		}
	}
}

// personCue reports whether the words after the name ending at ts[j] show
// it is a person's: an age ("Jane Doe, 54,") or a relative "who".
func personCue(ts []tok, j int) bool {
	if j+2 >= len(ts) || ts[j+1].kind != tComma {
		return false
	}
	n := ts[j+2]
	if n.lower == "who" || n.lower == "whose" {
		return true
	}
	return isDigitWord(n.text) && len(n.text) <= 3 && (j+3 == len(ts) || ts[j+3].kind == tComma || ts[j+3].kind == tPunct)
}

// ageAfter returns the age written after the name ending at ts[j] ("Jane
// Doe, 54,"), or 0.
func ageAfter(ts []tok, j int) int {
	if j+2 >= len(ts) || ts[j+1].kind != tComma || !isDigitWord(ts[j+2].text) || len(ts[j+2].text) > 3 {
		return 0
	}
	if j+3 < len(ts) && ts[j+3].kind != tComma && ts[j+3].kind != tPunct {
		return 0
	}
	a, err := strconv.Atoi(ts[j+2].text)
	if err != nil {
		return 0
	}
	return a
}

// descBefore returns the role a description gives a name written after it
// in an appositive: "a co-worker, Jane Doe, said", "the agency’s district
// supervisor, Jane Doe." and, for each of several names, "two hikers, Jane
// Doe and John Roe, filmed it". The name runs from ts[k] to ts[j]; the
// description must end in a noun for a person or people, and the names
// must close the appositive.
func descBefore(text string, ts []tok, k, j int) string {
	// A later name of a list: find where the list starts.
	for k >= 2 && (ts[k-1].lower == "and" || ts[k-1].kind == tComma && k >= 3 && isCapWord(ts[k-2]) && listContinues(ts, k)) {
		b := k - 2
		for b > 0 && isCapWord(ts[b-1]) {
			b--
		}
		if b == k-1 || !isCapWord(ts[b]) {
			return ""
		}
		k = b
	}
	end := j + 1
	for end < len(ts) && (ts[end].lower == "and" || ts[end].kind == tComma && end+1 < len(ts) && isCapWord(ts[end+1])) {
		end++
		for end < len(ts) && isCapWord(ts[end]) {
			end++
		}
	}
	if k < 2 || ts[k-1].kind != tComma || (end < len(ts) && ts[end].kind != tComma && ts[end].kind != tPunct) {
		return ""
	}
	b := k - 2
	for b > 0 && ts[b-1].kind == tWord {
		b--
	}
	seg := ts[b : k-1]
	last := seg[len(seg)-1]
	if len(seg) > maxName || !isDesc(seg) && !english.IsQuantifier(seg[0].lower) {
		return ""
	}
	if !isRoleNoun(last) && !english.IsRoleNoun(strings.TrimPrefix(last.lower, "co-")) && !peopleNoun(last) {
		return ""
	}
	return cleanRole(segText(text, seg))
}

// listContinues reports whether the comma before ts[k] separates names of
// one list ("Doe, Roe and Poe") rather than closing an appositive.
func listContinues(ts []tok, k int) bool {
	for i := k; i < len(ts) && i < k+maxName; i++ {
		if ts[i].lower == "and" {
			return true
		}
		if !isCapWord(ts[i]) {
			return false
		}
	}
	return false
}

// peopleNoun reports whether t is a plural noun for people: "hikers",
// "residents", "officials".
func peopleNoun(t tok) bool {
	if english.IsGroupNoun(t.lower) {
		return true
	}
	return strings.HasSuffix(t.lower, "s") && isRoleNoun(tok{kind: tWord, text: strings.TrimSuffix(t.text, "s"), lower: strings.TrimSuffix(t.lower, "s")})
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
		if t.kind == tWord && !isUpperStart(t.text) && english.ReportingVerb(t.lower) != english.NotReporting { // "Oregon State" is a name
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
			for j := range names {
				names[j].m.sent = si
			}
			d.curSent = si
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
			if lead := d.listSpeaker(pi); info.speaker == nil && lead != nil {
				info.speaker = lead // a point of what the lead-in reports
				d.addStatement(pi, si, *lead)
			}
			for i, a := range info.attrs {
				if w := info.who[i]; w != nil {
					later = append(later, placed{a.np.pos, mention{sp: *w, passage: pi, speaker: true}})
				}
			}
			d.noteMentions(later)
			if si == len(p.Sentences)-1 && info.speaker == nil {
				info.reported = d.reportedSubject(pi, si)
			}
			for ; next < len(quoteIdx) && d.quoteEnd(pi, quoteIdx[next]) <= si; next++ {
				qi := quoteIdx[next]
				d.attributeQuote(pi, qi)
				w := d.quoteWho[qi]
				if w == nil {
					continue
				}
				for s := d.quotes[qi].Sentence; s <= si; s++ {
					if d.sents[pi][s].speaker == nil {
						d.sents[pi][s].speaker = w
					}
				}
				// Whoever is quoted is the most salient speaker from here on.
				d.noteMentions([]placed{{d.refs[qi].span.open, mention{sp: *w, passage: pi, speaker: true}}})
			}
		}
	}
	d.followChains()
}

// listSpeaker returns who the paragraph leading into the list that passage
// pi is an item of reports ("Doe also said:"), or nil.
func (d *doc) listSpeaker(pi int) *speaker {
	lead, ok := d.lists[pi]
	if !ok || len(d.sents[lead]) == 0 {
		return nil
	}
	last := &d.sents[lead][len(d.sents[lead])-1]
	if last.speaker != nil {
		return last.speaker
	}
	return last.reported
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
	title   bool // not speech: see isQuotation
}

// passageQuotes creates the quotes of passage pi and returns their indexes.
func (d *doc) passageQuotes(pi int) []int {
	p := &d.b.Passages[pi]
	var idx []int
	for k, q := range d.spans[pi] {
		start, end := quoteBounds(p.Text, q)
		if start == end || !hasLetter(p.Text[start:end]) {
			continue
		}
		si := sentenceAt(p.Sentences, q.open)
		title := !isQuotation(p.Text, q) || isTitleLine(p.Text, d.spans[pi])
		sieve := ""
		if title {
			sieve = "title" // a title, a name or a so-called term: no one says it
		}
		d.quotes = append(d.quotes, Quote{Text: p.Text[start:end], Passage: p.ID, Sentence: si, Sieve: sieve, Start: start, End: end})
		d.quoteWho = append(d.quoteWho, nil)
		qi := len(d.quotes) - 1
		idx = append(idx, qi)
		d.refs = append(d.refs, quoteRef{passage: pi, span: q, title: title})
		if title {
			continue
		}
		// A paragraph that opens with a quote continues a quote left open
		// at the end of the paragraph before.
		if k == 0 && pi > 0 && strings.TrimSpace(p.Text[:q.open]) == "" && qi > 0 {
			prevRef := d.refs[qi-1]
			if prevRef.passage == pi-1 && !prevRef.span.closed && !prevRef.title {
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
