package knowledge

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/english"
)

// npKind says what a noun phrase in speaker position refers to.
type npKind uint8

const (
	npNone       npKind = iota
	npPerson            // a full name: "Jane Doe"
	npSingle            // one capitalised word: a surname ("Doe") or a body ("Geneva")
	npOrg               // an organisation or place: "The United States", "Brookings Institution"
	npGroup             // a group: "U.S. officials", "experts", "The U.S. military"
	npPronoun           // he, she, they, it
	npNominal           // "the ministry", "the ambassador": refers to someone named before
	npAnonymous         // a described, unnamed source: "a resident of the village", "the chairman of the X Party"
	npCoord             // several speakers at once: "Jane Doe and John Roe", "the farm and trade ministries"
	npDocument          // a document cited: "court records", "the annual report"
	npBoth              // "both climbers": the two people just named
	npDescriptor        // "the 56-year-old", "the Portuguese boss": a person named before
)

// A nounPhrase is a candidate speaker as written in a sentence.
type nounPhrase struct {
	kind      npKind
	name      string // as written, without determiners, honorific or possessive
	honorific string // "Gen.", "Mr."
	role      string // from a title before the name, an appositive after it, or "of the X"
	head      string // for nominals and pronouns: the head word ("ministry", "he")
	gender    english.Gender
	plural    bool
	first     int          // index of the phrase's first token in the slice parsed
	pos       int          // offset of the phrase in the passage text
	definite  bool         // an npAnonymous written with "the": it may refer to someone named
	parts     []nounPhrase // an npCoord's speakers
	members   []string     // a plural body's members: "farm ministry", "trade ministry"
	desc      descriptor   // what an npDescriptor tells of its person
}

// phraseText returns the passage text spanned by tokens ts[a..b], both
// included, without a possessive ending.
func phraseText(text string, ts []tok, a, b int) string {
	if a > b || a < 0 || b >= len(ts) {
		return ""
	}
	return text[ts[a].start:ts[b].end]
}

// npAtEnd parses the noun phrase that ends at the last token of seg. It
// allows unrelated words before the phrase, but not a preposition it would
// be the object of.
func npAtEnd(text string, seg []tok) (nounPhrase, bool) {
	return npAtEndDepth(text, seg, 0)
}

func npAtEndDepth(text string, seg []tok, depth int) (nounPhrase, bool) {
	j := len(seg) - 1
	if j < 0 || seg[j].kind != tWord {
		return nounPhrase{}, false
	}
	t := seg[j]
	if g, ok := pronounGender[t.lower]; ok && !t.poss {
		if j > 0 && !clauseStarters[seg[j-1].lower] {
			return nounPhrase{}, false
		}
		return nounPhrase{kind: npPronoun, head: t.lower, first: j, pos: t.start, plural: t.lower == "they", gender: g}, true
	}
	if j >= 1 && seg[j-1].lower == "both" && isLowerStart(t.text) && strings.HasSuffix(t.lower, "s") && !t.poss {
		return nounPhrase{kind: npBoth, head: t.lower, first: j - 1, pos: seg[j-1].start, plural: true}, true
	}
	if np, ds, ok := descriptorNP(text, seg); ok {
		np.desc = ds
		return np, true
	}
	if np, ok := describedNP(text, seg); ok {
		return np, true
	}
	if np, ok := groupWithPP(text, seg); ok {
		return np, true
	}
	var np nounPhrase
	var ok bool
	if isLowerStart(t.text) && !particleSurname(t.text) || (t.first && (english.IsGroupNoun(t.lower) || english.IsOrgNoun(t.lower) || english.IsRoleNoun(t.lower))) || definiteTitle(seg, j) {
		np, ok = commonNP(text, seg) // "Analysts at X said": capitalised only as the first word
	} else {
		np, ok = properNP(text, seg)
	}
	if !ok {
		return nounPhrase{}, false
	}
	np, ok = attachPP(text, seg, np, depth)
	if ok && depth == 0 {
		np = coordinate(text, seg, np)
	}
	return np, ok
}

// definiteTitle reports whether seg, ending at seg[j], ends in a title
// written capitalised after "the", with no name: "The Prime Minister said",
// "the President-elect said". It refers back to the one who holds it, as
// "the prime minister" does.
func definiteTitle(seg []tok, j int) bool {
	if !english.IsTitle(seg[j].lower) || !english.IsRoleNoun(seg[j].lower) || seg[j].poss {
		return false // not "The MEP said", which the capitalised reading keeps
	}
	for k := j - 1; k >= 0 && j-k <= 3; k-- {
		switch w := seg[k]; {
		case w.lower == "the":
			return true
		case w.kind != tWord || !isCapWord(w) || !english.IsTitle(w.lower) && !titleModifiers[w.lower]:
			return false
		}
	}
	return false
}

// titleModifiers stand before a title inside it: "Prime Minister", "Vice
// President", "Foreign Secretary", "Labour MP".
var titleModifiers = map[string]bool{
	"prime": true, "vice": true, "acting": true, "interim": true, "senior": true, "foreign": true,
	"finance": true, "home": true, "health": true, "defence": true, "defense": true, "attorney": true,
	"education": true, "trade": true, "environment": true, "energy": true, "transport": true,
	"interior": true, "economy": true, "culture": true,
	// a party's member: "the Conservative MP"
	"conservative": true, "tory": true, "labour": true, "labor": true, "democratic": true,
	"republican": true, "liberal": true, "green": true, "independent": true,
}

// coordinate widens a named speaker to every name coordinated with it:
// "Jane Doe and John Roe", "Doe, Roe and Poe", "Jane Doe and the X Agency".
func coordinate(text string, seg []tok, np nounPhrase) nounPhrase {
	if !speakingName(np) || np.first < 2 || seg[np.first-1].lower != "and" {
		return np
	}
	parts := []nounPhrase{np}
	end := np.first - 1 // the "and"
	for len(parts) < 6 {
		left, ok := npAtEndDepth(text, seg[:end], 2)
		if !ok || !speakingName(left) {
			return np
		}
		parts = append([]nounPhrase{left}, parts...)
		if left.first >= 2 && seg[left.first-1].kind == tComma {
			end = left.first - 1
			continue
		}
		c := nounPhrase{kind: npCoord, first: left.first, pos: left.pos, plural: true, parts: parts}
		c.name = text[left.pos:seg[len(seg)-1].end]
		return c
	}
	return np
}

