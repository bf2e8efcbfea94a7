package qa

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

func TestContentKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Who attacked the concert hall?", "the concert hall: who attacked it"},
		{"Why did the talks fail?", "why did talks fail"},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			if ka, kb := ContentKey(tt.a), ContentKey(tt.b); ka != kb || ka == "" {
				t.Errorf("ContentKey(%q) = %q, ContentKey(%q) = %q, want equal and non-empty", tt.a, ka, tt.b, kb)
			}
		})
	}
	if a, b := ContentKey("Who attacked the hall?"), ContentKey("Who defended the hall?"); a == b {
		t.Errorf("different questions share key %q", a)
	}
}

// ferryBriefing is an invented briefing for the follow-up tests: a woman
// and a man quoted, an organisation, dates and a reason.
func ferryBriefing(tb testing.TB) *knowledge.Briefing {
	tb.Helper()
	paras := []handPara{
		{"", knowledge.Lede, []string{"The island ferry stopped running on Tuesday after inspectors found cracks in its hull."}},
		{"", knowledge.Body, []string{"“We will not sail a boat we cannot trust,” said Hanna Berg, the ferry line’s operations chief.", "She said repairs would take about three weeks."}},
		{"", knowledge.Body, []string{"The crossing carries 1,200 passengers a day, most of them commuters."}},
		{"Reaction", knowledge.Body, []string{"Tomas Lind, who runs a bakery on the island, said his deliveries had stopped because the vans could not cross.", "He said the island council should charter a second boat."}},
		{"Reaction", knowledge.Body, []string{"The island council said it would meet on Friday to discuss a replacement vessel."}},
	}
	said := []handSaid{
		{1, 0, "Hanna Berg", "We will not sail a boat we cannot trust,"},
		{1, 1, "Hanna Berg", ""},
		{3, 0, "Tomas Lind", ""},
		{3, 1, "Tomas Lind", ""},
		{4, 0, "island council", ""},
	}
	sources := []knowledge.Source{
		{Name: "Hanna Berg", Kind: knowledge.Person, Role: "the ferry line’s operations chief", Aliases: []string{"Berg"}, Quotes: 1, Statements: 1},
		{Name: "Tomas Lind", Kind: knowledge.Person, Role: "who runs a bakery on the island", Aliases: []string{"Lind"}, Statements: 2},
		{Name: "island council", Kind: knowledge.Organisation, Statements: 1},
	}
	events := []handEvent{{0, 0, "2024-05-14", "", "on Tuesday", false, ""}, {4, 0, "2024-05-17", "", "on Friday", false, "island council"}}
	return handBriefing(tb, "Island ferry halted", "2024-05-15", paras, said, sources, events, nil)
}

func TestFollowUp(t *testing.T) {
	e := New(ferryBriefing(t))
	tests := []struct {
		name, first, next string
		answered          bool
		passage, not      string // the follow-up's passage holds passage and not not
		speaker           string
		why               string // Why holds it
	}{
		{name: "he is the speaker", first: "What did Tomas Lind say about his deliveries?", next: "What else did he say?",
			answered: true, passage: "charter a second boat", not: "deliveries had stopped", speaker: "Tomas Lind", why: "taking 'he' as Tomas Lind"},
		{name: "she is the speaker", first: "Who is Hanna Berg?", next: "How long did she say repairs would take?",
			answered: true, passage: "three weeks", speaker: "Hanna Berg", why: "taking 'she' as Hanna Berg"},
		{name: "he is not a woman", first: "What did Hanna Berg say about the boat?", next: "What did he say about the council?",
			answered: false, why: "'he' names no one in the earlier answer"},
		{name: "when was that", first: "Why did the ferry stop?", next: "When was that?",
			answered: true, passage: "on Tuesday", why: "taking 'that' as about the earlier answer"},
		{name: "why", first: "What did Tomas Lind say about his deliveries?", next: "Why?",
			answered: true, passage: "because the vans could not cross"},
		{name: "why with no reason", first: "How many passengers does the crossing carry?", next: "Why?",
			answered: false},
		{name: "a short question naming nothing", first: "When will the council meet?", next: "What will it discuss?",
			answered: true, passage: "replacement vessel"},
		{name: "they is the organisation", first: "When will the island council meet?", next: "What did they say?",
			answered: true, speaker: "island council", passage: "replacement vessel", why: "taking 'they' as island council"},
		{name: "words the briefing never uses ask about something new", first: "Why did the ferry stop?", next: "What is the price of bitcoin?",
			answered: false, not: "on Tuesday"},
		{name: "a new question", first: "Who is Hanna Berg?", next: "How many passengers does the crossing carry?",
			answered: true, passage: "1,200 passengers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := e.Ask(tt.first)
			if !first.Answered {
				t.Fatalf("Ask(%q) declined: %s", tt.first, first.Why)
			}
			a := e.FollowUp(first.Ref, tt.next)
			if a.Answered != tt.answered {
				t.Fatalf("FollowUp(%q) answered %v %q, want %v (why %s)", tt.next, a.Answered, a.Passage, tt.answered, a.Why)
			}
			if !strings.Contains(a.Passage, tt.passage) || tt.not != "" && strings.Contains(a.Passage, tt.not) {
				t.Errorf("FollowUp(%q) = %q, want it to hold %q and not %q", tt.next, a.Passage, tt.passage, tt.not)
			}
			if tt.speaker != "" && (a.Speaker == nil || a.Speaker.Name != tt.speaker) {
				t.Errorf("FollowUp(%q) speaker %+v, want %s", tt.next, a.Speaker, tt.speaker)
			}
			if !strings.Contains(a.Why, tt.why) || !strings.Contains(a.Why, a.Understood) {
				t.Errorf("FollowUp(%q) why %q (understood %q), want it to say %q", tt.next, a.Why, a.Understood, tt.why)
			}
			if a.Question != tt.next {
				t.Errorf("FollowUp(%q).Question = %q", tt.next, a.Question)
			}
		})
	}
}

