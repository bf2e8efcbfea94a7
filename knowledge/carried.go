package knowledge

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// A paragraph that is nothing but a quotation, with no attribution of its
// own, is the reader's to place: news prose gives it to whoever the
// paragraph before it is about. That paragraph is the nearest one of body
// text, past the captions, labels and photo notes a page puts between two
// paragraphs; it either ends with someone speaking (the quotation goes on)
// or reports someone without quoting them ("He defended the decision.",
// "For Doe, it is personal.", "Doe issued this statement:").

// quoteOnlyPassage reports whether every sentence of passage pi holds
// nothing but quoted words.
func (d *doc) quoteOnlyPassage(pi int) bool {
	if v, ok := d.quoteOnlyP[pi]; ok {
		return v
	}
	v := d.findQuoteOnlyPassage(pi)
	d.quoteOnlyP[pi] = v
	return v
}

// findQuoteOnlyPassage does the work of quoteOnlyPassage.
func (d *doc) findQuoteOnlyPassage(pi int) bool {
	p := &d.b.Passages[pi]
	if len(p.Sentences) == 0 || len(d.spans[pi]) == 0 {
		return false
	}
	for _, s := range p.Sentences {
		if !quoteOnly(p.Text, s, d.spans[pi]) {
			return false
		}
	}
	return true
}

// maxInterstitial bounds how many captions and labels may stand between a
// quote-only paragraph and the paragraph it continues.
const maxInterstitial = 3

// paragraphBefore returns the body paragraph that passage pi follows in
// the reading, past captions, video blocks, one-line labels and headings
// that read as captions; -1 when there is none, or a section heading
// (a short line) stands between.
func (d *doc) paragraphBefore(pi int) int {
	for k := pi - 1; k >= 0 && pi-k <= maxInterstitial+1; k-- {
		if sec := d.b.Passages[k+1].Section; sec != d.b.Passages[k].Section && !captionLikeHeading(sec) {
			return -1
		}
		p := &d.b.Passages[k]
		if p.Kind == Caption || p.Kind == Media || isLabelLine(p.Text) {
			continue
		}
		return k
	}
	return -1
}

// minCaptionWords is the fewest words a line set apart as a heading needs
// to read as a photo's caption rather than a subheading.
const minCaptionWords = 9

// captionLikeHeading reports whether a section heading reads as a photo's
// caption (a long line without end punctuation) rather than a subheading,
// which starts a new part of the story.
func captionLikeHeading(s string) bool {
	return wordCount(s) >= minCaptionWords
}

// isLabelLine reports whether a paragraph is one line without end
// punctuation: a tag, a photo note or a label the page set between
// paragraphs ("whale strandings", "The harbour at dawn").
func isLabelLine(s string) bool {
	if strings.IndexByte(s, '\n') >= 0 || wordCount(s) > 30 {
		return false
	}
	switch lastRune(s) {
	case '.', '!', '?', ':', ';', '”', '"', '’', '\'', '…', ')':
		return false
	}
	return true
}

// paragraphSpeaker returns who a quote-only paragraph at pi continues: the
// speaker of the last sentence of the paragraph before it, or else the
// one that sentence reports. The paragraph before may be set apart by
// captions and labels.
func (d *doc) paragraphSpeaker(pi int) (*speaker, string) {
	if !d.quoteOnlyPassage(pi) {
		return nil, ""
	}
	k := d.paragraphBefore(pi)
	if k < 0 || len(d.sents[k]) == 0 {
		return nil, ""
	}
	last := &d.sents[k][len(d.sents[k])-1]
	if last.speaker != nil {
		return last.speaker, "continuation"
	}
	if last.reported != nil {
		return last.reported, "reported"
	}
	return nil, ""
}

// stanceVerbs report what someone thinks, wants or stands by without
// quoting them: "He defended the decision.", "Doe wants more money spent."
// After such a sentence, a paragraph that is only a quotation is theirs.
var stanceVerbs = map[string]bool{
	"defend": true, "defends": true, "defended": true, "want": true, "wants": true,
	"wanted": true, "hope": true, "hopes": true, "hoped": true, "feel": true, "feels": true,
	"felt": true, "worry": true, "worries": true, "worried": true, "believe": true,
	"believes": true, "believed": true, "fear": true, "fears": true, "feared": true,
	"remain": true, "remains": true, "remained": true, "reject": true, "rejects": true,
	"rejected": true, "dismiss": true, "dismisses": true, "dismissed": true,
	"blame": true, "blames": true, "blamed": true, "welcome": true, "welcomes": true,
	"welcomed": true, "criticise": true, "criticises": true, "criticised": true,
	"criticize": true, "criticizes": true, "criticized": true, "praise": true,
	"praises": true, "praised": true, "question": true, "questions": true, "questioned": true,
	"doubt": true, "doubts": true, "doubted": true, "recall": true, "recalls": true,
	"recalled": true, "remember": true, "remembers": true, "remembered": true,
}

// kinNouns follow "his", "her" or "their" after a name to make a party of
// the person and their own: "Doe and his family".
var kinNouns = map[string]bool{
	"family": true, "families": true, "wife": true, "husband": true, "partner": true,
	"son": true, "sons": true, "daughter": true, "daughters": true, "children": true,
	"parents": true, "brother": true, "brothers": true, "sister": true, "sisters": true,
	"relatives": true, "team": true, "colleagues": true, "supporters": true, "friends": true,
}