// speakingName reports whether a phrase names one speaker that can stand
// in a coordination: a person, a single name or an organisation.
func speakingName(np nounPhrase) bool {
	return np.kind == npPerson || np.kind == npSingle || np.kind == npOrg
}

// anonHeads head descriptions of unnamed sources beyond the role nouns:
// "a person familiar with the talks", "two people close to the family".
var anonHeads = map[string]bool{
	"source": true, "sources": true, "person": true, "people": true, "man": true, "woman": true,
	"men": true, "women": true, "insider": true, "insiders": true, "officials": true,
	"residents": true, "witnesses": true, "employees": true, "workers": true, "members": true,
	"relative": true, "relatives": true, "neighbour": true, "neighbor": true, "neighbours": true,
	"neighbors": true, "friend": true, "friends": true, "co-worker": true, "colleague": true,
	"colleagues": true, "passenger": true, "passengers": true, "driver": true, "shopkeeper": true,
	"villager": true, "villagers": true, "worker": true, "employee": true, "staffer": true,
}

// indefinites open a description of an unnamed source.
var indefinites = map[string]bool{
	"a": true, "an": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"several": true, "some": true, "another": true, "other": true,
}

// anonPrepositions may follow the head of a description: "a resident of
// the village", "a source at the ministry", "people familiar with it".
var anonPrepositions = map[string]bool{
	"of": true, "at": true, "in": true, "from": true, "with": true, "for": true, "inside": true,
	"within": true, "near": true, "close": true, "familiar": true, "involved": true, "briefed": true,
	"on": true,
}

// describedNP parses a description of an unnamed source that fills the
// segment from an indefinite word on: "a resident of the village", "a
// military source", "two people familiar with the matter", "one witness".
func describedNP(text string, seg []tok) (nounPhrase, bool) {
	for i := 0; i < len(seg) && i < 4; i++ {
		if seg[i].kind != tWord || !indefinites[seg[i].lower] {
			continue
		}
		if i > 0 && !clauseStarters[seg[i-1].lower] && !isFunctionWord(seg[i-1].lower) {
			return nounPhrase{}, false
		}
		h, ok := descriptionHead(seg, i+1)
		if !ok {
			return nounPhrase{}, false
		}
		if !describedTail(seg, h+1) || spokesNouns[seg[h].lower] && h+1 < len(seg) {
			return nounPhrase{}, false // "a spokesperson for the ministry" is the ministry
		}
		head := seg[h].lower
		np := nounPhrase{kind: npAnonymous, head: head, first: i, pos: seg[i].start}
		np.plural = seg[i].lower != "a" && seg[i].lower != "an" && seg[i].lower != "one" && seg[i].lower != "another"
		np.name = lowerInitial(seg[i], text[seg[i].start:seg[len(seg)-1].end], true)
		return np, true
	}
	return nounPhrase{}, false
}

// groupWithPP parses a group named by a plural noun and what it knows or
// where it works, filling the segment: "Experts on prison safety",
// "researchers at the institute".
func groupWithPP(text string, seg []tok) (nounPhrase, bool) {
	i := 0
	for i < len(seg) && seg[i].kind == tWord && clauseStarters[seg[i].lower] {
		i++
	}
	if i+2 >= len(seg) || seg[i].kind != tWord || !english.IsGroupNoun(seg[i].lower) || !(isLowerStart(seg[i].text) || seg[i].first) {
		return nounPhrase{}, false
	}
	if p := seg[i+1].lower; p != "on" && p != "in" && p != "at" && p != "from" && p != "with" && p != "for" && p != "of" || !describedTail(seg, i+1) {
		return nounPhrase{}, false
	}
	np := nounPhrase{kind: npGroup, head: seg[i].lower, first: i, pos: seg[i].start, plural: true}
	np.name = text[seg[i].start:seg[len(seg)-1].end]
	return np, true
}

// lowerInitial lower-cases the first letter of a description that is
// capitalised only because it starts the sentence ("A resident of the
// village", "Residents"): t is its first word, and common says whether that
// word is a common word rather than a name.
func lowerInitial(t tok, name string, common bool) string {
	if !t.first || !common || !isUpperStart(name) || isAcronym(t.text) {
		return name
	}
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(r)) + name[size:]
}

// descriptionHead finds the head noun of a description starting at
// seg[i]: up to three modifiers, then a role noun or a noun for people.
func descriptionHead(seg []tok, i int) (int, bool) {
	for h := i; h < len(seg) && h <= i+3; h++ {
		t := seg[h]
		if t.kind != tWord || isFunctionWord(t.lower) || english.ReportingVerb(t.lower) != english.NotReporting {
			return 0, false
		}
		if isLowerStart(t.text) && (isRoleNoun(t) || anonHeads[t.lower] || english.IsGroupNoun(t.lower) || peopleNoun(t)) {
			if h+1 < len(seg) && seg[h+1].kind == tWord && isLowerStart(seg[h+1].text) && !anonPrepositions[seg[h+1].lower] {
				continue // a modifier: "a police source"
			}
			return h, true
		}
	}
	return 0, false
}

// describedTail reports whether seg[i:] can close a description: nothing,
// or a short prepositional phrase with no verb ("of the village", "familiar
// with the talks", "close to the family").
func describedTail(seg []tok, i int) bool {
	if i == len(seg) {
		return true
	}
	if !anonPrepositions[seg[i].lower] || len(seg)-i > 8 {
		return false
	}
	for _, t := range seg[i+1:] {
		if t.kind != tWord || english.ReportingVerb(t.lower) != english.NotReporting || auxiliaries[t.lower] || beForms[t.lower] {
			return false
		}
		if isFunctionWord(t.lower) && !determiners[t.lower] && t.lower != "of" && t.lower != "to" && t.lower != "with" && t.lower != "and" && t.lower != "in" && t.lower != "at" && t.lower != "the" {
			return false
		}
	}
	return true
}

