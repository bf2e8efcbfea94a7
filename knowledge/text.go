package knowledge

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normaliseLine maps non-breaking and other Unicode spaces to a plain space,
// drops soft hyphens, zero-width characters and control characters, collapses
// runs of spaces and trims the line. Curly quotes are kept as written.
func normaliseLine(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff':
			continue // soft hyphen, zero-width characters
		case r == utf8.RuneError:
			continue
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII with single inner spaces and
// no leading or trailing space, so normaliseLine would return it unchanged.
func isPlain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
		if c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// Markdown inline syntax, removed so the text reads as prose.
var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutolink = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdHTMLTag  = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	mdStrong   = regexp.MustCompile(`\*\*([^*\s](?:[^*]*[^*\s])?)\*\*|__([^_\s](?:[^_]*[^_\s])?)__`)
	mdEmStar   = regexp.MustCompile(`\*([^*\s](?:[^*]*[^*\s])?)\*`)
	mdEmUnder  = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_($|[^\p{L}\p{N}_])`)
	mdStrike   = regexp.MustCompile(`~~([^~]+)~~`)
	mdCode     = regexp.MustCompile("`+([^`]+)`+")
	mdEscape   = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|\"'])")
)

// stripInlineMarkdown removes emphasis, links, images, code marks and HTML
// tags from one line of Markdown.
func stripInlineMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_[]<`~\\") {
		return s
	}
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdHTMLTag.ReplaceAllString(s, "")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$1$2")
	s = mdEmStar.ReplaceAllString(s, "$1")
	s = mdEmUnder.ReplaceAllString(s, "${1}${2}${3}")
	s = mdStrike.ReplaceAllString(s, "$1")
	s = mdEscape.ReplaceAllString(s, "$1")
	return s
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isUpperStart reports whether s starts with an upper-case letter.
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isLowerStart reports whether s starts with a lower-case letter.
func isLowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// sameText reports whether a and b are the same words, ignoring case,
// spacing and trailing punctuation.
func sameText(a, b string) bool {
	clean := func(s string) string {
		s = strings.TrimRight(strings.TrimSpace(s), ".:!?;, ")
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	return clean(a) == clean(b)
}

// wordCount counts space-separated words.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
