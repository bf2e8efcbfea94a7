package qa

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	en "github.com/briefbot/briefbot/knowledge/english"
)

// A token is one term found in a text.
type token struct {
	term       string // the indexed term; "" for a stop word
	word       string // the word as written: lower case, apostrophes straightened, possessive dropped
	start, end int    // byte offsets into the text
	pos        int    // word position; a phrase's parts share their first word's
	flags      tokFlag
	id         int32 // the term's index id once the engine is built; -1 while building or when no sentence has it
}

type tokFlag uint16

const (
	tokCap     tokFlag = 1 << iota // starts with an upper-case letter
	tokAllCaps                     // every letter upper case, at least two
	tokNum                         // a number, in digits or words
	tokStop                        // a stop word (term is "")
	tokWh                          // who, what, when, ...
	tokPart                        // one part of a hyphenated word
	tokAlias                       // an extra term from an alias or phrase

	// The classes of words a question is read by, so that its words are
	// looked up once (see classFlags).
	tokSays     // an opinion or reporting verb: "say", "think", "warned"
	tokFraming  // a word that frames a question rather than names its topic
	tokNegation // "not", "never", "didn't"

	tokClasses = tokSays | tokFraming | tokNegation
)

func (t token) has(f tokFlag) bool { return t.flags&f != 0 }

// A word is a run of letters and digits, with inner apostrophes, hyphens,
// abbreviation dots and digit-group commas.
type word struct {
	start, end int
	norm       string // lower case, normalised, possessive dropped
	cap        bool
	allCaps    bool
}

// isIgnorable reports runes that may sit inside a word without breaking it:
// soft hyphens and zero-width characters.
func isIgnorable(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032', '\uff07':
		return true
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// scanWords appends the words of text to dst, in order.
func scanWords(text string, dst []word) []word {
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
			i++ // ASCII that is not a letter or digit
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		segLetters, segDigits := 0, 0 // the current dot-separated segment
		dotted := false
		prev := r
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
				// the common case: an ASCII letter or digit
				if c <= '9' {
					segDigits++
				} else {
					segLetters++
				}
				prev = rune(c)
				i++
				continue
			} else if c < utf8.RuneSelf && c != '\'' && c != '-' && c != '.' && c != ',' {
				break // ASCII that neither continues a word nor joins two parts of one
			}
			r, n = utf8.DecodeRuneInString(text[i:])
			switch {
			case isWordRune(r):
				if unicode.IsDigit(r) {
					segDigits++
				} else {
					segLetters++
				}
				prev = r
				i += n
				continue
			case isIgnorable(r):
				i += n
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			joined := false
			switch {
			case isApostrophe(r) && unicode.IsLetter(next) && unicode.IsLetter(prev):
				joined = true
			case isHyphen(r) && isWordRune(next) && isWordRune(prev):
				joined = true
				segLetters, segDigits = 0, 0
			case r == '.' && unicode.IsLetter(next) && segLetters == 1 && segDigits == 0:
				joined, dotted = true, true
				segLetters = 0
			case r == '.' && unicode.IsDigit(next) && unicode.IsDigit(prev):
				joined = true
			case r == ',' && unicode.IsDigit(prev) && threeDigits(text[i+n:]):
				joined = true
			case r == '.' && dotted && segLetters == 1 && segDigits == 0:
				// the closing dot of "U.S."
				i += n
			}
			if !joined {
				break
			}
			i += n
		}
		dst = append(dst, makeWord(text, start, i))
	}
	return dst
}

// countLetters counts the ASCII letters of s.
func countLetters(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		if c := s[k] | 0x20; 'a' <= c && c <= 'z' {
			n++
		}
	}
	return n
}

