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
// "…" marks, the two kinds mixed as scraped copy does. A quote opened and
// not closed by the end of the text runs to the end (it continues in the
// next paragraph). Marks that cannot open or close a quote are ignored.
func findQuotes(text string) []quoteSpan {
	var spans []quoteSpan
	inside := false
	var cur quoteSpan
	for i, r := range text {
		if r != '“' && r != '”' && r != '"' && r != '„' && r != '«' && r != '»' {
			continue
		}
		w := utf8.RuneLen(r)
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+w:])
		opens := r == '“' || r == '„' || r == '«' || (r == '"' && (i == 0 || isOpenContext(prev)) && i+w < len(text) && !unicode.IsSpace(next))
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
	for _, cue := range []string{"so-called", "dubbed", "nicknamed", "known as", "titled", "entitled", "headlined", "the word", "the term", "the phrase", "hashtag", "code-named", "codenamed", "billed as", "named"} {
		if strings.HasSuffix(before, cue) {
			return false
		}
	}
	return !isTitleCase(s)
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
