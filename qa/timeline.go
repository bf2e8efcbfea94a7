package qa

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A timelineEntry is one event, possibly merged from several mentions.
type timelineEntry struct {
	ev    TimelineEvent
	terms map[string]bool // content terms of every merged mention
	order int             // reading order of the first mention
	rank  mentionRank
	// where its mentions are, for deciding whether a new one is the same
	// event: those of the briefing read last, and up to maxMentions unlike
	// ones of any briefing
	mentions, others []mentionAt
}

type mentionAt struct {
	b, para int
	terms   []string // sorted, distinct
}

// mentionRank orders mentions of one event: the most precise date wins.
type mentionRank struct {
	precision int // 0 unresolved, 1 year, 2 month, 3 day
	exact     bool
	prose     bool
}

func (r mentionRank) better(o mentionRank) bool {
	if r.precision != o.precision {
		return r.precision > o.precision
	}
	if r.exact != o.exact {
		return r.exact
	}
	return r.prose && !o.prose
}

func precisionOf(date string) int {
	switch len(date) {
	case 4:
		return 1
	case 7:
		return 2
	case 10:
		return 3
	}
	return 0
}

// buildTimeline merges the briefings' events: mentions of one event (dates
// that agree, about the same thing, close together or clearly alike) become
// one event with the most precise date.
func (e *Engine) buildTimeline(st *buildStats) {
	order := 0
	buckets := map[string][]int{} // year, or the expression of an unresolved date → events
	next := 0                     // paragraphs are in briefing order
	for bi, b := range e.briefings {
		paraOf := map[string]int{}
		for ; next < len(e.paras) && e.paras[next].b == bi; next++ {
			paraOf[e.paras[next].p.ID] = next
		}
		for ei, ev := range b.Events {
			if strings.TrimSpace(ev.Text) == "" && strings.TrimSpace(ev.Expression) == "" {
				continue
			}
			pi, ok := paraOf[ev.Passage]
			if !ok {
				pi = -1
			}
			kind := ""
			if pi >= 0 {
				kind = string(e.paras[pi].p.Kind)
			}
			evTerms := st.events[bi][ei]
			m := mentionAt{b: bi, para: pi, terms: evTerms}
			rank := mentionRank{precision: precisionOf(ev.Date), exact: !ev.Approx, prose: isProse(kind)}
			te := TimelineEvent{
				Date: ev.Date, End: ev.End, Approx: ev.Approx, Expression: ev.Expression,
				Text: ev.Text, Speaker: ev.Speaker, Briefings: []string{b.Title},
			}
			key := yearOf(ev.Date)
			if ev.Date == "" {
				key = "?" + strings.ToLower(strings.TrimSpace(ev.Expression))
			}
			if j := e.sameEvent(te, m, buckets[key]); j >= 0 {
				x := &e.events[j]
				// The most precise date wins; the text comes from prose
				// where there is any, since a caption says less about what
				// happened than the paragraph about it.
				if rank.better(x.rank) {
					x.ev.Date, x.ev.End, x.ev.Approx, x.ev.Expression = te.Date, te.End, te.Approx, te.Expression
					x.rank.precision, x.rank.exact = rank.precision, rank.exact
				}
				if rank.prose && !x.rank.prose {
					x.ev.Text, x.ev.Speaker = te.Text, te.Speaker
					x.rank.prose = true
				}
				if n := len(x.ev.Briefings); x.ev.Briefings[n-1] != b.Title && (n > maxTitles || !contains(x.ev.Briefings, b.Title)) {
					x.ev.Briefings = append(x.ev.Briefings, b.Title) // briefings are read in order
				}
				for _, t := range evTerms {
					x.terms[t] = true
				}
				x.addMention(m)
				continue
			}
			terms := make(map[string]bool, len(evTerms))
			for _, t := range evTerms {
				terms[t] = true
			}
			buckets[key] = append(buckets[key], len(e.events))
			e.events = append(e.events, timelineEntry{ev: te, terms: terms, order: order, rank: rank})
			e.events[len(e.events)-1].addMention(m)
			order++
		}
	}
	for i := range e.events {
		e.events[i].ev.When = whenOf(e.events[i].ev)
		// Topic filters match any word of the merged mentions.
		for _, t := range e.an.terms(e.events[i].ev.Speaker) {
			e.events[i].terms[t] = true
		}
	}
	sort.SliceStable(e.events, func(i, j int) bool {
		a, b := e.events[i].ev, e.events[j].ev
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return e.events[i].order < e.events[j].order
	})
}