// threeDigits reports whether s starts with exactly three digits.
func threeDigits(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

func makeWord(text string, start, end int) word {
	raw := text[start:end]
	w := word{start: start, end: end}
	// Fast path: plain ASCII letters and digits need no rewriting.
	plain, upper := true, 0
	for k := 0; k < len(raw); k++ {
		c := raw[k]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			upper++
		default:
			plain = false
		}
		if !plain {
			break
		}
	}
	if plain {
		w.cap = 'A' <= raw[0] && raw[0] <= 'Z'
		w.allCaps = upper >= 2 && upper == countLetters(raw)
		w.norm = raw
		if upper > 0 {
			w.norm = lowerOpening(raw)
		}
		if w.allCaps {
			if f, ok := capsForms[raw]; ok {
				w.norm = f
			}
		}
		return w
	}
	upper, lower := 0, 0
	var b strings.Builder
	b.Grow(len(raw))
	for k, r := range raw {
		switch {
		case isIgnorable(r):
			continue
		case isApostrophe(r):
			r = '\''
		case isHyphen(r):
			r = '-'
		case unicode.IsUpper(r):
			if k == 0 {
				w.cap = true
			}
			upper++
		case unicode.IsLower(r):
			lower++
		}
		b.WriteRune(unicode.ToLower(r))
	}
	w.allCaps = upper >= 2 && lower == 0
	norm := b.String()
	norm = strings.TrimSuffix(norm, "'s")
	if w.allCaps {
		if f, ok := capsForms[strings.ToUpper(norm)]; ok {
			norm = f
		}
	}
	w.norm = norm
	return w
}

// lowerOpening returns the ASCII word w in lower case; the capitalised
// words most questions open with without allocating.
func lowerOpening(w string) string {
	switch w {
	case "What":
		return "what"
	case "Who":
		return "who"
	case "How":
		return "how"
	case "When":
		return "when"
	case "Where":
		return "where"
	case "Why":
		return "why"
	case "Which":
		return "which"
	case "Whom":
		return "whom"
	case "Whose":
		return "whose"
	case "Is":
		return "is"
	case "Are":
		return "are"
	case "Was":
		return "was"
	case "Were":
		return "were"
	case "Do":
		return "do"
	case "Does":
		return "does"
	case "Did":
		return "did"
	case "Has":
		return "has"
	case "Have":
		return "have"
	case "Had":
		return "had"
	case "Can":
		return "can"
	case "Could":
		return "could"
	case "Will":
		return "will"
	case "Would":
		return "would"
	case "Should":
		return "should"
	}
	return strings.ToLower(w)
}

// Global, read-only tables derived from the lexicon when the package is
// initialised. Go orders these initialisers by their dependencies:
// relatedTerms analyses words through globalWord and stemSynonym, so it is
// built after them.
var (
	globalWord    = buildGlobalWord()    // word → term, for forms that must not be stemmed apart
	globalPhrases = buildGlobalPhrases() // first word → multi-word forms
	stemSynonym   = buildStemSynonym()   // stem → the stem it is indexed under
	relatedTerms  = buildRelatedTerms()  // term → weaker related terms
)

// A phrase is a multi-word form indexed as one term.
type phrase struct {
	words   []string
	term    string
	replace bool // the words stand only for the phrase, and are not indexed themselves
}

// buildStemSynonym maps the stems of synonyms and demonyms to the stem each
// group is indexed under.
func buildStemSynonym() map[string]string {
	m := map[string]string{}
	for _, g := range append(slices.Clip(synonymGroups), roleGroups()...) {
		canon := stemWord(g[0])
		for _, w := range g[1:] {
			m[stemWord(w)] = canon
		}
	}
	for name, demonyms := range en.Countries() {
		if strings.ContainsRune(name, ' ') {
			continue // "united states": a phrase
		}
		canon := stemWord(name)
		for _, d := range demonyms {
			if !strings.ContainsRune(d, ' ') && stemWord(d) != canon {
				m[stemWord(d)] = canon
			}
		}
	}
	return m
}

// buildGlobalWord maps the one-word (or dotted) forms of phrases to their
// term.
func buildGlobalWord() map[string]string {
	m := map[string]string{}
	for _, g := range phrases {
		for _, form := range g[1:] {
			if ws := strings.Fields(form); len(ws) == 1 {
				m[form] = g[0]
			}
		}
	}
	return m
}

// buildGlobalPhrases indexes the multi-word forms of phrases, which replace
// their words, and the multi-word related forms, which are indexed beside
// their words.
func buildGlobalPhrases() map[string][]phrase {
	m := map[string][]phrase{}
	for _, g := range phrases {
		for _, form := range g[1:] {
			if ws := strings.Fields(form); len(ws) > 1 {
				m[ws[0]] = append(m[ws[0]], phrase{words: ws, term: g[0], replace: true})
			}
		}
	}
	for _, k := range relatedKeys() {
		for _, v := range related[k] {
			if ws := strings.Fields(v); len(ws) > 1 && !hasPhrase(m[ws[0]], ws) {
				m[ws[0]] = append(m[ws[0]], phrase{words: ws, term: phraseTerm(ws)})
			}
		}
	}
	return m
}

