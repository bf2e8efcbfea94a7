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

// BenchmarkParseAll measures loading a library of 2,000 briefings about the
// size of the seed (8 KB each, 16 MB in all), each a copy of the seed's body
// with its names changed: one op parses the whole library with ParseAll.
func BenchmarkParseAll(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	files := library(string(seed), 2000, 8<<10)
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := ParseAll(files); errs[0] != nil {
			b.Fatal(errs[0])
		}
	}
}

// library returns n briefings of at most size bytes each, made like
// bigArticle and cut at a paragraph.
func library(seed string, n, size int) []File {
	data := bigArticle(seed, size)
	if i := strings.LastIndex(string(data[:size]), "\n\n"); i > 0 {
		data = data[:i+1]
	}
	files := make([]File, n)
	for i := range files {
		files[i] = File{Name: fmt.Sprintf("b%d.txt", i), Data: data}
	}
	return files
}