// commonNP parses a phrase headed by a lower-case noun: a group ("U.S.
// officials"), an organisation with a modifier ("The U.S. military") or a
// nominal ("the ministry", "the ambassador").
func commonNP(text string, seg []tok) (nounPhrase, bool) {
	j := len(seg) - 1
	t := seg[j]
	group, org, role := english.IsGroupNoun(t.lower), english.IsOrgNoun(t.lower), english.IsRoleNoun(t.lower) || anonHeads[t.lower]
	if j > 0 && seg[j-1].lower == "the" && placeBodies[t.lower] {
		// "the city said": a body named for its place, referring back.
		return nounPhrase{kind: npNominal, first: j, pos: t.start, head: t.lower, name: t.text}, true
	}
	if bodies := pluralBody(t.lower); bodies != "" {
		if np, ok := jointBodies(text, seg, bodies); ok {
			return np, true
		}
	}
	if !group && !org && !role {
		return nounPhrase{}, false
	}
	// Modifiers: capitalised words, possessives and up to two lower-case
	// words ("Western intelligence officials", "Russia’s foreign ministry").
	k, lower := j-1, 0
	for ; k >= 0; k-- {
		m := seg[k]
		if m.kind != tWord || determiners[m.lower] || english.IsQuantifier(m.lower) || isFunctionWord(m.lower) || clauseStarters[m.lower] {
			break
		}
		if use := english.ReportingVerb(m.lower); use != english.NotReporting && (use == english.ReportsAlways || strings.HasSuffix(m.lower, "ed")) {
			break // "state" and "report" may be modifiers; "said" is not
		}
		if isLowerStart(m.text) {
			if lower++; lower > 2 || isLyAdverb(m) {
				break
			}
		} else if cutsRun(m.lower) && !m.first {
			break
		}
	}
	first := k + 1
	np := nounPhrase{first: first, pos: seg[first].start, head: t.lower}
	np.name = phraseText(text, seg, first, j)
	np.definite = first > 0 && seg[first-1].lower == "the"
	switch {
	case group:
		np.kind, np.plural = npGroup, strings.HasSuffix(t.lower, "s") || t.lower == "police" || t.lower == "staff" || t.lower == "media"
	case org && first < j:
		np.kind = npGroup // a modified organisation noun names a body: "U.S. military"
	case role && first < j && (t.lower == "official" || t.lower == "source"):
		np.kind = npGroup // an unnamed official: "a senior U.S. official"
	default:
		np.kind = npNominal
	}
	return np, true
}

// placeBodies are places that speak through their government: "the city
// said" is its council.
var placeBodies = map[string]bool{
	"city": true, "town": true, "county": true, "village": true, "borough": true,
	"province": true, "state": true, "municipality": true, "district": true,
}

// pluralBody returns the singular of w if w is a plural noun for
// organisations ("ministries" gives "ministry"), else "".
func pluralBody(w string) string {
	var one string
	switch {
	case strings.HasSuffix(w, "ies"):
		one = strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "s"):
		one = strings.TrimSuffix(w, "s")
	default:
		return ""
	}
	if english.IsOrgNoun(one) || english.IsGenericOrgNoun(one) {
		return one
	}
	return ""
}

// jointBodies parses bodies named together by their modifiers before a
// plural noun, "the agriculture and trade ministries", as one joint
// speaker whose members are "agriculture ministry" and "trade ministry".
func jointBodies(text string, seg []tok, one string) (nounPhrase, bool) {
	j := len(seg) - 1
	var members []string
	k := j - 1
	for k >= 0 && len(members) < 6 {
		m := seg[k]
		if m.kind != tWord || isFunctionWord(m.lower) || english.ReportingVerb(m.lower) != english.NotReporting {
			break
		}
		members = append([]string{m.text + " " + one}, members...)
		if k >= 2 && (seg[k-1].lower == "and" || seg[k-1].kind == tComma) && seg[k-2].kind == tWord && !isFunctionWord(seg[k-2].lower) {
			k -= 2
			continue
		}
		k--
		break
	}
	if len(members) < 2 {
		return nounPhrase{}, false
	}
	first := k + 1
	np := nounPhrase{kind: npGroup, head: seg[j].lower, first: first, pos: seg[first].start, plural: true, members: members}
	np.name = phraseText(text, seg, first, j)
	return np, true
}

