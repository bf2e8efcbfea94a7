package knowledge

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quoteSpan is one direct quotation in a passage's text.
type quoteSpan struct {
	open, close int  // the opening mark, and just past the closing mark (or the end of the text)
	in, out     int  // the words inside the marks
	closed      bool // false when the quote runs on into the next paragraph
}

// findQuotes returns the direct quotations in text: curly “…” or straight
// "…" marks, the two kinds mixed as scraped copy does, doubled single
// marks (‘‘…’’, ’’ closing a curly quote, as some typesetting does), and
// single marks as British copy uses them (‘…’ or '…', told from
// apostrophes: it’s, o’clock, the ’90s, farmers’). A quote opened and not
// closed by the end of the text runs to the end (it continues in the next
// paragraph); one in single marks only when it opens the text. Marks that
// cannot open or close a quote are ignored. A quotation inside another
// is part of it.
func findQuotes(text string) []quoteSpan {
	doubles := findDoubleQuotes(text)
	if strings.IndexByte(text, '\'') < 0 && !strings.Contains(text, "‘") {
		return doubles
	}
	return mergeSingles(doubles, findSingleQuotes(text))
}

// findDoubleQuotes returns the quotations marked with double marks (and
// doubled single ones).
func findDoubleQuotes(text string) []quoteSpan {
	var spans []quoteSpan
	inside := false
	var cur quoteSpan
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '’' || r == '‘' || r == '\'' {
			if next, w2 := utf8.DecodeRuneInString(text[i+w:]); next == r {
				w += w2 // a doubled single mark stands for a double one
				if r == '‘' {
					r = '“'
				} else if r == '’' {
					r = '”'
				} else {
					r = '"'
				}
			}
		}
		if r != '“' && r != '”' && r != '"' && r != '„' && r != '«' && r != '»' {
			i += w
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		straightOpens := r == '"' && (i == 0 || isOpenContext(prev))
		if straightOpens && strings.HasPrefix(text[i+w:], `"`) {
			w++ // a mistyped doubled mark opens once: `""It was…,"`
		}
		next, _ := utf8.DecodeRuneInString(text[i+w:])
		opens := r == '“' || r == '„' || r == '«' || (straightOpens && i+w < len(text) && !unicode.IsSpace(next))
		closes := r == '”' || r == '»' || (r == '"' && i > 0 && !unicode.IsSpace(prev))
		switch {
		case !inside && opens:
			inside = true
			cur = quoteSpan{open: i, in: i + w}
		case inside && closes:
			inside = false
			cur.out, cur.close, cur.closed = i, i+w, true
			spans = append(spans, cur)
		case inside && opens && r != '"':
			cur = quoteSpan{open: i, in: i + w} // the earlier mark was never closed
		}
		i += w
	}
	if inside {
		cur.out, cur.close = len(text), len(text)
		spans = append(spans, cur)
	}
	return spans
}

// isOpenContext reports whether a straight quote after r opens a quotation.
func isOpenContext(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/:", r)
}

// spansIn returns the spans that overlap sentence s. Spans are in text
// order and do not overlap each other.
func spansIn(spans []quoteSpan, s Sentence) []quoteSpan {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].close > s.Start })
	j := i
	for j < len(spans) && spans[j].open < s.End {
		j++
	}
	return spans[i:j]
}

// quoteText returns the words of a quotation as they should be reported:
// trimmed, without the comma that hands over to "she said".
func quoteText(text string, q quoteSpan) string {
	a, b := quoteBounds(text, q)
	return text[a:b]
}

// quoteBounds returns where quoteText's words start and end in text.
func quoteBounds(text string, q quoteSpan) (start, end int) {
	start, end = q.in, q.out
	trim := func() {
		for start < end && isSpaceByte(text[start]) {
			start++
		}
		for end > start && isSpaceByte(text[end-1]) {
			end--
		}
	}
	trim()
	if end > start && text[end-1] == ',' {
		end--
		trim()
	}
	return start, end
}

// isSpaceByte reports whether c is ASCII white space; passage text holds no
// other spaces.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t'
}

// isQuotation reports whether a quoted span is a quotation rather than a
// title, a name or a scare-quoted term introduced by "so-called".
func isQuotation(text string, q quoteSpan) bool {
	s := quoteText(text, q)
	if !hasLetter(s) {
		return false
	}
	before := text[max(0, q.open-40):q.open]
	for !utf8.ValidString(before) && before != "" {
		before = before[1:]
	}
	before = strings.ToLower(strings.TrimSpace(before))
	if captionCued(before) {
		return true // a post's caption is its poster's words, however it is cased
	}
	for _, cue := range []string{"so-called", "dubbed", "nicknamed", "known as", "titled", "entitled", "headlined", "the word", "the term", "the phrase", "hashtag", "code-named", "codenamed", "billed as", "named"} {
		if strings.HasSuffix(before, cue) {
			return false
		}
	}
	return !isTitleCase(s)
}

// captionCues introduce the words a post was published with: "posted a
// photo with the caption: “…”", "shared a video captioned “…”".
var captionCues = []string{"caption", "caption:", "captioned", "caption reading", "caption that read", "with the words", "with the words:", "alongside the words", "alongside the words:", "the message", "the message:"}

