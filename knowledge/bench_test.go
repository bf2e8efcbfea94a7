package knowledge

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkParse measures parsing the seed briefing and a generated 1 MiB
// article (the seed's body repeated, with its people renamed in each copy
// so that names, pronouns and quotes do not all resolve to the first copy).
func BenchmarkParse(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	big := bigArticle(string(seed), 1<<20)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"seed", seed},
		{"1MiB", big},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := Parse("bench.txt", c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// bigArticle returns an article of about size bytes: the seed's header,
// then copies of its body, each under its own heading with every
// capitalised word suffixed by the copy number (so "Jane Doe" becomes
// "Jane3 Doe3").
func bigArticle(seed string, size int) []byte {
	head, body, _ := strings.Cut(seed, "\n---\n")
	var sb strings.Builder
	sb.WriteString(head + "\n---\n")
	for i := 1; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, "\nPart %d\n\n", i)
		for _, w := range strings.SplitAfter(body, " ") {
			if w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.ContainsAny(w, ".\n") {
				w = strings.TrimRight(w, " ,") + fmt.Sprint(i) + w[len(strings.TrimRight(w, " ,")):]
			}
			sb.WriteString(w)
		}
	}
	return []byte(sb.String())
}