// properNP parses a phrase ending in a capitalised word: a person's name
// with any title before it, an organisation, or a single name.
func properNP(text string, seg []tok) (nounPhrase, bool) {
	j := len(seg) - 1
	// The run of capitalised words, name particles and initials.
	k := j
	for k >= 0 && j-k < maxName {
		t := seg[k]
		if t.kind != tWord {
			break
		}
		if k < j && t.poss && !(isUpperStart(t.text) && strings.HasSuffix(t.text, "s") && english.IsOrgWord(seg[k+1].lower)) {
			break // "Ukraine’s President X": the possessive is part of the title; "Users’ Group" is a name
		}
		if isUpperStart(t.text) || particleSurname(t.text) && (k == j || k > 0 && isCapWord(seg[k-1])) || (isParticle(t.text) && k < j && k > 0 && isCapWord(seg[k-1])) || isDigitWord(t.text) && (k < j || hasLetter(t.text)) {
			k--
			continue
		}
		// Connectors inside organisation names: "Center for Strategic and
		// International Studies", "Bank of England".
		if (t.lower == "of" || t.lower == "for" || t.lower == "and" || t.lower == "de") && k > 0 && isCapWord(seg[k-1]) && (joinsOrg(seg, k) || inComplement(seg, k) && personLast(seg, j)) {
			k--
			continue
		}
		// Titles with a complement: "Secretary of State", "Chief of Staff".
		if k < j && titleOf(seg, k) {
			k--
			continue
		}
		// "Attorney for the District of Norvale", "Minister for the
		// Environment": the complement with its article.
		if t.lower == "the" && k > 1 && j-k >= 3 && titledComplement(seg, k-1) && personLast(seg, j) {
			k -= 2
			continue
		}
		break
	}
	runStart := k + 1
	for runStart < j && !isUpperStart(seg[runStart].text) {
		runStart++ // a run starts with a capital, not a connector
	}
	// Cut at words that cannot be in a name: weekdays, months, sentence
	// openers ("On Friday Jane Doe", "The United States").
	the := k >= 0 && seg[k].lower == "the"
	for i := j; i >= runStart; i-- {
		if cutsRun(seg[i].lower) && isUpperStart(seg[i].text) {
			the = the || seg[i].lower == "the"
			runStart = i + 1
			break
		}
	}
	if runStart > j {
		return nounPhrase{}, false
	}
	if seg[j].poss && j < len(seg)-1 {
		return nounPhrase{}, false
	}
	// A title inside the run ends it: "Russian President Jane Doe", "Gen.
	// Jane Doe", "Secretary of State Jane Doe" (a title's complement of
	// organisation words belongs to it).
	title := -1
	for i := j - 1; i >= runStart; i-- {
		lw := seg[i].lower
		if _, ok := english.Honorific(lw); ok || english.IsTitle(lw) {
			title = i
			break
		}
		if i == runStart && seg[i].first && english.IsRoleNoun(lw) && j-i >= 2 {
			title = i // "Engineer Jane Doe said": a role capitalised as the sentence's first word
			break
		}
	}
	switch {
	case title >= 0 && complementAfter(seg, title, j):
		// "Attorney for the District of Norvale Maria Tolland": the
		// complement names a place or body, so the name is the last two
		// words, or three with an initial between them.
		if at := j - 1; at > title+3 && isUpperStart(seg[at].text) {
			if at-1 > title+3 && isInitial(seg[at].text) {
				at--
			}
			title = at - 1
		}
	case title >= 0 && title+1 < j && seg[title+1].lower == "of":
		at := title
		for i := j - 1; i >= title+2; i-- {
			if english.IsOrgWord(seg[i].lower) || english.IsTitle(seg[i].lower) {
				title = i
				break
			}
		}
		if title == at && j-1 > title+2 && personLast(seg, j) {
			// "Chief Financial Officer of Tarn Value Mia Lund": a body
			// the lists do not know, then the name's last two words
			title = j - 2
			if title-1 > at+2 && isInitial(seg[j-1].text) {
				title-- // "Mia K. Lund"
			}
		}
	}
	nameStart := runStart
	if title >= 0 {
		nameStart = title + 1
	}
	np := nounPhrase{first: runStart, pos: seg[runStart].start}
	np.name = phraseText(text, seg, nameStart, j)
	nameToks := seg[nameStart : j+1]
	if title >= 0 {
		lw := seg[title].lower
		g, honorific := english.Honorific(lw)
		if honorific && title == runStart {
			np.honorific, np.gender = seg[title].text, g
		} else if honorific && !english.IsTitle(lw) {
			// "Council Leader Cllr Jane Doe": the role, then an honorific
			np.honorific, np.gender = seg[title].text, g
			np.role = phraseText(text, seg, runStart, title-1)
		} else {
			np.role = phraseText(text, seg, runStart, title)
			np.gender = english.TitleGender(lw)
			if _, ok := english.Honorific(lw); ok {
				np.honorific = seg[title].text
			}
		}
	}
	// A role before the run: "State Department spokesperson
	// Jane Doe", "former ambassador Jane Doe".
	if pre := rolePrefix(seg, runStart, title >= 0); pre < runStart {
		end := runStart - 1
		if title >= 0 && np.honorific == "" {
			end = title // not "Cllr" of "council leader Cllr Jane Doe": an honorific, no role
		}
		np.role = phraseText(text, seg, pre, end)
		np.first, np.pos = pre, seg[pre].start
		if np.gender == 0 {
			np.gender = english.TitleGender(seg[runStart-1].lower)
		}
	}
	bodyBefore := runStart > 0 && seg[runStart-1].kind == tWord && isLowerStart(seg[runStart-1].text) &&
		(english.IsGenericOrgNoun(seg[runStart-1].lower) || english.IsOrgNoun(seg[runStart-1].lower))
	switch {
	case the || hasOrgWord(nameToks) || bodyBefore && len(nameToks) == 1 && title < 0:
		np.kind = npOrg // "the X Institute", "data firm 1010data"
		np.name = phraseText(text, seg, runStart, j)
		np.role, np.honorific = "", ""
		if bodyBefore && !the {
			// The description before it is its role: "data analysis firm".
			k := runStart - 1
			for k > 0 && runStart-k < 4 && seg[k-1].kind == tWord && isLowerStart(seg[k-1].text) && !isFunctionWord(seg[k-1].lower) && english.ReportingVerb(seg[k-1].lower) == english.NotReporting {
				k--
			}
			np.first, np.pos, np.role = k, seg[k].start, phraseText(text, seg, k, runStart-1)
		}
		if p := runStart - 1; p >= 0 && seg[p].poss && isCapWord(seg[p]) && !the {
			// "Russia’s Foreign Ministry"
			np.name, np.first, np.pos = phraseText(text, seg, p, j), p, seg[p].start
		}
	case len(nameToks) == 1 && isAcronym(nameToks[0].text):
		np.kind = npOrg
	case len(nameToks) == 1:
		np.kind = npSingle
	case allAcronyms(nameToks):
		np.kind = npOrg
	case isPersonName(nameToks):
		np.kind = npPerson
	default:
		np.kind = npOrg
		np.name = phraseText(text, seg, runStart, j)
	}
	return np, true
}

