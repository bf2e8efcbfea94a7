package bot

import (
	"fmt"
	"strings"
	"testing"
)

func TestChoicesRanking(t *testing.T) {
	tests := []struct {
		name       string
		typed      string
		candidates []string
		want       []string
	}{
		{
			name:       "exact, prefix, word prefix, contains, rest",
			typed:      "cost",
			candidates: []string{"Lacoste Group", "Ana Costa", "Port Authority", "Costa Shipping", "cost"},
			want:       []string{"cost", "Costa Shipping", "Ana Costa", "Lacoste Group", "Port Authority"},
		},
		{
			name:       "case and space insensitive",
			typed:      "  ANA ",
			candidates: []string{"Banana Co", "ana", "Ana Costa"},
			want:       []string{"ana", "Ana Costa", "Banana Co"},
		},
		{
			name:       "empty keeps engine order",
			typed:      "",
			candidates: []string{"B", "A", "C"},
			want:       []string{"B", "A", "C"},
		},
		{
			name:       "duplicates and blanks dropped",
			typed:      "a",
			candidates: []string{"Ana", "ana", " ", "", "ANA"},
			want:       []string{"Ana"},
		},
		{
			name:       "hyphenated word prefix",
			typed:      "k",
			candidates: []string{"Market", "ISIS-K"},
			want:       []string{"ISIS-K", "Market"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range choices(tt.typed, tt.candidates) {
				got = append(got, c.Name)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("choices(%q, %q) = %q, want %q", tt.typed, tt.candidates, got, tt.want)
			}
		})
	}
}

func TestChoicesLimits(t *testing.T) {
	var candidates []string
	for n := range 60 {
		candidates = append(candidates, fmt.Sprintf("Name %02d %s", n, strings.Repeat("é", 150)))
	}
	got := choices("name", candidates)
	if len(got) != maxChoices {
		t.Fatalf("%d choices, want %d", len(got), maxChoices)
	}
	for _, c := range got {
		within(t, "choice name", c.Name, maxChoiceName)
		v := c.Value.(string)
		within(t, "choice value", v, maxChoiceValue)
		if strings.HasSuffix(v, "…") {
			t.Errorf("choice value %q ends in …; values must resolve", v)
		}
	}
}

func TestChoiceValuesKeepWholeWords(t *testing.T) {
	long := "The " + strings.Repeat("Very Long Name ", 10) + "Association"
	tests := []struct {
		name, want string
	}{
		{"Ana Costa", "Ana Costa"},
		{long, strings.TrimSpace(long[:strings.LastIndex(long[:101], " ")])},
		{strings.Repeat("x", 150), strings.Repeat("x", 100)},
	}
	for _, tt := range tests {
		got := choices("", []string{tt.name})
		if len(got) != 1 || got[0].Value != tt.want {
			t.Errorf("choices(%q) value = %v, want %q", tt.name, got, tt.want)
		}
	}
}
