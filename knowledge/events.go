package knowledge

import "github.com/briefbot/briefbot/knowledge/dates"

// buildEvents finds the dated mentions in every sentence, resolved against
// the publication date, each with its sentence, passage and speaker.
func buildEvents(b *Briefing) []Event {
	who := map[[2]int]string{}
	index := make(map[string]int, len(b.Passages))
	for i, p := range b.Passages {
		index[p.ID] = i
	}
	for _, s := range b.Statements {
		k := [2]int{index[s.Passage], s.Sentence}
		if _, ok := who[k]; !ok {
			who[k] = s.Speaker
		}
	}
	events := []Event{}
	for pi, p := range b.Passages {
		for si, s := range p.Sentences {
			for _, m := range dates.Find(s.Text, b.Date) {
				events = append(events, Event{
					Date:       m.Date,
					End:        m.EndDate,
					Approx:     m.Approx,
					Expression: m.Expr,
					Text:       s.Text,
					Passage:    p.ID,
					Sentence:   si,
					Speaker:    who[[2]int{pi, si}],
				})
			}
		}
	}
	return events
}
