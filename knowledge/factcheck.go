package knowledge

import (
	"regexp"
	"strings"
)

// Fact checks set out a claim in a box of labelled lines:
//
//	Claim: “The new bridge is falling apart.”
//	Claimed by: Councillor Jane Doe
//	Verdict: False
//
// The lines are body text, never section headings. The claim's quotation
// is said by whoever the box names as making it, when that is a name.

// boxLabel matches a fact-check label line: group 1 is the label, group 2
// its value.
var boxLabel = regexp.MustCompile(`^(?i:(claim|the claim|claimed by|made by|who said it|said by|source|claim source|verdict|rating|our ruling|ruling|the facts|fact check|conclusion|our verdict|what was claimed))\s*:\s*(\S.*)$`)

// isBoxLine reports whether s is a labelled fact-check line.
func isBoxLine(s string) bool {
	return boxLabel.MatchString(s)
}

// boxLabelOf returns a fact-check line's label, lower case, and its value.
func boxLabelOf(s string) (label, value string, ok bool) {
	m := boxLabel.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return strings.ToLower(m[1]), m[2], true
}

// claimantLabels name who made a claim.
var claimantLabels = map[string]bool{
	"claimed by": true, "made by": true, "who said it": true, "said by": true, "source": true,
	"claim source": true,
}

// findClaimants finds the claim boxes among the passages and returns, for
// each passage holding a claim, the phrase naming its claimant: the value
// of a "Claimed by:" line in the same passage or one of the two after it,
// when the value is a person's or a body's name.
func (d *doc) findClaimants() map[int]nounPhrase {
	out := map[int]nounPhrase{}
	for pi := range d.b.Passages {
		label, _, ok := boxLabelOf(d.b.Passages[pi].Text)
		if !ok || (label != "claim" && label != "the claim" && label != "what was claimed") {
			continue
		}
		for k := pi; k < len(d.b.Passages) && k <= pi+2; k++ {
			for _, s := range d.sents[k] {
				np, ok := d.claimantIn(k, s.toks)
				if ok {
					out[pi] = np
				}
			}
		}
	}
	return out
}

// claimantIn parses the value of a "Claimed by:" line of passage k.
func (d *doc) claimantIn(k int, ts []tok) (nounPhrase, bool) {
	for i, t := range ts {
		if t.kind != tPunct || t.text != ":" {
			continue
		}
		label, _, _ := boxLabelOf(d.b.Passages[k].Text)
		if !claimantLabels[label] || i+1 >= len(ts) {
			return nounPhrase{}, false
		}
		seg := ts[i+1:]
		for len(seg) > 0 && seg[len(seg)-1].kind != tWord {
			seg = seg[:len(seg)-1]
		}
		np, ok := nameSeg(d.b.Passages[k].Text, seg)
		if !ok || np.kind != npPerson && np.kind != npOrg {
			return nounPhrase{}, false
		}
		return np, true
	}
	return nounPhrase{}, false
}

// isTitleLine reports whether a passage is one short line standing wholly
// inside quotation marks, with no sentence punctuation of its own: a quoted
// subheading or title ("“A bridge too far”"), not speech.
func isTitleLine(text string, spans []quoteSpan) bool {
	if len(spans) != 1 || strings.Contains(text, "\n") {
		return false
	}
	q := spans[0]
	if q.open != 0 || q.close != len(text) || !q.closed {
		return false
	}
	s := strings.TrimSpace(text[q.in:q.out])
	return wordCount(s) <= 10 && !strings.ContainsAny(lastRuneString(s), ".!?,;:…")
}

// lastRuneString returns the last rune of s as a string.
func lastRuneString(s string) string {
	r := lastRune(s)
	if r == 0 {
		return ""
	}
	return string(r)
}
