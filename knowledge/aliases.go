package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findAliases returns the short and long forms the text defines, each pair
// as [short, long]: "World Health Organization (WHO)" and "WHO (World
// Health Organization)" both give ["WHO", "World Health Organization"]. The
// long form's capitalised words must match the short form's letters.
func findAliases(text string) [][2]string {
	var out [][2]string
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], " (")
		if k < 0 {
			break
		}
		open := i + k + 1
		i = open + 1
		end := strings.IndexAny(text[open+1:], "()")
		if end < 0 || text[open+1+end] != ')' {
			continue
		}
		inner := text[open+1 : open+1+end]
		before := text[max(0, open-1-200) : open-1] // a long form is a few words
		for !utf8.ValidString(before) && before != "" {
			before = before[1:]
		}
		if !strings.Contains(inner, " ") && len(inner) >= 2 && len(inner) <= 15 {
			// "Long Form (LF)"
			if isAcronym(inner) {
				if long := longFormBefore(before, inner); long != "" {
					out = append(out, [2]string{inner, long})
				}
			}
			continue
		}
		// "LF (Long Form)"
		short := before[strings.LastIndexAny(before, " “\"(")+1:]
		if !isAcronym(short) || len(short) > 15 || len(inner) > 100 {
			continue
		}
		long := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(inner), "the "), "The ")
		words := strings.Fields(long)
		if len(words) < 2 || !isUpperStart(words[0]) || !initialsFit(words, short) {
			continue
		}
		out = append(out, [2]string{short, long})
	}
	return out
}

// longFormBefore returns the long form that ends text and matches short:
// the longest run of capitalised words (with "of", "for", "and", "the"
// inside) whose initials fit its letters.
func longFormBefore(text, short string) string {
	words := strings.Fields(text)
	// The run of name words at the end.
	start := len(words)
	for i := len(words) - 1; i >= 0 && len(words)-i <= 12; i-- {
		w := strings.Trim(words[i], "“”\"")
		if w != words[i] && i != len(words)-1 {
			break
		}
		lw := strings.ToLower(w)
		if isUpperStart(w) || ((lw == "of" || lw == "for" || lw == "and" || lw == "the" || lw == "on" || isParticle(w)) && i < len(words)-1) {
			if strings.ContainsAny(w, ",.;:") && i != len(words)-1 {
				break
			}
			start = i
			continue
		}
		break
	}
	best := ""
	for i := start; i < len(words); i++ {
		w := words[i]
		if !isUpperStart(w) || cutsRun(strings.ToLower(w)) {
			continue
		}
		cand := words[i:]
		if len(cand) < 2 && !strings.Contains(cand[0], "-") {
			continue
		}
		if initialsFit(cand, short) {
			best = strings.Trim(strings.Join(cand, " "), ",;:“”\"")
			break
		}
	}
	return best
}

// initialsFit reports whether the capitalised words' initials fit the
// short form: the first letters agree and the initials appear in order
// among its letters (or its letters among the initials).
func initialsFit(words []string, short string) bool {
	var letters []rune
	for _, r := range short {
		if unicode.IsUpper(r) {
			letters = append(letters, r)
		}
	}
	var initials []rune
	for _, w := range words {
		if k := strings.IndexAny(w, "-"); k > 0 && isParticle(w) {
			w = w[k+1:]
		}
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			initials = append(initials, r[0])
		}
	}
	if len(letters) == 0 || len(initials) < 2 || letters[0] != initials[0] {
		return false
	}
	return subsequence(initials, letters) || subsequence(letters, initials)
}

// subsequence reports whether a appears in b in order.
func subsequence(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}
