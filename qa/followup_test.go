package qa

import (
	"strings"
	"testing"
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

func TestFollowUpUnresolvedIsFresh(t *testing.T) {
	e := New(mustParse(t, "seed.txt"))
	fresh := e.Ask("What did Colin Clarke say?")
	a := e.FollowUp("nosuchref", "What did Colin Clarke say?")
	if a.Passage != fresh.Passage || !strings.Contains(a.Why, "new question") {
		t.Errorf("FollowUp(unknown ref) = %q (why %q), want the fresh answer %q and a note", a.Passage, a.Why, fresh.Passage)
	}
}
