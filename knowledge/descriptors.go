package knowledge

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// News prose names a person once in full and then refers back to them by
// description: "the 56-year-old", "the Portuguese boss", "the veteran
// coach", "the former minister", "the mother of three", "the Argentine".
// Such a description is never a name. It refers to the person the story
// is about at that point, when nothing known about them contradicts it;
// when no one fits, it refers to no one.

// epithets are nouns news uses to refer back to a person named before,
// beyond the role nouns: "the boss", "the star", "the striker".
var epithets = map[string]bool{
	"boss": true, "veteran": true, "star": true, "striker": true, "forward": true,
	"midfielder": true, "defender": true, "goalkeeper": true, "keeper": true, "winger": true,
	"skipper": true, "player": true, "champion": true, "singer": true, "actor": true,
	"actress": true, "rapper": true, "musician": true, "politician": true, "billionaire": true,
	"tycoon": true, "entrepreneur": true, "businessman": true, "businesswoman": true,
	"mogul": true, "magnate": true, "incumbent": true, "challenger": true, "frontrunner": true,
	"front-runner": true, "legend": true, "icon": true, "maestro": true, "manager": true,
	"coach": true, "chief": true, "tactician": true, "frenchman": true, "englishman": true,
	"irishman": true, "scotsman": true, "welshman": true, "dutchman": true, "pensioner": true,
	"campaigner": true, "novelist": true, "filmmaker": true, "director": true, "minister": true,
	"premier": true, "president": true, "senator": true, "governor": true, "mayor": true,
	"lawmaker": true, "candidate": true, "leader": true,
}

// generalEpithets describe anyone ("the veteran", "the boss", "the star"):
// a person whose known role says something else still fits them. Other
// epithets name a job ("the striker", "the minister"), which a person
// known by another role does not fit.
var generalEpithets = map[string]bool{
	"boss": true, "veteran": true, "star": true, "champion": true, "legend": true, "icon": true,
	"maestro": true, "incumbent": true, "challenger": true, "frontrunner": true,
	"front-runner": true, "billionaire": true, "tycoon": true, "mogul": true, "magnate": true,
	"pensioner": true, "chief": true, "leader": true, "frenchman": true, "englishman": true,
	"irishman": true, "scotsman": true, "welshman": true, "dutchman": true,
	// politics writes these loosely: "the former minister" for an MP
	"politician": true, "lawmaker": true, "senator": true, "minister": true, "premier": true,
	"president": true, "governor": true, "mayor": true, "candidate": true,
	"democrat": true, "republican": true, "conservative": true, "tory": true,
	"liberal": true, "socialist": true,
}

// partyEpithets are capitalised nouns for a party's members, used to refer
// back to a politician: "the Nevada Democrat", "the veteran Tory".
var partyEpithets = map[string]bool{
	"democrat": true, "republican": true, "conservative": true, "tory": true,
	"liberal": true, "socialist": true,
}

// kinEpithets are written with a count: "the mother of three", "the
// father-of-two".
var kinEpithets = map[string]english.Gender{
	"mother": english.Female, "father": english.Male, "grandmother": english.Female,
	"grandfather": english.Male, "mum": english.Female, "mom": english.Female, "dad": english.Male,
}

// epithetGenders are the epithets that tell a gender.
var epithetGenders = map[string]english.Gender{
	"actress": english.Female, "businesswoman": english.Female, "businessman": english.Male,
	"frenchman": english.Male, "englishman": english.Male, "irishman": english.Male,
	"scotsman": english.Male, "welshman": english.Male, "dutchman": english.Male,
}

// descModifiers may stand before an epithet: "the former minister", "the
// veteran coach", "the two-time champion".
var descModifiers = map[string]bool{
	"former": true, "veteran": true, "longtime": true, "long-time": true, "retired": true,
	"outgoing": true, "incoming": true, "embattled": true, "beleaguered": true,
	"under-fire": true, "experienced": true, "legendary": true, "decorated": true,
	"serving": true, "sacked": true, "departing": true, "newly-appointed": true,
	"newly": true, "appointed": true, "celebrated": true, "acclaimed": true, "seasoned": true,
}

