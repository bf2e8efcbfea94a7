package qa

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// go test ./qa -run Debug -args -- article "question"
func TestDebug(t *testing.T) {
	art := os.Getenv("QA_ART")
	if art == "" {
		t.Skip()
	}
	e := New(mustParse(t, art))
	for _, qs := range strings.Split(os.Getenv("QA_Q"), "|") {
		q := e.parseQuestion(normalizeSpace(qs))
		fmt.Printf("\n== %s\ntype=%v speakers=%v missing=%v unquoted=%q\n", qs, q.typ, q.speakers, q.missing, q.unquoted)
		for _, qt := range q.terms {
			fmt.Printf("  term %-14s idf=%.2f known=%v spk=%v ent=%v opt=%v rel=%v\n", qt.term, qt.idf, qt.known, qt.speaker, qt.entity, qt.optional, qt.related)
		}
		s := e.ix.getScratch()
		e.ix.score(q.terms, s)
		cs := e.rank(&q, s)
		for i, c := range cs {
			if i == 6 {
				break
			}
			d := e.docs[c.d]
			sp := "-"
			if d.speaker >= 0 {
				sp = e.sources[d.speaker].summary.Name
			}
			fmt.Printf("  %5.2f cov=%.2f rel=%.2f top=%.2f bm=%.2f bonus=%.2f flags=%b %s | %.90s\n", c.score, c.cov, c.relCov, c.topicCov, c.bm, e.typeBonus(&q, c.d), d.flags, sp, d.text)
		}
		e.ix.putScratch(s)
		a := e.Ask(qs)
		fmt.Printf("  -> answered=%v why=%s\n", a.Answered, a.Why)
	}
}
