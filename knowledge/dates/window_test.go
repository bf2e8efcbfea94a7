package dates

import (
	"slices"
	"testing"
)

// matchesWhole returns the matches of a rule's expression in s, left to
// right and not overlapping, searched over the whole sentence.
func matchesWhole(r *rule, s string) [][]int {
	var out [][]int
	for pos := 0; pos < len(s); {
		loc := r.re.FindStringIndex(s[pos:])
		if loc == nil {
			break
		}
		out = append(out, []int{loc[0] + pos, loc[1] + pos})
		pos += loc[1]
	}
	return out
}

// matchesWindowed returns the same, searched only in the windows around
// the rule's trigger words.
func matchesWindowed(r *rule, s string) [][]int {
	c := &context{s: s}
	var out [][]int
	for pos := 0; pos < len(s); {
		from, to, trig := c.window(pos, r)
		if trig < 0 {
			break
		}
		loc := r.re.FindStringIndex(s[from:to])
		if loc == nil || r.check != nil && !r.check(s, trig) {
			pos = trig + 1
			continue
		}
		out = append(out, []int{loc[0] + from, loc[1] + from})
		pos = loc[1] + from
	}
	return out
}

// holdsTrigger reports whether the match s[m[0]:m[1]] holds one of the
// rule's trigger words, as every match is meant to (a case-blind
// expression can match "YEAR", which no trigger stands for).
func holdsTrigger(r *rule, s string, m []int) bool {
	c := &context{s: s}
	switch {
	case r.months:
		trig := firstFrom(c.monthWords(), m[0])
		return trig >= 0 && trig < m[1]
	case r.years:
		trig := firstFrom(c.yearWords(), m[0])
		return trig >= 0 && trig < m[1]
	case r.words != nil:
		for _, w := range c.wordList() {
			if w.at >= m[0] && w.at < m[1] && r.words[w.w] {
				return true
			}
		}
		return false
	}
	return containsAny(s[m[0]:m[1]], r.need)
}

// checkWindows holds every rule's windows to the whole-sentence search:
// a rule's lead and tail must cover its longest match.
func checkWindows(t *testing.T, s string) {
	t.Helper()
	for i := range rules {
		r := &rules[i]
		want, got := matchesWhole(r, s), matchesWindowed(r, s)
		if slices.ContainsFunc(want, func(m []int) bool { return !holdsTrigger(r, s, m) }) {
			continue
		}
		if !slices.EqualFunc(want, got, slices.Equal[[]int]) {
			t.Errorf("rule %s in %q: windows find %v, the whole sentence %v", r.name, s, got, want)
		}
	}
}

func TestWindows(t *testing.T) {
	for _, c := range cases {
		checkWindows(t, c.sentence)
	}
	for _, s := range []string{
		"Shots rang out shortly before 10:30 p.m. early on this coming Wednesday in town.",
		"It peaked throughout the beginning of September of 2022, then throughout this coming the beginning of March.",
		"The deal ran from as early as 2002 through 2005 and between about 1999 and 2001.",
		"Prices rose approximately twenty-five centuries ago and just under twenty-five decades old.",
		"He left Wednesday, the 31st of October, 2024, and returned Wednesday, September 30th – 31st, 2024.",
		"The inquiry ran throughout the early 1990s and the first half of 2019, and the fourth quarter of 2020.",
		"It happened the night before Valentine's Day, 2019, and around Christmas Eve 2018.",
	} {
		checkWindows(t, s)
	}
}

func FuzzWindows(f *testing.F) {
	for _, c := range cases {
		f.Add(c.sentence)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkWindows(t, s)
	})
}
