package dates

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A Reader resolves the date expressions of one text, sentence by sentence
// in reading order. Besides what Find resolves against the publication
// date, it resolves expressions anchored to a date the text itself gave:
// "a week earlier" and "the next day" against a date in the same or the
// sentence before, "the next year" and "a year later" against the year
// last given in this paragraph or the one before. Without such a date they
// stay unresolved: an anchor is never guessed.
type Reader struct {
	published time.Time
	sentence  int // sentences read
	paragraph int // paragraphs begun
	day, year anchor
}

// An anchor is a date the text gave, and where it gave it.
type anchor struct {
	t         time.Time
	gran      granularity
	sentence  int
	paragraph int
	ok        bool
}

// A granularity is how precise a date is.
type granularity uint8

const (
	byYear granularity = iota + 1
	byMonth
	byDay
)

// NewReader returns a Reader for a text published on published (zero when
// unknown).
func NewReader(published time.Time) *Reader {
	r := &Reader{}
	if !published.IsZero() {
		y, m, d := published.Date() // the calendar day, wherever it was given
		r.published = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return r
}

// Paragraph tells the Reader that the next sentence starts a paragraph.
func (r *Reader) Paragraph() { r.paragraph++ }

// Read returns the date expressions in the next sentence of the text, in
// order, resolved.
func (r *Reader) Read(sentence string) []Mention {
	c := context{s: sentence, pub: r.published, known: !r.published.IsZero()}
	if r.day.ok && r.day.sentence == r.sentence-1 {
		c.day = r.day
	}
	if r.year.ok && r.year.paragraph >= r.paragraph-1 {
		c.year = r.year
	}
	out := find(&c)
	for _, m := range out {
		if a, ok := anchorOf(m); ok {
			a.sentence, a.paragraph = r.sentence, r.paragraph
			r.year = a
			if a.gran >= byMonth {
				r.day = a
			}
		}
	}
	r.sentence++
	return out
}

// anchorOf returns the date a mention gives as an anchor for what follows:
// one date, not a span.
func anchorOf(m Mention) (anchor, bool) {
	if m.Date == "" || m.EndDate != "" {
		return anchor{}, false
	}
	t, g, ok := parseDate(m.Date)
	return anchor{t: t, gran: g, ok: ok}, ok
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func parseDate(s string) (time.Time, granularity, bool) {
	layouts := map[int]struct {
		layout string
		gran   granularity
	}{4: {"2006", byYear}, 7: {"2006-01", byMonth}, 10: {"2006-01-02", byDay}}
	l, ok := layouts[len(s)]
	if !ok {
		return time.Time{}, 0, false
	}
	t, err := time.Parse(l.layout, s)
	return t, l.gran, err == nil
}

// format writes t at granularity g; "" when the year is out of range.
func format(t time.Time, g granularity) string {
	switch g {
	case byYear:
		return fmtYear(t.Year())
	case byMonth:
		return fmtMonth(t.Year(), t.Month())
	}
	return fmtDay(t)
}

// An anchoredRule is a rule whose expressions are resolved against a date
// the text gave, not against the publication date.
type anchoredRule struct {
	name    string
	trigger func(s string, pos int) int // where, from pos on, a match may hold its key words; -1 for none
	lead    int                         // the most bytes a match runs before its trigger
	tail    int                         // the most bytes a match runs after its trigger starts
	re      *regexp.Regexp
	resolve func(m *match, a anchor) (Mention, bool)
	unit    func(m *match) granularity // the anchor precision the expression needs
}

var anchoredRules = []anchoredRule{
	{
		// "a week earlier", "two months later", "three days after", "a few days before"
		name: "shift",
		lead: 48, tail: 12,
		trigger: unitThenWord(shiftWords),
		re:      regexp.MustCompile(`\b(?:(?P<hedge>` + reHedge + `)\s+)?(?P<n>` + reNum + `|(?i:a\s+few|several))\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?P<dir>(?i:earlier|later|before|after|afterwards?))\b`),
		resolve: resolveShift,
		unit:    shiftNeeds,
	},
	{
		// "the next day", "the following morning", "the previous year", "later
		// that day" (a bare "that night" may be any night the story told of)
		name: "next",
		lead: 8, tail: 24,
		trigger: wordThenUnit(nextWords),
		re:      regexp.MustCompile(`\b(?:(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|prior|same))|(?P<mod>(?i:later|earlier))\s+(?P<that>(?i:that)))\s+(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year))\b`),
		resolve: resolveNext,
		unit:    nextNeeds,
	},
	{
		// "the day after", "the year before": with nothing after them
		name: "day-after",
		lead: 12, tail: 8,
		trigger: unitThenWord([]string{"after", "before"}),
		re:      regexp.MustCompile(`\b(?i:the)\s+(?P<unit>(?i:day|night|week|month|year))\s+(?P<dir>(?i:after|before))\b`),
		resolve: resolveDayAfter,
		unit:    nextNeeds,
	},
}

// shiftWords end "two days later" and the like; nextWords open "the next
// day" ("later that day" counts "that").
var (
	shiftWords = []string{"earlier", "later", "before", "after", "afterward", "afterwards"}
	nextWords  = []string{"next", "following", "previous", "preceding", "prior", "same", "that"}
	unitWords  = map[string]bool{
		"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
		"year": true, "years": true, "decade": true, "decades": true, "night": true,
		"morning": true, "afternoon": true, "evening": true,
	}
)

// unitThenWord returns a trigger at each of words that follows a unit of
// time: "days later", "year before".
func unitThenWord(words []string) func(s string, pos int) int {
	return func(s string, pos int) int {
		return nextWordAt(s, pos, words, func(i, j int) bool { return unitWords[strings.ToLower(prevWord(s, i))] })
	}
}

// wordThenUnit returns a trigger at each of words that a unit of time
// follows: "next day", "following morning".
func wordThenUnit(words []string) func(s string, pos int) int {
	return func(s string, pos int) int {
		return nextWordAt(s, pos, words, func(i, j int) bool { return unitWords[strings.ToLower(nextToken(s, j))] })
	}
}

// nextWordAt returns where, from pos on, the first of words (lower case,
// as a whole word) stands that ok accepts; -1 if none does. ok is given the
// word's start and end.
func nextWordAt(s string, pos int, words []string, ok func(i, j int) bool) int {
	best := -1
	for _, w := range words {
		for from := pos; from < len(s); {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			i, j := from+k, from+k+len(w)
			if best >= 0 && i >= best {
				break
			}
			if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) && ok(i, j) {
				best = i
				break
			}
			from = j
		}
	}
	return best
}

// around returns the window around a trigger at trig in which to look for
// a match, from lead bytes before it to tail bytes after it, widened to
// whole words.
func (c *context) around(pos, trig, lead, tail int) (from, to int) {
	s := c.s
	from = max(pos, trig-lead)
	for from > pos && (isWordByte(s[from-1]) || !utf8.RuneStart(s[from])) {
		from--
	}
	to = min(len(s), trig+tail)
	for to < len(s) && (isWordByte(s[to-1]) && isWordByte(s[to]) || !utf8.RuneStart(s[to])) {
		to++
	}
	return from, to
}

// findAnchored adds the anchored expressions of the context's sentence to
// out, which holds what the other rules found, left to right so that each
// may anchor the next.
func findAnchored(c *context, out []Mention, claimed []span) []Mention {
	type cand struct {
		r   *anchoredRule
		loc []int
	}
	var cands []cand
	for i := range anchoredRules {
		r := &anchoredRules[i]
		for pos := 0; pos < len(c.s); {
			trig := r.trigger(c.s, pos)
			if trig < 0 {
				break
			}
			from, to := c.around(pos, trig, r.lead, r.tail)
			loc := r.re.FindStringSubmatchIndex(c.s[from:to])
			if loc == nil {
				pos = trig + 1
				continue
			}
			for j := range loc {
				if loc[j] >= 0 {
					loc[j] += from
				}
			}
			cands = append(cands, cand{r, loc})
			pos = max(loc[1], trig+1)
		}
	}
	if len(cands) == 0 {
		return out
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].loc[0] < cands[j].loc[0] })
	for _, cd := range cands {
		k, free := freeSpan(claimed, cd.loc[0], cd.loc[1])
		if !free {
			continue
		}
		m := match{context: c, re: cd.r.re, loc: cd.loc}
		a := c.anchorBefore(out, cd.loc[0], cd.r.unit(&m))
		d, ok := cd.r.resolve(&m, a)
		if !ok {
			continue
		}
		d.Start, d.End = cd.loc[0], cd.loc[1]
		d.Expr = c.s[d.Start:d.End]
		i := sort.Search(len(out), func(i int) bool { return out[i].Start > d.Start })
		out = append(out, Mention{})
		copy(out[i+1:], out[i:])
		out[i] = d
		claimed = insertSpan(claimed, k, span{d.Start, d.End})
	}
	return out
}

