package knowledge

import (
	"regexp"
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "One thing. Another thing? Yes!", []string{"One thing.", "Another thing?", "Yes!"}},
		{"title abbreviation", "Gen. Michael Doe, commander of U.S. Central Command, told Congress.", []string{"Gen. Michael Doe, commander of U.S. Central Command, told Congress."}},
		{"U.S. before a name", "On Saturday, U.S. National Security Council spokesperson Jane Roe said so.", []string{"On Saturday, U.S. National Security Council spokesperson Jane Roe said so."}},
		{"month abbreviation and digits", "It happened on Jan. 3, 2024. Scores died.", []string{"It happened on Jan. 3, 2024.", "Scores died."}},
		{"year then capital", "It peaked in about 2018. The Taliban struck.", []string{"It peaked in about 2018.", "The Taliban struck."}},
		{"closing quote", "It oppresses “Muslims.” He added that.", []string{"It oppresses “Muslims.”", "He added that."}},
		{"opening quote", "They remain an issue. “These groups are weak,” he said.", []string{"They remain an issue.", "“These groups are weak,” he said."}},
		{"straight quotes", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"initial", "John F. Kennedy spoke. Then J. Smith did.", []string{"John F. Kennedy spoke.", "Then J. Smith did."}},
		{"initial ends sentence", "He took vitamin D. The rest is history.", []string{"He took vitamin D.", "The rest is history."}},
		{"a.m. before starter", "It began at 10 a.m. The police arrived.", []string{"It began at 10 a.m.", "The police arrived."}},
		{"a.m. mid sentence", "At 10 a.m. Eastern time it began.", []string{"At 10 a.m. Eastern time it began."}},
		{"e.g. and Dr.", "Experts, e.g. Dr. Roe, agree. Mr. Doe and Mrs. Doe do not.", []string{"Experts, e.g. Dr. Roe, agree.", "Mr. Doe and Mrs. Doe do not."}},
		{"St. and Sen.", "Sen. Jane Roe visited St. Louis. She left.", []string{"Sen. Jane Roe visited St. Louis.", "She left."}},
		{"newline breaks", "Destroyed cars are seen in Kerman\nDamaged cars are seen. (Credit)", []string{"Destroyed cars are seen in Kerman", "Damaged cars are seen.", "(Credit)"}},
		{"ellipsis is not a break", "He said... Then nothing.", []string{"He said... Then nothing."}},
		{"lowercase after period", "The U.S. itself was safe. it was.", []string{"The U.S. itself was safe. it was."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text) {
				if tt.text[s.Start:s.End] != s.Text {
					t.Errorf("sentence %q has offsets %d:%d giving %q", s.Text, s.Start, s.End, tt.text[s.Start:s.End])
				}
				got = append(got, s.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSeedSentences checks the boundaries notes/golibs.md lists as the
// hard ones in the seed: none of its abbreviations split a sentence, and
// the quote-adjacent and non-breaking-space boundaries do split.
func TestSeedSentences(t *testing.T) {
	b := mustParseFile(t, "testdata/seed.txt")
	var all []string
	for _, p := range b.Passages {
		for _, s := range p.Sentences {
			all = append(all, s.Text)
		}
	}
	for _, bad := range []string{"On Saturday, U.S.", "Gen.", "commander of U.S."} {
		for _, s := range all {
			if len(s) >= len(bad) && s[len(s)-len(bad):] == bad {
				t.Errorf("sentence wrongly ends in %q: %q", bad, s)
			}
		}
	}
	for _, want := range []string{
		"He added that the group also counts as members a number of Central Asian militants with their own grievances against Moscow.",
		"“These groups are embattled but not completely destroyed,” he said.",
		"On Saturday, U.S. National Security Council spokesperson Adrienne Watson said ISIS “bears sole responsibility” for the attack.",
		"The Taliban and U.S. forces inflicted heavy losses.",
	} {
		if !slices.Contains(all, want) {
			t.Errorf("missing sentence %q", want)
		}
	}
}

// boundaryPattern is what boundaries finds, as a regular expression: the
// hand-written scan is the faster of the two, and must agree with it.
var boundaryPattern = regexp.MustCompile(`([.?!]+)(["”’')\]]*)[ \t]+((?:["“‘'(\[]*)[\p{Lu}\d])`)

func checkBoundaries(t *testing.T, line string) {
	t.Helper()
	var want []boundary
	for _, m := range boundaryPattern.FindAllStringSubmatchIndex(line, -1) {
		want = append(want, boundary{punct: m[2], closers: m[3], end: m[5], next: m[6]})
	}
	if got := boundaries(line); !slices.Equal(got, want) {
		t.Errorf("boundaries(%q) = %v, want %v", line, got, want)
	}
}

func TestBoundaries(t *testing.T) {
	for _, line := range []string{
		"", "One. Two", "One.Two", "One.  “Two", "Why?! “No.” Then", "He said “stop.” (Then) 3 more. x",
		"a... B", "U.S. Army", "end.\tTab", "Wait . . . What", "“Q.’’ She", "x. é", "x. É", "1. 2. 3.",
	} {
		checkBoundaries(t, line)
	}
}

func FuzzBoundaries(f *testing.F) {
	f.Add("He left. She stayed! “Why?” ‘No.’ (Yes.) 42.")
	f.Fuzz(func(t *testing.T, line string) {
		checkBoundaries(t, line)
	})
}
