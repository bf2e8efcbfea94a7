package knowledge

import (
	"github.com/briefbot/briefbot/knowledge/english"
	"regexp"
	"strings"
)

// npKind says what a noun phrase in speaker position refers to.
type npKind uint8

const (
	npNone    npKind = iota
	npPerson         // a full name: "Jane Doe"
	npSingle         // one capitalised word: a surname ("Doe") or a body ("Geneva")
	npOrg            // an organisation or place: "The United States", "Brookings Institution"
	npGroup          // a group: "U.S. officials", "experts", "The U.S. military"
	npPronoun        // he, she, they, it
	npNominal        // "the ministry", "the ambassador": refers to someone named before
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
	first     int // index of the phrase's first token in the slice parsed
	pos       int // offset of the phrase in the passage text
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
	var np nounPhrase
	var ok bool
	if isLowerStart(t.text) || (t.first && (english.IsGroupNoun(t.lower) || english.IsOrgNoun(t.lower) || english.IsRoleNoun(t.lower))) {
		np, ok = commonNP(text, seg) // "Analysts at X said": capitalised only as the first word
	} else {
		np, ok = properNP(text, seg)
	}
	if !ok {
		return nounPhrase{}, false
	}
	return attachPP(text, seg, np, depth)
}

// commonNP parses a phrase headed by a lower-case noun: a group ("U.S.
// officials"), an organisation with a modifier ("The U.S. military") or a
// nominal ("the ministry", "the ambassador").
func commonNP(text string, seg []tok) (nounPhrase, bool) {
	j := len(seg) - 1
	t := seg[j]
	group, org, role := english.IsGroupNoun(t.lower), english.IsOrgNoun(t.lower), english.IsRoleNoun(t.lower)
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
		if k < j && t.poss {
			break // "Ukraine’s President X": the possessive is part of the title
		}
		if isUpperStart(t.text) || (isParticle(t.text) && k < j && k > 0 && isCapWord(seg[k-1])) || isDigitWord(t.text) && k < j {
			k--
			continue
		}
		// Connectors inside organisation names: "Center for Strategic and
		// International Studies", "Bank of England".
		if (t.lower == "of" || t.lower == "for" || t.lower == "and" || t.lower == "de") && k > 0 && isCapWord(seg[k-1]) && joinsOrg(seg, k) {
			k--
			continue
		}
		// Titles with a complement: "Secretary of State", "Chief of Staff".
		if t.lower == "of" && k > 0 && k < j && isCapWord(seg[k-1]) && english.IsTitle(seg[k-1].lower) {
			k--
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
	}
	if title >= 0 && title+1 < j && seg[title+1].lower == "of" {
		for i := j - 1; i >= title+2; i-- {
			if english.IsOrgWord(seg[i].lower) || english.IsTitle(seg[i].lower) {
				title = i
				break
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
		if g, ok := english.Honorific(lw); ok && title == runStart {
			np.honorific, np.gender = seg[title].text, g
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
		if title >= 0 {
			end = title
		}
		np.role = phraseText(text, seg, pre, end)
		np.first, np.pos = pre, seg[pre].start
		if np.gender == 0 {
			np.gender = english.TitleGender(seg[runStart-1].lower)
		}
	}
	switch {
	case the || hasOrgWord(nameToks):
		np.kind = npOrg
		np.name = phraseText(text, seg, runStart, j)
		np.role, np.honorific = "", ""
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
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent"} {
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
		head.role = np.name
		return head, true
	case head.kind == npNominal && spokesNouns[head.head] && (np.kind == npOrg || np.kind == npSingle || np.kind == npNominal || np.kind == npGroup):
		// "a spokesperson for the ministry": the body speaks.
		if np.kind == npSingle {
			np.kind = npOrg
		}
		np.first, np.pos = head.first, head.pos
		return np, true
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
		case isParticle(t.text) && i > 0:
		case english.IsNameSuffix(t.lower) && i > 0:
		case isUpperStart(t.text) && !cutsRun(t.lower) && !notName(t.lower) && !isAcronym(t.text) && !strings.ContainsAny(t.text, "0123456789/&"):
			words++
		default:
			return false
		}
	}
	return words >= 2 && len(ts) <= 5
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
	lr := strings.ToLower(r)
	for _, d := range []string{"a ", "an ", "the "} {
		if strings.HasPrefix(lr, d) {
			r, lr = r[len(d):], lr[len(d):]
			break
		}
	}
	for _, rel := range []string{"who ", "which ", "whose ", "whom ", "where ", "when ", "that "} {
		if strings.HasPrefix(lr, rel) {
			return ""
		}
	}
	if !hasLetter(r) || len(r) > 160 || wordCount(r) > 24 {
		return ""
	}
	return r
}

// trailingPlace matches "... Institution in City": group 1 is the role
// without the place, group 2 the place.
var trailingPlace = regexp.MustCompile(`^(.*\p{Lu}[\p{L}.’'-]*) in (\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*){0,2})$`)

// dropPlace drops a trailing " in City" after an institution from a role
// when the briefing names that place elsewhere too: the place is context
// the reader already has, not part of the role. A place named only in the
// role stays, so nothing is lost.
func dropPlace(role string, mentions func(place string) int) string {
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
	t := seg[0]
	switch {
	case determiners[t.lower], t.poss, t.lower == "who", t.lower == "whose", t.lower == "which":
		return true
	case isDigitWord(t.text):
		return true
	case english.IsRoleNoun(t.lower) || english.IsTitle(t.lower):
		return true
	case isLowerStart(t.text):
		return !isFunctionWord(t.lower) && !clauseStarters[t.lower]
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

// descHead returns the head noun of a description ("the regional operator
// that carries ..." gives "operator"): the first word, after determiners,
// possessives and adjectives, that names a role, a group or a body.
func descHead(seg []tok) string {
	for i, t := range seg {
		if t.kind != tWord || i > 8 {
			break
		}
		if t.poss {
			continue // "the union’s lead negotiator": the union is not the head
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
	"official": true, "source": true,
}
