package knowledge

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// learnTextGenders records, for each person registered, the gender the
// briefing's own narration gives them: a sentence that names exactly one
// known person, and no other capitalised word that could be a name, and
// outside its quotations uses only "he/him/his" (or only "she/her") counts
// for that person. A person with evidence both
// ways is left unknown. It runs once, after collect, in one pass.
func (d *doc) learnTextGenders() {
	he := map[*person]int{}
	she := map[*person]int{}
	for pi := range d.sents {
		for si := range d.sents[pi] {
			var only *person
			many := false
			var m, f int
			for _, t := range d.sents[pi][si].toks {
				if t.kind != tWord {
					continue
				}
				switch referentGender(t.lower) {
				case english.Male:
					m++
					continue
				case english.Female:
					f++
					continue
				}
				ps := d.bySurname[t.text]
				if len(ps) == 0 {
					if !t.first && !isLowerStart(t.text) && !nameOf(only, t.text) && !english.IsCalendarWord(t.lower) && !isAcronym(t.text) {
						many = true // another name, perhaps a person's the text never introduced
						break
					}
					continue
				}
				if len(ps) > 1 || only != nil && only != ps[0] {
					many = true
					break
				}
				only = ps[0]
			}
			if many || only == nil || (m > 0) == (f > 0) {
				continue
			}
			if m > 0 {
				he[only]++
			} else {
				she[only]++
			}
		}
	}
	d.textGender = map[*person]english.Gender{}
	for _, ps := range d.bySurname {
		for _, p := range ps {
			switch {
			case he[p] > 0 && she[p] == 0:
				d.textGender[p] = english.Male
			case she[p] > 0 && he[p] == 0:
				d.textGender[p] = english.Female
			}
		}
	}
}

// nameOf reports whether w is one of the words of p's name.
func nameOf(p *person, w string) bool {
	if p == nil {
		return false
	}
	for _, n := range strings.Fields(p.name) {
		if n == w {
			return true
		}
	}
	return false
}

// genderOf returns p's gender: from a title or role where known, else as
// the narration refers to them, else unknown.
func (d *doc) genderOf(p *person) english.Gender {
	if p.gender != 0 {
		return p.gender
	}
	return d.textGender[p]
}

// referentGender returns the gender of the person a pronoun in any of its
// forms refers back to ("he", "her", "himself"), or english.UnknownGender
// for any other word (pronounGender holds the subject forms only).
func referentGender(w string) english.Gender {
	switch w {
	case "he", "him", "his", "himself":
		return english.Male
	case "she", "her", "hers", "herself":
		return english.Female
	}
	return english.UnknownGender
}