// prepositions that make a description their object, not a subject.
var objectPreps = map[string]bool{
	"of": true, "to": true, "for": true, "with": true, "by": true, "about": true, "on": true,
	"at": true, "from": true, "against": true, "over": true, "under": true, "into": true,
	"than": true, "like": true, "between": true, "among": true, "toward": true, "towards": true,
	"after": true, "before": true, "behind": true, "beside": true, "without": true,
}

// A descriptor is what a description tells of the person it refers to.
type descriptor struct {
	age      int // "the 56-year-old"; 0 when not given
	gender   english.Gender
	job      string // a job noun the person's known role must not contradict: "striker"
	demonym  string // "portuguese"
	modified bool   // it has a modifier that marks it as a description: an age, a demonym, "former"
	name     string // a capitalised head after a modifier: a surname ("the veteran Doe") or a noun ("the former Olympian")
	kin      string // "mother" in "the mother of three"
}

// ageOf returns the age an "N-year-old" word gives, or 0.
func ageOf(w string) int {
	n, rest, ok := strings.Cut(w, "-year-old")
	if !ok || rest != "" || n == "" || len(n) > 3 {
		return 0
	}
	if a, err := strconv.Atoi(n); err == nil && a > 0 {
		return a
	}
	if a, ok := english.Number(n); ok && a > 0 {
		return a
	}
	return 0
}

// isDemonym reports whether t is a capitalised demonym: "Portuguese".
func isDemonym(t tok) bool {
	if !isCapWord(t) {
		return false
	}
	_, ok := english.CountryOf(t.lower)
	return ok
}

