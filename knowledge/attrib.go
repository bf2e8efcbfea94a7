package knowledge

import "github.com/briefbot/briefbot/knowledge/english"

// An attr is one attribution found in a sentence: a reporting verb (or
// "according to") and the phrase naming who speaks.
type attr struct {
	np        nounPhrase
	verb      int  // offset of the reporting verb (or "according") in the passage text
	verbEnd   int  // offset just past it
	after     bool // the speaker follows the verb: "…,” said Jane Doe"
	according bool // "according to X"
	quoteOnly bool // a verb such as "called" that attributes only a quote
}

// analyseSentence finds the attributions in one tokenized sentence: the
// first reporting verb with a subject it can name (before the verb, or
// after it in the inverted "…,” said X"), and every "according to X".
func analyseSentence(text string, ts []tok) []attr {
	var out []attr
	found := false
	for v, t := range ts {
		if t.kind != tWord {
			continue
		}
		if t.lower == "according" && v+1 < len(ts) && ts[v+1].lower == "to" {
			if np, ok := phraseAfter(text, ts, v+2); ok {
				out = append(out, attr{np: np, verb: t.start, verbEnd: ts[v+1].end, according: true})
			}
			continue
		}
		if found {
			continue
		}
		use := english.ReportingVerb(t.lower)
		ok := use != english.NotReporting
		if !ok || (!isLowerStart(t.text) && !t.first) || !verbApplies(ts, v, use) {
			continue
		}
		np, ok := subjectBefore(text, ts, v)
		after := false
		if !ok {
			np, ok = subjectAfter(text, ts, v)
			after = ok
		}
		if !ok {
			continue
		}
		out = append(out, attr{np: np, verb: t.start, verbEnd: t.end, after: after, quoteOnly: use == english.ReportsQuote})
		found = use != english.ReportsQuote
	}
	return out
}

// toVerbs are reporting verbs that do not report speech when "to" follows:
// "added to the tension", "agreed to talks".
var toVerbs = map[string]bool{
	"add": true, "adds": true, "added": true, "agree": true, "agrees": true, "agreed": true,
	"note": true, "notes": true, "noted": true, "call": true, "calls": true, "called": true,
	"ask": true, "asks": true, "asked": true, "urge": true, "urges": true, "urged": true,
	"respond": true, "responds": true, "responded": true, "testify": true, "testified": true,
	"admit": true, "admits": true, "admitted": true, "report": true, "reports": true, "reported": true,
}

// verbApplies reports whether the reporting verb at ts[v] reports speech
// here: not negated, not an infinitive or a passive, and for verbs that
// need it, followed by "that", a colon or a quotation.
func verbApplies(ts []tok, v int, use english.Reporting) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if ts[k].kind != tWord {
			break
		}
		if negations[ts[k].lower] {
			return false
		}
	}
	k := v - 1
	for k >= 0 && ts[k].kind == tWord && (auxiliaries[ts[k].lower] || isLyAdverb(ts[k])) {
		k--
	}
	if k >= 0 && ts[k].kind == tWord && (ts[k].lower == "to" || beForms[ts[k].lower]) {
		return false
	}
	if v+1 < len(ts) && ts[v+1].lower == "to" && toVerbs[ts[v].lower] {
		return false
	}
	switch use {
	case english.ReportsClause:
		if v+1 >= len(ts) || ts[v+1].kind == tPunct || opensAdjunct(ts[v+1].lower) {
			return clauseBefore(ts, v) // "..., the company announced on Thursday."
		}
		n := ts[v+1]
		return n.lower == "that" || n.kind == tQuote || n.text == ":" ||
			(n.kind == tComma && v+2 < len(ts) && ts[v+2].kind == tQuote)
	case english.ReportsQuote:
		for _, t := range ts[v+1:] {
			if t.kind == tQuote {
				return true
			}
		}
		return false
	}
	return true
}

// adjunctStart are words that open an adverbial after a verb: "announced
// on Thursday", "said late on Tuesday", "confirmed in a statement".
var adjunctStart = map[string]bool{
	"on": true, "in": true, "late": true, "last": true, "this": true, "earlier": true,
	"yesterday": true, "today": true, "at": true, "during": true, "early": true,
	"tonight": true, "overnight": true,
}

// opensAdjunct reports whether w (lower case) opens an adverbial after a
// verb: an adjunctStart word or a weekday ("announced Thursday").
func opensAdjunct(w string) bool {
	_, weekday := english.Weekday(w)
	return adjunctStart[w] || weekday
}