// anchorBefore returns the anchor for an expression at position pos that
// needs a date at least as precise as need: the last date given earlier in
// the sentence, or else the one the text gave just before it.
func (c *context) anchorBefore(out []Mention, pos int, need granularity) anchor {
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Start >= pos {
			continue
		}
		if a, ok := anchorOf(out[i]); ok && a.gran >= need {
			return a
		}
	}
	if need >= byMonth {
		if c.day.ok && c.day.gran >= need {
			return c.day
		}
		return anchor{}
	}
	if c.year.ok {
		return c.year
	}
	return anchor{}
}

// shiftNeeds says how precise an anchor "two months later" needs: a year
// for years, a month for months, a day for days and weeks.
func shiftNeeds(m *match) granularity {
	switch u := strings.ToLower(m.group("unit")); {
	case strings.HasPrefix(u, "year"), strings.HasPrefix(u, "decade"):
		return byYear
	case strings.HasPrefix(u, "month"):
		return byMonth
	}
	return byDay
}

// nextNeeds says how precise an anchor "the next day" needs.
func nextNeeds(m *match) granularity {
	switch strings.ToLower(m.group("unit")) {
	case "year":
		return byYear
	case "month":
		return byMonth
	}
	return byDay
}

// complementFollows reports whether words follow position i that make
// "before" or "after" a preposition ("three weeks before he died") rather
// than an adverb ("three weeks before,").
func complementFollows(s string, i int) bool {
	tok := nextToken(s, i)
	if tok == "" {
		return false
	}
	switch tok[0] {
	case ',', '.', ';', ':', ')', '!', '?':
		return false
	}
	return !strings.HasPrefix(tok, "—") && !strings.HasPrefix(tok, "–")
}