// personDemonym reports whether a demonym, on its own after "the", names
// one person ("the Argentine", "the Dane") rather than a people ("the
// French", "the Portuguese", "the Swiss", "the Americans").
func personDemonym(w string) bool {
	for _, suf := range []string{"ese", "ish", "ch", "s"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// kinWithCount reports whether seg[h:] is an epithet of kin with a count,
// "mother of three" or "father-of-two", and the gender it gives.
func kinWithCount(seg []tok, h int) (english.Gender, bool) {
	t := seg[h]
	if h == len(seg)-1 {
		// "father-of-two"
		parts := strings.Split(t.lower, "-")
		if len(parts) == 3 && parts[1] == "of" {
			if _, ok := english.Number(parts[2]); ok {
				g, kin := kinEpithets[parts[0]]
				return g, kin
			}
		}
		return 0, false
	}
	if h+3 != len(seg) || seg[h+1].lower != "of" {
		return 0, false
	}
	if _, ok := english.Number(seg[h+2].lower); !ok {
		return 0, false
	}
	g, kin := kinEpithets[t.lower]
	return g, kin
}

// descriptorNP parses a definite description of a person named before that
// fills the end of seg: "the 56-year-old", "the Portuguese boss", "the
// former minister", "the mother of three", "the Argentine". A role noun
// with no modifier ("the minister") is left to commonNP, which matches it
// against the roles people were given.
func descriptorNP(text string, seg []tok) (nounPhrase, descriptor, bool) {
	var ds descriptor
	j := len(seg) - 1
	if j < 1 || seg[j].kind != tWord {
		return nounPhrase{}, ds, false
	}
	head := j
	kin := false
	if j >= 3 && seg[j-1].lower == "of" {
		if g, ok := kinWithCount(seg, j-2); ok {
			head, kin, ds.gender, ds.kin = j-2, true, g, seg[j-2].lower
		}
	} else if g, ok := kinWithCount(seg, j); ok {
		kin, ds.gender, ds.kin = true, g, strings.SplitN(seg[j].lower, "-", 2)[0]
	}
	h := seg[head]
	if h.poss && head == j {
		return nounPhrase{}, ds, false
	}
	switch {
	case kin:
		ds.modified = true
	case ageOf(h.lower) > 0:
		ds.age, ds.modified = ageOf(h.lower), true
	case isDemonym(h) && personDemonym(h.lower):
		ds.demonym, ds.modified = h.lower, true
	case isCapWord(h) && partyEpithets[h.lower] && head == j:
		ds.modified = true // "the Nevada Democrat"
	case isCapWord(h) && !isAcronym(h.text) && head == j && head >= 2 && descModifiers[seg[head-1].lower]:
		ds.name = h.text // "the former Olympian", "the veteran Doe"
	case isLowerStart(h.text) && epithets[h.lower]:
		if !generalEpithets[h.lower] {
			ds.job = h.lower
		}
		ds.gender = epithetGenders[h.lower]
	default:
		return nounPhrase{}, ds, false
	}
	k := head - 1
	for ; k >= 0 && head-k <= 4; k-- {
		m := seg[k]
		if m.kind != tWord || m.lower == "the" {
			break
		}
		if m.poss {
			return nounPhrase{}, ds, false // "the club’s boss": someone else's
		}
		switch {
		case partyEpithets[h.lower] && isCapWord(m) && !cutsRun(m.lower):
			// a place before a party: "the Nevada Democrat"
		case ageOf(m.lower) > 0:
			ds.age = ageOf(m.lower)
		case isDemonym(m):
			ds.demonym = m.lower
		case descModifiers[m.lower], strings.HasSuffix(m.lower, "-time") && isLowerStart(m.text):
		case isLowerStart(m.text) && !isFunctionWord(m.lower) && english.ReportingVerb(m.lower) == english.NotReporting && !auxiliaries[m.lower] && !beForms[m.lower]:
			continue // another adjective: "the experienced"
		default:
			return nounPhrase{}, ds, false
		}
		ds.modified = true
	}
	if k < 0 || seg[k].kind != tWord || seg[k].lower != "the" || k == head-1 && !ds.modified && !epithets[h.lower] {
		return nounPhrase{}, ds, false
	}
	if !ds.modified && !(epithets[h.lower] && !english.IsRoleNoun(h.lower)) {
		return nounPhrase{}, ds, false // "the minister": a nominal
	}
	if k > 0 && seg[k-1].kind == tWord && objectPreps[seg[k-1].lower] {
		return nounPhrase{}, ds, false // "said of the 56-year-old"
	}
	np := nounPhrase{kind: npDescriptor, head: h.lower, first: k + 1, pos: seg[k].start, gender: ds.gender, definite: true, desc: ds}
	if np.first > j {
		np.first = j
	}
	np.name = text[seg[k].start:seg[j].end]
	return np, ds, true
}

// descriptorRef resolves a description of a person named before: the one
// person whose known age, role or relation it matches; else, unless the
// text introduced an unnamed person the same way ("a 17-year-old", "a
// veteran"), the one person named so far in its paragraph, or the one
// person the nearest of the two paragraphs before names (when it names
// several, no one), or, when neither names anyone, the person the story is
// about if they were named in the last few paragraphs. Each must fit what
// the description tells: a known age, gender or role may not contradict
// it.
func (d *doc) descriptorRef(np nounPhrase, pi int) (speaker, bool) {
	ds := np.desc
	if ds.name != "" {
		if p := d.surname(ds.name); p != nil {
			return speaker{name: p.name, kind: Person}, true
		}
	}
	if p := d.matchingPerson(ds); p != nil {
		return speaker{name: p.name, kind: Person}, true
	}
	if d.introducedUnnamed(np.head, pi) {
		return speaker{}, false
	}
	fits := func(name string) bool {
		p := d.byName[name]
		return p != nil && d.fitsDescriptor(p, ds)
	}
	if name := d.onlyPersonSoFar(pi); name != "" {
		if fits(name) {
			return speaker{name: name, kind: Person}, true
		}
		return speaker{}, false
	}
	name, anyone := d.onlyPersonBefore(pi)
	switch {
	case name != "":
		if fits(name) {
			return speaker{name: name, kind: Person}, true
		}
		return speaker{}, false
	case anyone:
		return speaker{}, false // several people just named: no telling which
	}
	if t := d.topicPerson(); t != nil && fits(t.name) {
		for i := len(d.recent) - 1; i >= 0 && pi-d.recent[i].passage <= topicReach; i-- {
			if d.recent[i].sp.name == t.name {
				return speaker{name: t.name, kind: Person}, true
			}
		}
	}
	return speaker{}, false
}

// topicReach is how many paragraphs back the person a story is about must
// have been named for a description to refer to them.
const topicReach = 3

// matchingPerson returns the one person whose known age is the one a
// description gives, whose role holds its job noun, or whose role is its
// relation ("the victim's mother" for "the mother of three"); nil when
// none or several are.
func (d *doc) matchingPerson(ds descriptor) *person {
	if ds.age == 0 && ds.job == "" && ds.kin == "" {
		return nil
	}
	key := fmt.Sprint(ds.age, ds.job, ds.kin)
	if m, ok := d.matched[key]; ok && m.people == len(d.byName) {
		return m.p
	}
	p := d.findMatchingPerson(ds)
	d.matched[key] = matchedPerson{p, len(d.byName)}
	return p
}

// A matchedPerson is matchingPerson's answer, kept while no one new has
// been named.
type matchedPerson struct {
	p      *person
	people int // how many names were registered when it was found
}

// findMatchingPerson does the work of matchingPerson.
func (d *doc) findMatchingPerson(ds descriptor) *person {
	var found *person
	for _, ps := range d.bySurname {
		for _, p := range ps {
			ok := ds.age > 0 && d.ageOfPerson(p) == ds.age ||
				ds.age == 0 && ds.job != "" && containsWord(strings.ToLower(p.role), ds.job) ||
				ds.age == 0 && ds.kin != "" && roleHead(p.role) == ds.kin
			if !ok || found == p {
				continue
			}
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// fitsDescriptor reports whether nothing known of p contradicts a
// description: an age, a job their role does not name, a demonym their
// role does not give. A description that tells a gender fits only someone
// known to have it.
func (d *doc) fitsDescriptor(p *person, ds descriptor) bool {
	if a := d.ageOfPerson(p); ds.age > 0 && a > 0 && a != ds.age {
		return false
	}
	if ds.gender != english.UnknownGender && ds.gender != p.gender {
		return false // "the mother of two" only for someone known to be a woman
	}
	if ds.job != "" && p.role != "" && !containsWord(strings.ToLower(p.role), ds.job) {
		return false
	}
	if ds.demonym != "" && p.role != "" {
		for _, w := range strings.Fields(strings.ToLower(p.role)) {
			if _, ok := english.CountryOf(w); ok && w != ds.demonym {
				return false
			}
		}
	}
	return true
}

// ageOfPerson returns the age the text gave p ("Jane Doe, 54," or "Doe,
// 54,"), or 0.
func (d *doc) ageOfPerson(p *person) int {
	if a := d.ages[p.name]; a > 0 {
		return a
	}
	if len(d.bySurname[p.surname]) == 1 {
		return d.ages[p.surname]
	}
	return 0
}

// introducedUnnamed reports whether the text up to passage pi introduced
// someone unnamed with the head of a description: "a 17-year-old", "an
// Argentine", "a veteran". "The 17-year-old" then refers to them.
func (d *doc) introducedUnnamed(head string, pi int) bool {
	if d.indefinites == nil {
		d.indefinites = map[string]int{}
		for k := range d.sents {
			for si := range d.sents[k] {
				ts := d.sents[k][si].toks
				for i := 1; i < len(ts); i++ {
					if ts[i].kind != tWord || ts[i-1].kind != tWord || ts[i-1].lower != "a" && ts[i-1].lower != "an" {
						continue
					}
					if i >= 2 && ts[i-2].kind == tComma {
						continue // "Doe, a Democrat from Nevada,": an appositive, not someone new
					}
					if _, seen := d.indefinites[ts[i].lower]; !seen {
						d.indefinites[ts[i].lower] = k
					}
				}
			}
		}
	}
	k, ok := d.indefinites[head]
	return ok && k <= pi
}

// topicPerson returns the person the story is about: the one its title
// opens with, or else the one its first paragraph opens with; nil when
// neither opens with a person.
func (d *doc) topicPerson() *person {
	if d.topicDone {
		return d.topic
	}
	d.topicDone = true
	if t := d.b.Title; t != "" {
		ts := tokenizeRange(t, 0, len(t), nil)
		if p := d.openingPerson(ts); p != nil {
			d.topic = p
			return p
		}
	}
	for pi := range d.b.Passages {
		if d.b.Passages[pi].Kind == Lede && len(d.sents[pi]) > 0 {
			ts := d.sents[pi][0].toks
			d.topic = d.openingPerson(ts[skipAdverbial(ts, 0, len(ts)):])
			break
		}
	}
	return d.topic
}

// openingPerson returns the person named by the first words of ts, with
// any title or role before the name ("President Jane Doe", "Coach Doe").
func (d *doc) openingPerson(ts []tok) *person {
	for i := 0; i < len(ts) && i < 4; i++ {
		if !isCapWord(ts[i]) {
			return nil
		}
		if p, _ := d.personAt(ts, i); p != nil {
			return p
		}
	}
	return nil
}

// onlyPersonSoFar returns the one person named so far in passage pi, or ""
// when none or several are: a description in the same paragraph refers
// to them ("Jane Doe was asked about it. The 44-year-old said …").
func (d *doc) onlyPersonSoFar(pi int) string {
	name := ""
	for i := len(d.recent) - 1; i >= 0 && d.recent[i].passage == pi; i-- {
		m := d.recent[i]
		if m.sp.kind != Person {
			continue
		}
		if name != "" && name != m.sp.name {
			return ""
		}
		name = m.sp.name
	}
	return name
}

// onlyPersonBefore returns the one person named in the nearest of the two
// paragraphs before pi that names anyone, or "" when it names several;
// anyone is false when neither names anyone.
func (d *doc) onlyPersonBefore(pi int) (name string, anyone bool) {
	at := -1
	for i := len(d.recent) - 1; i >= 0 && pi-d.recent[i].passage <= 2; i-- {
		m := d.recent[i]
		if m.passage == pi || m.sp.kind != Person {
			continue
		}
		if at >= 0 && m.passage != at {
			break
		}
		if name != "" && name != m.sp.name {
			return "", true
		}
		name, at = m.sp.name, m.passage
	}
	return name, at >= 0
}

// roleGenders are the heads of roles that tell a person's gender: "the
// victim's mother", "her husband".
var roleGenders = map[string]english.Gender{
	"mother": english.Female, "wife": english.Female, "daughter": english.Female,
	"sister": english.Female, "grandmother": english.Female, "widow": english.Female,
	"aunt": english.Female, "niece": english.Female, "girlfriend": english.Female,
	"father": english.Male, "husband": english.Male, "son": english.Male,
	"brother": english.Male, "grandfather": english.Male, "widower": english.Male,
	"uncle": english.Male, "nephew": english.Male, "boyfriend": english.Male,
}

// roleHead returns the head noun of a role, lower case: its last word
// before any preposition ("mother" in "the victim's mother" and "mother of
// the victim"; "lawyer" in "lawyer for the widow").
func roleHead(role string) string {
	ws := strings.Fields(strings.ToLower(role))
	head := ""
	for _, w := range ws {
		if objectPreps[w] || w == "in" {
			break
		}
		head = strings.Trim(w, ",;:")
	}
	return head
}

// roleGender returns the gender a role's head tells, if any.
func roleGender(role string) english.Gender {
	return roleGenders[roleHead(role)]
}