// maxName bounds a name, a title or a role prefix, in tokens.
const maxName = 12

// titledComplement reports whether seg[k] is the "for", "of" or "in" of a
// capitalised title's complement with an article: "Attorney for the ...",
// "Minister in the ...", "Minister of State in the ...".
func titledComplement(seg []tok, k int) bool {
	if k < 1 || seg[k].lower != "for" && seg[k].lower != "of" && seg[k].lower != "in" || !isCapWord(seg[k-1]) {
		return false
	}
	return english.IsTitle(seg[k-1].lower) || k > 2 && titleOf(seg, k-2) // "Minister of State"
}

// complementAfter reports whether the title at seg[title] has a complement
// with an article before the name that ends at seg[j]: "Attorney for the
// District of Norvale Maria Tolland", "Minister of State in the Ministry
// of Trade Ola Dahl".
func complementAfter(seg []tok, title, j int) bool {
	for i := title + 2; i < j-1; i++ {
		if seg[i].lower == "the" && titledComplement(seg, i-1) {
			return true
		}
	}
	return false
}

// titleOf reports whether seg[k] is the "of" of a capitalised title's
// complement: "Secretary of State", "Chief of Staff".
func titleOf(seg []tok, k int) bool {
	return k > 0 && seg[k].lower == "of" && isCapWord(seg[k-1]) && english.IsTitle(seg[k-1].lower)
}

// personLast reports whether the run ending at seg[j] may end with a
// person's first name and surname: two capitalised words, neither of them
// an organisation word ("... of Norvale Maria Tolland", not "... of the
// City Council").
func personLast(seg []tok, j int) bool {
	for _, t := range seg[j-1 : j+1] {
		if t.kind != tWord || !isUpperStart(t.text) && !particleSurname(t.text) || english.IsOrgWord(t.lower) || english.IsTitle(t.lower) {
			return false
		}
	}
	return true
}

// complementLink reports whether ts[k-1] links the words of a titled
// complement before a person's name ending at ts[j]: the "for", "the" and
// "of" of "Attorney for the District of Norvale Maria Tolland".
func complementLink(ts []tok, k, j int) bool {
	if k < 2 || !personLast(ts, j) {
		return false
	}
	switch ts[k-1].lower {
	case "the":
		return titledComplement(ts, k-2)
	case "for", "of":
		return ts[k].lower == "the" && titledComplement(ts, k-1) || inComplement(ts[:j+1], k-1)
	case "and":
		return inComplement(ts[:j+1], k-1)
	}
	return false
}

// inComplement reports whether the connector at seg[k] stands inside a
// titled complement: "Attorney for the District of Norvale".
func inComplement(seg []tok, k int) bool {
	i := k - 1
	for i > 0 && isCapWord(seg[i]) && k-i < maxName {
		i--
	}
	return i > 1 && i < k-1 && seg[i].lower == "the" && titledComplement(seg, i-1)
}

// joinsOrg reports whether the connector at seg[k] joins two parts of one
// organisation's name: the part before ends in an organisation word
// ("Bank of", "Center for"), or the part after does ("Strategic and
// International Studies").
func joinsOrg(seg []tok, k int) bool {
	if english.IsOrgWord(seg[k-1].lower) {
		return true
	}
	if seg[k].lower != "and" {
		return false
	}
	for i := k + 1; i < len(seg) && i <= k+maxName && isCapWord(seg[i]); i++ {
		if english.IsOrgWord(seg[i].lower) && (i+1 == len(seg) || !isCapWord(seg[i+1])) {
			return true
		}
	}
	return false
}

// rolePrefix returns where a role written before a name starts, or runStart
// when there is none. The word next to the name must be a role noun ("...
// spokesperson Jane Doe") unless the run itself held a title.
func rolePrefix(seg []tok, runStart int, titled bool) int {
	k := runStart - 1
	if k < 0 || seg[k].kind != tWord {
		return runStart
	}
	if !titled && !isRoleNoun(seg[k]) {
		return runStart
	}
	start := runStart
	for ; k >= 0 && runStart-k <= maxName; k-- {
		t := seg[k]
		if t.kind != tWord || determiners[t.lower] || isFunctionWord(t.lower) || clauseStarters[t.lower] || english.IsQuantifier(t.lower) {
			break
		}
		if isUpperStart(t.text) && cutsRun(t.lower) {
			break
		}
		if english.ReportingVerb(t.lower) != english.NotReporting {
			break
		}
		start = k
	}
	return start
}

// isRoleNoun reports whether t is a lower-case noun for a job or position:
// one from the list, or an agent noun ("rancher", "economist", "resident")
// that is not a function word.
func isRoleNoun(t tok) bool {
	if t.kind != tWord || !isLowerStart(t.text) {
		return false
	}
	if english.IsRoleNoun(t.lower) {
		return true
	}
	if isFunctionWord(t.lower) || clauseStarters[t.lower] || english.IsQuantifier(t.lower) || auxiliaries[t.lower] || len(t.lower) < 5 {
		return false
	}
	if english.ReportingVerb(t.lower) != english.NotReporting {
		return false
	}
	if english.IsOrgNoun(t.lower) || english.IsGenericOrgNoun(t.lower) {
		return false // "committee", "manufacturer"
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee"} {
		if strings.HasSuffix(t.lower, suf) {
			return true
		}
	}
	return false
}