// A follow-up with no earlier answer is answered as a new question and
// says so; one whose only subject is a pronoun is declined.
func TestFollowUpUnresolved(t *testing.T) {
	e := New(ferryBriefing(t))
	tests := []struct {
		ref, q   string
		answered bool
		why      string
	}{
		{"", "What else did she say?", false, "there is no earlier answer"},
		{"nosuch:p1:0s", "When did he sail?", false, "the question does not say who or what 'he' is"},
		{"", "What did Hanna Berg say about repairs?", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := e.FollowUp(tt.ref, tt.q)
			if a.Answered != tt.answered || !strings.Contains(a.Why, tt.why) {
				t.Errorf("FollowUp(%q, %q) = answered %v, why %q; want %v, %q", tt.ref, tt.q, a.Answered, a.Why, tt.answered, tt.why)
			}
			if tt.answered {
				if fresh := e.Ask(tt.q); a.Passage != fresh.Passage || a.Understood != "" {
					t.Errorf("FollowUp(%q, %q) = %q (understood %q), want the fresh answer %q", tt.ref, tt.q, a.Passage, a.Understood, fresh.Passage)
				}
			}
		})
	}
}

func TestRefs(t *testing.T) {
	e := New(ferryBriefing(t))
	a := e.Ask("What did Tomas Lind say about the island council?")
	if !a.Answered {
		t.Fatalf("Ask declined: %s", a.Why)
	}
	for _, ref := range append([]string{a.Ref}, matchRefs(a)...) {
		if len(ref) > maxRef || strings.ContainsAny(ref, " \t\n") {
			t.Errorf("ref %q: want at most %d bytes, no spaces", ref, maxRef)
		}
		if _, ok := e.Paragraph(ref); !ok {
			t.Errorf("Paragraph(%q) not found", ref)
		}
	}
	if again := New(ferryBriefing(t)).Ask("What did Tomas Lind say about the island council?"); again.Ref != a.Ref {
		t.Errorf("ref %q after a reload, was %q", again.Ref, a.Ref)
	}
	base, _, _ := strings.Cut(a.Ref, ":")
	for _, bad := range []string{base + ":p4:9s", base + ":p4:1z", base + ":p4:x", base + ":p4:-1", a.Ref + "0"} {
		if _, ok := e.parseRef(bad); ok {
			t.Errorf("parseRef(%q) resolved", bad)
		}
	}
	long := &knowledge.Briefing{Title: "t", Passages: []knowledge.Passage{{ID: strings.Repeat("passage-", 9), Text: "The dam held after the storm.", Kind: knowledge.Body}}}
	if a := New(long).Ask("Did the dam hold after the storm?"); !a.Answered || len(a.Ref) > maxRef {
		t.Errorf("long passage ID: answered %v, ref %q", a.Answered, a.Ref)
	}
}

func matchRefs(a Answer) []string {
	var out []string
	for _, m := range append(a.More, a.Closest...) {
		out = append(out, m.Ref)
	}
	return out
}

// A declined question offers the passages closest to it, never as its
// answer.
func TestClosest(t *testing.T) {
	e := New(ferryBriefing(t))
	a := e.Ask("How many inspectors found the cracks?")
	if a.Answered {
		t.Fatalf("Ask answered %q, want a decline", a.Passage)
	}
	if len(a.Closest) == 0 || len(a.Closest) > maxClosest || a.Passage != "" {
		t.Fatalf("Closest = %+v, passage %q; want 1 to %d closest and no passage", a.Closest, a.Passage, maxClosest)
	}
	for _, m := range a.Closest {
		if m.Passage == "" || m.Briefing == "" {
			t.Errorf("closest %+v", m)
		}
	}
	if b := e.Ask("What is the capital of France?"); len(b.Closest) != 0 {
		t.Errorf("a question about nothing in the briefing offers %+v", b.Closest)
	}
}