func resolveShift(m *match, a anchor) (Mention, bool) {
	dir := strings.ToLower(m.group("dir"))
	if (dir == "before" || dir == "after") && complementFollows(m.s, m.end()) {
		return Mention{}, false // "three weeks before he died": anchored to an event, not a date
	}
	if (dir == "later" || dir == "earlier") && strings.EqualFold(nextToken(m.s, m.end()), "than") {
		return Mention{}, false // "two days later than planned"
	}
	nw := canon(m.group("n"))
	n, vague := number(nw), false
	if nw == "a few" || nw == "several" {
		n, vague = 3, true
	}
	dm := Mention{Approx: vague || approxHedges[canon(m.group("hedge"))]}
	if n <= 0 {
		return Mention{}, false
	}
	if !a.ok {
		return dm, true // found, but nothing to count from
	}
	if dir == "earlier" || dir == "before" {
		n = -n
	}
	unit := strings.ToLower(m.group("unit"))
	t, g := a.t, a.gran
	switch {
	case strings.HasPrefix(unit, "day"):
		t = t.AddDate(0, 0, n)
	case strings.HasPrefix(unit, "week"):
		t = t.AddDate(0, 0, 7*n)
	case strings.HasPrefix(unit, "month"):
		t = t.AddDate(0, n, 0)
		g = min(g, byMonth)
	case strings.HasPrefix(unit, "year"):
		t = t.AddDate(n, 0, 0)
	case strings.HasPrefix(unit, "decade"):
		t, g, dm.Approx = t.AddDate(10*n, 0, 0), byYear, true
	}
	if vague && g == byDay {
		g = byMonth // "a few days later": the month, not a day
	}
	dm.Date = format(t, g)
	return dm, true
}

