package knowledge

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds Parse arbitrary input. It must never panic, and what it
// returns must hold together: passages with sentences that are spans of
// their text, quotes and statements that point at real sentences, and
// JSON that marshals. A quotation in the headline points into the title.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	md, _ := filepath.Glob("testdata/*.md")
	for _, p := range append(files, md...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), data)
		}
	}
	for _, s := range []string{
		"", "\n\n", "title: T\npublished: 2024-99-99\n---\nBody.",
		"---\n---\n", "T\n\n“open quote\n\n“still open",
		"T\n\n\"a\" \"b\" \"c\" said X, Y, Z, said.",
		"T\n\nWATCH | x:\n\nVideo\n\nBlurb.",
		"T\n\n(a) (b) (AB) (ABC) ()",
		"# H\n\n![](x)\n\n_x_ *y* [z](w) `q`",
		"T\n\n, said, , told ,\n\n. . . \u00a0\u00ad",
		"T\n\nGen. Mr. Dr. U.S. a.m. J. St.",
		"T\n\nA said B of the C in D, E, F, G, said “H.”",
	} {
		f.Add("fuzz.txt", []byte(s))
		f.Add("fuzz.md", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		b, err := Parse(name, data)
		if err != nil {
			if b != nil {
				t.Fatalf("Parse returned a briefing and an error %v", err)
			}
			return
		}
		if len(b.Passages) == 0 {
			t.Fatal("no passages and no error")
		}
		ids := map[string]int{}
		texts := map[string]string{}
		for _, p := range b.Passages {
			texts[p.ID] = p.Text
			if !utf8.ValidString(p.Text) {
				t.Fatalf("passage %s is not UTF-8", p.ID)
			}
			ids[p.ID] = len(p.Sentences)
			for _, s := range p.Sentences {
				if s.Start < 0 || s.End > len(p.Text) || s.Start >= s.End || p.Text[s.Start:s.End] != s.Text {
					t.Fatalf("sentence %q at %d:%d does not match passage %q", s.Text, s.Start, s.End, p.Text)
				}
				if strings.TrimSpace(s.Text) != s.Text {
					t.Fatalf("sentence %q has surrounding space", s.Text)
				}
			}
		}
		for _, q := range b.Quotes {
			if q.Passage == "" { // a quotation in the headline
				if q.Start < 0 || q.End > len(b.Title) || q.Start > q.End || b.Title[q.Start:q.End] != q.Text {
					t.Fatalf("headline quote %q: offsets %d:%d do not give its text in %q", q.Text, q.Start, q.End, b.Title)
				}
				continue
			}
			if n, ok := ids[q.Passage]; !ok || q.Sentence < 0 || q.Sentence >= n {
				t.Fatalf("quote %+v points nowhere", q)
			}
			if text := texts[q.Passage]; q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("quote %q: offsets %d:%d do not give its text", q.Text, q.Start, q.End)
			}
		}
		for _, s := range b.Statements {
			if n, ok := ids[s.Passage]; !ok || s.Sentence < 0 || s.Sentence >= n || s.Speaker == "" {
				t.Fatalf("statement %+v points nowhere", s)
			}
		}
		for _, e := range b.Events {
			if n, ok := ids[e.Passage]; !ok || e.Sentence < 0 || e.Sentence >= n {
				t.Fatalf("event %+v points nowhere", e)
			}
		}
		if _, err := json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	})
}