// eventTerms returns the content terms of an event sentence, sorted and
// distinct: no reporting verbs, numbers or date words, which say nothing
// about what happened.
func eventTerms(toks []token) []string {
	var out []string
	for _, t := range toks {
		if t.term == "" || t.has(tokNum) || reportingStems[t.term] || isCalendar(t.word) || relativeDates[t.word] {
			continue
		}
		out = append(out, t.term)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// maxTitles is the most briefing titles an event's list is searched for a
// repeat: beyond, only the last one is, as briefings are read in order and
// titles repeat only when a briefing is loaded twice.
const maxTitles = 16

// maxMentions bounds the mentions of other briefings an event is compared
// through: mentions alike in their words are kept once.
const maxMentions = 8

// sameEvent returns the index of the event te (mentioned at m) repeats, or
// -1; only events in cands (those of the same year) can be. Briefings are
// read in order, so the mentions of m's own briefing are the event's last.
func (e *Engine) sameEvent(te TimelineEvent, m mentionAt, cands []int) int {
	for _, j := range cands {
		x := &e.events[j]
		if !datesAgree(te, x.ev) {
			continue
		}
		for k := len(x.mentions) - 1; k >= 0; k-- {
			if o := x.mentions[k]; o.b == m.b && alike(m, o) {
				return j
			} else if o.b != m.b {
				break
			}
		}
		for _, o := range x.others {
			if alike(m, o) {
				return j
			}
		}
	}
	return -1
}

// alike reports whether two mentions are of one event: close together and
// sharing words, or clearly alike.
func alike(m, o mentionAt) bool {
	shared := sharedCount(m.terms, o.terms)
	small := min(len(m.terms), len(o.terms))
	if small == 0 {
		return false
	}
	overlap := float64(shared) / float64(small)
	near := m.b == o.b && m.para >= 0 && o.para >= 0 && abs(m.para-o.para) <= 2
	return near && shared >= 2 && overlap >= 0.3 || shared >= 3 && overlap >= 0.6
}

// addMention records that m mentions event x.
func (x *timelineEntry) addMention(m mentionAt) {
	if n := len(x.mentions); n > 0 && x.mentions[n-1].b != m.b {
		x.mentions = x.mentions[:0] // another briefing's: only the others are kept for it
	}
	x.mentions = append(x.mentions, m)
	if len(x.others) < maxMentions && !slices.ContainsFunc(x.others, func(o mentionAt) bool { return slices.Equal(o.terms, m.terms) }) {
		x.others = append(x.others, m)
	}
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sharedCount counts the strings two sorted lists share.
func sharedCount(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// datesAgree reports whether two mentions can date the same event: one date
// refines the other ("2019-11" and "2019-11-03"), and so do their ends.
func datesAgree(a, b TimelineEvent) bool {
	if a.Date == "" || b.Date == "" {
		return a.Date == b.Date && strings.EqualFold(a.Expression, b.Expression)
	}
	if !refines(a.Date, b.Date) {
		return false
	}
	return a.End == "" || b.End == "" || refines(a.End, b.End)
}

func refines(a, b string) bool { return strings.HasPrefix(a, b) || strings.HasPrefix(b, a) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// whenOf says when an event was, for people: "Sunday, November 3, 2019",
// "November 2019", "about 2015", "2015–2017", "last May (date unknown)".
func whenOf(ev TimelineEvent) string {
	if ev.Date == "" {
		expr := strings.TrimSpace(ev.Expression)
		if expr == "" {
			return "date unknown"
		}
		return expr + " (date unknown)"
	}
	var s string
	if ev.End != "" && ev.End != ev.Date {
		if len(ev.Date) == 4 && len(ev.End) == 4 || ev.Approx && yearOf(ev.Date) != yearOf(ev.End) {
			// an approximate span reads best in years: "about 2015–2017"
			s = yearOf(ev.Date) + "–" + yearOf(ev.End)
		} else {
			s = formatDate(ev.Date, false) + " – " + formatDate(ev.End, false)
		}
	} else {
		s = formatDate(ev.Date, true)
	}
	if ev.Approx {
		q := "about"
		low := " " + strings.ToLower(ev.Expression) + " "
		for _, w := range [...]string{"early", "mid", "late"} {
			if strings.Contains(low, " "+w+" ") || strings.Contains(low, " "+w+"-") {
				q = w
				break
			}
		}
		s = q + " " + s
	}
	return s
}

// yearOf returns the year of a date, or the date when it is malformed.
func yearOf(d string) string {
	if len(d) >= 4 {
		return d[:4]
	}
	return d
}

// formatDate writes YYYY, YYYY-MM or YYYY-MM-DD for people.
func formatDate(d string, weekday bool) string {
	switch len(d) {
	case 10:
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return d
		}
		if weekday {
			return t.Format("Monday, January 2, 2006")
		}
		return t.Format("January 2, 2006")
	case 7:
		t, err := time.Parse("2006-01", d)
		if err != nil {
			return d
		}
		return t.Format("January 2006")
	}
	return d
}

// yearsOf returns the years an event spans, or ok false when unresolved.
func yearsOf(ev TimelineEvent) (from, to int, ok bool) {
	if len(ev.Date) < 4 {
		return 0, 0, false
	}
	from, err := strconv.Atoi(ev.Date[:4])
	if err != nil {
		return 0, 0, false
	}
	to = from
	if len(ev.End) >= 4 {
		if y, err := strconv.Atoi(ev.End[:4]); err == nil && y >= from {
			to = y
		}
	}
	return from, to, true
}

// Timeline lists dated events in order, merged across briefings: resolved
// dates first, by date, then the unresolved ones in reading order.
func (e *Engine) Timeline(f TimelineFilter) []TimelineEvent {
	topic := e.topicGroups(f.Topic)
	out := []TimelineEvent{}
	for i := range e.events {
		x := &e.events[i]
		if f.From != 0 || f.To != 0 {
			from, to, ok := yearsOf(x.ev)
			if !ok || f.From != 0 && to < f.From || f.To != 0 && from > f.To {
				continue
			}
		}
		if !x.matches(topic) {
			continue
		}
		ev := x.ev
		ev.Briefings = append([]string(nil), ev.Briefings...)
		out = append(out, ev)
	}
	return out
}

// topicGroups analyses a topic filter: every group must match, through any
// one of its alternatives, all of whose terms must match. A phrase with an
// alias ("North Atlantic Treaty Organization") matches as the alias or as its words.
func (e *Engine) topicGroups(topic string) [][][]string {
	topic = normalizeSpace(topic)
	if len(topic) > maxQuestionBytes {
		topic = topic[:maxQuestionBytes]
	}
	toks := e.an.tokens(topic, nil, false)
	var groups [][][]string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.term == "" || t.has(tokPart) {
			continue
		}
		if t.has(tokAlias) && t.end > t.start {
			// the alias, or every word it spans
			var words []string
			j := i + 1
			for ; j < len(toks) && toks[j].start < t.end; j++ {
				if toks[j].term != "" && !toks[j].has(tokPart) && !toks[j].has(tokAlias) {
					words = append(words, toks[j].term)
				}
			}
			groups = append(groups, [][]string{{t.term}, words})
			i = j - 1
			continue
		}
		alts := [][]string{{t.term}}
		for ; i+1 < len(toks) && toks[i+1].pos == t.pos && toks[i+1].has(tokAlias); i++ {
			alts = append(alts, []string{toks[i+1].term})
		}
		groups = append(groups, alts)
	}
	return groups
}

// matches reports whether the event matches every topic group.
func (x *timelineEntry) matches(groups [][][]string) bool {
	for _, alts := range groups {
		ok := false
		for _, alt := range alts {
			all := len(alt) > 0
			for _, t := range alt {
				if !x.terms[t] && !x.hasRelated(t) {
					all = false
					break
				}
			}
			if all {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func (x *timelineEntry) hasRelated(t string) bool {
	for _, r := range relatedTerms[t] {
		if x.terms[r] {
			return true
		}
	}
	return false
}
