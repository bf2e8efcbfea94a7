package webpage_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/webpage"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func readPage(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".html"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestExtract(t *testing.T) {
	tests := []struct {
		page      string
		url       string
		header    [4]string // title, publisher, published, url
		sections  []string
		captions  int
		speakers  []string
		notInText []string
	}{
		{
			page: "jsonld", url: "https://ledger.example/news/2025/04/valley-dam-cracks?utm_source=chat",
			// JSON-LD wins over Open Graph; the date is the page's own local date.
			header:    [4]string{"Inspection finds cracks in Harlow Valley dam spillway", "The Riverside Ledger", "2025-04-09", "https://ledger.example/news/2025/04/valley-dam-cracks"},
			sections:  []string{"Built in 1961", "What happens next"},
			captions:  1,
			speakers:  []string{"Priya Natarajan"},
			notInText: []string{"Sign in", "Related stories", "All rights reserved", "window.ads"},
		},
		{
			page: "opengraph", url: "https://coastline.example/local/ferry-rescue?ref=home",
			header:    [4]string{"Night ferry crew rescues kayaker off Gull Point", "Coastline Daily", "2024-11-02", "https://coastline.example/local/ferry-rescue"},
			sections:  []string{"Warnings for paddlers"},
			speakers:  []string{"Lena Brandt"},
			notInText: []string{"Subscribe", "Leave a Reply", "Post"},
		},
		{
			page: "nodate", url: "https://ashford.example/news/library",
			header:   [4]string{"Library reopens after a year of repairs", "", "", "https://ashford.example/news/library"},
			speakers: []string{"Marguerite Doyle"},
		},
		{
			page: "graph", url: "https://farmweekly.example/2023/frost?x=1",
			header:   [4]string{"Orchard growers count the cost of a late frost", "Highland Farm Weekly", "2023-05-18", "https://farmweekly.example/2023/frost"},
			sections: []string{"Insurance"},
			speakers: []string{"Ivo Marsh"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			text, err := webpage.Extract(readPage(t, tt.page), tt.url)
			if err != nil {
				t.Fatalf("Extract(%s) error = %v", tt.page, err)
			}
			golden := filepath.Join("testdata", tt.page+".golden.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if text != string(want) {
				t.Errorf("Extract(%s) differs from %s:\n%s", tt.page, golden, text)
			}
			b, err := knowledge.Parse(tt.page+".txt", []byte(text))
			if err != nil {
				t.Fatalf("knowledge.Parse(Extract(%s)) error = %v", tt.page, err)
			}
			if got := [4]string{b.Title, b.Publisher, b.Published, b.URL}; got != tt.header {
				t.Errorf("parsed header = %q, want %q", got, tt.header)
			}
			for _, s := range tt.sections {
				if !slices.Contains(b.Sections, s) {
					t.Errorf("sections %q lack subheading %q", b.Sections, s)
				}
			}
			captions := 0
			for _, p := range b.Passages {
				if p.Kind == knowledge.Caption {
					captions++
				}
			}
			if captions != tt.captions {
				t.Errorf("%d caption passages, want %d", captions, tt.captions)
			}
			for _, name := range tt.speakers {
				if !slices.ContainsFunc(b.Quotes, func(q knowledge.Quote) bool { return q.Speaker == name }) {
					t.Errorf("no quote attributed to %s in %+v", name, b.Quotes)
				}
			}
			for _, s := range tt.notInText {
				if strings.Contains(text, s) {
					t.Errorf("extracted text holds page furniture %q", s)
				}
			}
		})
	}
}

func TestExtractRefusesNonArticles(t *testing.T) {
	tests := map[string][]byte{
		"LoginPage":  readPage(t, "notarticle"),
		"Empty":      nil,
		"PlainWords": []byte("just a few words, not a page"),
		"Teasers":    []byte("<html><body>" + strings.Repeat(`<div class="teaser"><a href="/x">A headline about something</a></div>`, 40) + "</body></html>"),
		"Binary":     []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
	}
	for name, page := range tests {
		t.Run(name, func(t *testing.T) {
			text, err := webpage.Extract(page, "https://example.org/")
			if !errors.Is(err, webpage.ErrNotArticle) {
				t.Errorf("Extract() = %q, %v; want ErrNotArticle", text, err)
			}
		})
	}
}

func TestExtractKeepsHeaderOnOneLine(t *testing.T) {
	page := `<html><head><title>Line one
line two</title><meta property="og:site_name" content="Paper
published: 1999-01-01"><link rel="canonical" href="javascript:alert(1)"></head><body><article>` +
		strings.Repeat("<p>A sentence of reasonable length that goes on for a while, as news paragraphs do, and then another one that says a little more about what happened and who was there to see it.</p>", 5) +
		`</article></body></html>`
	text, err := webpage.Extract([]byte(page), "http://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(text, "\n---\n")
	want := "title: Line one line two\npublisher: Paper published: 1999-01-01\npublished: \nurl: http://example.org/a"
	if header != want {
		t.Errorf("header = %q, want %q", header, want)
	}
}

func ExampleExtract() {
	page := `<html><head>
<meta property="og:title" content="Town hall clock restarts">
<meta property="og:site_name" content="The Example Gazette">
<meta property="article:published_time" content="2025-02-03T09:00:00+01:00">
</head><body><article>
<p>The clock on the town hall started again on Monday after standing still at twenty past four for most of the winter, the council said.</p>
<p>"It is good to hear it strike again," said Ada Munro, who wound the clock by hand every Sunday for thirty years before she retired, and who was there to hear it strike five.</p>
<p>A clockmaker from the next county replaced two worn gears and the cable that lifts the weights, and the council said the work cost less than a new roof for the bus shelter.</p>
</article></body></html>`
	text, err := webpage.Extract([]byte(page), "https://gazette.example/clock")
	if err != nil {
		fmt.Println(err)
		return
	}
	header, _, _ := strings.Cut(text, "---")
	fmt.Print(header)
	// Output:
	// title: Town hall clock restarts
	// publisher: The Example Gazette
	// published: 2025-02-03
	// url: https://gazette.example/clock
}
