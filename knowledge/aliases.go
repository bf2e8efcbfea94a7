package knowledge

import (
	"regexp"
	"strings"
	"unicode"
)

// parenthesised finds "(X)" where X is a single word: a short form after its
// long form, "Islamic State Khorasan (ISIS-K)".
var parenthesised = regexp.MustCompile(`\(([^()\s]{2,15})\)`)

// acronymThenLong finds a short form followed by its long form in
// parentheses: "ISIS-K (Islamic State Khorasan)".
var acronymThenLong = regexp.MustCompile(`(?:^|[\s“"(])([^\s()“”"]{2,15}) \(([^()]{3,100})\)`)

// findAliases returns the short and long forms the text defines, each pair
// as [short, long]: "Islamic State Khorasan (ISIS-K)" and "ISIS-K (Islamic
// State Khorasan)" both give ["ISIS-K", "Islamic State Khorasan"]. The
// long form's capitalised words must match the short form's letters.
func findAliases(text string) [][2]string {
	var out [][2]string
	for _, m := range parenthesised.FindAllStringSubmatchIndex(text, -1) {
		short := text[m[2]:m[3]]
		if !isAcronym(short) {
			continue
		}
		if long := longFormBefore(text[:m[0]], short); long != "" {
			out = append(out, [2]string{short, long})
		}
	}
	for _, m := range acronymThenLong.FindAllStringSubmatch(text, -1) {
		short, long := m[1], strings.TrimSpace(m[2])
		if !isAcronym(short) {
			continue
		}
		long = strings.TrimPrefix(strings.TrimPrefix(long, "the "), "The ")
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
		if !isUpperStart(w) || runCut[strings.ToLower(w)] {
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