// attachPP handles a phrase that follows a preposition: "Jane Doe of the
// Canadian Institute" (a person and their role), "a spokesperson for the
// ministry" (the ministry speaks), "analysts at the Kiel Institute" (a
// group). A phrase that is the object of any other preposition is not a
// subject.
func attachPP(text string, seg []tok, np nounPhrase, depth int) (nounPhrase, bool) {
	k := np.first - 1
	if k >= 0 && determiners[seg[k].lower] {
		k--
	}
	if k < 0 || seg[k].kind != tWord {
		return np, true
	}
	prep := seg[k].lower
	switch prep {
	case "of", "at", "with", "from", "for":
	case "in":
		// A place after a speaker: "Officials in Kyiv said" (part of the
		// group's name), "Jane Doe of X in Halifax told" (dropped).
		if k > 0 && depth == 0 && (np.kind == npSingle || np.kind == npOrg) {
			if head, ok := npAtEndDepth(text, seg[:k], depth+1); ok {
				switch head.kind {
				case npGroup:
					head.name = text[seg[head.first].start:seg[len(seg)-1].end]
					return head, true
				case npPerson, npOrg:
					return head, true
				}
			}
		}
		return nounPhrase{}, false
	case "on", "by", "to", "about", "against", "after", "before", "over", "into", "than", "like", "between", "among", "during", "since", "toward", "towards", "near", "under":
		return nounPhrase{}, false
	default:
		return np, true
	}
	if depth > 1 || k == 0 || np.kind == npPronoun {
		return nounPhrase{}, false
	}
	head, ok := npAtEndDepth(text, seg[:k], depth+1)
	if !ok {
		return nounPhrase{}, false
	}
	end := len(seg) - 1
	switch {
	case head.kind == npPerson || head.kind == npSingle:
		if np.kind != npOrg && np.kind != npSingle && np.kind != npGroup {
			return nounPhrase{}, false
		}
		if head.role != "" {
			head.role += " " + seg[k].text + " " + np.name // "detective sergeant of Westvale police"
		} else {
			head.role = np.name
		}
		return head, true
	case (head.kind == npNominal || head.kind == npAnonymous) && spokesNouns[head.head] && (np.kind == npOrg || np.kind == npSingle || np.kind == npNominal || np.kind == npGroup):
		// "a spokesperson for the ministry": the body speaks.
		if np.kind == npSingle {
			np.kind = npOrg
		}
		np.first, np.pos = head.first, head.pos
		return np, true
	case head.kind == npNominal && english.IsRoleNoun(head.head) && (prep == "of" || prep == "at") && (np.kind == npOrg || np.kind == npSingle):
		// "the chairman of the X Party": a person described, not named.
		head.kind, head.definite = npAnonymous, true
		head.name = text[seg[head.first].start:seg[end].end]
		return head, true
	case head.kind == npGroup && (np.kind == npOrg || np.kind == npSingle):
		head.name = text[seg[head.first].start:seg[end].end]
		return head, true
	}
	return nounPhrase{}, false
}

// hasOrgWord reports whether any token is an organisation word.
func hasOrgWord(ts []tok) bool {
	for _, t := range ts {
		if english.IsOrgWord(t.lower) {
			return true
		}
	}
	return false
}

// allAcronyms reports whether every token is an acronym.
func allAcronyms(ts []tok) bool {
	for _, t := range ts {
		if !isAcronym(t.text) {
			return false
		}
	}
	return true
}

// isPersonName reports whether tokens read as a person's name: two to five
// capitalised words, initials or particles, none a weekday, month or other
// word that cannot be in a name.
func isPersonName(ts []tok) bool {
	words := 0
	for i, t := range ts {
		switch {
		case isInitial(t.text):
		case english.IsNameParticle(t.lower) && i > 0: // "van", "al"; not "Al-Haddad", a surname of its own
		case particleSurname(t.text) && i > 0:
			words++ // "al-Assad"
		case english.IsNameSuffix(t.lower) && i > 0:
		case isUpperStart(t.text) && !cutsRun(t.lower) && !notName(t.lower) && !isAcronym(t.text) && !strings.ContainsAny(t.text, "0123456789/&"):
			words++
		default:
			return false
		}
	}
	return words >= 2 && len(ts) <= 5
}

// particleSurname reports whether w is a surname a lower-case particle
// opens: "al-Assad", "d'Alembert".
func particleSurname(w string) bool {
	k := strings.IndexAny(w, "-‘’'")
	if k <= 0 || !english.IsNameParticle(w[:k]) {
		return false
	}
	_, size := utf8.DecodeRuneInString(w[k:])
	return isUpperStart(w[k+size:])
}