// clauseBefore reports whether the verb at ts[v] closes a sentence whose
// reported clause came first: a comma or quotation stands before its subject.
func clauseBefore(ts []tok, v int) bool {
	for k := v - 1; k >= 0 && v-k <= 12; k-- {
		if ts[k].kind == tComma || ts[k].kind == tQuote {
			return k > 0
		}
		if ts[k].kind == tPunct {
			return false
		}
	}
	return false
}

// adjunctTimes are the nouns of time adverbials that may stand between a
// subject and its verb: "Jane Doe on Friday said", "X last week said".
var adjunctTimes = map[string]bool{
	"week": true, "month": true, "year": true,
	"night": true, "morning": true, "evening": true, "afternoon": true, "weekend": true,
}

// isAdjunctTime reports whether w (lower case) is the noun of a time
// adverbial: an adjunctTimes word or a weekday.
func isAdjunctTime(w string) bool {
	_, weekday := english.Weekday(w)
	return adjunctTimes[w] || weekday
}

// subjectBefore finds the subject of the verb at ts[v] before it: "Jane Doe
// said", "U.S. officials said", "he said", "Jane Doe, a professor at X,
// said", "Jane Doe of the X Institute told".
func subjectBefore(text string, ts []tok, v int) (nounPhrase, bool) {
	e := v - 1
	skip := func() {
		for e >= 0 && ts[e].kind == tWord && (auxiliaries[ts[e].lower] || isLyAdverb(ts[e])) {
			e--
		}
	}
	skip()
	if e >= 0 && ts[e].kind == tPunct && ts[e].text == ")" {
		// "the Ferry Workers Union (FWU) said": skip the aside.
		k := e - 1
		for k >= 0 && !(ts[k].kind == tPunct && ts[k].text == "(") && e-k < 12 {
			k--
		}
		if k >= 0 && ts[k].text == "(" {
			e = k - 1
		}
	}
	if e >= 1 && ts[e].kind == tWord && isAdjunctTime(ts[e].lower) && (ts[e-1].lower == "on" || ts[e-1].lower == "last" || ts[e-1].lower == "this") {
		e -= 2
		skip()
	}
	if e < 0 || ts[e].kind == tQuote || ts[e].kind == tPunct {
		return nounPhrase{}, false
	}
	b := e
	for b >= 0 && ts[b].kind != tQuote && ts[b].kind != tPunct && e-b < maxSubject {
		b--
	}
	segs := splitCommas(ts[b+1 : e+1])
	if ts[e].kind == tWord && ts[e].lower == "who" {
		// "Jane Doe, who ..., said" is rare; "Jane Doe, who said" names her.
		if len(segs) >= 2 {
			if np, ok := nameSeg(text, segs[len(segs)-2]); ok {
				return np, true
			}
		}
		return nounPhrase{}, false
	}
	if ts[e].kind == tComma {
		return appositive(text, segs[:len(segs)-1])
	}
	last := segs[len(segs)-1]
	np, ok := npAtEnd(text, last)
	if !ok {
		return nounPhrase{}, false
	}
	np.role = cleanRole(np.role)
	return np, true
}

// maxSubject bounds how far back from its verb a subject (with its
// appositives) may start, in tokens.
const maxSubject = 60

// splitCommas splits tokens at commas. A trailing comma gives an empty last
// segment.
func splitCommas(ts []tok) [][]tok {
	var segs [][]tok
	start := 0
	for i, t := range ts {
		if t.kind == tComma {
			segs = append(segs, ts[start:i])
			start = i + 1
		}
	}
	return append(segs, ts[start:])
}

// appositive finds the speaker among comma-separated segments before a
// verb: "NAME, ROLE, said", "NAME, ROLE, ROLE2, said", "DESCRIPTION, NAME,
// said". Segments that are adverbials ("however", "in a statement") are
// skipped.
func appositive(text string, segs [][]tok) (nounPhrase, bool) {
	for n := 0; n < 2 && len(segs) > 1; n++ {
		last := segs[len(segs)-1]
		if len(last) > 0 && last[0].kind == tWord && (isFunctionWord(last[0].lower) || clauseStarters[last[0].lower]) && !determiners[last[0].lower] && last[0].lower != "who" {
			segs = segs[:len(segs)-1]
			continue
		}
		break
	}
	n := len(segs)
	if n == 0 {
		return nounPhrase{}, false
	}
	last := segs[n-1]
	if np, ok := nameSeg(text, last); ok && !(np.kind == npGroup && determiners[last[0].lower] && n >= 2 && isProperSeg(text, segs[n-2])) {
		if n >= 2 && isDesc(segs[n-2]) && np.role == "" && np.kind != npGroup {
			np.role = cleanRole(segText(text, segs[n-2]))
		}
		return np, true
	}
	if !isDesc(last) || n < 2 {
		return nounPhrase{}, false
	}
	if np, ok := nameSeg(text, segs[n-2]); ok {
		if np.role == "" && np.kind != npGroup {
			np.role = cleanRole(segText(text, last))
		}
		return np, true
	}
	if n >= 3 && isDesc(segs[n-2]) {
		if np, ok := nameSeg(text, segs[n-3]); ok {
			if np.role == "" && np.kind != npGroup {
				np.role = cleanRole(segText(text, segs[n-2]))
			}
			return np, true
		}
	}
	return nounPhrase{}, false
}