// buildRelatedTerms analyses the related table into terms.
func buildRelatedTerms() map[string][]string {
	m := map[string][]string{}
	for _, k := range relatedKeys() {
		kt := analyseWord(k)
		for _, v := range related[k] {
			var vt string
			if ws := strings.Fields(v); len(ws) > 1 {
				vt = phraseTerm(ws)
			} else {
				vt = analyseWord(v)
			}
			m[kt] = append(m[kt], vt)
		}
	}
	return m
}

// phraseTerm is the term of a multi-word related form: its words' stems,
// joined.
func phraseTerm(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(stemWord(w))
	}
	return b.String()
}

func hasPhrase(ps []phrase, ws []string) bool {
	for _, p := range ps {
		if strings.Join(p.words, " ") == strings.Join(ws, " ") {
			return true
		}
	}
	return false
}

// relatedKeys returns the keys of related in order, so that the tables are
// built the same way every time.
func relatedKeys() []string {
	keys := make([]string, 0, len(related))
	for k := range related {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// stemWord stems one lower-case word through the irregular-forms table,
// without synonyms or stop-word filtering.
func stemWord(w string) string {
	if l, ok := conflations[w]; ok {
		w = l
	} else if l, ok := en.Lemma(w); ok {
		w = l
	}
	return english.Stem(w, false)
}

// isStop reports whether w (lower case) carries no topic.
func isStop(w string) bool {
	if en.IsStopWord(w) || english.IsStopWord(w) || extraStop[w] || whWords[w] || isAuxiliary(w) {
		return true
	}
	if strings.HasSuffix(w, "n't") {
		return true
	}
	for _, suf := range [...]string{"'re", "'ve", "'ll", "'d", "'m"} {
		if strings.HasSuffix(w, suf) {
			return isStop(strings.TrimSuffix(w, suf))
		}
	}
	return false
}

// analyseWord returns the term of one normalised word, or "" for a stop word.
func analyseWord(w string) string {
	if t, ok := globalWord[w]; ok {
		return t
	}
	if w == "" || isStop(w) {
		return ""
	}
	if n, ok := numberTerm(w); ok {
		return n
	}
	if isNumeric(w) {
		return strings.ReplaceAll(w, ",", "")
	}
	if strings.Contains(w, "-") {
		parts := strings.Split(w, "-")
		for i, p := range parts {
			if t, ok := globalWord[p]; ok {
				parts[i] = t
			} else {
				parts[i] = stemWord(p)
			}
		}
		return strings.Join(parts, "-")
	}
	if strings.Contains(w, ".") {
		w = strings.ReplaceAll(w, ".", "")
		if w == "" || isStop(w) {
			return ""
		}
	}
	if len(w) == 1 && !isNumeric(w) {
		return ""
	}
	s := stemWord(w)
	if c, ok := stemSynonym[s]; ok {
		s = c
	}
	return s
}

// analyseWord returns the term of one normalised word, as analyseWord
// does, but first puts an irregular form the hand-written tables do not
// know into its base form by WordNet's irregular forms: "fled" is flee,
// "crises" crisis.
func (a *analyzer) analyseWord(w string) string {
	_, global := globalWord[w]
	_, conflated := conflations[w]
	_, lemma := en.Lemma(w)
	if !global && !conflated && !lemma && !isStop(w) {
		if b := a.wn.irregularBase(w); b != "" {
			w = b
		}
	}
	return analyseWord(w)
}

// isNumeric reports whether w is digits, with optional group commas and a
// decimal point.
func isNumeric(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// measureUnits are the units written against a number: "31C", "40kg",
// "5km", "39kb". Single letters that name things ("5G", "3M") are left out.
var measureUnits = map[string]bool{
	"c": true, "f": true, "km": true, "cm": true, "mm": true,
	"kg": true, "mg": true, "lb": true, "lbs": true, "ft": true,
	"mph": true, "kph": true, "kmh": true, "kb": true, "mb": true, "gb": true, "tb": true,
	"kw": true, "mw": true, "gw": true, "kwh": true, "mwh": true, "bn": true, "ml": true,
	"mi": true, "yd": true,
}

// isMeasured reports whether the term w is a number with its unit: "31c",
// "40kg" (not "10pm" or "3rd").
func isMeasured(w string) bool {
	i := strings.IndexFunc(w, unicode.IsLetter)
	return i > 0 && isNumeric(w[:i]) && measureUnits[w[i:]]
}

// gluedLength reports whether the term w is a length with its unit in one
// word: "5km", "12ft" (not "40kg").
func gluedLength(w string) bool {
	i := strings.IndexFunc(w, unicode.IsLetter)
	return isMeasured(w) && lengthUnits[w[i:]]
}

// An analyzer turns text into tokens. The zero value uses only the global
// tables; an engine's analyzer adds the briefings' aliases and a stem cache.
// It is read-only once built.
type analyzer struct {
	cache   map[string]string    // word → term, while building
	lex     map[string]lexeme    // word → what is known of it, once built
	phrases map[string][]phrase  // first word → the briefings' multi-word aliases
	extra   map[string][]string  // term → alias terms indexed with it
	caps    map[string]string    // an upper-case alias short form → its term
	acro    map[string]string    // an acronym the briefings write ("IMF") → its term, for a question that spells it out
	longs   map[string]string    // the initials of a name the briefings spell out ("NPA") → its words ("national ports authority")
	ids     map[string]int32     // the index's term ids, once built
	wn      *wordnet             // knows the phrasal verbs indexed with their verb
	phrasal map[[2]string]string // a word and particle → their phrasal verb's term, or "", while building

	building   bool   // New is running: single-threaded, stems may be cached
	buildWords []word // scratch for tokens while building

	query  sync.Map     // a question's word → its *lexeme, for words not in lex
	queryN atomic.Int64 // words stored in query, or tried to be
}

// A lexeme is what the analyzer knows of one normalised word, so that a
// question's word is looked up once: its term, the flags its token has,
// and whether a phrase or an alias may start with it.
type lexeme struct {
	term  string
	id    int32   // the term's index id, or -1
	flags tokFlag // tokStop, tokWh, tokNum
	more  lexFlag
}

type lexFlag uint8

const (
	lexPhrase lexFlag = 1 << iota // a multi-word form starts with the word
	lexExtra                      // its term has alias terms
)

// maxQueryWords bounds the words of questions whose terms are kept.
const maxQueryWords = 1 << 16

// finish ends the build: the analyzer is read-only from here on, and each
// word met while building knows its phrases, aliases and the id ids gives
// its term.
func (a *analyzer) finish(ids map[string]int32) {
	a.ids = ids
	a.lex = make(map[string]lexeme, len(a.cache))
	for w, t := range a.cache {
		a.lex[w] = a.resolve(w, t)
	}
	a.cache, a.phrasal, a.building, a.buildWords = nil, nil, false, nil
}

// resolve returns the lexeme of w, whose term is t, once the analyzer is
// built.
func (a *analyzer) resolve(w, t string) lexeme {
	lx := lexeme{term: t, id: a.idOf(t), flags: wordFlags(w, t)}
	if len(globalPhrases[w]) > 0 || len(a.phrases[w]) > 0 {
		lx.more |= lexPhrase
	}
	if t != "" && len(a.extra[t]) > 0 {
		lx.more |= lexExtra
	}
	return lx
}

// idOf returns term's index id, or -1 when no sentence has it or the
// analyzer is not built.
func (a *analyzer) idOf(term string) int32 {
	if id, ok := a.ids[term]; ok {
		return id
	}
	return -1
}

// wordFlags returns the flags of a token of the normalised word w whose
// term is t: a stop word (and a wh-word), or a number, and w's classes.
func wordFlags(w, t string) tokFlag {
	f := classFlags(w)
	if t == "" {
		f |= tokStop
		if whWords[w] {
			f |= tokWh
		}
	} else if isNumeric(t) || quantityWords[w] || isMeasured(t) {
		f |= tokNum
	}
	if _, ok := en.Number(w); ok {
		f |= tokNum
	}
	return f
}

// classFlags returns the classes of the normalised word w: the tables
// opinionVerbs, framingWords and en.ReportingVerb, and isNegation, once
// for every word, not at each reading of a question.
func classFlags(w string) tokFlag {
	var f tokFlag
	if opinionVerbs[w] || en.ReportingVerb(w) != en.NotReporting {
		f |= tokSays
	}
	if framingWords[w] {
		f |= tokFraming
	}
	if isNegation(w) {
		f |= tokNegation
	}
	return f
}

// known returns the lexeme of w when the analyzer is built and has met w.
func (a *analyzer) known(w string) (lexeme, bool) {
	if a.building {
		return lexeme{}, false
	}
	if lx, ok := a.lex[w]; ok {
		return lx, true
	}
	if v, ok := a.query.Load(w); ok {
		return *v.(*lexeme), true
	}
	return lexeme{}, false
}

// lexeme returns what the analyzer knows of w, analysing it when it has
// not met it. While building, the phrases and aliases may still grow: the
// lexeme says that they may start at w, to be looked up. build says the
// stem may be cached.
func (a *analyzer) lexeme(w string, build bool) lexeme {
	if lx, ok := a.known(w); ok {
		return lx
	}
	return a.analyse(w, build)
}

// analyse is lexeme for a word not met yet. Words the briefings do not
// use are analysed once, up to maxQueryWords of them.
func (a *analyzer) analyse(w string, build bool) lexeme {
	if a.building {
		var t string
		if build {
			t = a.remember(w)
		} else {
			t = a.term(w)
		}
		return lexeme{term: t, id: -1, flags: wordFlags(w, t), more: lexPhrase | lexExtra}
	}
	lx := a.resolve(w, a.analyseWord(w))
	if len(w) < 64 && a.queryN.Add(1) <= maxQueryWords {
		a.query.Store(strings.Clone(w), &lx)
	}
	return lx
}

// term returns the term of one normalised word.
func (a *analyzer) term(w string) string {
	if a.building {
		if t, ok := a.cache[w]; ok {
			return t
		}
		return a.analyseWord(w)
	}
	return a.lexeme(w, false).term
}

// phrasalTerm returns the term of the phrasal verb word and particle make,
// or "", remembering it while the analyzer is being built.
func (a *analyzer) phrasalTerm(word, particle string) string {
	if !en.IsParticle(particle) {
		return ""
	}
	key := [2]string{word, particle}
	if t, ok := a.phrasal[key]; ok {
		return t
	}
	t, _ := a.wn.phrasal(word, particle)
	if a.building && a.phrasal != nil {
		a.phrasal[key] = t
	}
	return t
}

// remember caches the term of w; only while the analyzer is being built.
func (a *analyzer) remember(w string) string {
	if t, ok := a.cache[w]; ok {
		return t
	}
	t := a.analyseWord(w)
	if a.building && a.cache != nil && len(w) < 64 {
		a.cache[w] = t
	}
	return t
}

// tokens appends the tokens of text to dst. build says the analyzer is being
// built and may cache stems.
func (a *analyzer) tokens(text string, dst []token, build bool) []token {
	build = build && a.building
	var words []word
	if build {
		// single-threaded while the engine is built: reuse one buffer
		words = scanWords(text, a.buildWords[:0])
		a.buildWords = words
	} else {
		words = scanWords(text, make([]word, 0, len(text)/6+1))
	}
	return a.tokensOf(words, dst, build)
}

// tokensOf appends the tokens of words, scanned from one text, to dst.
func (a *analyzer) tokensOf(words []word, dst []token, build bool) []token {
	for i := 0; i < len(words); i++ {
		w := words[i]
		lx, known := a.known(w.norm)
		// multi-word forms, longest first
		if !known || lx.more&lexPhrase != 0 {
			if p, n := a.matchPhrase(words[i:]); n > 0 {
				last := words[i+n-1]
				pw := joinNorms(words[i : i+n])
				f := flagsOf(w) | classFlags(pw)
				if !p.replace {
					f |= tokAlias
				}
				dst = append(dst, token{term: p.term, word: pw, start: w.start, end: last.end, pos: i, flags: f, id: a.idOf(p.term)})
				if p.replace {
					i += n - 1
					continue
				}
			}
		}
		if !build && w.cap && len(a.acro) > 0 {
			if t, n := a.spelledOut(words[i:]); n > 0 {
				last := words[i+n-1]
				dst = append(dst, token{term: t, word: joinNorms(words[i : i+n]), start: w.start, end: last.end, pos: i, flags: flagsOf(w), id: a.idOf(t)})
				i += n - 1
				continue
			}
		}
		if !known {
			lx = a.analyse(w.norm, build)
		}
		t, id, f, extra := lx.term, lx.id, flagsOf(w)|lx.flags, lx.more&lexExtra != 0
		if build && w.cap && !w.allCaps && t != "" && f&tokStop == 0 && a.longs != nil && (i == 0 || !words[i-1].cap) {
			a.spellsOut(words[i:])
		}
		if build && w.allCaps && t != "" && isAcronym(w.norm) {
			if _, ok := a.acro[strings.ToUpper(w.norm)]; !ok && a.acro != nil {
				a.acro[strings.ToUpper(w.norm)] = t
			}
		}
		if w.allCaps && a.caps != nil {
			if ct, ok := a.caps[strings.ToUpper(w.norm)]; ok {
				t, id, f, extra = ct, a.idOf(ct), flagsOf(w)|wordFlags(w.norm, ct), true
			}
		}
		dst = append(dst, token{term: t, word: w.norm, start: w.start, end: w.end, pos: i, flags: f, id: id})
		if build && t != "" && f&tokNum == 0 && i+1 < len(words) {
			// a phrasal verb ("stepped down") is indexed with its verb, so that
			// a question's "resigned" finds it
			next := words[i+1]
			if pt := a.phrasalTerm(w.norm, next.norm); pt != "" {
				dst = append(dst, token{term: pt, word: w.norm, start: w.start, end: next.end, pos: i, flags: f | tokAlias, id: a.idOf(pt)})
			}
		}
		if t != "" && extra {
			for _, x := range a.extra[t] {
				dst = append(dst, token{term: x, word: w.norm, start: w.start, end: w.end, pos: i, flags: f | tokAlias, id: a.idOf(x)})
			}
		}
		if strings.IndexByte(w.norm, '-') > 0 {
			off := w.start
			for part := range strings.SplitSeq(w.norm, "-") {
				plx := a.lexeme(part, build)
				if pt := plx.term; pt != "" && pt != t {
					pf := (f &^ (tokStop | tokClasses)) | plx.flags&tokClasses | tokPart
					dst = append(dst, token{term: pt, word: part, start: off, end: off + len(part), pos: i, flags: pf, id: plx.id})
				}
				off += len(part) + 1
			}
		}
	}
	return dst
}

// spelledOut returns the term of the acronym of three letters or more the
// briefings write that words open with spelt out, and how many words spell
// it: "International Monetary Fund" for "IMF", "Department of Justice"
// for "DOJ". The name has two or more capitalised words; "of", "and",
// "for", "on" and "the" may stand between them, their initials counted or
// not. It must read as an organisation's (orgName: "Kurt Tamm Olsen" is
// no KTO). A name the briefings know as a phrase, one whose every word
// they use, and one whose initials they spell out as another
// organisation's name ("National Police Agency" where the NPA is the
// National Ports Authority) are not the acronym's.
func (a *analyzer) spelledOut(words []word) (string, int) {
	var caps, all [8]byte
	nc, na := 0, 0
	best, bestN := "", 0
scan:
	for k, w := range words {
		switch {
		case na == len(all):
			break scan
		case w.cap && !w.allCaps && w.norm != "" && w.norm[0] < utf8.RuneSelf:
			caps[nc], all[na] = w.norm[0]&^0x20, w.norm[0]&^0x20
			nc, na = nc+1, na+1
		case k > 0 && isAcronymJoiner(w.norm):
			all[na] = w.norm[0] &^ 0x20
			na++
			continue
		default:
			break scan
		}
		if nc < 2 {
			continue
		}
		for _, in := range [...][]byte{caps[:nc], all[:na]} {
			if len(in) < 3 {
				continue // two letters stand for too many names: "TC"
			}
			if t, ok := a.acro[string(in)]; ok {
				if long, spelt := a.longs[string(in)]; spelt && long != joinNorms(words[:k+1]) {
					continue // the briefings spell these initials out as another name
				}
				best, bestN = t, k+1
				break
			}
		}
	}
	if bestN == 0 || !orgName(words[:bestN]) {
		return "", 0 // no organisation's name: "Kurt Tamm Olsen", "Tilde and Carl"
	}
	unknown := false
	for _, w := range words[:bestN] {
		if lx, ok := a.known(w.norm); w.cap && (!ok || lx.id < 0) {
			unknown = true
		}
	}
	if p, n := a.matchPhrase(words); !unknown || n > 0 && p.term != "" {
		return "", 0
	}
	return best, bestN
}

// spellsOut notes, for the run of capitalised words (and joiners between
// them) that words open with, when it reads as an organisation's name, its
// initials and the words: "National Ports Authority" spells NPA, which a
// question's "National Police Agency" then does not.
func (a *analyzer) spellsOut(words []word) {
	if len(words) < 2 || !words[1].cap && !isAcronymJoiner(words[1].norm) {
		return // one word names no acronym
	}
	var caps, all [8]byte
	nc, na, end, naEnd := 0, 0, 0, 0 // end and naEnd: just past the last capitalised word
	for k, w := range words {
		if nc == len(caps) || na == len(all) {
			return
		}
		if w.cap && !w.allCaps && w.norm != "" && w.norm[0] < utf8.RuneSelf {
			caps[nc], all[na] = w.norm[0]&^0x20, w.norm[0]&^0x20
			nc, na = nc+1, na+1
			end, naEnd = k+1, na
			continue
		}
		if k == 0 || !isAcronymJoiner(w.norm) {
			break
		}
		all[na] = w.norm[0] &^ 0x20
		na++
	}
	if nc < 2 || !orgName(words[:end]) {
		return // "Vera Ruud" and "North Park Avenue"'s initials stand for no acronym
	}
	spelt := ""
	for _, in := range [...][]byte{caps[:nc], all[:naEnd]} {
		if _, ok := a.longs[string(in)]; !ok {
			if spelt == "" {
				spelt = joinNorms(words[:end]) // once, and only for initials not seen yet
			}
			a.longs[string(in)] = spelt
		}
	}
}

// orgName reports whether words read as an organisation's name: a word
// such as "fund", "national" or "bank", or "of", "for" or "on" between its
// words ("Department of Transport"); not "Tilde and Carl".
func orgName(words []word) bool {
	for k, w := range words {
		if en.IsOrgWord(w.norm) || k > 0 && (w.norm == "of" || w.norm == "for" || w.norm == "on") {
			return true
		}
	}
	return false
}

// isAcronymJoiner reports whether w may stand between the capitalised
// words of a name an acronym spells: "Department of Justice", "Bureau of
// Alcohol, Tobacco".
func isAcronymJoiner(w string) bool {
	switch w {
	case "of", "and", "for", "on", "the", "&":
		return true
	}
	return false
}

// isAcronym reports whether w, in lower case, may be an acronym: two to
// six letters.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func flagsOf(w word) tokFlag {
	var f tokFlag
	if w.cap {
		f |= tokCap
	}
	if w.allCaps {
		f |= tokAllCaps
	}
	return f
}

func joinNorms(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.norm
	}
	return strings.Join(parts, " ")
}

// matchPhrase returns the longest phrase starting at words[0], if any.
func (a *analyzer) matchPhrase(words []word) (phrase, int) {
	var best phrase
	n := 0
	for _, table := range [2]map[string][]phrase{globalPhrases, a.phrases} {
		for _, p := range table[words[0].norm] {
			if len(p.words) <= n || len(p.words) > len(words) {
				continue
			}
			ok := true
			for k, pw := range p.words {
				if words[k].norm != pw {
					ok = false
					break
				}
			}
			if ok {
				best, n = p, len(p.words)
			}
		}
	}
	return best, n
}

// terms returns the distinct non-empty terms of text, in order.
func (a *analyzer) terms(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range a.tokens(text, nil, false) {
		if t.term != "" && !seen[t.term] {
			seen[t.term] = true
			out = append(out, t.term)
		}
	}
	return out
}

// normalizeSpace replaces control characters and unusual spaces with plain
// spaces and trims the result.
func normalizeSpace(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.TrimSpace(s)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	clean := true
	for _, r := range s {
		if r != ' ' && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}