// isDigitWord reports whether w starts with a digit.
func isDigitWord(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// cleanRole tidies a role as the briefing writes it: without a leading
// article. A role that is only a number (an age), a relative clause or
// very long is no role.
func cleanRole(r string) string {
	r = strings.TrimSpace(strings.Trim(r, " ,;:"))
	if party, state, ok := english.PartyTag(r); ok {
		return party + " from " + state // "R-Neb."
	}
	lr := strings.ToLower(r)
	for _, d := range []string{"a ", "an ", "the "} {
		if strings.HasPrefix(lr, d) {
			r, lr = r[len(d):], lr[len(d):]
			break
		}
	}
	if strings.HasPrefix(lr, "who ") {
		return relativeRole(r[len("who "):])
	}
	for _, rel := range []string{"which ", "whose ", "whom ", "where ", "when ", "that "} {
		if strings.HasPrefix(lr, rel) {
			return ""
		}
	}
	if !hasLetter(r) || len(r) > 160 || wordCount(r) > 24 {
		return ""
	}
	return r
}

// partyTag reports whether seg is an American party-state tag: "R-Neb.",
// "D-NY".
func partyTag(seg []tok) bool {
	text := seg[0].text
	if len(seg) == 2 && seg[1].text == "." {
		text += "."
	}
	_, _, ok := english.PartyTag(text)
	return ok
}

// lawmakerRole gives a party-state role its holder's title, written short
// before their name: "Republican from Nebraska" for "Sen." is "Republican
// senator from Nebraska".
func lawmakerRole(role, honorific string) string {
	party, state, ok := strings.Cut(role, " from ")
	title := english.TitleWord(honorific)
	if !ok || title == "" || strings.Contains(party, " ") {
		return role
	}
	adj, ok := partyAdjectives[party]
	if !ok {
		return role
	}
	return adj + " " + title + " from " + state
}

// partyAdjectives are the parties PartyTag names, as they stand before a
// title: a Democratic senator.
var partyAdjectives = map[string]string{"Republican": "Republican", "Democrat": "Democratic", "independent": "independent"}

// roleVerbs, after "who", say what someone does for a living or for whom:
// "who works for the transit agency", "who represents the union". Past
// forms are left out ("who worked for X" may be retired), but for
// founding, which stays true.
var roleVerbs = map[string]bool{
	"works": true, "represents": true, "teaches": true, "leads": true, "heads": true,
	"runs": true, "chairs": true, "directs": true, "manages": true, "oversees": true,
	"owns": true, "founded": true, "co-founded": true, "advises": true, "coaches": true,
	"edits": true, "studies": true, "researches": true,
}

// asVerbs say what someone does as a job: "who follows the company as an
// analyst at X".
var asVerbs = map[string]bool{"works": true, "follows": true, "covers": true, "serves": true, "tracks": true}

// relativeRole returns the role a relative clause after a name gives, the
// clause without its "who": "represents the union", "works for the transit
// agency"; or, when it says what someone does "as" something, that: "who
// follows the company as an analyst at X" is "analyst at X". Other clauses
// ("who lives nearby", "who was hurt", "who hopes to work as a nurse")
// give none, and a clause after the role ends it.
func relativeRole(clause string) string {
	for {
		w, rest, _ := strings.Cut(clause, " ")
		if lw := strings.ToLower(w); lw != "also" && lw != "now" && lw != "currently" && lw != "still" {
			break
		}
		clause = rest
	}
	words := strings.Fields(clause)
	for i, w := range words {
		if i > 0 && relativeEnders[strings.ToLower(w)] {
			clause = strings.Join(words[:i], " ") // "runs the bakery while her husband farms"
			break
		}
	}
	verb, rest, _ := strings.Cut(clause, " ")
	verb = strings.ToLower(verb)
	if verb == "is" {
		// "who is the chair of the library board"
		if role := cleanRole(rest); role != "" && role != rest && english.IsRoleNoun(roleHead(role)) {
			return role
		}
		return ""
	}
	for _, as := range []string{" as a ", " as an ", " as the "} {
		if i := strings.Index(clause, as); i >= 0 && asVerbs[verb] {
			if role := cleanRole(clause[i+len(" as "):]); role != "" && english.IsRoleNoun(roleHead(role)) {
				return role
			}
		}
	}
	if !roleVerbs[verb] || !namesBody(clause[len(verb):]) {
		return "" // "who owns two dogs" is no role
	}
	return cleanRole(clause)
}

// relativeEnders open another clause after the one that gives a role
// ("and" does not: "works for Marks and Spencer").
var relativeEnders = map[string]bool{
	"while": true, "until": true, "before": true, "after": true, "since": true, "when": true,
	"because": true, "although": true, "though": true, "where": true,
}

// namesBody reports whether text, the object of a verb of work, names an
// organisation or a person: a capitalised word right after the verb or
// after "for", "at", "with" or "of" ("represents Noel", "teaches marketing
// at Lakes College"; not "runs marathons in Boston"), or a noun for a body
// or a job ("works for the transit agency", "represents the union").
func namesBody(text string) bool {
	prev := "" // the word before, articles skipped; "" right after the verb
	for w := range strings.FieldsSeq(text) {
		w = strings.Trim(w, ".,;:’'\"“”")
		lw := strings.ToLower(w)
		lw = strings.TrimSuffix(strings.TrimSuffix(lw, "’s"), "'s")
		if isUpperStart(w) && (prev == "" || prev == "for" || prev == "at" || prev == "with" || prev == "of") {
			return true
		}
		if english.IsOrgNoun(lw) || english.IsGenericOrgNoun(lw) || english.IsRoleNoun(lw) || english.IsGroupNoun(lw) {
			return true
		}
		if !determiners[lw] {
			prev = lw
		}
	}
	return false
}

// maxDescWords is the most words a description made of an organisation's
// name and a role may have.
const maxDescWords = 12

// orgThenRole reports whether seg is an organisation's name and then a role
// in lower case, with no article, list or clause: "Harbour County
// Department of Health public information officer".
func orgThenRole(seg []tok) bool {
	n := len(seg)
	if n < 2 || n > maxDescWords || !isUpperStart(seg[0].text) || !isLowerStart(seg[n-1].text) && !isAcronym(seg[n-1].text) || !english.IsRoleNoun(seg[n-1].lower) {
		return false
	}
	for k, t := range seg {
		if t.lower == "and" && k > 0 && k+1 < n && isUpperStart(seg[k-1].text) && isUpperStart(seg[k+1].text) {
			continue // "Tarn Sand and Gravel CEO": the name's own "and"
		}
		if t.kind != tWord || determiners[t.lower] || t.lower == "and" || t.lower == "or" || clauseStarters[t.lower] || t.lower == "who" || t.lower == "which" || t.lower == "that" {
			return false
		}
	}
	return true
}

// trailingPlace matches "... Institution in City": group 1 is the role
// without the place, group 2 the place.
var trailingPlace = regexp.MustCompile(`^(.*\p{Lu}[\p{L}.’'-]*) in (\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*){0,2})$`)

// dropPlace drops a trailing " in City" after an institution from a role
// when the briefing names that place elsewhere too: the place is context
// the reader already has, not part of the role. A place named only in the
// role stays, so nothing is lost.
func dropPlace(role string, mentions func(place string) int) string {
	if !strings.Contains(role, " in ") {
		return role
	}
	m := trailingPlace.FindStringSubmatch(role)
	if m == nil || mentions(m[2]) < 2 {
		return role
	}
	return m[1]
}

// isDesc reports whether a comma-separated segment reads as a description
// of a name next to it: "a senior fellow with ...", "director of ...",
// "Russia’s foreign minister", "72", "who ...".
func isDesc(seg []tok) bool {
	if len(seg) == 0 || seg[0].kind != tWord {
		return false
	}
	if len(seg) <= 2 && partyTag(seg) {
		return true
	}
	t := seg[0]
	switch {
	case determiners[t.lower], t.poss, t.lower == "who", t.lower == "whose", t.lower == "which":
		return true
	case possessivePronouns[t.lower] && len(seg) > 1 && isLowerStart(seg[1].text):
		return true // "her mother", "their lawyer"
	case isDigitWord(t.text):
		return true
	case english.IsRoleNoun(t.lower) || english.IsTitle(t.lower):
		return true
	case isLowerStart(t.text):
		return !isFunctionWord(t.lower) && !clauseStarters[t.lower] && !participlePhrase(seg) && !pastVerbPhrase(seg)
	}
	if orgThenRole(seg) {
		return true
	}
	for k := 2; k+1 < len(seg); k++ {
		if seg[k].kind == tWord && seg[k].lower == "and" {
			if orgThenRole(seg[:k]) && isDesc(seg[k+1:]) {
				return true // "Vector Labs CEO and a founder of Corvid": two descriptions
			}
		}
	}
	// "Harbour Lines’ chief executive": a name's possessive, then the role.
	for i, x := range seg {
		if x.kind != tWord || i > 5 {
			break
		}
		if x.poss && i+1 < len(seg) && isLowerStart(seg[i+1].text) {
			return true
		}
		if !isUpperStart(x.text) {
			break
		}
	}
	return false
}

// pastVerbPhrase reports whether a segment opens with a verb in the past
// tense and its object or particle, a predicate rather than a description:
// "took over the boat", "joined the firm in 2019".
func pastVerbPhrase(seg []tok) bool {
	if len(seg) < 2 || seg[1].kind != tWord || !(isFunctionWord(seg[1].lower) || determiners[seg[1].lower]) {
		return false
	}
	w := seg[0].lower
	return english.IsIrregularPast(w) || strings.HasSuffix(w, "ed") && !english.IsRoleNoun(w)
}

// possessivePronouns open a description: "her mother, Jane,".
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true}

