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

// BenchmarkPathological parses inputs built to find quadratic paths: 10,000
// short quotes, unbalanced and nested quotation marks, a 2 MiB paragraph
// with no break, 5,000 "he said" in a row, 5,000 descriptions ("the
// 34-year-old said") among 300 people, 5,000 quote-only paragraphs between
// photo notes, and a 2 MiB paragraph of single marks that close nothing. Each must parse in well
// under a second (a benchmark reports it; no test asserts on time).
func BenchmarkPathological(b *testing.B) {
	header := "title: T\npublished: 2024-03-23\n---\nT\n\n"
	var quotes, unbalanced, nested, said strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&quotes, "“Quote number %d,” said Jane Doe%d. ", i, i%50)
		if i%40 == 39 {
			quotes.WriteString("\n\n")
		}
	}
	for i := range 20000 {
		unbalanced.WriteString([]string{"“Open ", "and ”close ", "\"straight ", "‘single ", "’’ ", "«guillemet "}[i%6])
		if i%500 == 499 {
			unbalanced.WriteString("\n\n")
		}
	}
	for i := range 5000 {
		fmt.Fprintf(&nested, "“He said ‘she said “they said ‘it was %d” ’ ” ’ ", i)
	}
	for range 5000 {
		said.WriteString("he said ")
	}
	var desc, floating strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&desc, "Jane Doe%d, %d, spoke. “Quote %d,” the %d-year-old said. ", i%300, 20+i%80, i, 20+(i*7)%80)
		if i%20 == 19 {
			desc.WriteString("\n\n")
		}
		fmt.Fprintf(&floating, "Photo note %d\n\n“Floating quote number %d with no one named.”\n\n", i, i)
	}
	singles := strings.Repeat("the 'burbs and o'clock and 'n' and ‘open ", 2<<20/42)
	para := strings.Repeat("Officials in Example City said on Friday that the plan, which began in March 2024, “would not work,” according to Jane Doe of the Example Institute, and he said ", 2<<20/160)
	for _, c := range []struct {
		name string
		body string
	}{
		{"10000-quotes", quotes.String()},
		{"unbalanced-marks", unbalanced.String()},
		{"nested-marks", nested.String()},
		{"2MiB-paragraph", para[:min(len(para), MaxSize-len(header)-1)]},
		{"5000-he-said", said.String()},
		{"5000-descriptions", desc.String()},
		{"5000-quote-only-paragraphs", floating.String()},
		{"2MiB-single-marks", singles[:min(len(singles), MaxSize-len(header)-1)]},
	} {
		data := []byte(header + c.body)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("bench.txt", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
