package qa

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge"
)

// FuzzAsk feeds the question path arbitrary text: it must never panic, and
// every answer must keep the contract.
func FuzzAsk(f *testing.F) {
	for _, c := range loadCases(f, "testdata/seed-qa.json") {
		f.Add(c.Q)
	}
	for _, s := range []string{"", " ", "\x00", "ISIS-K’s U.S.-led al-Assad", "¿Qué?", strings.Repeat("why ", 300),
		"\u00a0\u200b\ufeff", "What did \"Colin\" say about “Russia”?", "1,000,000.5 2021–2024", "U.S.A.'s", "--",
		"who is the", "how many", "when", "What did the U.S. military say about Kerman, Iran on Jan. 3, 2024?",
		"According to the ISIS, roughly how many?", "according to,", "What did the International Monetary Fund of the say?",
		"When is it being held", "How many of the were", "who speaks for ", "Who spoke on behalf of", "By what margin", "what time of the day"} {
		f.Add(s)
	}
	e := New(handSeed(f), secondBriefing(f))
	f.Fuzz(func(t *testing.T, q string) {
		a := e.Ask(q)
		if a.Question != q {
			t.Fatalf("Question changed")
		}
		if a.Why == "" {
			t.Fatalf("Ask(%q): no Why", q)
		}
		if a.Answered {
			if a.Passage == "" || !strings.Contains(a.Context, a.Passage) || a.Briefing == "" {
				t.Fatalf("Ask(%q): answered with passage %q, context %q", q, a.Passage, a.Context)
			}
			if _, ok := e.Paragraph(a.Ref); !ok {
				t.Fatalf("Ask(%q): Ref %q does not resolve", q, a.Ref)
			}
		} else if a.Passage != "" || a.Speaker != nil || len(a.Suggestions) == 0 {
			t.Fatalf("Ask(%q): abstention %+v", q, a)
		}
		if len(a.More) > maxMore {
			t.Fatalf("Ask(%q): %d more", q, len(a.More))
		}
		if utf8.ValidString(q) {
			if _, err := json.Marshal(a); err != nil {
				t.Fatalf("Ask(%q): %v", q, err)
			}
		}
		e.Timeline(TimelineFilter{Topic: q})
		e.Complete(q, len(q)%2 == 0)
		e.SaidBy(q)
	})
}

// FuzzFollowUp feeds follow-ups arbitrary refs and questions: it must never
// panic, and every answer must keep the contract.
func FuzzFollowUp(f *testing.F) {
	e := New(handSeed(f), secondBriefing(f))
	for _, c := range loadCases(f, "testdata/seed-qa.json") {
		if a := e.Ask(c.Q); a.Ref != "" {
			f.Add(a.Ref, "What else did he say?")
			f.Add(a.Ref, "Why?")
		}
	}
	for _, s := range [][2]string{{"", ""}, {"x:y:z", "When?"}, {"00000000:p1:0-", "And Russia?"}, {":::", "it"},
		{"206a572f:p1:99999999999999999999s", "What did she say about it?"}, {"a:b:1-2-3q", "Anything else?"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, ref, q string) {
		a := e.FollowUp(ref, q)
		if a.Question != q || a.Why == "" {
			t.Fatalf("FollowUp(%q, %q): question %q, why %q", ref, q, a.Question, a.Why)
		}
		if a.Answered {
			if a.Passage == "" || !strings.Contains(a.Context, a.Passage) {
				t.Fatalf("FollowUp(%q, %q): passage %q not in context %q", ref, q, a.Passage, a.Context)
			}
			if _, ok := e.Paragraph(a.Ref); !ok || len(a.Ref) > maxRef {
				t.Fatalf("FollowUp(%q, %q): ref %q", ref, q, a.Ref)
			}
		} else if a.Passage != "" || len(a.Closest) > maxClosest {
			t.Fatalf("FollowUp(%q, %q): decline %+v", ref, q, a)
		}
	})
}

// FuzzNew builds an engine over arbitrary briefing text, the outside input
// a moderator may add, and asks it one question of each kind: building
// reads every sentence's numbers, dates, frequencies and shares, and must
// never panic.
func FuzzNew(f *testing.F) {
	for _, s := range []string{
		"title: T\npublished: 2024-03-23\n---\nT\n\nThe ferry sails twice a day, but only in summer, from May 1 to May 19.\n",
		"title: T\npublished: 2024-03-23\n---\nT\n\nOne in five, 62pc, $5, 300 people, a 20-mile line, half an hour.\n",
		"title: T\npublished: 2024-03-23\n---\nT\n\nIt claims the fee will raise £3m; every other Saturday since 2019.\n",
		"ȺB-12m, but 3; the third of May, 10p, every",
	} {
		f.Add(s)
	}
	questions := []string{"How long did it last?", "How often does it sail?", "What share backed it?",
		"How many people came?", "When will it reopen?", "What did it say?"}
	f.Fuzz(func(t *testing.T, text string) {
		b, err := knowledge.Parse("fuzz.txt", []byte(text))
		if err != nil {
			return
		}
		e := New(b)
		for _, q := range questions {
			if a := e.Ask(q); a.Why == "" {
				t.Fatalf("Ask(%q): no Why", q)
			}
		}
	})
}
