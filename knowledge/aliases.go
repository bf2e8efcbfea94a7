package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/english"
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

// implicitAliases returns the short forms texts use without defining them
// whose letters are exactly the initials of a body's name the texts spell
// out, each as [short, long]: "the British Bankers’ Association" and later
// "the BBA". Defined aliases (findAliases) are given in defined and
// skipped. A short form has three to six capitals (shortForm), is not a
// well-known one ("NHS"), is used at or after its long form, and matches
// one long form only. A long form is two or more capitalised words, with
// "of", "for", "and", "the" or "on" inside, that hold a word naming a body
// ("Association", "Council": english.IsOrgWord), do not open with an
// honorific ("Mr Parish"), and that isPerson does not call a person's name.
// Any part of a run of capitalised words may be one: "the Harbour Pilots’
// Association and Tallby Council" holds both names.
func implicitAliases(texts []string, defined map[string]int, isPerson func(string) bool) [][2]string {
	// The short forms first: most briefings use none, and then no run of
	// capitalised words need be read.
	var order []string
	shorts := map[string]bool{}
	usedIn := map[string][]int{} // a short form → the texts that use it
	for ti, text := range texts {
		for raw := range strings.FieldsSeq(text) {
			w := shortForm(raw)
			if w == "" || wellKnownShortForms[w] {
				continue
			}
			if !shorts[w] {
				shorts[w] = true
				order = append(order, w)
			}
			if u := usedIn[w]; len(u) == 0 || u[len(u)-1] != ti {
				usedIn[w] = append(u, ti)
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	firsts := map[byte]bool{} // the short forms' first letters: a long form opens with one
	for _, w := range order {
		firsts[w[0]] = true
	}
	longs := map[string]string{} // initials → the long form, or "" when two differ
	var name []string
	ti := 0                      // the text being read
	note := func(run []string) { // a possessive leaves the name: "the Guild’s lawyers"
		key := initialsOf(run)
		if !shorts[key] || len(run) > maxLongWords || !usedAfter(usedIn[key], ti) || joinsBodies(run) {
			return
		}
		for _, w := range run {
			if !runJoiner(w) && cutsRun(strings.ToLower(w)) {
				return // "on Monday", "in March": no part of a name
			}
		}
		name = append(name[:0], run...)
		name[len(name)-1] = strings.TrimSuffix(strings.TrimSuffix(name[len(name)-1], "’s"), "'s")
		if !bodyRun(name) {
			return
		}
		long := strings.Join(name, " ")
		if isPerson(long) {
			return
		}
		// Two names that share the initials differ: a tail with its own
		// initial would change them, and a possessive is trimmed.
		if prev, ok := longs[key]; !ok {
			longs[key] = long
		} else if prev != long {
			longs[key] = "" // two names share the initials
		}
	}
	var words, run []string
	for ti = range texts {
		text := texts[ti]
		words = words[:0]
		for f := range strings.FieldsSeq(text) {
			words = append(words, f)
		}
		for i := 0; i < len(words); {
			run, i = capitalRun(words, i, run[:0])
			// Every part of the run that opens with a short form's first
			// letter and ends on a capitalised word.
			for a := range run {
				if !firsts[run[a][0]] || !isUpperStart(run[a]) {
					continue
				}
				for b := a + 2; b <= len(run); b++ {
					if isUpperStart(run[b-1]) {
						note(run[a:b])
					}
				}
			}
		}
	}
	var out [][2]string
	for _, s := range order {
		if _, ok := defined[s]; ok {
			continue
		}
		if _, ok := english.LongForm(s); ok {
			continue // a general abbreviation: "U.S.", "EU"
		}
		if long := longs[s]; long != "" {
			out = append(out, [2]string{s, long})
		}
	}
	return out
}

// maxLongWords bounds a long form's words; a run of capitalised words may
// be longer ("On Monday the Royal Society for the Protection of Birds").
const maxLongWords = 8

// usedAfter reports whether a short form used in the texts at uses (in
// order) stands in text ti or after it: a body is named in full first,
// then by its initials (a headline may use them before).
func usedAfter(uses []int, ti int) bool {
	return len(uses) > 0 && uses[len(uses)-1] >= ti
}

// joinsBodies reports whether run joins two names of bodies with "and"
// ("the Pilots’ Association and Tallby Council"): no one name spans both.
func joinsBodies(run []string) bool {
	for k, w := range run {
		if strings.EqualFold(w, "and") && bodyRun(run[:k]) && k+1 < len(run) && bodyRun(run[k+1:]) {
			return true
		}
	}
	return false
}

// wellKnownShortForms stand for one body or thing everywhere, whatever
// local name shares their initials: "the NHS" is no "Northfield High
// School".
var wellKnownShortForms = map[string]bool{
	"BBC": true, "CNN": true, "NHS": true, "CEO": true, "CFO": true, "COO": true, "CTO": true,
	"GDP": true, "FBI": true, "CIA": true, "NSA": true, "NASA": true, "NATO": true, "WHO": true,
	"IMF": true, "OPEC": true, "FIFA": true, "UEFA": true, "NFL": true, "NBA": true, "MLB": true,
	"NHL": true, "UNESCO": true, "UNICEF": true, "ICU": true, "DNA": true, "HIV": true, "AIDS": true,
	"ATM": true, "GPS": true, "USB": true, "PDF": true, "CCTV": true, "MRI": true, "VAT": true,
	"FAQ": true, "NGO": true, "LGBT": true, "PPE": true, "ISIS": true, "KGB": true, "EPA": true,
	"FDA": true, "CDC": true, "SEC": true, "IRS": true, "ABC": true, "CBS": true, "NBC": true,
}

// capitalRun appends to run the run of capitalised words (not short
// forms) that starts at words[i], with "of", "for", "and", "the" or "on"
// inside, marks trimmed ("Sheriff's" stays whole: "the Sheriff's
// Office"); punctuation after a word ends it. Words that cut a name
// (cutsRun: weekdays, months) are left to the caller, which reads them
// only for the parts whose initials are a short form. It returns the run
// and where to read on: past the run, or past words[i] when no run starts
// there.
func capitalRun(words []string, i int, run []string) ([]string, int) {
	j := i
	for ; j < len(words) && len(run) < 2*maxLongWords; j++ {
		raw := words[j]
		v := strings.Trim(raw, "“”\"(),.;:!?…")
		if v == "" || !(isUpperStart(v) && !isAcronym(v)) && (len(run) == 0 || !runJoiner(v)) {
			break
		}
		run = append(run, v)
		if r, _ := utf8.DecodeLastRuneInString(raw); strings.ContainsRune(",.;:!?…)”\"", r) {
			j++
			break // "the Guild, which", "the Guild.”"
		}
	}
	if j == i {
		j++
	}
	return run, j
}

// shortForm returns the word raw as a short form a body may go by
// ("BBA", "the BBA’s"), or "": three to six capitals, with no digits,
// dots or hyphens, and not a plural ("MPs").
func shortForm(raw string) string {
	w := strings.Trim(raw, "“”\"‘’'(),.;:!?…")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	if len(w) < 3 || len(w) > 6 || !isAcronym(w) || strings.HasSuffix(w, "s") || strings.ContainsAny(w, "-.&0123456789") {
		return ""
	}
	return w
}

// runJoiner reports whether w may stand inside a run of capitalised words
// that names a body: "Office of Rail Safety", "Food and Drug
// Administration".
func runJoiner(w string) bool {
	for _, j := range [...]string{"of", "for", "and", "the", "on"} {
		if strings.EqualFold(w, j) {
			return true
		}
	}
	return false
}

// bodyRun reports whether run, capitalised words, may name a body: it
// holds a word naming one ("Association", "Council") and does not open
// with an honorific ("Mr Parish Council" is a person and a council).
func bodyRun(run []string) bool {
	if _, honorific := english.Honorific(run[0]); honorific {
		return false
	}
	for _, w := range run {
		if english.IsOrgWord(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// initialsOf returns the capital initials of words, as a string.
func initialsOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
