package dates

import (
	"github.com/briefbot/briefbot/knowledge/english"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A Mention is one date expression found in a sentence.
type Mention struct {
	Expr       string // the words as written, e.g. "last March"
	Start, End int    // byte offsets of Expr in the sentence
	Date       string // YYYY | YYYY-MM | YYYY-MM-DD; "" when unresolved
	EndDate    string // for spans, the last day, month or year; else ""
	Approx     bool   // the text hedges or the expression is vague ("about 2018", "last summer")
	Mod        string // "start", "mid" or "end" for early/mid/late and the like; else ""
}

// Find returns the date expressions in sentence, in order, resolved
// against published (UTC midnight of the publication date; zero when unknown).
func Find(sentence string, published time.Time) []Mention {
	return NewReader(published).Read(sentence)
}

// find runs the rules over the context's sentence: every rule of rules,
// then the anchored rules, left to right.
func find(c *context) []Mention {
	sentence := c.s
	hasDigit := strings.ContainsAny(sentence, "0123456789")
	if !hasDigit && !c.mayHaveDate() {
		return nil // most sentences: no rule can match
	}
	hasYear := hasDigit && mayHaveYear(sentence)
	var out []Mention
	var claimed []span // sorted, disjoint
	for i := range rules {
		r := &rules[i]
		if r.digits && !hasDigit || r.year && !hasYear || r.need2 != nil && !containsAny(sentence, r.need2) {
			continue
		}
		pos := 0
		for pos < len(sentence) {
			from, to, trig := c.window(pos, r)
			if trig < 0 {
				break
			}
			if k, free := freeSpan(claimed, trig, trig+1); !free {
				pos = claimed[k].end // an earlier rule took these words
				continue
			}
			if r.check != nil && !r.check(sentence, trig) {
				pos = trig + 1
				continue
			}
			loc := r.re.FindStringSubmatchIndex(sentence[from:to])
			if loc == nil {
				pos = trig + 1 // no match holds this need word; try the next
				continue
			}
			for j := range loc {
				if loc[j] >= 0 {
					loc[j] += from
				}
			}
			m := match{context: c, re: r.re, loc: loc}
			if k, free := freeSpan(claimed, loc[0], loc[1]); free {
				if d, ok := r.resolve(&m); ok {
					if d.End == 0 { // else the resolver narrowed the expression
						d.Start, d.End = loc[0], loc[1]
					}
					d.Expr = sentence[d.Start:d.End]
					out = append(out, d)
					claimed = insertSpan(claimed, k, span{loc[0], loc[1]})
					pos = loc[1]
					continue
				}
			}
			pos = nextWord(sentence, loc[0])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return findAnchored(c, out, claimed)
}

// digitAfterWord reports whether a digit follows the word at trig, after a
// full stop and spaces: "March 22", "Sept. 3".
func digitAfterWord(s string, trig int) bool {
	i := trig
	for i < len(s) && isLetterByte(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && isDigit(s[i])
}

// digitBefore reports whether a digit stands in the few words before trig:
// "22 March", "the 3rd of March".
func digitBefore(s string, trig int) bool {
	for i := trig - 1; i >= 0 && trig-i <= 12; i-- {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// firstFrom returns the first of the sorted offsets at or after pos, or -1.
func firstFrom(offsets []int, pos int) int {
	if k := sort.SearchInts(offsets, pos); k < len(offsets) {
		return offsets[k]
	}
	return -1
}

// yearWords returns where the sentence's years (four digits, 1900-2099,
// not part of a longer number) start, in order.
func (c *context) yearWords() []int {
	if c.yearsDone {
		return c.years
	}
	c.yearsDone = true
	s := c.s
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			c.years = append(c.years, i)
		}
	}
	return c.years
}

// monthWords returns where the sentence's capitalised month names and
// abbreviations start, in order.
func (c *context) monthWords() []int {
	if c.monthsDone {
		return c.months
	}
	c.monthsDone = true
	s := c.s
	for i := 0; i < len(s); {
		if !isLetterByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isLetterByte(s[j]) {
			j++
		}
		if s[i] >= 'A' && s[i] <= 'Z' && j-i >= 3 && (i == 0 || !isWordByte(s[i-1])) {
			w := s[i:j]
			if _, ok := english.Month(w); ok {
				c.months = append(c.months, i)
			} else if _, ok := english.MonthAbbreviation(w); ok {
				c.months = append(c.months, i)
			}
		}
		i = j
	}
	return c.months
}

// triggerWords are the words, lower case, that rules look for: key to
// itself, so that a lookup gives a string that outlives the sentence's
// buffer. gateWords are those of them one of which every expression the
// rules find without a digit holds: month and weekday names and their
// abbreviations, units of time, seasons, "ago", "old", holidays.
var triggerWords, gateWords = func() (map[string]string, map[string]bool) {
	gate := map[string]bool{}
	for _, w := range strings.Fields(`jan feb mar apr jun jul aug sep sept oct nov dec
		day days week weeks weekend month months year years decade decades century centuries
		today tonight yesterday tomorrow night morning afternoon evening
		spring summer fall autumn winter ago old easter christmas halloween valentine boxing`) {
		gate[w] = true
	}
	for mo := time.January; mo <= time.December; mo++ {
		gate[strings.ToLower(mo.String())] = true
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		gate[strings.ToLower(d.String())] = true
	}
	trig := map[string]string{}
	for w := range gate {
		trig[w] = w
	}
	for _, w := range []string{"past", "last", "next", "coming"} {
		trig[w] = w
	}
	return trig, gate
}()

// wordSet returns the set of the space-separated words in s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// A wordAt is a trigger word of a sentence, lower case, and where it starts.
type wordAt struct {
	w  string
	at int
}

// wordList returns the sentence's triggerWords, as words of ASCII
// letters, in order.
func (c *context) wordList() []wordAt {
	if c.wordsDone {
		return c.words
	}
	c.wordsDone = true
	s := c.s
	var buf [16]byte
	for i := 0; i < len(s); {
		for i < len(s) && !isLetterByte(s[i]) {
			i++
		}
		start, n := i, 0
		for i < len(s) && isLetterByte(s[i]) {
			if n < len(buf) {
				buf[n] = s[i] | 0x20 // lower case
			}
			n++
			i++
		}
		if n > 0 && n <= len(buf) {
			if w, ok := triggerWords[string(buf[:n])]; ok {
				c.words = append(c.words, wordAt{w, start})
			}
		}
	}
	return c.words
}

// mayHaveDate reports whether the sentence holds one of the gateWords.
func (c *context) mayHaveDate() bool {
	for _, w := range c.wordList() {
		if gateWords[w.w] {
			return true
		}
	}
	return false
}

// isLetterByte reports whether c is an ASCII letter.
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// insertSpan inserts sp at index k of the sorted spans.
func insertSpan(spans []span, k int, sp span) []span {
	spans = append(spans, span{})
	copy(spans[k+1:], spans[k:])
	spans[k] = sp
	return spans
}

type context struct {
	s     string
	pub   time.Time
	known bool // pub is set

	months     []int // where month names and abbreviations start, once found
	monthsDone bool
	years      []int // where years start, once found
	yearsDone  bool
	words      []wordAt // the trigger words, once found
	wordsDone  bool
	needRule   *rule   // the rule needAt is for
	needAt     [16]int // where each of its need words next occurs; see nextNeed

	day, year anchor // dates the text gave just before this sentence, if near enough
}

// A match is one match of a rule's expression.
type match struct {
	*context
	re  *regexp.Regexp
	loc []int
}

// group returns the text of the named group, "" when it did not take part.
func (m *match) group(name string) string {
	i := m.re.SubexpIndex(name)
	if i < 0 || m.loc[2*i] < 0 {
		return ""
	}
	return m.s[m.loc[2*i]:m.loc[2*i+1]]
}

// groupStart returns where the named group starts; -1 when it did not take part.
func (m *match) groupStart(name string) int { return m.loc[2*m.re.SubexpIndex(name)] }

func (m *match) start() int { return m.loc[0] }
func (m *match) end() int   { return m.loc[1] }

// future reports whether the tense cue nearest the match is a future one.
func (m *match) future() bool { return m.tense().future() }

// tense returns the tense cue nearest the match.
func (m *match) tense() tense { return tenseAt(m.s, m.loc[0], m.loc[1]) }

type rule struct {
	name    string
	digits  bool                          // the rule needs a digit in the sentence
	year    bool                          // the rule needs four digits that could be a year (1900-2099)
	need    []string                      // the sentence must contain one of these for the rule to run; every match holds one
	lead    int                           // the most bytes a match runs before the trigger word it holds
	tail    int                           // the most bytes a match runs after the trigger word starts
	months  bool                          // instead of need: every match holds a month's name or abbreviation
	years   bool                          // instead of need: every match holds a year, 1900-2099
	words   map[string]bool               // instead of need: every match holds one of these words, in any case
	check   func(s string, trig int) bool // when given, must accept a trigger before the expression is tried
	need2   []string                      // and, when given, one of these
	re      *regexp.Regexp
	resolve func(m *match) (Mention, bool)
}

// Pieces of the rules' expressions. Month and weekday names are the
// standard library's (time.Month and time.Weekday print in English).
var (
	reWeekday   = weekdayNames()
	reMonthFull = monthNames()
	reMonthAbbr = `Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec`
	// a month name, or an abbreviation with or without its full stop
	reMonth = `(?:(?:` + reMonthFull + `)\b|(?:` + reMonthAbbr + `)\.|(?:` + reMonthAbbr + `)\b)`
)

// weekdayNames returns "Monday|Tuesday|...|Sunday".
func weekdayNames() string {
	names := make([]string, 0, 7)
	for d := time.Monday; d <= time.Saturday; d++ {
		names = append(names, d.String())
	}
	return strings.Join(append(names, time.Sunday.String()), "|")
}

// monthNames returns "January|February|...|December".
func monthNames() string {
	names := make([]string, 0, 12)
	for m := time.January; m <= time.December; m++ {
		names = append(names, m.String())
	}
	return strings.Join(names, "|")
}

const (
	// a bare year: only in a date context, and only 1900-2099
	reYear = `(?:19|20)\d\d`
	// a year after a month or a day, where the context makes it a year
	reAnyYear = `(?:1\d|20)\d\d`
	rePrep    = `(?i:in|since|by|until|till|during|through|throughout|from)`
	reMod     = `(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)`
	reHedge   = `(?i:about|around|roughly|nearly|almost|some|approximately|more\s+than|over|less\s+than|under|just\s+over|just\s+under|at\s+least|fewer\s+than|barely|just|only|exactly|precisely)`
	reRel     = `(?i:this\s+past|this\s+last|this\s+coming|last|this|next)`
	reNum     = `(?:\d{1,3}|(?i:a\s+couple\s+of|a\s+dozen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an|a))`
	reUnit    = `(?i:years?|months?|weeks?|days?|decades?|centur(?:y|ies))`
)

// rules run in this order; earlier rules claim their words first.
var rules = []rule{
	{
		name: "iso",
		lead: 2, tail: 14,
		digits:  true,
		year:    true,
		years:   true,
		re:      regexp.MustCompile(`\b(?P<y>` + reYear + `)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b`),
		resolve: resolveISO,
	},
	{
		// "Jan. 3, 2024", "March 22", "Tuesday, March 12", "March 22-24, 2024"
		name:  "month-day",
		check: digitAfterWord,
		lead:  16, tail: 40,
		digits: true,
		months: true,
		re: regexp.MustCompile(`\b(?:(?P<wd>` + reWeekday + `),?\s+)?(?P<mon>` + reMonth + `)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?` +
			`(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?\b(?:,?\s+(?P<year>` + reAnyYear + `)\b)?`),
		resolve: resolveMonthDay,
	},
	{
		// "3 January 2024", "the 3rd of January", "Saturday 23 March"
		name:  "day-month",
		check: digitBefore,
		lead:  32, tail: 24,
		digits: true,
		months: true,
		re: regexp.MustCompile(`\b(?:(?P<wd>` + reWeekday + `),?\s+)?(?:(?P<the>(?i:the))\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:(?P<of>of)\s+)?` +
			`(?P<mon>` + reMonth + `)(?:,?\s+(?P<year>` + reAnyYear + `)\b)?`),
		resolve: resolveDayMonth,
	},
	{
		// "In September 2022", "early January 2024", "September of 2022"
		name: "month-year",
		lead: 36, tail: 24,
		digits:  true,
		months:  true,
		re:      regexp.MustCompile(`\b(?:(?P<prep>` + rePrep + `)\s+)?(?:(?P<mod>` + reMod + `)(?:\s+|-))?(?P<mon>` + reMonth + `)(?:\s+of)?,?\s+(?P<year>` + reAnyYear + `)\b`),
		resolve: resolveMonthYear,
	},
	{
		// "from 2019 to 2021", "between 2019 and 2021", "2019-20", "the
		// 2022/23 season", "the end of the 2022-23 season"
		name: "year-range",
		lead: 48, tail: 24,
		digits: true,
		year:   true,
		years:  true,
		re: regexp.MustCompile(`\b(?:(?P<prep>(?i:from|between|in|during|since|through|until|till|by|at))\s+(?:(?i:at\s+least|about|around|roughly|as\s+early\s+as)\s+)?)?` +
			`(?:(?P<edge>(?i:the\s+end|the\s+close|the\s+start|the\s+beginning))\s+of\s+(?i:the\s+)?)?(?P<y1>` + reYear + `)\s*(?:(?P<sep>(?i:to|until|till|through|and))\s+|(?P<dash>[-–—/])\s*)(?P<y2>(?:19|20)?\d\d)\b`),
		resolve: resolveYearRange,
	},
	{
		// "the 1990s", "in the early 2000s", "the ’90s"
		name: "decade",
		lead: 32, tail: 6,
		digits:  true,
		need:    []string{"0s", "0's", "0’s"},
		re:      regexp.MustCompile(`\b(?:(?P<prep>` + rePrep + `)\s+)?(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))(?:\s+|-))?(?P<dec>(?:1[89]|20)\d0|['’]\d0)['’]?s\b`),
		resolve: resolveDecade,
	},
	{
		// "the summer of 2019", "spring 2023", "last summer"
		name: "season",
		lead: 32, tail: 20,
		words: wordSet("spring summer fall autumn winter"),
		re: regexp.MustCompile(`\b(?:(?P<prep>` + rePrep + `)\s+)?(?:(?P<rel>` + reRel + `)\s+|(?i:the)\s+(?:(?P<mod>(?i:early|late))\s+)?|(?P<mod2>(?i:early|late))\s+)?` +
			`(?P<season>(?i:spring|summer|fall|autumn|winter))\b(?:(?:\s+of)?,?\s+(?P<year>` + reYear + `)\b)?`),
		resolve: resolveSeason,
	},
	{
		// "about 2018", "circa 2018"
		name: "approx-year",
		lead: 20, tail: 8,
		digits:  true,
		year:    true,
		years:   true,
		need2:   []string{"about", "around", "roughly", "circa", "approximately", "c.", "ca.", "About", "Around", "Roughly", "Circa", "Approximately"},
		re:      regexp.MustCompile(`\b(?P<hedge>(?i:about|around|roughly|circa|approximately|c\.|ca\.))\s*(?P<year>` + reYear + `)\b`),
		resolve: resolveApproxYear,
	},
	{
		// "in 2021", "since 2019", "mid-2023", "early 2024", "the end of 2023"
		name: "year",
		lead: 40, tail: 8,
		digits: true,
		year:   true,
		years:  true,
		re: regexp.MustCompile(`\b(?:(?P<prep>(?i:in\s+the\s+year|the\s+year|as\s+early\s+as|as\s+late\s+as|as\s+of|in|since|by|until|till|during|through|throughout|from|and|or))\s+)?` +
			`(?:(?P<mod>` + reMod + `|(?i:the\s+(?:first|second)\s+half\s+of|the\s+(?P<q>first|second|third|fourth|final|last)\s+quarter\s+of))(?:\s+|-))?` +
			`(?P<year>` + reYear + `)\b`),
		resolve: resolveYear,
	},
	{
		// "since 1840", "in 1066": an earlier year after a preposition
		name: "early-year",
		lead: 8, tail: 12,
		digits:  true,
		need:    []string{"since 1", "in 1", "until 1", "from 1", "during 1", "Since 1", "In 1", "Until 1", "From 1", "During 1"},
		re:      regexp.MustCompile(`\b(?P<prep>(?i:since|in|until|from|during))\s+(?P<year>1[0-8]\d\d)\b`),
		resolve: resolveEarlyYear,
	},
	{
		// "9/11": the date the attacks of 2001 are named by
		name: "named-date",
		lead: 2, tail: 6,
		digits:  true,
		need:    []string{"9/11"},
		re:      regexp.MustCompile(`\b9/11\b`),
		resolve: resolveNamedDate,
	},
	{
		// "last March", "in early January", "in March", "since May",
		// "November marked the start of …"
		name: "month",
		lead: 48, tail: 28,
		months: true,
		re: regexp.MustCompile(`\b(?:(?P<prep>` + rePrep + `)\s+)?(?:(?P<rel>` + reRel + `)\s+)?(?:(?P<mod>` + reMod + `)(?:\s+|-))?(?P<mon>` + reMonthFull + `)\b` +
			`(?:\s+(?i:of)\s+(?P<rel2>(?i:last|this|next))\s+(?i:year))?`),
		resolve: resolveMonth,
	},
	{
		// "Roughly a decade old", "a century-old"
		name: "old",
		lead: 44, tail: 6,
		words:   wordSet("old"),
		re:      regexp.MustCompile(`\b(?:(?P<hedge>` + reHedge + `)\s+)?(?P<n>` + reNum + `)(?:\s+|-)(?P<unit>(?i:decades?|centur(?:y|ies)))(?:\s+|-)(?i:old)\b`),
		resolve: resolveOld,
	},
	{
		// "two weeks ago", "about three years ago", "a decade ago"
		name: "ago",
		lead: 44, tail: 5,
		words:   wordSet("ago"),
		re:      regexp.MustCompile(`\b(?:(?P<hedge>` + reHedge + `)\s+)?(?P<n>` + reNum + `)\s+(?P<unit>` + reUnit + `)\s+ago\b`),
		resolve: resolveAgo,
	},
	{
		// "the past two years", "the last three months", "the past decade"
		name: "span",
		lead: 8, tail: 36,
		words:   wordSet("past last next coming"),
		need2:   []string{"year", "month", "week", "day", "decade", "centur", "Year", "Month", "Week", "Day", "Decade", "Centur"},
		re:      regexp.MustCompile(`\b(?i:the)\s+(?P<rel>(?i:past|last|next|coming))\s+(?:(?P<n>` + reNum + `)\s+)?(?P<unit>` + reUnit + `)\b`),
		resolve: resolveSpan,
	},
	{
		// "last month", "this year", "late last year", "earlier this week"
		name: "relative",
		lead: 32, tail: 10,
		words:   wordSet("week weekend month year"),
		need2:   []string{"last", "this", "next", "Last", "This", "Next"},
		re:      regexp.MustCompile(`\b(?:(?P<mod>` + reMod + `|(?i:earlier|later|the\s+rest\s+of))(?:\s+|-))?(?P<rel>` + reRel + `)\s+(?P<unit>(?i:weekend|week|month|year))\b`),
		resolve: resolveRelative,
	},
	{
		// "over the weekend"
		name: "weekend",
		lead: 16, tail: 8,
		words:   wordSet("weekend"),
		re:      regexp.MustCompile(`\b(?P<prep>(?i:over|during|on|at|for))\s+the\s+weekend\b`),
		resolve: resolveWeekend,
	},
	{
		name: "deictic",
		lead: 12, tail: 12,
		words:   wordSet("today yesterday tomorrow night tonight morning afternoon evening"),
		re:      regexp.MustCompile(`\b(?P<w>(?i:earlier\s+today|later\s+today|yesterday|today|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening))\b`),
		resolve: resolveDeictic,
	},
	{
		// "the day after Easter", "on Christmas Eve", "over Easter 2019"
		name: "holiday",
		lead: 32, tail: 28,
		need: []string{"Easter", "Christmas", "Good Friday", "Boxing Day", "New Year", "Halloween", "Valentine"},
		re: regexp.MustCompile(`\b(?:(?P<prep>(?i:on|at|over|since|before|after|until|by|during|from|around))\s+)?(?:(?i:the)\s+(?P<rel>(?i:day|night))\s+(?P<dir>(?i:after|before))\s+)?` +
			`(?P<h>Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day)\b(?:,?\s+(?P<year>` + reYear + `)\b)?`),
		resolve: resolveHoliday,
	},
	{
		// "on Friday", "last Tuesday", "next Monday", "late Friday", "around 9 p.m. Thursday"
		name: "weekday",
		lead: 56, tail: 12,
		words:   wordSet(strings.ToLower(strings.ReplaceAll(reWeekday, "|", " "))),
		re:      regexp.MustCompile(`\b(?:(?P<time>(?:(?i:at|around|about|shortly\s+after|shortly\s+before|before|after|by|until)\s+)?\d{1,2}(?::\d{2})?\s*(?i:a\.?m\.?|p\.?m\.?))\s+)?(?:(?P<part>(?i:early|late))\s+)?(?:(?P<on>(?i:on))\s+)?(?:(?P<rel>` + reRel + `|(?i:coming))\s+)?(?P<wd>` + reWeekday + `)\b`),
		resolve: resolveWeekday,
	},
}

// mayHaveYear reports whether s has four digits, on their own, that could
// be a year: 1900-2099.
func mayHaveYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// window returns the part of the sentence, from pos on, in which to look
// for a rule's next match: around the first of its need words (from lead
// bytes before it to tail bytes after its start), widened to whole words so
// that \b keeps its meaning. trig is where that word is; -1
// when no need word is left.
func (c *context) window(pos int, r *rule) (from, to, trig int) {
	trig = -1
	switch {
	case r.months:
		trig = firstFrom(c.monthWords(), pos)
	case r.years:
		trig = firstFrom(c.yearWords(), pos)
	case r.words != nil:
		ws := c.wordList()
		for k := sort.Search(len(ws), func(k int) bool { return ws[k].at >= pos }); k < len(ws); k++ {
			if r.words[ws[k].w] {
				trig = ws[k].at
				break
			}
		}
	default:
		for i, x := range r.need {
			if at := c.nextNeed(r, i, x, pos); at >= 0 && (trig < 0 || at < trig) {
				trig = at
			}
		}
	}
	if trig < 0 {
		return 0, 0, -1
	}
	from, to = c.around(pos, trig, r.lead, r.tail)
	return from, to, trig
}

// nextNeed returns where the i-th need word x of rule r next occurs at or
// after pos, or -1. Answers are kept for the rule being run, so that a
// sentence is searched for x about once however many times the rule asks:
// the positions one rule asks from only grow.
func (c *context) nextNeed(r *rule, i int, x string, pos int) int {
	if i >= len(c.needAt) {
		return indexFrom(c.s, x, pos)
	}
	if c.needRule != r {
		c.needRule = r
		for k := range c.needAt {
			c.needAt[k] = -2 // not searched yet
		}
	}
	if at := c.needAt[i]; at == -1 || at >= pos {
		return at
	}
	at := indexFrom(c.s, x, pos)
	c.needAt[i] = at
	return at
}

// indexFrom returns where x next occurs in s at or after pos, or -1.
func indexFrom(s, x string, pos int) int {
	at := strings.Index(s[pos:], x)
	if at >= 0 {
		at += pos
	}
	return at
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

type span struct{ start, end int }

// freeSpan reports whether [start, end) overlaps none of the sorted,
// disjoint spans, and where it would go among them.
func freeSpan(spans []span, start, end int) (int, bool) {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].end > start })
	return k, k == len(spans) || spans[k].start >= end
}

// nextWord returns the first position after i where a word starts.
func nextWord(s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	j := i + max(size, 1)
	for j < len(s) && (isWordByte(s[j]) && isWordByte(s[j-1])) {
		j++
	}
	return j
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// prevWord returns the word just before position i, skipping spaces only.
func prevWord(s string, i int) string {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isWordByte(s[k-1]) {
		k--
	}
	return s[k:j]
}

// nextToken returns what follows position i after spaces: a word (letters
// and digits), or else the single next character; "" at the end.
func nextToken(s string, i int) string {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && isWordByte(s[j]) {
		j++
	}
	if j == i && i < len(s) {
		_, size := utf8.DecodeRuneInString(s[i:])
		j = i + size
	}
	return s[i:j]
}

// countNouns follow a number that counts things; after one, "2000" is
// not a year. Words that also start a clause ("In 2019 police said") are
// left out: after "about" any lowercase word is suspect anyway.
var countNouns = map[string]bool{
	"people": true, "persons": true, "troops": true, "soldiers": true, "fighters": true, "militants": true,
	"civilians": true, "votes": true, "voters": true, "members": true, "residents": true, "homes": true,
	"houses": true, "buildings": true, "dollars": true, "euros": true, "pounds": true, "rubles": true,
	"roubles": true, "yuan": true, "yen": true, "miles": true, "kilometres": true, "kilometers": true,
	"km": true, "metres": true, "meters": true, "feet": true, "tons": true, "tonnes": true, "hectares": true,
	"acres": true, "units": true, "cases": true, "deaths": true, "workers": true, "jobs": true,
	"times": true, "percent": true, "per": true, "refugees": true, "migrants": true, "students": true,
	"employees": true, "prisoners": true, "hostages": true, "vehicles": true, "rockets": true,
	"missiles": true, "drones": true, "words": true, "pages": true, "years": true, "months": true,
	"weeks": true, "days": true, "hours": true, "minutes": true, "seconds": true, "points": true,
	"barrels": true, "square": true,
}

// countFollows reports whether the number ending at i counts something
// ("2,000", "2000 people", "2000%") rather than naming a year.
func countFollows(s string, i int) bool {
	if i < len(s) {
		switch c := s[i]; {
		case c == '%':
			return true
		case (c == ',' || c == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			return true
		}
	}
	return countNouns[strings.ToLower(nextToken(s, i))]
}

// yearFollowers may come after a year that has no preposition before it:
// "peaking at about 2018, when", "around 2018 and".
var yearFollowers = map[string]bool{
	"and": true, "or": true, "but": true, "when": true, "that": true, "the": true, "to": true, "as": true,
	"after": true, "before": true, "until": true, "while": true, "with": true, "in": true, "on": true,
	"at": true, "for": true, "from": true, "which": true, "where": true, "though": true, "although": true,
	"because": true, "if": true, "so": true, "then": true, "onward": true, "onwards": true, "forward": true,
	"is": true, "was": true, "were": true, "has": true, "had": true, "have": true, "did": true,
}

// yearPreps make the number after them a year.
var yearPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "during": true, "through": true,
	"throughout": true, "from": true, "to": true, "of": true, "after": true, "before": true,
}

// Tables for the words the rules match.
var (
	// counts written as phrases, beyond english.Number
	countPhrases = map[string]int{"a": 1, "an": 1, "a couple of": 2, "a dozen": 12}
	// hedges that make a date approximate ("just", "only", "exactly" do not)
	approxHedges = map[string]bool{
		"about": true, "around": true, "roughly": true, "nearly": true, "almost": true, "some": true,
		"approximately": true, "more than": true, "over": true, "less than": true, "under": true,
		"just over": true, "just under": true, "at least": true, "fewer than": true, "barely": true,
		"circa": true, "c.": true, "ca.": true,
	}
	// words before a weekday that make it a holiday or a name, not a date
	weekdayNamers = map[string]bool{
		"Black": true, "Good": true, "Super": true, "Ash": true, "Cyber": true, "Bloody": true,
		"Holy": true, "Maundy": true, "Easter": true, "Palm": true, "Giving": true, "Blue": true,
		"Shrove": true, "Whit": true, "Low": true, "Clean": true, "Great": true, "Fat": true,
		"Man": true, "Girl": true, "every": true, "Every": true, "each": true, "Each": true,
	}
)

// monthOf returns the month a matched name or abbreviation names.
func monthOf(tok string) time.Month {
	if m, ok := english.Month(tok); ok {
		return m
	}
	m, _ := english.MonthAbbreviation(tok)
	return m
}

// weekdayOf returns the day a matched weekday name names.
func weekdayOf(tok string) time.Weekday {
	d, _ := english.Weekday(tok)
	return d
}

// number reads a count written as digits or words: "two", "twenty-five",
// "a couple of", "12". It returns 0 when it cannot.
func number(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if n, ok := countPhrases[s]; ok {
		return n
	}
	n, _ := english.Number(strings.ReplaceAll(s, " ", "-"))
	return n
}

// canon lowercases and collapses the spaces in a matched phrase.
func canon(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// modOf maps "early", "the end of" and the like to "start", "mid" or "end".
func modOf(s string) string {
	switch c := canon(s); {
	case c == "":
		return ""
	case c == "early" || c == "the beginning of" || c == "the start of" || c == "the first half of":
		return "start"
	case c == "mid" || c == "the middle of":
		return "mid"
	case c == "late" || c == "the end of" || c == "the second half of":
		return "end"
	}
	return ""
}

// Formatting. A year outside 1..9999 cannot be written as YYYY, so it
// leaves the date unresolved.

func fmtYear(y int) string {
	if y < 1 || y > 9999 {
		return ""
	}
	ys := strconv.Itoa(y)
	return strings.Repeat("0", 4-len(ys)) + ys
}

func fmtMonth(y int, m time.Month) string {
	t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	ys := fmtYear(t.Year())
	if ys == "" {
		return ""
	}
	return ys + "-" + twoDigits(int(t.Month()))
}

func fmtDay(t time.Time) string {
	ys := fmtYear(t.Year())
	if ys == "" {
		return ""
	}
	return ys + "-" + twoDigits(int(t.Month())) + "-" + twoDigits(t.Day())
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

func dayOf(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// validDay reports whether d is a day of month m in some year (Feb 29 is).
func validDay(m time.Month, d int) bool {
	return d >= 1 && d <= dayOf(2000, m+1, 0).Day()
}

// Resolvers, one per rule.

func resolveISO(m *match) (Mention, bool) {
	y, _ := strconv.Atoi(m.group("y"))
	mo, _ := strconv.Atoi(m.group("m"))
	d, _ := strconv.Atoi(m.group("d"))
	t := dayOf(y, time.Month(mo), d)
	if mo < 1 || mo > 12 || t.Day() != d {
		return Mention{}, false
	}
	return Mention{Date: fmtDay(t)}, true
}

func resolveMonthDay(m *match) (Mention, bool) {
	mon := monthOf(m.group("mon"))
	d, _ := strconv.Atoi(m.group("day"))
	if !validDay(mon, d) {
		return Mention{}, false
	}
	year := m.group("year")
	if year == "" && m.group("wd") == "" {
		// "In January 13 people died": a month, then a count.
		if strings.EqualFold(prevWord(m.s, m.start()), "in") {
			if tok := nextToken(m.s, m.end()); tok != "" && tok[0] >= 'a' && tok[0] <= 'z' {
				return Mention{}, false
			}
		}
		if countFollows(m.s, m.end()) {
			return Mention{}, false
		}
	}
	d2 := 0
	if g := m.group("day2"); g != "" {
		d2, _ = strconv.Atoi(g)
		if d2 <= d || !validDay(mon, d2) {
			return Mention{}, false
		}
	}
	return resolveDayDate(m, mon, d, d2, year)
}

func resolveDayMonth(m *match) (Mention, bool) {
	mon := monthOf(m.group("mon"))
	d, _ := strconv.Atoi(m.group("day"))
	if !validDay(mon, d) {
		return Mention{}, false
	}
	year := m.group("year")
	if year == "" && m.group("wd") == "" && m.group("the") == "" && m.group("of") == "" {
		switch strings.ToLower(prevWord(m.s, m.start())) {
		case "on", "since", "until", "till", "by", "from":
		default:
			return Mention{}, false
		}
	}
	return resolveDayDate(m, mon, d, 0, year)
}

// resolveDayDate finishes "March 22[-24][, 2024]", with the weekday if one
// was given.
func resolveDayDate(m *match, mon time.Month, d, d2 int, year string) (Mention, bool) {
	var t time.Time
	switch {
	case year != "":
		y, _ := strconv.Atoi(year)
		t = dayOf(y, mon, d)
		if t.Day() != d { // Feb 29 in a common year
			return Mention{}, false
		}
	case !m.known:
		return Mention{}, true
	default:
		wd, hasWd := time.Weekday(0), m.group("wd") != ""
		if hasWd {
			wd = weekdayOf(m.group("wd"))
		}
		t = yearFor(m.pub, mon, d, m.direction(strings.ToLower(prevWord(m.s, m.start()))), hasWd, wd)
	}
	dm := Mention{Date: fmtDay(t)}
	if d2 > 0 {
		dm.EndDate = fmtDay(dayOf(t.Year(), mon, d2))
		if dm.Date == "" || dm.EndDate == "" {
			dm.Date, dm.EndDate = "", ""
		}
	}
	return dm, true
}

// A direction says which occurrence of a date the text leaves
// underspecified ("March 22", "in May") is meant, relative to the anchor.
type direction int8

const (
	back    direction = -1 // the latest on or before the anchor
	nearest direction = 0  // the nearest, before or after (a tie goes back)
	forward direction = 1  // the first on or after the anchor
)

// direction returns which occurrence the match means: by the preposition
// before it ("since" looks back, "until" ahead), then by tense. Without a
// clear past or future, the nearest occurrence is meant: news writes the
// year out when it is not the current one.
func (m *match) direction(prep string) direction {
	t := m.tense()
	switch {
	case prep == "since":
		return back
	case t == tenseFuture:
		return forward
	case t == tensePast:
		return back
	case (prep == "until" || prep == "till") && t != tenseWould:
		return forward
	}
	return nearest
}

// yearFor puts month and day in the year dir picks relative to pub. A
// weekday, when given, picks the nearby year where the date falls on it.
func yearFor(pub time.Time, mon time.Month, d int, dir direction, hasWd bool, wd time.Weekday) time.Time {
	var t time.Time
	if dir == nearest {
		for _, y := range []int{pub.Year() - 1, pub.Year(), pub.Year() + 1} {
			u := dayOf(y, mon, d)
			if u.Day() == d && (t.IsZero() || absDays(u, pub) < absDays(t, pub)) {
				t = u
			}
		}
		if t.IsZero() { // Feb 29 far from a leap year
			dir = back
		}
	}
	step := int(dir)
	if dir != nearest {
		y := pub.Year()
		t = dayOf(y, mon, d)
		for i := 0; i < 8 && (t.Day() != d || (dir == back && t.After(pub)) || (dir == forward && t.Before(pub))); i++ {
			y += step
			t = dayOf(y, mon, d)
		}
	} else {
		step = -1
	}
	if !hasWd || t.Weekday() == wd {
		return t
	}
	y := t.Year()
	for _, dy := range []int{-step, 2 * -step, step, 2 * step} {
		if u := dayOf(y+dy, mon, d); u.Day() == d && u.Weekday() == wd {
			return u
		}
	}
	return t
}

// absDays returns how many days apart a and b are.
func absDays(a, b time.Time) time.Duration {
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	return d
}

func resolveMonthYear(m *match) (Mention, bool) {
	y, _ := strconv.Atoi(m.group("year"))
	if countFollows(m.s, m.end()) {
		return Mention{}, false
	}
	mod := modOf(m.group("mod"))
	return Mention{Date: fmtMonth(y, monthOf(m.group("mon"))), Mod: mod, Approx: mod != ""}, true
}

func resolveYearRange(m *match) (Mention, bool) {
	y1, _ := strconv.Atoi(m.group("y1"))
	g2 := m.group("y2")
	y2, _ := strconv.Atoi(g2)
	prep, sep := canon(m.group("prep")), canon(m.group("sep"))
	if len(g2) == 2 {
		if m.group("dash") == "" {
			return Mention{}, false
		}
		y2 += y1 / 100 * 100
		if y2 <= y1 {
			y2 += 100
		}
		if y2-y1 > 10 { // "2023-02" is a month, not 2023 to 2102
			return Mention{}, false
		}
	}
	if e := m.end(); e+1 < len(m.s) && (m.s[e] == '-' || m.s[e] == '/') && m.s[e+1] >= '0' && m.s[e+1] <= '9' {
		return Mention{}, false // part of a numeric date
	}
	if m.group("dash") == "/" && y2 != y1+1 {
		return Mention{}, false // "2022/23" is a season or a financial year; other slashes are not spans
	}
	if prep == "until" || prep == "till" || prep == "by" || prep == "at" {
		if m.group("edge") == "" {
			return Mention{}, false
		}
	}
	switch {
	case y2 <= y1 || y2-y1 > 99:
		return Mention{}, false
	case sep == "and" && prep != "between":
		return Mention{}, false
	case sep != "" && sep != "and" && prep != "from" && prep != "between":
		return Mention{}, false
	case countFollows(m.s, m.end()):
		return Mention{}, false
	}
	switch canon(m.group("edge")) {
	case "the end", "the close":
		return Mention{Date: fmtYear(y2)}, true // the end of the 2022/23 season
	case "the start", "the beginning":
		return Mention{Date: fmtYear(y1)}, true
	}
	return Mention{Date: fmtYear(y1), EndDate: fmtYear(y2)}, true
}

func resolveDecade(m *match) (Mention, bool) {
	g := m.group("dec")
	var y int
	if g[0] >= '0' && g[0] <= '9' {
		y, _ = strconv.Atoi(g)
	} else {
		_, size := utf8.DecodeRuneInString(g)
		yy, _ := strconv.Atoi(g[size:])
		switch {
		case m.known:
			y = m.pub.Year()/100*100 + yy
			if y > m.pub.Year() {
				y -= 100
			}
		case yy >= 30:
			y = 1900 + yy
		default:
			return Mention{Approx: true}, true
		}
	}
	from, to := y, y+9
	mod := modOf(m.group("mod"))
	switch mod {
	case "start":
		to = y + 3
	case "mid":
		from, to = y+4, y+6
	case "end":
		from = y + 7
	}
	return Mention{Date: fmtYear(from), EndDate: fmtYear(to), Approx: true, Mod: mod}, true
}

// seasonStart is the first month of each season (northern hemisphere).
var seasonStart = map[string]time.Month{
	"spring": time.March, "summer": time.June, "fall": time.September, "autumn": time.September, "winter": time.December,
}

func resolveSeason(m *match) (Mention, bool) {
	season := strings.ToLower(m.group("season"))
	first := seasonStart[season]
	rel := canon(m.group("rel"))
	year := m.group("year")
	mod := modOf(m.group("mod") + m.group("mod2"))
	if year == "" && rel == "" || year != "" && rel != "" {
		return Mention{}, false
	}
	if year != "" && countFollows(m.s, m.end()) {
		return Mention{}, false
	}
	dm := Mention{Approx: true, Mod: mod}
	var start time.Time // the season's first month
	switch {
	case year != "":
		y, _ := strconv.Atoi(year)
		if season == "winter" { // "the winter of 2022" straddles two years
			dm.Date = fmtYear(y)
			return dm, true
		}
		start = dayOf(y, first, 1)
	case !m.known:
		return dm, true
	default:
		pm := dayOf(m.pub.Year(), m.pub.Month(), 1)
		// the season in progress or most recently begun
		cur := dayOf(m.pub.Year(), first, 1)
		if cur.After(pm) {
			cur = cur.AddDate(-1, 0, 0)
		}
		switch rel {
		case "last", "this past", "this last":
			// the latest one already over by the publication month
			start = cur
			if cur.AddDate(0, 3, 0).After(pm) {
				start = cur.AddDate(-1, 0, 0)
			}
		case "next", "this coming":
			start = cur.AddDate(1, 0, 0)
		default: // "this summer": this year's, or the winter now under way
			start = dayOf(m.pub.Year(), first, 1)
			if season == "winter" && m.pub.Month() <= time.February {
				start = start.AddDate(-1, 0, 0)
			}
		}
	}
	if season != "winter" {
		// a season names no month: its year, as "early 1959" does ("the
		// summer of 1959" is 1959, "last fall" the year of that fall); a
		// winter straddles two, so it keeps its months. "Late spring" is
		// not late in the year: the modifier goes.
		dm.Date, dm.Mod = fmtYear(start.Year()), ""
		return dm, true
	}
	dm.Date = fmtMonth(start.Year(), start.Month())
	end := start.AddDate(0, 2, 0)
	dm.EndDate = fmtMonth(end.Year(), end.Month())
	if dm.Date == "" || dm.EndDate == "" {
		dm.Date, dm.EndDate = "", ""
	}
	return dm, true
}

func resolveApproxYear(m *match) (Mention, bool) {
	if countFollows(m.s, m.end()) {
		return Mention{}, false
	}
	if !yearPreps[strings.ToLower(prevWord(m.s, m.start()))] {
		tok := nextToken(m.s, m.end())
		if tok != "" && tok[0] >= 'a' && tok[0] <= 'z' && !yearFollowers[tok] {
			return Mention{}, false
		}
	}
	y, _ := strconv.Atoi(m.group("year"))
	return Mention{Date: fmtYear(y), Approx: true}, true
}

func resolveYear(m *match) (Mention, bool) {
	prep, mod := canon(m.group("prep")), modOf(m.group("mod"))
	if prep == "" && m.group("mod") == "" && !attributiveYear(m.s, m.start(), m.end()) || countFollows(m.s, m.end()) {
		return Mention{}, false
	}
	y, _ := strconv.Atoi(m.group("year"))
	dm := Mention{Date: fmtYear(y), Approx: mod != "", Mod: mod}
	if prep == "and" || prep == "or" {
		// "in 2019 and 2020": only after another year, and only the year is the expression
		if w := prevWord(m.s, m.start()); len(w) != 4 || w < "1900" || w > "2099" || strings.Trim(w, "0123456789") != "" {
			return Mention{}, false
		}
		dm.Start, dm.End = m.groupStart("year"), m.end()
	}
	if q := strings.ToLower(m.group("q")); q != "" {
		first := time.October // fourth, final, last
		switch q {
		case "first":
			first = time.January
		case "second":
			first = time.April
		case "third":
			first = time.July
		}
		dm.Date, dm.EndDate = fmtMonth(y, first), fmtMonth(y, first+2)
	}
	return dm, true
}

// yearDeterminers may stand before a year used as a modifier: "the 2016
// election", "a confident 2010 appearance", "its 2019 report"; so may a
// possessive ("Lind’s 2016 campaign").
var yearDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true,
	"our": true, "my": true, "this": true, "that": true, "whose": true,
}

// attributiveYear reports whether the year at s[start:end] modifies the
// noun after it ("the 2016 election"): a determiner stands before it, with
// at most one lower-case word between, and a lower-case word that counts
// nothing follows.
func attributiveYear(s string, start, end int) bool {
	next := nextToken(s, end)
	if next == "" || next[0] < 'a' || next[0] > 'z' || countNouns[next] {
		return false
	}
	w := prevWord(s, start)
	if yearDeterminers[strings.ToLower(w)] {
		return true
	}
	if before := strings.TrimRight(s[:start], " "); strings.HasSuffix(before, "’s") || strings.HasSuffix(before, "'s") {
		return true // a possessive determines it: "Lind’s 2016 election campaign"
	}
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	i := strings.LastIndex(s[:start], w)
	return i > 0 && yearDeterminers[strings.ToLower(prevWord(s, i))]
}

func resolveMonth(m *match) (Mention, bool) {
	mon := monthOf(m.group("mon"))
	prep, rel, rel2 := canon(m.group("prep")), canon(m.group("rel")), canon(m.group("rel2"))
	mod := modOf(m.group("mod"))
	bare := prep == "" && rel == "" && rel2 == "" && mod == ""
	if bare && (mon == time.May || !monthActs(m.s, m.start(), m.end())) {
		return Mention{}, false
	}
	if mon == time.May && rel == "" && rel2 == "" && mod == "" {
		// "by May", "from May" are too often the surname
		switch prep {
		case "in", "since", "until", "till", "during", "through", "throughout":
		default:
			return Mention{}, false
		}
	}
	dm := Mention{Mod: mod, Approx: mod != ""}
	if !m.known {
		return dm, true
	}
	py, pm := m.pub.Year(), m.pub.Month()
	var y int
	switch {
	case rel2 == "last": // "March of last year"
		y = py - 1
	case rel2 == "next":
		y = py + 1
	case rel2 == "this":
		y = py
	case rel == "next":
		y = py + 1
	case rel == "this":
		y = py
	case rel == "last" || rel == "this past" || rel == "this last":
		// the latest one over before publication: "last February" in
		// November is this year's
		y = py
		if mon >= pm {
			y--
		}
	case rel == "this coming":
		y = py
		if mon <= pm {
			y++
		}
	case bare:
		y = monthYear(py, pm, mon, back) // "November marked …": the last one
	default:
		y = monthYear(py, pm, mon, m.direction(prep))
	}
	dm.Date = fmtMonth(y, mon)
	return dm, true
}

// monthActs reports whether the month name at s[start:end] is the subject
// of a verb in the past tense ("November marked the start of the season",
// "March was the wettest on record"): it opens its sentence or clause, and
// a past form follows it.
func monthActs(s string, start, end int) bool {
	before := strings.TrimRight(s[:start], " ")
	if before != "" && !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, ";") && !strings.HasSuffix(before, "—") {
		w := strings.ToLower(prevWord(s, start))
		if w != "and" && w != "but" {
			return false
		}
	}
	next := strings.ToLower(nextToken(s, end))
	if next == "was" || next == "were" || next == "had" || english.IsIrregularPast(next) {
		return true
	}
	return strings.HasSuffix(next, "ed") && len(next) > 4 && !edNotPast[next]
}

// resolveEarlyYear resolves a year before 1900 after a preposition:
// "since 1840". A number that counts things ("in 1500 homes") is none.
func resolveEarlyYear(m *match) (Mention, bool) {
	if countFollows(m.s, m.end()) {
		return Mention{}, false
	}
	if e := m.end(); e < len(m.s) && (m.s[e] == '/' || m.s[e] == '-' || m.s[e] == '.' && e+1 < len(m.s) && isDigit(m.s[e+1])) {
		return Mention{}, false
	}
	if tok := nextToken(m.s, m.end()); tok != "" && tok[0] >= 'a' && tok[0] <= 'z' && !yearFollowers[tok] {
		return Mention{}, false
	}
	y, _ := strconv.Atoi(m.group("year"))
	return Mention{Date: fmtYear(y)}, true
}

// resolveNamedDate resolves a date English names by its numbers: "9/11".
func resolveNamedDate(m *match) (Mention, bool) {
	if b, e := m.start(), m.end(); b > 0 && (m.s[b-1] == '/' || isDigit(m.s[b-1])) || e < len(m.s) && (m.s[e] == '/' || isDigit(m.s[e])) {
		return Mention{}, false // part of a numeric date: 9/11/2020
	}
	return Mention{Date: "2001-09-11"}, true
}

// monthYear returns the year in which month mon lies in direction dir from
// month pm of year py.
func monthYear(py int, pm, mon time.Month, dir direction) int {
	behind, ahead := (int(pm)-int(mon)+12)%12, (int(mon)-int(pm)+12)%12
	if dir == nearest {
		dir = back
		if ahead < behind {
			dir = forward
		}
	}
	switch {
	case dir == forward && mon < pm:
		return py + 1
	case dir == back && mon > pm:
		return py - 1
	}
	return py
}

// unitYears is the number of years a decade or century unit stands for.
func unitYears(unit string) int {
	switch u := strings.ToLower(unit); {
	case strings.HasPrefix(u, "decade"):
		return 10
	case strings.HasPrefix(u, "centur"):
		return 100
	case strings.HasPrefix(u, "year"):
		return 1
	}
	return 0
}

func resolveOld(m *match) (Mention, bool) {
	n := number(m.group("n"))
	if n <= 0 {
		return Mention{}, false
	}
	if unit := m.group("unit"); n > 1 && !strings.HasSuffix(unit, "s") && !strings.HasSuffix(m.s[m.groupStart("n"):m.groupStart("unit")], "-") {
		return Mention{}, false // "four century-old ships" counts ships, not centuries
	}
	dm := Mention{Approx: true}
	if m.known {
		dm.Date = fmtYear(m.pub.Year() - n*unitYears(m.group("unit")))
	}
	return dm, true
}

func resolveAgo(m *match) (Mention, bool) {
	n := number(m.group("n"))
	if n <= 0 {
		return Mention{}, false
	}
	unit := strings.ToLower(m.group("unit"))
	dm := Mention{Approx: approxHedges[canon(m.group("hedge"))] || unitYears(unit) >= 10 || canon(m.group("n")) == "a couple of"}
	if !m.known {
		return dm, true
	}
	p := m.pub
	switch {
	case unit == "year" && n == 1:
		dm.Date = fmtMonth(p.Year()-1, p.Month()) // "a year ago": about twelve months, so the month
	case unitYears(unit) > 0:
		dm.Date = fmtYear(p.Year() - n*unitYears(unit))
	case strings.HasPrefix(unit, "month"):
		dm.Date = fmtMonth(p.Year(), p.Month()-time.Month(n))
	case strings.HasPrefix(unit, "week"):
		w := p.AddDate(0, 0, -7*n) // "two weeks ago": some day that week, so its month
		dm.Date, dm.Approx = fmtMonth(w.Year(), w.Month()), true
	default:
		dm.Date = fmtDay(p.AddDate(0, 0, -n))
	}
	return dm, true
}

func resolveSpan(m *match) (Mention, bool) {
	unit := strings.ToLower(m.group("unit"))
	n := 1
	if g := m.group("n"); g != "" {
		n = number(g)
	} else if strings.HasSuffix(unit, "s") {
		return Mention{}, false // "the past years" is vague
	}
	if n <= 0 {
		return Mention{}, false
	}
	// "the last two years of the war" is not measured from publication
	if rest := strings.TrimLeft(m.s[m.end():], " "); strings.HasPrefix(rest, "of ") || strings.HasPrefix(rest, "of\u00a0") {
		return Mention{}, false
	}
	// "The next year, it expanded" counts from a date the text gave, not
	// from publication: left to the anchored rules.
	if r := strings.ToLower(m.group("rel")); r == "next" && m.group("n") == "" && !m.tense().future() {
		return Mention{}, false
	}
	var dm Mention
	if !m.known {
		return dm, true
	}
	p := m.pub
	if r := strings.ToLower(m.group("rel")); r == "next" || r == "coming" {
		n = -n // "the next two years" runs forward from publication
	}
	switch {
	case unitYears(unit) > 0:
		dm.Date, dm.EndDate = fmtYear(p.Year()-n*unitYears(unit)), fmtYear(p.Year())
	case strings.HasPrefix(unit, "month"):
		dm.Date, dm.EndDate = fmtMonth(p.Year(), p.Month()-time.Month(n)), fmtMonth(p.Year(), p.Month())
	case strings.HasPrefix(unit, "week"):
		dm.Date, dm.EndDate = fmtDay(p.AddDate(0, 0, -7*n)), fmtDay(p)
	default:
		dm.Date, dm.EndDate = fmtDay(p.AddDate(0, 0, -n)), fmtDay(p)
	}
	if n < 0 {
		dm.Date, dm.EndDate = dm.EndDate, dm.Date
	}
	if dm.Date == "" || dm.EndDate == "" {
		dm.Date, dm.EndDate = "", ""
	}
	return dm, true
}

// monday returns the Monday of t's week (weeks run Monday to Sunday).
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func resolveRelative(m *match) (Mention, bool) {
	rawMod := canon(m.group("mod"))
	if rawMod == "" {
		// "the last year" is a span, left to that rule
		if strings.EqualFold(prevWord(m.s, m.start()), "the") {
			return Mention{}, false
		}
	}
	mod := modOf(rawMod)
	dm := Mention{Mod: mod, Approx: mod != ""}
	if !m.known {
		return dm, true
	}
	off := 0
	switch canon(m.group("rel")) {
	case "last", "this past", "this last":
		off = -1
	case "next", "this coming":
		off = 1
	}
	p := m.pub
	switch strings.ToLower(m.group("unit")) {
	case "year":
		dm.Date = fmtYear(p.Year() + off)
	case "month":
		dm.Date = fmtMonth(p.Year(), p.Month()+time.Month(off))
	case "week":
		// some day that week: its month, as a week names no day (the
		// month of its Thursday when it straddles two)
		w := monday(p).AddDate(0, 0, 7*off+3)
		if t := m.tense(); off == 0 && (rawMod == "earlier" || !t.future() && t != tenseNone) {
			// "earlier this week", or this week in the past tense: the days
			// from Monday to the day before publication
			mon := monday(p)
			w = mon.AddDate(0, 0, max(0, int(p.Sub(mon).Hours()/24)-1)/2)
		}
		dm.Date, dm.Approx = fmtMonth(w.Year(), w.Month()), true
	case "weekend":
		w := monday(p).AddDate(0, 0, 7*off)
		dm.Date, dm.EndDate = fmtDay(w.AddDate(0, 0, 5)), fmtDay(w.AddDate(0, 0, 6))
	}
	if dm.Date == "" || (dm.EndDate == "") != (dm.Date == "") && canon(m.group("unit")) == "weekend" {
		dm.Date, dm.EndDate = "", ""
	}
	return dm, true
}

func resolveWeekend(m *match) (Mention, bool) {
	var dm Mention
	if !m.known {
		return dm, true
	}
	p := m.pub
	w := monday(p)
	wd := p.Weekday()
	weekend := wd == time.Saturday || wd == time.Sunday
	if !m.future() && !weekend {
		w = w.AddDate(0, 0, -7)
	}
	dm.Date, dm.EndDate = fmtDay(w.AddDate(0, 0, 5)), fmtDay(w.AddDate(0, 0, 6))
	if dm.Date == "" || dm.EndDate == "" {
		dm.Date, dm.EndDate = "", ""
	}
	return dm, true
}

func resolveDeictic(m *match) (Mention, bool) {
	w := m.group("w")
	if c := w[0]; c >= 'A' && c <= 'Z' && !sentenceStartBefore(m.s, m.start()) {
		return Mention{}, false // a capitalised "Today" mid-sentence is a title or a name
	}
	if strings.EqualFold(w, "today") && nowadays(m.s, m.end()) {
		return Mention{}, false
	}
	var dm Mention
	if !m.known {
		return dm, true
	}
	off := 0
	switch canon(w) {
	case "yesterday", "last night":
		off = -1
	case "tomorrow":
		off = 1
	}
	dm.Date = fmtDay(m.pub.AddDate(0, 0, off))
	return dm, true
}

// presentVerbs, soon after "today", make it mean "nowadays", not a day.
var presentVerbs = map[string]bool{
	"is": true, "are": true, "has": true, "have": true, "remains": true, "remain": true,
	"stands": true, "exists": true, "lives": true, "live": true, "employs": true, "counts": true,
}

// nowadays reports whether "today" ending at i is followed within three
// words by a present-tense verb: "today it has 281 members".
func nowadays(s string, i int) bool {
	for n := 0; n < 3 && i < len(s); n++ {
		for i < len(s) && !isWordByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if presentVerbs[strings.ToLower(s[i:j])] {
			return true
		}
		i = j
	}
	return false
}

// sentenceStartBefore reports whether only spaces, quotes, brackets or a
// dash stand between the start of s (or a colon) and position i.
func sentenceStartBefore(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \"'([“‘—–-")
	return t == "" || strings.HasSuffix(t, ":")
}

func resolveWeekday(m *match) (Mention, bool) {
	rel := canon(m.group("rel"))
	if rel == "" && m.group("on") == "" && m.group("part") == "" && m.group("time") == "" && weekdayNamers[prevWord(m.s, m.start())] {
		return Mention{}, false
	}
	var dm Mention
	if !m.known {
		return dm, true
	}
	wd := weekdayOf(m.group("wd"))
	p := m.pub
	back := int(p.Weekday()-wd+7) % 7 // days back to the latest such day on or before p
	fwd := int(wd-p.Weekday()+7) % 7  // days on to the first such day on or after p
	var t time.Time
	switch rel {
	case "last", "this past", "this last":
		if back == 0 {
			back = 7
		}
		t = p.AddDate(0, 0, -back)
	case "next", "this coming", "coming":
		if fwd == 0 {
			fwd = 7
		}
		t = p.AddDate(0, 0, fwd)
	default:
		if m.future() {
			t = p.AddDate(0, 0, fwd)
		} else {
			t = p.AddDate(0, 0, -back)
		}
	}
	dm.Date = fmtDay(t)
	return dm, true
}

// Tense. The verb nearest the expression decides whether an underspecified
// date lies before or after publication; news defaults to the past.

// pastWords are past-tense cues beyond the irregular past forms
// (english.IsIrregularPast).
var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "been": true,
	"ago": true, "yesterday": true,
}

// notPastCues are irregular past forms that are more often nouns or
// adjectives: "a bit", "the ground", "a lit candle".
var notPastCues = map[string]bool{"bit": true, "ground": true, "lit": true, "beat": true, "hung": true, "stuck": true}

// isPastCue reports whether w (lower case) marks the past tense.
func isPastCue(w string) bool {
	return pastWords[w] || english.IsIrregularPast(w) && !notPastCues[w]
}

// edNotPast end in -ed without being past forms, or are adjectives as often.
var edNotPast = map[string]bool{
	"need": true, "speed": true, "bleed": true, "breed": true, "creed": true, "greed": true, "indeed": true,
	"proceed": true, "succeed": true, "exceed": true, "hundred": true, "embed": true, "based": true,
	"related": true, "alleged": true, "limited": true, "detailed": true, "advanced": true, "expected": true,
	"scheduled": true, "planned": true, "supposed": true, "united": true, "armed": true, "sacred": true,
}

// auxiliaries may stand between a future cue and the participle it governs:
// "will be held", "is expected to have been signed".
var auxiliaries = map[string]bool{
	"be": true, "been": true, "being": true, "have": true, "to": true, "not": true, "also": true,
	"likely": true, "soon": true, "then": true, "again": true, "probably": true, "only": true,
	"finally": true, "formally": true, "officially": true, "get": true,
}

// tenseWindow is how many bytes either side of an expression are searched
// for a tense cue.
const tenseWindow = 160

type tenseWord struct {
	w          string // lowercased
	start, end int
}

// A tense is what the verbs nearest a date expression say about when it is.
type tense uint8

const (
	tenseNone    tense = iota // no cue: present, modal, or nothing
	tensePast                 // "was", "met", "said"
	tenseFuture               // "will", "is expected to", "’ll"
	tenseWould                // reported future: "said it would open"
	tensePerfect              // present perfect: "has been adjourned"
)

// tenseAt returns the tense cue nearest to s[start:end] within its clause.
// A past form governed by a future auxiliary ("will be held") counts as
// future, one after "has" or "have" as present perfect.
func tenseAt(s string, start, end int) tense {
	var buf [64]tenseWord
	words := buf[:0]
	// Only words near the expression, in its clause, count; this also
	// bounds the work on very long "sentences".
	lo, hi := clauseBounds(s, start, end)
	lo, hi = max(lo, start-tenseWindow), min(hi, end+tenseWindow)
	for i := lo; i < hi; {
		j := i
		for j < hi {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'' || r == '’') {
				break
			}
			j += size
		}
		if j == i {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if len(words) == cap(words) {
			break
		}
		words = append(words, tenseWord{strings.ToLower(s[i:j]), i, j})
		i = j
	}
	best, found := -1, tenseNone
	for k, tw := range words {
		if tw.start >= start && tw.end <= end {
			continue
		}
		w := tw.w
		kind := tenseNone
		switch {
		case w == "would" && k+1 < len(words) && words[k+1].w == "have":
			kind = tensePast // "would have met"
		case w == "would":
			kind = tenseWould
		case isFutureWord(w):
			kind = tenseFuture
		case (w == "going" || w == "set" || w == "due") && strings.HasPrefix(s[tw.end:], " to "),
			(w == "set" || w == "slated") && strings.HasPrefix(s[tw.end:], " for "):
			kind = tenseFuture
		case isPastCue(w) || len(w) >= 5 && strings.HasSuffix(w, "ed") && !edNotPast[w]:
			kind = governed(words, k)
		}
		if kind == tenseNone {
			continue
		}
		d := start - tw.end
		if tw.start >= end {
			d = tw.start - end
		}
		if best < 0 || d < best {
			best, found = d, kind
		}
	}
	return found
}

// governed returns the tense of the past form words[k], given the
// auxiliaries before it: "will be held" and "is being held" are future,
// "would have started" past, "has been adjourned" present perfect, "was
// held" past.
func governed(words []tenseWord, k int) tense {
	if k >= 2 && words[k-1].w == "being" && presentBe(words[k-2].w) {
		return tenseFuture // "is being held on March 22": under way or to come, not over
	}
	have := false
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		w := words[b].w
		if isFutureWord(w) || w == "would" {
			if have && w == "would" {
				return tensePast
			}
			return tenseFuture
		}
		if w == "has" || w == "have" || w == "’ve" || w == "'ve" {
			return tensePerfect
		}
		if !auxiliaries[w] {
			break
		}
		have = have || w == "have"
	}
	if words[k].w == "been" && k > 0 && (words[k-1].w == "has" || words[k-1].w == "have") {
		return tensePerfect
	}
	return tensePast
}

// presentBe reports whether w is a present form of "be".
func presentBe(w string) bool {
	switch w {
	case "is", "are", "am", "’s", "'s":
		return true
	}
	return false
}

// clauseBounds returns the part of s around s[start:end] that belongs to
// the same clause: it ends at a semicolon, a dash, a bracket, or a comma
// that opens another clause (", as", ", which", ", but").
func clauseBounds(s string, start, end int) (lo, hi int) {
	lo, hi = 0, len(s)
	for i := start - 1; i >= 0 && start-i <= tenseWindow; i-- {
		if clauseBreakAt(s, i) {
			lo = i + 1
			break
		}
	}
	for i := end; i < len(s) && i-end <= tenseWindow; i++ {
		if clauseBreakAt(s, i) {
			hi = i
			break
		}
	}
	return lo, hi
}

// clauseStarters, after a comma, open a clause of their own.
var clauseStarters = map[string]bool{
	"as": true, "while": true, "when": true, "whereas": true, "because": true, "although": true,
	"though": true, "since": true, "but": true, "which": true, "who": true, "where": true,
	"whose": true, "after": true, "before": true, "until": true, "if": true, "and": true,
}

// clauseBreakAt reports whether s[i] ends a clause: see clauseBounds.
func clauseBreakAt(s string, i int) bool {
	switch s[i] {
	case ';', '(', ')':
		return true
	case ',':
		return clauseStarters[strings.ToLower(nextToken(s, i+1))]
	case ' ':
		// " - ", or "that" opening a clause of its own: "her pledge on
		// Monday that there would be" is no future pledge; "that
		// decision" opens none
		return i+2 < len(s) && s[i+1] == '-' && s[i+2] == ' ' || strings.EqualFold(nextToken(s, i+1), "that") && opensClause(s, i+1)
	case 0xe2: // the first byte of "—" and "–"
		return strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–")
	}
	return false
}

// opensClause reports whether the "that" at s[i:] (after spaces) opens a
// clause: a pronoun, "there", an article, a name or a verb follows it, not
// a noun it determines ("that decision").
func opensClause(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	next := nextToken(s, i+len("that"))
	lw := strings.ToLower(next)
	switch lw {
	case "there", "he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "this", "his", "her", "its", "their":
		return true // "that there would be"
	}
	if isFutureWord(lw) || pastWords[lw] || len(lw) > 3 && (strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ed")) {
		return true // "the session that starts in January": a verb, so a clause
	}
	return next != "" && next[0] >= 'A' && next[0] <= 'Z'
}

// future reports whether the expression lies after the anchor by tense:
// a future or reported future ("would") cue.
func (t tense) future() bool { return t == tenseFuture || t == tenseWould }

func isFutureWord(w string) bool { return english.IsFutureCue(w) }
