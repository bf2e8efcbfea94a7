package knowledge

import (
	"regexp"
	"strings"
	"unicode"
)

// sentenceBoundary finds a candidate boundary: terminal punctuation, any
// closing quotes or brackets, space, then any opening quotes or brackets and
// a capital letter or digit. Group 1 is the punctuation, group 2 the closers,
// group 3 the start of the next sentence.
var sentenceBoundary = regexp.MustCompile(`([.?!]+)(["”’')\]]*)[ \t]+((?:["“‘'(\[]*)[\p{Lu}\d])`)

// neverFinal are abbreviations that never end a sentence: titles before a
// name ("Gen. X", "Dr. X", "St. X").
var neverFinal = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "maj": true, "adm": true, "cmdr": true,
	"rev": true, "sen": true, "rep": true, "gov": true, "st": true, "mt": true, "ft": true,
	"messrs": true, "hon": true, "pres": true, "supt": true, "insp": true, "cpl": true,
	"pvt": true, "brig": true, "det": true, "fr": true, "gens": true, "reps": true,
	"sens": true, "govs": true, "lt.-gen": true, "maj.-gen": true, "lt.-col": true,
}

// rarelyFinal are abbreviations that end a sentence only before a word that
// typically starts one ("... at 10 p.m. The ..."): "U.S.", "Jan.", "a.m.".
var rarelyFinal = map[string]bool{
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "a.m": true, "p.m": true,
	"e.g": true, "i.e": true, "etc": true, "vs": true, "no": true, "nos": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"approx": true, "est": true, "dept": true, "univ": true, "ave": true, "blvd": true,
	"rd": true, "fig": true, "vol": true, "al": true, "ph.d": true, "u.s.a": true,
	"d.c": true, "op": true, "cf": true, "ca": true, "c": true, "ed": true, "eds": true,
}

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
	if neverFinal[lw] {
		return false
	}
	next := nextWord(after)
	starter := sentenceStarters[strings.ToLower(next)]
	if rarelyFinal[lw] {
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
