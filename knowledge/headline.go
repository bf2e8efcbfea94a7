package knowledge

// Headlines quote too, British ones in single marks: "Doe admits rail plan
// is her ‘biggest regret’". A quotation in the headline is said by the
// subject of the headline's reporting verb, when it has one; otherwise
// ("‘What now?’: villagers count the cost") it is said by no one the
// headline names. Its Quote has no passage: Start and End are offsets into
// the briefing's Title.

// headlineQuotes returns the quotations of the briefing's title, each
// attributed by the title's own reporting verbs.
func (d *doc) headlineQuotes() []Quote {
	t := d.b.Title
	spans := findQuotes(t)
	if len(spans) == 0 {
		return nil
	}
	ts := tokenize(t, Sentence{Text: t, Start: 0, End: len(t)}, spans)
	attrs := analyseSentence(t, ts)
	var out []Quote
	for _, q := range spans {
		start, end := quoteBounds(t, q)
		if start == end || !hasLetter(t[start:end]) {
			continue
		}
		qt := Quote{Text: t[start:end], Start: start, End: end}
		if !isQuotation(t, q) || isTitleLine(t, spans) && len(attrs) == 0 {
			qt.Sieve = "title"
			out = append(out, qt)
			continue
		}
		best, bestDist := -1, 0
		for i, a := range attrs {
			if a.according || a.np.kind == npPronoun {
				continue
			}
			dist := q.open - a.verbEnd
			if a.verb >= q.close {
				dist = a.verb - q.close
			}
			if best < 0 || dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best >= 0 {
			if sp, ok := d.resolve(attrs[best].np, 0); ok {
				qt.Speaker, qt.Sieve = sp.name, "headline"
			}
		}
		out = append(out, qt)
	}
	return out
}