// personOnlyRoles are jobs only a person holds; "contractor" or
// "supplier" may be a firm.
var personOnlyRoles = map[string]bool{
	"official": true, "officials": true, "member": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "aide": true, "adviser": true, "advisor": true, "staffer": true,
	"employee": true, "officer": true, "chairman": true, "chairwoman": true, "president": true,
	"director": true, "secretary": true, "minister": true, "lawyer": true, "engineer": true,
	"analyst": true, "economist": true, "professor": true, "researcher": true, "scientist": true,
	"manager": true, "executive": true, "worker": true, "nurse": true, "doctor": true,
	"teacher": true, "inspector": true, "investigator": true, "prosecutor": true, "judge": true,
	"captain": true, "commander": true, "coach": true, "negotiator": true, "trustee": true,
	"forecaster": true, "meteorologist": true, "supervisor": true, "commissioner": true,
	"councillor": true, "councilor": true, "reporter": true, "correspondent": true, "editor": true,
	"detective": true, "lecturer": true, "physician": true, "surgeon": true, "paramedic": true,
	"firefighter": true, "superintendent": true,
}

// personJobAfter reports whether the first lower-case word of seg, after
// the rest of a capitalised name, is a job only a person holds.
func personJobAfter(seg []tok) bool {
	for _, t := range seg {
		if t.kind != tWord {
			return false
		}
		if isLowerStart(t.text) {
			return personOnlyRoles[t.lower]
		}
	}
	return false
}

// jobAfter reports whether the lower-case words that open seg, up to the
// first function word, hold a job: "spokeswoman", "intelligence manager
// for". (After a capitalised body's name only a job a firm cannot hold
// counts: see personJobAfter.)
func jobAfter(seg []tok) bool {
	for i, t := range seg {
		if t.kind != tWord || isFunctionWord(t.lower) || clauseStarters[t.lower] || !isLowerStart(t.text) {
			return false
		}
		if isRoleNoun(t) {
			return i+1 == len(seg) || !isCapWord(seg[i+1]) // not "the company founder Ola Dahl sold"
		}
	}
	return false
}

// descHead returns the head noun of a description ("the regional operator
// that carries ..." gives "operator"): the first word, after determiners,
// possessives and adjectives, that names a role, a group or a body; a body
// before a job is passed over ("the company spokeswoman" gives
// "spokeswoman").
func descHead(seg []tok) string {
	if orgThenRole(seg) {
		return seg[len(seg)-1].lower
	}
	for i, t := range seg {
		if t.kind != tWord || i > 8 {
			break
		}
		if t.poss {
			continue // "the union’s lead negotiator": the union is not the head
		}
		if isUpperStart(t.text) && !isAcronym(t.text) && english.IsOrgNoun(t.lower) && personJobAfter(seg[i+1:]) {
			continue // "a former Harbour Safety Board official", "a District Council member": the name of a body, then a person's job
		}
		if isLowerStart(t.text) && (english.IsOrgNoun(t.lower) || english.IsGenericOrgNoun(t.lower)) && jobAfter(seg[i+1:]) {
			continue // "the company spokeswoman", "business intelligence manager": the body only says whose the job is
		}
		if english.IsRoleNoun(t.lower) || english.IsOrgNoun(t.lower) || english.IsGenericOrgNoun(t.lower) || english.IsGroupNoun(t.lower) {
			return t.lower
		}
		if i > 0 && (isFunctionWord(t.lower) || clauseStarters[t.lower]) {
			break
		}
	}
	return ""
}

// nameCovers reports whether np spans seg from its start, give or take a
// leading determiner or conjunction: the whole segment is the name.
func nameCovers(seg []tok, np nounPhrase) bool {
	i := 0
	for i < len(seg) && seg[i].kind == tWord && (determiners[seg[i].lower] || clauseStarters[seg[i].lower]) && i < np.first {
		i++
	}
	return np.first <= i
}

// spokesNouns are nouns for someone who speaks for a body: "a spokesperson
// for the ministry" is the ministry speaking.
var spokesNouns = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "representative": true,
}
