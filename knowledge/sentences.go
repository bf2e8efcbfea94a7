package knowledge

import (
	"github.com/briefbot/briefbot/knowledge/english"
	"regexp"
	"strings"
	"unicode"
)

// sentenceBoundary finds a candidate boundary: terminal punctuation, any
// closing quotes or brackets, space, then any opening quotes or brackets and
// a capital letter or digit. Group 1 is the punctuation, group 2 the closers,
// group 3 the start of the next sentence.
var sentenceBoundary = regexp.MustCompile(`([.?!]+)(["”’')\]]*)[ \t]+((?:["“‘'(\[]*)[\p{Lu}\d])`)

// sentenceStarters are words that often start a sentence and rarely follow
// an abbreviation inside one.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "you": true, "this": true, "that": true, "these": true,
	"those": true, "there": true, "here": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "my": true, "but": true, "and": true, "yet": true,
	"so": true, "in": true, "on": true, "at": true, "as": true, "after": true,
	"before": true, "when": true, "while": true, "although": true, "though": true,
	"if": true, "since": true, "because": true, "however": true, "meanwhile": true,
	"still": true, "now": true, "then": true, "some": true, "many": true, "most": true,
	"other": true, "others": true, "such": true, "what": true, "why": true, "how": true,
	"who": true, "where": true, "officials": true, "police": true, "authorities": true,
}

// splitSentences splits a passage's text into sentences. A newline always
// ends a sentence. Within a line it splits after terminal punctuation (and
// any closing quote) before a capital or an opening quote, except after
// abbreviations and initials.
func splitSentences(text string) []Sentence {
	var out []Sentence
	add := func(start, end int) {
		for start < end && text[start] == ' ' {
			start++
		}
		for end > start && text[end-1] == ' ' {
			end--
		}
		if start < end {
			out = append(out, Sentence{Text: text[start:end], Start: start, End: end})
		}
	}
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		start := 0
		for _, m := range sentenceBoundary.FindAllStringSubmatchIndex(line, -1) {
			punct := line[m[2]:m[3]]
			if m[2] < start {
				continue
			}
			if punct == "." && !isBoundary(line[start:m[2]], line[m[6]:]) {
				continue
			}
			if strings.HasPrefix(punct, "..") {
				continue // an ellipsis
			}
			add(lineStart+start, lineStart+m[5])
			start = m[6]
		}
		add(lineStart+start, lineEnd)
		lineStart = lineEnd + 1
	}
	return out
}

// isBoundary decides whether a full stop at the end of before ends the
// sentence, given the text after it.
func isBoundary(before, after string) bool {
	i := strings.LastIndexAny(before, " \t(“\"‘'[—")
	word := before[i+1:]
	lw := strings.ToLower(word)
	abbr := english.AbbreviationOf(lw)
	if abbr == english.BeforeName {
		return false
	}
	next := nextWord(after)
	starter := sentenceStarters[strings.ToLower(next)]
	if abbr == english.Common {
		return starter
	}
	runes := []rune(word)
	if len(runes) == 1 && unicode.IsLetter(runes[0]) {
		return starter // an initial: "John F. Kennedy"
	}
	if strings.Contains(word, ".") && len(runes) <= 8 && isDottedAbbrev(word) {
		return starter // "U.S", "a.m", "Ph.D"
	}
	return true
}

// isDottedAbbrev reports whether w is letters separated by dots, each run
// at most three letters: "U.S", "a.m", "Ph.D".
func isDottedAbbrev(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if len(part) == 0 || len(part) > 3 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// nextWord returns the first word of s, without opening quotes or brackets.
func nextWord(s string) string {
	s = strings.TrimLeft(s, "\"“‘'([ ")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		return s
	}
	return s[:end]
}
