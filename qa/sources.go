package qa

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// maxNameInput bounds the name or prefix looked up.
const maxNameInput = 200

// clipRunes returns s cut to at most n runes.
func clipRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// Sources lists every person and organisation quoted or cited, merged across
// briefings by name, in order of first appearance; media credits come last.
func (e *Engine) Sources() []SourceSummary {
	out := make([]SourceSummary, 0, len(e.sources))
	for _, media := range [...]bool{false, true} {
		for i := range e.sources {
			s := e.sources[i].summary
			if (s.Kind == string(knowledge.MediaCredit)) != media {
				continue
			}
			out = append(out, copySummary(s))
		}
	}
	return out
}

func copySummary(s SourceSummary) SourceSummary {
	s.Aliases = append([]string{}, s.Aliases...)
	s.Briefings = append([]string{}, s.Briefings...)
	return s
}

// resolve finds the source name refers to: its full name, an alias or the
// surname, in any case; then a title dropped ("Prof. X"); then a name that
// holds the words. ok is false when nothing, or more than one source, fits.
func (e *Engine) resolve(name string) (int, bool) {
	k := nameKey(clipRunes(name, maxNameInput))
	if k == "" {
		return 0, false
	}
	if i, ok := e.byKey[k]; ok {
		return i, true
	}
	if ws := strings.Fields(k); len(ws) > 1 && isHonorific(ws[0]) {
		if i, ok := e.byKey[strings.Join(ws[1:], " ")]; ok {
			return i, true
		}
	}
	found := -1
	for i := range e.sources {
		s := &e.sources[i].summary
		keys := append([]string{s.Name}, s.Aliases...)
		for _, n := range keys {
			if hasWords(nameKey(n), k) {
				if found >= 0 && found != i {
					return 0, false // ambiguous
				}
				found = i
			}
		}
	}
	return found, found >= 0
}

// hasWords reports whether name holds words as whole words.
func hasWords(name, words string) bool {
	i := strings.Index(" "+name+" ", " "+words+" ")
	return i >= 0
}

// SaidBy resolves name (full name, surname or alias; any case) and returns
// what that source said: quotes and statements in reading order.
func (e *Engine) SaidBy(name string) (SourceSummary, []Said, bool) {
	i, ok := e.resolve(name)
	if !ok {
		return SourceSummary{}, nil, false
	}
	s := &e.sources[i]
	return copySummary(s.summary), append([]Said{}, s.said...), true
}

// Quotes is SaidBy restricted to direct quotes.
func (e *Engine) Quotes(speaker string) (SourceSummary, []Said, bool) {
	i, ok := e.resolve(speaker)
	if !ok {
		return SourceSummary{}, nil, false
	}
	s := &e.sources[i]
	out := []Said{}
	for _, said := range s.said {
		if said.Quote != "" {
			out = append(out, said)
		}
	}
	return copySummary(s.summary), out, true
}

// Complete returns the source names that match prefix, for autocomplete,
// ranked exact, then prefix (of the name, any of its words or an alias),
// then contains, case-insensitively; people and organisations before media
// credits, the most quoted first. quotedOnly keeps speakers with at least
// one direct quote. The caller trims the list to what it can show.
func (e *Engine) Complete(prefix string, quotedOnly bool) []string {
	p := nameKey(clipRunes(prefix, maxNameInput))
	type hit struct {
		i, tier int
	}
	var hits []hit
	for i := range e.sources {
		s := &e.sources[i].summary
		if strings.TrimSpace(s.Name) == "" {
			continue
		}
		if quotedOnly && !e.hasQuote(i) {
			continue
		}
		tier := matchTier(p, s)
		if tier < 0 {
			continue
		}
		hits = append(hits, hit{i, tier})
	}
	sort.SliceStable(hits, func(a, b int) bool {
		x, y := hits[a], hits[b]
		if x.tier != y.tier {
			return x.tier < y.tier
		}
		xm := e.sources[x.i].summary.Kind == string(knowledge.MediaCredit)
		ym := e.sources[y.i].summary.Kind == string(knowledge.MediaCredit)
		if xm != ym {
			return ym
		}
		xs, ys := e.sources[x.i].summary, e.sources[y.i].summary
		if xs.Quotes+xs.Statements != ys.Quotes+ys.Statements {
			return xs.Quotes+xs.Statements > ys.Quotes+ys.Statements
		}
		return x.i < y.i
	})
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		out = append(out, e.sources[h.i].summary.Name)
	}
	return out
}

// matchTier ranks how name-key p matches source s: 0 exact, 1 prefix, 2
// contains, -1 not at all. An empty p matches everything as a prefix.
func matchTier(p string, s *SourceSummary) int {
	if p == "" {
		return 1
	}
	best := -1
	for k, n := range append([]string{s.Name}, s.Aliases...) {
		key := nameKey(n)
		tier := -1
		switch {
		case key == p && k == 0:
			tier = 0
		case key == p:
			tier = 1 // an alias typed in full still ranks after an exact name
		case strings.HasPrefix(key, p) || strings.Contains(" "+key, " "+p):
			tier = 1
		case strings.Contains(key, p):
			tier = 2
		}
		if tier >= 0 && (best < 0 || tier < best) {
			best = tier
		}
	}
	return best
}

func (e *Engine) hasQuote(i int) bool {
	if e.sources[i].summary.Quotes > 0 {
		return true
	}
	for _, s := range e.sources[i].said {
		if s.Quote != "" {
			return true
		}
	}
	return false
}

// buildSuggestions lists what an abstention offers instead: the commands,
// then a few section titles, then the most named people and things.
func (e *Engine) buildSuggestions(st *buildStats) []string {
	out := []string{"/timeline", "/sources"}
	const maxTopics = 4
	topics := 0
	seen := map[string]bool{}
	for _, b := range e.briefings {
		for _, sec := range b.Sections {
			if topics == maxTopics {
				break
			}
			if sec = strings.TrimSpace(sec); sec != "" && !seen[strings.ToLower(sec)] {
				seen[strings.ToLower(sec)] = true
				out = append(out, sec)
				topics++
			}
		}
	}
	if topics >= 2 {
		return out
	}
	// No headings: the capitalised words the briefings use most.
	count := map[string]int{}
	form := st.form
	for t, n := range st.caps {
		if f, ok := form[t]; ok && n[0] > 0 && !isHonorific(strings.ToLower(f)) && !isCalendar(strings.ToLower(f)) {
			count[t] = n[0]
		}
	}
	terms := make([]string, 0, len(count))
	for t := range count {
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool {
		if count[terms[i]] != count[terms[j]] {
			return count[terms[i]] > count[terms[j]]
		}
		return terms[i] < terms[j]
	})
	for _, t := range terms {
		if topics == maxTopics {
			break
		}
		if count[t] < 2 || seen[strings.ToLower(form[t])] {
			continue
		}
		seen[strings.ToLower(form[t])] = true
		out = append(out, form[t])
		topics++
	}
	return out
}
