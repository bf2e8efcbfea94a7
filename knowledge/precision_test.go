package knowledge_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGoldPrecision is TestGold's other half: what the parser finds that the
// gold does not have. Every quote it extracts must be a gold quote, and every
// source it lists a gold person, organisation or media credit. (Statements
// and events are not held to this: the parser also reports the sentences
// that carry quotes, and every mention of a date, which the gold lists only
// once.)
func TestGoldPrecision(t *testing.T) {
	for _, path := range goldPaths(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".gold.json"), func(t *testing.T) {
			g := loadGold(t, path)
			b := goldBriefing(t, g)
			for _, q := range b.Quotes {
				if !slices.ContainsFunc(g.Quotes, func(gq goldQuote) bool { return goldSameQuote(gq.Text, q.Text) }) {
					t.Errorf("quote %q (speaker %q) is not in the gold", q.Text, q.Speaker)
				}
			}
			gold := slices.Concat(g.Sources.People, g.Sources.Organisations, g.Sources.Anonymous, g.Sources.MediaCredits)
			for _, s := range b.Sources {
				if !slices.Contains(gold, s.Name) {
					t.Errorf("source %q (%s) is not in the gold", s.Name, s.Kind)
				}
			}
			if !t.Failed() {
				t.Logf("%d quotes, %d sources, all in the gold", len(b.Quotes), len(b.Sources))
			}
		})
	}
}