// reportedSubject returns who sentence si of passage pi reports without a
// reporting verb of its own that the sieve used: the subject of a stance
// verb ("However, he defended his decision"), the person a sentence takes
// the view of ("For Doe, the loss is personal", "But for Doe and his
// family …"), the subject of a lead-in ending in a colon ("The club
// released this statement:") or of a sentence putting out a statement
// ("Her office issued a statement."). Only people and organisations count.
func (d *doc) reportedSubject(pi, si int) *speaker {
	text := d.b.Passages[pi].Text
	ts := d.sents[pi][si].toks
	if len(ts) == 0 || hasQuote(ts) {
		return nil
	}
	i := 0
	for i < len(ts) && ts[i].kind == tWord && (ts[i].lower == "but" || ts[i].lower == "and" || ts[i].lower == "yet" || ts[i].lower == "so") {
		i++
	}
	if i+1 < len(ts) && ts[i].lower == "for" {
		if sp := d.leadPerson(ts, i+1); sp != nil {
			return sp
		}
	}
	if last := ts[len(ts)-1]; last.kind == tPunct && last.text == ":" {
		if v := mainVerb(ts); v > 0 {
			if sp := d.clauseSpeaker(text, ts, v, pi, true); sp != nil {
				return sp
			}
		}
	}
	if v := issuedStatement(ts); v > 0 {
		if sp := d.clauseSpeaker(text, ts, v, pi, true); sp != nil {
			return sp
		}
	}
	for v, t := range ts {
		if t.kind != tWord || !isLowerStart(t.text) || !stanceVerbs[t.lower] && english.ReportingVerb(t.lower) == english.NotReporting {
			continue
		}
		if sp := d.clauseSpeaker(text, ts, v, pi, false); sp != nil {
			return sp
		}
		break // only the first verb of the kind: the main clause's
	}
	return nil
}

// clauseSpeaker resolves the subject of the clause that ts[v] stands in:
// a person named, a surname, a pronoun or a description, with any party
// of their own ("Doe and his family"); an organisation too when orgs.
func (d *doc) clauseSpeaker(text string, ts []tok, v, pi int, orgs bool) *speaker {
	start := skipAdverbial(ts, 0, v)
	if sp := d.leadPerson(ts[:v], start); sp != nil {
		return sp
	}
	np, ok := subjectBefore(text, ts, v)
	if !ok {
		if np, ok = clauseSubject(text, ts, v); !ok {
			return nil
		}
	}
	switch np.kind {
	case npPerson, npSingle, npPronoun, npNominal, npDescriptor:
	case npOrg:
		if !orgs {
			return nil
		}
	default:
		return nil
	}
	if np.kind == npPerson && d.byName[np.name] == nil {
		return nil // a name seen nowhere else is not taken on trust here
	}
	sp, ok := d.resolve(np, pi)
	if !ok || sp.kind != Person && !(orgs && sp.kind == Organisation) {
		return nil
	}
	return &sp
}

// issuingVerbs put out something said: "released a statement".
var issuingVerbs = map[string]bool{
	"released": true, "issued": true, "posted": true, "published": true, "shared": true,
	"sent": true, "read": true, "releases": true, "issues": true, "posts": true,
	"publishes": true, "shares": true,
}

// issuedStatement returns where the verb stands in a sentence that puts
// out a statement, a letter or a post ("The club released a statement.",
// "Her office issued a short statement on Friday."), or -1.
func issuedStatement(ts []tok) int {
	for v := 1; v+1 < len(ts); v++ {
		if ts[v].kind != tWord || !issuingVerbs[ts[v].lower] || !isLowerStart(ts[v].text) {
			continue
		}
		for k := v + 1; k < len(ts) && k <= v+4; k++ {
			if ts[k].kind != tWord {
				break
			}
			if statementNouns[ts[k].lower] {
				return v
			}
		}
		return -1
	}
	return -1
}

// mainVerb returns where the first word that reads as a finite verb
// stands after a subject ("Nordhavn's chief executive, Jane Doe, released
// …": "released"), or -1: a past form, a stance or reporting verb, after a
// comma, a capitalised word, a pronoun or an auxiliary.
func mainVerb(ts []tok) int {
	for k := 1; k < len(ts); k++ {
		t, prev := ts[k], ts[k-1]
		if t.kind != tWord || !isLowerStart(t.text) || isFunctionWord(t.lower) {
			continue
		}
		if !(prev.kind == tComma || isCapWord(prev) || pronounGender[prev.lower] != english.UnknownGender || prev.lower == "they" || auxiliaries[prev.lower]) {
			continue
		}
		if english.IsIrregularPast(t.lower) || strings.HasSuffix(t.lower, "ed") || stanceVerbs[t.lower] || english.ReportingVerb(t.lower) != english.NotReporting {
			return k
		}
	}
	return -1
}

// leadPerson returns the person named at ts[i] when the name is the whole
// phrase there, or is followed by a party of their own ("Doe and his
// family", "Jane Doe and her sister"): the phrase refers to that person.
func (d *doc) leadPerson(ts []tok, i int) *speaker {
	if i >= len(ts) || !isCapWord(ts[i]) {
		return nil
	}
	p, n := d.personAt(ts, i)
	if p == nil || ts[i+n-1].poss {
		return nil // "Doe's lawyer" is not Doe
	}
	j := i + n
	switch {
	case j == len(ts) || ts[j].kind == tComma:
	case j+2 < len(ts) && ts[j].lower == "and" && possessivePronouns[ts[j+1].lower] && kinNouns[ts[j+2].lower]:
	case ts[j].kind == tWord && isLowerStart(ts[j].text) && !isFunctionWord(ts[j].lower) && !clauseStarters[ts[j].lower]:
		// the name, then its verb: "For Doe the loss is …" reads on
		// below; "Doe wants …" is a subject.
	default:
		return nil
	}
	return &speaker{name: p.name, kind: Person}
}