// captionCued reports whether the text before a quotation, lower case and
// trimmed, ends in a captionCue.
func captionCued(before string) bool {
	for _, cue := range captionCues {
		if strings.HasSuffix(before, cue) {
			return true
		}
	}
	return false
}

// isTitleCase reports whether s reads like the title of a work: a few words,
// every content word capitalised, no sentence punctuation.
func isTitleCase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 8 || strings.ContainsAny(s, ".!?,;") {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		switch lw {
		case "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "by", "from", "or":
			continue
		}
		if !isUpperStart(w) {
			return false
		}
	}
	return true
}

// quoteOnly reports whether the sentence holds nothing but quoted words (and
// punctuation): a floating quote, which takes the previous speaker.
func quoteOnly(text string, s Sentence, spans []quoteSpan) bool {
	var rest strings.Builder
	pos := s.Start
	for _, q := range spansIn(spans, s) {
		if q.open > pos {
			rest.WriteString(text[pos:q.open])
		}
		pos = max(pos, q.close)
	}
	if pos < s.End {
		rest.WriteString(text[pos:s.End])
	}
	if pos == s.Start {
		return false // no quote in the sentence at all
	}
	return !hasLetter(rest.String())
}

// findSingleQuotes returns the quotations marked with single marks, ‘…’
// or '…'. An opening mark starts a word after a space, a bracket or a dash
// and is not an elided year ('90s); a closing mark ends a word and is not
// inside one (it's). A mark after an "s" with a lower-case word after it
// ("the players’ union") closes only when no better close follows.
func findSingleQuotes(text string) []quoteSpan {
	var spans []quoteSpan
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if (r != '‘' && r != '\'') || !singleOpens(text, i, w) {
			i += w
			continue
		}
		q, ok := singleClose(text, i, w)
		if !ok {
			// No mark closes anything before the line ends: no later
			// opening mark on this line can be closed either.
			i = q.close
			continue
		}
		if letters(text[q.in:q.out]) >= 2 {
			spans = append(spans, q)
		}
		i = max(q.close, i+w)
	}
	return spans
}

// singleOpens reports whether the single mark at text[i:i+w] opens a
// quotation.
func singleOpens(text string, i, w int) bool {
	if i+w >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if i > 0 && !isOpenContext(prev) && !strings.ContainsRune("“\"(", prev) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+w:])
	if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return false
	}
	rest := text[i+w:]
	if len(rest) >= 2 && isDigitByte(rest[0]) && isDigitByte(rest[1]) && (len(rest) == 2 || !isDigitByte(rest[2])) {
		return false // the ’90s, class of '09
	}
	return true
}

// singleClose finds the mark that closes the single quotation opened at
// text[i:i+w], within its line. When none does, ok is false and q.close is
// where the search stopped: the end of the line.
func singleClose(text string, i, w int) (q quoteSpan, ok bool) {
	q = quoteSpan{open: i, in: i + w}
	weak := -1
	j := i + w
	for j < len(text) {
		r, rw := utf8.DecodeRuneInString(text[j:])
		if r == '\n' {
			break
		}
		if (r == '’' || r == '\'') && j > i+w {
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next, nw := utf8.DecodeRuneInString(text[j+rw:])
			switch {
			case unicode.IsSpace(prev):
			case j+rw < len(text) && (unicode.IsLetter(next) || unicode.IsDigit(next)):
				// inside a word: it’s, o’clock
			case prev == 's' && next == ' ' && j+rw+nw < len(text) && isLowerStart(text[j+rw+nw:]):
				if weak < 0 {
					weak = j // the players’ union, or a close before "she said"
				}
			default:
				q.out, q.close, q.closed = j, j+rw, true
				return q, true
			}
		}
		j += rw
	}
	if weak >= 0 {
		_, rw := utf8.DecodeRuneInString(text[weak:])
		q.out, q.close, q.closed = weak, weak+rw, true
		return q, true
	}
	if strings.TrimSpace(text[:i]) == "" && !strings.Contains(text, "\n") {
		q.out, q.close = len(text), len(text) // runs on into the next paragraph
		return q, true
	}
	return quoteSpan{close: max(j, i+w)}, false
}

// mergeSingles adds the single-mark quotations to the double-mark ones: a
// single one inside a double one is part of it; a double one inside a
// single one (British style nests “…” in ‘…’) gives way to it; one that
// overlaps a double one partly is dropped.
func mergeSingles(doubles, singles []quoteSpan) []quoteSpan {
	if len(singles) == 0 {
		return doubles
	}
	out := make([]quoteSpan, 0, len(doubles)+len(singles))
	k := 0
	for _, s := range singles {
		for k < len(doubles) && doubles[k].close <= s.open {
			out = append(out, doubles[k])
			k++
		}
		// The doubles from k on end after s opens.
		j := k
		for j < len(doubles) && doubles[j].open < s.close {
			j++
		}
		switch {
		case j == k:
			out = append(out, s) // overlaps none
		case doubles[k].open <= s.open && s.close <= doubles[k].close && j == k+1:
			// inside a double quotation: part of it
		case s.open <= doubles[k].open && doubles[j-1].close <= s.close && s.closed:
			out = append(out, s) // holds the doubles
			k = j
		}
	}
	return append(out, doubles[k:]...)
}

// letters counts the letters in s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
