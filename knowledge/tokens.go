package knowledge

import (
	"github.com/briefbot/briefbot/knowledge/english"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota
	tComma         // ,
	tPunct         // any other punctuation: ; : — ( ) . ? !
	tQuote         // a whole quoted span, collapsed into one token
)

// A tok is one token of a sentence, outside quotations, with its offsets
// in the passage text.
type tok struct {
	text       string // the word, without surrounding punctuation or a possessive ’s
	lower      string
	start, end int // offsets of text in the passage
	kind       tokKind
	poss       bool // followed by ’s (or a bare ’ after s)
	first      bool // the first word of its sentence
}

// tokenize splits one sentence of a passage into tokens. Quoted spans
// become single tQuote tokens.
func tokenize(text string, s Sentence, spans []quoteSpan) []tok {
	ts := make([]tok, 0, (s.End-s.Start)/5+4)
	pos := s.Start
	for _, q := range spansIn(spans, s) {
		if q.open > pos {
			ts = tokenizeRange(text, pos, q.open, ts)
		}
		a, b := max(q.open, s.Start), min(q.close, s.End)
		ts = append(ts, tok{text: text[a:b], start: a, end: b, kind: tQuote})
		pos = max(pos, b)
	}
	if pos < s.End {
		ts = tokenizeRange(text, pos, s.End, ts)
	}
	for i := range ts {
		if ts[i].kind == tWord {
			ts[i].first = true
			break
		}
		if ts[i].kind == tQuote {
			break
		}
	}
	return ts
}

// tokenizeRange appends the tokens of text[a:b] to ts.
func tokenizeRange(text string, a, b int, ts []tok) []tok {
	i := a
	for i < b {
		for i < b && text[i] == ' ' || i < b && text[i] == '\n' {
			i++
		}
		j := i
		for j < b && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		if i < j {
			ts = tokenizeChunk(text, i, j, ts)
		}
		i = j
	}
	return ts
}

// tokenizeChunk appends the tokens of one space-free chunk text[a:b].
func tokenizeChunk(text string, a, b int, ts []tok) []tok {
	// Dashes split a chunk: "bombings—as".
	for _, d := range []string{"—", "–", "--"} {
		if strings.IndexByte(text[a:b], d[0]) < 0 {
			continue
		}
		if k := strings.Index(text[a:b], d); k >= 0 {
			ts = tokenizeChunk(text, a, a+k, ts)
			ts = append(ts, tok{text: d, start: a + k, end: a + k + len(d), kind: tPunct})
			return tokenizeChunk(text, a+k+len(d), b, ts)
		}
	}
	// Leading punctuation.
	for a < b {
		r, w := utf8.DecodeRuneInString(text[a:b])
		if !strings.ContainsRune("([{“‘\"'«", r) {
			break
		}
		if r == '(' || r == '[' || r == '{' {
			ts = append(ts, tok{text: text[a : a+w], start: a, end: a + w, kind: tPunct})
		}
		a += w
	}
	// Trailing punctuation, kept in order.
	var tail []tok
	poss := false
	for a < b {
		r, w := utf8.DecodeLastRuneInString(text[a:b])
		word := text[a : b-w]
		switch {
		case r == ',':
			tail = append(tail, tok{text: ",", start: b - w, end: b, kind: tComma})
		case strings.ContainsRune(";:!?)]}…»", r):
			tail = append(tail, tok{text: text[b-w : b], start: b - w, end: b, kind: tPunct})
		case r == '”' || r == '"':
		case (r == '’' || r == '\'') && (strings.HasSuffix(word, "s") || strings.HasSuffix(word, "S")):
			poss = true // officials’
		case r == '’' || r == '\'':
		case r == '.' && keepsPeriod(word):
			goto done
		case r == '.':
			tail = append(tail, tok{text: ".", start: b - w, end: b, kind: tPunct})
		default:
			goto done
		}
		b -= w
	}
done:
	if a >= b {
		return appendReversed(ts, tail)
	}
	word := text[a:b]
	for _, s := range []string{"’s", "'s", "’S", "'S"} {
		if strings.HasSuffix(word, s) && len(word) > len(s) {
			word, poss = word[:len(word)-len(s)], true
			break
		}
	}
	ts = append(ts, tok{text: word, lower: strings.ToLower(word), start: a, end: a + len(word), kind: tWord, poss: poss})
	return appendReversed(ts, tail)
}

func appendReversed(ts, tail []tok) []tok {
	for i := len(tail) - 1; i >= 0; i-- {
		ts = append(ts, tail[i])
	}
	return ts
}

// keepsPeriod reports whether word followed by "." is an abbreviation or
// an initial, whose full stop belongs to the word: "Gen.", "U.S.", "J.".
func keepsPeriod(word string) bool {
	lw := strings.ToLower(word)
	if _, ok := english.Honorific(lw); ok || english.AbbreviationOf(lw) != english.NotAbbreviation {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	if english.IsAbbreviatedTag(word) {
		return true // "R-Neb."
	}
	return strings.Contains(word, ".") && isDottedAbbrev(word)
}

// isCapWord reports whether t is a capitalised word (or an initial).
func isCapWord(t tok) bool {
	return t.kind == tWord && isUpperStart(t.text)
}

// isAcronym reports whether w is an acronym: two or more capitals and no
// lower-case letters apart from a trailing "s" ("NATO", "G-7", "U.S.").
func isAcronym(w string) bool {
	upper := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			if !(r == 's' && i == len(w)-1) {
				return false
			}
		}
	}
	return upper >= 2
}

// isInitial reports whether w is an initial such as "J.".
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// isParticle reports whether w is a lower-case name particle ("al-Assad",
// "bin", "van").
func isParticle(w string) bool {
	lw := strings.ToLower(w)
	if english.IsNameParticle(lw) {
		return true
	}
	if k := strings.IndexAny(lw, "-‘’'"); k > 0 && english.IsNameParticle(lw[:k]) { // cut lw where lw has the mark: lower case may change a word's length
		return true
	}
	return false
}

// isLyAdverb reports whether t is a lower-case adverb ending in -ly.
func isLyAdverb(t tok) bool {
	return t.kind == tWord && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ly") && isLowerStart(t.text)
}
