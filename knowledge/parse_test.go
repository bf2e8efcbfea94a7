package knowledge

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHeader(t *testing.T) {
	tests := []struct {
		name, in                         string
		title, publisher, published, url string
		firstPassage                     string
	}{
		{
			name:      "header",
			in:        "title: A Title\npublisher: Example News\npublished: 2024-03-23\nurl: https://example.com/a\n---\nA Title\n\nFirst paragraph here.\n",
			title:     "A Title",
			publisher: "Example News", published: "2024-03-23", url: "https://example.com/a",
			firstPassage: "First paragraph here.",
		},
		{
			name:         "no header: first line is the title",
			in:           "\n\nThe Title Line\n\nBody text starts here.\n",
			title:        "The Title Line",
			firstPassage: "Body text starts here.",
		},
		{
			name:         "header title differs from first line",
			in:           "title: Short\n---\nA longer headline\n\nBody.\n",
			title:        "Short",
			firstPassage: "A longer headline",
		},
		{
			name:         "front matter with quotes and unknown keys",
			in:           "---\ntitle: \"Quoted: Title\"\nauthor: Someone\npublished: 2024-01-02\n---\nBody sentence one.\n",
			title:        "Quoted: Title",
			published:    "2024-01-02",
			firstPassage: "Body sentence one.",
		},
		{
			name:         "a body line with a colon is not a header",
			in:           "Why it matters: a lot\n\nBody sentence.\n",
			title:        "Why it matters: a lot",
			firstPassage: "Body sentence.",
		},
		{
			name:         "empty published",
			in:           "title: T\npublished:\n---\nBody.\n",
			title:        "T",
			firstPassage: "Body.",
		},
		{
			name:         "CRLF and BOM",
			in:           "\ufefftitle: T\r\npublished: 2024-02-29\r\n---\r\nT\r\n\r\nBody.\r\n",
			title:        "T",
			published:    "2024-02-29",
			firstPassage: "Body.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if b.Title != tt.title || b.Publisher != tt.publisher || b.Published != tt.published || b.URL != tt.url {
				t.Errorf("got title=%q publisher=%q published=%q url=%q", b.Title, b.Publisher, b.Published, b.URL)
			}
			if got := b.Passages[0].Text; got != tt.firstPassage {
				t.Errorf("first passage %q, want %q", got, tt.firstPassage)
			}
			if tt.published != "" && b.Date.Format(time.DateOnly) != tt.published {
				t.Errorf("Date = %v", b.Date)
			}
			if tt.published == "" && !b.Date.IsZero() {
				t.Errorf("Date = %v, want zero", b.Date)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		in     []byte
		target error
		text   []string // in the message
	}{
		{"empty", "empty.txt", nil, errEmpty, []string{"empty.txt"}},
		{"blank", "blank.txt", []byte(" \n\t\n\u00a0"), errEmpty, []string{"blank.txt"}},
		{"furniture only", "f.txt", []byte("Title\n\nAdvertisement\n\nSource link\n"), errNoBody, []string{"f.txt"}},
		{"binary", "bin.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0xff, 0xfe}, errNotText, []string{"bin.txt"}},
		{"nul", "nul.txt", []byte("text\x00more"), errNotText, []string{"nul.txt"}},
		{"too large", "big.txt", []byte(strings.Repeat("a", MaxSize+1)), errTooLarge, []string{"big.txt"}},
		{"bad date", "bad.txt", []byte("title: T\npublished: 2024-13-45\n---\nBody.\n"), errBadDate, []string{"bad.txt", "line 2", "2024-13-45"}},
		{"bad date words", "w.md", []byte("---\ntitle: T\npublished: last Tuesday\n---\nBody.\n"), errBadDate, []string{"w.md", "line 3"}},
		{"title only", "t.txt", []byte("Just a title\n"), errNoBody, []string{"t.txt"}},
		{"header only", "h.txt", []byte("title: T\n---\n"), errNoBody, []string{"h.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(tt.file, tt.in)
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", b)
			}
			if !errors.Is(err, tt.target) {
				t.Errorf("error %v is not %v", err, tt.target)
			}
			for _, s := range tt.text {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	b, err := Parse("n.txt", []byte("T\n\nA\u00a0 non\u2009breaking\u00a0\u00a0space and a soft\u00adhyphen, “kept” ‘quotes’.\u200b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Passages[0].Text, "A non breaking space and a softhyphen, “kept” ‘quotes’."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// kinds returns "kind:first words" for each passage, for compact checks.
func kinds(b *Briefing) []string {
	var out []string
	for _, p := range b.Passages {
		w := strings.Fields(p.Text)
		out = append(out, string(p.Kind)+":"+strings.Join(w[:min(3, len(w))], " "))
	}
	return out
}

func TestBlocks(t *testing.T) {
	in := `title: Storm hits coast
published: 2024-10-10
---
Storm hits coast

By Jane Doe and John Roe, The Example Press
Posted: Oct 10, 2024 4:01 PM EDT | Last Updated: Oct 10, 2024

Share this article

A powerful storm hit the coast on Thursday, officials said.

Thousands lost power. Schools closed.

Enlarge Image
A fallen tree blocks a road in the town.
Workers clear a fallen tree on Main Street on Thursday. (Pat Smith/Example Press)

What happens next

Crews expect to restore power by Saturday.

WATCH | Storm batters the coast:

Video shows waves over the sea wall

Waves crashed over the sea wall as the storm made landfall.

Advertisement

RELATED: Last year's storm cost millions
Read more: How storms form

Related stories:
- Storm season starts early
- Ten tips for a blackout

The mayor said the town would recover.

More On:
storms, power

Filed under: Weather · Coast

Leave a Reply

Back To Top
`
	b, err := Parse("storm.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"lede:A powerful storm",
		"body:Thousands lost power.",
		"caption:A fallen tree",
		"body:Crews expect to",
		"media:WATCH | Storm",
		"body:The mayor said",
	}
	if got := kinds(b); !slices.Equal(got, want) {
		t.Errorf("passages\n got %q\nwant %q", got, want)
	}
	if !slices.Equal(b.Sections, []string{"What happens next"}) {
		t.Errorf("sections %q", b.Sections)
	}
	cap := b.Passages[2]
	if cap.Credit != "Pat Smith/Example Press" || strings.Contains(cap.Text, "(Pat") || len(cap.Sentences) != 2 {
		t.Errorf("caption %+v", cap)
	}
	if media := b.Passages[4]; !strings.Contains(media.Text, "Video shows waves") || !strings.Contains(media.Text, "Waves crashed") {
		t.Errorf("media block %q", media.Text)
	}
	var credits []string
	for _, s := range b.Sources {
		if s.Kind == MediaCredit {
			credits = append(credits, s.Name)
		}
	}
	if !slices.Equal(credits, []string{"Pat Smith", "Example Press"}) {
		t.Errorf("media credits %q", credits)
	}
	for _, p := range b.Passages {
		for _, bad := range []string{"By Jane", "Posted", "Share", "Enlarge", "Advertisement", "RELATED", "Read more", "Storm season", "More On", "storms, power", "Filed under", "Leave a Reply", "Back To Top"} {
			if strings.Contains(p.Text, bad) {
				t.Errorf("furniture %q kept in %s: %q", bad, p.ID, p.Text)
			}
		}
	}
}

func TestFurnitureLines(t *testing.T) {
	furniture := []string{
		"Source link", "Leave a Reply", "Back To Top", "Advertisement", "ADVERTISEMENT", "Share this",
		"Share this article", "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, The Associated Press",
		"Jane Doe · Reporter", "Jane Doe · CBC News · Posted: Mar 23, 2024 4:01 PM EDT",
		"Posted: Mar 23, 2024 4:01 PM EDT", "Updated 5:12 p.m. CDT June 13, 2025",
		"Sat 18 May 2024 10.00 BST", "March 23, 2024", "More On: Russia, Ukraine", "Filed under: Weather",
		"RELATED: A headline here", "Read more: Another headline", "Enlarge Image", "Sign up for our newsletter",
		"Story continues below advertisement", "© 2025 Example Wire. All rights reserved.", "12 Comments",
		"Reporting by Jane Doe; Editing by John Roe", "The Associated Press contributed to this report.",
		"Photo: Reuters", "2:41", "https://example.com/x", "Social Sharing",
		"With files from The Associated Press and Reuters", "___", "* * *",
		"AP writer Jane Doe in Kyiv contributed.", "Image source, Getty Images",
		"Credit...Jane Doe for The Example Times", "(Reporting by Jane Doe; Editing by John Roe)",
	}
	for _, s := range furniture {
		if !isFurniture(s) {
			t.Errorf("isFurniture(%q) = false", s)
		}
	}
	content := []string{
		"By Friday, the group had claimed responsibility for the attack on the city.",
		"Share prices fell 4 percent on Monday.",
		"The advertisement ran in three newspapers.",
		"Related attacks have killed 13 people since 2021.",
		"Why Russia?", "Embattled, not eradicated", "Posted guards stood at the gate all night long.",
		"March 23, 2024, was the deadliest day of the year, officials said.",
		"With help from volunteers, the town rebuilt the bridge in a month.",
		"Credit card debt rose 4 percent last year, the bank said.",
	}
	for _, s := range content {
		if isFurniture(s) {
			t.Errorf("isFurniture(%q) = true", s)
		}
	}
}

func TestCaptionCredit(t *testing.T) {
	tests := []struct {
		in, text, credit string
	}{
		{"Damaged cars are seen in Kerman. (Tasnim News Agency/The Associated Press)", "Damaged cars are seen in Kerman.", "Tasnim News Agency/The Associated Press"},
		{"Officers walk past the wall. (Tatyana Makeyeva/AFP/Getty Images)", "Officers walk past the wall.", "Tatyana Makeyeva/AFP/Getty Images"},
		{"Smoke rises over the city. (Reuters)", "Smoke rises over the city.", "Reuters"},
		{"A library due to close. Photograph: Jon Super/The Guardian", "A library due to close.", "Jon Super/The Guardian"},
		{"Police at the scene (Jane Doe/AP Photo)", "Police at the scene", "Jane Doe/AP Photo"},
		{"Smoke rises. (Photo: Jane Doe)", "Smoke rises.", "Jane Doe"},
		{"Rescuers search the rubble.Credit...Jane Doe for The Example Times", "Rescuers search the rubble.", "Jane Doe for The Example Times"},
		{"The group is called Islamic State Khorasan (ISIS-K)", "", ""},
		{"He said it was over (for now).", "", ""},
		{"The vote passed (with 31 votes in favour)", "", ""},
	}
	for _, tt := range tests {
		text, credit, ok := captionCredit(tt.in)
		if ok != (tt.credit != "") || text != tt.text || credit != tt.credit {
			t.Errorf("captionCredit(%q) = %q, %q, %v", tt.in, text, credit, ok)
		}
	}
	if got := splitCredit("Tatyana Makeyeva/AFP/Getty Images"); !slices.Equal(got, []string{"Tatyana Makeyeva", "AFP", "Getty Images"}) {
		t.Errorf("splitCredit: %q", got)
	}
	if got := splitCredit("Jane Doe/AP Photo"); !slices.Equal(got, []string{"Jane Doe", "AP"}) {
		t.Errorf("splitCredit: %q", got)
	}
	if got := splitCredit("File photo/Handout via Reuters"); !slices.Equal(got, []string{"Reuters"}) {
		t.Errorf("splitCredit: %q", got)
	}
	if got := splitCredit("Jane Doe for The Example Times"); !slices.Equal(got, []string{"Jane Doe", "The Example Times"}) {
		t.Errorf("splitCredit: %q", got)
	}
}

func TestMarkdown(t *testing.T) {
	in := `# Council votes to close **five** libraries

_By Jane Doe · Local government reporter_

A council has *voted* to close [five libraries](https://example.com/x), angering __residents__.
This second line wraps softly
into the third.

![A closed library](https://example.com/l.jpg)

_A library that will close. (Pat Smith/Example Press)_

## What comes next

> "We will fight this," said Ann Lee, a campaigner.

- one item
- two items

Subheading
----------

The end of the ` + "`story`" + `.

***
`
	b, err := Parse("council.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Council votes to close five libraries" {
		t.Errorf("title %q", b.Title)
	}
	if !slices.Equal(b.Sections, []string{"What comes next", "Subheading"}) {
		t.Errorf("sections %q", b.Sections)
	}
	want := []string{
		"A council has voted to close five libraries, angering residents. This second line wraps softly into the third.",
		"A closed library\nA library that will close.",
		`"We will fight this," said Ann Lee, a campaigner.`,
		"one item\ntwo items",
		"The end of the story.",
	}
	var got []string
	for _, p := range b.Passages {
		got = append(got, p.Text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("passages\n got %q\nwant %q", got, want)
	}
	if b.Passages[1].Kind != Caption || b.Passages[1].Credit != "Pat Smith/Example Press" {
		t.Errorf("caption %+v", b.Passages[1])
	}
	if len(b.Quotes) != 1 || b.Quotes[0].Speaker != "Ann Lee" || b.Quotes[0].Role != "campaigner" {
		t.Errorf("quotes %+v", b.Quotes)
	}
}

func TestHeadingsNeedContent(t *testing.T) {
	in := "Title\n\nA short deck line\n\nThe lede paragraph, with a comma.\n\nA heading\n\nBody text.\n\nTrailing thing\n\nAnother\n"
	b, err := Parse("h.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Sections, []string{"A heading"}) {
		t.Errorf("sections %q", b.Sections)
	}
	if got := kinds(b); !slices.Equal(got, []string{"body:A short deck", "lede:The lede paragraph,", "body:Body text."}) {
		t.Errorf("passages %q", got)
	}
}

func TestLabelledCaptions(t *testing.T) {
	in := "Title\n\nThe lede, with a comma.\n\nImage source, Example Images\nImage caption, Police at the scene on Friday\n\nMore body text.\n"
	b, err := Parse("bbc.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(b); !slices.Equal(got, []string{"lede:The lede, with", "caption:Police at the", "body:More body text."}) {
		t.Errorf("passages %q", got)
	}
}