func resolveNext(m *match, a anchor) (Mention, bool) {
	rel := strings.ToLower(m.group("rel"))
	if m.group("that") != "" || m.group("mod") != "" {
		rel = "same"
	}
	unit := strings.ToLower(m.group("unit"))
	if unit == "week" && rel != "same" {
		return Mention{}, false // "the next week" may be a span from publication: left alone
	}
	var dm Mention
	if !a.ok {
		if rel == "same" && m.group("that") != "" {
			return Mention{}, false // "that year" with nothing before it is no date
		}
		return dm, true
	}
	n := 0
	switch rel {
	case "next", "following":
		n = 1
	case "previous", "preceding", "prior":
		n = -1
	}
	t, g := a.t, a.gran
	switch unit {
	case "year":
		t, g = t.AddDate(n, 0, 0), byYear
	case "month":
		t, g = t.AddDate(0, n, 0), byMonth
	case "week":
		w := monday(t)
		dm.Date, dm.EndDate, dm.Approx = fmtDay(w), fmtDay(w.AddDate(0, 0, 6)), true
		return dm, true
	default: // a day or part of one
		t = t.AddDate(0, 0, n)
	}
	dm.Date = format(t, g)
	return dm, true
}

func resolveDayAfter(m *match, a anchor) (Mention, bool) {
	if complementFollows(m.s, m.end()) {
		return Mention{}, false // "the day after the vote": anchored to an event
	}
	var dm Mention
	if !a.ok {
		return dm, true
	}
	n := 1
	if strings.EqualFold(m.group("dir"), "before") {
		n = -1
	}
	t, g := a.t, a.gran
	switch strings.ToLower(m.group("unit")) {
	case "year":
		t, g = t.AddDate(n, 0, 0), byYear
	case "month":
		t, g = t.AddDate(0, n, 0), byMonth
	case "week":
		t = t.AddDate(0, 0, 7*n)
		dm.Approx = true
	default:
		t = t.AddDate(0, 0, n)
	}
	dm.Date = format(t, g)
	return dm, true
}

// easter returns Easter Sunday of year y (the Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holidayIn returns the date of a holiday (lower case, as canon writes it)
// in year y.
func holidayIn(h string, y int) (time.Time, bool) {
	switch h {
	case "easter", "easter sunday":
		return easter(y), true
	case "easter monday":
		return easter(y).AddDate(0, 0, 1), true
	case "good friday":
		return easter(y).AddDate(0, 0, -2), true
	case "christmas", "christmas day":
		return dayOf(y, time.December, 25), true
	case "christmas eve":
		return dayOf(y, time.December, 24), true
	case "boxing day":
		return dayOf(y, time.December, 26), true
	case "new year's day", "new year’s day":
		return dayOf(y, time.January, 1), true
	case "new year's eve", "new year’s eve":
		return dayOf(y, time.December, 31), true
	case "halloween":
		return dayOf(y, time.October, 31), true
	case "valentine's day", "valentine’s day":
		return dayOf(y, time.February, 14), true
	}
	return time.Time{}, false
}

func resolveHoliday(m *match) (Mention, bool) {
	h := canon(m.group("h"))
	prep := canon(m.group("prep"))
	if prep == "" && m.group("rel") == "" && m.group("year") == "" {
		return Mention{}, false // "fish for Easter": a season, not a date
	}
	var dm Mention
	var t time.Time
	switch {
	case m.group("year") != "":
		y, _ := strconv.Atoi(m.group("year"))
		t, _ = holidayIn(h, y)
	case !m.known:
		return dm, true
	default:
		dir := m.direction(prep)
		best := time.Time{}
		for _, y := range []int{m.pub.Year() - 1, m.pub.Year(), m.pub.Year() + 1} {
			u, _ := holidayIn(h, y)
			switch {
			case dir == back && u.After(m.pub), dir == forward && u.Before(m.pub):
				continue
			case best.IsZero(), dir == back && u.After(best), dir == forward && u.Before(best),
				dir == nearest && absDays(u, m.pub) < absDays(best, m.pub):
				best = u
			}
		}
		t = best
	}
	if t.IsZero() {
		return Mention{}, false
	}
	n := 0
	switch canon(m.group("rel")) + " " + canon(m.group("dir")) {
	case "day after", "night after":
		n = 1
	case "day before", "night before":
		n = -1
	}
	dm.Date = fmtDay(t.AddDate(0, 0, n))
	return dm, true
}
