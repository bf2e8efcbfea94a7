package webpage_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/webpage"
)

var headerShape = regexp.MustCompile(`\Atitle: [^\n]*\npublisher: [^\n]*\npublished: (\d{4}-\d{2}-\d{2})?\nurl: (https?://[^\n]*)?\n---\n`)

// FuzzExtract checks that any page either is refused or gives briefing text
// with a well-formed header that knowledge.Parse reads.
func FuzzExtract(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "https://example.org/story")
	}
	f.Add([]byte(`<script type="application/ld+json">[[[[{"@type":"NewsArticle","headline":["x"],"publisher":[{"name":7}],"datePublished":"9999-99-99"}]]]]</script>`), "ftp://x")
	f.Fuzz(func(t *testing.T, page []byte, pageURL string) {
		text, err := webpage.Extract(page, pageURL)
		if err != nil {
			return
		}
		if !headerShape.MatchString(text) {
			t.Fatalf("malformed header:\n%s", text[:min(len(text), 400)])
		}
		if len(text) <= knowledge.MaxSize {
			if _, err := knowledge.Parse("page.txt", []byte(text)); err != nil && strings.Contains(err.Error(), "line ") {
				t.Fatalf("knowledge.Parse rejects the header: %v", err)
			}
		}
	})
}
