package qa

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	art := os.Getenv("QA_ART")
	if art == "" {
		t.Skip()
	}
	b := mustParse(t, art)
	for _, p := range b.Passages {
		fmt.Printf("%s [%s|%s] %d sents: %.100s\n", p.ID, p.Kind, p.Section, len(p.Sentences), p.Text)
	}
	for _, q := range b.Quotes {
		fmt.Printf("Q %s/%d %q <- %q (%s)\n", q.Passage, q.Sentence, q.Text, q.Speaker, q.Role)
	}
	for _, q := range b.Statements {
		fmt.Printf("S %s/%d %.60q <- %q\n", q.Passage, q.Sentence, q.Text, q.Speaker)
	}
	for _, s := range b.Sources {
		fmt.Printf("SRC %q %s %q %v q=%d s=%d\n", s.Name, s.Kind, s.Role, s.Aliases, s.Quotes, s.Statements)
	}
	for _, ev := range b.Events {
		fmt.Printf("EV %s %s %v %q %s/%d\n", ev.Date, ev.End, ev.Approx, ev.Expression, ev.Passage, ev.Sentence)
	}
	fmt.Println(b.Aliases, b.Sections)
}