// isProperSeg reports whether a segment is wholly a proper name: a person,
// an organisation or a single capitalised name.
func isProperSeg(text string, seg []tok) bool {
	np, ok := nameSeg(text, seg)
	return ok && (np.kind == npPerson || np.kind == npOrg || np.kind == npSingle)
}

// nameSeg parses a segment that is wholly a name (or a group).
func nameSeg(text string, seg []tok) (nounPhrase, bool) {
	np, ok := npAtEnd(text, seg)
	if !ok || !nameCovers(seg, np) {
		return nounPhrase{}, false
	}
	switch np.kind {
	case npPerson, npSingle, npOrg, npGroup:
		np.role = cleanRole(np.role)
		return np, true
	}
	return nounPhrase{}, false
}

// segText returns the passage text a segment spans.
func segText(text string, seg []tok) string {
	if len(seg) == 0 {
		return ""
	}
	return text[seg[0].start:seg[len(seg)-1].end]
}

// stopAfter are words that end a speaker named after its verb: "said Jane
// Doe on Friday", "said Jane Doe, who ...".
var stopAfter = map[string]bool{
	"who": true, "which": true, "in": true, "on": true, "after": true, "because": true,
	"that": true, "when": true, "while": true, "as": true, "adding": true, "saying": true,
	"referring": true, "during": true, "before": true, "than": true,
	"last": true, "this": true, "earlier": true, "later": true, "told": true, "said": true,
	"says": true, "noting": true, "explaining": true, "and": true, "but": true,
	"to": true, "about": true, "since": true, "if": true, "were": true, "was": true,
	"is": true, "are": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "may": true, "might": true, "could": true, "can": true,
}

// subjectAfter finds a speaker named after the verb at ts[v], as in "…,”
// said Jane Doe, a professor at X." It applies only where the verb follows a
// quotation, a comma or starts the sentence.
func subjectAfter(text string, ts []tok, v int) (nounPhrase, bool) {
	if v > 0 && ts[v-1].kind != tQuote && ts[v-1].kind != tComma && !(ts[v-1].kind == tPunct && ts[v-1].text == "—") {
		return nounPhrase{}, false
	}
	return phraseAfter(text, ts, v+1)
}

// phraseAfter parses a speaker that starts at ts[i], with a role in an
// appositive after it: "Jane Doe, a professor at X", "Russian officials",
// "a statement from the ministry".
func phraseAfter(text string, ts []tok, i int) (nounPhrase, bool) {
	j := i
	for j < len(ts) && ts[j].kind == tWord && !stopAfter[ts[j].lower] && j-i < 12 {
		j++
	}
	if j == i {
		return nounPhrase{}, false
	}
	slice := ts[i:j]
	// "a statement from the ministry" cites the ministry.
	for k := 0; k+1 < len(slice); k++ {
		if docNouns[slice[k].lower] && (slice[k+1].lower == "from" || slice[k+1].lower == "by" || slice[k+1].lower == "of") {
			slice = slice[k+2:]
			break
		}
	}
	np, ok := npAtEnd(text, slice)
	if !ok || !nameCovers(slice, np) || np.kind == npPronoun && np.first > 0 {
		return nounPhrase{}, false
	}
	np.role = cleanRole(np.role)
	if j < len(ts) && ts[j].kind == tComma && np.role == "" && (np.kind == npPerson || np.kind == npSingle) {
		k := j + 1
		for k < len(ts) && ts[k].kind == tWord {
			k++
		}
		if seg := ts[j+1 : k]; isDesc(seg) {
			np.role = cleanRole(segText(text, seg))
		}
	}
	return np, true
}
